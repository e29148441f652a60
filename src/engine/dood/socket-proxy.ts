/**
 * `socket-proxy: true` (dood): when the step's user may not open the Docker
 * socket, a small forwarder started through `sudo -n` (the runner user of
 * GitHub-hosted and most self-hosted runners has it) serves a socket in
 * RUNNER_TEMP owned by that user, mode 0600, and pipes every connection to
 * the real socket. The host socket's permissions are never changed.
 *
 * RUNNER_TEMP belongs to the user, so the proxy, running as root, touches
 * no path there with root's rights: it creates and deletes its socket with
 * the user's own uid and groups (see {@link asOwner}).
 *
 * Stopping needs no privilege: the proxy exits once its socket file is gone,
 * and post (running as the same user) can always delete that file.
 */
import { constants, existsSync, openSync, readFileSync, rmSync } from 'node:fs'
import { createConnection, createServer, type Socket } from 'node:net'
import { join, resolve } from 'node:path'
import { ping } from '../docker/daemon-client.js'
import { readStat } from '../lifecycle/owner.js'
import { lazyChildProcess } from '../util/lazy-builtins.js'
import { DEFAULT_TTL_SECONDS } from '../dind/plan.js'

/** How often the proxy checks that its socket file still exists. */
export const PROXY_CHECK_INTERVAL_MS = 500
/** A proxy whose post never ran stops anyway after the nests' reaping age. */
export const PROXY_MAX_LIFETIME_MS = DEFAULT_TTL_SECONDS * 1000
/** How long main waits for a new proxy to answer /_ping. */
const PROXY_START_TIMEOUT_MS = 10_000

/** What teardown needs to stop a proxy. */
export interface SocketProxyRecord {
  /** The socket the proxy serves (deleted to stop it). */
  socket: string
  /** Pid of the process main started (sudo's, when sudo was used). */
  pid: number
  /**
   * Its start time (field 22 of /proc/<pid>/stat): the pid is signalled
   * only while it still names that process, never one that reused it.
   */
  startTime?: string
}

/** The socket a run's proxy serves in `dir` (RUNNER_TEMP, or the CLI state dir). */
export function proxySocketPath(dir: string, runId: string): string {
  return join(resolve(dir), `docker-nest-${runId}.sock`)
}

/** Who the served socket is for. */
export interface SocketOwner {
  uid: number
  gid: number
}

/** Options of the proxy process. */
export interface SocketProxyOptions {
  listen: string
  target: string
  /** The step's user: the socket is created as them, 0600. */
  owner?: SocketOwner
  /** Stop after this long even if the socket is still there (default 6 h). */
  maxLifetimeMs?: number
}

/**
 * Pipes one client connection to the real socket. Half-open on both sides:
 * `docker run` closes its writing side (stdin done) and then still reads the
 * container's output on the same connection.
 */
function forward(client: Socket, target: string): void {
  const upstream = createConnection({ path: target, allowHalfOpen: true })
  const close = () => {
    client.destroy()
    upstream.destroy()
  }
  client.on('error', close).on('close', close)
  upstream.on('error', close).on('close', close)
  client.pipe(upstream).pipe(client)
}

/**
 * Runs `fn` with the effective uid, gid and groups of `owner`, then goes
 * back to root's. The proxy runs as root but serves its socket in a
 * directory the user controls: a chmod or chown there as root would follow
 * a symlink the user put in place of the socket after bind (to
 * /etc/shadow, say). With the user's own rights, `fn` reaches only what the
 * user could reach anyway, and the socket it binds is theirs from the start.
 * Synchronous: the rights change for the whole process, so nothing else may
 * run meanwhile.
 */
export function asOwner<T>(owner: SocketOwner | undefined, fn: () => T): T {
  const euid = process.geteuid?.()
  if (!owner || euid === undefined || euid === owner.uid) return fn()
  if (euid !== 0) {
    throw new Error(
      `socket-proxy: cannot serve a socket for uid ${owner.uid} as uid ` +
        `${euid}; it must run as root (main starts it through sudo).`
    )
  }
  const groups = process.getgroups?.() ?? []
  const egid = process.getegid?.() ?? 0
  process.setgroups?.([owner.gid])
  process.setegid?.(owner.gid)
  process.seteuid?.(owner.uid)
  try {
    return fn()
  } finally {
    process.seteuid?.(0)
    process.setegid?.(egid)
    process.setgroups?.(groups)
  }
}

/** Runs `fn` with the file mode creation mask `mask`. */
function withUmask<T>(mask: number, fn: () => T): T {
  const previous = process.umask(mask)
  try {
    return fn()
  } finally {
    process.umask(previous)
  }
}

/**
 * Serves `listen` until its file is deleted (then resolves). Runs inside the
 * proxy process (`docker-nest socket-proxy`).
 */
export async function serveSocketProxy(
  options: SocketProxyOptions
): Promise<void> {
  const server = createServer({ allowHalfOpen: true }, (client) =>
    forward(client, options.target)
  )
  const listening = new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.once('listening', () => resolve())
  })
  // bind creates the socket file within listen(): as the step's user, and
  // 0600 through the umask, so there is nothing to chmod or chown after.
  asOwner(options.owner, () =>
    withUmask(0o177, () => server.listen(options.listen))
  )
  await listening
  const stopAt = Date.now() + (options.maxLifetimeMs ?? PROXY_MAX_LIFETIME_MS)
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      if (!existsSync(options.listen) || Date.now() > stopAt) {
        try {
          asOwner(options.owner, () => rmSync(options.listen, { force: true }))
        } catch {
          // The user locked their own directory: the socket is theirs to delete.
        }
        clearInterval(timer)
        server.close()
        resolve()
      }
    }, PROXY_CHECK_INTERVAL_MS)
  })
}

/** How to start the proxy process: the committed CLI bundle, through sudo unless root. */
export interface LaunchOptions {
  target: string
  /** Directory for the socket and the proxy's log (RUNNER_TEMP). */
  dir: string
  runId: string
  node: string
  cliPath: string
  uid: number
  gid: number
}

/** The command line that starts the proxy. */
export function proxyCommand(options: LaunchOptions, listen: string): string[] {
  const command = [
    options.node,
    options.cliPath,
    'socket-proxy',
    '--listen',
    listen,
    '--target',
    options.target,
    '--owner',
    `${options.uid}:${options.gid}`
  ]
  // Root can open the socket itself; anyone else needs passwordless sudo.
  return options.uid === 0 ? command : ['sudo', '-n', '--', ...command]
}

/** Starts the proxy, detached, and waits until the daemon answers through it. */
export async function launchSocketProxy(
  options: LaunchOptions
): Promise<SocketProxyRecord> {
  const listen = proxySocketPath(options.dir, options.runId)
  const logFile = join(options.dir, `docker-nest-${options.runId}-proxy.log`)
  const [command, ...args] = proxyCommand(options, listen)
  // A new file of this run's name, never one (or a symlink) already there.
  const log = openSync(
    logFile,
    constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL,
    0o600
  )
  const child = lazyChildProcess().spawn(command, args, {
    detached: true,
    stdio: ['ignore', log, log]
  })
  const exited = new Promise<number>((resolve) => {
    child.on('exit', (code) => resolve(code ?? 1))
    child.on('error', () => resolve(127))
  })
  child.unref()
  const pid = child.pid ?? 0
  const startTime = readStat(pid)?.startTime
  const record = { socket: listen, pid, ...(startTime ? { startTime } : {}) }
  const deadline = Date.now() + PROXY_START_TIMEOUT_MS
  while (Date.now() < deadline) {
    const outcome = await Promise.race([
      exited.then((code) => ({ code })),
      ping({ host: 'localhost', port: 0, socketPath: listen }, 1000).then(
        () => 'ready' as const,
        () => undefined
      )
    ])
    if (outcome === 'ready') return record
    if (outcome !== undefined) {
      throw new Error(proxyFailure(options, readTail(logFile)))
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  stopSocketProxy(record)
  throw new Error(proxyFailure(options, readTail(logFile)))
}

function readTail(file: string): string {
  try {
    return readFileSync(file, 'utf8').trim().split('\n').slice(-10).join('\n')
  } catch {
    return ''
  }
}

function proxyFailure(options: LaunchOptions, log: string): string {
  const sudo = /password is required|sudo: |not in the sudoers/i.test(log)
  return [
    `socket-proxy: could not serve ${options.target} to this user` +
      (sudo
        ? ': it needs passwordless sudo (as the runner user of GitHub-hosted runners has), and sudo refused.'
        : '.'),
    log ? `Proxy log:\n${log}` : '',
    'Other ways out: run the runner as a member of the socket’s group, or as root.'
  ]
    .filter(Boolean)
    .join('\n')
}

/**
 * Stops a proxy: deletes its socket (it exits within a second) and signals
 * it if we may and the pid is still the proxy's: a proxy that is gone may
 * have left its pid to any other process by now (pids wrap around at
 * 32768 on many machines), which SIGTERM would kill.
 */
export function stopSocketProxy(record: SocketProxyRecord): boolean {
  rmSync(record.socket, { force: true })
  const stat = readStat(record.pid)
  if (record.startTime && stat && stat.startTime === record.startTime) {
    try {
      process.kill(record.pid, 'SIGTERM')
    } catch {
      // Started through sudo: not ours to signal; the deleted socket stops it.
    }
  }
  return !existsSync(record.socket)
}
