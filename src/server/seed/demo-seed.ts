/**
 * `--seed demo`: the merchants, stores, keys and members the three Stamps documents use, so
 * their cURL lines run as written against the sandbox, plus merchant 14's rewards and the demo
 * customer's welcome voucher. Idempotent: running it again on a seeded database changes nothing
 * (a used or expired welcome voucher stays as it is).
 */
import type { Db } from '../db/open-db'
import { addDays, configureReward, configureVoucherTemplate, issueVoucher } from '../ledger/catalogue'
import { ensureMerchant } from '../ledger/merchants'
import { registerMember } from '../ledger/members'
import { localDay } from '../../shared/local-day'
import { DEMO_KEYS, DEMO_MEMBERS, DEMO_REWARDS, DEMO_VOUCHER } from '../../shared/stamps/demo'
import { VOUCHER_TEMPLATE_TYPE } from '../../shared/stamps/vouchers'

/** Days from `day` to the same date a year later (365 or 366). */
function daysToNextYear(day: string): number {
  const next = `${Number(day.slice(0, 4)) + 1}${day.slice(4)}`
  let days = 365
  while (addDays(day, days) < next) days++
  return days
}

/** Seeds the demo merchant group (14 Demo Coffee, 2 Levi's, 5 Ace Hardware), two members and the catalogue. */
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
    const members = Object.values(DEMO_MEMBERS).map((m) => registerMember(db, { merchantId: 14, nowMs, ...m }))
    for (const r of DEMO_REWARDS) {
      configureReward(db, {
        merchantId: 14,
        code: r.code,
        name: r.name,
        stamps: r.stamps,
        level: r.level,
        ...('stores' in r && { stores: r.stores })
      })
    }
    const templateId = configureVoucherTemplate(db, {
      merchantId: 14,
      name: DEMO_VOUCHER.template,
      type: VOUCHER_TEMPLATE_TYPE.signup,
      shortDescription: 'A welcome gift from Demo Coffee',
      description: 'Welcome to Demo Coffee: show this voucher at the counter of any of our stores.',
      instructions: 'Show the voucher code to the cashier',
      validityDays: 365
    })
    // a fixed code is issued once: a second seeding finds it and leaves it alone
    issueVoucher(db, {
      templateId,
      membershipId: members[0]!.membership_id,
      code: DEMO_VOUCHER.code,
      nowMs,
      validityDays: daysToNextYear(localDay(nowMs))
    })
  }).immediate()
}
