/**
 * Starts every service of the app without Electron: upstream (the embedded sandbox unless one
 * is configured), Stamps client, outbox, printer, scanner, status, receipt bridge and the
 * browser host. The Electron main process calls the same function.
 */
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { MemberService } from '../members/member-service'
import { LivePrinter } from '../admin/live-printer'
import { Outbox } from '../outbox'
import { SaleDesk } from '../sales/sale-desk'
import { SaleService } from '../sales/sale-service'
import type { LoadedSettings } from '../settings/settings-store'
import { DEMO_KEYS } from '../../shared/stamps/demo'
import { StampsClient } from '../stamps'
import { StatusService } from '../status/status-service'
import { createIpcRouter, type IpcRouter } from '../ipc/ipc-router'
import { startBridge } from '../bridge/bridge-server'
import { deskHandlers } from './desk-handlers'
import { setupDesk } from './desk-wiring'
import { ipcHandlers } from './ipc-handlers'
import { setupScanner } from './scanner-wiring'
import { wireStatus, type Broadcast } from './status-wiring'
import { startEmbeddedSandbox, type EmbeddedSandbox } from './embedded-sandbox'
import { startUiServer } from './browser/ui-server'

export interface HostOptions {
  loaded: LoadedSettings
  /** The built renderer (out/renderer). */
  rendererDir: string
  log?: (line: string) => void
  /** The browser host (UI over HTTP + WebSocket); the Electron shell turns it off. */
  serveUi?: boolean
}

export interface Host {
  sandboxUrl: string | null
  bridgeUrl: string
  uiUrl: string | null
  router: IpcRouter
  /** Adds a receiver of main-to-renderer events (the Electron window); returns its remover. */
  onEvent(listener: Broadcast): () => void
  /** Stops taking work, lets the sale in flight finish, closes every file. */
  close(): Promise<void>
}

export async function startHost({
  loaded,
  rendererDir,
  log = console.error,
  serveUi = true
}: HostOptions): Promise<Host> {
  const { settings, dataDir, bridgeToken } = loaded
  const closers: Array<() => Promise<void> | void> = []
  const close = async (): Promise<void> => {
    for (const c of closers.splice(0).reverse())
      await Promise.resolve(c()).catch((e) => log(`shutdown: ${(e as Error).message}`))
  }
  try {
    let sandbox: EmbeddedSandbox | null = null
    if (settings.upstream === null) {
      sandbox = await startEmbeddedSandbox(dataDir)
      closers.push(() => sandbox!.close())
    }
    const client = new StampsClient({
      baseUrl: settings.upstream ?? sandbox!.url,
      credential: settings.credential,
      timeoutMs: settings.requestTimeoutMs
    })
    const startedAt = Date.now()
    let merchantName = 'Stamps'
    const named = client.ping().then(
      (p) => void (merchantName = p.pong.merchant),
      () => undefined
    )

    // Replaceable at run time: the admin screen changes printer, paper and language live.
    const printer = new LivePrinter(dataDir, {
      spec: settings.printer,
      paperWidth: settings.paperWidth,
      language: settings.language
    })
    closers.push(() => printer.close())
    printer.start()
    const outbox = new Outbox({ dbPath: join(dataDir, 'outbox.sqlite'), client, merchantId: settings.merchant })
    closers.push(() => outbox.close())
    outbox.start()

    const status = new StatusService({
      initial: {
        mode: settings.kiosk.mode,
        language: settings.language,
        idleTimeoutSeconds: settings.kiosk.idleTimeoutSeconds,
        embedded: sandbox !== null
      },
      probe: () => client.ping()
    })
    closers.push(() => status.stop())
    const { scanner, routes } = setupScanner(settings.scanner, log)

    const memberFigures = async (user: string): Promise<{ level: string; balance: number }> => {
      const d = await client.membership({ user, merchant: settings.merchant })
      return { level: d.membership.level_text, balance: d.membership.balance }
    }
    const receiptContext = (): { merchantName: string } => ({ merchantName })
    const sales = new SaleService({ outbox, printer, memberFigures, receiptContext, log })
    void named
      .then(() => sales.issueOwedReceipts(startedAt))
      .then(
        (n) => n > 0 && log(`printed ${n} receipt(s) owed from before the last stop`),
        (e: Error) => log(`owed receipts: ${e.message}`)
      )
    const members = new MemberService({
      client,
      merchantId: settings.merchant,
      masked: () => status.get().mode === 'kiosk',
      merchantName: () => merchantName,
      printer,
      language: () => status.get().language
    })
    const listeners = new Set<Broadcast>()
    const broadcast: Broadcast = (event, payload) => listeners.forEach((l) => l(event, payload))
    const desk = setupDesk({
      loaded,
      client,
      outbox,
      printer,
      status,
      scanner,
      broadcast,
      embeddedUrl: sandbox?.url ?? null,
      merchantName: () => merchantName,
      memberFigures,
      receiptContext,
      log
    })
    closers.push(() => desk.unknownStore.close())
    const saleDesk = new SaleDesk(sales, settings.store, undefined, (invoice) => desk.receipts.firstReceipt(invoice))
    const router = createIpcRouter(
      {
        ...ipcHandlers({ status, members, desk: saleDesk, outbox, printer, client, store: settings.store }),
        ...deskHandlers(desk)
      },
      log
    )
    let uiUrl: string | null = null
    if (serveUi) {
      const token = randomBytes(24).toString('base64url')
      const ui = await startUiServer({
        rendererDir,
        router,
        token,
        port: settings.ui.port,
        host: '127.0.0.1',
        postRoutes: routes,
        log
      })
      closers.push(() => ui.close())
      listeners.add((event, payload) => ui.broadcast(event, payload))
      uiUrl = ui.url
    }
    wireStatus({ status, outbox, printer, scanner, wedge: settings.scanner === 'wedge', broadcast })
    if (scanner) {
      closers.push(() => scanner.stop())
      await scanner.start()
    }
    status.start()

    // The embedded sandbox answers to both keys printed in the documents, so their cURL lines
    // work verbatim at the bridge too.
    const merchantKeys = [settings.credential.key, ...(sandbox ? [DEMO_KEYS.coffee, DEMO_KEYS.coffeeCurl] : [])]
    const bridge = await startBridge({
      port: settings.bridge.port,
      token: bridgeToken,
      merchantId: settings.merchant,
      merchantKeys,
      sales,
      client,
      log
    })
    closers.push(() => bridge.close())
    const onEvent = (listener: Broadcast): (() => void) => (
      listeners.add(listener),
      () => void listeners.delete(listener)
    )
    return { sandboxUrl: sandbox?.url ?? null, bridgeUrl: bridge.url, uiUrl, router, onEvent, close }
  } catch (err) {
    await close()
    throw err
  }
}
