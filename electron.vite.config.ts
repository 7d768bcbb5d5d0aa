import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

export default defineConfig({
  main: {
    build: {
      // Pure-JS dependencies every start loads go into the bundle: resolving and reading Fastify's
      // hundred small files cost a third of the host's start-up. The rest (native addons, anything
      // that loads its own files at run time) stays in node_modules.
      externalizeDeps: {
        exclude: ['fastify', 'zod', 'ws', 'fast-xml-parser', '@point-of-sale/receipt-printer-encoder']
      },
      rollupOptions: {
        // Native addons load from node_modules at run time; never bundle them. Nor what Fastify
        // loads only on demand: JSON-schema compilers (create-http-app.ts passes its own), inject(),
        // and pino, whose transports load their own files in worker threads.
        external: [
          'better-sqlite3',
          'node-hid',
          '@fastify/ajv-compiler',
          '@fastify/fast-json-stringify-compiler',
          'light-my-request',
          'pino'
        ],
        // Beside Electron's entry: the encoder thread (off-thread-encoder.ts looks for it beside
        // index.js) and the command lines plain Node runs from out/main (npm run start:host).
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          'encode-worker': resolve(__dirname, 'src/main/printer/encode-worker.ts'),
          host: resolve(__dirname, 'src/main/host/built-cli.ts'),
          sandbox: resolve(__dirname, 'src/server/cli.ts'),
          'printer-emulator': resolve(__dirname, 'src/main/printer/emulator-cli.ts')
        }
      }
    }
  },
  preload: {
    // A sandboxed preload may only require('electron'): bundle everything else into it.
    build: { externalizeDeps: false }
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    build: { minify: true, rollupOptions: { input: resolve(__dirname, 'src/renderer/index.html') } },
    plugins: [react()]
  }
})
