/**
 * Reaping at the start of every nest: remove what crashed jobs left
 * on this daemon — nests whose owner has provably ended, or whose expiry has
 * passed — while the new nest starts, and report it at the end. It runs
 * concurrently and never fails the start: the hot path does not wait for it.
 */
import type { DockerClient } from '../docker/client.js'
import { errorMessage } from '../errors.js'
import { localProcessTable } from '../lifecycle/owner.js'
import { reapNests, type ReapReport } from './reap.js'
import { signal } from '../lifecycle/signal.js'
import type { Logger } from '../types.js'

/**
 * Objects that expired only this long ago are left to `docker-nest reap`: a
 * job at the very end of its time limit may still be tearing down, and
 * clocks of machines sharing one daemon differ a little.
 */
export const START_REAP_GRACE_SECONDS = 300

/** A reap that runs in the background. */
export interface BackgroundReap {
  /** Waits for it and logs what it removed; never throws. */
  finish(): Promise<void>
}

/**
 * Starts reaping on `docker` (the runner's daemon) once `after` settles:
 * main passes the moment the sidecar's start request is on its way, so the
 * reaper's listing and removals use the time the daemon spends starting it
 * instead of delaying the create request; `finish` starts it in any case.
 */
export function startReaping(
  docker: DockerClient | undefined,
  logger: Logger,
  after: Promise<unknown> = Promise.resolve()
): BackgroundReap {
  if (!docker) return { finish: async () => undefined }
  const begin = signal()
  const running: Promise<ReapReport | Error> = Promise.race([
    after,
    begin.fired
  ])
    .then(() =>
      reapNests(docker, {
        nowSeconds: Math.floor(Date.now() / 1000),
        all: false,
        table: localProcessTable(),
        graceSeconds: START_REAP_GRACE_SECONDS
      })
    )
    .catch((error: unknown) => new Error(errorMessage(error)))
  return {
    async finish() {
      begin.fire()
      const report = await running
      if (report instanceof Error) {
        // Housekeeping only (dood without socket access, a daemon hiccup): not worth a line.
        logger.debug(`reap.start: skipped: ${report.message}`)
        return
      }
      logReap(report, logger)
    }
  }
}

/** One line per removed object, with the reason; a debug line when there was nothing. */
export function logReap(report: ReapReport, logger: Logger): void {
  for (const d of report.decisions.filter((x) => x.remove)) {
    logger.debug(
      `reap.start: remove ${d.object.kind} ${d.object.name} (run ${d.object.run || '-'}): ${d.reason}`
    )
  }
  for (const o of report.gone) {
    logger.debug(
      `reap.start: ${o.kind} ${o.name} was already gone (another reaper)`
    )
  }
  const reasons = new Map(
    report.decisions.map((d) => [`${d.object.kind} ${d.object.name}`, d.reason])
  )
  for (const o of report.removed) {
    const key = `${o.kind} ${o.name}`
    logger.info(
      `Reaped ${key} of run ${o.run || '-'}: ${reasons.get(key) ?? 'abandoned'}.`
    )
  }
  for (const f of report.failed) {
    logger.warning(
      `Could not reap ${f.object.kind} ${f.object.name}: ${f.error}`
    )
  }
  if (report.decisions.every((d) => !d.remove)) {
    logger.debug(
      `reap.start: nothing abandoned (${report.decisions.length} docker-nest object(s) checked)`
    )
  }
}
