/**
 * A web page open in any browser on the till can reach the bridge on 127.0.0.1. Without a CORS
 * preflight it can only send a form, multipart or text/plain body (and, with a Blob, a body with
 * no type at all, but then its Origin shows): the bridge refuses all of them before it reads a
 * credential, so the documents' demo keys, which work on the embedded default, sell nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_KEYS } from '../../shared/stamps/demo'
import { startDeskRig, type DeskRig } from '../../../tests/support/desk-rig'

const sale = (invoice: string): Record<string, string> => ({
  token: DEMO_KEYS.coffeeCurl,
  user_email: 'customer@stamps.co.id',
  store: '2',
  invoice_number: invoice,
  total_value: '50000'
})

let rig: DeskRig
beforeAll(async () => {
  rig = await startDeskRig({ settings: { upstream: null } })
  await rig.ok('auth:unlock', { role: 'cashier', pin: '1111' })
})
afterAll(async () => {
  await rig.stop()
})

const post = (body: RequestInit['body'], headers: Record<string, string>): Promise<Response> =>
  fetch(`${rig.host.bridgeUrl}/api/transactions/add`, { method: 'POST', headers, body })
const queued = async (): Promise<string[]> => (await rig.ok('outbox:list', {})).items.map((i) => i.invoiceNumber)

describe('the bridge against cross-site pages', () => {
  it('answers a form sale with the demo key as a browser sends it 415, and queues nothing', async () => {
    // Exactly what <form method="post" action="http://127.0.0.1:8765/api/transactions/add"> sends.
    const res = await post(new URLSearchParams(sale('form-1')).toString(), {
      'content-type': 'application/x-www-form-urlencoded',
      origin: 'https://evil.example'
    })
    expect(res.status).toBe(415)
    expect(await res.json()).toEqual({
      detail: 'Unsupported media type "application/x-www-form-urlencoded" in request.'
    })
    // Without an Origin (an old browser, a privacy extension) it is the same answer.
    const bare = await post(new URLSearchParams(sale('form-2')).toString(), {
      'content-type': 'application/x-www-form-urlencoded'
    })
    expect(bare.status).toBe(415)
    expect(await queued()).toEqual([])
  })

  it('refuses multipart and text/plain bodies, and JSON sent by a page of another site', async () => {
    const multipart = new FormData()
    for (const [k, v] of Object.entries(sale('multi-1'))) multipart.append(k, v)
    expect((await post(multipart, {})).status).toBe(415)
    const textPlain = await post(JSON.stringify(sale('text-1')), { 'content-type': 'text/plain;charset=UTF-8' })
    expect(textPlain.status).toBe(415)
    expect(await textPlain.json()).toEqual({ detail: 'Unsupported media type "text/plain" in request.' })
    for (const origin of ['https://evil.example', 'null', 'http://127.0.0.1.evil.example:8765']) {
      const blob = await post(new Blob([JSON.stringify(sale('blob-1'))]), { origin })
      expect(blob.status).toBe(403)
      expect(await blob.json()).toEqual({ detail: 'Requests from web pages of other sites are refused.' })
    }
    expect(await queued()).toEqual([])
  })

  it('still takes the same sale as JSON or XML from POS software (no Origin) or a local page', async () => {
    const json = await post(JSON.stringify(sale('json-1')), { 'content-type': 'application/json' })
    expect(json.status).toBe(200)
    const local = await post(JSON.stringify(sale('json-2')), {
      'content-type': 'application/json',
      origin: 'http://localhost:3000'
    })
    expect(local.status).toBe(200)
    const s = sale('xml-1')
    const xml = `<root>${Object.entries(s)
      .map(([k, v]) => `<${k}>${v}</${k}>`)
      .join('')}</root>`
    expect((await post(xml, { 'content-type': 'application/xml' })).status).toBe(200)
    // A GET carries no body: its Content-Type (some POS libraries always send one) is not judged.
    const read = await fetch(
      `${rig.host.bridgeUrl}/api/v3/activities/?user=customer@stamps.co.id&token=${DEMO_KEYS.coffee}`,
      { headers: { 'content-type': 'application/x-www-form-urlencoded' } }
    )
    expect(read.status).toBe(200)
    expect((await queued()).sort()).toEqual(['json-1', 'json-2', 'xml-1'])
  })
})
