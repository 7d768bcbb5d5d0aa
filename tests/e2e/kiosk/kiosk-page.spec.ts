/**
 * `chromium --kiosk file://<data dir>/kiosk.html`: the README's kiosk line with no token on a
 * command line. The private page the host writes forwards to the UI with its token; the page
 * gate lets that navigation in, the assets load and the IPC socket connects.
 */
import { statSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { DEMO_CARD } from '../support/demo'
import { expect, test } from '../support/fixtures'
import { AttractPage } from '../support/pages/AttractPage'
import { KioskShell } from '../support/pages/KioskShell'
import { MemberPage } from '../support/pages/MemberPage'

test.beforeEach(({ runtime }) => test.skip(runtime !== 'browser', 'kiosk.html belongs to the browser host'))

test('the kiosk page in the data directory opens the UI without a token on the command line', async ({
  host,
  dataDir,
  page
}) => {
  // The plain page, not the kioskPage fixture (that one opens the tokened URL itself).
  const file = join(dataDir, 'kiosk.html')
  expect(statSync(file).mode & 0o777).toBe(0o600)
  await page.goto(pathToFileURL(file).href)
  await expect(page).toHaveURL(host.uiUrl)
  await new KioskShell(page).waitReady()
  // A scan typed on the forwarded page reaches main over the socket: the member screen shows.
  await new AttractPage(page).wedgeScan(DEMO_CARD)
  await new MemberPage(page).expectShown()
})
