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
 */
import {
  CONTAINERD_FIRST_FUNCTIONS,
  FAST_START_LOG_PREFIX
} from './containerd-first.js'
import { MTU_SCRIPT } from './mtu.js'
import { CGROUP_LINE_PREFIX } from './sidecar-log.js'
import { STDIN_DELIVERY_ENV, STDIN_READ_FUNCTION } from './stdin-delivery.js'

/** Env of the sidecar: `runner` limits a plain-TCP daemon to the runner (see plan.ts). */
export const PLAIN_TCP_ENV = 'DOCKER_NEST_PLAIN_TCP_FROM'

/**
 * `tls: false`: dockerd listens on 0.0.0.0:2375, and the published port
 * reaches it from the runner's side of the bridge (the default gateway:
 * docker-proxy connects from there, and so does the NAT path). Only that
 * address and loopback may connect; every other container on the bridge
 * gets a reset. The rules go in INPUT, which dockerd leaves alone, with
 * whichever iptables works (legacy and nft rules both apply). Without a
 * gateway or a working iptables the sidecar stops rather than serve every
 * neighbour.
 */
const PLAIN_TCP_FUNCTION = `nest_limit_plain_tcp() {
  nest_gw=
  while read -r _ nest_dest nest_hex _; do
    if [ "$nest_dest" = 00000000 ]; then nest_gw=$nest_hex; break; fi
  done < /proc/net/route || :
  if [ -z "$nest_gw" ]; then
    echo "docker-nest: tls: false: the sidecar has no default route, so the runner's address is unknown; not serving plain TCP to every neighbour. Use TLS (the default)." >&2
    return 1
  fi
  nest_a=\${nest_gw%??????}
  nest_r=\${nest_gw#??}
  nest_b=\${nest_r%????}
  nest_r=\${nest_r#??}
  nest_c=\${nest_r%??}
  nest_d=\${nest_r#??}
  nest_gw=$(printf '%d.%d.%d.%d' "0x$nest_d" "0x$nest_c" "0x$nest_b" "0x$nest_a")
  for nest_ipt in iptables iptables-legacy; do
    if "$nest_ipt" -w -A INPUT -p tcp --dport 2375 -i lo -j ACCEPT 2>/dev/null &&
      "$nest_ipt" -w -A INPUT -p tcp --dport 2375 -s "$nest_gw" -j ACCEPT 2>/dev/null &&
      "$nest_ipt" -w -A INPUT -p tcp --dport 2375 -j REJECT --reject-with tcp-reset 2>/dev/null; then
      echo "docker-nest: tls: false: port 2375 answers only the runner ($nest_gw) and this container" >&2
      return 0
    fi
  done
  echo "docker-nest: tls: false: could not limit port 2375 to the runner (iptables failed); not serving plain TCP to every neighbour. Use TLS (the default)." >&2
  return 1
}
`

/** Marker copied last into the cert dir; its presence means all files are there. */
export const CERTS_READY_MARKER = '.docker-nest-ready'
/** Where certificates go inside the sidecar (the official image's default). */
export const CERT_DIR_IN_CONTAINER = '/certs'

/**
 * The dind preparation of moby's hack/dind, as shell functions: cgroup v2
 * nesting (retried, because a process started meanwhile makes the write fail
 * with EBUSY), securityfs, shared mounts; and the official entrypoint's
 * iptables backend choice (legacy when the host uses legacy tables or nft
 * fails, else nft), whose usual question (does `iptables -nL` work?)
 * `nest_iptables_probe` asks in the background while the certificates are
 * read.
 */
export const PREPARE_FUNCTIONS = `nest_prepare_cgroups() {
  container=docker
  export container
  if [ -f /sys/fs/cgroup/cgroup.controllers ]; then
    mkdir -p /sys/fs/cgroup/init
    tries=0
    while :; do
      xargs -rn1 < /sys/fs/cgroup/cgroup.procs > /sys/fs/cgroup/init/cgroup.procs 2>/dev/null || :
      if sed -e 's/ / +/g' -e 's/^/+/' < /sys/fs/cgroup/cgroup.controllers \\
        > /sys/fs/cgroup/cgroup.subtree_control 2>/dev/null; then
        break
      fi
      tries=$((tries + 1))
      if [ "$tries" -gt 100 ]; then
        echo "docker-nest: could not enable cgroup v2 nesting (cgroup.subtree_control)" >&2
        break
      fi
      sleep 0.05
    done
  fi
}
nest_prepare_mounts() {
  # Both mounts side by side, and no mountpoint process: each costs 5-10 ms
  # while the daemons start. sysfs leaves securityfs's directory empty.
  mount --make-rshared / 2>/dev/null &
  set -- /sys/kernel/security/*
  if [ -d /sys/kernel/security ] && [ ! -e "$1" ]; then
    mount -t securityfs none /sys/kernel/security 2>/dev/null || :
  fi
  wait
}
nest_iptables_legacy() {
  command -v iptables-legacy >/dev/null 2>&1 || return 0
  farm=/usr/local/sbin/.iptables-legacy
  if [ ! -x "$farm/iptables" ]; then
    farm=/run/docker-nest/iptables-legacy
    mkdir -p "$farm"
    for t in iptables iptables-save iptables-restore ip6tables ip6tables-save ip6tables-restore; do
      case $t in
        *-*) l="\${t%%-*}-legacy-\${t#*-}" ;;
        *) l="$t-legacy" ;;
      esac
      p=$(command -v "$l") && ln -sf "$p" "$farm/$t"
    done
  fi
  PATH="$farm:$PATH"
  export PATH
}
nest_legacy_tables_loaded() {
  [ -s /proc/net/ip_tables_names ] || [ -s /proc/net/ip6_tables_names ] ||
    [ -s /proc/net/arp_tables_names ]
}
nest_iptables_probe_pid=
nest_iptables_probe() {
  if [ -z "\${DOCKER_IPTABLES_LEGACY+set}" ] && ! nest_legacy_tables_loaded; then
    iptables -nL >/dev/null 2>&1 &
    nest_iptables_probe_pid=$!
  fi
}
nest_iptables_works() {
  if [ -n "$nest_iptables_probe_pid" ]; then
    wait "$nest_iptables_probe_pid"
  else
    iptables -nL >/dev/null 2>&1
  fi
}
nest_select_iptables() {
  if [ -n "\${DOCKER_IPTABLES_LEGACY+set}" ]; then
    if [ -n "$DOCKER_IPTABLES_LEGACY" ]; then
      modprobe ip_tables >/dev/null 2>&1 || :
      nest_iptables_legacy
    else
      modprobe nf_tables >/dev/null 2>&1 || :
    fi
  elif nest_legacy_tables_loaded; then
    nest_iptables_legacy
  elif ! nest_iptables_works; then
    modprobe nf_tables >/dev/null 2>&1 || :
    if ! iptables -nL >/dev/null 2>&1; then
      modprobe ip_tables >/dev/null 2>&1 || :
      if iptables-legacy -nL >/dev/null 2>&1; then nest_iptables_legacy; fi
    fi
  fi
}
`

/**
 * The script's uid from /proc/self/status (built-ins only: each process
 * spawned here delays dockerd), `id -u` where /proc cannot tell.
 */
const UID_SCRIPT = `nest_uid=
while read -r nest_k nest_v _; do
  if [ "$nest_k" = Uid: ]; then nest_uid=$nest_v; break; fi
done < /proc/self/status || :
[ -n "$nest_uid" ] || nest_uid=$(id -u)`

/** The cgroup version dockerd will see, for main's report (sidecar-log.ts); built-ins only. */
const CGROUP_SCRIPT = `if [ -f /sys/fs/cgroup/cgroup.controllers ]; then
  echo "${CGROUP_LINE_PREFIX}2" >&2
else
  echo "${CGROUP_LINE_PREFIX}1" >&2
fi`

export const STARTUP_SCRIPT = `set -eu
${UID_SCRIPT}
${CGROUP_SCRIPT}
${MTU_SCRIPT}
unset DOCKER_HOST DOCKER_TLS_VERIFY DOCKER_CERT_PATH DOCKER_DRIVER DOCKER_CONTEXT
${PREPARE_FUNCTIONS}${CONTAINERD_FIRST_FUNCTIONS}${STDIN_READ_FUNCTION}${PLAIN_TCP_FUNCTION}nest_official=
if command -v dockerd-entrypoint.sh >/dev/null 2>&1; then
  nest_official=1
elif [ "$nest_uid" != 0 ]; then
  # Only the official entrypoint knows how to start rootless dockerd.
  echo "docker-nest: the image runs as uid $nest_uid but has no dockerd-entrypoint.sh (rootless needs the docker:<version>-dind-rootless contract)" >&2
  exit 126
elif ! command -v dockerd >/dev/null 2>&1; then
  echo "docker-nest: dockerd: not found on PATH in this image" >&2
  exit 127
fi
nest_fast=
if nest_ctr_eligible "$@"; then nest_fast=1; fi
# The official entrypoint prepares the sidecar itself, unless fast start
# runs dockerd without it (below). containerd starts as early as it may:
# after the cgroup v2 nesting (its start spawns processes into the root
# cgroup, which would make enabling the controllers fail), before the rest.
nest_own_prepare=
if [ -n "$nest_fast" ] || [ -z "$nest_official" ]; then nest_own_prepare=1; fi
if [ -n "$nest_own_prepare" ]; then nest_prepare_cgroups; fi
if [ -n "$nest_fast" ]; then nest_ctr_start; fi
# The mounts and the iptables probe go on in the background while this
# shell reads the certificates (each is a few ms of processes or
# byte-by-byte reads on the way to dockerd); joined before dockerd starts.
nest_mounts_pid=
if [ -n "$nest_own_prepare" ]; then
  nest_prepare_mounts &
  nest_mounts_pid=$!
  nest_iptables_probe
  for nest_pid_file in /var/run/docker.pid /run/docker.pid /var/run/docker/containerd/containerd.pid; do
    if [ -e "$nest_pid_file" ]; then rm -f "$nest_pid_file"; fi
  done
fi
if [ "\${${STDIN_DELIVERY_ENV}:-}" = stdin ]; then
  unset ${STDIN_DELIVERY_ENV}
  nest_read_stdin
fi
if [ -n "$nest_own_prepare" ]; then nest_select_iptables; fi
ready=\${DOCKER_TLS_CERTDIR:-}
if [ -z "$ready" ] && [ -n "\${DOCKER_NEST_CONFIG_FILE:-}" ]; then
  ready=\${DOCKER_NEST_CONFIG_FILE%/*}
fi
if [ -n "$ready" ]; then
  n=0
  while [ ! -e "$ready/${CERTS_READY_MARKER}" ]; do
    n=$((n + 1))
    if [ "$n" -gt 12000 ]; then
      echo "docker-nest: certificates never arrived in $ready" >&2
      exit 90
    fi
    sleep 0.01
  done
fi
if [ -n "\${DOCKER_NEST_CONFIG_FILE:-}" ]; then
  set -- "--config-file=$DOCKER_NEST_CONFIG_FILE" "$@"
fi
if [ -n "$nest_mounts_pid" ]; then wait "$nest_mounts_pid" || :; fi
nest_ctr_handoff
if [ -n "\${${PLAIN_TCP_ENV}:-}" ]; then nest_limit_plain_tcp || exit 91; fi
unset ${PLAIN_TCP_ENV}
if [ -n "$nest_official" ]; then
  if [ -z "$nest_ctr_pid" ] || ! command -v docker-init >/dev/null 2>&1; then
    exec dockerd-entrypoint.sh "$@"
  fi
  # Fast start: what the entrypoint would still do for a root dockerd is
  # done above (hack/dind's steps, iptables backend, stale pid files; the
  # certificates are ours, nothing to verify) but hack/dind's tmpfs on
  # /tmp, which nothing needs before dockerd runs.
  { mountpoint -q /tmp || mount -t tmpfs none /tmp; } >/dev/null 2>&1 &
  echo "${FAST_START_LOG_PREFIX}: dockerd runs under docker-init without the image's entrypoint (its steps are done)" >&2
fi
if [ -n "\${DOCKER_TLS_CERTDIR:-}" ]; then
  d=$DOCKER_TLS_CERTDIR/server
  set -- --host=tcp://0.0.0.0:2376 --tlsverify "--tlscacert=$d/ca.pem" "--tlscert=$d/cert.pem" "--tlskey=$d/key.pem" "$@"
else
  set -- --host=tcp://0.0.0.0:2375 "$@"
fi
if [ -n "$nest_ctr_direct" ]; then
  # Fast start without the shim: the watch starts here, dockerd is the
  # real one (nest_ctr_direct implies docker-init, which runs it below).
  set -- "$@" "--containerd=$nest_ctr_sock"
  nest_ctr_watch &
fi
# The TCP listener first: dockerd 20.10 builds each listener's router in
# turn (~10 ms each) and serves the first one first; main waits on TCP.
set -- dockerd "$@" --host=unix:///var/run/docker.sock
if command -v docker-init >/dev/null 2>&1; then
  exec docker-init -- "$@"
fi
exec "$@"
`
