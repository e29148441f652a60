/**
 * Turns raw inputs (Action inputs or CLI flags, all strings) into validated
 * {@link DindOptions}. Every problem names the input, the value and what is
 * valid, and all problems are reported at once, before anything is created.
 */
import { isIP } from 'node:net'
import { contextNameProblem } from '../clients/docker-context.js'
import { parseAddressPools } from './address-pools.js'
import {
  checkDaemonConfig,
  mirrorCredentialsProblem,
  parseDaemonConfig
} from './daemon-config.js'
import { parseCacheOptions } from '../cache/cache.js'
import type { CiEnv } from '../cache/scope.js'
import { dockerCliTrustProblems } from '../clients/docker-cli-release.js'
import type {
  DindOptions,
  DockerCliOptions,
  Mode,
  SubjectAltNames
} from '../types.js'
import { checkRootless, imageFor, parseRootless } from './rootless.js'
import { parseRuntime } from './runtime.js'

/** The official image, pinned to a major version so upgrades are deliberate. */
export const DEFAULT_DIND_IMAGE = 'docker:29-dind'

/** Input names (kebab-case, as in action.yml) with their defaults. */
export const INPUT_DEFAULTS = {
  mode: 'dind',
  image: DEFAULT_DIND_IMAGE,
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
  'fast-start': 'true'
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

const MODES: readonly Mode[] = ['dind', 'dood', 'auto']
const MAX_WAIT_SECONDS = 3600
/** dockerd flags docker-nest owns: letting users override them would break TLS or the data volume. */
const RESERVED_DOCKERD_FLAGS: Record<string, string> = {
  '-H': 'docker-nest sets the listeners itself',
  '--host': 'docker-nest sets the listeners itself',
  '--tls': "use input 'tls'",
  '--tlsverify': "use input 'tls'",
  '--tlscacert': 'docker-nest makes and installs the certificates',
  '--tlscert': 'docker-nest makes and installs the certificates',
  '--tlskey': 'docker-nest makes and installs the certificates',
  '--data-root': 'the data root is the volume docker-nest mounts',
  '--graph': 'the data root is the volume docker-nest mounts',
  '-g': 'the data root is the volume docker-nest mounts',
  '--mtu': "use input 'mtu'",
  '--registry-mirror': "use input 'registry-mirrors'"
}

/** Image reference: [registry[:port]/]path[:tag][@sha256:digest], no leading '-'. */
const IMAGE_REF =
  /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9.-]*[a-zA-Z0-9])?(?::[0-9]{1,5})?\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$/
const HOST_LABEL = /^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$/
const REGISTRY_HOST = /^[A-Za-z0-9.-]+(?::[0-9]{1,5})?$/

function quote(value: string): string {
  return `'${value}'`
}

/** Splits a list input on newlines, commas and spaces; drops empty entries. */
export function splitList(value: string): string[] {
  return value
    .split(/[\s,]+/)
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0)
}

/** Parses a boolean the way YAML 1.2 core schema does; anything else is an error. */
export function parseBoolean(
  name: InputName,
  value: string,
  problems: string[]
): boolean {
  if (['true', 'True', 'TRUE'].includes(value)) return true
  if (['false', 'False', 'FALSE'].includes(value)) return false
  problems.push(
    `Input '${name}' must be 'true' or 'false', got ${quote(value)}.`
  )
  return false
}

function parseMode(value: string, problems: string[]): Mode {
  if (!MODES.includes(value as Mode)) {
    problems.push(
      `Input 'mode' must be one of ${MODES.join(', ')}, got ${quote(value)}.`
    )
    return 'dind'
  }
  return value as Mode
}

/** `cleanup`: a strict boolean, or 'containers' (also remove run-labelled objects). */
function parseCleanup(
  value: string,
  problems: string[]
): { cleanup: boolean; cleanupContainers: boolean } {
  if (value === 'containers') return { cleanup: true, cleanupContainers: true }
  const parsed = ['true', 'True', 'TRUE', 'false', 'False', 'FALSE'].includes(
    value
  )
  if (!parsed) {
    problems.push(
      `Input 'cleanup' must be 'true', 'false' or 'containers', got ${quote(value)}.`
    )
  }
  return {
    cleanup: parseBoolean('cleanup', parsed ? value : 'true', problems),
    cleanupContainers: false
  }
}

function parseSocket(value: string, problems: string[]): string {
  const path = value.replace(/^unix:\/\//, '')
  if (path !== '' && !path.startsWith('/')) {
    problems.push(
      `Input 'socket' must be an absolute path such as ` +
        `'/var/run/docker.sock' (or unix:///path), got ${quote(value)}.`
    )
  }
  return path
}

function parseDockerCli(
  inputs: RawInputs,
  problems: string[]
): DockerCliOptions {
  const version = raw(inputs, 'docker-cli-version')
  const baseUrl = raw(inputs, 'docker-cli-url').replace(/\/+$/, '')
  const sha256 = raw(inputs, 'docker-cli-sha256').toLowerCase()
  if (
    version !== '' &&
    !/^[0-9]+\.[0-9]+\.[0-9]+([-.+][0-9A-Za-z.-]+)?$/.test(version)
  ) {
    problems.push(
      `Input 'docker-cli-version' must be a release such as '29.0.0', ` +
        `got ${quote(version)}.`
    )
  }
  if (!isHttpUrl(baseUrl)) {
    problems.push(
      `Input 'docker-cli-url' must be an http(s) URL such as ` +
        `'${INPUT_DEFAULTS['docker-cli-url']}', got ${quote(baseUrl)}.`
    )
  } else {
    problems.push(...dockerCliTrustProblems({ version, baseUrl, sha256 }))
  }
  if (sha256 !== '' && !/^[a-f0-9]{64}$/.test(sha256)) {
    problems.push(
      `Input 'docker-cli-sha256' must be 64 hex digits, got ${quote(sha256)}.`
    )
  }
  return { version, baseUrl, sha256 }
}

function parseImage(value: string, problems: string[]): string {
  if (!IMAGE_REF.test(value)) {
    problems.push(
      `Input 'image' must be an image reference such as ` +
        `'${DEFAULT_DIND_IMAGE}' or 'registry:5000/team/dind:26@sha256:…', ` +
        `got ${quote(value)}.`
    )
  }
  return value
}

function parseWaitTimeout(value: string, problems: string[]): number {
  const seconds = /^[0-9]+(\.[0-9]+)?$/.test(value) ? Number(value) : NaN
  if (!(seconds > 0 && seconds <= MAX_WAIT_SECONDS)) {
    problems.push(
      `Input 'wait-timeout' must be a number of seconds between 0 and ` +
        `${MAX_WAIT_SECONDS} (e.g. 60), got ${quote(value)}.`
    )
    return 0
  }
  return Math.round(seconds * 1000)
}

function parseMtu(value: string, problems: string[]): 'auto' | number {
  if (value === 'auto') return 'auto'
  const mtu = /^[0-9]+$/.test(value) ? Number(value) : NaN
  if (!(mtu >= 576 && mtu <= 65535)) {
    problems.push(
      `Input 'mtu' must be 'auto' or a whole number from 576 to 65535 ` +
        `(e.g. 1360), got ${quote(value)}.`
    )
    return 'auto'
  }
  return mtu
}

/** One flag per line; a value may follow after '=' or a space. Lines starting with '#' are comments. */
/** dockerd's one-letter flags that take a value (`-Hunix:///x` is `-H unix:///x`). */
const SHORT_FLAGS_WITH_VALUE = new Set(['H', 'G', 'b', 'g', 'l', 'p', 's'])

/**
 * The flag names the words of one `dockerd-args` line set: `--name` and
 * `--name=value` alike, and one-letter flags written together (`-D`, `-DH`,
 * `-Htcp://…`), where a flag that takes a value ends the run. Every word
 * counts: dockerd takes the last value, so `--debug --tlsverify=false` must
 * not pass on its first word.
 */
export function dockerdFlagNames(words: string[]): string[] {
  const names: string[] = []
  for (const word of words) {
    if (word.startsWith('--')) {
      names.push(word.split('=')[0])
    } else if (/^-[A-Za-z]/.test(word)) {
      for (const letter of word.slice(1)) {
        if (!/[A-Za-z]/.test(letter)) break
        names.push(`-${letter}`)
        if (SHORT_FLAGS_WITH_VALUE.has(letter)) break
      }
    }
  }
  return names
}

function parseDockerdArgs(value: string, problems: string[]): string[] {
  const args: string[] = []
  for (const rawLine of value.split(/\r?\n/)) {
    const line = rawLine.trim()
    if (line === '' || line.startsWith('#')) continue
    const words = line.split(/\s+/)
    if (!words[0].startsWith('-')) {
      problems.push(
        `Input 'dockerd-args' takes dockerd flags, one per line ` +
          `(e.g. '--debug' or '--default-ulimit nofile=1024:2048'), got ${quote(line)}.`
      )
      continue
    }
    const reserved = dockerdFlagNames(words).find(
      (name) => RESERVED_DOCKERD_FLAGS[name]
    )
    if (reserved) {
      problems.push(
        `Input 'dockerd-args' may not set ${reserved} ` +
          `(${RESERVED_DOCKERD_FLAGS[reserved]}), got ${quote(line)}.`
      )
      continue
    }
    args.push(...words)
  }
  return args
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value)
    return (
      (url.protocol === 'https:' || url.protocol === 'http:') && !url.search
    )
  } catch {
    return false
  }
}

function parseRegistryMirrors(value: string, problems: string[]): string[] {
  const mirrors = splitList(value)
  for (const mirror of mirrors) {
    const credentials = mirrorCredentialsProblem(
      mirror,
      "Input 'registry-mirrors'"
    )
    if (credentials) {
      problems.push(credentials)
    } else if (!isHttpUrl(mirror)) {
      problems.push(
        `Input 'registry-mirrors' entries must be http(s) URLs such as ` +
          `'https://mirror.example.com', got ${quote(mirror)}.`
      )
    }
  }
  return mirrors
}

function isCidr(value: string): boolean {
  const [address, bits, extra] = value.split('/')
  if (extra !== undefined || bits === undefined || !/^[0-9]{1,3}$/.test(bits)) {
    return false
  }
  const family = isIP(address)
  return family !== 0 && Number(bits) <= (family === 4 ? 32 : 128)
}

function parseInsecureRegistries(value: string, problems: string[]): string[] {
  const registries = splitList(value)
  for (const registry of registries) {
    if (!REGISTRY_HOST.test(registry) && !isCidr(registry)) {
      problems.push(
        `Input 'insecure-registries' entries must be host[:port] or a CIDR ` +
          `such as 'registry.local:5000' or '10.0.0.0/8', got ${quote(registry)}.`
      )
    }
  }
  return registries
}

function isHostname(name: string): boolean {
  const labels = name.replace(/^\*\./, '').split('.')
  return name.length <= 253 && labels.every((label) => HOST_LABEL.test(label))
}

/**
 * Why a valid IP address cannot go into the server certificate, if it
 * cannot: a zone index is no part of an iPAddress SAN, and Go's x509 (the
 * docker CLI, dockerd 28 and later) rejects a certificate that holds an
 * IPv4-mapped IPv6 address.
 */
function ipSanProblem(address: string): string | undefined {
  if (address.includes('%')) {
    return (
      'has a zone index, which a certificate cannot hold; give the ' +
      `address alone: 'IP:${address.split('%')[0]}'`
    )
  }
  if (isIP(address) !== 6) return undefined
  const mapped = /^\[::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})\]$/.exec(
    new URL(`http://[${address}]/`).host
  )
  if (!mapped) return undefined
  const [high, low] = [parseInt(mapped[1], 16), parseInt(mapped[2], 16)]
  const ipv4 = [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.')
  return (
    "is an IPv4-mapped IPv6 address, which Go's TLS (the docker CLI, " +
    `dockerd 28 and later) refuses in a certificate; write 'IP:${ipv4}'`
  )
}

/**
 * SANs must be typed, because an untyped entry is what kills the stock
 * entrypoint ("v2i_GENERAL_NAME_ex: missing value"); we reject it up front.
 */
function parseTlsSans(value: string, problems: string[]): SubjectAltNames {
  const sans: SubjectAltNames = { dns: [], ip: [] }
  for (const entry of splitList(value)) {
    const match = /^(DNS|IP):(.+)$/i.exec(entry)
    const type = match?.[1].toUpperCase()
    const name = match?.[2] ?? ''
    if (type === 'DNS' && isHostname(name)) {
      sans.dns.push(name.toLowerCase())
    } else if (type === 'IP' && isIP(name) !== 0) {
      const problem = ipSanProblem(name)
      if (problem) {
        problems.push(`Input 'tls-san' entry ${quote(entry)} ${problem}.`)
      } else {
        sans.ip.push(name)
      }
    } else if (!match) {
      problems.push(
        `Input 'tls-san' entries need a type prefix: use 'DNS:${entry}' or ` +
          `'IP:<address>', got ${quote(entry)}.`
      )
    } else {
      problems.push(
        `Input 'tls-san' entry ${quote(entry)} is not a valid ` +
          `${type === 'IP' ? 'IPv4/IPv6 address' : 'DNS name'}.`
      )
    }
  }
  return sans
}

function parseContextName(value: string, problems: string[]): string {
  const problem = contextNameProblem(value)
  if (problem) problems.push(problem)
  return value
}

/** Takes a raw value, falling back to the default for missing or blank input. */
function raw(inputs: RawInputs, name: InputName): string {
  const value = inputs[name]?.trim()
  return value === undefined || value === '' ? INPUT_DEFAULTS[name] : value
}

function optionalList<T>(list: T[]): T[] | undefined {
  return list.length > 0 ? list : undefined
}

/**
 * Validates all inputs and returns the options, or throws one
 * {@link InputError} listing every problem. `env` is the job's environment:
 * its CI variables decide which jobs share a cache (cache-scope.ts).
 */
export function parseInputs(inputs: RawInputs, env: CiEnv = {}): DindOptions {
  const problems: string[] = []
  const options: DindOptions = {
    mode: parseMode(raw(inputs, 'mode'), problems),
    image: '',
    tls: parseBoolean('tls', raw(inputs, 'tls'), problems),
    waitTimeoutMs: parseWaitTimeout(raw(inputs, 'wait-timeout'), problems),
    dockerdArgs: parseDockerdArgs(inputs['dockerd-args'] ?? '', problems),
    registryMirrors: parseRegistryMirrors(
      raw(inputs, 'registry-mirrors'),
      problems
    ),
    insecureRegistries: parseInsecureRegistries(
      raw(inputs, 'insecure-registries'),
      problems
    ),
    mtu: parseMtu(raw(inputs, 'mtu'), problems),
    tlsSans: parseTlsSans(raw(inputs, 'tls-san'), problems),
    ...parseCleanup(raw(inputs, 'cleanup'), problems),
    socket: parseSocket(raw(inputs, 'socket'), problems),
    socketProxy: parseBoolean(
      'socket-proxy',
      raw(inputs, 'socket-proxy'),
      problems
    ),
    dockerCli: parseDockerCli(inputs, problems),
    clients: {
      setHost: parseBoolean('set-host', raw(inputs, 'set-host'), problems),
      context: parseContextName(raw(inputs, 'context'), problems),
      testcontainersHostOverride: parseBoolean(
        'testcontainers-host-override',
        raw(inputs, 'testcontainers-host-override'),
        problems
      )
    },
    // Both are left undefined when unset.
    defaultAddressPools: optionalList(
      parseAddressPools(raw(inputs, 'default-address-pools'), problems)
    ),
    daemonConfig: parseDaemonConfig(raw(inputs, 'daemon-config'), problems),
    runtime: parseRuntime(raw(inputs, 'runtime'), problems),
    ...parseRootless(raw(inputs, 'rootless'), problems),
    cache: parseCacheOptions((name) => raw(inputs, name), env, problems),
    fastStart: parseBoolean('fast-start', raw(inputs, 'fast-start'), problems)
  }
  if (options.daemonConfig) {
    checkDaemonConfig(options.daemonConfig, options, problems)
  }
  // The default image follows `rootless`.
  options.image = parseImage(
    imageFor(inputs.image, options.rootless, DEFAULT_DIND_IMAGE),
    problems
  )
  checkRootless(options.rootless, options.runtime, problems)
  if (problems.length > 0) throw new InputError(problems)
  return options
}
