/** Which frames may call the services over Electron IPC (kept free of electron for tests). */

/**
 * True when the frame is our packaged renderer (file:// under `rendererDir`) or the dev server.
 * A navigated-away or injected frame must not reach the services.
 */
export function isTrustedSender(frameUrl: string | undefined, rendererDir: string, devUrl?: string): boolean {
  if (!frameUrl) return false
  let url: URL
  try {
    url = new URL(frameUrl)
  } catch {
    return false
  }
  if (devUrl && url.origin === new URL(devUrl).origin) return true
  if (url.protocol !== 'file:' || url.host !== '') return false
  const dir = rendererDir.replace(/\\/g, '/').replace(/\/+$/, '')
  let path: string
  try {
    path = decodeURIComponent(url.pathname)
  } catch {
    return false
  }
  if (path.split('/').includes('..')) return false
  return path.startsWith(dir.startsWith('/') ? `${dir}/` : `/${dir}/`)
}
