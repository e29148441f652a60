import { describe, expect, it, test } from '@jest/globals'
import {
  addressPoolArgs,
  parseAddressPool,
  parseAddressPools
} from '../../../../src/engine/options/address-pools.js'

describe('default-address-pools', () => {
  test.each<[string, { base: string; size: number }]>([
    ['base=10.201.0.0/16,size=24', { base: '10.201.0.0/16', size: 24 }],
    ['size=28,base=192.168.64.0/20', { base: '192.168.64.0/20', size: 28 }],
    ['base=10.0.0.0/8,size=8', { base: '10.0.0.0/8', size: 8 }],
    ['base=fd00:1::/48,size=64', { base: 'fd00:1::/48', size: 64 }]
  ])('[%#] accepts %s', (entry, pool) => {
    expect(parseAddressPool(entry)).toEqual(pool)
  })

  test.each<[string, RegExp]>([
    ['10.201.0.0/16', /entries are base=<CIDR>,size=<prefix length>/],
    ['base=10.201.0.0/16', /entries are base=<CIDR>,size=<prefix length>/],
    ['base=10.201.0.0/16,size=24,x=1', /entries are base=/],
    ['base=10.201.0.0,size=24', /base must be a CIDR/],
    ['base=10.300.0.0/16,size=24', /base must be a CIDR/],
    ['base=10.201.0.0/33,size=24', /base must be a CIDR/],
    ['base=10.201.1.0/16,size=24', /has host bits set/],
    ['base=10.201.0.0/16,size=8', /size must be a prefix length from 16/],
    ['base=10.201.0.0/16,size=33', /from 16 \(the base's\) to 32, got '33'/],
    ['base=10.201.0.0/16,size=x', /size must be a prefix length/]
  ])('[%#] rejects %s', (entry, message) => {
    expect(parseAddressPool(entry)).toMatch(message)
  })

  it('splits entries on newlines, spaces and semicolons, never on commas', () => {
    const problems: string[] = []
    const pools = parseAddressPools(
      'base=10.201.0.0/16,size=24\n base=10.202.0.0/16,size=26; bad',
      problems
    )
    expect(pools).toHaveLength(2)
    expect(problems).toHaveLength(1)
    expect(addressPoolArgs(pools)).toEqual([
      '--default-address-pool=base=10.201.0.0/16,size=24',
      '--default-address-pool=base=10.202.0.0/16,size=26'
    ])
    expect(addressPoolArgs(undefined)).toEqual([])
  })
})
