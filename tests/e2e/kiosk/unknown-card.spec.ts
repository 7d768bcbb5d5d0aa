import { checkAtKioskSizes, expectAccessible } from '../support/checks'
import { UNKNOWN_CARD } from '../support/demo'
import { expect, test } from '../support/fixtures'
import { translate } from '../../../src/shared/i18n'
import { memberIdReason, parseMemberId } from '../../../src/shared/member-id'

test('an unknown card gets a friendly message, then back to the attract screen', async ({
  host,
  shell,
  attract,
  notice,
  kioskPage
}, testInfo) => {
  await shell.waitReady()
  const lookup = await host.ipc('member:lookup', { query: UNKNOWN_CARD })
  expect(lookup.ok ? 'found' : lookup.error.code).toBe('not-found')
  await attract.wedgeScan(UNKNOWN_CARD)
  await notice.expectTitle('Kartu belum terdaftar')
  await expect(notice.alert).toContainText('tanya kasir')
  await expectAccessible(kioskPage, 'unknown card')
  await checkAtKioskSizes(kioskPage, testInfo, 'unknown-card')
  await notice.back.click()
  await attract.expectShown()
})

test('an unreadable code says why, in the visitor language', async ({ shell, attract, notice }) => {
  await shell.waitReady()
  const code = 'https://example.com/promo'
  const parsed = parseMemberId(code)
  if (parsed.ok) throw new Error('expected the code to be refused')
  await attract.wedgeScan(code)
  await notice.expectTitle('Kode tidak terbaca')
  await expect(notice.alert).toContainText(translate('id', memberIdReason(parsed.code)))
})
