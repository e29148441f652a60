/**
 * Input `daemon-config`: a JSON object that becomes the inner daemon's
 * daemon.json. dockerd refuses to start when a setting is both a flag and a
 * key of its config file ("the following directives are specified both as a
 * flag and in the configuration file"), and docker-nest passes its own
 * settings as flags; so every such clash is rejected here, before anything
 * is created, naming the key and the input that owns it.
 */
import { CERTS_READY_MARKER } from '../dind/startup-script.js'
import type { TarEntry } from '../docker/tar.js'
import type { DindOptions } from '../types.js'

/** Where the sidecar finds daemon.json (`--config-file`); copied in with the certificates. */
export const DAEMON_CONFIG_PATH = '/etc/docker-nest/daemon.json'

/** Keys docker-nest always sets itself, with the reason. */
const OWNED_KEYS: Record<string, string> = {
  hosts: 'docker-nest sets the listeners itself',
  tls: "use input 'tls'",
  tlsverify: "use input 'tls'",
  tlscacert: 'docker-nest makes and installs the certificates',
  tlscert: 'docker-nest makes and installs the certificates',
  tlskey: 'docker-nest makes and installs the certificates',
  'data-root': 'the data root is the volume docker-nest mounts',
  graph: 'the data root is the volume docker-nest mounts'
}

/** Keys that clash only when the input that owns them is set. */
const INPUT_KEYS: Array<{
  key: string
  input: string
  isSet: (options: DindOptions) => boolean
}> = [
  {
    key: 'registry-mirrors',
    input: 'registry-mirrors',
    isSet: (o) => o.registryMirrors.length > 0
  },
  {
    key: 'insecure-registries',
    input: 'insecure-registries',
    isSet: (o) => o.insecureRegistries.length > 0
  },
  {
    key: 'default-address-pools',
    input: 'default-address-pools',
    isSet: (o) => (o.defaultAddressPools ?? []).length > 0
  },
  { key: 'mtu', input: 'mtu', isSet: (o) => o.mtu !== 'auto' },
  {
    key: 'default-network-opts',
    input: 'mtu',
    isSet: (o) => o.mtu !== 'auto'
  }
]

/** The JSON object of input `daemon-config`, checked; undefined when empty. */
export type DaemonConfig = Record<string, unknown>

/** Line and column (1-based) of a character offset, for parse errors. */
export function lineAndColumn(
  text: string,
  offset: number
): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n')
  return { line: before.length, column: before[before.length - 1].length + 1 }
}

/** Why JSON.parse failed, with line and column (V8 reports an offset only on some messages). */
function describeParseError(text: string, error: Error): string {
  const reason = error.message.replace(/\s*\(line \d+ column \d+\)$/, '')
  const match = /at position (\d+)/.exec(reason)
  if (!match) return `${reason} (at the end of the text)`
  const { line, column } = lineAndColumn(text, Number(match[1]))
  return `${reason} (line ${line}, column ${column})`
}

/**
 * Parses `daemon-config`; pushes a problem (with the parse position) when it
 * is not a JSON object. Returns undefined for an empty input.
 */
export function parseDaemonConfig(
  value: string,
  problems: string[]
): DaemonConfig | undefined {
  if (value.trim() === '') return undefined
  let parsed: unknown
  try {
    parsed = JSON.parse(value)
  } catch (error) {
    problems.push(
      `Input 'daemon-config' is not valid JSON: ` +
        `${describeParseError(value, error as Error)}. It takes one JSON ` +
        `object, e.g. '{"log-level": "warn", "features": {"buildkit": true}}'.`
    )
    return undefined
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    problems.push(
      `Input 'daemon-config' must be a JSON object (daemon.json), got ` +
        `${Array.isArray(parsed) ? 'an array' : JSON.stringify(parsed)}.`
    )
    return undefined
  }
  return parsed as DaemonConfig
}

/** `url` with the password of its user info replaced by `***`. */
export function maskUserInfo(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^/@:]*):[^/@]*@/i, '$1:***@')
}

/**
 * Why a registry mirror URL is refused for carrying credentials, or
 * undefined. dockerd rejects such a mirror anyway, but only after the
 * secret is in the sidecar's command line, the logs and the summary.
 */
export function mirrorCredentialsProblem(
  mirror: string,
  source: string
): string | undefined {
  if (!/^[a-z][a-z0-9+.-]*:\/\/[^/]*@/i.test(mirror)) return undefined
  return (
    `${source} entry '${maskUserInfo(mirror)}' carries credentials, which ` +
    'dockerd refuses and docker-nest will not put on a command line. Give ' +
    'the mirror without them and log in from the job (docker login against ' +
    "the nest's DOCKER_HOST), or set a credential helper in daemon-config."
  )
}

/** The daemon.json key a dockerd flag sets: --debug → debug, --dns → dns, --label → labels. */
function keysForFlag(flag: string): string[] {
  const name = flag.replace(/^-+/, '').split('=')[0]
  const plural = name.endsWith('y') ? `${name.slice(0, -1)}ies` : `${name}s`
  return [name, plural]
}

/**
 * Pushes a problem for each key of `config` that docker-nest (or another
 * input, or a flag in `dockerd-args`) already sets.
 */
export function checkDaemonConfig(
  config: DaemonConfig,
  options: DindOptions,
  problems: string[]
): void {
  for (const key of Object.keys(config)) {
    const owned = OWNED_KEYS[key]
    if (owned) {
      problems.push(`Input 'daemon-config' may not set "${key}" (${owned}).`)
    }
  }
  const mirrors = config['registry-mirrors']
  for (const mirror of Array.isArray(mirrors) ? mirrors : []) {
    const problem =
      typeof mirror === 'string' &&
      mirrorCredentialsProblem(
        mirror,
        `Input 'daemon-config' "registry-mirrors"`
      )
    if (problem) problems.push(problem)
  }
  for (const { key, input, isSet } of INPUT_KEYS) {
    if (key in config && isSet(options)) {
      problems.push(
        `Input 'daemon-config' sets "${key}" and input '${input}' sets it ` +
          `too; dockerd refuses a setting given twice. Set it in one place.`
      )
    }
  }
  const flags = options.dockerdArgs.filter((word) => word.startsWith('-'))
  for (const flag of flags) {
    if (flag.split('=')[0] === '--config-file') {
      problems.push(
        `Input 'dockerd-args' may not set --config-file when 'daemon-config' ` +
          'is set: docker-nest points dockerd at the daemon.json it writes.'
      )
      continue
    }
    const clash = keysForFlag(flag).find((key) => key in config)
    if (clash) {
      problems.push(
        `Input 'daemon-config' sets "${clash}" and 'dockerd-args' passes ` +
          `${flag.split('=')[0]}; dockerd refuses a setting given twice. ` +
          'Set it in one place.'
      )
    }
  }
}

/**
 * Whether `mtu: auto` must stand back because daemon.json already decides
 * the MTU (adding --mtu would make dockerd refuse to start).
 */
export function configSetsMtu(config: DaemonConfig | undefined): boolean {
  return (
    config !== undefined &&
    ('mtu' in config || 'default-network-opts' in config)
  )
}

/**
 * Tar entries that put daemon.json where the start script points dockerd;
 * with `marker` (no TLS, so no certificates carry one) the ready-marker the
 * start script waits for goes last.
 */
export function daemonConfigEntries(
  json: string | undefined,
  marker: boolean
): TarEntry[] {
  if (json === undefined) return []
  const dir = DAEMON_CONFIG_PATH.replace(/^\//, '').replace(/[^/]+$/, '')
  return [
    { path: dir, mode: 0o755 },
    { path: `${dir}daemon.json`, mode: 0o644, content: json },
    ...(marker
      ? [{ path: `${dir}${CERTS_READY_MARKER}`, mode: 0o644, content: '' }]
      : [])
  ]
}
