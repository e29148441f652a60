/**
 * Finds the MTU of the runner's default route, for `mtu: auto`: an inner
 * network with a larger MTU than the outer path makes TLS downloads hang
 * (large packets are dropped where the path is narrower).
 */
// Small /proc and /sys files, read synchronously: main reads them before
// its create request, where loading node:fs/promises would cost ~2 ms.
import { readFileSync } from 'node:fs'
import type { DaemonAnswer } from '../docker/daemon-client.js'
import { mtuFlagsScript } from './scripts/mtu-flags.generated.js'

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
      readFileSync(`${procRoot}/net/route`, 'utf8')
    )
    if (!iface) return undefined
    const mtu = Number(
      readFileSync(`${sysRoot}/class/net/${iface}/mtu`, 'utf8').trim()
    )
    return Number.isInteger(mtu) && mtu > 0 ? mtu : undefined
  } catch {
    return undefined
  }
}

/**
 * The part of the sidecar's start script that applies the MTU
 * (scripts/mtu-flags.sh). Env `DOCKER_NEST_INNER_MTU` is a number (input
 * `mtu`) or `auto:<runner MTU>` (see {@link mtuSetting}); for auto the
 * script takes the smaller of the runner's and its own eth0 MTU and applies
 * it only below 1500, dockerd's default. `--default-network-opt` gives user
 * networks (compose) the MTU too, but exists only from Docker 24: older
 * daemons get `--mtu` alone, which covers the default bridge and builds.
 */
export const MTU_SCRIPT = mtuFlagsScript()

/** Docker 24 added `default-network-opts`; before it only the default bridge follows `--mtu`. */
export function supportsDefaultNetworkOpts(serverVersion: string): boolean {
  const major = Number(/^(\d+)\./.exec(serverVersion)?.[1] ?? 0)
  return major >= 24
}

/**
 * The value of DOCKER_NEST_INNER_MTU for the sidecar: the explicit number,
 * `auto:<runner MTU>` (the script compares with its eth0), or undefined
 * when the MTU is left to daemon.json.
 */
export function mtuSetting(
  mtu: 'auto' | number,
  runnerMtu: number | undefined,
  decidedByConfig: boolean
): string | undefined {
  if (mtu !== 'auto') return String(mtu)
  if (decidedByConfig) return undefined
  return `auto:${runnerMtu ?? ''}`
}

/** The log line that says which MTU the inner networks got, and why. */
export function describeMtu(
  setting: string | undefined,
  bridgeMtu: number,
  serverVersion: string
): string {
  const why =
    setting === undefined
      ? 'set by daemon-config'
      : setting.startsWith('auto:')
        ? `mtu: auto; the runner's default route has ${setting.slice(5) || 'an unknown MTU'}, ` +
          "the smaller of it and the sidecar's eth0 is used below 1500"
        : 'input mtu'
  if (bridgeMtu >= 1500 || setting === undefined) {
    return `Inner networks use MTU ${bridgeMtu} (${why}).`
  }
  return supportsDefaultNetworkOpts(serverVersion)
    ? `Inner networks use MTU ${bridgeMtu}: the default bridge and new ` +
        `networks (default-network-opts) (${why}).`
    : `Inner default bridge uses MTU ${bridgeMtu} (${why}). Docker ` +
        `${serverVersion} has no default-network-opts (Docker 24+): networks ` +
        'you create in the nest (compose too) get 1500 unless created with ' +
        `'-o com.docker.network.driver.mtu=${bridgeMtu}' (compose: driver_opts).`
}

/** The path whose answer {@link bridgeMtu} reads: the inner default bridge. */
export const BRIDGE_NETWORK_PATH = '/networks/bridge'

/**
 * The MTU of the inner default bridge as the daemon reports it (its answer
 * to `GET /networks/bridge`), so the output states what was applied, not
 * what was asked for; undefined when the answer does not say (no default
 * bridge: 404).
 */
export function bridgeMtu(answer: DaemonAnswer): number | undefined {
  if (answer.status !== 200) return undefined
  try {
    const network = JSON.parse(answer.body) as {
      Options?: Record<string, string>
    }
    const mtu = Number(network.Options?.['com.docker.network.driver.mtu'])
    return Number.isInteger(mtu) && mtu > 0 ? mtu : 1500
  } catch {
    return undefined
  }
}
