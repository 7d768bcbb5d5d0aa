/** Sizes a QR code to the paper: the largest module size, up to the one asked for, that fits the print area. */

export type QrErrorLevel = 'l' | 'm' | 'q' | 'h'

// Byte-mode capacity of QR versions 1-40 at levels L, M, Q, H: ISO/IEC 18004:2015 Table 7, as
// tabulated at https://ryanagibson.com/extra/qr-character-limits (checked against 40-L = 2953).
// prettier-ignore
const BYTE_CAPACITY: Record<QrErrorLevel, readonly number[]> = {
  l: [17, 32, 53, 78, 106, 134, 154, 192, 230, 271, 321, 367, 425, 458, 520, 586, 644, 718, 792, 858,
    929, 1003, 1091, 1171, 1273, 1367, 1465, 1528, 1628, 1732, 1840, 1952, 2068, 2188, 2303, 2431, 2563, 2699, 2809, 2953],
  m: [14, 26, 42, 62, 84, 106, 122, 152, 180, 213, 251, 287, 331, 362, 412, 450, 504, 560, 624, 666,
    711, 779, 857, 911, 997, 1059, 1125, 1190, 1264, 1370, 1452, 1538, 1628, 1722, 1809, 1911, 1989, 2099, 2213, 2331],
  q: [11, 20, 32, 46, 60, 74, 86, 108, 130, 151, 177, 203, 241, 258, 292, 322, 364, 394, 442, 482,
    509, 565, 611, 661, 715, 751, 805, 868, 908, 982, 1030, 1112, 1168, 1228, 1283, 1351, 1423, 1499, 1579, 1663],
  h: [7, 14, 24, 34, 44, 58, 64, 84, 98, 119, 137, 155, 177, 194, 220, 250, 280, 310, 338, 382,
    403, 439, 461, 511, 535, 593, 625, 658, 698, 742, 790, 842, 898, 958, 983, 1051, 1093, 1139, 1219, 1273]
}

/** The smallest version holding `bytes` at `level` (what the printer picks itself), or null when none does. */
export function qrVersion(bytes: number, level: QrErrorLevel): number | null {
  const v = BYTE_CAPACITY[level].findIndex((cap) => cap >= bytes)
  return v < 0 ? null : v + 1
}

/** Modules across a symbol of that version (no quiet zone: the paper's margins give it). */
export const qrModules = (version: number): number => 17 + 4 * version

/**
 * The module size in dots for `data`: `wanted` when the symbol fits `dots` across, else the largest
 * that does; 1 is the floor (a 700-byte payload at size 1 is 101 dots, narrower than any paper).
 */
export function qrModuleSize(data: string, wanted: number, dots: number, level: QrErrorLevel): number {
  const version = qrVersion(Buffer.byteLength(data, 'latin1'), level) ?? 40
  return Math.max(1, Math.min(wanted, Math.floor(dots / qrModules(version))))
}
