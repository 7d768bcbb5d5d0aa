/**
 * `npm run build && npm run start:host`: the host from out/ on plain Node. The build needs only the
 * production dependencies at run time (no tsx, no vite), and the running host serves the UI and
 * takes a sale at the bridge. The test runner builds out/ once up front (scripts/run-tests.mjs).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tempDir } from '../support/temp-files'
import { BUILT_HOST, startBuiltHostChild, type HostChild } from './host-child'

const root = join(__dirname, '..', '..')
const outMain = dirname(BUILT_HOST)
const TOKEN = 'built-host-token-0123456789'
const tmp = tempDir('built-host-')
let host: HostChild

const jsFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? jsFiles(join(dir, e.name)) : e.name.endsWith('.js') ? [join(dir, e.name)] : []
  )

const packageOf = (id: string): string =>
  id
    .split('/')
    .slice(0, id.startsWith('@') ? 2 : 1)
    .join('/')

/** package.json's dependencies and everything they depend on, as installed: what `npm ci --omit=dev` keeps. */
function productionClosure(): Set<string> {
  type Pkg = { dependencies?: Record<string, string>; optionalDependencies?: Record<string, string> }
  const read = (dir: string): Pkg => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Pkg
  const seen = new Set<string>()
  const visit = (pkg: Pkg): void => {
    for (const name of Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies })) {
      const dir = join(root, 'node_modules', name)
      if (seen.has(name) || !existsSync(dir)) continue
      seen.add(name)
      visit(read(dir))
    }
  }
  visit(read(root))
  return seen
}

beforeAll(async () => {
  if (!existsSync(BUILT_HOST)) throw new Error(`${BUILT_HOST} is missing: run npm run build first`)
  host = await startBuiltHostChild(
    ['--data-dir', tmp.dir, '--bridge-port', '0', '--ui-port', '0', '--printer', `file:${tmp.file('receipts')}`],
    20_000,
    { STAMPS_KIOSK_BRIDGE_TOKEN: TOKEN }
  )
})
afterAll(async () => {
  await host?.stop()
  tmp.remove()
})

describe('the built host (npm run start:host)', () => {
  it('loads nothing at run time but Node, its production dependencies (and theirs) and its own chunks', () => {
    const allowed = new Set([...productionClosure(), ...builtinModules])
    const loaded = new Set<string>()
    for (const file of jsFiles(outMain).filter((f) => !f.endsWith(join('main', 'index.js')))) {
      // Not ajv's generated code, which writes require("ajv/...") into a template string.
      for (const m of readFileSync(file, 'utf8').matchAll(/(?<!`)\b(?:require|import)\("([^"]+)"\)/g)) loaded.add(m[1]!)
    }
    const external = [...loaded].filter((m) => !m.startsWith('.')).map((m) => m.replace(/^node:/, ''))
    // Native addons load from node_modules; Fastify and the other pure-JS packages are in the bundle.
    expect(external).toEqual(expect.arrayContaining(['better-sqlite3', 'node-hid']))
    expect(external).not.toContain('fastify')
    expect(external.filter((m) => !allowed.has(packageOf(m)))).toEqual([])
    for (const m of external.filter((e) => !builtinModules.includes(e)))
      expect(require.resolve(m, { paths: [outMain] }), m).toContain(join(root, 'node_modules'))
  })

  it('serves the built UI behind its token', async () => {
    const page = await fetch(host.uiUrl)
    expect(page.status).toBe(200)
    const html = await page.text()
    const script = /<script[^>]+src="([^"]+\.js)"/.exec(html)?.[1]
    expect(script).toBeDefined()
    const js = await fetch(new URL(script!, host.uiUrl), { headers: { cookie: page.headers.get('set-cookie') ?? '' } })
    expect(js.status).toBe(200)
    expect(js.headers.get('content-type')).toMatch(/javascript/)
    expect((await fetch(new URL('/', host.uiUrl))).status).not.toBe(200)
  })

  it('takes a sale at the bridge and answers with the stamps the embedded sandbox gave', async () => {
    const res = await fetch(`${host.bridgeUrl}/api/transactions/add`, {
      method: 'POST',
      headers: { authorization: `Token ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ user: 'customer@stamps.co.id', store: 2, invoice_number: 'built-1', total_value: 50_000 })
    })
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ transaction: { stamps_earned: 5, value: 50000 } })
  })
})
