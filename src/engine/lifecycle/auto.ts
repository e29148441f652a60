/**
 * `mode: auto`: dind when a privileged container can start on the runner's
 * daemon, else dood. The probe starts the dind image itself with `true`, so a
 * yes also means the image is there (pulled now, which dind needs anyway).
 */
import { DockerCommandError } from '../docker/cli.js'
import type { DockerClient } from '../docker/client.js'
import type { CreateRequest } from '../docker/create-request.js'
import { isolationHostConfig, type Isolation } from '../dind/isolation.js'
import { LABELS } from '../dind/plan.js'

/** The probe's answer and why, for the log. */
export interface ProbeResult {
  privileged: boolean
  reason: string
}

/** Long enough to pull the dind image on a hosted runner; a refusal comes back at once. */
export const PROBE_TIMEOUT_MS = 120_000

/** How the probe's container is isolated and what of the runner it sees. */
export interface ProbeShape {
  /** As the sidecar would be (dind/isolation.ts); default privileged. */
  isolation?: Isolation
  /** `NAME=value` entries, e.g. the runner engine's PATH. */
  env?: string[]
  /** Host directories bound read-only at the same path (the runner's engine). */
  binds?: string[]
}

/**
 * The probe's container: privileged (or isolated the way input `runtime`
 * isolates the sidecar), no network, removed on exit, labelled, running
 * only `true`. Named after its run id.
 */
export function buildProbeRequest(
  image: string,
  runId: string,
  shape: ProbeShape = {}
): CreateRequest {
  return {
    name: runId,
    body: {
      Image: image,
      Entrypoint: ['true'],
      Cmd: [],
      Env: shape.env ?? [],
      Labels: { [LABELS.managed]: 'true', [LABELS.run]: runId },
      ExposedPorts: {},
      HostConfig: {
        ...(shape.isolation ?? isolationHostConfig(undefined)),
        AutoRemove: true,
        PortBindings: {},
        Mounts: (shape.binds ?? []).map((dir) => ({
          Type: 'bind',
          Source: dir,
          Target: dir,
          ReadOnly: true
        })),
        NetworkMode: 'none'
      }
    }
  }
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

/**
 * Starts one privileged container and reports whether it worked. Started
 * is enough: `true` cannot fail once it runs, and the daemon removes the
 * container when it exits.
 */
export async function probePrivileged(
  docker: DockerClient,
  image: string,
  runId: string,
  timeoutMs = PROBE_TIMEOUT_MS,
  shape: ProbeShape = {}
): Promise<ProbeResult> {
  const started = performance.now()
  let failure: string | undefined
  try {
    await docker.run(buildProbeRequest(image, runId, shape), { timeoutMs })
  } catch (error) {
    failure =
      error instanceof DockerCommandError
        ? `exit ${error.exitCode} after ${ms(started)} ms: ${lastLines(error.stderr)}`
        : `after ${ms(started)} ms: ${(error as Error).message}`
  }
  if (failure === undefined) {
    return {
      privileged: true,
      reason: `a privileged container from ${image} started in ${ms(started)} ms`
    }
  }
  return {
    privileged: false,
    reason: `a privileged container from ${image} could not start (${failure})`
  }
}

function ms(started: number): number {
  return Math.round(performance.now() - started)
}

/** The last three lines of `stderr` on one line. */
function lastLines(stderr: string): string {
  return stderr.trim().split('\n').slice(-3).join(' ') || 'no error text'
}
