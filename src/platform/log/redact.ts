/** What a log line may never carry: keys, tokens, PINs and passwords, by field name, by pattern and by value. */

/** Object fields pino censors wherever they appear (two levels deep, as pino's paths allow). */
export const REDACT_FIELDS = ['key', 'token', 'pin', 'password', 'secret', 'authorization', 'jwt', 'cookie']

export const REDACT_PATHS = [
  ...REDACT_FIELDS,
  ...REDACT_FIELDS.map((f) => `*.${f}`),
  ...REDACT_FIELDS.map((f) => `*.*.${f}`),
  'req.headers.authorization',
  'req.headers.cookie'
]

export const CENSOR = '[redacted]'

// `?token=...`, `key=...` in URLs and forms; `Authorization: Token abc`, `Bearer abc`; JSON-ish "pin":"1234".
const PATTERNS: Array<[RegExp, string]> = [
  [/([?&](?:token|key|pin|password|jwt)=)(?!\[redacted\])[^&\s"')]+/gi, `$1${CENSOR}`],
  [/\b(Bearer|Token|JWT|Basic)\s+[A-Za-z0-9._~+/=-]{6,}/g, `$1 ${CENSOR}`],
  [/(["']?\b(?:token|key|pin|password|secret|jwt)["']?\s*[:=]\s*["']?)(?!\[redacted\])[^"',\s})&]+/gi, `$1${CENSOR}`]
]

/**
 * Scrubs a free-text message: the patterns above, then every known secret value (the bridge token,
 * the merchant key, the UI token) wherever it appears, whatever the words around it.
 */
export function scrubSecrets(text: string, secrets: readonly string[] = []): string {
  let out = text
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement)
  for (const secret of secrets) if (secret.length >= 6) out = out.split(secret).join(CENSOR)
  return out
}
