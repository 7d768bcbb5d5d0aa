/** An HTTP answer decided before the endpoint's own logic ran (auth, method, parse, size). */
import { ERROR_TEXT } from '../../shared/stamps/errors'

/** Thrown inside the request pipeline; rendered as `{"detail": ...}` in the negotiated format. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>
  ) {
    super(String(body.detail ?? status))
    this.name = 'HttpError'
  }
}

export const httpErrors = {
  https: () => new HttpError(403, { detail: ERROR_TEXT.https }),
  noCredentials: () => new HttpError(403, { detail: ERROR_TEXT.noCredentials }),
  badCredentials: () => new HttpError(401, { detail: ERROR_TEXT.badCredentials }),
  notFound: () => new HttpError(404, { detail: ERROR_TEXT.notFound }),
  method: (method: string) => new HttpError(405, { detail: ERROR_TEXT.methodNotAllowed(method) }),
  tooLarge: () => new HttpError(413, { detail: ERROR_TEXT.tooLarge }),
  crossSite: () => new HttpError(403, { detail: 'Requests from web pages of other sites are refused.' }),
  mediaType: (type: string) => new HttpError(415, { detail: `Unsupported media type "${type}" in request.` }),
  parse: (format: 'JSON' | 'XML', message: string) =>
    new HttpError(400, { detail: `${format} parse error - ${message}` })
}
