/** The sale tab: the form until it is submitted, then its result with the receipt. */
import type { StampsKioskApi } from '../../../shared/ipc'
import { useT } from '../i18n'
import { useSaleStore } from '../stores/sale-store'
import { SaleForm } from './SaleForm'
import { SaleResult } from './SaleResult'

export function SalePanel({ api, user }: { api: StampsKioskApi; user: string | null }): React.JSX.Element {
  const t = useT()
  const result = useSaleStore((s) => s.result)
  if (!user) return <p className="note">{t('desk.needMember')}</p>
  return result ? (
    <SaleResult api={api} result={result} onNew={() => useSaleStore.getState().open()} />
  ) : (
    <SaleForm api={api} user={user} />
  )
}
