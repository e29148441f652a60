/**
 * The docker-nest command: the engine for GitLab jobs, Jenkins, self-hosted
 * runners and laptops. Exit codes: 0 done, 1 failed, 2 bad usage or input.
 */
import { parseArgs } from 'node:util'
import {
  INPUT_DEFAULTS,
  InputError,
  parseInputs,
  type InputName,
  type RawInputs
} from '../core/config.js'
import { exitOnCancel } from '../core/cancel.js'
import { startDind, type NestInfo } from '../core/dind.js'
import { DockerCli, captureHostDockerEnv, findOnPath } from '../core/docker.js'
import { errorMessage } from '../core/errors.js'
import { detectUplinkMtu } from '../core/mtu.js'
import { makePlan } from '../core/plan.js'
import type { Resources } from '../core/resources.js'
import { teardown } from '../core/teardown.js'
import type { Logger } from '../core/types.js'
import { createCliLogger } from './logger.js'
import { exportLines } from './shell.js'
import {
  fileRecorder,
  readStateFile,
  removeStateFile,
  resolveStateDir,
  stateFilePath
} from './state-file.js'

/** Exit codes, documented in --help and the README. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const

/** Bad command line: reported with exit code 2. */
class UsageError extends Error {}

/** Inputs that are lists: their flags may repeat. */
const LIST_INPUTS: InputName[] = [
  'dockerd-args',
  'registry-mirrors',
  'insecure-registries',
  'tls-san'
]
/** Inputs that only make sense for the Action. */
const ACTION_ONLY: InputName[] = ['cleanup']
const UP_INPUTS = (Object.keys(INPUT_DEFAULTS) as InputName[]).filter(
  (name) => !ACTION_ONLY.includes(name)
)

export const HELP = `Usage: docker-nest <command> [options]

Commands:
  up      Start a private Docker daemon (dind, mutual TLS) and print
          'export' lines for it:  eval "$(docker-nest up)"
  down    Remove the nest that 'up' started (container, volume, certificates)
  help    Show this help

Options for up (each also read from DOCKER_NEST_<NAME>, e.g. DOCKER_NEST_IMAGE):
${UP_INPUTS.map((name) => `  --${name}${LIST_INPUTS.includes(name) ? ' (repeatable)' : ''}  default: ${INPUT_DEFAULTS[name] || '(none)'}`).join('\n')}

Options for up and down:
  --state-dir DIR   where the nest's record lives
                    (default $DOCKER_NEST_STATE_DIR or ~/.local/state/docker-nest)
  --debug           more detail on stderr

Exit codes: 0 done, 1 failed (the message says why), 2 bad usage or input.
`

/** Env var name for an input: DOCKER_NEST_WAIT_TIMEOUT for wait-timeout. */
export function envNameFor(name: InputName): string {
  return `DOCKER_NEST_${name.toUpperCase().replace(/-/g, '_')}`
}

interface Parsed {
  command: string
  inputs: RawInputs
  stateDir: string | undefined
  debug: boolean
}

/** Parses argv (without node and script); flags win over env vars. */
export function parseCommandLine(argv: string[], env = process.env): Parsed {
  const options: Record<
    string,
    { type: 'string' | 'boolean'; multiple?: boolean }
  > = {
    'state-dir': { type: 'string' },
    debug: { type: 'boolean' },
    help: { type: 'boolean' }
  }
  for (const name of UP_INPUTS) {
    options[name] = { type: 'string', multiple: LIST_INPUTS.includes(name) }
  }
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      options,
      allowPositionals: true,
      strict: true
    })
  } catch (error) {
    throw new UsageError(`${(error as Error).message}. Run 'docker-nest help'.`)
  }
  const { values, positionals } = parsed
  if (positionals.length > 1) {
    throw new UsageError(
      `Unexpected argument '${positionals[1]}'. Run 'docker-nest help'.`
    )
  }
  const inputs: RawInputs = {}
  for (const name of UP_INPUTS) {
    const value = values[name] as string | string[] | undefined
    const fromEnv = env[envNameFor(name)]
    if (value !== undefined)
      inputs[name] = Array.isArray(value) ? value.join('\n') : value
    else if (fromEnv !== undefined) inputs[name] = fromEnv
  }
  return {
    command: values.help ? 'help' : (positionals[0] ?? 'help'),
    inputs,
    stateDir: values['state-dir'] as string | undefined,
    debug: Boolean(values.debug)
  }
}

/** The variables a shell needs to use the nest. */
export function nestEnvironment(info: NestInfo): Record<string, string> {
  return {
    DOCKER_HOST: info.dockerHost,
    DOCKER_TLS_VERIFY: info.tlsVerify ? '1' : '',
    DOCKER_CERT_PATH: info.certPath ?? ''
  }
}

async function up(parsed: Parsed, logger: Logger): Promise<number> {
  const options = parseInputs(parsed.inputs)
  const stateDir = resolveStateDir(parsed.stateDir)
  const existing = await readStateFile(stateDir)
  if (existing) {
    throw new UsageError(
      `A nest is already up (${stateFilePath(stateDir)}, container ` +
        `${existing.container ?? '-'}). Run 'docker-nest down' first, or use another --state-dir.`
    )
  }
  const hostDocker = captureHostDockerEnv()
  const docker = DockerCli.locate(hostDocker, (m) => logger.debug(m))
  const plan = makePlan(options, {
    runPrefix: 'local',
    detectedMtu: options.mtu === 'auto' ? await detectUplinkMtu() : undefined,
    now: new Date()
  })
  const recorder = fileRecorder(stateDir)
  const resources: Resources = { version: 1, runId: plan.runId, hostDocker }
  await recorder.record(resources)
  const uninstall = exitOnCancel(docker, logger)
  const info = await startDind(plan, resources, {
    docker,
    logger,
    recorder,
    certParentDir: stateDir
  }).finally(uninstall)
  process.stdout.write(`${exportLines(nestEnvironment(info))}\n`)
  logger.info(
    `Ready. Remove it with: docker-nest down${parsed.stateDir ? ` --state-dir ${parsed.stateDir}` : ''}`
  )
  return EXIT.ok
}

async function down(parsed: Parsed, logger: Logger): Promise<number> {
  const stateDir = resolveStateDir(parsed.stateDir)
  const resources = await readStateFile(stateDir)
  if (!resources) {
    logger.info(
      `No nest is up (no ${stateFilePath(stateDir)}); nothing to remove.`
    )
    return EXIT.ok
  }
  const docker = new DockerCli(
    findOnPath('docker') ?? 'docker',
    resources.hostDocker,
    (m) => logger.debug(m)
  )
  const report = await teardown(resources, docker, logger)
  for (const warning of report.warnings) logger.warning(warning)
  if (report.warnings.length > 0) return EXIT.failed
  await removeStateFile(stateDir)
  return EXIT.ok
}

/** Runs one command line; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  try {
    const parsed = parseCommandLine(argv)
    const logger = createCliLogger(parsed.debug)
    switch (parsed.command) {
      case 'up':
        return await up(parsed, logger)
      case 'down':
        return await down(parsed, logger)
      case 'help':
        process.stdout.write(HELP)
        return EXIT.ok
      default:
        throw new UsageError(
          `Unknown command '${parsed.command}'. Run 'docker-nest help'.`
        )
    }
  } catch (error) {
    process.stderr.write(`docker-nest: ${errorMessage(error)}\n`)
    return error instanceof UsageError || error instanceof InputError
      ? EXIT.usage
      : EXIT.failed
  }
}
