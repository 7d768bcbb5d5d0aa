/** Sandboxed preload: the renderer's only door to main (filled in by the IPC contract). */
import { contextBridge } from 'electron'

contextBridge.exposeInMainWorld('stampsKiosk', { version: '0.1.0' })
