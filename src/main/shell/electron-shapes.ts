/**
 * The slices of Electron's objects the shell's policies touch, written as plain interfaces so
 * the policies run in vitest without loading `electron` (which would try to download its binary).
 * The real BrowserWindow, WebContents, Session and App are passed where these are expected, so
 * the compiler checks that the shapes match Electron's own typings.
 */

/** An Electron event whose default action can be cancelled. */
export interface Preventable {
  preventDefault(): void
}

/** Electron's `Input` of `before-input-event` (the fields the key policy reads). */
export interface KeyInput {
  /** 'keyDown' or 'keyUp'. */
  type: string
  /** The produced key: 'w', 'W', 'F4', '+', 'ArrowLeft', ... (layout dependent). */
  key: string
  /** The physical key: 'KeyW', 'F4', 'Equal', 'NumpadAdd', ... (layout independent). */
  code: string
  control: boolean
  meta: boolean
  alt: boolean
  shift: boolean
}

/** The renderer's WebContents: input, navigation, DevTools and the renderer process's fate. */
export interface ShellContents {
  on(event: 'before-input-event', listener: (event: Preventable, input: KeyInput) => void): unknown
  on(event: 'will-navigate', listener: (event: Preventable, url: string) => void): unknown
  on(event: 'will-attach-webview', listener: (event: Preventable) => void): unknown
  on(
    event: 'select-bluetooth-device',
    listener: (event: Preventable, devices: unknown[], callback: (deviceId: string) => void) => void
  ): unknown
  on(event: 'devtools-opened', listener: () => void): unknown
  on(
    event: 'render-process-gone',
    listener: (event: unknown, details: { reason: string; exitCode: number }) => void
  ): unknown
  on(event: 'unresponsive', listener: () => void): unknown
  on(event: 'responsive', listener: () => void): unknown
  on(
    event: 'did-fail-load',
    listener: (event: unknown, errorCode: number, errorDescription: string, url: string, isMainFrame: boolean) => void
  ): unknown
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void
  closeDevTools(): void
  toggleDevTools(): void
  forcefullyCrashRenderer(): void
  isDestroyed(): boolean
}

/** The shell's one window. */
export interface ShellWindow {
  on(event: 'close', listener: (event: Preventable) => void): unknown
  /** Windows only: the user logs off or the machine shuts down; the window must let go. */
  on(event: 'session-end', listener: () => void): unknown
  webContents: ShellContents
}

/** The permission side of the renderer's Session. */
export interface ShellSession {
  setPermissionRequestHandler(
    handler: (
      webContents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
      details: { requestingUrl?: string }
    ) => void
  ): void
  setPermissionCheckHandler(
    handler: (webContents: unknown, permission: string, requestingOrigin: string, details: unknown) => boolean
  ): void
  setDevicePermissionHandler(handler: (details: { deviceType?: string; origin?: string }) => boolean): void
  on(
    event: 'select-hid-device',
    listener: (event: Preventable, details: unknown, callback: (deviceId?: string | null) => void) => void
  ): unknown
  on(
    event: 'select-usb-device',
    listener: (event: Preventable, details: unknown, callback: (deviceId?: string) => void) => void
  ): unknown
  on(
    event: 'select-serial-port',
    listener: (event: Preventable, ports: unknown[], webContents: unknown, callback: (portId: string) => void) => void
  ): unknown
}

/** The app's quit signal: only its own shutdown may close a kiosk window. */
export interface ShellApp {
  on(event: 'before-quit', listener: () => void): unknown
}
