/**
 * A Docker 28 "runner" for the cold-runner bench: a privileged dind
 * container on the host daemon whose own dockerd plays the runner's engine,
 * with an image store of its own. The host's engine cannot play that part:
 * it keeps the fixture image, which shares every layer with the image the
 * bench pulls, so a pull there would find everything local.
 *
 * The bench's measuring process then runs inside the runner with nsenter
 * (mount, UTS, IPC, network and PID namespaces), as a job's steps run on a
 * hosted runner: `docker` is the runner's CLI on /var/run/docker.sock,
 * 127.0.0.1 is the runner's loopback (where the registry listens and the
 * sidecars' ports are published), and /usr/bin/dockerd is the runner's.
 * The repository (read-only) and the bench's temp directory are
 * bind-mounted under /docker-nest-bench, not at their host paths: the
 * image's dind wrapper mounts a tmpfs on /tmp, which would hide a mount of
 * a host temp directory under it.
 */
import { BENCH_LABEL } from './methods.mjs'
import { docker, tryDocker } from './docker.mjs'
import { StepError, runProcess, sleep, tail } from './proc.mjs'

/** How long the runner's dockerd may take to answer. */
const READY_TIMEOUT_MS = 60_000
/** Where the registry binary is mounted inside the runner. */
export const RUNNER_REGISTRY_BIN = '/usr/local/bin/docker-registry'
/** Where the repository is mounted inside the runner. */
export const RUNNER_REPO = '/docker-nest-bench/repo'
/** Where the bench's temp directory is mounted inside the runner. */
export const RUNNER_WORK = '/docker-nest-bench/work'

/**
 * @typedef {object} Runner
 * @property {string} name Container name on the host daemon.
 * @property {number} pid Its init process, in the host's PID namespace.
 * @property {string} version The runner engine's version.
 * @property {string | undefined} runtime The host's default OCI runtime
 *   wrapper the runner's dockerd uses too, if the host has one.
 */

/**
 * The host daemon's default runtime when it is a wrapper with a path (not
 * plain runc). The runner container has the host's capability bounding set,
 * so a wrapper the host needs for `--privileged` the runner's dockerd needs
 * for its sidecars too.
 *
 * @returns {Promise<{ name: string, path: string } | undefined>}
 */
async function hostRuntime() {
  const name = await docker(['info', '--format', '{{.DefaultRuntime}}'])
  if (!name || name === 'runc') return undefined
  const runtimes = JSON.parse(
    await docker(['info', '--format', '{{json .Runtimes}}'])
  )
  const path = runtimes?.[name]?.path
  return path?.startsWith('/') ? { name, path } : undefined
}

/**
 * Starts the runner container and waits for its dockerd.
 *
 * @param {object} options
 * @param {string} options.benchId Label value for everything created.
 * @param {string} options.image A dind image whose dockerd is the runner's.
 * @param {string} options.repoRoot Mounted read-only at {@link RUNNER_REPO}.
 * @param {string} options.workDir Mounted at {@link RUNNER_WORK}.
 * @param {string} options.registryBinary Host path of docker-registry.
 * @returns {Promise<Runner>}
 */
export async function startRunner({
  benchId,
  image,
  repoRoot,
  workDir,
  registryBinary
}) {
  const name = `docker-nest-bench-${benchId}-runner`
  const runtime = await hostRuntime()
  const mounts = [
    '--volume',
    `${repoRoot}:${RUNNER_REPO}:ro`,
    '--volume',
    `${workDir}:${RUNNER_WORK}`,
    '--volume',
    `${registryBinary}:${RUNNER_REGISTRY_BIN}:ro`
  ]
  const dockerdArgs = []
  if (runtime) {
    mounts.push('--volume', `${runtime.path}:${runtime.path}:ro`)
    dockerdArgs.push(
      `--add-runtime=${runtime.name}=${runtime.path}`,
      `--default-runtime=${runtime.name}`
    )
  }
  await docker([
    'run',
    '--detach',
    '--name',
    name,
    '--label',
    `${BENCH_LABEL}=${benchId}`,
    '--privileged',
    // The runner's data root on a volume: overlay2 cannot stack on the
    // container's own overlay root file system.
    '--mount',
    `type=volume,dst=/var/lib/docker,volume-label=${BENCH_LABEL}=${benchId}`,
    ...mounts,
    image,
    // First argument `dockerd`: the entrypoint runs it as given, without
    // TLS or a TCP host, on the default /var/run/docker.sock as a runner's.
    'dockerd',
    ...dockerdArgs
  ])
  const deadline = performance.now() + READY_TIMEOUT_MS
  let last
  for (;;) {
    last = await tryDocker([
      'exec',
      name,
      'docker',
      'version',
      '--format',
      '{{.Server.Version}}'
    ])
    if (last.ok) break
    if (performance.now() > deadline) {
      const logs = await tryDocker(['logs', '--tail', '30', name])
      throw new StepError(
        `The runner container ${name} (${image}) did not answer ` +
          `'docker version' within ${READY_TIMEOUT_MS / 1000} s: ` +
          `${last.stderr}\nIts log:\n${tail(logs.stderr || logs.stdout)}\n` +
          'Hint: the host must allow docker run --privileged ' +
          '(docker-nest doctor checks it).'
      )
    }
    await sleep(200)
  }
  const pid = Number(
    await docker(['inspect', '--format', '{{.State.Pid}}', name])
  )
  return { name, pid, version: last.stdout, runtime: runtime?.name }
}

/**
 * Copies an image from the host daemon into the runner's (docker save |
 * docker load), so the runner can push it to the registry.
 *
 * @param {Runner} runner
 * @param {string} image
 */
export async function copyImageIntoRunner(runner, image) {
  const result = await runProcess(
    'bash',
    [
      '-o',
      'pipefail',
      '-c',
      'docker save "$1" | docker exec -i "$2" docker load --quiet',
      'copy-image',
      image,
      runner.name
    ],
    { timeoutMs: 600_000 }
  )
  if (result.code !== 0) {
    throw new StepError(
      `Could not copy ${image} into the runner ${runner.name} ` +
        `(docker save | docker exec -i … docker load, exit ${result.code}):\n` +
        tail(result.stderr || result.stdout)
    )
  }
}

/**
 * nsenter arguments that run a command inside the runner's namespaces.
 * Without --wd/--root: the command starts in the runner's root directory
 * (a --wd resolved on the host side would be unreachable from the runner's
 * root and make getcwd fail); it changes directory itself.
 *
 * @param {Runner} runner
 * @param {string[]} command
 * @returns {string[]}
 */
export function nsenterArgs(runner, command) {
  return [
    `--target=${runner.pid}`,
    '--mount',
    '--uts',
    '--ipc',
    '--net',
    '--pid',
    '--',
    ...command
  ]
}
