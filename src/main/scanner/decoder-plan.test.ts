import { describe, expect, it } from 'vitest'
import { planDecoder } from './decoder-plan'
import type { DeviceInfo } from './scanner-types'
import type { DescriptorSummary } from './report-descriptor'

const device = (vendorId: number, usagePage = 0x8c, usage = 2): DeviceInfo => ({
  vendorId,
  productId: 0x0001,
  path: '/dev/hidraw1',
  usagePage,
  usage
})
const posDescriptor = (bytes: number): DescriptorSummary => ({
  numbered: true,
  inputBytes: new Map([[2, bytes]]),
  applications: [{ usagePage: 0x8c, usage: 2 }]
})

describe('planDecoder', () => {
  it('takes the HID POS layout from the vendor id when the vendor documents one', () => {
    const plan = (vendorId: number) => planDecoder({ device: device(vendorId), mode: 'pos' }, { kind: 'hid-pos' })
    expect(plan(0x0c2e).layouts).toEqual(['aim'])
    expect(plan(0x0536).layouts).toEqual(['aim'])
    expect(plan(0x0db5).layouts).toEqual(['aim'])
    expect(plan(0x1eab)).toMatchObject({ layouts: ['newland'], basis: expect.stringMatching(/^Newland documents/) })
    expect(plan(0x05e0)).toMatchObject({ layouts: ['aim', 'newland'], basis: expect.stringMatching(/05e0 unknown/) })
  })
  it('lets the setting name the layout for any vendor', () => {
    const match = { device: device(0x05e0), mode: 'pos' } as const
    expect(planDecoder(match, { kind: 'hid-pos', layout: 'newland' }).layouts).toEqual(['newland'])
    const forced = planDecoder({ ...match, device: device(0x0c2e) }, { kind: 'hid-pos', layout: 'newland' })
    expect(forced).toMatchObject({
      layouts: ['newland'],
      basis: expect.stringMatching(/^layout=newland in the scanner setting/)
    })
  })
  it('refuses every report when the descriptor declares no 64-byte scan report', () => {
    const match = { device: device(0x0c2e), mode: 'pos' } as const
    expect(planDecoder(match, { kind: 'hid-pos' }, posDescriptor(63)).refusal).toBeUndefined()
    expect(planDecoder(match, { kind: 'hid-pos' }, posDescriptor(31)).refusal).toBe(
      'the report descriptor declares report 2 as 32 bytes, not 64 bytes'
    )
    const unnumbered = { numbered: false, inputBytes: new Map([[0, 63]]), applications: [] }
    expect(planDecoder(match, { kind: 'hid-pos' }, unnumbered).refusal).toMatch(/declares no report 2/)
  })
  it('frames keyboard reports by the descriptor when there is one', () => {
    const match = { device: device(0x0c2e, 1, 6), mode: 'keyboard' } as const
    const spec = { kind: 'hid', vendorId: 0x0c2e, productId: 1 } as const
    expect(planDecoder(match, spec).keyboardFrame).toBeUndefined()
    const plain = { numbered: false, inputBytes: new Map([[0, 8]]), applications: [] }
    expect(planDecoder(match, spec, plain).keyboardFrame).toEqual({ reportId: null })
    const numbered = {
      numbered: true,
      inputBytes: new Map([
        [3, 2],
        [1, 8]
      ]),
      applications: []
    }
    expect(planDecoder(match, spec, numbered).keyboardFrame).toEqual({ reportId: 1 })
    const none = { numbered: true, inputBytes: new Map([[3, 2]]), applications: [] }
    expect(planDecoder(match, spec, none).refusal).toMatch(/no 8-byte keyboard report/)
  })
  it('accepts the MagTek descriptor and refuses another report size on a MagTek reader', () => {
    const match = { device: device(0x0801, 0xff00, 1), mode: 'msr' } as const
    const spec = { kind: 'hid', vendorId: 0x0801, productId: 2 } as const
    const magtek = { numbered: false, inputBytes: new Map([[0, 337]]), applications: [] }
    expect(planDecoder(match, spec, magtek).refusal).toBeUndefined()
    const encrypted = { numbered: false, inputBytes: new Map([[0, 887]]), applications: [] }
    expect(planDecoder(match, spec, encrypted).refusal).toMatch(/not the 337-byte MagTek card data report/)
  })
})
