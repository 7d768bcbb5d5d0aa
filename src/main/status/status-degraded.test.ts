/**
 * "Slow" in the status bar comes from the requests the till really made: an upstream that
 * answers every ping but takes seconds per lookup is degraded, not online.
 */
import { afterEach, beforeEach, expect, it } from 'vitest'
import { DEMO, startDeskRig, type DeskRig } from '../../../tests/support/desk-rig'
import { waitFor } from '../../../tests/support/wait-for'

let rig: DeskRig
beforeEach(async () => {
  rig = await startDeskRig({ faults: true })
})
afterEach(async () => {
  await rig.stop()
})

const upstream = async () => (await rig.ok('status:get', {})).upstream

it('says slow while lookups take seconds, though the upstream is reachable and answers them', async () => {
  await waitFor(async () => (await upstream()).reachable, 'the first probe')
  expect((await upstream()).degraded ?? false).toBe(false)
  await rig.ok('member:lookup', { query: DEMO.card })
  expect((await upstream()).degraded ?? false).toBe(false)

  // Answers held 2.5 s: inside the client's timeout, past what a till calls slow (2 s).
  await rig.proxy!.setMode({ kind: 'delay', ms: 2_500 })
  for (let i = 0; i < 3; i++) await rig.ok('member:lookup', { query: DEMO.card })
  expect(await upstream()).toMatchObject({ reachable: true, degraded: true })
  const pushed = rig.events.filter((e) => e.event === 'status:changed').at(-1)?.payload as {
    upstream: { degraded?: boolean }
  }
  expect(pushed.upstream.degraded).toBe(true)
}, 60_000)
