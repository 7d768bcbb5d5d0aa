import { describe, expect, it } from 'vitest'
import { helpText, wantsHelp } from './cli-help'

const OPTIONS = {
  port: { type: 'string', default: '9100' },
  verbose: { type: 'boolean', default: false },
  loud: { type: 'boolean', default: true },
  save: { type: 'string' },
  dir: { type: 'string' },
  dry: { type: 'boolean' }
} as const

describe('helpText', () => {
  it("lists every flag with its placeholder and the parser's default, else the doc's", () => {
    const text = helpText({
      command: 'npm run thing --',
      summary: 'Does a thing.',
      options: OPTIONS,
      docs: {
        port: { value: '<n>', text: 'the port' },
        verbose: { text: 'say more' },
        loud: { text: 'shout' },
        save: { value: '<dir>', text: 'keep jobs', default: 'not saved' },
        dir: { value: '<dir>', text: 'a folder' },
        dry: { text: 'change nothing' }
      },
      notes: ['SIGUSR1 toggles paper out']
    })
    expect(text.split('\n')).toEqual([
      'usage: npm run thing -- [flags]',
      '',
      'Does a thing.',
      '',
      'flags:',
      '  --port <n>    the port (default: 9100)',
      '  --verbose     say more (default: off)',
      '  --loud        shout (default: on)',
      '  --save <dir>  keep jobs (default: not saved)',
      '  --dir <dir>   a folder (default: none)',
      '  --dry         change nothing (default: off)',
      '  --help, -h    print this help and exit',
      '',
      'SIGUSR1 toggles paper out',
      ''
    ])
  })
})

describe('wantsHelp', () => {
  it('sees --help and -h anywhere before a bare --, and nothing else', () => {
    expect(wantsHelp(['--port', '1', '--help'])).toBe(true)
    expect(wantsHelp(['-h'])).toBe(true)
    expect(wantsHelp(['--port', '1'])).toBe(false)
    expect(wantsHelp(['--', '--help'])).toBe(false)
    expect(wantsHelp(['--helpful'])).toBe(false)
  })
})
