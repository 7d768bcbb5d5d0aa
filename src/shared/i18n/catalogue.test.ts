import { describe, expect, it } from 'vitest'
import { enParts } from './en'
import { idParts } from './id'
import { catalogues, LANGUAGES, translate, type StringKey } from './index'

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort()
const keys = (table: object): string[] => Object.keys(table).sort()

describe('the catalogues', () => {
  it('give every language exactly the keys of the Indonesian reference', () => {
    for (const lang of LANGUAGES) expect(keys(catalogues[lang]), lang).toEqual(keys(catalogues.id))
  })

  it('define each key in one part only (a spread would silently let the later part win)', () => {
    for (const parts of [idParts, enParts]) {
      const all = parts.flatMap((p) => Object.keys(p))
      expect(all.filter((k, i) => all.indexOf(k) !== i)).toEqual([])
    }
  })

  it('use the same placeholders in every language, and no empty text', () => {
    const mismatched: string[] = []
    for (const key of keys(catalogues.id) as StringKey[]) {
      const want = placeholders(catalogues.id[key])
      for (const lang of LANGUAGES) {
        if (catalogues[lang][key].trim() === '') mismatched.push(`${lang} ${key}: empty`)
        const got = placeholders(catalogues[lang][key])
        if (got.join() !== want.join())
          mismatched.push(`${lang} ${key}: {${got.join('} {')}} vs id {${want.join('} {')}}`)
      }
    }
    expect(mismatched).toEqual([])
  })
})

describe('translate', () => {
  it('fills placeholders and leaves the ones it was not given as written', () => {
    expect(translate('id', 'status.queue.value', { pending: 2, failed: 0 })).toBe('2 tertunda, 0 gagal')
    expect(translate('en', 'status.queue.value', { pending: 2 })).toBe('2 pending, {failed} failed')
    expect(translate('en', 'receipt.activity.unknown', { type: 12 })).toBe('#12')
    expect(translate('id', 'member.greeting')).toBe('Halo, {name}')
  })
})
