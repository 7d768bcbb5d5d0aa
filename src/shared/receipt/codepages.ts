/** Upper halves (0x80-0xFF) of the code pages the decoder reads, keyed by Epson ESC t number. */

const CP437 =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0'

const CP850 =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜø£Ø×ƒáíóúñÑªº¿®¬½¼¡«»░▒▓│┤ÁÂÀ©╣║╗╝¢¥┐└┴┬├─┼ãÃ╚╔╩╦╠═╬¤ðÐÊËÈıÍÎÏ┘┌█▄¦Ì▀ÓßÔÒõÕµþÞÚÛÙýÝ¯´\u00ad±‗¾¶§÷¸°¨·¹³²■\u00a0'

// PC858 is PC850 with the euro sign in place of the dotless i at 0xD5.
const CP858 = CP850.slice(0, 0x55) + '€' + CP850.slice(0x56)

const WPC1252 =
  '€\ufffd‚ƒ„…†‡ˆ‰Š‹Œ\ufffdŽ\ufffd\ufffd‘’“”•–—˜™š›œ\ufffdžŸ\u00a0¡¢£¤¥¦§¨©ª«¬\u00ad®¯°±²³´µ¶·¸¹º»¼½¾¿ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõö÷øùúûüýþÿ'

const TABLES: Record<number, string> = { 0: CP437, 2: CP850, 16: WPC1252, 19: CP858 }

/** The character a byte prints as under code page `page`; U+FFFD when the page is unknown. */
export function decodeByte(byte: number, page: number): string {
  if (byte < 0x80) return String.fromCharCode(byte)
  return TABLES[page]?.charAt(byte - 0x80) || '\ufffd'
}

/** Epson numbering of the code pages the encoder may select (ESC t n). */
export const EPSON_CODEPAGES = { cp437: 0, cp850: 2, windows1252: 16, cp858: 19 } as const
