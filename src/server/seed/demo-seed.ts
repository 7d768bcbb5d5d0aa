/**
 * `--seed demo`: the merchants, stores, keys and members the three Stamps documents use, so
 * their cURL lines run as written against the sandbox. Idempotent: running it again on a seeded
 * database changes nothing.
 */
import type { Db } from '../db/open-db'
import { ensureMerchant } from '../ledger/merchants'
import { registerMember } from '../ledger/members'
import { DEMO_KEYS, DEMO_MEMBERS } from '../../shared/stamps/demo'

/** Seeds the demo merchant group (14 Demo Coffee, 2 Levi's, 5 Ace Hardware) and two members. */
export function seedDemo(db: Db, nowMs = Date.now()): void {
  db.transaction(() => {
    ensureMerchant(db, {
      id: 14,
      name: 'Demo Coffee',
      keys: [DEMO_KEYS.coffee, DEMO_KEYS.coffeeCurl],
      stores: [
        { id: 2, name: 'Kelapa Gading' },
        { id: 3, name: 'Senayan City' },
        { id: 32, name: 'Grand Indonesia' },
        { id: 84, name: 'Pondok Indah' }
      ]
    })
    ensureMerchant(db, {
      id: 2,
      name: "Levi's",
      groupId: 14,
      keys: [DEMO_KEYS.levis],
      stores: [{ id: 201, name: 'L123', displayName: 'Levi Store' }]
    })
    ensureMerchant(db, {
      id: 5,
      name: 'Ace Hardware',
      groupId: 14,
      keys: [DEMO_KEYS.ace],
      stores: [{ id: 301, name: 'A301', displayName: 'ST ACE KARAWACI MAL' }]
    })
    // registrations belong to merchant 14, the group's program merchant
    for (const m of Object.values(DEMO_MEMBERS)) registerMember(db, { merchantId: 14, nowMs, ...m })
  }).immediate()
}
