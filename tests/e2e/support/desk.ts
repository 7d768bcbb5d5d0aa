/** Oracles for desk specs: the upstream's own record of a sale, read through the Stamps API. */
import { DEMO_KEYS } from '../../../src/shared/stamps/demo'
import type { Activity } from '../../../src/shared/stamps/activities'

/** How many transactions the sandbox at `url` holds for `invoice` (demo key, member's activities). */
export async function salesForInvoice(url: string, user: string, invoice: string): Promise<number> {
  const res = await fetch(`${url}/api/v3/activities/?user=${encodeURIComponent(user)}`, {
    headers: { authorization: `Token ${DEMO_KEYS.coffee}`, accept: 'application/json' }
  })
  if (!res.ok) throw new Error(`activities: ${res.status} ${await res.text()}`)
  const { activities } = (await res.json()) as { activities: Activity[] }
  return activities.filter((a) => a.type === 0 && a.transaction?.invoice_number === invoice).length
}
