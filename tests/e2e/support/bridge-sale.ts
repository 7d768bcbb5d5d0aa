/**
 * Seeds real history the way a host POS does: a sale posted to the host's receipt bridge. A kiosk
 * screen may not post sales (kiosk mode refuses desk channels), so kiosk specs seed through here.
 */
import { EMBEDDED_DEFAULTS } from '../../../src/main/settings/settings-schema'
import type { HostProcess } from './host-process'

export interface BridgeSale {
  /** The member as `member:lookup` names them (`user`). */
  user: string
  invoiceNumber: string
  totalValue: number
}

/** Posts one sale and throws unless the bridge took it (200 posted; a 202 pending would be queued, not history). */
export async function bridgeSale(
  host: Pick<HostProcess, 'bridgeUrl' | 'bridgeToken'>,
  sale: BridgeSale
): Promise<void> {
  if (!host.bridgeUrl || !host.bridgeToken) throw new Error('this host did not print its bridge URL and token')
  const res = await fetch(`${host.bridgeUrl}/api/transactions/add`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Token ${host.bridgeToken}` },
    body: JSON.stringify({
      user: sale.user,
      store: EMBEDDED_DEFAULTS.store,
      invoice_number: sale.invoiceNumber,
      total_value: sale.totalValue
    })
  })
  if (res.status !== 200) throw new Error(`bridge sale ${sale.invoiceNumber}: ${res.status} ${await res.text()}`)
}
