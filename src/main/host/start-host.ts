/**
 * Starts every service of the app without Electron, domain by domain: each setupX() builds its
 * services, registers its IPC channels and its closers. The Electron main process calls the
 * same function; the browser host and the receipt bridge are the transports on top.
 */
import { createAuthService, setupAuth } from '../auth/auth.setup'
import { setupBalances } from '../balances/balances.setup'
import { setupCapture } from '../capture/capture.setup'
import { MemberPairing } from '../capture/member-pairing'
import { setupDisk, setupRetention } from '../disk/disk.setup'
import { startBridge } from '../bridge/bridge-server'
import { startMetricsLanServer } from '../bridge/metrics-lan-server'
import type { IpcCaller } from '../ipc/ipc-caller'
import { createIpcRouter, type IpcRouter } from '../ipc/ipc-router'
import { setupMembers } from '../members/members.setup'
import { KioskMetrics } from '../metrics/kiosk-metrics'
import { setupMetrics } from '../metrics/metrics.setup'
import { setupOutbox } from '../outbox/outbox.setup'
import { setupPrinter } from '../printer/printer.setup'
import { setupRewards } from '../rewards/rewards.setup'
import { setupSales } from '../sales/sales.setup'
import { setupScanner } from '../scanner/scanner.setup'
import { keptToken } from '../settings/kept-token'
import { SettingsFile } from '../settings/settings-file'
import { setupSettings } from '../settings/settings.setup'
import type { LoadedSettings } from '../settings/settings-store'
import { setupStatus } from '../status/status.setup'
import type { Broadcast, HostContext } from './host-context'
import { startUiServer } from './browser/ui-server'
import { writeKioskPage } from './kiosk-page'
import { setupUpstream } from './upstream.setup'
import { logError } from '../../platform/log/process-log'

/** The browser host's launch token, beside the bridge's in the data directory. */
export const UI_TOKEN_FILE = 'ui-token'

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
  /** `tcp://host:port` of the capture printer the POS prints to; null when off. */
  captureUrl: string | null
  /** file: URL of `<data dir>/kiosk.html`, which forwards to uiUrl (open it in Chromium's kiosk mode). */
  kioskPage: string | null
  router: IpcRouter
  /** Who a screen connection is right now: a kiosk while the host runs in kiosk mode (the admin can switch it live). */
  caller(): IpcCaller
  /** Adds a receiver of main-to-renderer events (the Electron window); returns its remover. */
  onEvent(listener: Broadcast): () => void
  /** Stops taking work, lets the sale in flight finish, closes every file. */
  close(): Promise<void>
}

export async function startHost({
  loaded,
  rendererDir,
  log = (line: string) => logError(line),
  serveUi = true
}: HostOptions): Promise<Host> {
  const { settings, dataDir, bridgeToken } = loaded
  const closers: Array<() => Promise<void> | void> = []
  const close = async (): Promise<void> => {
    for (const c of closers.splice(0).reverse())
      await Promise.resolve()
        .then(c)
        .catch((e: Error) => log(`shutdown: ${e.message}`))
  }
  const listeners = new Set<Broadcast>()
  const broadcast: Broadcast = (event, payload) => listeners.forEach((l) => l(event, payload))
  // The router asks the auth domain for sessions, so the PIN session exists before any channel.
  const auth = createAuthService(settings, dataDir, log)
  const ipc = createIpcRouter({ requireSession: (role) => auth.require(role), log })
  const kiosk = new KioskMetrics()
  const ctx: HostContext = {
    settings,
    dataDir,
    log,
    ipc,
    broadcast,
    metrics: kiosk,
    onClose: (c) => void closers.push(c)
  }
  try {
    const startedAt = Date.now()
    const upstream = await setupUpstream(ctx)
    const status = setupStatus(ctx, {
      client: upstream.client,
      embedded: upstream.embeddedUrl !== null,
      observeRequests: upstream.observeRequests
    })
    const disk = setupDisk(ctx, { status })
    const settingsFile = new SettingsFile(dataDir, settings, loaded.sealer)
    settingsFile.onDisk = disk.report
    setupAuth(ctx, { auth, status, settingsFile })
    const printer = setupPrinter(ctx, { status, disk: disk.report })
    const outbox = setupOutbox(ctx, { client: upstream.client, status, disk: disk.report })
    // A member looked up at the desk is paired with the next receipt the POS prints through the host.
    const pairing = new MemberPairing(settings.capture.pairWindowSeconds * 1000)
    const members = setupMembers(ctx, { upstream, printer, status, onDeskLookup: (user) => pairing.scanned(user) })
    const sales = setupSales(ctx, {
      upstream,
      outbox,
      printer,
      startedAt,
      disk,
      memberName: (u) => members.cachedName(u)
    })
    setupRetention(ctx, { outbox, printer })
    setupBalances(ctx, { upstream, printer })
    setupRewards(ctx, { upstream, printer, members })
    setupSettings(ctx, { file: settingsFile, status, printer, embeddedUrl: upstream.embeddedUrl })
    const scanner = setupScanner(ctx, { status, auth })
    const capture = await setupCapture(ctx, { printer, outbox, status, pairing, upstream: upstream.client.breaker })
    const health = setupMetrics(ctx, { kiosk, outbox, status, embedded: upstream.embeddedUrl !== null })
    const caller = (): IpcCaller => ({ kiosk: status.get().mode === 'kiosk' })

    let uiUrl: string | null = null
    let kioskPage: string | null = null
    if (serveUi) {
      // Kept in the data directory: the printed ui: URL (a kiosk's bookmark) survives every restart.
      const ui = await startUiServer({
        rendererDir,
        router: ipc,
        caller,
        token: keptToken(dataDir, UI_TOKEN_FILE, loaded.sealer).token,
        port: settings.ui.port,
        host: '127.0.0.1',
        postRoutes: scanner.routes,
        log,
        ...(settings.ui.maxConnections && { limits: { maxConnections: settings.ui.maxConnections } })
      })
      ctx.onClose(() => ui.close())
      listeners.add((event, payload) => ui.broadcast(event, payload))
      uiUrl = ui.url
      kioskPage = writeKioskPage(dataDir, ui.url)
    }
    await scanner.start()
    const bridge = await startBridge({
      port: settings.bridge.port,
      token: bridgeToken,
      merchantId: settings.merchant,
      merchantKeys: upstream.merchantKeys,
      sales,
      client: upstream.client,
      // Today's sales show a sale the POS cancelled as cancelled (the v2 cancel names no store: this till's).
      onSaleCanceled: ({ invoiceNumber, date }) => void outbox.markCanceled(settings.store, invoiceNumber, date),
      log,
      health,
      ...(settings.bridge.maxConnections && { limits: { maxConnections: settings.bridge.maxConnections } })
    })
    ctx.onClose(() => bridge.close())
    const { listen: metricsAt, token: metricsToken } = settings.metrics
    if (metricsAt && metricsToken) {
      const lan = await startMetricsLanServer({ listen: metricsAt, token: metricsToken, scrape: health.scrape, log })
      ctx.onClose(() => lan.close())
      log(`metrics: ${lan.url}/metrics (bearer token)`)
    }
    const onEvent = (listener: Broadcast): (() => void) => {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    }
    return {
      sandboxUrl: upstream.embeddedUrl,
      bridgeUrl: bridge.url,
      uiUrl,
      captureUrl: capture?.url ?? null,
      kioskPage,
      router: ipc,
      caller,
      onEvent,
      close
    }
  } catch (err) {
    await close()
    throw err
  }
}
