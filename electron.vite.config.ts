import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        // The encoder thread's entry is built beside index.js, where off-thread-encoder.ts looks for it.
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          'encode-worker': resolve(__dirname, 'src/main/printer/encode-worker.ts')
        },
        // Native addons load from node_modules at run time; never bundle them.
        external: ['better-sqlite3', 'node-hid', 'serialport']
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
