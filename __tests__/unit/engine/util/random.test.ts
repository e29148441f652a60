import { describe, expect, test } from '@jest/globals'
import { randomHex8, randomUuid } from '../../../../src/engine/util/random.js'

const V4 =
  /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

describe('randomUuid', () => {
  test('takes the kernel one when it is a version 4 UUID', () => {
    const kernel = '0f8fad5b-d9cb-469f-a165-70867728950e\n'
    expect(randomUuid(() => kernel)).toBe(kernel.trim())
  })

  test.each([
    [
      'no /proc',
      () => {
        throw new Error('ENOENT')
      }
    ],
    ['not a UUID', () => 'garbage'],
    ['not version 4', () => '0f8fad5b-d9cb-169f-a165-70867728950e']
  ])('falls back to node:crypto: %s', (_why, read) => {
    const uuid = randomUuid(read)
    expect(uuid).toMatch(V4)
    expect(uuid).not.toBe('0f8fad5b-d9cb-169f-a165-70867728950e')
  })

  test('differs on every call on this machine', () => {
    const seen = new Set(Array.from({ length: 50 }, () => randomUuid()))
    expect(seen.size).toBe(50)
    for (const uuid of seen) expect(uuid).toMatch(V4)
  })
})

test('randomHex8 is 8 hex digits', () => {
  expect(randomHex8()).toMatch(/^[0-9a-f]{8}$/)
})
