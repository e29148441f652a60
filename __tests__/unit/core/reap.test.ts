import { describe, expect, it } from '@jest/globals'
import {
  decideReap,
  formatSeconds,
  type NestObject
} from '../../../src/core/reap.js'

const now = 1_800_000_000
const obj = (name: string, run: string, expires: string): NestObject => ({
  kind: 'container',
  name,
  run,
  expires
})

describe('decideReap', () => {
  const objects = [
    obj('expired', 'ci-1-a', String(now - 90)),
    obj('live', 'ci-1-b', String(now + 7200)),
    obj('no-expiry', 'ci-2-c', ''),
    obj('garbled', 'ci-2-d', 'soon')
  ]

  it('removes only what has expired', () => {
    const decisions = decideReap(objects, { nowSeconds: now, all: false })
    expect(decisions.map((d) => [d.object.name, d.remove, d.reason])).toEqual([
      ['expired', true, 'expired 1m30s ago'],
      ['live', false, 'expires in 2h0m'],
      ['no-expiry', false, 'no expiry label'],
      ['garbled', false, 'no expiry label']
    ])
  })

  it('--all removes every one of ours; --run narrows to a prefix', () => {
    expect(
      decideReap(objects, { nowSeconds: now, all: true }).every((d) => d.remove)
    ).toBe(true)
    expect(
      decideReap(objects, {
        nowSeconds: now,
        all: true,
        runPrefix: 'ci-2-'
      }).map((d) => d.object.name)
    ).toEqual(['no-expiry', 'garbled'])
  })

  it('formats durations', () => {
    expect([5, 90, 7260].map(formatSeconds)).toEqual(['5s', '1m30s', '2h1m'])
  })
})
