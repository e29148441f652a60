# shellcheck shell=sh
# The dockerd flags for the MTU, prepended to the start script's arguments
# (a top-level snippet, not a function: it runs `set --` on them).
#
# DOCKER_NEST_INNER_MTU is a number (input `mtu`) or `auto:<runner MTU>`
# (the runner's part may be empty). For auto the smaller of the runner's and
# the sidecar's own eth0 MTU is taken (the path inner traffic really takes;
# in a container job eth0 is on the job's network) and applied only below
# 1500, dockerd's default. It runs first, while main still signs the server
# certificate. `--default-network-opt` gives user networks (compose) the MTU
# too, but exists only from Docker 24: older daemons get `--mtu` alone,
# which covers the default bridge and builds.

if [ -n "${DOCKER_NEST_INNER_MTU:-}" ]; then
  mtu=${DOCKER_NEST_INNER_MTU#auto:}
  if [ "$mtu" != "$DOCKER_NEST_INNER_MTU" ]; then
    eth0=
    if [ -r /sys/class/net/eth0/mtu ]; then read -r eth0 < /sys/class/net/eth0/mtu || :; fi
    if [ -n "$eth0" ] && { [ -z "$mtu" ] || [ "$eth0" -lt "$mtu" ]; }; then mtu=$eth0; fi
    if [ -n "$mtu" ] && [ "$mtu" -ge 1500 ]; then mtu=; fi
  fi
  if [ -n "$mtu" ]; then
    # The official images carry ENV DOCKER_VERSION; asking dockerd costs 0.1-0.3 s.
    v=${DOCKER_VERSION:-}
    if [ -z "$v" ]; then v=$(dockerd --version 2>/dev/null) || v=; fi
    major=${v#Docker version }
    major=${major%%.*}
    case $major in ''|*[!0-9]*) major=0 ;; esac
    if [ "$major" -ge 24 ]; then
      set -- "--default-network-opt=bridge=com.docker.network.driver.mtu=$mtu" "$@"
    fi
    set -- "--mtu=$mtu" "$@"
    echo "docker-nest: MTU $mtu for dockerd ${v:-(version unknown)}" >&2
  fi
fi
unset DOCKER_NEST_INNER_MTU
