/** Runs the sandbox CLI as a child process, so load generator and server never share a loop. */
import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'

export interface SandboxChild {
  url: string
  stop(): Promise<void>
}

const ROOT = join(__dirname, '..', '..')

/** Starts `src/server/cli.ts` on a free loopback port over `dbPath`, resolving when ready. */
export function startSandboxChild(dbPath: string, extraArgs: string[] = []): Promise<SandboxChild> {
  // the same Node that runs the bench (the project's pinned 24), with tsx as a loader
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(ROOT, 'src/server/cli.ts'),
      '--port',
      '0',
      '--host',
      '127.0.0.1',
      '--db',
      dbPath,
      ...extraArgs
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] }
  )
  return new Promise((resolve, reject) => {
    let out = ''
    const timer = setTimeout(() => reject(new Error(`sandbox did not start: ${out}`)), 30_000)
    child.once('exit', (code) => reject(new Error(`sandbox exited ${code}: ${out}`)))
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const m = /^sandbox: (\S+)$/m.exec(out)
      if (!m) return
      clearTimeout(timer)
      resolve({
        url: m[1]!,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done()
            child.once('exit', () => done())
            child.kill('SIGTERM')
          })
      })
    })
  })
}
