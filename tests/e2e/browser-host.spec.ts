import { expect, test } from './support/fixtures'

test.beforeEach(({ runtime }) => test.skip(runtime !== 'browser', 'the token guard belongs to the browser host'))

test('without the launch token the host serves nothing but a refusal', async ({ host, page }) => {
  const origin = new URL(host.uiUrl).origin
  const res = await page.goto(`${origin}/`)
  expect(res?.status()).toBe(401)
  await expect(page.locator('body')).toContainText('Refused')
  await expect(page.locator('#root')).toHaveCount(0)
  const wrong = await page.goto(`${origin}/?token=not-the-token-at-all-0000`)
  expect(wrong?.status()).toBe(401)
  // The IPC door: a socket without the token is closed before anything is dispatched.
  const closed = await page.evaluate(
    (url) =>
      new Promise<number>((resolve) => {
        const ws = new WebSocket(url)
        ws.onopen = () => ws.send(JSON.stringify({ id: 1, channel: 'status:get', payload: {} }))
        ws.onclose = (e) => resolve(e.code)
      }),
    `${origin.replace('http', 'ws')}/ipc`
  )
  expect(closed).toBe(4401)
})

test('with the token the page loads under a strict CSP', async ({ host, page }) => {
  const res = await page.goto(host.uiUrl)
  expect(res?.status()).toBe(200)
  expect(res?.headers()['content-security-policy']).toContain("script-src 'self'")
  expect(res?.headers()['referrer-policy']).toBe('no-referrer')
  await expect(page.locator('.shell[data-ready="true"]')).toBeVisible()
})
