/** The page's liveness probe: the host answers `{ping: true}` with `{pong: true}` at once, once the socket is authenticated. */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { tempDir } from '../../../../tests/support/temp-files'
import { createIpcRouter } from '../../ipc/ipc-router'
import { startUiServer, type UiServer } from './ui-server'

const TOKEN = 'ping-token-0123456789abcdef'
const tmp = tempDir('ipc-ping-')
let server: UiServer

const open = async (query: string): Promise<WebSocket> => {
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}/ipc${query}`)
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject))
  return ws
}
const next = (ws: WebSocket): Promise<unknown> =>
  new Promise((resolve) => ws.once('message', (d) => resolve(JSON.parse(String(d)))))

beforeAll(async () => {
  mkdirSync(join(tmp.dir, 'renderer'))
  writeFileSync(join(tmp.dir, 'renderer', 'index.html'), '<!doctype html>')
  const rendererDir = join(tmp.dir, 'renderer')
  server = await startUiServer({ rendererDir, router: createIpcRouter(), token: TOKEN, port: 0, host: '127.0.0.1' })
})
afterAll(async () => {
  await server.close()
  tmp.remove()
})

describe('the liveness probe', () => {
  it('is answered at once on an authenticated socket', async () => {
    const ws = await open('')
    ws.send(JSON.stringify({ auth: TOKEN }))
    expect(await next(ws)).toEqual({ authed: true })
    ws.send(JSON.stringify({ ping: true }))
    expect(await next(ws)).toEqual({ pong: true })
    ws.close()
  })

  it('is no way in: before the token, a ping is a failed authentication', async () => {
    const ws = await open('')
    const closed = new Promise((resolve) => ws.once('close', resolve))
    ws.send(JSON.stringify({ ping: true }))
    expect(await closed).toBe(4401)
  })
})
