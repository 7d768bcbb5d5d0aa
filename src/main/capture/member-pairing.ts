/**
 * Who gets the stamps of a captured receipt: the member last scanned at the desk, if that was
 * within the window before the receipt printed. Each scan pairs with one receipt at most.
 */
export class MemberPairing {
  private last: { user: string; at: number } | null = null

  constructor(
    private readonly windowMs: number,
    private readonly now: () => number = Date.now
  ) {}

  /** A member was scanned (or looked up) at the desk. */
  scanned(user: string): void {
    this.last = { user, at: this.now() }
  }

  /** The member to pair with a receipt printed now, taken so that the next receipt does not get it too. */
  take(): string | null {
    const last = this.last
    this.last = null
    return last && this.now() - last.at <= this.windowMs ? last.user : null
  }
}
