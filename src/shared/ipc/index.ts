/**
 * The IPC contract between the renderer and main: every channel with its zod request and
 * response schema, and every main-to-renderer event, declared per domain in this folder and
 * joined here. Electron IPC and the browser host's WebSocket both carry exactly this table;
 * nothing else crosses the boundary.
 *
 * Channels are `domain:verb`. A handler answers `{ ok: true, data }` or `{ ok: false, error }`
 * so a refusal reaches the screen as a typed, translatable error instead of a thrown string.
 */
import type { z } from 'zod'
import { authChannels, authEvents } from './auth'
import { balanceChannels } from './balances'
import { captureChannels } from './capture'
import type { ChannelDef, EventDef, IpcResult } from './contract'
import { memberChannels } from './members'
import { printerChannels, printerEvents } from './printer'
import { queueChannels, queueEvents } from './queue'
import { rewardChannels } from './rewards'
import { saleChannels } from './sales'
import { scannerChannels, scannerEvents } from './scanner'
import { settingsChannels } from './settings'
import { statusChannels, statusEvents } from './status'

export * from './auth'
export * from './balances'
export * from './capture'
export * from './contract'
export * from './members'
export * from './printer'
export * from './queue'
export * from './rewards'
export * from './sales'
export * from './scanner'
export * from './settings'
export * from './status'

/** Every request/response pair, by channel. */
export const ipcChannels = {
  ...statusChannels,
  ...memberChannels,
  ...saleChannels,
  ...queueChannels,
  ...balanceChannels,
  ...rewardChannels,
  ...printerChannels,
  ...scannerChannels,
  ...settingsChannels,
  ...authChannels,
  ...captureChannels
} as const satisfies Record<string, ChannelDef>

/** Main-to-renderer events, by name. */
export const ipcEvents = {
  ...statusEvents,
  ...scannerEvents,
  ...authEvents,
  ...queueEvents,
  ...printerEvents
} as const satisfies Record<string, EventDef>

export type IpcChannel = keyof typeof ipcChannels
export type IpcEvent = keyof typeof ipcEvents
export type IpcRequest<C extends IpcChannel> = z.input<(typeof ipcChannels)[C]['request']>
export type IpcResponse<C extends IpcChannel> = z.infer<(typeof ipcChannels)[C]['response']>
export type IpcEventPayload<E extends IpcEvent> = z.infer<(typeof ipcEvents)[E]['payload']>

/** The preload's whole surface (and the browser host's WebSocket client's). */
export interface StampsKioskApi {
  invoke<C extends IpcChannel>(channel: C, payload: IpcRequest<C>): Promise<IpcResult<IpcResponse<C>>>
  on<E extends IpcEvent>(event: E, listener: (payload: IpcEventPayload<E>) => void): () => void
}

/** True when `name` is a channel of the contract (checked before any lookup by string). */
export const isIpcChannel = (name: unknown): name is IpcChannel =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(ipcChannels, name)

/** True when `name` is an event of the contract. */
export const isIpcEvent = (name: unknown): name is IpcEvent =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(ipcEvents, name)
