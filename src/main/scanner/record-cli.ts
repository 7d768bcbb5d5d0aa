/** `tsx src/main/scanner/record-cli.ts list | <spec> <name> [seconds]`: list HID devices or record a fixture from a real scanner. */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { planDecoder } from './decoder-plan'
import { describeDevice, matchDevice } from './device-match'
import { buildFixture, type CapturedReport } from './fixture-recorder'
import { createNodeHidBackend } from './hid-device'
import { parseReportDescriptor, type DescriptorSummary } from './report-descriptor'
import { parseScannerSpec } from './scanner-spec'

/** Like the service: a descriptor that does not parse is ignored, not trusted for sizes. */
function summarise(bytes: Uint8Array): DescriptorSummary | undefined {
  try {
    return parseReportDescriptor(bytes)
  } catch (err) {
    console.error(`report descriptor ignored: ${(err as Error).message}`)
    return undefined
  }
}

async function main(argv: string[]): Promise<void> {
  const backend = createNodeHidBackend()
  const devices = await backend.list()
  if (argv[0] === 'list' || argv.length < 2) {
    for (const d of devices)
      console.log(`${describeDevice(d)} usage ${d.usagePage?.toString(16)}:${d.usage?.toString(16)} if ${d.interface}`)
    if (argv[0] !== 'list') console.log('usage: record-cli list | <spec> <fixture-name> [seconds]')
    return
  }
  const [specText = '', name = '', seconds = '15'] = argv
  const spec = parseScannerSpec(specText)
  if (spec.kind !== 'hid' && spec.kind !== 'hid-pos') throw new Error('recording needs a HID spec')
  const match = matchDevice(spec, devices)
  if (!match) throw new Error(`no device matches ${specText}`)
  const descriptor = await backend.reportDescriptor(match.device)
  const plan = planDecoder(match, spec, descriptor ? summarise(descriptor) : undefined)
  console.log(`layout: ${plan.basis}${plan.refusal ? `; every report is dropped: ${plan.refusal}` : ''}`)
  const device = await backend.open(match.device)
  const captured: CapturedReport[] = []
  device.on('data', (data) => captured.push({ at: performance.now(), data }))
  device.on('error', (err) => console.error(`device error: ${err.message}`))
  console.log(`recording ${describeDevice(match.device)} (${match.mode}) for ${seconds}s: scan now (test cards only)`)
  await new Promise((r) => setTimeout(r, Number(seconds) * 1000))
  await device.close()
  const fixture = buildFixture(specText, match, captured, name, new Date(), { plan, ...(descriptor && { descriptor }) })
  const file = join(process.cwd(), 'tests/fixtures/hid', `${name}.json`)
  writeFileSync(file, `${JSON.stringify(fixture, null, 2)}\n`)
  console.log(
    `${captured.length} reports, ${fixture.expected.scans.length} scans -> ${file}; review "expected" before committing`
  )
}

main(process.argv.slice(2)).catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err)
  process.exitCode = 1
})
