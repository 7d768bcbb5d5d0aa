/** Builds the cashier desk and admin services (issue: the app, part 2) and their events. */
import type { Role } from '../../shared/ipc-admin'
import type { LivePrinter } from '../admin/live-printer'
import { ScannerTest } from '../admin/scanner-test'
import { SettingsDesk } from '../admin/settings-desk'
import { AuthService } from '../auth/auth-service'
import type { PinChangeDeps } from '../auth/pin-change'
import { join } from 'node:path'
import { BalanceDesk } from '../balances/balance-desk'
import { UnknownUpdateStore } from '../balances/unknown-store'
import type { Outbox } from '../outbox'
import { QueueRepair } from '../sales/queue-repair'
import { SaleCancel } from '../sales/sale-cancel'
import type { MemberFigures, ReceiptContext } from '../sales/sale-receipt'
import { SaleReceipts } from '../sales/sale-receipts'
import { createNodeHidBackend } from '../scanner/hid-device'
import type { DeviceBackend, ScannerService } from '../scanner'
import type { LoadedSettings } from '../settings/settings-store'
import type { StampsClient } from '../stamps'
import type { StatusService } from '../status/status-service'
import type { Broadcast } from './status-wiring'

export interface DeskInput {
  loaded: LoadedSettings
  client: StampsClient
  outbox: Outbox
  printer: LivePrinter
  status: StatusService
  scanner: ScannerService | null
  broadcast: Broadcast
  embeddedUrl: string | null
  merchantName: () => string
  memberFigures: (user: string) => Promise<MemberFigures>
  receiptContext: () => ReceiptContext
  log: (line: string) => void
}

export interface DeskServices {
  auth: AuthService
  pins: PinChangeDeps
  balances: BalanceDesk
  /** Unknown balance outcomes on disk; the host closes it on shutdown. */
  unknownStore: UnknownUpdateStore
  saleCancel: SaleCancel
  receipts: SaleReceipts
  repair: QueueRepair
  settings: SettingsDesk
  scannerTest: ScannerTest
  /** Lists HID devices for the admin's choice; node-hid loads on first use only. */
  hidBackend: DeviceBackend
  outbox: Outbox
  printer: LivePrinter
  status: StatusService
}

export function setupDesk(d: DeskInput): DeskServices {
  const { settings, dataDir } = d.loaded
  const { merchant, store } = settings
  const auth = new AuthService({ hashes: settings.pins })
  const unknownStore = new UnknownUpdateStore(join(dataDir, 'balances.sqlite'))
  const defaults = (): Role[] => (['cashier', 'admin'] as const).filter((r) => auth.state().defaultPins[r])
  d.status.update('defaultPins', defaults())
  const settingsDesk = new SettingsDesk({
    dataDir,
    boot: settings,
    status: d.status,
    printer: d.printer,
    embeddedUrl: d.embeddedUrl
  })
  const scannerTest = new ScannerTest({
    scanner: d.scanner,
    spec: settings.scanner,
    send: (raw) => d.broadcast('scanner:raw', raw)
  })
  auth.on('changed', (state) => {
    d.broadcast('auth:changed', state)
    // The raw scan stream is an admin tool: it ends with the admin session.
    if (state.role !== 'admin') scannerTest.stop()
  })
  d.outbox.on('change', (c) =>
    d.broadcast('outbox:changed', {
      id: c.id,
      state: c.state,
      attempts: c.attempts,
      lastError: c.last_error,
      fieldErrors: c.field_errors
    })
  )
  d.printer.on('job', (job) => d.broadcast('printer:job', job))
  return {
    auth,
    pins: {
      auth,
      save: (role, hash) => settingsDesk.savePinHash(role, hash),
      onDefaultsChanged: (roles) => d.status.update('defaultPins', roles)
    },
    balances: new BalanceDesk({
      client: d.client,
      merchant,
      store,
      printer: d.printer,
      merchantName: d.merchantName,
      log: d.log,
      unknownStore
    }),
    unknownStore,
    saleCancel: new SaleCancel({ client: d.client, outbox: d.outbox, merchant, store }),
    receipts: new SaleReceipts({
      printer: d.printer,
      outbox: d.outbox,
      store,
      memberFigures: d.memberFigures,
      receiptContext: d.receiptContext
    }),
    repair: new QueueRepair(d.outbox),
    settings: settingsDesk,
    scannerTest,
    hidBackend: createNodeHidBackend(),
    outbox: d.outbox,
    printer: d.printer,
    status: d.status
  }
}
