/** Always-visible device status: upstream, queue depth, printer and scanner, and the disk while it cannot write. */
import type { Status } from '../../../shared/ipc'
import { useT, type Translate } from '../i18n'
import { useStatusStore } from '../stores/status-store'

type Tone = 'good' | 'warn' | 'bad' | 'idle'

const deviceTone = (state: Status['printer']['state']): Tone =>
  state === 'ok' || state === 'connected' ? 'good' : state === 'none' ? 'idle' : state === 'paper-out' ? 'warn' : 'bad'

function items(status: Status, t: Translate): Array<{ key: string; label: string; value: string; tone: Tone }> {
  const { upstream, queue, printer, scanner, disk } = status
  const upstreamState = !upstream.reachable ? 'down' : upstream.degraded ? 'degraded' : 'ok'
  const upstreamText = t(`status.upstream.${upstreamState}`)
  return [
    {
      key: 'upstream',
      label: t('status.upstream'),
      value: upstream.embedded ? `${upstreamText} (${t('status.upstream.embedded')})` : upstreamText,
      tone: upstreamState === 'ok' ? 'good' : upstreamState === 'degraded' ? 'warn' : 'bad'
    },
    {
      key: 'queue',
      label: t('status.queue'),
      value: t('status.queue.value', { pending: queue.pending, failed: queue.failed }),
      tone: queue.failed > 0 ? 'bad' : queue.pending > 0 ? 'warn' : 'good'
    },
    {
      key: 'printer',
      label: t('status.printer'),
      // Held jobs wait for paper or a reconnect: worth showing, since a visitor's slip may be among them.
      value:
        printer.held > 0
          ? t('status.printer.held', { value: t(`device.${printer.state}`), n: printer.held })
          : t(`device.${printer.state}`),
      tone: printer.held > 0 && deviceTone(printer.state) === 'good' ? 'warn' : deviceTone(printer.state)
    },
    {
      key: 'scanner',
      label: t('status.scanner'),
      value: t(`device.${scanner.state}`),
      tone: deviceTone(scanner.state)
    },
    // Shown only while something cannot write: a full disk refuses sales, so the cashier must know.
    ...(disk && disk.state !== 'ok'
      ? [{ key: 'disk', label: t('status.disk'), value: t(`status.disk.${disk.state}`), tone: 'bad' as const }]
      : [])
  ]
}

export function StatusBar(): React.JSX.Element {
  const t = useT()
  const status = useStatusStore((s) => s.status)
  const connection = useStatusStore((s) => s.connection)
  return (
    <footer className="status-bar" aria-label={t('status.region')} data-connection={connection}>
      {!status || connection !== 'connected' ? (
        <p className="status-bar__connecting" role="status">
          {t(`status.${connection === 'connected' ? 'connecting' : connection}`)}
        </p>
      ) : (
        <ul className="status-bar__list">
          {items(status, t).map((i) => (
            <li key={i.key} className="status-item" data-status={i.key} data-tone={i.tone}>
              <span className="status-item__dot" aria-hidden="true" />
              <span className="status-item__label">{i.label}:</span>{' '}
              <span className="status-item__value">{i.value}</span>
            </li>
          ))}
        </ul>
      )}
    </footer>
  )
}
