/**
 * Input `default-address-pools`: the ranges the inner daemon carves its
 * networks from (`--default-address-pool`), so user networks created in the
 * nest avoid corporate or VPN ranges.
 */
import { isIPv4, isIPv6 } from 'node:net'

/** One pool: networks of prefix length `size` are taken from `base`. */
export interface AddressPool {
  /** CIDR, e.g. 10.201.0.0/16. */
  base: string
  /** Prefix length of each network, e.g. 24. */
  size: number
}

const EXAMPLE = "'base=10.201.0.0/16,size=24'"

/** The address as bits (IPv4: 32, IPv6: 128) in a bigint. */
function addressBits(address: string): bigint {
  if (isIPv4(address)) {
    return address
      .split('.')
      .reduce((value, octet) => (value << 8n) | BigInt(Number(octet)), 0n)
  }
  const [head, tail = ''] = address.split('::')
  const groups = (part: string) => (part === '' ? [] : part.split(':'))
  const left = groups(head)
  const right = groups(tail)
  const middle = address.includes('::')
    ? Array(8 - left.length - right.length).fill('0')
    : []
  return [...left, ...middle, ...right].reduce(
    (value, group) => (value << 16n) | BigInt(parseInt(group, 16)),
    0n
  )
}

/** Checks one `base=CIDR,size=N` entry; returns the pool or a problem. */
export function parseAddressPool(entry: string): AddressPool | string {
  const fields = Object.fromEntries(
    entry.split(',').map((field) => {
      const at = field.indexOf('=')
      return at < 0 ? [field, ''] : [field.slice(0, at), field.slice(at + 1)]
    })
  )
  const keys = Object.keys(fields).sort().join(',')
  if (keys !== 'base,size') {
    return (
      `Input 'default-address-pools' entries are base=<CIDR>,size=<prefix ` +
      `length>, e.g. ${EXAMPLE}, got '${entry}'.`
    )
  }
  const [address, bitsText, extra] = String(fields.base).split('/')
  const family = isIPv4(address) ? 32 : isIPv6(address) ? 128 : 0
  const bits = /^[0-9]{1,3}$/.test(bitsText ?? '') ? Number(bitsText) : -1
  if (family === 0 || extra !== undefined || bits < 0 || bits > family) {
    return (
      `Input 'default-address-pools' base must be a CIDR such as ` +
      `'10.201.0.0/16', got '${fields.base}' in '${entry}'.`
    )
  }
  const hostBits = BigInt(family - bits)
  if ((addressBits(address) & ((1n << hostBits) - 1n)) !== 0n) {
    return (
      `Input 'default-address-pools' base '${fields.base}' has host bits ` +
      `set; use the network address (e.g. '10.201.0.0/16'), in '${entry}'.`
    )
  }
  const size = /^[0-9]{1,3}$/.test(fields.size) ? Number(fields.size) : -1
  if (size < bits || size > family) {
    return (
      `Input 'default-address-pools' size must be a prefix length from ` +
      `${bits} (the base's) to ${family}, got '${fields.size}' in '${entry}'.`
    )
  }
  return { base: fields.base, size }
}

/**
 * Parses the input: entries separated by newlines, spaces or ';' (commas
 * belong inside an entry). Problems are pushed, valid pools returned.
 */
export function parseAddressPools(
  value: string,
  problems: string[]
): AddressPool[] {
  const pools: AddressPool[] = []
  for (const entry of value.split(/[\s;]+/).filter((e) => e !== '')) {
    const pool = parseAddressPool(entry)
    if (typeof pool === 'string') problems.push(pool)
    else pools.push(pool)
  }
  return pools
}

/** dockerd flags for the pools, in input order. */
export function addressPoolArgs(pools: AddressPool[] = []): string[] {
  return pools.map(
    (pool) => `--default-address-pool=base=${pool.base},size=${pool.size}`
  )
}
