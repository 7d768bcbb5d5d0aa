import { describe, expect, it } from 'vitest'
import { isTrustedSender } from './trusted-sender'

const dir = '/opt/stamps-kiosk/resources/app/out/renderer'

describe('isTrustedSender', () => {
  it('accepts our renderer files', () => {
    expect(isTrustedSender(`file://${dir}/index.html`, dir)).toBe(true)
    expect(isTrustedSender(`file://${dir}/index.html?x=1#y`, `${dir}/`)).toBe(true)
  })

  it('accepts the dev server origin only when one is configured', () => {
    expect(isTrustedSender('http://localhost:5173/', dir, 'http://localhost:5173')).toBe(true)
    expect(isTrustedSender('http://localhost:5173/', dir)).toBe(false)
  })

  it('refuses other files, web pages, lookalike folders and missing frames', () => {
    expect(isTrustedSender('file:///tmp/evil.html', dir)).toBe(false)
    expect(isTrustedSender(`file://${dir}-evil/index.html`, dir)).toBe(false)
    expect(isTrustedSender(`file://${dir}/%2e%2e/%2e%2e/evil.html`, dir)).toBe(false)
    expect(isTrustedSender('https://stamps.co.id/', dir)).toBe(false)
    expect(isTrustedSender(`file://remote-host${dir}/index.html`, dir)).toBe(false)
    expect(isTrustedSender(undefined, dir)).toBe(false)
    expect(isTrustedSender('not a url', dir)).toBe(false)
  })
})
