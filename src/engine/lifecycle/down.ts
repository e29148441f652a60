/**
 * Removing what {@link up} created: the one teardown sequence the Action's
 * post step and `docker-nest down` call. It never throws; what could not be
 * removed comes back as warnings for the caller to print.
 */
import { hostClient } from '../docker/runner-client.js'
import { removeLabelled, runLabel } from '../dood/dood.js'
import { stopSocketProxy } from '../dood/socket-proxy.js'
import type { Logger } from '../types.js'
import type { Resources } from './resources.js'
import { teardown } from './teardown.js'

/** What to remove: the nest ('true'), nothing ('false'), or also the run-labelled objects. */
export type CleanupMode = 'true' | 'false' | 'containers'

/** The post step after a job, or an explicit `docker-nest down`. */
export type DownTrigger = 'post' | 'down'

/** What the face calling {@link down} provides. */
export interface DownContext {
  logger: Logger
}

/** What {@link down} did. */
export interface DownReport {
  /** Problems the caller prints; empty when everything named is gone. */
  warnings: string[]
  /** False when the nest was deliberately left in place (`cleanup: false`). */
  removed: boolean
  /** The nest's container was gone before teardown looked (dind only). */
  containerWasGone: boolean
}

/**
 * Whether the nest itself is removed. An explicit `down` always removes it;
 * the post step leaves it with `cleanup: false`, for inspection.
 */
export function removesNest(
  trigger: DownTrigger,
  cleanup: CleanupMode
): boolean {
  return trigger === 'down' || cleanup !== 'false'
}

/** Removes what `resources` names, following `cleanup`. */
export async function down(
  resources: Resources,
  cleanup: CleanupMode,
  trigger: DownTrigger,
  ctx: DownContext
): Promise<DownReport> {
  const report: DownReport = {
    warnings: [],
    removed: true,
    containerWasGone: false
  }
  if (resources.mode === 'dood') {
    await downDood(resources, cleanup, trigger, ctx, report)
    return report
  }
  if (!removesNest(trigger, cleanup)) {
    ctx.logger.info(
      `cleanup: false — leaving container ${resources.container ?? '-'}, ` +
        `volume ${resources.volume ?? '-'} and ${resources.certDir ?? 'no cert dir'} in place.`
    )
    report.removed = false
    return report
  }
  const docker = hostClient(resources.hostDocker, (m) => ctx.logger.debug(m))
  const result = await ctx.logger.group('Remove nest', () =>
    teardown(resources, docker, ctx.logger)
  )
  report.warnings.push(...result.warnings)
  const handled = [...result.removed, ...result.skipped]
  report.containerWasGone = !handled.some((line) =>
    line.startsWith('container ')
  )
  return report
}

/**
 * dood created nothing on the runner's daemon but, maybe, a socket proxy;
 * with `cleanup: containers`, the objects carrying the run label go too.
 */
async function downDood(
  resources: Resources,
  cleanup: CleanupMode,
  trigger: DownTrigger,
  ctx: DownContext,
  report: DownReport
): Promise<void> {
  try {
    if (cleanup === 'containers' && resources.socket) {
      // The dood socket as recorded at the start: the caller's env may
      // point elsewhere, at a nest of its own.
      const docker = hostClient(
        {
          DOCKER_HOST: `unix://${resources.socket}`,
          DOCKER_TLS_VERIFY: null,
          DOCKER_CERT_PATH: null,
          DOCKER_CONTEXT: null
        },
        (m) => ctx.logger.debug(m)
      )
      const removed = await ctx.logger.group(
        `Remove objects labelled ${runLabel(resources.runId)}`,
        () => removeLabelled(resources.runId, docker, ctx.logger)
      )
      report.warnings.push(...removed.warnings)
    } else if (trigger === 'post') {
      ctx.logger.info(
        'dood: leaving the runner’s daemon as it is. To remove what this job ' +
          `started, label it with $DOCKER_NEST_LABEL (${runLabel(resources.runId)}) ` +
          'and set cleanup: containers.'
      )
    } else {
      ctx.logger.info(
        'dood: nothing else to remove (the machine’s own daemon).'
      )
    }
  } finally {
    // After the labelled objects: with a proxy, they were reached through it.
    const proxy = resources.proxy
    if (proxy && removesNest(trigger, cleanup)) {
      if (stopSocketProxy(proxy)) {
        ctx.logger.info(`Removed socket proxy ${proxy.socket}`)
      } else {
        report.warnings.push(
          `Could not remove the socket proxy ${proxy.socket}; delete it to stop the proxy.`
        )
      }
    }
  }
}
