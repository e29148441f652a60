/**
 * The sidecar's output as main receives it on the stream it attached before
 * the start (Engine API path, sidecar-access.ts): the start script's lines
 * and the daemon's log, with no `logs` request. What main needs from it once
 * the daemon answers — the daemon's version and storage driver, the cgroup
 * version, the fast-start lines — is then already here, so the step ends
 * without a `GET /info` (the daemon runs `runc --version` and
 * `docker-init --version` to answer it: ~15 ms on 20.10).
 */

/** Enough for everything up to "API listen on", even with `--debug`. */
const MAX_CHARS = 4 * 1024 * 1024

/**
 * The start script's line with the cgroup version (startup-script.ts). It
 * is the script's first output, so it also tells whether the stream began
 * before the sidecar wrote anything: the attach request goes out beside the
 * start request, and a busy daemon may attach only once the container
 * runs, when its first lines are gone from the stream (not from its log).
 */
export const CGROUP_LINE_PREFIX = 'docker-nest: cgroup v'

/** The sidecar's output so far; text past {@link MAX_CHARS} is dropped. */
export class SidecarLog {
  private content = ''
  private readonly decoder = new TextDecoder()
  private readonly listeners = new Set<() => void>()

  append(payload: Buffer): void {
    if (this.content.length >= MAX_CHARS) return
    this.content += this.decoder.decode(payload, { stream: true })
    for (const listener of this.listeners) listener()
  }

  get text(): string {
    return this.content
  }

  /** Whether everything the sidecar printed is here (see {@link CGROUP_LINE_PREFIX}). */
  get complete(): boolean {
    return this.content.startsWith(CGROUP_LINE_PREFIX)
  }

  /**
   * The first complete line `test` accepts, as soon as it has arrived; undefined
   * if none has after `timeoutMs` (the line may trail the event that made
   * it worth waiting for: the stream passes the runner's daemon).
   */
  waitForLine(
    test: (line: string) => boolean,
    timeoutMs: number
  ): Promise<string | undefined> {
    const find = (): string | undefined =>
      this.content.split('\n').slice(0, -1).find(test)
    const found = find()
    if (found !== undefined || timeoutMs <= 0) return Promise.resolve(found)
    return new Promise((resolve) => {
      const done = (line: string | undefined): void => {
        clearTimeout(timer)
        this.listeners.delete(check)
        resolve(line)
      }
      const check = (): void => {
        const line = find()
        if (line !== undefined) done(line)
      }
      const timer = setTimeout(() => done(undefined), timeoutMs)
      this.listeners.add(check)
    })
  }
}

/** What `GET /info` would have said, as far as main reports it. */
export interface DaemonFacts {
  serverVersion: string
  storageDriver: string
  /** '1' or '2'; '' when the start script did not say. */
  cgroupVersion: string
}

/**
 * dockerd's "Docker daemon" line (logged once initialised, before its API
 * listens), in text or JSON log format: `version=…` and the storage driver,
 * named `graphdriver(s)` (20.10), `graphdriver` (23, 24) or `storage-driver`
 * (25+). Undefined for any other line or when either value is missing.
 */
export function parseDaemonLine(
  line: string
): Omit<DaemonFacts, 'cgroupVersion'> | undefined {
  if (!/msg"?[=:]"Docker daemon"/.test(line)) return undefined
  const field = (names: string): string | undefined =>
    new RegExp(`(?:^|[\\s{,])"?(?:${names})"?[=:]"?([^\\s",}]+)`).exec(
      line
    )?.[1]
  const serverVersion = field('version')
  const storageDriver = field('graphdriver\\(s\\)|graphdriver|storage-driver')
  if (!serverVersion || !storageDriver) return undefined
  return { serverVersion, storageDriver }
}

/** Whether `line` is dockerd's "Docker daemon" line with both facts in it. */
export function isDaemonLine(line: string): boolean {
  return parseDaemonLine(line) !== undefined
}

/**
 * The daemon's facts from its log: waits up to `timeoutMs` for the
 * "Docker daemon" line; undefined when it does not come (a log format we do
 * not know, logging elsewhere): then ask the daemon. The cgroup line comes
 * from `wholeLog` when the stream missed the sidecar's first lines.
 */
export async function daemonFactsFromLog(
  log: SidecarLog,
  timeoutMs: number,
  wholeLog: () => Promise<string>
): Promise<DaemonFacts | undefined> {
  const line = await log.waitForLine(isDaemonLine, timeoutMs)
  const facts = line === undefined ? undefined : parseDaemonLine(line)
  if (!facts) return undefined
  const text = log.complete ? log.text : await wholeLog().catch(() => '')
  const cgroup = text.split('\n').find((l) => l.startsWith(CGROUP_LINE_PREFIX))
  return {
    ...facts,
    cgroupVersion: cgroup?.slice(CGROUP_LINE_PREFIX.length).trim() ?? ''
  }
}
