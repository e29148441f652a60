#!/usr/bin/env bash
# Prepares a Debian test machine for docker-nest's end-to-end tests.
# Idempotent; run as root:  .ci/setup-docker.sh
#
#   1. installs docker.io, iptables, debootstrap, rsync, busybox-static, jq,
#      openssl, zsh and fish (the CLI's shell tests) and shellcheck (npm run
#      lint) when a command is missing;
#   2. starts dockerd when `docker info` fails (no systemd needed);
#   3. builds the tiny docker-nest-test/busybox image if it is missing;
#   1b. creates the user docker-nest-ci (passwordless sudo, not in the docker
#      group, like a runner user) for the dood permission tests;
#   3b. makes /dev/net/tun mode 0666 (udev's default) for rootless nests;
#   4. probes `docker run --privileged`. Where that fails with "unable to apply
#      caps" (sandboxes whose bounding set lacks CAP_SYS_RESOURCE) it installs
#      the .ci/nest-runc wrapper as the daemon's default runtime and restarts
#      dockerd. On machines where --privileged works nothing is changed.
#
# Build the remaining test images afterwards with .ci/build-test-images.sh.
set -euo pipefail

HERE=$(cd -- "$(dirname -- "$(readlink -f -- "${BASH_SOURCE[0]}")")" && pwd)
readonly HERE
readonly PROBE_IMAGE=docker-nest-test/busybox:latest
readonly WRAPPER=/usr/local/bin/nest-runc
readonly DAEMON_JSON=/etc/docker/daemon.json
readonly DOCKERD_LOG=/var/log/dockerd.log
readonly PACKAGES=(docker.io iptables debootstrap rsync busybox-static jq openssl sudo zsh fish shellcheck)
readonly COMMANDS=(docker dockerd debootstrap rsync busybox jq openssl iptables sudo zsh fish shellcheck)

# this script manages the local daemon, whatever the caller's environment says
unset DOCKER_HOST DOCKER_CONTEXT DOCKER_TLS_VERIFY DOCKER_CERT_PATH
export PATH="$PATH:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"

log() { printf 'setup-docker: %s\n' "$*"; }
die() {
  printf 'setup-docker: ERROR: %s\n' "$*" >&2
  exit 1
}

[[ $(id -u) -eq 0 ]] || die "must run as root"

have_systemd() { [[ -d /run/systemd/system ]] && command -v systemctl >/dev/null; }
docker_ok() { timeout 10 docker info >/dev/null 2>&1; }
wait_docker() { # seconds
  local i
  for ((i = 0; i < $1; i++)); do
    docker_ok && return 0
    sleep 1
  done
  docker_ok
}
log_tail() {
  if [[ -f $DOCKERD_LOG ]]; then
    tail -n 15 "$DOCKERD_LOG" | sed 's/^/  dockerd.log: /' >&2
  fi
}

# pid of the host's dockerd (pid file first; else a dockerd in our own mount
# namespace, so that nested daemons inside containers are never picked)
dockerd_pid() {
  local pid self_ns
  for f in /var/run/docker.pid /run/docker.pid; do
    if [[ -s $f ]]; then
      pid=$(<"$f")
      if [[ -r /proc/$pid/comm && $(<"/proc/$pid/comm") == dockerd ]]; then
        printf '%s\n' "$pid"
        return 0
      fi
    fi
  done
  self_ns=$(readlink /proc/self/ns/mnt)
  for pid in $(pgrep -x dockerd 2>/dev/null || true); do
    if [[ $(readlink "/proc/$pid/ns/mnt" 2>/dev/null) == "$self_ns" ]]; then
      printf '%s\n' "$pid"
      return 0
    fi
  done
  return 1
}

start_dockerd() {
  if have_systemd; then
    log "starting docker.service"
    systemctl start docker
  else
    log "starting dockerd in the background (log: $DOCKERD_LOG)"
    setsid nohup dockerd >>"$DOCKERD_LOG" 2>&1 </dev/null &
  fi
  if ! wait_docker 30; then
    log_tail
    die "dockerd did not answer 'docker info' within 30 s"
  fi
  log "dockerd is up ($(docker info --format '{{.ServerVersion}}'))"
}

restart_dockerd() {
  local pid i
  if have_systemd; then
    log "restarting docker.service"
    systemctl restart docker
  elif pid=$(dockerd_pid); then
    log "stopping dockerd (pid $pid)"
    kill -TERM "$pid"
    for ((i = 0; i < 60; i++)); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 1
    done
    kill -0 "$pid" 2>/dev/null && die "dockerd (pid $pid) did not exit within 60 s"
  fi
  have_systemd || start_dockerd
  wait_docker 30 || {
    log_tail
    die "dockerd did not come back after the restart"
  }
}

probe_privileged() { # prints docker's error output on failure
  timeout 120 docker run --rm --privileged "$PROBE_IMAGE" true 2>&1
}

# ---------------------------------------------------------------------------
# 1. packages
# ---------------------------------------------------------------------------
missing=()
for c in "${COMMANDS[@]}"; do
  command -v "$c" >/dev/null 2>&1 || missing+=("$c")
done
# the busybox image needs the static binary, not just any busybox
if [[ $(dpkg-query -W -f '${db:Status-Status}' busybox-static 2>/dev/null || true) != installed ]]; then
  missing+=(busybox-static)
fi
if ((${#missing[@]})); then
  log "installing packages (missing: ${missing[*]})"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${PACKAGES[@]}" >/dev/null
  for c in "${COMMANDS[@]}"; do
    command -v "$c" >/dev/null 2>&1 || die "$c still missing after apt-get install"
  done
else
  log "packages already installed"
fi

# 1b. a user like the runner user of GitHub-hosted runners: passwordless sudo,
# but (here) not in the docker group, for the dood permission and
# socket-proxy tests
readonly CI_USER=docker-nest-ci
if ! id "$CI_USER" >/dev/null 2>&1; then
  useradd --system --no-create-home --shell /usr/sbin/nologin "$CI_USER"
  log "created user $CI_USER"
fi
if [[ ! -f /etc/sudoers.d/$CI_USER ]]; then
  printf '%s ALL=(ALL) NOPASSWD: ALL\n' "$CI_USER" >"/etc/sudoers.d/$CI_USER.tmp"
  chmod 0440 "/etc/sudoers.d/$CI_USER.tmp"
  mv "/etc/sudoers.d/$CI_USER.tmp" "/etc/sudoers.d/$CI_USER"
  log "gave $CI_USER passwordless sudo"
fi

# ---------------------------------------------------------------------------
# 2. daemon
# ---------------------------------------------------------------------------
if docker_ok; then
  log "dockerd is running ($(docker info --format '{{.ServerVersion}}'))"
elif dockerd_pid >/dev/null; then
  log "dockerd is starting; waiting up to 30 s"
  wait_docker 30 || {
    log_tail
    die "dockerd is running but does not answer 'docker info'"
  }
else
  start_dockerd
fi

# ---------------------------------------------------------------------------
# 3. probe image
# ---------------------------------------------------------------------------
if docker image inspect "$PROBE_IMAGE" >/dev/null 2>&1; then
  log "$PROBE_IMAGE present"
else
  log "building $PROBE_IMAGE"
  "$HERE/build-test-images.sh" "$PROBE_IMAGE"
fi

# ---------------------------------------------------------------------------
# 3b. /dev/net/tun usable by uid 1000 (issue 6, rootless e2e): slirp4netns in
# a dind-rootless sidecar opens it as the rootless user; machines without
# udev leave it 0600, udev's default rule makes it 0666
# ---------------------------------------------------------------------------
if [[ -c /dev/net/tun && $(stat -c %a /dev/net/tun) != 666 ]]; then
  chmod 0666 /dev/net/tun
  log "/dev/net/tun set to 0666 (the udev default) for rootless nests"
fi

# ---------------------------------------------------------------------------
# 4. --privileged probe, runc wrapper if needed
# ---------------------------------------------------------------------------
# The wrapper to install: nest-runc.c compiled where a C compiler is (each
# container start then costs ~45 ms less than with the shell version, which
# real runners never pay either), else the shell version.
wrapper_build() {
  local out
  out=$(mktemp -d "${TMPDIR:-/tmp}/nest-runc.XXXXXX")/nest-runc
  if command -v cc >/dev/null 2>&1 && cc -O2 -Wall -o "$out" "$HERE/nest-runc.c" 2>/dev/null; then
    printf '%s\n' "$out"
  else
    printf '%s\n' "$HERE/nest-runc"
  fi
}
WRAPPER_SOURCE=$(wrapper_build)

default_runtime=$(docker info --format '{{.DefaultRuntime}}')
if out=$(probe_privileged); then
  if [[ $default_runtime == nest-runc ]]; then
    if ! cmp -s "$WRAPPER_SOURCE" "$WRAPPER"; then
      install -m 0755 "$WRAPPER_SOURCE" "$WRAPPER"
      log "updated $WRAPPER"
    fi
    log "docker run --privileged works: runc wrapper applied (already active)"
  else
    log "docker run --privileged works: privileged works natively (no wrapper)"
  fi
  exit 0
fi

log "docker run --privileged failed: $(printf '%s\n' "$out" | grep -v "^Run 'docker" | grep -v '^$' | tail -n 1)"
if [[ $default_runtime == nest-runc ]]; then
  die "--privileged fails although the nest-runc wrapper is already the default runtime"
fi
log "installing the runc wrapper as $WRAPPER (test machines only)"
install -m 0755 "$WRAPPER_SOURCE" "$WRAPPER"

mkdir -p "$(dirname "$DAEMON_JSON")"
if [[ -s $DAEMON_JSON ]]; then
  jq empty "$DAEMON_JSON" 2>/dev/null || die "$DAEMON_JSON is not valid JSON; fix it first"
  [[ -e $DAEMON_JSON.before-nest-runc ]] || cp -p "$DAEMON_JSON" "$DAEMON_JSON.before-nest-runc"
  src=$DAEMON_JSON
else
  src=/dev/null
fi
tmp=$(mktemp "$DAEMON_JSON.XXXXXX")
jq -n --arg path "$WRAPPER" '
  (input? // {})
  | .runtimes = ((.runtimes // {}) + {"nest-runc": {"path": $path}})
  | .["default-runtime"] = "nest-runc"' "$src" >"$tmp"
chmod 0644 "$tmp"
mv -f "$tmp" "$DAEMON_JSON"
log "merged nest-runc into $DAEMON_JSON"

restart_dockerd
default_runtime=$(docker info --format '{{.DefaultRuntime}}')
[[ $default_runtime == nest-runc ]] ||
  die "dockerd restarted but its default runtime is '$default_runtime', not nest-runc (check $DAEMON_JSON)"

if out=$(probe_privileged); then
  log "docker run --privileged works: runc wrapper applied"
else
  printf '%s\n' "$out" | sed 's/^/  docker: /' >&2
  die "docker run --privileged still fails with the nest-runc wrapper; this machine cannot run the DinD tests"
fi
