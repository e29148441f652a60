// Generated from limit-plain-tcp.sh by scripts/embed-shell.mjs; do not edit.
// Edit the .sh file, then run `npm run build` (or the script alone).

/** limit-plain-tcp.sh as the sidecar runs it. */
export function limitPlainTcpScript(): string {
  return `nest_limit_plain_tcp() {
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
}
