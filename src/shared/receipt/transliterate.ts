/** Reduces any text to printable ASCII so no unmappable or control byte reaches a printer. */

// Letters NFKD does not decompose, and punctuation that has a plain ASCII twin.
const MAP: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE',
  ø: 'o',
  Ø: 'O',
  đ: 'd',
  Đ: 'D',
  ð: 'd',
  Ð: 'D',
  ł: 'l',
  Ł: 'L',
  þ: 'th',
  Þ: 'Th',
  ı: 'i',
  ĸ: 'k',
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u201b': "'",
  '\u2032': "'",
  '`': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u201f': '"',
  '\u2033': '"',
  '«': '"',
  '»': '"',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2015': '-',
  '\u2212': '-',
  '\u2026': '...',
  '\u2022': '*',
  '·': '.',
  '×': 'x',
  '÷': '/',
  '€': 'EUR',
  '£': 'GBP',
  '¥': 'JPY',
  '©': '(c)',
  '®': '(R)',
  '™': 'TM',
  '°': 'o',
  '±': '+/-',
  '¼': '1/4',
  '½': '1/2',
  '¾': '3/4'
}

/**
 * Hardware hazard: the printer code page differs between models (cheap 58 mm clones number
 * their tables differently), and printable ASCII is the only range every ESC/POS code page
 * shares. Control characters are dropped too: a name containing GS V would cut the paper.
 * Emoji and scripts with no Latin form are removed rather than printed as `?`.
 */
export function toPrintable(input: string): string {
  let out = ''
  for (const ch of input) {
    const mapped = MAP[ch]
    if (mapped !== undefined) {
      out += mapped
      continue
    }
    if (/\s/u.test(ch)) {
      out += ' '
      continue
    }
    for (const part of ch.normalize('NFKD')) {
      const code = part.codePointAt(0) ?? 0
      if (code >= 0x20 && code <= 0x7e) out += part
      else if (MAP[part] !== undefined) out += MAP[part]
    }
  }
  // Removing an emoji between two words leaves two spaces; the model never relies on runs of
  // spaces (layout does the padding), so collapse them.
  return out.replace(/ {2,}/g, ' ')
}
