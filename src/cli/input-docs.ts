// Generated from action.yml by scripts/cli-input-docs.mjs; do not edit.

/** action.yml's description of each input, for `docker-nest up --help`. */
export const INPUT_DESCRIPTIONS: Readonly<Record<string, string>> = {
  mode: "How the job gets Docker: 'dind' starts a private daemon in a privileged sidecar; 'dood' uses the runner's daemon through its socket; 'auto' picks dind when a privileged container can start, else dood.",
  image:
    "What the nest runs. 'auto': the runner's own Docker engine (its dockerd, containerd and runc, mounted read-only: nothing to pull) when the runner has one, else docker:29-dind. 'runner': the runner's engine or fail saying why. Any other value is an image to pull and run, always honoured: the official docker:<major>-dind (pinned major) or any image with dockerd on PATH.",
  tls: "Mutual TLS on the daemon's port (true or false). With false the daemon answers without authentication on 127.0.0.1 only (the sidecar refuses other containers); in a container job, or rootless, every container on that network can reach it.",
  'wait-timeout': 'Seconds to wait for the daemon to answer before failing.',
  'dockerd-args':
    'Extra dockerd flags, one per line (e.g. --debug). Flags docker-nest owns (--host, --tls*, --data-root, --mtu, --registry-mirror) are rejected.',
  'registry-mirrors':
    'Registry mirror URLs for the inner daemon (comma or newline separated).',
  'insecure-registries':
    'Registries (host[:port] or CIDR) the inner daemon may reach over plain HTTP.',
  mtu: "MTU of the inner networks: 'auto' takes the smaller of the runner's default-route MTU and the sidecar's eth0 MTU when it is below 1500, or a number. Applied to the default bridge (--mtu) and, on Docker 24+, to networks created in the nest (default-network-opts).",
  'tls-san':
    'Extra names for the server certificate, typed: DNS:name or IP:address (comma or newline separated).',
  cleanup:
    'What the post step removes: true (dind: the sidecar, its volume and the certificates; dood: nothing), false (nothing), or containers (also the containers, networks and volumes labelled with $DOCKER_NEST_LABEL).',
  socket:
    'dood: path of the Docker socket. Default: DOCKER_HOST when it is unix://, else /var/run/docker.sock, else $XDG_RUNTIME_DIR/docker.sock.',
  'socket-proxy':
    "dood: when this user may not open the Docker socket, serve a socket of its own (mode 0600 in RUNNER_TEMP) that forwards to the real one, started with passwordless sudo and removed in post. The host socket's permissions are never changed (true or false).",
  'docker-cli-version':
    'Docker CLI version to install from the static tarballs into the tool cache and PATH (e.g. 28.5.2). Default: use the CLI on PATH, and install one only when there is none.',
  'docker-cli-url':
    'Base URL of the static CLI tarballs (<url>/<arch>/docker-<version>.tgz), for mirrors. Must be https, unless docker-cli-sha256 pins the tarball or the host is loopback (localhost, 127.0.0.0/8, [::1]).',
  'docker-cli-sha256':
    'Expected sha256 of the CLI tarball; needs docker-cli-version. A tool-cache hit is used only if it was cached from this tarball and is unchanged, else it is downloaded again. Default: read <tarball>.sha256 next to it when the server has one.',
  'set-host':
    'Export DOCKER_HOST, DOCKER_TLS_VERIFY and DOCKER_CERT_PATH to later steps (true or false). With false, later steps keep the Docker they had (unless input context makes this daemon current) and reach this one through the outputs docker-host, tls-verify and cert-path; outputs and post are unchanged.',
  context:
    "Name of a docker context to create (in $DOCKER_CONFIG, default ~/.docker) with the daemon's endpoint and TLS files, made the current context; post removes it and restores the previous one. Use it for buildx (docker buildx create <name>) and setup-buildx-action (endpoint: <name>). Empty: no context.",
  'testcontainers-host-override':
    "Export TESTCONTAINERS_HOST_OVERRIDE (dind: the sidecar's IP, where published ports of inner containers are), so Testcontainers reaches them. dood: nothing to override.",
  'daemon-config':
    'JSON object written as the inner daemon\'s daemon.json (e.g. {"features": {"containerd-snapshotter": false}}). Keys docker-nest sets itself (hosts, tls*, data-root) and keys of inputs you also set (mtu, registry-mirrors, insecure-registries, default-address-pools) or of dockerd-args flags are rejected before anything starts.',
  'default-address-pools':
    'Address pools for networks created in the nest, one per line or space separated, each base=<CIDR>,size=<prefix length> (e.g. base=10.201.0.0/16,size=24), to avoid corporate or VPN ranges.',
  runtime:
    "OCI runtime for the dind sidecar (docker run --runtime), e.g. sysbox-runc, which runs it without --privileged. Empty: the daemon's default runtime, privileged. Must be registered with the runner's Docker daemon ('docker-nest doctor' lists them).",
  rootless:
    "true: use the docker:<version>-dind-rootless contract (uid 1000, rootlesskit); the default image becomes docker:29-dind-rootless. Needs user namespaces on the host (see 'docker-nest doctor'). Runs --privileged, as the official docs do; unprivileged: the same without --privileged (only SYS_ADMIN, unconfined seccomp/AppArmor/system paths, /dev/net/tun). Does not combine with a sysbox runtime.",
  cache:
    "Name of a persistent cache for self-hosted runners: the daemon's data root (images, build cache) is the volume docker-nest-cache-<name>.<hash of its partition>, kept after the job and reused by the next job with the same name and partition (see cache-scope). Empty: a fresh daemon every job.",
  'cache-scope':
    "Which jobs share the cache: 'repository' (jobs of this repository, by GITHUB_REPOSITORY_ID or GitLab's CI_PROJECT_ID) or 'shared' (every repository on the runner's Docker daemon that names the cache). In both, pull-request and merge-request jobs get a cache of their own, so they never write what other jobs build from.",
  'cache-busy':
    "When another job is using the cache: 'fallback' (start with an empty data root and warn) or 'fail'.",
  'cache-max-size':
    "With cache: in post, prune the cached daemon's build cache and unused images down to this size (e.g. 10GB, 512MiB). Empty: no limit.",
  'fast-start':
    "Start containerd first in the sidecar and hand its socket to dockerd (about 1 s faster on Docker 26); on the official image the start script then does its entrypoint's steps and runs dockerd itself. Images without a containerd binary start the usual way; false always does.",
  'early-start':
    "Start the nest in the Action's pre step, in the background, while the job's first steps run; main then only waits for what is left. Main starts afresh when an input differs from pre's (inputs that use the steps context) and when the early start failed, saying why. Not available for uses: ./ (the runner runs no pre for local actions)."
}
