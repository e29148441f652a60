/**
 * Input `tls-san`: the extra subject alternative names of the daemon's
 * server certificate, each typed `DNS:` or `IP:`.
 */
import { isIP } from 'node:net'
import type { SubjectAltNames } from '../types.js'
import { quote, splitList } from './primitives.js'

const HOST_LABEL = /^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$/

function isHostname(name: string): boolean {
  const labels = name.replace(/^\*\./, '').split('.')
  return name.length <= 253 && labels.every((label) => HOST_LABEL.test(label))
}

/**
 * Why a valid IP address cannot go into the server certificate, if it
 * cannot: a zone index is no part of an iPAddress SAN, and Go's x509 (the
 * docker CLI, dockerd 28 and later) rejects a certificate that holds an
 * IPv4-mapped IPv6 address.
 */
function ipSanProblem(address: string): string | undefined {
  if (address.includes('%')) {
    return (
      'has a zone index, which a certificate cannot hold; give the ' +
      `address alone: 'IP:${address.split('%')[0]}'`
    )
  }
  if (isIP(address) !== 6) return undefined
  const mapped = /^\[::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})\]$/.exec(
    new URL(`http://[${address}]/`).host
  )
  if (!mapped) return undefined
  const [high, low] = [parseInt(mapped[1], 16), parseInt(mapped[2], 16)]
  const ipv4 = [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.')
  return (
    "is an IPv4-mapped IPv6 address, which Go's TLS (the docker CLI, " +
    `dockerd 28 and later) refuses in a certificate; write 'IP:${ipv4}'`
  )
}

/**
 * SANs must be typed, because an untyped entry is what kills the stock
 * entrypoint ("v2i_GENERAL_NAME_ex: missing value"); we reject it up front.
 */
export function parseTlsSans(
  value: string,
  problems: string[]
): SubjectAltNames {
  const sans: SubjectAltNames = { dns: [], ip: [] }
  for (const entry of splitList(value)) {
    const match = /^(DNS|IP):(.+)$/i.exec(entry)
    const type = match?.[1].toUpperCase()
    const name = match?.[2] ?? ''
    if (type === 'DNS' && isHostname(name)) {
      sans.dns.push(name.toLowerCase())
    } else if (type === 'IP' && isIP(name) !== 0) {
      const problem = ipSanProblem(name)
      if (problem) {
        problems.push(`Input 'tls-san' entry ${quote(entry)} ${problem}.`)
      } else {
        sans.ip.push(name)
      }
    } else if (!match) {
      problems.push(
        `Input 'tls-san' entries need a type prefix: use 'DNS:${entry}' or ` +
          `'IP:<address>', got ${quote(entry)}.`
      )
    } else {
      problems.push(
        `Input 'tls-san' entry ${quote(entry)} is not a valid ` +
          `${type === 'IP' ? 'IPv4/IPv6 address' : 'DNS name'}.`
      )
    }
  }
  return sans
}
