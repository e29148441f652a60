/**
 * Unprivileged routes: the OCI runtime the sidecar runs under (input
 * `runtime`, e.g. `sysbox-runc`) and the isolation flags that follow from it.
 *
 * Sysbox runs "system containers" in a user namespace with procfs/sysfs
 * virtualised, so the official dind image works there without
 * `--privileged`; with `--privileged` sysbox refuses to start the container,
 * and it supports neither `--userns=host`, `--pid=host`, `--network=host`
 * nor nested user namespaces
 * (https://github.com/nestybox/sysbox/blob/master/docs/user-guide/limitations.md).
 */
import { DockerCommandError, type DockerCli } from '../docker/cli.js'

/** Docker runtime names: letters, digits and `._+-`, like the keys of daemon.json "runtimes". */
const RUNTIME_NAME = /^[A-Za-z0-9][A-Za-z0-9._+-]{0,127}$/

/**
 * What dockerd says when `--runtime` names a runtime it does not know:
 * "Unknown runtime specified X" (≤ 23) or "unknown or invalid runtime name: X" (≥ 24).
 */
const UNKNOWN_RUNTIME =
  /Unknown runtime specified|unknown or invalid runtime name/i

/** True for the sysbox runtimes (`sysbox-runc`, or a renamed copy of it). */
export function isSysbox(runtime: string): boolean {
  return /sysbox/i.test(runtime)
}

/** Validates input `runtime`; '' means the daemon's default runtime. */
export function parseRuntime(value: string, problems: string[]): string {
  if (value !== '' && !RUNTIME_NAME.test(value)) {
    problems.push(
      `Input 'runtime' must be a runtime name known to the runner's Docker ` +
        `daemon such as 'sysbox-runc' (letters, digits and . _ + -), ` +
        `got '${value}'.`
    )
  }
  return value
}

/**
 * `rootless: unprivileged`: what a rootless daemon needs instead of
 * `--privileged`, each found necessary on the test machine (docs/self-hosted.md,
 * "Unprivileged routes"): SYS_ADMIN for rootlesskit's mounts and namespaces,
 * no seccomp filter (inner containers' keyrings), no AppArmor profile (Docker's
 * default one denies mount), unmasked /proc and /sys paths (procfs for inner
 * containers), and the tun device for slirp4netns.
 */
export const ROOTLESS_UNPRIVILEGED_ARGS = [
  '--cap-add=SYS_ADMIN',
  '--security-opt=seccomp=unconfined',
  '--security-opt=apparmor=unconfined',
  '--security-opt=systempaths=unconfined',
  '--device=/dev/net/tun'
] as const

/**
 * `docker run` flags for the sidecar's isolation: `--runtime=<name>` when
 * one is set, and `--privileged` unless the runtime is sysbox (which refuses
 * it and does not need it) or the nest is `rootless: unprivileged`.
 */
export function isolationArgs(
  runtime: string | undefined,
  rootlessUnprivileged = false
): string[] {
  const runtimeArgs = runtime ? [`--runtime=${runtime}`] : []
  if (runtime && isSysbox(runtime)) return runtimeArgs
  return rootlessUnprivileged
    ? [...runtimeArgs, ...ROOTLESS_UNPRIVILEGED_ARGS]
    : [...runtimeArgs, '--privileged']
}

/** One line for the log: how the sidecar is isolated. */
export function describeIsolation(
  runtime: string | undefined,
  rootlessUnprivileged = false
): string {
  const how = rootlessUnprivileged
    ? 'not privileged (SYS_ADMIN, unconfined seccomp/AppArmor, /dev/net/tun)'
    : 'privileged'
  if (!runtime) return `${how}, the daemon's default runtime`
  return isSysbox(runtime)
    ? `runtime ${runtime}, not privileged (sysbox isolates the nest)`
    : `runtime ${runtime}, ${how}`
}

/** The runtime names of `docker info --format '{{json .Runtimes}}'`, sorted. */
export function parseRuntimes(json: string): string[] {
  try {
    const parsed = JSON.parse(json) as unknown
    if (parsed === null || typeof parsed !== 'object') return []
    return Object.keys(parsed).sort()
  } catch {
    return []
  }
}

/**
 * When `docker run` failed because the daemon does not know the runtime,
 * an error naming the input, the value and the runtimes the daemon has (one
 * `docker info`, on this failure path only); otherwise undefined.
 */
export async function explainUnknownRuntime(
  docker: DockerCli,
  runtime: string | undefined,
  error: unknown
): Promise<Error | undefined> {
  if (
    !runtime ||
    !(error instanceof DockerCommandError) ||
    !UNKNOWN_RUNTIME.test(error.stderr)
  ) {
    return undefined
  }
  const info = await docker.tryExec(['info', '--format', '{{json .Runtimes}}'])
  const known = info.exitCode === 0 ? parseRuntimes(info.stdout) : []
  const have =
    known.length > 0 ? known.join(', ') : 'unknown (docker info failed)'
  const install = isSysbox(runtime)
    ? ' Install sysbox on the runner (https://github.com/nestybox/sysbox), ' +
      'which registers sysbox-runc with dockerd, or leave the input empty.'
    : ' Register it in /etc/docker/daemon.json ("runtimes") and restart ' +
      'dockerd, or leave the input empty.'
  return new Error(
    `Input 'runtime' is '${runtime}', but the runner's Docker daemon has no ` +
      `such runtime; it has: ${have}.${install}`,
    { cause: error }
  )
}
