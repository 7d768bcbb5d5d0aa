/** Balance behind the cashier PIN: credit, debit, one-tap cancel, and an ambiguous credit reconciled. */
import { waitFor } from '../../support/wait-for'
import { checkAtKioskSizes, expectAccessible } from '../support/checks'
import { DEMO_CARD } from '../support/demo'
import { DEMO, expect, test } from '../support/desk-fixtures'

test('credit and debit after a wrong PIN, with the new balance shown and printed, then cancel the last', async ({
  host,
  desk,
  kioskPage,
  printer
}, testInfo) => {
  await desk.lookUp(DEMO_CARD)
  await expect(desk.member).toBeVisible()
  await desk.open('balance')
  await desk.unlock('9999')
  await expect(kioskPage.getByText(/^PIN salah \(4 tries left\)\.$/)).toBeVisible()
  await desk.unlock('12a')
  await expect(kioskPage.getByText('PIN terdiri dari 4 sampai 8 angka.')).toBeVisible()
  await expectAccessible(kioskPage, 'PIN gate')
  await desk.unlock('1111')
  await expect(kioskPage.getByRole('heading', { name: 'Saldo', level: 2 })).toBeVisible()

  const amount = desk.field(/^Jumlah \(Rp\)$/)
  for (const bad of ['', '-5', 'abc', '1,5']) {
    await amount.fill(bad)
    await kioskPage.getByRole('button', { name: 'Tambah saldo' }).click()
    await expect(amount).toHaveAttribute('aria-invalid', 'true')
  }
  await amount.fill('50.000')
  await kioskPage.getByRole('button', { name: 'Tambah saldo' }).click()
  await expect(kioskPage.getByRole('alertdialog')).toContainText('Tambah Rp50.000 ke saldo Demo Customer?')
  await expectAccessible(kioskPage, 'balance confirm')
  const jobsBefore = printer.jobs.length
  await kioskPage.getByRole('button', { name: 'Ya, lanjutkan' }).dblclick()
  await expect(kioskPage.getByTestId('balance-new')).toHaveText('Rp50.000')
  await expect(desk.memberBalance).toHaveText('Rp50.000')
  await printer.waitForJobs(jobsBefore + 1, 15_000)

  await amount.fill('20000')
  await kioskPage.getByRole('button', { name: 'Kurangi saldo' }).click()
  await kioskPage.getByRole('button', { name: 'Ya, lanjutkan' }).click()
  await expect(kioskPage.getByTestId('balance-new')).toHaveText('Rp30.000')
  await expectAccessible(kioskPage, 'balance result')
  await checkAtKioskSizes(kioskPage, testInfo, 'desk-balance')

  await kioskPage.getByRole('button', { name: 'Batalkan perubahan terakhir' }).click()
  await expect(kioskPage.getByTestId('balance-canceled')).toContainText('Rp20.000 dibatalkan. Saldo sekarang Rp50.000.')
  await expect(desk.memberBalance).toHaveText('Rp50.000')
  const after = await host.ipc('member:lookup', { query: DEMO_CARD })
  expect(after.ok && after.data.balance).toBe(50_000)
})

test.describe('through a fault proxy', () => {
  test.use({ upstreamKind: 'proxied' })

  test('a credit whose answer is lost shows "unknown, check history" and reconciles without a second credit', async ({
    desk,
    kioskPage,
    faultProxy,
    sandbox
  }) => {
    await desk.lookUp(DEMO.card)
    await expect(desk.member).toBeVisible()
    await desk.open('balance')
    await desk.unlock('1111')
    await desk.field(/^Jumlah \(Rp\)$/).fill('15000')
    await kioskPage.getByRole('button', { name: 'Tambah saldo' }).click()
    await faultProxy!.setMode({ kind: 'reset-after-request', methods: ['POST'] })
    await kioskPage.getByRole('button', { name: 'Ya, lanjutkan' }).click()
    await waitFor(() => sandbox!.balanceUpdates() === 1, 'the credit to land upstream')
    await faultProxy!.setMode({ kind: 'refuse' })
    const outcome = kioskPage.getByTestId('balance-outcome')
    await expect(outcome).toHaveAttribute('data-outcome', 'unknown', { timeout: 30_000 })
    await expect(outcome).toContainText('Tidak diketahui, periksa riwayat.')
    await expectAccessible(kioskPage, 'balance unknown')

    await faultProxy!.setMode({ kind: 'pass' })
    await kioskPage.getByRole('button', { name: 'Periksa lagi' }).click()
    await expect(outcome).toHaveAttribute('data-outcome', 'posted', { timeout: 30_000 })
    await expect(outcome).toContainText('Dipastikan dari riwayat member.')
    await expect(kioskPage.getByTestId('balance-new')).toHaveText('Rp15.000')
    expect(sandbox!.balanceUpdates()).toBe(1)
  })
})
