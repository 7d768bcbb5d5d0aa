/** Rupiah formatting shared by receipts and the UI: `Rp10.000`, dot thousands, no decimals. */

/**
 * Formats an amount of rupiah as printed on Indonesian receipts.
 * Money hazard: IDR has no minor unit in practice, so fractions are rounded half away from zero
 * (never truncated, which would print less than was charged). Grouping is done by hand rather
 * than with Intl, whose `id-ID` output differs between ICU builds (Electron vs small-icu Node).
 */
export function formatRupiah(amount: number): string {
  if (!Number.isFinite(amount)) throw new RangeError(`formatRupiah: not a finite amount: ${amount}`)
  const rounded = Math.round(Math.abs(amount))
  const digits = String(rounded)
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.')
  // -0 and amounts that round to 0 print without a sign.
  return amount < 0 && rounded !== 0 ? `-Rp${grouped}` : `Rp${grouped}`
}
