// Generated from prepare-dind.sh by scripts/embed-shell.mjs; do not edit.
// Edit the .sh file, then run `npm run build` (or the script alone).

/** prepare-dind.sh as the sidecar runs it. */
export function prepareDindScript(): string {
  return `nest_prepare_cgroups() {
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
}
