import { describe, expect, it } from 'vitest'
import { formatPrinterSpec, parsePrinterSpec, PrinterSpecError, printerSpecStringSchema } from './printer-spec'

describe('parsePrinterSpec', () => {
  it('parses the four kinds', () => {
    expect(parsePrinterSpec('tcp://192.168.1.50:9101')).toEqual({
      kind: 'tcp',
      host: '192.168.1.50',
      port: 9101,
      connectTimeoutMs: 3000
    })
    expect(parsePrinterSpec('tcp://printer.local')).toMatchObject({ host: 'printer.local', port: 9100 })
    expect(parsePrinterSpec('tcp://[::1]:9100?timeout=500')).toMatchObject({ host: '::1', connectTimeoutMs: 500 })
    expect(parsePrinterSpec('device:/dev/usb/lp0')).toEqual({ kind: 'device', path: '/dev/usb/lp0' })
    expect(parsePrinterSpec('serial:/dev/ttyUSB0?baud=115200')).toEqual({
      kind: 'serial',
      path: '/dev/ttyUSB0',
      baud: 115200
    })
    expect(parsePrinterSpec('serial:/dev/ttyS0')).toMatchObject({ baud: 9600 })
    expect(parsePrinterSpec('file:/var/lib/kiosk/receipts')).toEqual({ kind: 'file', dir: '/var/lib/kiosk/receipts' })
    expect(parsePrinterSpec('file:receipts')).toEqual({ kind: 'file', dir: 'receipts' })
  })

  it('refuses bad specs with a message naming the problem', () => {
    expect(() => parsePrinterSpec('lp0')).toThrow(/expected tcp:\/\/HOST/)
    expect(() => parsePrinterSpec('usb:04b8:0202')).toThrow(/unknown kind "usb"/)
    expect(() => parsePrinterSpec('tcp:printer')).toThrow(/tcp:\/\/HOST:PORT/)
    expect(() => parsePrinterSpec('tcp://printer:99999')).toThrow(PrinterSpecError)
    expect(() => parsePrinterSpec('serial:/dev/ttyUSB0?baud=12345')).toThrow(/baud must be one of/)
    expect(() => parsePrinterSpec('device:lp0')).toThrow(/absolute/)
    expect(() => parsePrinterSpec('file:')).toThrow(/needs a folder/)
  })

  it('round-trips through formatPrinterSpec and validates in a settings schema', () => {
    for (const s of [
      'tcp://10.0.0.5:9100',
      'tcp://[::1]:9100',
      'device:/dev/usb/lp0',
      'serial:/dev/ttyUSB0?baud=9600',
      'file:/tmp/r',
      'tcp://127.0.0.1:9100?model=epson-tm-t88v',
      'serial:/dev/ttyUSB0?baud=19200&columns=42',
      'file:/tmp/r?model=pos-5890&columns=35'
    ]) {
      expect(formatPrinterSpec(parsePrinterSpec(s))).toBe(s)
    }
    expect(printerSpecStringSchema.safeParse('tcp://x:1').success).toBe(true)
    expect(printerSpecStringSchema.safeParse('nope').success).toBe(false)
  })
})
