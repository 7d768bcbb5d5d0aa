import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        // Native addons load from node_modules at run time; never bundle them.
        external: ['better-sqlite3', 'node-hid'],
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
