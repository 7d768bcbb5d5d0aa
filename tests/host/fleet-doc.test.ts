/**
 * docs/fleet.md's scrape config and alert rules, as written there: promtool accepts both, and
 * `promtool test rules` shows the queue, printer and kiosk alerts fire when they should, not before.
 */
import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { tempDir } from '../support/temp-files'

const doc = readFileSync(join(__dirname, '..', '..', 'docs', 'fleet.md'), 'utf8')
const tmp = tempDir('fleet-doc-')
afterAll(() => tmp.remove())

/** The ```yaml block of the doc whose first line is `# <name>`. */
function block(name: string): string {
  const found = [...doc.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!).find((b) => b.startsWith(`# ${name}\n`))
  if (!found) throw new Error(`docs/fleet.md has no yaml block starting "# ${name}"`)
  return found
}

function promtool(args: string[]): { status: number | null; out: string } {
  const run = spawnSync('promtool', args, { cwd: tmp.dir, encoding: 'utf8', timeout: 20_000 })
  if (run.error) throw new Error(`promtool: ${run.error.message} (scripts/ensure-system-deps.sh installs prometheus)`)
  return { status: run.status, out: `${run.stdout}${run.stderr}` }
}

const RULE_TESTS = `rule_files: [stamps-kiosk.rules.yml]
evaluation_interval: 1m
tests:
  - interval: 1m
    input_series:
      - series: 'stamps_kiosk_outbox_oldest_pending_seconds{instance="k1:9464",job="stamps-kiosk",store="S",till="k1"}'
        values: '0 300 540 600 660'
      - series: 'stamps_kiosk_printer_up{instance="k1:9464",job="stamps-kiosk",store="S",till="k1"}'
        values: '1 0 0 0 0 0 0 0'
      - series: 'up{instance="k1:9464",job="stamps-kiosk",store="S",till="k1"}'
        values: '1 0 0 0 0 0'
    alert_rule_test:
      - { eval_time: 3m, alertname: StampsKioskQueueStuck, exp_alerts: [] }
      - eval_time: 4m
        alertname: StampsKioskQueueStuck
        exp_alerts:
          - exp_labels: { severity: warning, instance: 'k1:9464', job: stamps-kiosk, store: S, till: k1 }
            exp_annotations:
              summary: 'S k1: sales stuck in the queue'
              description: 'The oldest queued sale has waited 11m 0s for Stamps.'
      - { eval_time: 5m, alertname: StampsKioskPrinterDown, exp_alerts: [] }
      - eval_time: 6m
        alertname: StampsKioskPrinterDown
        exp_alerts:
          - exp_labels: { severity: warning, instance: 'k1:9464', job: stamps-kiosk, store: S, till: k1 }
            exp_annotations: { summary: 'S k1: printer down (paper out, offline or unplugged)' }
      - { eval_time: 3m, alertname: StampsKioskDown, exp_alerts: [] }
      - eval_time: 4m
        alertname: StampsKioskDown
        exp_alerts:
          - exp_labels: { severity: critical, instance: 'k1:9464', job: stamps-kiosk, store: S, till: k1 }
            exp_annotations: { summary: 'S k1: kiosk down' }
`

describe('docs/fleet.md', () => {
  it('has a scrape config and alert rules promtool accepts', () => {
    writeFileSync(tmp.file('stamps-kiosk.rules.yml'), block('stamps-kiosk.rules.yml'))
    // The token file the config names, moved into the test's folder.
    writeFileSync(tmp.file('token'), 'a-token-for-the-test-0123')
    writeFileSync(
      tmp.file('prometheus.yml'),
      block('prometheus.yml').replace('/etc/prometheus/stamps-kiosk.token', tmp.file('token'))
    )
    const rules = promtool(['check', 'rules', 'stamps-kiosk.rules.yml'])
    expect(rules.status, rules.out).toBe(0)
    expect(rules.out).toMatch(/SUCCESS: 5 rules found/)
    const config = promtool(['check', 'config', 'prometheus.yml'])
    expect(config.status, config.out).toBe(0)
  })

  it('fires the queue alert past 10 minutes, the printer alert after 5 down, the kiosk alert after 3', () => {
    writeFileSync(tmp.file('stamps-kiosk.rules.yml'), block('stamps-kiosk.rules.yml'))
    writeFileSync(tmp.file('rules.test.yml'), RULE_TESTS)
    const run = promtool(['test', 'rules', 'rules.test.yml'])
    expect(run.status, run.out).toBe(0)
    expect(run.out).toMatch(/SUCCESS/)
  })
})
