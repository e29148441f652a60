/**
 * `socket-proxy: true` (dood): when the step's user may not open the Docker
 * socket, a small forwarder started through `sudo -n` (the runner user of
 * GitHub-hosted and most self-hosted runners has it) serves a socket in
 * RUNNER_TEMP owned by that user, mode 0600, and pipes every connection to
 * the real socket. The host socket's permissions are never changed.
 *
 * Stopping needs no privilege: the proxy exits once its socket file is gone,
 * and post (running as the same user) can always delete that file.
 */
import {
  chmodSync,
  chownSync,
  existsSync,
  openSync,
  readFileSync,
  rmSync
} from 'node:fs'
import { createConnection, createServer, type Socket } from 'node:net'
import { join } from 'node:path'
import { ping } from './daemon-client.js'
import { readStat } from './owner.js'
import { lazyChildProcess } from './lazy-builtins.js'
import { DEFAULT_TTL_SECONDS } from './plan.js'

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

/** Options of the proxy process. */
export interface SocketProxyOptions {
  listen: string
  target: string
  owner?: { uid: number; gid: number }
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
 * Serves `listen` until its file is deleted (then resolves). Runs inside the
 * proxy process (`docker-nest socket-proxy`).
 */
export async function serveSocketProxy(
  options: SocketProxyOptions
): Promise<void> {
  const server = createServer({ allowHalfOpen: true }, (client) =>
    forward(client, options.target)
  )
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.listen, () => resolve())
  })
  // Only the step's user may use it: 0600 and owned by them.
  chmodSync(options.listen, 0o600)
  if (options.owner)
    chownSync(options.listen, options.owner.uid, options.owner.gid)
  const stopAt = Date.now() + (options.maxLifetimeMs ?? PROXY_MAX_LIFETIME_MS)
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      if (!existsSync(options.listen) || Date.now() > stopAt) {
        rmSync(options.listen, { force: true })
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
  const listen = join(options.dir, `docker-nest-${options.runId}.sock`)
  const logFile = join(options.dir, `docker-nest-${options.runId}-proxy.log`)
  const [command, ...args] = proxyCommand(options, listen)
  const log = openSync(logFile, 'w', 0o600)
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
