// Generated from mtu-flags.sh by scripts/embed-shell.mjs; do not edit.
// Edit the .sh file, then run `npm run build` (or the script alone).

/** mtu-flags.sh as the sidecar runs it. */
export function mtuFlagsScript(): string {
  return `if [ -n "\${DOCKER_NEST_INNER_MTU:-}" ]; then
  mtu=\${DOCKER_NEST_INNER_MTU#auto:}
  if [ "$mtu" != "$DOCKER_NEST_INNER_MTU" ]; then
    eth0=
    if [ -r /sys/class/net/eth0/mtu ]; then read -r eth0 < /sys/class/net/eth0/mtu || :; fi
    if [ -n "$eth0" ] && { [ -z "$mtu" ] || [ "$eth0" -lt "$mtu" ]; }; then mtu=$eth0; fi
    if [ -n "$mtu" ] && [ "$mtu" -ge 1500 ]; then mtu=; fi
  fi
  if [ -n "$mtu" ]; then
    # The official images carry ENV DOCKER_VERSION; asking dockerd costs 0.1-0.3 s.
    v=\${DOCKER_VERSION:-}
    if [ -z "$v" ]; then v=$(dockerd --version 2>/dev/null) || v=; fi
    major=\${v#Docker version }
    major=\${major%%.*}
    case $major in ''|*[!0-9]*) major=0 ;; esac
    if [ "$major" -ge 24 ]; then
      set -- "--default-network-opt=bridge=com.docker.network.driver.mtu=$mtu" "$@"
    fi
    set -- "--mtu=$mtu" "$@"
    echo "docker-nest: MTU $mtu for dockerd \${v:-(version unknown)}" >&2
  fi
fi
unset DOCKER_NEST_INNER_MTU
`
}
