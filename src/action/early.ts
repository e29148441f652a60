/**
 * The early start: the Action's pre step starts the nest in a background
 * process while the job's first steps run; main adopts what it started, or
 * says why not and starts afresh; post removes it even when main never ran.
 *
 * The background process cannot write the step's state (pre has ended), so
 * it keeps its record, its result and its log in a private directory under
 * RUNNER_TEMP that pre names in the state. Pre and main get the same state;
 * the runner registers post when pre runs, so post runs even when main is
 * skipped or the job is cancelled first.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import * as core from './workflow.js'
import { errorMessage } from '../engine/errors.js'
import { lazyCrypto } from '../engine/util/lazy-builtins.js'
import { ownerOf } from '../engine/lifecycle/owner.js'
import {
  parseResources,
  type Resources
} from '../engine/lifecycle/resources.js'
import type { UpResult } from '../engine/lifecycle/up.js'
import type { HostDockerEnv } from '../engine/types.js'
import type { RawInputs } from '../engine/options/config.js'
import { runnerTemp } from './runner-env.js'

/** The state key pre saves (JSON {@link EarlyStart}); main clears it when it discards the start. */
export const EARLY_STATE_KEY = 'early'
/** Set in the background process's env: its private directory. */
export const EARLY_DIR_ENV = 'DOCKER_NEST_EARLY_DIR'
/** Prefix of that directory's name, directly in RUNNER_TEMP. */
export const EARLY_DIR_PREFIX = 'docker-nest-early-'

/** What pre leaves for main and post. */
export interface EarlyStart {
  /** The private directory (record.json, result.json, log). */
  dir: string
  /** The background process and its identity (see owner.ts), to stop it safely. */
  pid: number
  identity: string
  /** Digest of what the start depended on: main starts afresh when its own differs. */
  fingerprint: string
}

/** What the background process wrote when it finished. */
export type EarlyOutcome =
  | { ok: true; result: UpResult; privileged?: boolean }
  | { ok: false; message: string }

/** Files in the early start's directory. */
export const EARLY_FILES = {
  record: 'record.json',
  result: 'result.json',
  log: 'log'
} as const

/** What the start depends on that a step between pre and main may change. */
export function fingerprintOf(
  inputs: RawInputs,
  hostDocker: HostDockerEnv
): string {
  return lazyCrypto()
    .createHash('sha256')
    .update(JSON.stringify({ inputs, hostDocker }))
    .digest('hex')
}

/** Pre's record, checked: the directory must be one pre makes, the pid a number. */
export function loadEarlyStart(
  saved: string = core.getState(EARLY_STATE_KEY),
  root: string = runnerTemp()
): EarlyStart | undefined {
  if (!saved) return undefined
  let data: Partial<EarlyStart>
  try {
    data = JSON.parse(saved) as Partial<EarlyStart>
  } catch {
    return undefined
  }
  const { dir, pid, identity, fingerprint } = data
  if (
    typeof dir !== 'string' ||
    dirname(dir) !== root ||
    !basename(dir).startsWith(EARLY_DIR_PREFIX) ||
    !Number.isInteger(pid) ||
    (pid as number) <= 1 ||
    typeof identity !== 'string' ||
    typeof fingerprint !== 'string'
  ) {
    return undefined
  }
  return { dir, pid: pid as number, identity, fingerprint }
}

/** True while the background process still runs (the same process, not a reused pid). */
export function isRunning(early: EarlyStart, proc = '/proc'): boolean {
  return ownerOf(early.pid, proc) === early.identity
}

/** The outcome, once the background process wrote it; undefined before. */
export function readOutcome(dir: string): EarlyOutcome | undefined {
  const file = join(dir, EARLY_FILES.result)
  if (!existsSync(file)) return undefined
  return JSON.parse(readFileSync(file, 'utf8')) as EarlyOutcome
}

/** What the background process had created (its record), checked; undefined when nothing. */
function readEarlyRecord(dir: string): Resources | undefined {
  const file = join(dir, EARLY_FILES.record)
  if (!existsSync(file)) return undefined
  return parseResources(readFileSync(file, 'utf8'), runnerTemp())
}

/** The background process's log, for main's output. */
export function readEarlyLog(dir: string): string {
  try {
    return readFileSync(join(dir, EARLY_FILES.log), 'utf8')
  } catch {
    return ''
  }
}

/**
 * Stops the background process (SIGTERM: it lets docker calls settle and
 * exits; SIGKILL after `graceMs`) and returns its record, which is final
 * only then: nothing is created after this reads it. The process leads its
 * own process group, so the signal reaches the docker commands it runs too.
 */
export async function stopEarly(
  early: EarlyStart,
  graceMs = 10_000
): Promise<Resources | undefined> {
  if (isRunning(early)) {
    signalGroup(early.pid, 'SIGTERM')
    const deadline = Date.now() + graceMs
    while (isRunning(early) && Date.now() < deadline) await sleep(50)
    if (isRunning(early)) signalGroup(early.pid, 'SIGKILL')
  }
  return readEarlyRecord(early.dir)
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal)
  } catch {
    try {
      process.kill(pid, signal)
    } catch {
      // gone meanwhile
    }
  }
}

/** Waits for the outcome until the process ends or `timeoutMs` passes. */
export async function waitForOutcome(
  early: EarlyStart,
  timeoutMs: number
): Promise<EarlyOutcome> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const outcome = readOutcome(early.dir)
    if (outcome) return outcome
    if (!isRunning(early)) {
      // It may have written the outcome just before it exited.
      return (
        readOutcome(early.dir) ?? {
          ok: false,
          message: 'its process exited before it finished (killed?)'
        }
      )
    }
    if (Date.now() >= deadline) {
      return {
        ok: false,
        message: `it was still starting after ${Math.round(timeoutMs / 1000)} s`
      }
    }
    await sleep(20)
  }
}

/** Removes the directory (the record, result and log; the certificates live elsewhere). */
export function removeEarlyDir(early: EarlyStart): void {
  try {
    rmSync(early.dir, { recursive: true, force: true })
  } catch (error) {
    core.debug(
      `early start: could not remove ${early.dir}: ${errorMessage(error)}`
    )
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
