import { describe, expect, it } from 'vitest'
import { parseStampsXml, toStampsXml, XmlParseError } from './xml-codec'

describe('xml codec', () => {
  it('reads the documented sale: text values, list-items as arrays', () => {
    const body = parseStampsXml(`<?xml version="1.0" encoding="UTF-8" ?>
      <root><token>k</token><store>84</store><items>
        <list-item><product_name>Cappucino</product_name><quantity>2</quantity></list-item>
        <list-item><product_name>Iced Tea</product_name><quantity>4</quantity></list-item>
      </items></root>`)
    expect(body).toEqual({
      token: 'k',
      store: '84',
      items: [
        { product_name: 'Cappucino', quantity: '2' },
        { product_name: 'Iced Tea', quantity: '4' }
      ]
    })
  })

  it('keeps a one-member list a list', () => {
    expect(parseStampsXml('<root><items><list-item><a>1</a></list-item></items></root>')).toEqual({
      items: [{ a: '1' }]
    })
  })

  it('refuses DOCTYPE and ENTITY declarations and never expands entities', () => {
    const bomb = '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa">]><root><x>&a;</x></root>'
    expect(() => parseStampsXml(bomb)).toThrow(XmlParseError)
    expect(() => parseStampsXml('<!doctype root><root/>')).toThrow(XmlParseError)
    expect(parseStampsXml('<root><x>Tea &amp;amp; Cake &#65;&#x42;</x></root>').x).toBe('Tea &amp; Cake AB')
    expect(parseStampsXml('<root><x>&a;</x></root>').x).toBe('&a;')
  })

  it('refuses malformed XML', () => {
    expect(() => parseStampsXml('<root><a></root>')).toThrow(XmlParseError)
    expect(() => parseStampsXml('not xml at all')).toThrow(XmlParseError)
    expect(() => parseStampsXml('')).toThrow(XmlParseError)
  })

  it('renders answers with root, list-item and escaping, and reads them back', () => {
    const xml = toStampsXml({ detail: 'a < b & c', errors: [{ store: 'x' }, { price: 'y' }], n: 5, none: null })
    expect(xml).toBe(
      '<?xml version="1.0" encoding="utf-8"?>\n<root><detail>a &lt; b &amp; c</detail>' +
        '<errors><list-item><store>x</store></list-item><list-item><price>y</price></list-item></errors><n>5</n><none></none></root>'
    )
    expect(parseStampsXml(toStampsXml({ a: { b: [1, 2] } }))).toEqual({ a: { b: ['1', '2'] } })
  })
})
