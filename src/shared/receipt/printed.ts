/** What a printer prints: the shape the layout produces and the ESC/POS decoder reads back. */
import type { Align } from './receipt-model'

/** One printed text line. Blank lines carry no attributes (they print nothing visible). */
export interface PrintedLine {
  type: 'line'
  text: string
  align: Align
  bold: boolean
  underline: boolean
  /** Character width and height multipliers (GS ! / ESC !). */
  width: number
  height: number
}

export interface PrintedQr {
  type: 'qr'
  data: string
  align: Align
  /** Module size in dots (GS ( k fn 67); null when the bytes did not set one. */
  size: number | null
}

export interface PrintedCut {
  type: 'cut'
  partial: boolean
}

/** Cash drawer kick (ESC p or DLE DC4); pin 2 or pin 5 of the drawer connector. */
export interface PrintedPulse {
  type: 'pulse'
  pin: 2 | 5
}

/** A raster image (GS v 0), skipped rather than rendered. */
export interface PrintedImage {
  type: 'image'
  widthDots: number
  heightDots: number
}

export type PrintedItem = PrintedLine | PrintedQr | PrintedCut | PrintedPulse | PrintedImage

export const BLANK_LINE: PrintedLine = Object.freeze({
  type: 'line',
  text: '',
  align: 'left',
  bold: false,
  underline: false,
  width: 1,
  height: 1
}) as PrintedLine

/** A fresh blank line (callers may not mutate the frozen constant). */
export function blankLine(): PrintedLine {
  return { ...BLANK_LINE }
}
