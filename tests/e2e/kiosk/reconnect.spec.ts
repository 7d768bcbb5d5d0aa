/**
 * The kiosk outlives its host. A page open on the printed ui: URL says "reconnecting" as soon as
 * the host is gone (stopped, or frozen with its socket half-open), never "connected"; it finds the
 * host again by itself at the same address and carries on, without a reload.
 */
import { translate, type Language } from '../../../src/shared/i18n'
import { DEMO_CARD } from '../support/demo'
import { expect, test } from '../support/fixtures'
import { startHostProcess } from '../support/host-process'

/** Marks the page so a reload (which would lose the mark) is caught. */
const SAME_PAGE = 'window.__samePage = true'
const isSamePage = '(() => window.__samePage === true)()'
/** The upstream item of a connected status bar ("Terhubung (Sandbox)"). */
const online = (lang: Language): RegExp => new RegExp(`^${translate(lang, 'status.upstream.ok')}`)

// Electron's window talks to main over IPC in the same process: there is no socket to lose.
test.skip(({ runtime }) => runtime === 'electron', 'the browser host only')

test('a restarted host: the open page says reconnecting, comes back at the same address and scans', async ({
  host,
  dataDir,
  printer,
  shell,
  attract,
  member,
  kioskPage
}) => {
  test.setTimeout(120_000)
  await attract.expectShown()
  await expect(shell.statusValue('upstream')).toHaveText(online('id'))
  await kioskPage.evaluate(SAME_PAGE)

  await host.stop()
  await expect(shell.statusBar).toHaveText(translate('id', 'status.reconnecting'))
  await expect(shell.statusValue('upstream')).toHaveCount(0)

  // The same data directory and port, as after a reboot; this time in English, which the page
  // can only learn by reading the new host's status.
  const again = await startHostProcess({
    dataDir,
    printerUrl: printer.url,
    uiPort: Number(new URL(host.uiUrl).port),
    language: 'en'
  })
  try {
    expect(again.uiUrl).toBe(host.uiUrl)
    await expect(shell.statusValue('upstream')).toHaveText(online('en'), { timeout: 20_000 })
    await expect(attract.heading).toHaveText(translate('en', 'attract.title'))

    await attract.wedgeScan(DEMO_CARD)
    await member.expectShown()
    const view = await again.ipc('member:lookup', { query: DEMO_CARD })
    if (!view.ok) throw new Error(JSON.stringify(view.error))
    await expect(member.heading).toHaveText(`Hello, ${view.data.name}`)
    await expect(member.stamps).toHaveText(new Intl.NumberFormat('en').format(view.data.stamps))
    expect(await kioskPage.evaluate(isSamePage)).toBe(true)
  } finally {
    await again.stop()
  }
})

test('a frozen host (its socket half-open): the page stops saying connected, then recovers when it thaws', async ({
  host,
  shell,
  attract,
  member,
  kioskPage
}) => {
  test.setTimeout(120_000)
  await attract.expectShown()
  await expect(shell.statusValue('upstream')).toHaveText(online('id'))
  await kioskPage.evaluate(SAME_PAGE)

  // Nothing closes: the kernel keeps the connection, the host just never answers.
  host.freeze()
  try {
    await expect(shell.statusBar).toHaveText(translate('id', 'status.reconnecting'), { timeout: 30_000 })
  } finally {
    host.thaw()
  }
  await expect(shell.statusValue('upstream')).toHaveText(online('id'), { timeout: 30_000 })
  await attract.wedgeScan(DEMO_CARD)
  await member.expectShown()
  expect(await kioskPage.evaluate(isSamePage)).toBe(true)
})
