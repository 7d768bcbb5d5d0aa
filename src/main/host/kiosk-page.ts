/**
 * `<data dir>/kiosk.html`: a private page that forwards to the UI URL with its token, so a
 * kiosk opens `chromium --kiosk file://<data dir>/kiosk.html` and no token is on a command line
 * (which every user of the computer can read with `ps`). Rewritten at every start, so it always
 * names the UI address and token in force; 0600, so only the kiosk's own user can read it.
 */
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { writeFileAtomic } from '../../platform/fs/private-files'

export const KIOSK_PAGE = 'kiosk.html'

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/** Writes the page forwarding to `uiUrl`; returns its file: URL (what Chromium is given). */
export function writeKioskPage(dataDir: string, uiUrl: string): string {
  const file = join(dataDir, KIOSK_PAGE)
  const url = escapeHtml(uiUrl)
  // A meta refresh, not a script: it works with JavaScript off, and a top-level navigation from a
  // file: page needs no permission. no-referrer keeps this file's path out of the request.
  const html = `<!doctype html>
<html>
<head>
<meta charset="utf-8">
<meta name="referrer" content="no-referrer">
<meta http-equiv="refresh" content="0; url=${url}">
<title>Stamps Kiosk</title>
</head>
<body>
<p><a href="${url}">Stamps Kiosk</a></p>
</body>
</html>
`
  writeFileAtomic(file, html)
  return pathToFileURL(file).href
}
