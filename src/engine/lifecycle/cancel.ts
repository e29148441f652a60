/**
 * Cancellation of a start in progress. The GitHub runner cancels a step with
 * SIGINT, sends SIGTERM 7.5 s later and kills the process tree 2.5 s after
 * that; a terminal's Ctrl-C sends SIGINT. Node's default is to die at once,
 * which can strand a `docker run` still in flight: it would create the
 * container after post (or `docker-nest down`) already looked for it. So on
 * the first signal we refuse new docker calls, let the running ones finish
 * (bounded, well inside the runner's 7.5 s), and exit. Everything those calls
 * create was recorded by name before they started, so cleanup finds it.
 */
import { constants } from 'node:os'
import type { DockerCli } from '../docker/cli.js'
import type { Logger } from '../types.js'

/** How long a cancelled step lets running docker calls finish. */
export const CANCEL_SETTLE_MS = 5000

const SIGNALS = ['SIGINT', 'SIGTERM'] as const

/**
 * Installs the SIGINT/SIGTERM handlers for one start.
 * @param exit Ends the process (injectable for tests).
 * @returns A function that removes the handlers once the start is over.
 */
export function exitOnCancel(
  docker: DockerCli,
  logger: Logger,
  exit: (code: number) => void = (code) => process.exit(code)
): () => void {
  let cancelled = false
  const handler = (signal: NodeJS.Signals): void => {
    // A later SIGTERM while we settle changes nothing: we are already leaving.
    if (cancelled) return
    cancelled = true
    docker.cancel()
    logger.warning(
      `docker-nest was cancelled (${signal}); cleanup removes what was started.`
    )
    void docker.settle(CANCEL_SETTLE_MS).then(() => {
      exit(128 + constants.signals[signal])
    })
  }
  for (const signal of SIGNALS) process.on(signal, handler)
  return () => {
    for (const signal of SIGNALS) process.off(signal, handler)
  }
}
