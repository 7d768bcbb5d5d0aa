/** Bytes a printer sent back (status answers), read one at a time with a deadline: shared by the TCP and serial links. */
export class ByteInbox {
  private readonly received: number[] = []
  private waiter: (() => void) | null = null

  /** Bytes arrived from the printer. */
  push(chunk: Uint8Array): void {
    this.received.push(...chunk)
    this.waiter?.()
  }

  /** The link failed or closed: a pending read settles now (with what is there, or undefined). */
  wake(): void {
    this.waiter?.()
  }

  /** The next byte, or undefined when none arrives within `ms`. */
  readByte(ms: number): Promise<number | undefined> {
    if (this.received.length > 0) return Promise.resolve(this.received.shift())
    return new Promise((res) => {
      const t = setTimeout(() => {
        this.waiter = null
        res(undefined)
      }, ms)
      this.waiter = () => {
        clearTimeout(t)
        this.waiter = null
        res(this.received.shift())
      }
    })
  }
}
