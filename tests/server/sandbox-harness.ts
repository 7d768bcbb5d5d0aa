/** Test harness: a sandbox on loopback port 0 over a fresh temporary SQLite file. */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startSandboxServer, type SandboxOptions, type SandboxServer } from '../../src/server/create-sandbox-server'

export const KEY = 'aaaabbbbccccddddeeeefffff'
export const CURL_KEY = 'aaabbbcccdddeeeffff'
export const LEVIS_KEY = 'demo-levis-key'
export const ACE_KEY = 'demo-ace-key'

export interface Harness {
  server: SandboxServer
  dir: string
  url: (path: string) => string
  /** POSTs a JSON body (objects are stringified, strings sent verbatim). */
  post: (path: string, body: unknown, headers?: Record<string, string>) => Promise<Res>
  get: (path: string, headers?: Record<string, string>) => Promise<Res>
  stop: () => Promise<void>
}

export interface Res {
  status: number
  headers: Headers
  text: string
  json: any
}

async function read(r: Response): Promise<Res> {
  const text = await r.text()
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    json = undefined
  }
  return { status: r.status, headers: r.headers, text, json }
}

/** Starts a seeded sandbox on a new temp database. */
export async function startHarness(opts: Partial<SandboxOptions> = {}): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'stamps-sandbox-'))
  const server = await startSandboxServer({
    port: 0,
    host: '127.0.0.1',
    dbPath: join(dir, 'sandbox.db'),
    seed: 'demo',
    ...opts
  })
  const url = (path: string) => `${server.url}${path}`
  return {
    server,
    dir,
    url,
    post: async (path, body, headers = {}) =>
      read(
        await fetch(url(path), {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', ...headers },
          body: typeof body === 'string' ? body : JSON.stringify(body)
        })
      ),
    get: async (path, headers = {}) => read(await fetch(url(path), { headers })),
    stop: async () => {
      await server.close()
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

export const tokenHeader = (key = KEY) => ({ Authorization: `Token ${key}` })
