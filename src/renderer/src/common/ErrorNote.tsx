/** A refusal from main in words: the translated reason, then main's own message and field notes. */
import type { IpcError } from '../../../shared/ipc'
import type { StringKey } from '../../../shared/i18n'
import { useT } from '../i18n'

export function ErrorNote({ error, testId }: { error: IpcError | null; testId?: string }): React.JSX.Element | null {
  const t = useT()
  if (!error) return null
  return (
    <div className="error-note" role="alert" data-testid={testId}>
      <strong>{t(`ipcError.${error.code}` as StringKey)}</strong>{' '}
      <span className="error-note__detail">{error.message}</span>
      {error.fields && error.fields.length > 0 && (
        <ul className="error-note__fields">
          {error.fields.map(([f, m]) => (
            <li key={`${f}:${m}`}>
              {f}: {m}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
