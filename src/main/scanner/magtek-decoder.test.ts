import { describe, expect, it } from 'vitest'
import { decodeMagtekReport } from './magtek-decoder'

/** A 337-byte card data report built by hand from the manual's offsets. */
function swipe(tracks: Array<string | 'error' | undefined>): Buffer {
  const r = Buffer.alloc(337)
  tracks.forEach((t, i) => {
    if (t === 'error') r[i] = 1
    else if (t) {
      r[3 + i] = t.length
      r.write(t, 7 + 110 * i, 'latin1')
    }
  })
  return r
}

describe('decodeMagtekReport', () => {
  it('joins the tracks in order, sentinels included, as a keyboard-mode reader types them', () => {
    expect(decodeMagtekReport(swipe([undefined, ';12345678?', '+999?']))).toEqual({ text: ';12345678?+999?' })
  })
  it('stands in %E? / ;E? / +E? for tracks the reader could not decode', () => {
    expect(decodeMagtekReport(swipe(['error', 'error', undefined]))).toEqual({ text: '%E?;E?' })
  })
  it('ignores bytes past a track length (the manual calls them undefined)', () => {
    const r = swipe([undefined, ';2000000000002?'])
    r.write('garbage', 117 + 15, 'latin1')
    expect(decodeMagtekReport(r)).toEqual({ text: ';2000000000002?' })
  })
  it('refuses other sizes, impossible lengths and blank swipes', () => {
    expect(decodeMagtekReport(Buffer.alloc(338))).toEqual({
      error: 'report is 338 bytes, not the 337 of a MagTek swipe reader'
    })
    const r = swipe([])
    r[4] = 111
    expect(decodeMagtekReport(r)).toEqual({ error: 'track 2 length 111 exceeds its 110-byte field' })
    expect(decodeMagtekReport(swipe([]))).toEqual({ error: 'no track data (blank card or no stripe)' })
  })
})
