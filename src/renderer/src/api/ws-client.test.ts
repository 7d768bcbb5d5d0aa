/**
 * The WebSocket client's link logic, on a scripted socket and fake timers (the real host and
 * Chromium are in tests/e2e/kiosk/reconnect.spec.ts): a silent socket is replaced, calls that
 * already answered are never sent late, calls made offline go first on reconnect.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { IpcResult, StampsKioskApi } from '../../../shared/ipc'
import { linkOf, onReconnect } from './link'
import { createWsClient } from './ws-client'

/** A socket the test plays the host for. */
class ScriptedSocket {
  static readonly OPEN = 1
  static all: ScriptedSocket[] = []
  readyState = 0
  sent: string[] = []
  onopen: (() => void) | null = null
  onmessage: ((e: { data: string }) => void) | null = null
  onclose: ((e: { code: number }) => void) | null = null
  constructor(readonly url: string) {
    ScriptedSocket.all.push(this)
  }
  send(text: string): void {
    this.sent.push(text)
  }
  close(): void {
    this.readyState = 3
  }
  /** The host accepts the socket and the token. */
  accept(): void {
    this.readyState = 1
    this.onopen?.()
    this.onmessage?.({ data: JSON.stringify({ authed: true }) })
  }
  /** The host goes away with `code`. */
  drop(code = 1006): void {
    this.readyState = 3
    this.onclose?.({ code })
  }
  channels(): string[] {
    return this.sent
      .map((s) => JSON.parse(s) as { channel?: string; auth?: string; ping?: true })
      .map((m) => m.channel ?? (m.auth ? 'auth' : 'ping'))
  }
}

const latest = (): ScriptedSocket => ScriptedSocket.all.at(-1)!
let api: StampsKioskApi

beforeEach(() => {
  vi.useFakeTimers()
  ScriptedSocket.all = []
  vi.stubGlobal('WebSocket', ScriptedSocket)
  api = createWsClient('ws://127.0.0.1:1/ipc', 'token-0123456789abcdef')
})
afterEach(() => {
  vi.unstubAllGlobals()
  vi.useRealTimers()
})

describe('the browser host client', () => {
  it('pings a silent host and replaces a socket whose pong never comes (half-open)', async () => {
    latest().accept()
    expect(linkOf(api).state()).toBe('open')
    await vi.advanceTimersByTimeAsync(5_000)
    expect(latest().channels()).toEqual(['auth', 'ping'])
    // A pong keeps it.
    latest().onmessage?.({ data: JSON.stringify({ pong: true }) })
    await vi.advanceTimersByTimeAsync(9_000)
    expect(ScriptedSocket.all).toHaveLength(1)
    // No pong: dead within the pong timeout, and a new socket is on its way.
    const inFlight = api.invoke('status:get', {})
    await vi.advanceTimersByTimeAsync(14_000)
    expect(linkOf(api).state()).toBe('lost')
    expect(ScriptedSocket.all[0]!.readyState).toBe(3)
    expect(await inFlight).toMatchObject({ ok: false, error: { code: 'unreachable' } })
    await vi.advanceTimersByTimeAsync(250)
    expect(ScriptedSocket.all).toHaveLength(2)
    latest().accept()
    expect(linkOf(api).state()).toBe('open')
  })

  it('never sends a call that already answered unreachable while it waited for the socket', async () => {
    const answer = api.invoke('sale:submit', { user: 'u', invoiceNumber: 'INV-1', totalValue: 1_000 })
    await vi.advanceTimersByTimeAsync(30_000)
    expect(await answer).toMatchObject({ ok: false, error: { code: 'unreachable' } })
    latest().accept()
    await vi.advanceTimersByTimeAsync(0)
    expect(ScriptedSocket.all.flatMap((s) => s.channels())).not.toContain('sale:submit')
  })

  it('sends what was called offline first on reconnect, then what the screens re-read', async () => {
    latest().accept()
    const reread: string[] = []
    onReconnect(api, () => {
      reread.push('status:get')
      void api.invoke('status:get', {})
    })
    latest().drop()
    expect(linkOf(api).state()).toBe('lost')
    const lookup = api.invoke('member:lookup', { query: '1234567890123' })
    await vi.advanceTimersByTimeAsync(250)
    latest().accept()
    expect(latest().channels()).toEqual(['auth', 'member:lookup', 'status:get'])
    expect(reread).toEqual(['status:get'])
    const id = (JSON.parse(latest().sent[1]!) as { id: number }).id
    const result: IpcResult<unknown> = { ok: false, error: { code: 'not-found', message: 'no' } }
    latest().onmessage?.({ data: JSON.stringify({ id, result }) })
    expect(await lookup).toEqual(result)
  })

  it('stops retrying, and says so, when the host refuses the token', async () => {
    latest().accept()
    latest().drop(4401)
    expect(linkOf(api).state()).toBe('refused')
    await vi.advanceTimersByTimeAsync(10_000)
    expect(ScriptedSocket.all).toHaveLength(1)
  })

  it('gives up on a handshake that never completes and tries again', async () => {
    latest().readyState = 1
    latest().onopen?.()
    await vi.advanceTimersByTimeAsync(13_000 + 250)
    expect(ScriptedSocket.all).toHaveLength(2)
    expect(linkOf(api).state()).toBe('connecting')
  })
})
