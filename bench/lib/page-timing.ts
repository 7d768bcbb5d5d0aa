/** Times activity page reads in process, in microseconds: the O(page) check without HTTP noise. */
import { openDb } from '../../src/server/db/open-db'
import { groupActivities, memberActivities } from '../../src/server/ledger/activity-feed'
import { activitiesJson } from '../../src/server/ledger/activities'

export interface PageTiming {
  name: string
  p50us: number
  p99us: number
}

const USER = 'customer@stamps.co.id'

/** Median and p99 of `runs` page reads (query plus JSON rendering) of each kind. */
export function timePages(dbPath: string, olderThan: number, runs = 20_000): PageTiming[] {
  const db = openDb(dbPath)
  try {
    const kinds: Array<[string, () => unknown]> = [
      ['first page', () => activitiesJson(memberActivities(db, 14, { user: USER }))],
      ['deep page', () => activitiesJson(memberActivities(db, 14, { user: USER, older_than: olderThan }))],
      [
        'group page, 2 merchants, deep',
        () => activitiesJson(groupActivities(db, 14, { user: USER, merchant_id: [2, 5], older_than: olderThan }))
      ]
    ]
    return kinds.map(([name, read]) => {
      for (let i = 0; i < 2_000; i++) read()
      const samples = new Float64Array(runs)
      for (let i = 0; i < runs; i++) {
        const t = performance.now()
        read()
        samples[i] = performance.now() - t
      }
      samples.sort()
      return { name, p50us: samples[runs >> 1]! * 1000, p99us: samples[Math.floor(runs * 0.99)]! * 1000 }
    })
  } finally {
    db.close()
  }
}
