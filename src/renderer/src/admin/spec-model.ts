/** The `model=` of a printer spec string, as the admin's model list reads and writes it. */

function split(spec: string): { base: string; params: URLSearchParams } {
  const q = spec.indexOf('?')
  return q < 0
    ? { base: spec, params: new URLSearchParams() }
    : { base: spec.slice(0, q), params: new URLSearchParams(spec.slice(q + 1)) }
}

/** The model the spec names, or '' for a generic printer. */
export function specModel(spec: string): string {
  return split(spec).params.get('model') ?? ''
}

/** The spec with `model=` set to `model` ('' removes it); its other parameters stay as they were. */
export function withSpecModel(spec: string, model: string): string {
  const { base, params } = split(spec.trim())
  if (model) params.set('model', model)
  else params.delete('model')
  const query = params.toString()
  return query ? `${base}?${query}` : base
}
