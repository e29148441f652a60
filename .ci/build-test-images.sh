#!/usr/bin/env bash
# Builds docker-nest's local test images. No image registry is reachable on
# the test machines, so every image is made from local material only:
# Debian's busybox-static, debootstrap root file systems, `docker import`,
# and `docker build` FROM those local images (the classic builder).
#
#   .ci/build-test-images.sh                 build what is missing or outdated
#   .ci/build-test-images.sh --force         rebuild all images (cached rootfs reused)
#   .ci/build-test-images.sh --force-rootfs  also re-run debootstrap
#   .ci/build-test-images.sh --list          print the managed image tags
#   .ci/build-test-images.sh TAG...          only these images (+ their bases)
#
# An image is skipped when its tag exists and carries the label
#   docker-nest.fixture-hash=<sha256 of this script + __tests__/fixtures/images/*>
# The debootstrap root file systems are cached under $DOCKER_NEST_FIXTURE_CACHE
# (default /var/cache/docker-nest-fixtures), keyed by their debootstrap
# parameters, so rebuilding an image does not need a new debootstrap.
# The Debian mirror is read from this machine's apt configuration at run time
# (override: DOCKER_NEST_DEBIAN_MIRROR). Needs root for debootstrap/chroot;
# run .ci/setup-docker.sh first on a fresh machine.
# See __tests__/fixtures/README.md for what each image is for.
set -euo pipefail

# `docker build` must work offline: the classic builder never contacts a
# registry for a local FROM image (and buildx may not even be installed).
export DOCKER_BUILDKIT=0

SCRIPT=$(readlink -f -- "${BASH_SOURCE[0]}")
REPO_ROOT=$(cd -- "$(dirname -- "$SCRIPT")/.." && pwd)
FIXTURES_REL=__tests__/fixtures/images
FIXTURES=$REPO_ROOT/$FIXTURES_REL
CACHE_DIR=${DOCKER_NEST_FIXTURE_CACHE:-/var/cache/docker-nest-fixtures}

readonly P=docker-nest-test
readonly LABEL_HASH=docker-nest.fixture-hash
readonly LABEL_VERSION=docker-nest.docker-version
readonly PATH_VALUE=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
# Packages for the Debian images (debootstrap --include): bookworm ships
# Docker 20.10, trixie Docker 26, forky Docker 28 (containerd 2, runc 1.3).
# From trixie on the docker CLI is a separate package (docker-cli, only a
# Recommends of docker.io, which debootstrap does not install), so it is
# added there explicitly.
readonly DEB_INCLUDE=docker.io,iptables,openssl,procps,tini,kmod,ca-certificates
declare -A SUITE_EXTRA=([trixie]=docker-cli [forky]=docker-cli)
# debootstrap scripts by suite where the host's debootstrap has none of the
# suite's own name (bookworm's debootstrap predates forky; sid's script fits)
declare -A SUITE_SCRIPT=([forky]=sid)

# tag | kind | suite-or-base
readonly IMAGE_TABLE="
$P/busybox:latest|busybox|
$P/debian-docker:forky|rootfs|forky
$P/dind:28|dind|$P/debian-docker:forky
$P/dockerd:28|dockerd|$P/debian-docker:forky
$P/dind-rootless:28|rootless|forky
$P/dockerd-unprivileged:28|unprivileged|$P/dockerd:28
$P/dockerd-no-init:28|noinit|$P/dockerd:28
$P/debian-docker:trixie|rootfs|trixie
$P/dind:26|dind|$P/debian-docker:trixie
$P/dockerd:26|dockerd|$P/debian-docker:trixie
$P/debian-docker:bookworm|rootfs|bookworm
$P/dind:20|dind|$P/debian-docker:bookworm
$P/dockerd:20|dockerd|$P/debian-docker:bookworm
$P/dockerd-exits:latest|exits|$P/busybox:latest
$P/clients:trixie|clients|trixie
"
# The client tools the e2e client tests run (issue 8), installed on top of
# the suite's rootfs: docker CLI plugins buildx and compose v2, docker-py.
readonly CLIENT_PACKAGES=docker-buildx,docker-compose,python3-docker
# apt-get update in a chroot: a testing suite's Release file carries a
# Valid-Until date, and a mirror that is a snapshot serves it expired
readonly APT_UPDATE='apt-get -o Acquire::Check-Valid-Until=false update'

# expected Docker major version per suite (sanity check only)
declare -A SUITE_MAJOR=([bookworm]=20 [trixie]=26 [forky]=28)

log() { printf 'test-images: %s\n' "$*"; }
die() {
  printf 'test-images: ERROR: %s\n' "$*" >&2
  exit 1
}

usage() { sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$SCRIPT"; }

all_tags() { awk -F'|' 'NF { print $1 }' <<<"$IMAGE_TABLE"; }
field() { # tag column
  awk -F'|' -v t="$1" -v c="$2" '$1 == t { print $c }' <<<"$IMAGE_TABLE"
}

now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1fs", b - a }'; }

# ---------------------------------------------------------------------------
# arguments
# ---------------------------------------------------------------------------
FORCE=0
FORCE_ROOTFS=0
SELECTED=()
while (($#)); do
  case $1 in
    --list)
      all_tags
      exit 0
      ;;
    --force) FORCE=1 ;;
    --force-rootfs) FORCE=1 FORCE_ROOTFS=1 ;;
    -h | --help)
      usage
      exit 0
      ;;
    -*) die "unknown option $1 (see --help)" ;;
    *)
      [[ -n $(field "$1" 1) ]] || die "unknown image $1 (see --list)"
      SELECTED+=("$1")
      ;;
  esac
  shift
done

# the selection plus its bases, in build order
declare -A WANT=()
if ((${#SELECTED[@]} == 0)); then
  for t in $(all_tags); do WANT[$t]=1; done
else
  for t in "${SELECTED[@]}"; do
    WANT[$t]=1
    base=$(field "$t" 3)
    case $(field "$t" 2) in
      dind | dockerd | exits | unprivileged | noinit) WANT[$base]=1 ;;
      clients | rootless) [[ ${DOCKER_NEST_FIXTURE_SOURCE:-} != registry ]] || WANT[$P/debian-docker:$base]=1 ;;
    esac
  done
fi

# ---------------------------------------------------------------------------
# prerequisites
# ---------------------------------------------------------------------------
command -v docker >/dev/null || die "docker CLI not found (run .ci/setup-docker.sh)"
docker info >/dev/null 2>&1 || die "cannot reach the Docker daemon (run .ci/setup-docker.sh)"

mkdir -p "$CACHE_DIR"
# one build at a time per machine (parallel CI jobs share the cache)
exec 9>"$CACHE_DIR/.lock"
flock 9

FIXTURE_HASH=$(
  cd "$REPO_ROOT"
  {
    printf '%s\0' .ci/build-test-images.sh
    find "$FIXTURES_REL" -type f -print0 | LC_ALL=C sort -z
  } | xargs -0 sha256sum | sha256sum | cut -d' ' -f1
)
readonly FIXTURE_HASH

declare -A ROOTFS_DONE=()
WORK=$(mktemp -d "${TMPDIR:-/tmp}/docker-nest-images.XXXXXX")
OLD_IDS=()
ROOTFS=
cleanup() { rm -rf --one-file-system -- "$WORK"; }
trap cleanup EXIT

image_id() { docker image inspect --format '{{.Id}}' "$1" 2>/dev/null || true; }
image_hash() {
  docker image inspect --format "{{ index .Config.Labels \"$LABEL_HASH\" }}" "$1" 2>/dev/null || true
}
is_current() { ((FORCE == 0)) && [[ $(image_hash "$1") == "$FIXTURE_HASH" ]]; }

# docker build with the output kept quiet unless it fails
build_ctx() { # tag context-dir
  if ! docker build --quiet --tag "$1" "$2" >"$WORK/build.log" 2>&1; then
    cat "$WORK/build.log" >&2
    die "docker build of $1 failed"
  fi
}

# ---------------------------------------------------------------------------
# Debian mirror from the apt configuration (never hard-coded)
# ---------------------------------------------------------------------------
apt_mirror() {
  if [[ -n ${DOCKER_NEST_DEBIAN_MIRROR:-} ]]; then
    printf '%s\n' "$DOCKER_NEST_DEBIAN_MIRROR"
    return 0
  fi
  local codename="" f
  codename=$(. /etc/os-release 2>/dev/null && printf '%s' "${VERSION_CODENAME:-}") || true
  # a suite named like the host release (or stable/testing/unstable/sid): this
  # skips -security/-updates/-backports and third-party repositories
  local suite_re="^(${codename:-bookworm}|stable|testing|unstable|sid|trixie|bookworm|bullseye)\$"
  {
    for f in /etc/apt/sources.list.d/debian.sources /etc/apt/sources.list.d/*.sources; do
      [[ -f $f ]] || continue
      awk -v re="$suite_re" '
        function flush(   n, s, i, u) {
          if (types ~ /(^|[ \t])deb([ \t]|$)/ && enabled !~ /^(no|false)$/ && uris != "") {
            n = split(suites, s, /[ \t]+/)
            for (i = 1; i <= n; i++) if (s[i] ~ re) { split(uris, u, /[ \t]+/); print u[1]; break }
          }
          types = suites = uris = enabled = ""
        }
        /^[ \t]*#/ { next }
        /^[ \t]*$/ { flush(); next }
        {
          key = tolower($1); val = $0; sub(/^[^:]*:[ \t]*/, "", val)
          if (key == "types:") types = val
          else if (key == "uris:") uris = val
          else if (key == "suites:") suites = val
          else if (key == "enabled:") enabled = tolower(val)
        }
        END { flush() }' "$f"
    done
    for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
      [[ -f $f ]] || continue
      awk -v re="$suite_re" '
        $1 == "deb" {
          i = 2
          if ($i ~ /^\[/) { while (i <= NF && $i !~ /\]$/) i++; i++ }
          if ($(i + 1) ~ re) print $i
        }' "$f"
    done
  } | awk '/^(https?|ftp|file):/' | head -n1
}

# ---------------------------------------------------------------------------
# builders
# ---------------------------------------------------------------------------
build_busybox() { # tag
  local tag=$1 root=$WORK/busybox-root bb applet
  bb=$(command -v busybox || true)
  [[ -n $bb ]] || die "busybox not found (apt-get install busybox-static, or run .ci/setup-docker.sh)"
  bb=$(readlink -f "$bb")
  if ! grep -Eq 'not a dynamic executable|statically linked' <<<"$(LC_ALL=C ldd "$bb" 2>&1 || true)"; then
    die "$bb is not statically linked (install busybox-static)"
  fi
  rm -rf "$root"
  mkdir -p "$root"/{bin,etc,root,tmp,proc,sys,dev,var/run,usr/local/bin}
  chmod 1777 "$root/tmp"
  chmod 0700 "$root/root"
  install -m 0755 "$bb" "$root/bin/busybox"
  if ! chroot "$root" /bin/busybox --install -s /bin 2>/dev/null; then
    for applet in $("$root/bin/busybox" --list); do
      [[ -e $root/bin/$applet ]] || ln -s /bin/busybox "$root/bin/$applet"
    done
  fi
  printf '%s\n' 'root:x:0:0:root:/root:/bin/sh' 'nobody:x:65534:65534:nobody:/nonexistent:/bin/false' \
    >"$root/etc/passwd"
  printf '%s\n' 'root:x:0:' 'nogroup:x:65534:' >"$root/etc/group"
  tar --numeric-owner -C "$root" -c . |
    docker import \
      --change 'CMD ["sh"]' \
      --change "ENV PATH=$PATH_VALUE" \
      --change "LABEL $LABEL_HASH=$FIXTURE_HASH" \
      - "$tag" >/dev/null
}

# ensure_rootfs SUITE: sets ROOTFS to the cached rootfs directory (debootstraps
# it first when missing or built with other parameters)
ensure_rootfs() {
  local suite=$1 dir=$CACHE_DIR/rootfs-$1 params mirror t0 m include script
  include=$DEB_INCLUDE${SUITE_EXTRA[$suite]:+,${SUITE_EXTRA[$suite]}}
  params="suite=$suite variant=minbase include=$include arch=$(dpkg --print-architecture)"
  # --force-rootfs debootstraps each suite once per run, not once per image
  if [[ -n ${ROOTFS_DONE[$suite]:-} || ${FORCE_ROOTFS} == 0 ]] && [[ -f $dir.params && $(<"$dir.params") == "$params" && -d $dir/usr ]]; then
    log "rootfs $suite: cached in $dir"
    ROOTFS=$dir
    return 0
  fi
  [[ $(id -u) -eq 0 ]] || die "debootstrap needs root"
  command -v debootstrap >/dev/null || die "debootstrap not found (run .ci/setup-docker.sh)"
  mirror=$(apt_mirror)
  [[ -n $mirror ]] || die "no Debian mirror found in the apt configuration (set DOCKER_NEST_DEBIAN_MIRROR)"
  t0=$(now)
  log "rootfs $suite: debootstrap --variant=minbase --include=$include (log: $CACHE_DIR/debootstrap-$suite.log)"
  # a failed earlier attempt may have left /proc, /sys mounted in the temp dir
  if [[ -d $dir.tmp ]]; then
    for m in $(awk -v d="$dir.tmp" 'index($5, d "/") == 1 { print $5 }' /proc/self/mountinfo | sort -r); do
      umount -l "$m" || true
    done
    rm -rf --one-file-system -- "$dir.tmp"
  fi
  script=${SUITE_SCRIPT[$suite]:+/usr/share/debootstrap/scripts/${SUITE_SCRIPT[$suite]}}
  # shellcheck disable=SC2086 # no script argument when the suite has its own
  if ! debootstrap --variant=minbase --include="$include" "$suite" "$dir.tmp" "$mirror" $script \
    >"$CACHE_DIR/debootstrap-$suite.log" 2>&1; then
    tail -n 20 "$CACHE_DIR/debootstrap-$suite.log" >&2
    die "debootstrap of $suite failed"
  fi
  # keep it small and free of host details
  rm -rf "$dir.tmp"/var/cache/apt/archives/*.deb "$dir.tmp"/var/cache/apt/*.bin \
    "$dir.tmp"/var/lib/apt/lists/* "$dir.tmp"/usr/share/doc/* "$dir.tmp"/usr/share/man/* \
    "$dir.tmp"/usr/share/info/* "$dir.tmp"/var/log/bootstrap.log
  mkdir -p "$dir.tmp/var/lib/apt/lists/partial"
  : >"$dir.tmp/etc/hostname"
  : >"$dir.tmp/etc/resolv.conf"
  # debootstrap wrote the mirror into the image's apt sources: drop it (the
  # images are used offline, and no mirror name belongs in them)
  printf '# intentionally empty: docker-nest test image, built offline\n' >"$dir.tmp/etc/apt/sources.list"
  check_rootfs "$suite" "$dir.tmp"
  rm -rf --one-file-system -- "$dir"
  mv -- "$dir.tmp" "$dir"
  printf '%s\n' "$params" >"$dir.params"
  log "rootfs $suite: debootstrapped in $(since "$t0") ($(du -sh "$dir" | cut -f1))"
  ROOTFS_DONE[$suite]=1
  ROOTFS=$dir
}

check_rootfs() { # suite dir
  local b missing=()
  for b in dockerd containerd docker-init runc docker iptables iptables-legacy openssl; do
    chroot "$2" /usr/bin/env PATH="$PATH_VALUE" sh -c "command -v $b" >/dev/null 2>&1 || missing+=("$b")
  done
  ((${#missing[@]} == 0)) || die "rootfs $1 lacks: ${missing[*]}"
  [[ ! -e $2/usr/local/bin/dockerd-entrypoint.sh ]] || die "rootfs $1 must not contain dockerd-entrypoint.sh"
}

docker_version_of() { # rootfs dir
  dpkg-query --admindir="$1/var/lib/dpkg" -W -f '${Version}' docker.io 2>/dev/null || echo unknown
}

# Where the Debian bases come from: 'debootstrap' (default; works with only
# Debian's package archive reachable, as on the team's test machines) or
# 'registry' (GitHub-hosted runners: FROM debian:<suite> on Docker Hub).
readonly FIXTURE_SOURCE=${DOCKER_NEST_FIXTURE_SOURCE:-debootstrap}

build_base_from_registry() { # tag suite
  local tag=$1 suite=$2 packages version
  packages="${DEB_INCLUDE//,/ } ${SUITE_EXTRA[$suite]:-}"
  printf 'FROM debian:%s\nRUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends %s && rm -rf /var/lib/apt/lists/*\nCMD ["sh"]\n' \
    "$suite" "$packages" |
    docker build --quiet --label "$LABEL_HASH=$FIXTURE_HASH" --tag "$tag" - >/dev/null
  version=$(docker run --rm "$tag" dpkg-query -W -f '${Version}' docker.io)
  log "$tag: docker.io $version (from debian:$suite)"
}

build_base() { # tag suite
  local tag=$1 suite=$2 dir version
  if [[ $FIXTURE_SOURCE == registry ]]; then
    build_base_from_registry "$tag" "$suite"
    return
  fi
  ensure_rootfs "$suite"
  dir=$ROOTFS
  version=$(docker_version_of "$dir")
  if [[ $version != "${SUITE_MAJOR[$suite]:-x}".* ]]; then
    log "warning: $suite ships docker.io $version, expected ${SUITE_MAJOR[$suite]:-?}.x"
  fi
  tar --numeric-owner -C "$dir" -c . |
    docker import \
      --change 'CMD ["sh"]' \
      --change "ENV PATH=$PATH_VALUE" \
      --change "LABEL $LABEL_HASH=$FIXTURE_HASH" \
      --change "LABEL $LABEL_VERSION=$version" \
      - "$tag" >/dev/null
  log "$tag: docker.io $version"
}

# ensure_clients_rootfs SUITE: sets ROOTFS to a cached copy of the suite's
# rootfs with $CLIENT_PACKAGES installed (apt-get in a chroot, keyed like
# ensure_rootfs), so a changed script re-imports it without downloading.
ensure_clients_rootfs() {
  local suite=$1 base dir params mirror t0
  ensure_rootfs "$suite"
  base=$ROOTFS
  dir=$CACHE_DIR/rootfs-$suite-clients
  params="$(<"$base.params") clients=$CLIENT_PACKAGES"
  if ((FORCE_ROOTFS == 0)) && [[ -f $dir.params && $(<"$dir.params") == "$params" && -d $dir/usr ]]; then
    log "rootfs $suite-clients: cached in $dir"
    ROOTFS=$dir
    return 0
  fi
  [[ $(id -u) -eq 0 ]] || die "apt-get in a chroot needs root"
  mirror=$(apt_mirror)
  [[ -n $mirror ]] || die "no Debian mirror found in the apt configuration (set DOCKER_NEST_DEBIAN_MIRROR)"
  t0=$(now)
  rm -rf --one-file-system -- "$dir.tmp"
  cp -a -- "$base" "$dir.tmp"
  printf 'deb %s %s main\n' "$mirror" "$suite" >"$dir.tmp/etc/apt/sources.list"
  cp -- /etc/resolv.conf "$dir.tmp/etc/resolv.conf"
  if ! {
    chroot "$dir.tmp" $APT_UPDATE &&
      DEBIAN_FRONTEND=noninteractive chroot "$dir.tmp" \
        apt-get install -y --no-install-recommends ${CLIENT_PACKAGES//,/ }
  } >"$CACHE_DIR/apt-$suite-clients.log" 2>&1; then
    tail -n 20 "$CACHE_DIR/apt-$suite-clients.log" >&2
    die "apt-get install of $CLIENT_PACKAGES in $suite failed"
  fi
  rm -rf "$dir.tmp"/var/cache/apt/archives/*.deb "$dir.tmp"/var/cache/apt/*.bin \
    "$dir.tmp"/var/lib/apt/lists/* "$dir.tmp"/usr/share/doc/* "$dir.tmp"/usr/share/man/*
  mkdir -p "$dir.tmp/var/lib/apt/lists/partial"
  : >"$dir.tmp/etc/resolv.conf"
  printf '# intentionally empty: docker-nest test image, built offline\n' >"$dir.tmp/etc/apt/sources.list"
  rm -rf --one-file-system -- "$dir"
  mv -- "$dir.tmp" "$dir"
  printf '%s\n' "$params" >"$dir.params"
  log "rootfs $suite-clients: installed in $(since "$t0") ($(du -sh "$dir" | cut -f1))"
  ROOTFS=$dir
}

# client tools (docker CLI + buildx + compose v2, docker-py) to run against a
# nest: `docker run --network host` with the cert dir or socket mounted
build_clients() { # tag suite
  local tag=$1 suite=$2
  if [[ $FIXTURE_SOURCE == registry ]]; then
    printf 'FROM %s\nRUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends %s && rm -rf /var/lib/apt/lists/*\n' \
      "$P/debian-docker:$suite" "${CLIENT_PACKAGES//,/ }" |
      docker build --quiet --label "$LABEL_HASH=$FIXTURE_HASH" --tag "$tag" - >/dev/null
    return
  fi
  ensure_clients_rootfs "$suite"
  tar --numeric-owner -C "$ROOTFS" -c . |
    docker import \
      --change 'CMD ["sh"]' \
      --change "ENV PATH=$PATH_VALUE" \
      --change "LABEL $LABEL_HASH=$FIXTURE_HASH" \
      - "$tag" >/dev/null
}

# the docker:dind contract: our entrypoint, TLS under /certs by default
build_dind() { # tag base
  local ctx=$WORK/ctx-dind version
  # docker:dind carries ENV DOCKER_VERSION (from docker:cli); so does the fixture.
  version=$(docker image inspect "$2" --format "{{index .Config.Labels \"$LABEL_VERSION\"}}" 2>/dev/null || :)
  version=${version%%+*}
  rm -rf "$ctx"
  mkdir -p "$ctx"
  install -m 0755 "$FIXTURES/dockerd-entrypoint.sh" "$ctx/dockerd-entrypoint.sh"
  cat >"$ctx/Dockerfile" <<EOF
FROM $2
COPY dockerd-entrypoint.sh /usr/local/bin/dockerd-entrypoint.sh
# /certs like docker:dind (mode 1777 so volumes copied up from it are writable),
# and the iptables-legacy symlink farm the entrypoint switches to
RUN set -eu; \\
    mkdir -p /certs /certs/client; chmod 1777 /certs /certs/client; \\
    farm=/usr/local/sbin/.iptables-legacy; mkdir -p "\$farm"; \\
    for t in iptables iptables-save iptables-restore ip6tables ip6tables-save ip6tables-restore; do \\
      case "\$t" in *-*) l="\${t%%-*}-legacy-\${t#*-}" ;; *) l="\$t-legacy" ;; esac; \\
      ln -sf "\$(command -v "\$l")" "\$farm/\$t"; \\
    done
ENV DOCKER_TLS_CERTDIR=/certs
ENV PATH=$PATH_VALUE
${version:+ENV DOCKER_VERSION=$version}
VOLUME /var/lib/docker
EXPOSE 2375 2376
ENTRYPOINT ["dockerd-entrypoint.sh"]
CMD []
LABEL $LABEL_HASH=$FIXTURE_HASH
EOF
  build_ctx "$1" "$ctx"
}

# the "plain image" contract: dockerd on PATH, no entrypoint, no TLS defaults
build_dockerd() { # tag base
  local ctx=$WORK/ctx-dockerd
  rm -rf "$ctx"
  mkdir -p "$ctx"
  cat >"$ctx/Dockerfile" <<EOF
FROM $2
ENV PATH=$PATH_VALUE
VOLUME /var/lib/docker
CMD ["sh"]
LABEL $LABEL_HASH=$FIXTURE_HASH
EOF
  build_ctx "$1" "$ctx"
}

# a "dockerd" that dies at once with a typical iptables start-up error
build_exits() { # tag base
  local ctx=$WORK/ctx-exits
  rm -rf "$ctx"
  mkdir -p "$ctx"
  cat >"$ctx/dockerd" <<'EOF'
#!/bin/sh
# docker-nest test fixture: a dockerd that fails like a real one on a host
# without the iptables nat table.
cat >&2 <<'MSG'
failed to start daemon: Error initializing network controller: error obtaining controller instance: failed to create NAT chain DOCKER: iptables failed: iptables -t nat -N DOCKER: iptables v1.8.9 (legacy): can't initialize iptables table `nat': Table does not exist (do you need to insmod?)
MSG
exit 1
EOF
  chmod 0755 "$ctx/dockerd"
  cat >"$ctx/Dockerfile" <<EOF
FROM $2
COPY dockerd /usr/local/bin/dockerd
LABEL $LABEL_HASH=$FIXTURE_HASH
EOF
  build_ctx "$1" "$ctx"
}

# a real dockerd that runs without CAP_SYS_ADMIN and CAP_NET_ADMIN, as on a
# runner that refuses privileged containers (mounts and iptables fail)
build_unprivileged() { # tag base
  local ctx=$WORK/ctx-unprivileged
  rm -rf "$ctx"
  mkdir -p "$ctx"
  cat >"$ctx/dockerd" <<'EOF'
#!/bin/sh
# docker-nest test fixture: dockerd without the capabilities --privileged
# grants, so it fails like a sidecar whose runner refused --privileged.
exec setpriv --bounding-set -sys_admin,-net_admin /usr/sbin/dockerd "$@"
EOF
  chmod 0755 "$ctx/dockerd"
  cat >"$ctx/Dockerfile" <<EOF
FROM $2
COPY dockerd /usr/local/bin/dockerd
LABEL $LABEL_HASH=$FIXTURE_HASH
EOF
  build_ctx "$1" "$ctx"
}

# Issue 6: the docker:<ver>-dind-rootless contract (reference dind.md §1.1,
# §1.10): uid 1000 'rootless' with subuid/subgid, rootlesskit + slirp4netns,
# /run/user mode 1777, data volume under the home directory, USER rootless.
# The packages come from a copy of the cached <suite> rootfs plus apt in a
# chroot (mirror from the apt configuration, emptied afterwards); the copy is
# cached as rootfs-<suite>-rootless, keyed by its parameters.
readonly ROOTLESS_PACKAGES=rootlesskit,uidmap,slirp4netns,iproute2
ensure_rootless_rootfs() { # suite; sets ROOTFS
  local suite=$1 dir base params mirror m
  ensure_rootfs "$suite"
  base=$ROOTFS
  dir=$CACHE_DIR/rootfs-$suite-rootless
  params="$(<"$base.params") rootless=$ROOTLESS_PACKAGES"
  if ((FORCE_ROOTFS == 0)) && [[ -f $dir.params && $(<"$dir.params") == "$params" && -d $dir/usr ]]; then
    ROOTFS=$dir
    return 0
  fi
  [[ $(id -u) -eq 0 ]] || die "apt in a chroot needs root"
  mirror=$(apt_mirror)
  [[ -n $mirror ]] || die "no Debian mirror found in the apt configuration (set DOCKER_NEST_DEBIAN_MIRROR)"
  rm -rf --one-file-system -- "$dir.tmp"
  cp -a -- "$base" "$dir.tmp"
  printf 'deb %s %s main\n' "$mirror" "$suite" >"$dir.tmp/etc/apt/sources.list"
  cp /etc/resolv.conf "$dir.tmp/etc/resolv.conf"
  if ! chroot "$dir.tmp" /usr/bin/env PATH="$PATH_VALUE" DEBIAN_FRONTEND=noninteractive sh -c \
    "$APT_UPDATE && apt-get install -y --no-install-recommends ${ROOTLESS_PACKAGES//,/ }" \
    >"$CACHE_DIR/apt-$suite-rootless.log" 2>&1; then
    tail -n 20 "$CACHE_DIR/apt-$suite-rootless.log" >&2
    die "apt-get install of $ROOTLESS_PACKAGES in $suite failed"
  fi
  rm -rf "$dir.tmp"/var/cache/apt/archives/*.deb "$dir.tmp"/var/cache/apt/*.bin \
    "$dir.tmp"/var/lib/apt/lists/* "$dir.tmp"/usr/share/doc/* "$dir.tmp"/usr/share/man/*
  mkdir -p "$dir.tmp/var/lib/apt/lists/partial"
  : >"$dir.tmp/etc/resolv.conf"
  printf '# intentionally empty: docker-nest test image, built offline\n' >"$dir.tmp/etc/apt/sources.list"
  for m in rootlesskit newuidmap newgidmap slirp4netns ip; do
    chroot "$dir.tmp" /usr/bin/env PATH="$PATH_VALUE" sh -c "command -v $m" >/dev/null ||
      die "rootless rootfs lacks $m"
  done
  rm -rf --one-file-system -- "$dir"
  mv -- "$dir.tmp" "$dir"
  printf '%s\n' "$params" >"$dir.params"
  ROOTFS=$dir
}

build_rootless() { # tag suite
  local ctx=$WORK/ctx-rootless version
  rm -rf "$ctx"
  mkdir -p "$ctx"
  install -m 0755 "$FIXTURES/dockerd-entrypoint.sh" "$ctx/dockerd-entrypoint.sh"
  if [[ $FIXTURE_SOURCE == registry ]]; then
    # GitHub-hosted runners: no Debian mirror for a chroot; apt in a build step.
    version=$(docker image inspect "$P/debian-docker:$2" --format "{{index .Config.Labels \"$LABEL_VERSION\"}}")
    printf 'FROM %s\nRUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends %s && rm -rf /var/lib/apt/lists/*\n' \
      "$P/debian-docker:$2" "${ROOTLESS_PACKAGES//,/ }" |
      docker build --quiet --tag "$1-base" - >/dev/null
  else
    ensure_rootless_rootfs "$2"
    version=$(docker_version_of "$ROOTFS")
    tar --numeric-owner -C "$ROOTFS" -c . |
      docker import --change "ENV PATH=$PATH_VALUE" - "$1-base" >/dev/null
  fi
  cat >"$ctx/Dockerfile" <<EOF
FROM $1-base
COPY dockerd-entrypoint.sh /usr/local/bin/dockerd-entrypoint.sh
RUN set -eu; \\
    mkdir -p /certs /certs/client; chmod 1777 /certs /certs/client; \\
    useradd --uid 1000 --create-home --shell /bin/sh rootless; \\
    echo 'rootless:100000:65536' >/etc/subuid; echo 'rootless:100000:65536' >/etc/subgid; \\
    mkdir -p /run/user /home/rootless/.local/share/docker; chmod 1777 /run/user; \\
    chown -R rootless:rootless /home/rootless/.local
ENV DOCKER_TLS_CERTDIR=/certs
ENV PATH=$PATH_VALUE
VOLUME /home/rootless/.local/share/docker
EXPOSE 2375 2376
USER rootless
ENTRYPOINT ["dockerd-entrypoint.sh"]
CMD []
LABEL $LABEL_HASH=$FIXTURE_HASH
LABEL $LABEL_VERSION=$version
EOF
  build_ctx "$1" "$ctx"
  docker image rm "$1-base" >/dev/null 2>&1 || true
}

# a plain image without docker-init, so fast start (issue 9) must fall back
# to dockerd's own containerd. Built with `docker commit` of a container that
# only removed the file (no build context needed).
build_noinit() { # tag base
  local cid
  cid=$(docker create "$2" rm -f /usr/bin/docker-init /usr/local/bin/docker-init)
  if ! docker start --attach "$cid" >"$WORK/build.log" 2>&1; then
    docker rm -fv "$cid" >/dev/null 2>&1 || true
    cat "$WORK/build.log" >&2
    die "removing docker-init for $1 failed"
  fi
  docker commit --change 'CMD ["sh"]' \
    --change "LABEL $LABEL_HASH=$FIXTURE_HASH" "$cid" "$1" >/dev/null
  docker rm -fv "$cid" >/dev/null
}

# ---------------------------------------------------------------------------
# main
# ---------------------------------------------------------------------------
T_ALL=$(now)
log "fixture hash ${FIXTURE_HASH:0:12}"
for tag in $(all_tags); do
  [[ -n ${WANT[$tag]:-} ]] || continue
  t0=$(now)
  if is_current "$tag"; then
    log "$tag: up to date, skipped ($(since "$t0"))"
    continue
  fi
  old=$(image_id "$tag")
  kind=$(field "$tag" 2)
  arg=$(field "$tag" 3)
  case $kind in
    busybox) build_busybox "$tag" ;;
    rootfs) build_base "$tag" "$arg" ;;
    dind) build_dind "$tag" "$arg" ;;
    dockerd) build_dockerd "$tag" "$arg" ;;
    exits) build_exits "$tag" "$arg" ;;
    unprivileged) build_unprivileged "$tag" "$arg" ;;
    clients) build_clients "$tag" "$arg" ;;
    rootless) build_rootless "$tag" "$arg" ;;
    noinit) build_noinit "$tag" "$arg" ;;
  esac
  new=$(image_id "$tag")
  [[ -z $old || $old == "$new" ]] || OLD_IDS+=("$old")
  log "$tag: built in $(since "$t0")"
done

# drop the images the rebuild replaced (children first); ignore those still in use
for ((i = ${#OLD_IDS[@]} - 1; i >= 0; i--)); do
  if [[ $(docker image inspect --format '{{len .RepoTags}}' "${OLD_IDS[i]}" 2>/dev/null) == 0 ]]; then
    docker image rm "${OLD_IDS[i]}" >/dev/null 2>&1 || true
  fi
done
log "done in $(since "$T_ALL")"
