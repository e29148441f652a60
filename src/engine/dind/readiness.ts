/**
 * Waiting for the nested daemon, over its own Engine API (docker/engine-api.ts
 * on the nest's endpoint), and what it says about itself once it answers.
 */
import {
  DaemonStartError,
  diagnoseContainer,
  type Diagnosis
} from './diagnose.js'
import { runnerClient } from '../docker/runner-client.js'
import type { DaemonAnswer } from '../docker/daemon-client.js'
import type { EngineApi } from '../docker/engine-api.js'
import { waitFor } from '../docker/wait.js'
import { BRIDGE_NETWORK_PATH } from './mtu.js'
import type { DindPlan } from './plan.js'
import type { SidecarAccess } from './sidecar-access.js'
import { daemonFactsFromLog, type DaemonFacts } from './sidecar-log.js'
import type { DindDependencies } from './launch.js'
import type { Logger } from '../types.js'

/**
 * Readiness polling interval. dockerd opens its TCP listener as it starts
 * ("Starting up", measured on 20.10 and 26) but serves only ~0.2-0.3 s
 * later, once initialised: an attempt made in between waits in the
 * listener's backlog and is answered the moment dockerd serves. So the
 * interval decides only how soon an attempt is under way after the
 * listener opens, not how soon the daemon is noticed; each failed attempt
 * costs a TLS socket here and a docker-proxy connection on the runner, CPU
 * the starting daemons would rather have (10 ms polling: ~12 attempts).
 */
const READY_POLL_INTERVAL_MS = 30
/** One attempt may take this long (a TLS handshake on a loaded runner), but never past the deadline. */
const ATTEMPT_TIMEOUT_MS = 1000
const MIN_ATTEMPT_TIMEOUT_MS = 20

/**
 * Polls until the daemon answers; on exit or timeout, throws with a
 * diagnosis. The request is `GET /networks/bridge`, not `/_ping`: main
 * needs the default bridge's MTU next (mtu.ts), and the first answer
 * carries it instead of a request of its own after it (~3-8 ms on 20.10,
 * where dockerd still builds its unix socket's router then). Any HTTP
 * answer means dockerd serves: nothing else listens behind the port, with
 * TLS only it holds the server key, and one without a default bridge
 * (daemon-config `"bridge": "none"`) answers 404.
 */
export async function waitForDaemon(
  plan: DindPlan,
  nest: EngineApi,
  exited: Promise<string>,
  deps: Pick<DindDependencies, 'docker' | 'logger'>
): Promise<DaemonAnswer> {
  const result = await waitFor(
    (remainingMs) =>
      nest.answer(
        BRIDGE_NETWORK_PATH,
        Math.max(
          MIN_ATTEMPT_TIMEOUT_MS,
          Math.min(ATTEMPT_TIMEOUT_MS, remainingMs)
        )
      ),
    {
      timeoutMs: plan.waitTimeoutMs,
      intervalMs: READY_POLL_INTERVAL_MS,
      stop: exited
    }
  )
  if (result.status === 'ready') {
    deps.logger.info(
      `Daemon answered GET ${BRIDGE_NETWORK_PATH} after ${result.attempts} attempts`
    )
    return result.value
  }
  const summary =
    result.status === 'stopped'
      ? `The inner Docker daemon did not start: ${result.reason} after ${result.elapsedMs} ms.`
      : `The inner Docker daemon did not answer within ${plan.waitTimeoutMs / 1000} s ` +
        `(wait-timeout); last error: ${String((result.lastError as Error)?.message ?? result.lastError)}.`
  const diagnosis: Diagnosis = await diagnoseContainer(
    runnerClient(deps.docker),
    plan.name
  )
  throw new DaemonStartError(summary, diagnosis)
}

/**
 * How long the daemon's "Docker daemon" line may trail its first answer:
 * dockerd logs it ~30-40 ms before its API listens, but the line reaches
 * main through the runner's daemon.
 */
const DAEMON_LINE_WAIT_MS = 100

/**
 * Version, storage driver and cgroup version of the nested daemon: from its
 * log where main has it already (sidecar-log.ts), else `GET /info`.
 */
export async function daemonFacts(
  nest: EngineApi,
  access: SidecarAccess,
  name: string,
  logger: Logger
): Promise<DaemonFacts> {
  const log = access.liveLog?.(name)
  const wholeLog = access.cheapLog
  const fromLog =
    log &&
    wholeLog &&
    (await daemonFactsFromLog(log, DAEMON_LINE_WAIT_MS, () => wholeLog(name)))
  if (fromLog) {
    logger.debug("dind.facts: from the daemon's log (no GET /info)")
    return fromLog
  }
  const info = await nest.info()
  return {
    serverVersion: info.ServerVersion,
    storageDriver: info.Driver,
    cgroupVersion: info.CgroupVersion ?? ''
  }
}
