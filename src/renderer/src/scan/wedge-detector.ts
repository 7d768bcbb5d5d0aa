/** Keyboard-wedge scan detection: a pure state machine over keydown events (key + timestamp), no DOM. */

/** The keydown fields the decision needs; a real KeyboardEvent satisfies it. */
export interface WedgeKey {
  key: string
  timeStamp: number
  ctrlKey?: boolean
  altKey?: boolean
  metaKey?: boolean
  repeat?: boolean
  isComposing?: boolean
}

export interface WedgeOptions {
  /** Longest gap between keys of one scan. Scanners type every 1-20 ms; people rarely under 60 ms. */
  maxGapMs: number
  /** Shortest scan: fewer characters before Enter are treated as typing. */
  minLength: number
  /** Keys that end a scan (the scanner's suffix setting). */
  suffixes: readonly string[]
}

export const DEFAULT_WEDGE_OPTIONS: WedgeOptions = { maxGapMs: 50, minLength: 4, suffixes: ['Enter'] }

/**
 * What to do with one key. Order for the caller: insert `release` (held keys that turned out to be
 * typing) into the focused field first, then swallow or pass this key, then deliver `scan`.
 */
export interface WedgeDecision {
  swallow: boolean
  release?: string
  scan?: string
}

const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'CapsLock', 'NumLock', 'Fn', 'OS'])
const MAX_SCAN = 4096

/**
 * Every plain printable key is held (swallowed) until we know: a following key within
 * `maxGapMs` keeps holding; a gap, a non-printable key or a slow suffix releases the held text as
 * typing; a suffix after a fast burst of `minLength`+ characters makes it a scan. Holding first is
 * what keeps scans out of form fields: by the time a burst is recognisable, its first keys would
 * already have been typed.
 */
export class WedgeDetector {
  private held = ''
  private lastAt = 0
  private readonly opts: WedgeOptions

  constructor(options: Partial<WedgeOptions> = {}) {
    this.opts = { ...DEFAULT_WEDGE_OPTIONS, ...options }
  }

  key(k: WedgeKey): WedgeDecision {
    // Shift arrives as its own keydown before capitals and symbols; it types nothing.
    if (MODIFIERS.has(k.key) && !k.isComposing) return { swallow: false }
    let release = this.expire(k.timeStamp)
    const printable = [...k.key].length === 1 && !k.ctrlKey && !k.altKey && !k.metaKey && !k.repeat && !k.isComposing
    if (printable && this.held.length < MAX_SCAN) {
      this.held += k.key
      this.lastAt = k.timeStamp
      return withRelease({ swallow: true }, release)
    }
    if (this.opts.suffixes.includes(k.key) && !k.repeat && this.held.length >= this.opts.minLength) {
      const scan = this.held
      this.held = ''
      return withRelease({ swallow: true, scan }, release)
    }
    // Anything else (Backspace, arrows, shortcuts, a short burst's Enter): what was held was typing.
    release += this.held
    this.held = ''
    return withRelease({ swallow: false }, release)
  }

  /** Timer callback: returns held text once the gap has passed (a person typing), else undefined. */
  idle(now: number): string | undefined {
    return this.expire(now) || undefined
  }

  /** When {@link WedgeDetector.idle} should next be called, or null when nothing is held. */
  deadline(): number | null {
    return this.held ? this.lastAt + this.opts.maxGapMs + 1 : null
  }

  /** Gives back anything held (e.g. on unmount) so no keystroke is lost. */
  drain(): string {
    const text = this.held
    this.held = ''
    return text
  }

  private expire(now: number): string {
    if (!this.held || now - this.lastAt <= this.opts.maxGapMs) return ''
    return this.drain()
  }
}

const withRelease = (d: WedgeDecision, release: string): WedgeDecision => (release ? { ...d, release } : d)
