import { describe, expect, it } from 'vitest'
import { expectedReportLength, parseReportDescriptor } from './report-descriptor'
import { fromHex } from './scanner-types'

// MagTek "USB HID Swipe Reader Technical Reference Manual" (D99875191), section 4, Report Descriptor
// table: vendor page 0xFF00, 7 one-byte fields then three 110-byte tracks, a 24-byte feature report.
const MAGTEK_SWIPE_DESCRIPTOR =
  '0600ff 0901 a101 1500 26ff00 7508 0920 0921 0922 0928 0929 092a 0938 9507 8102 ' +
  '0930 956e 820201 0931 956e 820201 0932 956e 820201 0920 9518 b20201 c0'

// Public capture: Datalogic Gryphon GD4400 in keyboard mode, USBHID_desc dump in
// github.com/felis/USB_Host_Shield_2.0 issue #669 (2021-10-20).
const DATALOGIC_KEYBOARD =
  '05 01 09 06 a1 01 05 07 19 e0 29 e7 15 00 25 01 75 01 95 08 81 02 95 01 75 08 81 01 95 05 75 01 ' +
  '05 08 19 01 29 05 91 02 95 01 75 03 91 01 95 06 75 08 15 00 26 ff 00 05 07 19 00 2a ff 00 81 00 c0'

// Public capture: a mouse whose reports carry id 1, from the descriptor dumps in
// github.com/libusb/hidapi pull request #262 (Windows report descriptor reconstructor).
const NUMBERED_MOUSE =
  '05 01 09 02 a1 01 09 01 a1 00 85 01 05 09 19 01 29 03 15 00 25 01 75 01 95 03 81 02 75 05 95 01 ' +
  '81 03 05 01 09 30 09 31 09 38 15 81 25 7f 75 08 95 03 81 06 05 0c 0a 38 02 15 81 25 7f 75 08 95 ' +
  '01 81 06 c0 c0'

describe('parseReportDescriptor', () => {
  it('reads the MagTek swipe reader: one unnumbered 337-byte input report on the vendor page', () => {
    const d = parseReportDescriptor(fromHex(MAGTEK_SWIPE_DESCRIPTOR))
    expect(d.numbered).toBe(false)
    expect(d.inputBytes).toEqual(new Map([[0, 337]]))
    expect(d.applications).toEqual([{ usagePage: 0xff00, usage: 0x01 }])
    expect(expectedReportLength(d, 0)).toBe(337)
  })
  it('reads a boot keyboard: 8 bytes, no report id', () => {
    const d = parseReportDescriptor(fromHex(DATALOGIC_KEYBOARD))
    expect(d).toEqual({ numbered: false, inputBytes: new Map([[0, 8]]), applications: [{ usagePage: 1, usage: 6 }] })
  })
  it('counts the report id byte when reports are numbered', () => {
    const d = parseReportDescriptor(fromHex(NUMBERED_MOUSE))
    expect(d.numbered).toBe(true)
    expect(d.inputBytes).toEqual(new Map([[1, 5]]))
    expect(expectedReportLength(d, 1)).toBe(6)
    expect(expectedReportLength(d, 2)).toBeUndefined()
  })
  it('refuses a truncated descriptor instead of guessing sizes from half of it', () => {
    expect(() => parseReportDescriptor(fromHex('0600ff 0901 a101 26ff'))).toThrow(/truncated at byte 7/)
  })
})
