/** Two linked pseudo-terminals from `socat -d -d pty,raw,echo=0 pty,raw,echo=0`: a real serial line for tests. */
import { type ChildProcess, spawn } from 'node:child_process'

export interface PtyPair {
  /** The two device paths (/dev/pts/N): bytes written to one are read from the other. */
  a: string
  b: string
  close(): Promise<void>
}

export function ptyPair(timeoutMs = 10_000): Promise<PtyPair> {
  const socat: ChildProcess = spawn('socat', ['-d', '-d', 'pty,raw,echo=0', 'pty,raw,echo=0'], {
    stdio: ['ignore', 'ignore', 'pipe']
  })
  const exited = new Promise<void>((r) => socat.once('exit', () => r()))
  return new Promise((resolve, reject) => {
    let err = ''
    const timer = setTimeout(() => {
      socat.kill()
      reject(new Error(`socat gave no pty pair in ${timeoutMs} ms: ${err}`))
    }, timeoutMs)
    socat.once('error', (e) => {
      clearTimeout(timer)
      reject(new Error(`socat could not start (scripts/ensure-system-deps.sh installs it): ${e.message}`))
    })
    socat.stderr!.on('data', (c: Buffer) => {
      err += c.toString()
      const paths = [...err.matchAll(/PTY is (\S+)/g)].map((m) => m[1]!)
      if (paths.length < 2 || !/starting data transfer loop/.test(err)) return
      clearTimeout(timer)
      socat.stderr!.removeAllListeners('data')
      socat.stderr!.resume()
      resolve({
        a: paths[0]!,
        b: paths[1]!,
        close: async () => {
          if (socat.exitCode === null && socat.signalCode === null) socat.kill()
          await exited
        }
      })
    })
  })
}
