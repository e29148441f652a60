/**
 * `mode: auto`: dind when a privileged container can start on the runner's
 * daemon, else dood. The probe starts the dind image itself with `true`, so a
 * yes also means the image is there (pulled now, which dind needs anyway).
 */
import type { DockerCli } from '../docker/cli.js'
import { LABELS } from '../dind/plan.js'
import { isolationArgs } from '../options/runtime.js'

/** The probe's answer and why, for the log. */
export interface ProbeResult {
  privileged: boolean
  reason: string
}

/** Long enough to pull the dind image on a hosted runner; a refusal comes back at once. */
export const PROBE_TIMEOUT_MS = 120_000

/**
 * `docker run` arguments of the probe: privileged (or isolated the
 * way input `runtime` isolates the sidecar), no network, removed on exit,
 * labelled.
 */
export function buildProbeArgs(
  image: string,
  runId: string,
  isolation: readonly string[] = isolationArgs('')
): string[] {
  return [
    'run',
    '--rm',
    ...isolation,
    '--network',
    'none',
    '--label',
    `${LABELS.managed}=true`,
    '--label',
    `${LABELS.run}=${runId}`,
    '--entrypoint',
    'true',
    image
  ]
}

/**
 * Reads a cached answer (`DOCKER_NEST_PRIVILEGED=true|false`, exported by an
 * earlier probe in this job); undefined when there is none.
 */
export function cachedProbe(
  value: string | undefined
): ProbeResult | undefined {
  if (value === 'true' || value === 'false') {
    return {
      privileged: value === 'true',
      reason: `cached answer of an earlier probe (DOCKER_NEST_PRIVILEGED=${value})`
    }
  }
  return undefined
}

/** Starts one privileged container and reports whether it worked. */
export async function probePrivileged(
  docker: DockerCli,
  image: string,
  runId: string,
  timeoutMs = PROBE_TIMEOUT_MS,
  isolation: readonly string[] = isolationArgs('')
): Promise<ProbeResult> {
  const started = performance.now()
  const result = await docker.tryExec(buildProbeArgs(image, runId, isolation), {
    timeoutMs
  })
  const ms = Math.round(performance.now() - started)
  if (result.exitCode === 0) {
    return {
      privileged: true,
      reason: `a privileged container from ${image} started in ${ms} ms`
    }
  }
  const tail = result.stderr.trim().split('\n').slice(-3).join(' ')
  return {
    privileged: false,
    reason:
      `a privileged container from ${image} could not start ` +
      `(exit ${result.exitCode} after ${ms} ms: ${tail || 'no error text'})`
  }
}
