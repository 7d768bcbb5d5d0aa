import { describe, expect, it } from 'vitest'
import { specModel, withSpecModel } from './spec-model'

describe('spec model', () => {
  it('reads the model= of a spec, or none', () => {
    expect(specModel('tcp://10.0.0.5:9100?model=epson-tm-t88v')).toBe('epson-tm-t88v')
    expect(specModel('serial:/dev/ttyUSB0?baud=19200')).toBe('')
    expect(specModel('')).toBe('')
  })

  it('sets, replaces and removes model= and keeps the other parameters', () => {
    expect(withSpecModel('tcp://10.0.0.5:9100', 'epson-tm-t88v')).toBe('tcp://10.0.0.5:9100?model=epson-tm-t88v')
    expect(withSpecModel('serial:/dev/ttyUSB0?baud=19200&model=pos-5890', 'epson-tm-t20iii')).toBe(
      'serial:/dev/ttyUSB0?baud=19200&model=epson-tm-t20iii'
    )
    expect(withSpecModel('serial:/dev/ttyUSB0?baud=19200&model=pos-5890', '')).toBe('serial:/dev/ttyUSB0?baud=19200')
    expect(withSpecModel('tcp://10.0.0.5:9100?model=pos-5890', '')).toBe('tcp://10.0.0.5:9100')
  })
})
