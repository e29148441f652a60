/**
 * The shell script the sidecar runs as its entrypoint. It exists so one
 * `docker run` works for both image contracts and so the server certificate
 * can name the container's IP, which is only known once the container runs:
 *
 * 0. Work out the MTU flags (mtu.ts) while main is still signing
 *    the server certificate: this may run `dockerd --version`.
 * 1. Drop client variables the image or a job may carry; dockerd reads
 *    DOCKER_TLS_VERIFY/DOCKER_CERT_PATH/DOCKER_DRIVER from its own env
 *    (a job's DOCKER_DRIVER=vfs would slow every build). A non-root image
 *    without the official entrypoint stops here (rootless needs that
 *    contract).
 * 2. Do what the official entrypoint and moby's hack/dind would do —
 *    cgroup v2 nesting, shared mounts, stale pid files, iptables backend
 *    selection — while main still signs the certificates: for a plain image
 *    always, for the official one when fast start applies (otherwise its
 *    entrypoint does it).
 * 3. Fast start (containerd-first.ts): start containerd right after the
 *    cgroup nesting; dockerd gets its socket from this script's exec of
 *    docker-init, or from a `dockerd` shim first on PATH where the handover
 *    waits for containerd or the official entrypoint runs dockerd.
 * 4. With TLS on, wait until main has handed in `server/{ca,cert,key}.pem`
 *    under $DOCKER_TLS_CERTDIR (on stdin, stdin-delivery.ts, or by
 *    `docker cp`: the marker file is the last entry either way); with
 *    TLS off, the same for daemon.json when input `daemon-config` is set,
 *    which then reaches dockerd as `--config-file`.
 * 5. Official contract without fast start (turned off, or a rootless image):
 *    hand over to dockerd-entrypoint.sh with flags only, so it takes its
 *    "certs provided" branch (verify, no key generation). With fast start
 *    its remaining steps are done, so dockerd starts without it: the
 *    entrypoint's shell, `openssl verify` of our own certificate and
 *    hack/dind's second round of mounts cost ~25 ms before dockerd's exec.
 * 6. Otherwise: add the listeners and TLS flags, then exec dockerd under
 *    docker-init when the image has it.
 *
 * The shell is scripts/start-dind.sh and the pieces it includes; the build
 * embeds them (scripts/embed-shell.mjs) with this module's constants filled
 * in where the shell has their placeholders.
 */
import {
  CONTAINERD_DIED_LINE,
  CONTAINERD_SOCKET,
  CONTAINERD_STATE_DIR,
  DOCKERD_SHIM,
  FAST_START_ENV,
  FAST_START_LOG_PREFIX
} from './containerd-first.js'
import { prepareDindScript } from './scripts/prepare-dind.generated.js'
import { startDindScript } from './scripts/start-dind.generated.js'
import { CGROUP_LINE_PREFIX } from './sidecar-log.js'
import {
  NON_ROOT_MESSAGE,
  STDIN_DELIVERY_ENV,
  STDIN_END_LINE
} from './stdin-delivery.js'

/**
 * Env of the sidecar: `runner` limits a plain-TCP daemon to the runner (see
 * plan.ts and scripts/limit-plain-tcp.sh).
 */
export const PLAIN_TCP_ENV = 'DOCKER_NEST_PLAIN_TCP_FROM'

/** Marker copied last into the cert dir; its presence means all files are there. */
export const CERTS_READY_MARKER = '.docker-nest-ready'
/** Where certificates go inside the sidecar (the official image's default). */
export const CERT_DIR_IN_CONTAINER = '/certs'

/**
 * The dind preparation of moby's hack/dind and the official entrypoint's
 * iptables backend choice, as shell functions (scripts/prepare-dind.sh).
 */
export const PREPARE_FUNCTIONS = prepareDindScript()

/** The sidecar's entrypoint, run as `sh -c` with dockerd's flags as arguments. */
export const STARTUP_SCRIPT = startDindScript({
  CERTS_READY_MARKER,
  CGROUP_LINE_PREFIX,
  CONTAINERD_DIED_LINE,
  CONTAINERD_SOCKET,
  CONTAINERD_STATE_DIR,
  DOCKERD_SHIM,
  FAST_START_ENV,
  FAST_START_LOG_PREFIX,
  NON_ROOT_MESSAGE,
  PLAIN_TCP_ENV,
  STDIN_DELIVERY_ENV,
  STDIN_END_LINE
})
