/**
 * `npm run start:host`: the headless host as built into out/main/host.js by `npm run build`. Plain
 * Node runs it: no tsx, no vite, no build at start-up; the renderer is the one built beside it
 * (out/renderer) and the native modules load from node_modules.
 */
import { join } from 'node:path'
import { runHostCli } from './host-cli'

runHostCli({ command: 'npm run start:host --', rendererDir: () => join(__dirname, '..', 'renderer') })
