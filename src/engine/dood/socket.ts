/**
 * Finds the runner's Docker socket for dood and explains, plainly, why it
 * cannot be used: missing, not a socket, nobody listening, or permission
 * denied (with the socket's owner, group and mode and the user's groups).
 * docker-nest never changes the socket's permissions.
 */
import { readFileSync, statSync, type Stats } from 'node:fs'
import { join } from 'node:path'

/** The rootful default socket. */
export const DEFAULT_SOCKET = '/var/run/docker.sock'

/** A socket path and why it was chosen. */
export interface SocketChoice {
  path: string
  /** For the log: "input 'socket'", 'DOCKER_HOST', 'default', 'rootless'. */
  source: string
}

/** Facts {@link resolveSocket} reads from the environment; injectable for tests. */
export interface SocketEnv {
  dockerHost?: string
  xdgRuntimeDir?: string
  exists(path: string): boolean
}

const defaultSocketEnv = (): SocketEnv => ({
  dockerHost: process.env.DOCKER_HOST,
  xdgRuntimeDir: process.env.XDG_RUNTIME_DIR,
  exists: (path) => statOrUndefined(path) !== undefined
})

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path)
  } catch {
    return undefined
  }
}

/**
 * Picks the socket, in order: input `socket`; a `unix://` DOCKER_HOST; the
 * default path; the rootless socket in $XDG_RUNTIME_DIR. The input and
 * DOCKER_HOST are taken as given (checked later, so their errors are precise);
 * the default paths only when they exist.
 */
export function resolveSocket(
  input: string,
  env: SocketEnv = defaultSocketEnv()
): SocketChoice {
  if (input) return { path: input, source: "input 'socket'" }
  if (env.dockerHost?.startsWith('unix://')) {
    return {
      path: env.dockerHost.slice('unix://'.length),
      source: 'DOCKER_HOST'
    }
  }
  const tried = [DEFAULT_SOCKET]
  if (env.exists(DEFAULT_SOCKET)) {
    return { path: DEFAULT_SOCKET, source: 'default' }
  }
  if (env.xdgRuntimeDir) {
    const rootless = join(env.xdgRuntimeDir, 'docker.sock')
    tried.push(rootless)
    if (env.exists(rootless)) return { path: rootless, source: 'rootless' }
  }
  const ignored = env.dockerHost
    ? ` (DOCKER_HOST=${env.dockerHost} is not a unix socket, so it was not used)`
    : ''
  throw new Error(
    `No Docker socket found: tried ${tried.join(', ')}${ignored}. ` +
      "Set input 'socket' to the runner's Docker socket, mount it into the " +
      'job container (-v /var/run/docker.sock:/var/run/docker.sock), or use mode: dind.'
  )
}

/** Throws a clear error unless `path` exists and is a socket. */
export function assertSocket(choice: SocketChoice): void {
  const stats = statOrUndefined(choice.path)
  if (!stats) {
    throw new Error(
      `No Docker socket at ${choice.path} (from ${choice.source}). ` +
        'Mount or start Docker there, point input ' +
        "'socket' at the right path, or use mode: dind."
    )
  }
  if (!stats.isSocket()) {
    throw new Error(
      `${choice.path} (from ${choice.source}) is not a socket but a ` +
        `${stats.isDirectory() ? 'directory' : 'file'}. A bind mount of a ` +
        'socket that did not exist yet creates a directory: mount the real ' +
        "socket, or point input 'socket' at it."
    )
  }
}

/** Names by numeric id from an /etc/passwd- or /etc/group-style file. */
export function namesById(text: string): Map<number, string> {
  const names = new Map<number, string>()
  for (const line of text.split('\n')) {
    const [name, , id] = line.split(':')
    if (name && id !== undefined && /^[0-9]+$/.test(id)) {
      if (!names.has(Number(id))) names.set(Number(id), name)
    }
  }
  return names
}

function readNames(file: string): Map<number, string> {
  try {
    return namesById(readFileSync(file, 'utf8'))
  } catch {
    return new Map()
  }
}

/** What the permission message needs; injectable for tests. */
export interface PermissionFacts {
  path: string
  uid: number
  gid: number
  mode: number
  userUid: number
  userGroups: number[]
  users: Map<number, string>
  groups: Map<number, string>
}

/** Reads the facts for {@link permissionMessage} from the system. */
export function permissionFacts(path: string): PermissionFacts {
  const stats = statSync(path)
  return {
    path,
    uid: stats.uid,
    gid: stats.gid,
    mode: stats.mode & 0o7777,
    userUid: process.getuid?.() ?? -1,
    userGroups: process.getgroups?.() ?? [],
    users: readNames('/etc/passwd'),
    groups: readNames('/etc/group')
  }
}

function named(id: number, names: Map<number, string>): string {
  const name = names.get(id)
  return name ? `${name} (${id})` : String(id)
}

/** The "permission denied" explanation: who owns the socket, who we are, and the ways out. */
export function permissionMessage(facts: PermissionFacts): string {
  const group = facts.groups.get(facts.gid) ?? String(facts.gid)
  const groups = facts.userGroups.map((id) => named(id, facts.groups))
  return [
    `Permission denied on the Docker socket ${facts.path}: it is owned by ` +
      `user ${named(facts.uid, facts.users)}, group ${named(facts.gid, facts.groups)}, ` +
      `mode ${facts.mode.toString(8).padStart(4, '0')}, and this step runs as ` +
      `user ${named(facts.userUid, facts.users)} in groups ${groups.join(', ') || '(none)'}.`,
    'To fix this, one of:',
    `- run the runner (or the job container) as a member of group '${group}': ` +
      `sudo usermod -aG ${group} <runner user>, then restart the runner ` +
      `service; in a container job add options: --group-add ${facts.gid}`,
    '- run the runner as root (sudo)',
    '- set socket-proxy: true: docker-nest serves a socket of your own that ' +
      'forwards to this one (needs passwordless sudo, as on GitHub-hosted runners)',
    'docker-nest does not change the permissions of the host socket.'
  ].join('\n')
}
