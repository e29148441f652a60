/**
 * A docker context for the nest (input `context`). buildx refuses
 * to create a builder from "TLS data loaded from environment", and
 * docker/setup-buildx-action takes an `endpoint` that names a context: both
 * need the endpoint and TLS material in Docker's context store, not in env.
 *
 * The files are written directly (no `docker context create` spawn, so main
 * stays fast), in the store layout of docker/cli `context/store`:
 *   <config>/contexts/meta/<sha256(name)>/meta.json
 *   <config>/contexts/tls/<sha256(name)>/docker/{ca,cert,key}.pem
 * and `currentContext` in <config>/config.json points at it. Post removes
 * both and restores the previous current context.
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { homedir } from 'node:os'
import { isAbsolute, join, resolve } from 'node:path'
import { CONTEXT_NAME } from '../engine/options/clients.js'
import { lazyCrypto } from '../engine/util/lazy-builtins.js'

/** Marks a context as ours in its metadata, so a stale one may be replaced. */
const OWNER_FIELD = 'DockerNestRun'

/** What post needs to undo {@link createDockerContext}. */
export interface DockerContextRecord {
  name: string
  /** The docker config dir the context was written to. */
  configDir: string
  /** `currentContext` before ours; absent when config.json had none. */
  previous?: string
}

/** Where the context goes: what {@link createDockerContext} needs. */
export interface DockerContextOptions {
  name: string
  configDir: string
  /** DOCKER_HOST of the nest (`tcp://…` or `unix://…`). */
  host: string
  /** Dir with ca.pem, cert.pem, key.pem; undefined without TLS. */
  certPath?: string
  /** Run id, written into the metadata. */
  runId: string
}

/** The docker config dir the CLI uses: $DOCKER_CONFIG, else ~/.docker. */
export function dockerConfigDir(
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir()
): string {
  return env.DOCKER_CONFIG ? resolve(env.DOCKER_CONFIG) : join(home, '.docker')
}

/** The store's directory id of a context: hex sha256 of its name. */
export function contextId(name: string): string {
  return lazyCrypto().createHash('sha256').update(name).digest('hex')
}

/** The two store directories of one context. */
export function contextDirs(
  configDir: string,
  name: string
): { meta: string; tls: string } {
  const id = contextId(name)
  return {
    meta: join(configDir, 'contexts', 'meta', id),
    tls: join(configDir, 'contexts', 'tls', id)
  }
}

/** meta.json of a context with one docker endpoint (docker/cli `store.Metadata`). */
export function contextMeta(
  options: DockerContextOptions
): Record<string, unknown> {
  return {
    Name: options.name,
    Metadata: {
      Description: `docker-nest: the job's Docker daemon (run ${options.runId})`,
      [OWNER_FIELD]: options.runId
    },
    Endpoints: { docker: { Host: options.host, SkipTLSVerify: false } }
  }
}

/** The run id in a context's metadata when docker-nest wrote it. */
function ownerOf(metaDir: string): string | undefined {
  try {
    const meta = JSON.parse(readFileSync(join(metaDir, 'meta.json'), 'utf8'))
    const owner = meta?.Metadata?.[OWNER_FIELD]
    return typeof owner === 'string' ? owner : undefined
  } catch {
    return undefined
  }
}

/**
 * Writes the context and makes it the current one.
 *
 * @param options Name, config dir, endpoint and certificates.
 * @returns What to pass to {@link removeDockerContext}.
 * @throws Error when a context of that name exists and is not docker-nest's,
 *   or config.json is not valid JSON.
 */
export function createDockerContext(
  options: DockerContextOptions
): DockerContextRecord {
  const { name, configDir } = options
  const dirs = contextDirs(configDir, name)
  if (existsSync(dirs.meta) && ownerOf(dirs.meta) === undefined) {
    throw new Error(
      `Input 'context': a docker context named '${name}' already exists in ` +
        `${configDir} and docker-nest did not create it. Choose another ` +
        `name or remove it (docker context rm ${name}).`
    )
  }
  const config = readConfig(configDir)
  rmSync(dirs.tls, { recursive: true, force: true })
  if (options.certPath) {
    const docker = join(dirs.tls, 'docker')
    mkdirSync(docker, { recursive: true, mode: 0o700 })
    for (const file of ['ca.pem', 'cert.pem', 'key.pem']) {
      copyFileSync(join(options.certPath, file), join(docker, file))
    }
  }
  mkdirSync(dirs.meta, { recursive: true, mode: 0o755 })
  writeFileSync(
    join(dirs.meta, 'meta.json'),
    JSON.stringify(contextMeta(options))
  )
  const previous = config.currentContext
  const record: DockerContextRecord = {
    name,
    configDir,
    ...(typeof previous === 'string' && previous !== name ? { previous } : {})
  }
  writeConfig(configDir, { ...config, currentContext: name })
  return record
}

/**
 * Removes the context and, when it is still the current one, makes the
 * previous context current again. Never throws.
 *
 * @returns Warnings, one per step that failed.
 */
export function removeDockerContext(record: DockerContextRecord): string[] {
  const warnings: string[] = []
  const dirs = contextDirs(record.configDir, record.name)
  // Only ours: main may have refused to replace the user's context of that
  // name; then neither it nor the current context is ours to change.
  if (existsSync(dirs.meta) && ownerOf(dirs.meta) === undefined) return []
  try {
    rmSync(dirs.meta, { recursive: true, force: true })
    rmSync(dirs.tls, { recursive: true, force: true })
  } catch (error) {
    warnings.push(`Could not remove docker context '${record.name}': ${error}`)
  }
  try {
    restoreCurrent(record)
  } catch (error) {
    warnings.push(
      `Could not restore the current docker context in ` +
        `${join(record.configDir, 'config.json')}: ${error}`
    )
  }
  return warnings
}

/** Puts `previous` back unless the job switched to another context itself. */
function restoreCurrent(record: DockerContextRecord): void {
  if (!existsSync(join(record.configDir, 'config.json'))) return
  const config = readConfig(record.configDir)
  if (config.currentContext !== record.name) return
  const { currentContext: _ours, ...rest } = config
  writeConfig(
    record.configDir,
    record.previous === undefined
      ? rest
      : { ...rest, currentContext: record.previous }
  )
}

function readConfig(configDir: string): Record<string, unknown> {
  const file = join(configDir, 'config.json')
  if (!existsSync(file)) return {}
  const text = readFileSync(file, 'utf8')
  if (text.trim() === '') return {}
  try {
    const config = JSON.parse(text)
    if (typeof config === 'object' && config !== null && !Array.isArray(config))
      return config
  } catch {
    // reported below
  }
  throw new Error(
    `${file} is not a JSON object, so the current docker context cannot be ` +
      'set. Fix or remove it, or leave input context empty.'
  )
}

/** Atomic rewrite that keeps the file's mode (config.json may hold auths). */
function writeConfig(configDir: string, config: Record<string, unknown>): void {
  const file = join(configDir, 'config.json')
  const mode = existsSync(file) ? statSync(file).mode & 0o777 : 0o600
  mkdirSync(configDir, { recursive: true, mode: 0o700 })
  const temp = `${file}.docker-nest-${process.pid}`
  writeFileSync(temp, `${JSON.stringify(config, null, '\t')}\n`, { mode })
  renameSync(temp, file)
}

/**
 * Checks a record read back from state.
 *
 * @throws Error when it does not look like one {@link createDockerContext} made.
 */
export function parseContextRecord(text: string): DockerContextRecord {
  const value = JSON.parse(text) as Partial<DockerContextRecord> | null
  const ok =
    typeof value?.name === 'string' &&
    CONTEXT_NAME.test(value.name) &&
    typeof value.configDir === 'string' &&
    isAbsolute(value.configDir) &&
    (value.previous === undefined || typeof value.previous === 'string')
  if (!ok) throw new Error(`docker-nest context state is malformed: ${text}`)
  const { name, configDir, previous } = value as DockerContextRecord
  return { name, configDir, ...(previous === undefined ? {} : { previous }) }
}
