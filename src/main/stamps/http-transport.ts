/**
 * One HTTP exchange over node:http(s) with keep-alive and a deadline, recording whether the
 * request fully left this process: that decides whether a failure is ambiguous for money.
 */
import http from 'node:http'
import https from 'node:https'
import { StampsError } from './stamps-error'

export interface HttpRequest {
  method: 'GET' | 'POST'
  url: URL
  headers: Record<string, string>
  body?: string
  timeoutMs: number
}

export interface HttpAnswer {
  status: number
  contentType: string
  text: string
}

/** Answers larger than this are refused: no Stamps answer comes near it. */
const MAX_ANSWER_BYTES = 8 * 1024 * 1024

export class HttpTransport {
  // Keep-alive matters for the outbox drain rate: a fresh TCP connect per sale halves it.
  private readonly agents = {
    'http:': new http.Agent({ keepAlive: true, maxSockets: 16 }),
    'https:': new https.Agent({ keepAlive: true, maxSockets: 16 })
  }

  request(init: HttpRequest): Promise<HttpAnswer> {
    return new Promise((resolve, reject) => {
      const secure = init.url.protocol === 'https:'
      // `sent` flips when the last byte of the request was handed to the kernel. Before that
      // the server cannot hold a complete request, so a failure is certainly "not sent".
      let sent = false
      let settled = false
      const headers: Record<string, string | number> = { ...init.headers }
      if (init.body !== undefined) headers['content-length'] = Buffer.byteLength(init.body)
      const req = (secure ? https : http).request(init.url, {
        method: init.method,
        headers,
        agent: secure ? this.agents['https:'] : this.agents['http:']
      })
      const fail = (kind: 'network' | 'timeout' | 'protocol', detail: string): void => {
        if (settled) return
        settled = true
        clearTimeout(timer)
        req.destroy()
        reject(new StampsError({ kind, detail, ambiguous: sent }))
      }
      const timer = setTimeout(() => fail('timeout', `no answer within ${init.timeoutMs} ms`), init.timeoutMs)
      req.on('finish', () => {
        sent = true
      })
      req.on('error', (err: NodeJS.ErrnoException) => fail('network', `${err.code ?? 'ERR'}: ${err.message}`))
      req.on('response', (res) => {
        const chunks: Buffer[] = []
        let size = 0
        res.on('data', (chunk: Buffer) => {
          size += chunk.length
          if (size > MAX_ANSWER_BYTES) fail('protocol', 'answer too large')
          else chunks.push(chunk)
        })
        res.on('error', (err: NodeJS.ErrnoException) => fail('network', `${err.code ?? 'ERR'}: ${err.message}`))
        res.on('close', () => fail('network', 'answer cut short'))
        res.on('end', () => {
          if (settled) return
          if (!res.complete) return fail('network', 'answer cut short')
          settled = true
          clearTimeout(timer)
          resolve({
            status: res.statusCode ?? 0,
            contentType: String(res.headers['content-type'] ?? ''),
            text: Buffer.concat(chunks).toString('utf8')
          })
        })
      })
      req.end(init.body)
    })
  }

  /** Drops pooled sockets so a process (or a test) can exit promptly. */
  close(): void {
    this.agents['http:'].destroy()
    this.agents['https:'].destroy()
  }
}
