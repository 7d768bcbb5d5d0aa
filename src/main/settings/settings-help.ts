/** The host's `--help`: every flag, its environment variable and its default, read from the settings schema. */
import type { CliHelp } from '../../platform/cli/cli-help'
import { parseSettings } from './settings-schema'
import { envName, HOST_FLAGS } from './settings-sources'
import { defaultDataDir, SETTINGS_FILE } from './settings-store'

/** The help for `command` (`npm run serve --`, `npm run start:host --`). */
export function hostHelp(command: string): CliHelp<typeof HOST_FLAGS> {
  const d = parseSettings({})
  const env = (flag: keyof typeof HOST_FLAGS): string => `; env ${envName(flag)}`
  return {
    command,
    summary:
      'The headless stamps-kiosk host: the UI over HTTP, the receipt bridge for POS software, the queues.\n' +
      `Settings come from <data dir>/${SETTINGS_FILE}, then STAMPS_KIOSK_* variables, then these flags.`,
    options: HOST_FLAGS,
    docs: {
      'data-dir': {
        value: '<dir>',
        text: `settings, queues and receipts${env('data-dir')}`,
        default: defaultDataDir()
      },
      'ui-port': {
        value: '<n>',
        text: `the UI's port on 127.0.0.1, 0 picks one${env('ui-port')}`,
        default: String(d.ui.port)
      },
      'bridge-port': {
        value: '<n>',
        text: `the bridge's port on 127.0.0.1, 0 picks one${env('bridge-port')}`,
        default: String(d.bridge.port)
      },
      'capture-port': {
        value: '<n>',
        text: `be the POS's network printer on this port (9100 by convention), 0 picks one${env('capture-port')}`,
        default: 'off'
      },
      'capture-host': {
        value: '<ip>',
        text: `the address the capture printer listens on; a LAN address of this computer by choice${env('capture-host')}`,
        default: d.capture.host
      },
      upstream: {
        value: '<url>|embedded',
        text: `the Stamps server (https, or http on this computer)${env('upstream')}`,
        default: 'embedded (the sandbox in process)'
      },
      auth: {
        value: 'token|jwt',
        text: `how the merchant key is sent upstream${env('auth')}`,
        default: d.credential.kind
      },
      merchant: { value: '<id>', text: `the merchant id${env('merchant')}`, default: String(d.merchant) },
      store: { value: '<id>', text: `this till's store id${env('store')}`, default: String(d.store) },
      printer: {
        value: '<spec>',
        text: `tcp://host:9100, device:/dev/usb/lp0, serial:/dev/ttyUSB0?baud=19200, file:<dir>${env('printer')}`,
        default: '<data dir>/receipts'
      },
      scanner: { value: '<spec>', text: `wedge, hid-pos, hid:<vid>:<pid>, none${env('scanner')}`, default: d.scanner },
      mode: { value: 'kiosk|cashier', text: `the screen the till opens on${env('mode')}`, default: d.kiosk.mode },
      language: { value: 'id|en', text: `the screens' and receipts' language${env('language')}`, default: d.language },
      'metrics-listen': {
        value: '<address:port>|off',
        text: `also serve /metrics there for the fleet's Prometheus, bearer token required${env('metrics-listen')}`,
        default: 'off (loopback bridge port only)'
      },
      'log-level': {
        value: 'fatal|error|warn|info|debug|trace|silent',
        text: `the least severe line written to <data dir>/logs/host.log and stderr${env('log-level')}`,
        default: d.logLevel
      }
    },
    notes: [
      'secrets, from the environment only (a command line is readable by every user with ps):',
      `  ${envName('key')}           the merchant's Stamps key (default: the demo key on the embedded sandbox)`,
      `  ${envName('bridge-token')}  the bridge token POS software sends (default: generated once, kept in the data dir)`,
      `  ${envName('metrics-token')}  the bearer token Prometheus sends to --metrics-listen (default: none; required with it)`
    ]
  }
}
