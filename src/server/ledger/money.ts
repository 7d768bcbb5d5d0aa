/** Rupiah arithmetic. Money hazard: sums are done in integer hundredths only. */

/** The largest single amount the sandbox takes (Rp 1 trillion): hundredths stay exact in JS. */
export const MAX_RUPIAH = 1_000_000_000_000

/** Ceiling of every stored counter (stamps, hundredths): beyond it JS numbers lose precision. */
export const MAX_COUNTER = Number.MAX_SAFE_INTEGER

/** Rupiah to integer hundredths, or NaN when the value has more than 2 decimal places. */
export function toCents(rupiah: number): number {
  if (!Number.isFinite(rupiah)) return Number.NaN
  const cents = Math.round(rupiah * 100)
  return Math.abs(cents - rupiah * 100) > 1e-6 * Math.max(1, Math.abs(rupiah)) ? Number.NaN : cents
}

/** Integer hundredths back to rupiah for the wire. */
export function fromCents(cents: number): number {
  return cents / 100
}

/** Stamps a sale earns: one per `perValue` rupiah of the total, rounded down. */
export function stampsFor(totalCents: number, perValue: number): number {
  return Math.max(0, Math.floor(totalCents / (perValue * 100)))
}
