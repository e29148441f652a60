/**
 * Main's side of the early start: wait for what pre started in the
 * background and take it over, or say why not, remove it and let main
 * start afresh.
 */
import * as core from './workflow.js'
import { down } from '../engine/lifecycle/down.js'
import { errorMessage } from '../engine/errors.js'
import type { UpResult } from '../engine/lifecycle/up.js'
import type { RawInputs } from '../engine/options/config.js'
import type { DindOptions, HostDockerEnv } from '../engine/types.js'
import {
  EARLY_STATE_KEY,
  fingerprintOf,
  readEarlyLog,
  removeEarlyDir,
  stopEarly,
  waitForOutcome,
  type EarlyStart
} from './early.js'
import { actionLogger } from './logger.js'
import { stateRecorder } from './state.js'

/**
 * How long main waits for an early start beyond the daemon's own
 * wait-timeout: the image may still be pulling.
 */
export const EARLY_PULL_ALLOWANCE_MS = 15 * 60_000

/** The early start's result once it is ready; undefined when main must start afresh. */
export async function adoptEarlyStart(
  early: EarlyStart,
  options: DindOptions,
  inputs: RawInputs,
  hostDocker: HostDockerEnv
): Promise<UpResult | undefined> {
  if (fingerprintOf(inputs, hostDocker) !== early.fingerprint) {
    await discardEarlyStart(
      early,
      "the inputs or the runner's Docker settings differ from pre's " +
        '(an input that uses the steps context, or DOCKER_HOST changed)'
    )
    return undefined
  }
  const started = performance.now()
  const outcome = await waitForOutcome(
    early,
    options.waitTimeoutMs + EARLY_PULL_ALLOWANCE_MS
  )
  const waited = Math.round(performance.now() - started)
  const log = readEarlyLog(early.dir)
  if (log) process.stdout.write(log.endsWith('\n') ? log : `${log}\n`)
  if (!outcome.ok) {
    await discardEarlyStart(early, `it failed: ${outcome.message}`)
    return undefined
  }
  await stateRecorder.record(outcome.result.resources)
  if (outcome.privileged !== undefined) {
    core.exportVariable('DOCKER_NEST_PRIVILEGED', String(outcome.privileged))
  }
  core.info(
    `docker-nest: the nest started in pre is ready (main waited ${waited} ms for it).`
  )
  return outcome.result
}

/** Stops and removes an early start main does not take over, and says why. */
async function discardEarlyStart(
  early: EarlyStart,
  why: string
): Promise<void> {
  core.info(`docker-nest: not using the early start: ${why}. Starting now.`)
  try {
    const record = await stopEarly(early)
    if (record) {
      const report = await down(record, 'true', 'down', {
        logger: actionLogger
      })
      for (const warning of report.warnings) core.warning(warning)
    }
  } catch (error) {
    core.warning(
      `docker-nest: removing the early start: ${errorMessage(error)}`
    )
  }
  // Post must not look at it again.
  core.saveState(EARLY_STATE_KEY, '')
  removeEarlyDir(early)
}
