import { describe, expect, it } from 'vitest'
import { checkSave, checkSettings, draftOf } from './settings-form'

const saved = {
  upstream: 'https://stamps.co.id',
  credential: { kind: 'token' as const, keySet: true },
  merchant: 14,
  store: 2,
  bridge: { port: 8765, tokenSet: false },
  ui: { port: 0 },
  printer: null,
  paperWidth: 58 as const,
  scanner: 'wedge',
  kiosk: { mode: 'cashier' as const, idleTimeoutSeconds: 60 },
  language: 'en' as const,
  requestTimeoutMs: 8000,
  pins: { cashierDefault: false, adminDefault: false }
}

describe('admin settings form', () => {
  it('asks for https unless the server is on this computer', () => {
    const d = draftOf(saved)
    expect(checkSettings({ ...d, upstream: 'http://stamps.co.id' }).upstream).toBe('https')
    for (const ok of ['https://stamps.co.id', 'http://127.0.0.1:8000', 'http://localhost', 'http://[::1]:1'])
      expect(checkSettings({ ...d, upstream: ok }).upstream).toBeUndefined()
  })

  it('asks for the key again before saving another server, not for the same one or the sandbox', () => {
    const d = draftOf(saved)
    expect(checkSave({ ...d, upstream: 'https://other.example' }, saved)['credential.key']).toBe('rekey')
    expect(checkSave({ ...d, upstream: 'https://other.example', key: 'a-typed-key' }, saved)).toEqual({})
    expect(checkSave({ ...d, language: 'id' }, saved)).toEqual({})
    expect(checkSave({ ...d, upstreamMode: 'embedded' }, saved)).toEqual({})
  })
})
