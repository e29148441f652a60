/**
 * Shows at debug level what the start script decided about fast start
 * (containerd-first.ts): its `docker-nest: fast start …` lines, read from
 * the sidecar's log only where that costs no extra process.
 */
import { FAST_START_LOG_PREFIX } from './containerd-first.js'
import type { DindPlan } from './plan.js'
import type { SidecarAccess } from './sidecar-access.js'
import type { Logger } from '../types.js'

/** Prints the fast-start lines of the sidecar's log as debug lines; never throws. */
export async function reportFastStart(
  access: SidecarAccess,
  plan: DindPlan,
  logger: Logger
): Promise<void> {
  if (!access.cheapLog) {
    logger.debug(
      `dind.fastStart: ${plan.fastStart ? 'on' : 'off'}; whether it applied ` +
        `is in the sidecar's log (lines '${FAST_START_LOG_PREFIX} …')`
    )
    return
  }
  try {
    const lines = fastStartLines(await access.cheapLog(plan.name))
    for (const line of lines) logger.debug(`dind.fastStart: ${line}`)
    if (lines.length === 0) {
      logger.debug('dind.fastStart: the start script logged no decision')
    }
  } catch (error) {
    logger.debug(
      `dind.fastStart: could not read the sidecar's log: ${(error as Error).message}`
    )
  }
}

/** The start script's fast-start lines of a container log. */
export function fastStartLines(log: string): string[] {
  return log
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith(FAST_START_LOG_PREFIX))
}
