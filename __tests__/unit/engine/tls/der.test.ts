import { describe, expect, it, test } from '@jest/globals'
import * as der from '../../../../src/engine/tls/der.js'

const hex = (buffer: Buffer) => buffer.toString('hex')

describe('der', () => {
  test.each([
    ['1.2.840.10045.4.3.2', '06082a8648ce3d040302'],
    ['2.5.29.19', '0603551d13'],
    ['1.3.6.1.5.5.7.3.1', '06082b06010505070301'],
    ['2.999.3', '0603883703']
  ])('Encodes OID %s', (dotted, expected) => {
    expect(hex(der.oid(dotted))).toBe(expected)
  })

  it('Rejects an OID that is not dotted numbers', () => {
    expect(() => der.oid('1')).toThrow(/Invalid OID/)
    expect(() => der.oid('1.x.3')).toThrow(/Invalid OID/)
  })

  test.each([
    ['00', '020100'],
    ['0000007f', '02017f'],
    ['80', '02020080'],
    ['00ff01', '020300ff01'],
    ['', '020100']
  ])(
    'Encodes unsigned INTEGER magnitude %s minimally',
    (magnitude, expected) => {
      expect(hex(der.unsignedInteger(Buffer.from(magnitude, 'hex')))).toBe(
        expected
      )
    }
  )

  it('Encodes small integers and refuses others', () => {
    expect(hex(der.smallInteger(0))).toBe('020100')
    expect(hex(der.smallInteger(2))).toBe('020102')
    expect(hex(der.smallInteger(256))).toBe('02020100')
    expect(() => der.smallInteger(-1)).toThrow(RangeError)
    expect(() => der.smallInteger(1.5)).toThrow(RangeError)
  })

  test.each([
    [127, '7f'],
    [128, '8180'],
    [255, '81ff'],
    [256, '820100'],
    [70000, '83011170']
  ])('Uses the right length form for %i bytes', (length, lengthHex) => {
    const encoded = der.octetString(Buffer.alloc(length))
    expect(hex(encoded.subarray(1, 1 + lengthHex.length / 2))).toBe(lengthHex)
    expect(encoded.length).toBe(1 + lengthHex.length / 2 + length)
  })

  test.each([
    [[0], '03020780'], // digitalSignature
    [[0, 5, 6], '03020186'], // + keyCertSign, cRLSign
    [[8], '0303070080'] // decipherOnly: second byte
  ])('Encodes named bits %j without trailing zero bits', (bits, expected) => {
    expect(hex(der.namedBits(bits))).toBe(expected)
  })

  test.each([
    ['2031-02-03T04:05:06.789Z', '170d3331303230333034303530365a'],
    ['1950-01-01T00:00:00Z', '170d3530303130313030303030305a'],
    ['2049-12-31T23:59:59Z', '170d3439313233313233353935395a'],
    ['2050-01-01T00:00:00Z', '180f32303530303130313030303030305a']
  ])(
    'Encodes %s as UTCTime before 2050, else GeneralizedTime',
    (iso, expected) => {
      expect(hex(der.time(new Date(iso)))).toBe(expected)
    }
  )

  it('Builds booleans, strings and tagged values', () => {
    expect(hex(der.boolean(true))).toBe('0101ff')
    expect(hex(der.boolean(false))).toBe('010100')
    expect(hex(der.utf8String('ü'))).toBe('0c02c3bc')
    expect(hex(der.sequence())).toBe('3000')
    expect(hex(der.set(der.boolean(true)))).toBe('31030101ff')
    expect(hex(der.explicit(3, der.sequence()))).toBe('a3023000')
    expect(hex(der.implicit(7, Buffer.from([127, 0, 0, 1])))).toBe(
      '87047f000001'
    )
    expect(hex(der.bitString(Buffer.from([0xab])))).toBe('030200ab')
  })
})
