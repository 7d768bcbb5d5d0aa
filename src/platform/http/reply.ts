/** Writes answers as the service does: JSON or XML by Accept, with DRF's Vary and Allow headers. */
import type { FastifyReply, FastifyRequest } from 'fastify'
import { toStampsXml } from '../../shared/stamps/xml-codec'
import { wantsXml } from './negotiate'

/** A JSON body rendered ahead of time (activity pages), with its object form for XML answers. */
export class PrebuiltJson {
  constructor(
    readonly json: string,
    readonly toValue: () => unknown
  ) {}
}

/** The Allow header value a route declared in its config, if any. */
export function routeAllow(req: FastifyRequest): string | undefined {
  return (req.routeOptions.config as { allow?: string } | undefined)?.allow
}

/** Sends `body` with `status`, negotiated by the request's Accept header. */
export function sendAnswer(
  req: FastifyRequest,
  reply: FastifyReply,
  status: number,
  body: unknown,
  xmlBody?: unknown
): FastifyReply {
  const allow = routeAllow(req)
  reply.code(status).header('Vary', 'Accept')
  if (allow) reply.header('Allow', allow)
  if (wantsXml(req.headers.accept)) {
    const value = body instanceof PrebuiltJson ? body.toValue() : (xmlBody ?? body)
    return reply.header('Content-Type', 'application/xml').send(Buffer.from(toStampsXml(value)))
  }
  // a Buffer keeps the media type exactly as the service sends it (Fastify adds a charset to strings)
  return reply
    .header('Content-Type', 'application/json')
    .send(Buffer.from(body instanceof PrebuiltJson ? body.json : JSON.stringify(body)))
}
