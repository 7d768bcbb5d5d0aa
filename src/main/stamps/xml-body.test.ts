/** The XML form of transactions/add, both directions. */
import { describe, expect, it } from 'vitest'
import { addTransactionResponseSchema } from '../../shared/stamps'
import { decodeXmlAnswer, encodeXmlBody } from './xml-body'

describe('XML bodies of transactions/add', () => {
  it('encodes items as <list-item> under <root> and escapes text', () => {
    const xml = encodeXmlBody({
      store: 84,
      invoice_number: 'A&B<1>',
      items: [{ product_name: 'Tea', quantity: 4 }],
      tax: undefined
    })
    expect(xml).toMatch(/^<\?xml[^>]*\?>\n<root>/)
    expect(xml).toContain('<invoice_number>A&amp;B&lt;1&gt;</invoice_number>')
    expect(xml).toContain(
      '<items><list-item><product_name>Tea</product_name><quantity>4</quantity></list-item></items>'
    )
    expect(xml).not.toContain('<tax>')
  })

  it('reads the documented success answer into the zod-checked JSON shape', () => {
    const doc = `<?xml version="1.0" encoding="utf-8"?>
      <root><customer><status>Blue</status><id>16</id><stamps_remaining>5</stamps_remaining></customer>
      <transaction><stamps_earned>5.0</stamps_earned><id>1</id><value>50000</value></transaction></root>`
    expect(addTransactionResponseSchema.parse(decodeXmlAnswer(doc))).toEqual({
      customer: { status: 'Blue', id: 16, stamps_remaining: 5 },
      transaction: { stamps_earned: 5, id: 1, value: 50000 }
    })
  })

  it('turns <validation_errors> into the errors list, one entry or many', () => {
    const two = decodeXmlAnswer(`<root><validation_errors><list-item><price>This field is required.</price></list-item>
      <list-item><store>Select a valid choice.</store></list-item></validation_errors><detail>Bad</detail></root>`)
    expect(two).toEqual({
      detail: 'Bad',
      errors: [{ price: 'This field is required.' }, { store: 'Select a valid choice.' }]
    })
    const one = decodeXmlAnswer(
      '<root><validation_errors><list-item><invoice_number>007</invoice_number></list-item></validation_errors></root>'
    )
    expect(one?.errors).toEqual([{ invoice_number: '007' }])
  })

  it('refuses DOCTYPE and entity declarations instead of expanding them', () => {
    const bomb = '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa">]><root><detail>&a;</detail></root>'
    expect(decodeXmlAnswer(bomb)).toBeUndefined()
    expect(decodeXmlAnswer('<root><unclosed></root>')).toBeUndefined()
  })
})
