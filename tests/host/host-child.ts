/** Runs the real headless host (src/main/host/cli.ts) as a child process that tests can kill -9. */
import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

const CLI = join(__dirname, '..', '..', 'src', 'main', 'host', 'cli.ts')
const ROOT = join(__dirname, '..', '..')
/** The host as `npm run build` leaves it (what `npm run start:host` runs). */
export const BUILT_HOST = join(ROOT, 'out', 'main', 'host.js')

/**
 * `npm run start:host` as package.json spells it (`VAR=value node --flag out/main/host.js`): its
 * environment and Node flags, so tests and benches run exactly what a kiosk runs.
 */
export function startHostCommand(): { env: Record<string, string>; nodeArgs: string[] } {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
  const words = pkg.scripts['start:host']!.split(/\s+/)
  const node = words.indexOf('node')
  if (node === -1 || words.at(-1) !== 'out/main/host.js')
    throw new Error('start:host is not `[VAR=v] node [flags] out/main/host.js`')
  const env = Object.fromEntries(words.slice(0, node).map((w) => w.split('=') as [string, string]))
  return { env, nodeArgs: words.slice(node + 1, -1) }
}

export interface HostChild {
  bridgeUrl: string
  uiUrl: string
  child: ChildProcess
  output(): string
  kill9(): Promise<void>
  stop(): Promise<void>
}

/**
 * One process (node --import tsx), so SIGKILL hits the host itself and nothing survives it.
 * `env` carries secrets (STAMPS_KIOSK_KEY, STAMPS_KIOSK_BRIDGE_TOKEN): the host refuses them as flags.
 * `nodeArgs` go to node before the host (a test-only `--import` that injects a fault).
 */
export async function startHostChild(
  args: string[],
  readyMs = 20_000,
  env: Record<string, string> = {},
  nodeArgs: string[] = []
): Promise<HostChild> {
  return spawnHost(['--import', 'tsx', ...nodeArgs, CLI, ...args], readyMs, {
    STAMPS_KIOSK_SKIP_RENDERER_BUILD: '1',
    ...env
  })
}

/** `npm run start:host`: the built host (out/main/host.js) on plain Node, no tsx, nothing built at start-up. */
export function startBuiltHostChild(
  args: string[],
  readyMs = 20_000,
  env: Record<string, string> = {}
): Promise<HostChild> {
  const command = startHostCommand()
  // From the project directory as npm runs it (NODE_COMPILE_CACHE is relative to it), with no
  // loader options inherited.
  return spawnHost(
    [...command.nodeArgs, BUILT_HOST, ...args],
    readyMs,
    { NODE_OPTIONS: '', ...command.env, ...env },
    ROOT
  )
}

async function spawnHost(
  nodeArgv: string[],
  readyMs: number,
  env: Record<string, string>,
  cwd = process.cwd()
): Promise<HostChild> {
  const child = spawn(process.execPath, nodeArgv, {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env }
  })
  let out = ''
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()))
  child.stderr!.on('data', (c: Buffer) => (out += c.toString()))
  const exited = new Promise<void>((r) => child.once('exit', () => r()))
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host not ready:\n${out}`)), readyMs)
    const check = (): void => {
      if (/^ui: /m.test(out)) {
        clearTimeout(timer)
        resolve()
      }
    }
    child.stdout!.on('data', check)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`host exited (${code}):\n${out}`))
    })
  })
  const line = (name: string): string => new RegExp(`^${name}: (\\S+)$`, 'm').exec(out)![1]!
  return {
    bridgeUrl: line('bridge'),
    uiUrl: line('ui'),
    child,
    output: () => out,
    async kill9() {
      child.kill('SIGKILL')
      await exited
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
      await exited
    }
  }
}
