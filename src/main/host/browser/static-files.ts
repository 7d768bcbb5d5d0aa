/** The built renderer, file by file: the page behind the token, the assets behind the cookie, nothing outside. */
import { readFile, realpath, stat } from 'node:fs/promises'
import { extname, resolve, sep } from 'node:path'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { PageGate } from './page-gate'
import { refuse } from './refusals'

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json'
}

/** Resolves a URL path to a file inside `root` (a realpath), or null (traversal, symlink out, directory). */
async function fileFor(root: string, pathname: string): Promise<string | null> {
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return null
  }
  if (decoded.includes('\0') || decoded.includes('\\') || decoded.split('/').includes('..')) return null
  const candidate = resolve(root, `.${decoded === '/' ? '/index.html' : decoded}`)
  if (!candidate.startsWith(root + sep)) return null
  try {
    const real = await realpath(candidate)
    if (!real.startsWith(root + sep)) return null
    return (await stat(real)).isFile() ? real : null
  } catch {
    return null
  }
}

/** The GET/HEAD handler for every path; `root` must already be a realpath. */
export function serveStatic(
  root: string,
  gate: PageGate
): (req: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply> {
  return async (req, reply) => {
    const url = gate.urlOf(req.raw.url)
    const isPage = url.pathname === '/' || url.pathname === '/index.html'
    const allowed = isPage ? gate.tokenOk(url.searchParams.get('token')) : gate.assetCookieOk(req.headers.cookie)
    if (!allowed)
      return refuse(reply, 401, 'Refused: open the ui: URL printed by the host (it carries the launch token).')
    const file = await fileFor(root, url.pathname)
    if (!file) return refuse(reply, 404, 'Not found.')
    const body = await readFile(file)
    if (isPage) reply.header('Set-Cookie', gate.assetCookie)
    return reply
      .code(200)
      .type(MIME[extname(file)] ?? 'application/octet-stream')
      .send(req.method === 'HEAD' ? Buffer.alloc(0) : body)
  }
}
