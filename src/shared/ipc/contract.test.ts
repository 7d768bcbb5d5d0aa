/** The IPC contract's shape: one file per domain, no channel declared twice, kiosk access as the kiosk screens need. */
import { describe, expect, it } from 'vitest'
import { authChannels, authEvents } from './auth'
import { balanceChannels } from './balances'
import { captureChannels } from './capture'
import { ipcChannels, ipcEvents } from './index'
import { memberChannels } from './members'
import { printerChannels, printerEvents } from './printer'
import { queueChannels, queueEvents } from './queue'
import { rewardChannels } from './rewards'
import { saleChannels } from './sales'
import { scannerChannels, scannerEvents } from './scanner'
import { settingsChannels } from './settings'
import { statusChannels, statusEvents } from './status'

const byDomain = {
  status: statusChannels,
  member: memberChannels,
  sale: saleChannels,
  outbox: queueChannels,
  balance: balanceChannels,
  rewards: rewardChannels,
  printer: printerChannels,
  scanner: scannerChannels,
  settings: settingsChannels,
  auth: authChannels,
  capture: captureChannels
}

describe('IPC contract', () => {
  it('declares each channel in the file of its domain, and only once', () => {
    for (const [domain, channels] of Object.entries(byDomain))
      for (const name of Object.keys(channels)) expect(name.startsWith(`${domain}:`), name).toBe(true)
    const declared = Object.values(byDomain).flatMap((c) => Object.keys(c))
    expect(new Set(declared).size).toBe(declared.length)
    expect(Object.keys(ipcChannels).sort()).toEqual([...declared].sort())
    const events = [statusEvents, scannerEvents, authEvents, queueEvents, printerEvents].flatMap((e) => Object.keys(e))
    expect(Object.keys(ipcEvents).sort()).toEqual([...events].sort())
  })

  it('opens to a kiosk connection only what the member self-service screens use', () => {
    const kiosk = Object.entries(ipcChannels)
      .filter(([, c]) => c.kiosk)
      .map(([name]) => name)
    expect(kiosk.sort()).toEqual([
      'member:activities',
      'member:lookup',
      'member:print-slip',
      'rewards:join',
      'rewards:list',
      'rewards:redeem',
      'rewards:vouchers',
      'status:get'
    ])
    const kioskEvents = Object.entries(ipcEvents)
      .filter(([, e]) => e.kiosk)
      .map(([name]) => name)
    expect(kioskEvents.sort()).toEqual(['scan:received', 'session:reset', 'status:changed'])
  })

  it('puts every money, repair and admin channel behind a PIN session', () => {
    const guarded = (prefix: string) =>
      Object.entries(ipcChannels)
        .filter(([name]) => name.startsWith(prefix))
        .map(([, c]) => c.session)
    expect(guarded('balance:')).toEqual(Array(6).fill('cashier'))
    expect(ipcChannels['rewards:reconcile'].session).toBe('cashier')
    expect(ipcChannels['sale:cancel'].session).toBe('cashier')
    expect(ipcChannels['outbox:discard'].session).toBe('cashier')
    expect(ipcChannels['settings:save'].session).toBe('admin')
    expect(ipcChannels['auth:set-pin'].session).toBe('admin')
  })
})
