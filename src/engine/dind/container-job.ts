/**
 * Container jobs (`jobs.<id>.container`): the step runs inside a container
 * that talks to the host daemon through the mounted socket, so 127.0.0.1 is
 * not the host's. We find our own container (its id is in the paths of the
 * resolv.conf/hostname mounts, or in the cgroup), ask the daemon about it,
 * and put the sidecar on its network under the alias `docker`.
 */
import { readFileSync } from 'node:fs'

/** Subset of `docker inspect` / `GET /containers/{id}/json` we read. */
export interface JobContainerInspect {
  Id: string
  Mounts?: Array<{ Source: string; Destination: string }>
  NetworkSettings?: { Networks?: Record<string, unknown> }
  HostConfig?: { NetworkMode?: string }
}

/** The container this step runs in, as the daemon sees it. */
export interface JobContainer {
  id: string
  /** The network to join the sidecar to; undefined when the job uses the host's network. */
  network: string | undefined
  /** True when `network` is a user-defined network, where the alias `docker` resolves. */
  aliasResolves: boolean
  mounts: Array<{ Source: string; Destination: string }>
}

const ID = /[0-9a-f]{64}/
const BUILTIN_NETWORKS = ['bridge', 'host', 'none']

/** Our container id from /proc/self/mountinfo or /proc/self/cgroup text; undefined outside a container. */
export function ownContainerId(
  mountinfo: string,
  cgroup: string
): string | undefined {
  for (const line of mountinfo.split('\n')) {
    const match =
      /\/containers\/([0-9a-f]{64})\/(resolv\.conf|hostname|hosts)\s/.exec(line)
    if (match) return match[1]
  }
  for (const line of cgroup.split('\n')) {
    const match = /(?:\/docker\/|docker-)([0-9a-f]{64})/.exec(line)
    if (match && ID.test(match[1])) return match[1]
  }
  return undefined
}

/** Small /proc files, read synchronously: no node:fs/promises before the create request. */
async function readOrEmpty(path: string): Promise<string> {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return ''
  }
}

/** Picks the network for the sidecar: a user-defined one first, else bridge; none for host. */
export function chooseNetwork(
  inspect: JobContainerInspect
): Pick<JobContainer, 'network' | 'aliasResolves'> {
  const names = Object.keys(inspect.NetworkSettings?.Networks ?? {})
  const user = names.find((name) => !BUILTIN_NETWORKS.includes(name))
  if (user) return { network: user, aliasResolves: true }
  if (names.includes('bridge'))
    return { network: 'bridge', aliasResolves: false }
  return { network: undefined, aliasResolves: false }
}

/**
 * The job container, or undefined when this step does not run in a
 * container the daemon knows (a plain job). Reads two small files; asks the
 * daemon only when an id was found.
 */
export async function detectJobContainer(
  inspect: (id: string) => Promise<JobContainerInspect | undefined>,
  readProc: (path: string) => Promise<string> = readOrEmpty
): Promise<JobContainer | undefined> {
  const id = ownContainerId(
    await readProc('/proc/self/mountinfo'),
    await readProc('/proc/self/cgroup')
  )
  if (!id) return undefined
  const found = await inspect(id)
  if (!found) return undefined
  return { id: found.Id, mounts: found.Mounts ?? [], ...chooseNetwork(found) }
}

/** Where `path` (inside the job container) lives on the host, through the container's mounts. */
export function hostPathOf(
  path: string,
  mounts: JobContainer['mounts']
): string | undefined {
  const mount = mounts
    .filter(
      (m) => path === m.Destination || path.startsWith(`${m.Destination}/`)
    )
    .sort((a, b) => b.Destination.length - a.Destination.length)[0]
  return mount && `${mount.Source}${path.slice(mount.Destination.length)}`
}
