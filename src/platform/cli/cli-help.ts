/**
 * `--help` for every command line (host, sandbox, printer emulator): one line per flag with its
 * default. The flag list is the parser's own options object, so a flag cannot be added without
 * its help line (the type requires one) and a parser default cannot drift from the one shown.
 */

/** What `--help` says about one flag; `default` only where the parser has none (the host's settings). */
export interface FlagDoc {
  /** The value's placeholder, `<n>` or `<file>`; booleans have none. */
  value?: string
  text: string
  default?: string
}

interface ParserOption {
  type: 'string' | 'boolean'
  default?: string | boolean
}

export interface CliHelp<O extends Record<string, ParserOption>> {
  /** The command as a person types it: `npm run server --`. */
  command: string
  summary: string
  options: O
  docs: { [K in keyof O]: FlagDoc }
  /** Lines after the flag list (environment variables, signals). */
  notes?: string[]
}

/** The default a person reads: the parser's own, else the doc's, else "off" for a switch. */
function shownDefault(option: ParserOption, doc: FlagDoc): string {
  if (option.default !== undefined)
    return option.type === 'boolean' ? (option.default ? 'on' : 'off') : String(option.default)
  if (doc.default !== undefined) return doc.default
  return option.type === 'boolean' ? 'off' : 'none'
}

/** The whole help text, ending in a newline. */
export function helpText<O extends Record<string, ParserOption>>(help: CliHelp<O>): string {
  const rows = Object.entries(help.options).map(([name, option]) => {
    const doc = help.docs[name as keyof O]
    return { flag: `--${name}${doc.value ? ` ${doc.value}` : ''}`, doc, option }
  })
  const width = Math.max(...rows.map((r) => r.flag.length), '--help, -h'.length) + 2
  const lines = rows.map((r) => `  ${r.flag.padEnd(width)}${r.doc.text} (default: ${shownDefault(r.option, r.doc)})`)
  lines.push(`  ${'--help, -h'.padEnd(width)}print this help and exit`)
  return [
    `usage: ${help.command} [flags]`,
    '',
    help.summary,
    '',
    'flags:',
    ...lines,
    ...(help.notes ? ['', ...help.notes] : []),
    ''
  ].join('\n')
}

/** True when the command line asks for help (`--help` or `-h` anywhere before a `--`). */
export function wantsHelp(argv: readonly string[]): boolean {
  const end = argv.indexOf('--')
  return (end === -1 ? argv : argv.slice(0, end)).some((a) => a === '--help' || a === '-h')
}

/** Prints the help and exits 0 when asked; otherwise returns so the command parses its flags. */
export function answerHelp<O extends Record<string, ParserOption>>(argv: readonly string[], help: CliHelp<O>): void {
  if (!wantsHelp(argv)) return
  process.stdout.write(helpText(help))
  process.exit(0)
}
