/**
 * The inputs table: every input's name (kebab-case, as in action.yml) and
 * default. It drives the Action's inputs, the CLI's flags and the
 * environment variables; the parsers in this folder read their values
 * through {@link inputValue}.
 */

/** The official image, pinned to a major version so upgrades are deliberate. */
export const DEFAULT_DIND_IMAGE = 'docker:29-dind'

/** Input `image`: the runner's own engine (nothing to pull), or a failure saying why not. */
export const RUNNER_IMAGE = 'runner'

/** Input `image` (the default): the runner's own engine where it can run a nest, else {@link DEFAULT_DIND_IMAGE}. */
export const AUTO_IMAGE = 'auto'

/** Input names (kebab-case, as in action.yml) with their defaults. */
export const INPUT_DEFAULTS = {
  mode: 'dind',
  image: AUTO_IMAGE,
  tls: 'true',
  'wait-timeout': '60',
  'dockerd-args': '',
  'registry-mirrors': '',
  'insecure-registries': '',
  mtu: 'auto',
  'tls-san': '',
  cleanup: 'true',
  socket: '',
  'socket-proxy': 'false',
  'docker-cli-version': '',
  'docker-cli-url': 'https://download.docker.com/linux/static/stable',
  'docker-cli-sha256': '',
  // Clients of later steps: the exported DOCKER_HOST & co., a docker context
  // for buildx, the Testcontainers host.
  'set-host': 'true',
  context: '',
  'testcontainers-host-override': 'false',
  // Networking: daemon.json and address pools of the inner daemon.
  'daemon-config': '',
  'default-address-pools': '',
  // Unprivileged routes: the sidecar's OCI runtime (e.g. sysbox-runc;
  // '' = the daemon's default) and the docker:<ver>-dind-rootless contract.
  runtime: '',
  rootless: 'false',
  // Persistent cache (see ../cache/cache.ts and ../cache/scope.ts).
  cache: '',
  'cache-scope': 'repository',
  'cache-busy': 'fallback',
  'cache-max-size': '',
  // Fast start: containerd first, its socket handed to dockerd (containerd-first.ts).
  'fast-start': 'true',
  // The Action's pre step starts the nest while the job's first steps run.
  'early-start': 'true'
} as const

/** The name of one input. */
export type InputName = keyof typeof INPUT_DEFAULTS

/** Raw string values by input name; missing or empty values take the default. */
export type RawInputs = Partial<Record<InputName, string>>

/** Thrown when one or more inputs are invalid; `problems` has one line per input. */
export class InputError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'))
    this.name = 'InputError'
  }
}

/** Takes a raw value, falling back to the default for missing or blank input. */
export function inputValue(inputs: RawInputs, name: InputName): string {
  const value = inputs[name]?.trim()
  return value === undefined || value === '' ? INPUT_DEFAULTS[name] : value
}
