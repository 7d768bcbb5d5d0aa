/** Admin settings behind the admin PIN: validation before saving, live changes, tests, and PINs. */
import { decodeEscPos } from '../../../src/shared/receipt/escpos-decoder'
import { checkAtKioskSizes, expectAccessible } from '../support/checks'
import { AttractPage } from '../support/pages/AttractPage'
import { expect, test } from '../support/desk-fixtures'

test('wrong PIN, bad fields and a bad upstream are refused; language saves live; secrets stay in main', async ({
  host,
  desk,
  kioskPage,
  printer
}, testInfo) => {
  await desk.open('admin')
  await desk.unlock('1111')
  await expect(kioskPage.getByText(/^PIN salah/)).toBeVisible()
  await desk.unlock('0000')
  await expect(kioskPage.getByRole('heading', { name: 'Pengaturan' })).toBeVisible()
  await expect(kioskPage.getByText('PIN bawaan pabrik masih dipakai.', { exact: false })).toBeVisible()
  await expectAccessible(kioskPage, 'admin settings')
  await checkAtKioskSizes(kioskPage, testInfo, 'desk-admin')

  // Bad input in every checked field: nothing is sent, each field says why.
  await kioskPage.getByLabel('Server', { exact: true }).selectOption('custom')
  const bad: Array<[RegExp, string]> = [
    [/^Alamat server/, 'ftp://example.com'],
    [/^Kunci API$/, 'short'],
    [/^ID merchant$/, '0'],
    [/^ID toko$/, 'x'],
    [/^Batas diam/, '5']
  ]
  for (const [label, value] of bad) await desk.field(label).fill(value)
  await desk.field(/^Pemindai$/).fill('')
  await kioskPage.getByRole('button', { name: 'Simpan pengaturan' }).click()
  for (const [label] of bad) await expect(desk.field(label)).toHaveAttribute('aria-invalid', 'true')
  await expect(desk.field(/^Pemindai$/)).toHaveAttribute('aria-invalid', 'true')
  await expectAccessible(kioskPage, 'admin settings with errors')

  // A well-formed upstream that does not answer: the test says so before anything is saved.
  await desk.field(/^Alamat server/).fill('http://127.0.0.1:9')
  await desk.field(/^Kunci API$/).fill('')
  // The saved key is never sent to another server, not even for a test: a key must be typed.
  await kioskPage.getByRole('button', { name: 'Uji koneksi' }).click()
  await expect(kioskPage.getByTestId('upstream-test')).toContainText('credential.key')
  await desk.field(/^Kunci API$/).fill('a-key-for-the-test')
  await kioskPage.getByRole('button', { name: 'Uji koneksi' }).click()
  await expect(kioskPage.getByTestId('upstream-test')).toContainText('Server tidak dapat dihubungi.')
  await desk.field(/^Kunci API$/).fill('')
  await kioskPage.getByLabel('Server', { exact: true }).selectOption('embedded')
  await kioskPage.getByRole('button', { name: 'Uji koneksi' }).click()
  await expect(kioskPage.getByTestId('upstream-test')).toContainText('Terhubung: Demo Coffee')

  // Fix the fields, change the language and the key: saved, the screens switch language at once.
  await desk.field(/^ID merchant$/).fill('14')
  await desk.field(/^ID toko$/).fill('2')
  await desk.field(/^Batas diam/).fill('90')
  await desk.field(/^Pemindai$/).fill('wedge')
  await desk.field(/^Kunci API$/).fill('aaaabbbbccccddddeeeefffff')
  await kioskPage.getByLabel('Bahasa', { exact: true }).selectOption('en')
  await kioskPage.getByRole('button', { name: 'Simpan pengaturan' }).click()
  await expect(kioskPage.getByTestId('admin-saved')).toContainText('Saved.')
  const view = await host.ipc('settings:get', {})
  expect(view.ok && view.data.settings).toMatchObject({
    language: 'en',
    kiosk: { idleTimeoutSeconds: 90 },
    credential: { keySet: true }
  })
  expect(JSON.stringify(view)).not.toContain('aaaabbbbccccddddeeeefffff')

  // Printer: live status and a test print that reaches the printer.
  await expect(kioskPage.getByTestId('printer-live')).toContainText('Printer:')
  const before = printer.jobs.length
  await kioskPage.getByRole('button', { name: 'Test print' }).click()
  await printer.waitForJobs(before + 1, 15_000)
  await expect(kioskPage.getByTestId('printer-test')).toContainText(/Test print #\d+/)

  // A model from the encoder's list: the spec names it and the next page is laid out to its 42 columns.
  await kioskPage.getByLabel('Printer model', { exact: true }).selectOption('epson-tm-t88v')
  await kioskPage.getByRole('button', { name: 'Save settings' }).click()
  await expect(kioskPage.getByTestId('admin-saved')).toContainText('Saved.')
  const withModel = await host.ipc('settings:get', {})
  expect(withModel.ok && withModel.data.settings.printer).toBe(`${printer.url}?model=epson-tm-t88v`)
  const sent = printer.jobs.length
  await kioskPage.getByRole('button', { name: 'Test print' }).click()
  const [page42] = (await printer.waitForJobs(sent + 1, 15_000)).slice(sent)
  const lines = decodeEscPos(page42!.bytes).lines.map((l) => l.text)
  expect(lines).toEqual(
    expect.arrayContaining([expect.stringMatching(/^Model +Epson TM-T88V$/), '0123456789'.repeat(5).slice(0, 42)])
  )

  // Scanner: a live test shows the decoded value and the raw bytes of a wedge scan.
  await kioskPage.getByRole('button', { name: 'Test the scanner' }).click()
  // The test starts once main has answered; a scan before that is an ordinary lookup.
  await expect(kioskPage.getByRole('button', { name: 'Stop the test' })).toBeVisible()
  await new AttractPage(kioskPage).wedgeScan('9988776655')
  await expect(kioskPage.getByTestId('scan-decoded').first()).toHaveText('9988776655')
  await expect(kioskPage.getByTestId('scanner-reads')).toContainText('39 39 38 38')
  await kioskPage.getByRole('button', { name: 'Stop the test' }).click()

  // A new cashier PIN: the old one no longer opens the till.
  await desk.field(/^New PIN/).fill('12')
  await kioskPage.getByRole('button', { name: 'Change PIN' }).click()
  await expect(desk.field(/^New PIN/)).toHaveAttribute('aria-invalid', 'true')
  await desk.field(/^New PIN/).fill('4826')
  await kioskPage.getByRole('button', { name: 'Change PIN' }).click()
  await expect(kioskPage.getByText('PIN changed.')).toBeVisible()
  await kioskPage.getByRole('button', { name: 'Lock' }).click()
  await desk.open('balance')
  await expect(kioskPage.getByText('Find a member first', { exact: false })).toBeVisible()
  const old = await host.ipc('auth:unlock', { role: 'cashier', pin: '1111' })
  expect(old.ok).toBe(false)
  const fresh = await host.ipc('auth:unlock', { role: 'cashier', pin: '4826' })
  expect(fresh.ok).toBe(true)
})
