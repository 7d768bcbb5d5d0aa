import { DEMO_CARD } from '../support/demo'
import { expect, test } from '../support/fixtures'
import { hidPosReports } from '../support/hid-report'

test.use({ scannerSpec: 'fake' })
test.beforeEach(({ runtime }) =>
  test.skip(runtime !== 'browser', 'the HID report hook is a route of the browser host (Electron runs without it)')
)

test('an injected HID POS report reaches the screen through main', async ({ host, shell, attract, member }) => {
  await attract.expectShown()
  const view = await host.ipc('member:lookup', { query: DEMO_CARD })
  if (!view.ok) throw new Error(JSON.stringify(view.error))
  for (const hex of hidPosReports(DEMO_CARD)) {
    const res = await host.post('/test/hid-report', { hex })
    expect(res.status, `POST /test/hid-report: ${await res.clone().text()}`).toBe(200)
  }
  await member.expectShown()
  await expect(member.heading).toHaveText(`Halo, ${view.data.name}`)
  await expect(shell.statusValue('scanner')).not.toBeEmpty()
})
