/** Picks the renderer's one API: the Electron preload's bridge, else the browser host's WebSocket. */
import type { StampsKioskApi } from '../../../shared/ipc'
import { createWsClient } from './ws-client'

declare global {
  interface Window {
    stampsKiosk?: StampsKioskApi
  }
}

let api: StampsKioskApi | undefined

/** The API for this page (created once). */
export function getApi(): StampsKioskApi {
  api ??= window.stampsKiosk ?? createWsClient()
  return api
}
