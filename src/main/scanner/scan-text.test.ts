import { describe, expect, it } from 'vitest'
import { scanBytesToText } from './scan-text'

describe('scanBytesToText', () => {
  it('reads valid UTF-8 as UTF-8 (QR codes from phones and web pages)', () => {
    expect(scanBytesToText(Buffer.from('Śrī Dewi — Café', 'utf8'))).toBe('Śrī Dewi — Café')
  })
  it('reads anything else as ISO 8859-1, the default of QR byte mode and Code 128', () => {
    expect(scanBytesToText(Buffer.from([0x43, 0x61, 0x66, 0xe9]))).toBe('Café')
    expect(scanBytesToText(Buffer.from('1234567890123'))).toBe('1234567890123')
  })
})
