import { describe, expect, it } from 'vitest'
import { translate } from './i18n'
import {
  isMagstripeText,
  maskPan,
  memberIdReason,
  memberIdResultSchema,
  parseMagstripe,
  parseMemberId
} from './member-id'

const card = (value: string) => ({ ok: true, kind: 'card', value })
const mobile = (value: string) => ({ ok: true, kind: 'mobile', value })
const email = (value: string) => ({ ok: true, kind: 'email', value })
const code = (input: string) => {
  const r = parseMemberId(input)
  return r.ok ? `ok:${r.kind}` : r.code
}

describe('parseMemberId plain text', () => {
  it('takes the demo card numbers, with scanner suffixes and printed grouping', () => {
    expect(parseMemberId('1234567890123')).toEqual(card('1234567890123'))
    expect(parseMemberId('2000000000002\r\n')).toEqual(card('2000000000002'))
    expect(parseMemberId(' 2000 0000 0000 2 ')).toEqual(card('2000000000002'))
  })
  it('rejects card numbers outside 6-19 digits', () => {
    expect(code('12345')).toBe('bad-card')
    expect(code('12345678901234567890')).toBe('bad-card')
    expect(parseMemberId('123456')).toEqual(card('123456'))
  })
  it('normalises Indonesian mobiles to +628', () => {
    expect(parseMemberId('081234567890')).toEqual(mobile('+6281234567890'))
    expect(parseMemberId('+62 812-3456-7890')).toEqual(mobile('+6281234567890'))
    expect(parseMemberId('6281234567890')).toEqual(mobile('+6281234567890'))
    expect(parseMemberId('0812345678')).toEqual(mobile('+62812345678'))
  })
  it('rejects mobiles that are too short or too long, and landlines written with +62', () => {
    expect(code('0812345')).toBe('bad-mobile')
    expect(code('08123456789012345')).toBe('bad-mobile')
    expect(code('+62215551234')).toBe('bad-mobile')
  })
  it('lowercases emails and rejects malformed ones', () => {
    expect(parseMemberId('Member.Name@Stamps.CO.ID')).toEqual(email('member.name@stamps.co.id'))
    expect(code('name@localhost')).toBe('bad-email')
    expect(code('a@@b.com')).toBe('bad-email')
  })
  it('rejects empty and unrecognised input with a reason in English and Indonesian', () => {
    const r = parseMemberId('  \r\n')
    expect(r).toMatchObject({ ok: false, code: 'empty' })
    expect(code('hello world')).toBe('unknown')
    expect(code('x'.repeat(3000))).toBe('too-long')
    const u = parseMemberId('ABC-123')
    if (u.ok) throw new Error('should fail')
    expect(translate('en', memberIdReason(u.code))).toMatch(/member card/)
    expect(translate('id', memberIdReason(u.code))).toMatch(/kartu member/)
    expect(memberIdResultSchema.parse(u)).toEqual(u)
  })
})

describe('parseMemberId QR payloads', () => {
  it('reads identifiers from URL query parameters', () => {
    expect(parseMemberId('https://stamps.co.id/m?member=1234567890123')).toEqual(card('1234567890123'))
    expect(parseMemberId('https://x.id/?email=A%40B.co.id')).toEqual(email('a@b.co.id'))
    expect(parseMemberId('https://x.id/?ref=qr&mobile=081234567890')).toEqual(mobile('+6281234567890'))
    expect(parseMemberId('https://x.id/?id=7&card=2000000000002')).toEqual(card('2000000000002'))
  })
  it('falls back to the last path segment', () => {
    expect(parseMemberId('https://stamps.co.id/u/2000000000002/')).toEqual(card('2000000000002'))
    expect(code('https://stamps.co.id/promo/summer')).toBe('no-id-in-qr')
    expect(code('https://stamps.co.id/')).toBe('no-id-in-qr')
  })
  it('reads mailto: and tel: codes', () => {
    expect(parseMemberId('mailto:Someone@Example.com')).toEqual(email('someone@example.com'))
    expect(parseMemberId('tel:+6281234567890')).toEqual(mobile('+6281234567890'))
  })
  it('reads JSON payloads by key, preferring a valid candidate', () => {
    expect(parseMemberId('{"member_id":"1234567890123"}')).toEqual(card('1234567890123'))
    expect(parseMemberId('{"card_number":2000000000002}')).toEqual(card('2000000000002'))
    expect(parseMemberId('{"id":7,"email":"X@Y.com"}')).toEqual(email('x@y.com'))
    expect(parseMemberId('{"mobile":"0812-3456-7890"}')).toEqual(mobile('+6281234567890'))
    expect(code('{"mobile":"12345678"}')).toBe('bad-mobile')
    expect(code('{"card_number":12345678901234567890}')).toBe('bad-card')
    expect(code('{"foo":"bar"}')).toBe('no-id-in-qr')
    expect(code('{not json')).toBe('unknown')
  })
})

describe('magstripe', () => {
  const t1 = '%B6009990000000123^SANTOSO/BUDI^2812101000000000?'
  const t2 = ';6009990000000123=28121010000000000?'
  it('takes the PAN from track 2, or track 1 when track 2 is missing', () => {
    expect(parseMemberId(t1 + t2)).toEqual(card('6009990000000123'))
    expect(parseMemberId(t1)).toEqual(card('6009990000000123'))
    expect(parseMemberId(';2000000000002?')).toEqual(card('2000000000002'))
    expect(parseMemberId('%E?' + t2)).toEqual(card('6009990000000123'))
  })
  it('reports a bad read as such', () => {
    expect(code('%E?')).toBe('card-read-error')
    expect(code('%E?;E?')).toBe('card-read-error')
    expect(parseMagstripe('%E?').error).toBe(true)
  })
  it('parses the cardholder name and masks PANs', () => {
    expect(parseMagstripe(t1 + t2)).toEqual({
      track1: { pan: '6009990000000123', name: 'SANTOSO/BUDI' },
      track2: { pan: '6009990000000123' },
      error: false
    })
    expect(isMagstripeText(t2)).toBe(true)
    expect(isMagstripeText('1234567890123')).toBe(false)
    expect(maskPan('6009990000000123')).toBe('************0123')
  })
})
