/**
 * The process that owns a nest, as a label value, so a reaper can tell that
 * a job crashed (no post step) long before the nest's 6 h expiry: when the
 * owner is provably gone, the nest is abandoned.
 *
 * Identity = host boot id + pid namespace + pid + process start time. The
 * start time makes a reused pid harmless; boot id and pid namespace restrict
 * the judgement to a reaper that sees the same process table. Anything else
 * (another machine, another container's pid namespace, an unreadable label)
 * is 'unknown', and then only the expiry counts: a live job's nest is never
 * removed on a guess.
 */
import { readFileSync, readlinkSync } from 'node:fs'
import { OWNER_LABEL } from './labels.js'

/** The label carrying {@link formatOwner}'s value. */
export { OWNER_LABEL }

/** Identifies one process on one boot of one machine. */
export interface ProcessIdentity {
  bootId: string
  /** Inode of the pid namespace, e.g. '4026531836'. */
  pidNs: string
  pid: number
  /** Field 22 of /proc/<pid>/stat: clock ticks after boot. */
  startTime: string
}

/**
 * Where the reaper looks: its boot and pid namespace, and the start time of
 * a pid: undefined = no such process, null = cannot tell (not readable).
 */
export interface ProcessTable {
  bootId: string
  pidNs: string
  startTimeOf(pid: number): string | undefined | null
}

/** What a reaper can say about a nest's owner. */
export type OwnerState = 'alive' | 'gone' | 'unknown'

/** `<boot id>/<pid ns>/<pid>/<start time>`: a valid Docker label value. */
export function formatOwner(id: ProcessIdentity): string {
  return `${id.bootId}/${id.pidNs}/${id.pid}/${id.startTime}`
}

/** The inverse of {@link formatOwner}; undefined for anything malformed. */
export function parseOwner(value: string): ProcessIdentity | undefined {
  const match = /^([0-9a-f-]{8,64})\/([0-9]+)\/([0-9]+)\/([0-9]+)$/.exec(value)
  if (!match) return undefined
  const pid = Number(match[3])
  if (!(pid > 1)) return undefined
  return { bootId: match[1], pidNs: match[2], pid, startTime: match[4] }
}

/**
 * Decides, without touching the system, whether the owner named by a label
 * still runs. Pure; `table` is the reaper's view.
 */
export function ownerState(label: string, table: ProcessTable): OwnerState {
  const owner = parseOwner(label)
  if (!owner) return 'unknown'
  // Another machine, or a reboot we cannot tell from another machine, or
  // another container's pids: none of those are ours to judge.
  if (owner.bootId !== table.bootId || owner.pidNs !== table.pidNs) {
    return 'unknown'
  }
  const started = table.startTimeOf(owner.pid)
  if (started === null) return 'unknown'
  return started === owner.startTime ? 'alive' : 'gone'
}

/** Parses /proc/<pid>/stat text: command name and start time (the name may hold spaces and parentheses). */
export function parseStat(
  text: string
): { comm: string; ppid: number; startTime: string } | undefined {
  const open = text.indexOf('(')
  const close = text.lastIndexOf(')')
  if (open < 0 || close < open) return undefined
  // Fields after the name start at field 3 (state); ppid is field 4, starttime field 22.
  const rest = text
    .slice(close + 2)
    .trim()
    .split(/\s+/)
  const ppid = Number(rest[1])
  const startTime = rest[19]
  if (!Number.isInteger(ppid) || !/^[0-9]+$/.test(startTime ?? '')) {
    return undefined
  }
  return { comm: text.slice(open + 1, close), ppid, startTime }
}

/** The stat of `pid`; undefined when there is no such process, null when it cannot be read. */
export function readStat(pid: number, proc = '/proc') {
  try {
    return parseStat(readFileSync(`${proc}/${pid}/stat`, 'utf8')) ?? null
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? undefined : null
  }
}

/**
 * True when /proc hides other users' processes (mount option hidepid): then
 * a missing pid proves nothing unless we are root.
 */
export function hidesProcesses(mountinfo: string): boolean {
  return mountinfo
    .split('\n')
    .some(
      (line) =>
        / - proc /.test(line) &&
        /[ ,]hidepid=(1|2|noaccess|invisible|ptraceable)\b/.test(line)
    )
}

/** This process's view of the process table; undefined off Linux or without /proc. */
export function localProcessTable(proc = '/proc'): ProcessTable | undefined {
  try {
    const bootId = readFileSync(
      `${proc}/sys/kernel/random/boot_id`,
      'utf8'
    ).trim()
    const pidNs = /\[([0-9]+)\]/.exec(readlinkSync(`${proc}/self/ns/pid`))?.[1]
    if (!bootId || !pidNs) return undefined
    const mountinfo = readFileSync(`${proc}/self/mountinfo`, 'utf8')
    if (hidesProcesses(mountinfo) && process.getuid?.() !== 0) return undefined
    return {
      bootId,
      pidNs,
      startTimeOf: (pid) => readStat(pid, proc)?.startTime
    }
  } catch {
    return undefined
  }
}

/** How far up the process tree to look for the runner's job process. */
const MAX_ANCESTORS = 12
/** The GitHub runner's per-job process: it lives exactly as long as the job. */
export const GITHUB_JOB_PROCESS = 'Runner.Worker'

/**
 * The nearest ancestor of `pid` whose command name is `comm`, or undefined.
 * A name is at most 15 characters in /proc (TASK_COMM_LEN).
 */
export function findAncestor(
  pid: number,
  comm: string,
  proc = '/proc'
): number | undefined {
  let current = readStat(pid, proc)?.ppid
  for (
    let depth = 0;
    current && current > 1 && depth < MAX_ANCESTORS;
    depth++
  ) {
    const stat = readStat(current, proc)
    if (!stat) return undefined
    if (stat.comm === comm.slice(0, 15)) return current
    current = stat.ppid
  }
  return undefined
}

/**
 * The owner label value for `pid` (its identity now), or undefined when the
 * process table cannot be read.
 */
export function ownerOf(pid: number, proc = '/proc'): string | undefined {
  const table = localProcessTable(proc)
  const startTime = table?.startTimeOf(pid)
  if (!table || !startTime || pid <= 1) return undefined
  return formatOwner({ ...table, pid, startTime })
}

/**
 * Who owns a nest started by this process.
 *
 * - The Action: its parent, the process that runs the job's steps (on a
 *   GitHub runner Runner.Worker, which starts node directly; in a container
 *   job node is exec'd into the container and has no visible parent: none).
 * - The CLI: Runner.Worker when it runs in a GitHub job (a `run:` step), else
 *   nobody. Its parent may be a short-lived shell (`npx`, one Jenkins `sh`
 *   step, a command substitution) while later steps still use the nest, so
 *   only the expiry may end it.
 */
export function nestOwner(
  face: 'action' | 'cli',
  self = process.pid,
  parent = process.ppid,
  proc = '/proc'
): string | undefined {
  if (face === 'action') return ownerOf(parent, proc)
  const worker = findAncestor(self, GITHUB_JOB_PROCESS, proc)
  return worker ? ownerOf(worker, proc) : undefined
}
