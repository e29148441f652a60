/**
 * The inner daemon's network inputs: its `mtu` and the registries it
 * pulls through or trusts over plain http (`registry-mirrors`,
 * `insecure-registries`). Address pools and daemon.json have their own
 * modules (address-pools.ts, daemon-config.ts).
 */
import { isIP } from 'node:net'
import { mirrorCredentialsProblem } from './daemon-config.js'
import { isHttpUrl, quote, splitList } from './primitives.js'

const REGISTRY_HOST = /^[A-Za-z0-9.-]+(?::[0-9]{1,5})?$/

/** Input `mtu`: 'auto' or a whole number from 576 to 65535. */
export function parseMtu(value: string, problems: string[]): 'auto' | number {
  if (value === 'auto') return 'auto'
  const mtu = /^[0-9]+$/.test(value) ? Number(value) : NaN
  if (!(mtu >= 576 && mtu <= 65535)) {
    problems.push(
      `Input 'mtu' must be 'auto' or a whole number from 576 to 65535 ` +
        `(e.g. 1360), got ${quote(value)}.`
    )
    return 'auto'
  }
  return mtu
}

/** Input `registry-mirrors`: http(s) URLs without credentials. */
export function parseRegistryMirrors(
  value: string,
  problems: string[]
): string[] {
  const mirrors = splitList(value)
  for (const mirror of mirrors) {
    const credentials = mirrorCredentialsProblem(
      mirror,
      "Input 'registry-mirrors'"
    )
    if (credentials) {
      problems.push(credentials)
    } else if (!isHttpUrl(mirror)) {
      problems.push(
        `Input 'registry-mirrors' entries must be http(s) URLs such as ` +
          `'https://mirror.example.com', got ${quote(mirror)}.`
      )
    }
  }
  return mirrors
}

function isCidr(value: string): boolean {
  const [address, bits, extra] = value.split('/')
  if (extra !== undefined || bits === undefined || !/^[0-9]{1,3}$/.test(bits)) {
    return false
  }
  const family = isIP(address)
  return family !== 0 && Number(bits) <= (family === 4 ? 32 : 128)
}

/** Input `insecure-registries`: host[:port] or CIDR entries. */
export function parseInsecureRegistries(
  value: string,
  problems: string[]
): string[] {
  const registries = splitList(value)
  for (const registry of registries) {
    if (!REGISTRY_HOST.test(registry) && !isCidr(registry)) {
      problems.push(
        `Input 'insecure-registries' entries must be host[:port] or a CIDR ` +
          `such as 'registry.local:5000' or '10.0.0.0/8', got ${quote(registry)}.`
      )
    }
  }
  return registries
}
