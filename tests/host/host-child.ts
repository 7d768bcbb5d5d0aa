/** Runs the real headless host (src/main/host/cli.ts) as a child process that tests can kill -9. */
import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'

const CLI = join(__dirname, '..', '..', 'src', 'main', 'host', 'cli.ts')

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
  const child = spawn(process.execPath, ['--import', 'tsx', ...nodeArgs, CLI, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, STAMPS_KIOSK_SKIP_RENDERER_BUILD: '1', ...env }
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
