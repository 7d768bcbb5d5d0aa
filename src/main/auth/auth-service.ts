/**
 * The till's PIN session, kept in main: the renderer can ask to unlock, never set a flag.
 * One session per host (one till); admin includes cashier rights. Idle sessions expire.
 * Wrong PINs lock unlocking for longer and longer (pin-ladder.ts), and the lockout is on disk
 * (lockout-store.ts), so restarting the app does not buy a fresh set of guesses.
 */
import { EventEmitter } from 'node:events'
import type { AuthState, Role } from '../../shared/ipc'
import { DomainError } from '../domain-error'
import { memoryLockoutStore, NO_LOCKOUT, type LockoutState, type LockoutStore } from './lockout-store'
import { DEFAULT_PINS, hashPin, verifyPin } from './pin-hash'
import { afterWrongPin, clampToClock, LOCKOUT_LADDER_MS, triesLeft } from './pin-ladder'

export interface AuthOptions {
  /** Stored hashes; null means the factory default PIN is still in force. */
  hashes: Record<Role, string | null>
  /** Idle time before a session locks; each guarded call restarts the clock. */
  idleMs?: Record<Role, number>
  /** Wrong PINs before the first lockout (5). */
  maxTries?: number
  /** Lockout lengths, one per lockout in a row; the last one repeats. */
  ladderMs?: readonly number[]
  /** Where the lockout outlives a restart; in memory only when absent. */
  lockout?: LockoutStore
  now?: () => number
  log?: (line: string) => void
}

// A cashier steps away between customers (5 min); an admin session guards credentials and
// PINs, so it lapses sooner (2 min).
const IDLE_MS: Record<Role, number> = { cashier: 5 * 60_000, admin: 2 * 60_000 }

export class AuthService extends EventEmitter<{ changed: [AuthState] }> {
  private readonly hashes: Record<Role, string | null>
  private readonly defaults = new Map<Role, Promise<string>>()
  private session: { role: Role; expiresAt: number } | null = null
  private lockout: LockoutState
  private readonly store: LockoutStore
  private readonly ladder: readonly number[]
  private timer: NodeJS.Timeout | undefined
  // Unlocks run one at a time: parallel guesses must not slip past the try counter.
  private chain: Promise<unknown> = Promise.resolve()
  private readonly now: () => number

  constructor(private readonly opts: AuthOptions) {
    super()
    this.hashes = { ...opts.hashes }
    this.now = opts.now ?? Date.now
    this.ladder = opts.ladderMs ?? LOCKOUT_LADDER_MS
    this.store = opts.lockout ?? memoryLockoutStore()
    this.lockout = this.store.load()
  }

  state(): AuthState {
    this.expireIfIdle()
    const now = this.now()
    const { lockedUntil } = clampToClock(this.lockout, now, this.ladder)
    return {
      role: this.session?.role ?? null,
      expiresAt: this.session?.expiresAt ?? null,
      lockedUntil: lockedUntil > now ? lockedUntil : null,
      defaultPins: { cashier: this.hashes.cashier === null, admin: this.hashes.admin === null }
    }
  }

  /** Opens a session for `role`; a wrong PIN counts toward the lockout. */
  unlock(role: Role, pin: string): Promise<AuthState> {
    const run = this.chain.then(() => this.tryUnlock(role, pin))
    this.chain = run.catch(() => undefined)
    return run
  }

  lock(): void {
    if (!this.session) return
    this.session = null
    clearTimeout(this.timer)
    this.emit('changed', this.state())
  }

  /** Throws 'forbidden' unless a session of `role` (or admin) is open; extends it otherwise. */
  require(role: Role): void {
    this.expireIfIdle()
    const s = this.session
    if (!s || (role === 'admin' && s.role !== 'admin')) {
      throw new DomainError(
        'forbidden',
        role === 'admin' ? 'Enter the admin PIN first.' : 'Enter the cashier PIN first.',
        [['session', role]]
      )
    }
    this.open(s.role)
  }

  /** True when `pin` opens `role`, without touching the session or the counter (PIN changes). */
  matches(role: Role, pin: string): Promise<boolean> {
    return this.hashFor(role).then((hash) => verifyPin(pin, hash))
  }

  /** Takes a new hash (already saved by the caller) for `role`. */
  setHash(role: Role, hash: string): void {
    this.hashes[role] = hash
    this.defaults.delete(role)
    this.emit('changed', this.state())
  }

  private async tryUnlock(role: Role, pin: string): Promise<AuthState> {
    const now = this.now()
    // a deadline written under a clock that has since gone back is cut (and saved) here
    const current = clampToClock(this.lockout, now, this.ladder)
    if (current !== this.lockout) await this.record(current)
    if (current.lockedUntil > now) throw this.lockedOut(now)
    const maxTries = this.opts.maxTries ?? 5
    if (await this.matches(role, pin)) {
      if (current.failures > 0 || current.lockouts > 0) await this.record(NO_LOCKOUT)
      this.open(role)
      this.emit('changed', this.state())
      return this.state()
    }
    // The count is on disk before the answer leaves: a guesser who sees "wrong PIN" and then
    // pulls the plug finds the count (and any lockout) still there after the restart.
    const wrong = afterWrongPin(current, now, maxTries, this.ladder)
    await this.record(wrong)
    if (wrong.lockedUntil > now) {
      this.emit('changed', this.state())
      throw this.lockedOut(this.now())
    }
    const left = triesLeft(wrong, maxTries)
    throw new DomainError('invalid-input', 'Wrong PIN.', [['pin', `${left} tries left`]])
  }

  /**
   * Holds `next` at once (so this process enforces it whatever the disk does) and writes it.
   * A write that fails is logged, not thrown: a full disk must not shut the cashier out of the
   * till; only surviving a restart is lost while the disk refuses writes.
   */
  private async record(next: LockoutState): Promise<void> {
    this.lockout = next
    try {
      await this.store.save(next)
    } catch (err) {
      this.opts.log?.(`pin lockout: not saved (${String(err)}); it holds until the app restarts`)
    }
  }

  private lockedOut(now: number): DomainError {
    const seconds = Math.max(1, Math.ceil((this.lockout.lockedUntil - now) / 1000))
    return new DomainError('forbidden', `Too many wrong PINs. Try again in ${seconds} s.`, [
      ['pin', `locked for ${seconds} s`],
      ['retryAfterSeconds', String(seconds)]
    ])
  }

  // The factory PIN is hashed in memory with a fresh salt, so default and chosen PINs take
  // the same verification path (and the same time).
  private hashFor(role: Role): Promise<string> {
    const stored = this.hashes[role]
    if (stored) return Promise.resolve(stored)
    let h = this.defaults.get(role)
    if (!h) this.defaults.set(role, (h = hashPin(DEFAULT_PINS[role])))
    return h
  }

  private open(role: Role): void {
    const idle = this.opts.idleMs?.[role] ?? IDLE_MS[role]
    this.session = { role, expiresAt: this.now() + idle }
    clearTimeout(this.timer)
    // The timer only tells the screens; require() checks the clock itself.
    this.timer = setTimeout(() => this.expireIfIdle(), idle + 50)
    this.timer.unref()
  }

  private expireIfIdle(): void {
    if (this.session && this.session.expiresAt <= this.now()) {
      this.session = null
      clearTimeout(this.timer)
      this.emit('changed', this.state())
    }
  }
}
