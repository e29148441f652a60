/**
 * "Fast start": the sidecar starts containerd itself, right away,
 * and hands its socket to dockerd with `--containerd=<socket>`.
 *
 * Why: a dockerd that starts its own ("managed") containerd dials the socket
 * before containerd listens, and gRPC's first reconnect back-off is one
 * second. On Docker 26 that second is half of the start (1.8 s → 0.85 s
 * measured on the test machines); Docker 20.10 barely waits, but starting
 * containerd while main is still copying the certificates in overlaps it
 * with main's work there too.
 *
 * What stays as with the managed containerd: its root and state directories
 * (`<data root>/containerd/daemon`, `/var/run/docker/containerd/daemon`, so a
 * kept volume and the containerd image store work either way), the CRI
 * plugin off, and dockerd's log level when dockerd-args set one. Otherwise
 * containerd logs warnings and errors only: at info, containerd 2 writes
 * ~80 plugin lines while dockerd starts, which would fill the log tail a
 * failed start is diagnosed from. containerd is a child of PID 1 (the start
 * script, then docker-init after the exec), so it is reaped, and it goes
 * with the container's PID namespace after dockerd exited: dockerd still
 * shuts down first on `docker stop`.
 *
 * The shell is in scripts/containerd-first.sh, scripts/dockerd-shim.sh and
 * scripts/containerd-watch.sh (POSIX sh, spliced into the start script,
 * startup-script.ts). They use only shell built-ins in their wait loops,
 * plus `sleep` for the pause.
 */
import { containerdFirstScript } from './scripts/containerd-first.generated.js'
import { dockerdShimScript } from './scripts/dockerd-shim.generated.js'

/** The socket our containerd listens on; dockerd gets it as `--containerd`. */
export const CONTAINERD_SOCKET = '/run/docker-nest/containerd/containerd.sock'
/** Env var of the sidecar that turns fast start off (`false`); from input `fast-start`. */
export const FAST_START_ENV = 'DOCKER_NEST_FAST_START'

/** The prefix of the start script's fast-start log lines (see {@link CONTAINERD_FIRST_FUNCTIONS}). */
export const FAST_START_LOG_PREFIX = 'docker-nest: fast start'

/** Where our containerd keeps its state; it makes the directory once its config is read. */
export const CONTAINERD_STATE_DIR = '/var/run/docker/containerd/daemon'

/** The line the dockerd shim's watch prints when containerd died after the handover. */
export const CONTAINERD_DIED_LINE = `${FAST_START_LOG_PREFIX} failed: containerd exited before it listened (its log is above); dockerd stopped. Input fast-start: false lets dockerd start its own containerd`

/**
 * The body of `dockerd` in /run/docker-nest/bin, which the start script puts
 * first on PATH so that whoever runs dockerd hands it our containerd's
 * socket (scripts/dockerd-shim.sh says how and when).
 */
export const DOCKERD_SHIM = dockerdShimScript({
  CONTAINERD_DIED_LINE,
  FAST_START_LOG_PREFIX
})

/**
 * Shell functions: `nest_ctr_eligible "$@"` (0 when fast start applies; else
 * it logs why not), `nest_ctr_start` (containerd in the background, and the
 * dockerd shim above), and `nest_ctr_handoff`, which puts the shim on PATH
 * unless daemon.json names a containerd of its own
 * (scripts/containerd-first.sh). Lines start with `docker-nest: fast start`
 * so main can show them at debug level.
 */
export const CONTAINERD_FIRST_FUNCTIONS = containerdFirstScript({
  CONTAINERD_DIED_LINE,
  CONTAINERD_SOCKET,
  CONTAINERD_STATE_DIR,
  DOCKERD_SHIM,
  FAST_START_ENV,
  FAST_START_LOG_PREFIX
})
