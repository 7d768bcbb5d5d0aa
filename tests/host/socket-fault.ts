/**
 * A test-only fault, preloaded into a real host or sandbox process with `--import`: a request
 * carrying `X-Test-Fault: throw` (or `reject`) makes its server socket throw (or leave a
 * rejected promise) from the socket's close callback, as a bug in a socket callback would.
 * The product never loads this file.
 */
import { subscribe } from 'node:diagnostics_channel'
import type { IncomingMessage } from 'node:http'
import type { Socket } from 'node:net'

subscribe('http.server.request.start', (message) => {
  const { request, socket } = message as { request: IncomingMessage; socket: Socket }
  const fault = request.headers['x-test-fault']
  if (fault === 'throw')
    socket.once('close', () => {
      throw new Error(`test fault: thrown from a socket close callback (${request.url})`)
    })
  if (fault === 'reject')
    socket.once('close', () => {
      void Promise.reject(new Error(`test fault: rejected in a socket close callback (${request.url})`))
    })
})
