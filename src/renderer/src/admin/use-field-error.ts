/** The admin form's field errors, translated: a code from the form's own checks, or main's text. */
import type { StringKey } from '../../../shared/i18n'
import { useT } from '../i18n'
import { useAdminStore } from '../stores/admin-store'

/** An error code from this form, or main's own text for the field. */
export function useFieldError(): (field: string) => string | undefined {
  const t = useT()
  const errors = useAdminStore((s) => s.errors)
  return (field) => {
    const e = errors[field]
    if (!e) return undefined
    return /^[a-z]+$/.test(e) ? t(`admin.err.${e}` as StringKey) : e
  }
}
