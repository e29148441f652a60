/**
 * Finds the MTU of the runner's default route, for `mtu: auto`: an inner
 * network with a larger MTU than the outer path makes TLS downloads hang
 * (shared/reference/dind.md §6 #20).
 */
import { readFile } from 'node:fs/promises'

/** Picks the interface of the IPv4 default route from /proc/net/route text. */
export function defaultRouteInterface(routeTable: string): string | undefined {
  for (const line of routeTable.split('\n').slice(1)) {
    const [iface, destination, , , , , , mask] = line.trim().split(/\s+/)
    if (destination === '00000000' && mask === '00000000') return iface
  }
  return undefined
}

/** MTU of the default-route interface, or undefined when it cannot be read. */
export async function detectUplinkMtu(
  procRoot = '/proc',
  sysRoot = '/sys'
): Promise<number | undefined> {
  try {
    const iface = defaultRouteInterface(
      await readFile(`${procRoot}/net/route`, 'utf8')
    )
    if (!iface) return undefined
    const mtu = Number(
      (await readFile(`${sysRoot}/class/net/${iface}/mtu`, 'utf8')).trim()
    )
    return Number.isInteger(mtu) && mtu > 0 ? mtu : undefined
  } catch {
    return undefined
  }
}
