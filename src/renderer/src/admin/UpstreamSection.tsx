/** Upstream (or the embedded sandbox) and credentials, with a test before saving. */
import type { StampsKioskApi } from '../../../shared/ipc'
import { ErrorNote } from '../common/ErrorNote'
import { Field } from '../common/Field'
import { Select } from '../common/Select'
import { useT } from '../i18n'
import { useAdminStore } from '../stores/admin-store'
import { useFieldError } from './use-field-error'

export function UpstreamSection({ api }: { api: StampsKioskApi }): React.JSX.Element | null {
  const t = useT()
  const s = useAdminStore()
  const err = useFieldError()
  const d = s.draft
  if (!d || !s.view) return null
  const keySet = s.view.settings.credential.keySet
  return (
    <fieldset className="admin__section">
      <legend>{t('admin.upstream')}</legend>
      <Select
        label={t('admin.upstreamMode')}
        value={d.upstreamMode}
        onChange={(v) => s.set('upstreamMode', v)}
        name="upstream-mode"
        options={[
          ['embedded', t('admin.upstream.embedded')],
          ['custom', t('admin.upstream.custom')]
        ]}
      />
      {d.upstreamMode === 'custom' && (
        <Field
          label={t('admin.upstreamUrl')}
          value={d.upstream}
          onChange={(v) => s.set('upstream', v)}
          error={err('upstream')}
          type="url"
          name="upstream"
        />
      )}
      <Select
        label={t('admin.credKind')}
        value={d.credKind}
        onChange={(v) => s.set('credKind', v)}
        name="cred-kind"
        options={[
          ['token', t('admin.cred.token')],
          ['jwt', t('admin.cred.jwt')]
        ]}
      />
      <Field
        label={t('admin.key')}
        hint={keySet ? t('admin.keyKept') : undefined}
        value={d.key}
        onChange={(v) => s.set('key', v)}
        error={err('credential.key')}
        type="password"
        name="key"
      />
      {d.credKind === 'jwt' && (
        <Field
          label={t('admin.credMerchant')}
          value={d.credMerchantId}
          onChange={(v) => s.set('credMerchantId', v)}
          error={err('credential.merchantId')}
          inputMode="numeric"
          name="cred-merchant"
        />
      )}
      <button
        type="button"
        className="button button--secondary"
        onClick={() => void s.testUpstream(api)}
        disabled={s.busy}
      >
        {t('admin.testUpstream')}
      </button>
      {s.upstreamTest?.ok && (
        <p className="note note--good" role="status" data-testid="upstream-test">
          {t('admin.upstreamOk', { merchant: s.upstreamTest.merchant })}
        </p>
      )}
      {s.upstreamTest && !s.upstreamTest.ok && <ErrorNote error={s.upstreamTest.error} testId="upstream-test" />}
    </fieldset>
  )
}
