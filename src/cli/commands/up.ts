/** `docker-nest up`: start a nest and print its variables. */
import {
  INPUT_DEFAULTS,
  parseInputs,
  type InputName
} from '../../core/config.js'
import { startDind, type NestInfo } from '../../core/dind.js'
import { DockerCli, captureHostDockerEnv } from '../../core/docker.js'
import { detectUplinkMtu } from '../../core/mtu.js'
import { makePlan } from '../../core/plan.js'
import type { Resources } from '../../core/resources.js'
import { writeNestFile } from '../nest-file.js'
import { ENV_FORMATS, formatEnv, isEnvFormat } from '../shell.js'
import { fileRecorder, readStateFile, stateFilePath } from '../state-file.js'
import { EXIT, UsageError } from '../usage.js'
import { STATE_DIR_OPTION, stateDirOf } from './common.js'
import type { Command, OptionSpec } from './types.js'

/** Inputs that are lists: their flags may repeat. */
export const LIST_INPUTS: InputName[] = [
  'dockerd-args',
  'registry-mirrors',
  'insecure-registries',
  'tls-san'
]
/** Inputs that only make sense for the Action. */
const ACTION_ONLY: InputName[] = ['cleanup']
/** The Action inputs `up` takes as flags. */
export const UP_INPUTS = (Object.keys(INPUT_DEFAULTS) as InputName[]).filter(
  (name) => !ACTION_ONLY.includes(name)
)

/** Env var name for an input: DOCKER_NEST_WAIT_TIMEOUT for wait-timeout. */
export function envNameFor(name: InputName): string {
  return `DOCKER_NEST_${name.toUpperCase().replace(/-/g, '_')}`
}

/** The variables a shell needs to use the nest. */
export function nestEnvironment(info: NestInfo): Record<string, string> {
  return {
    DOCKER_HOST: info.dockerHost,
    DOCKER_TLS_VERIFY: info.tlsVerify ? '1' : '',
    DOCKER_CERT_PATH: info.certPath ?? ''
  }
}

/** `--format`, shared with `env`. */
export const FORMAT_OPTION: Record<string, OptionSpec> = {
  format: {
    type: 'string',
    placeholder: 'F',
    help: `output format: ${ENV_FORMATS.join('|')} (default sh)`
  }
}

/** The --format value, checked. */
export function envFormatOf(value: unknown, command: string) {
  const format = (value as string | undefined) ?? 'sh'
  if (!isEnvFormat(format)) {
    throw new UsageError(
      `Option '--format' must be one of ${ENV_FORMATS.join(', ')}, got '${format}'. Run 'docker-nest ${command} --help'.`
    )
  }
  return format
}

const inputOptions: Record<string, OptionSpec> = Object.fromEntries(
  UP_INPUTS.map((name) => [
    name,
    {
      type: 'string',
      multiple: LIST_INPUTS.includes(name),
      placeholder: 'V',
      help: `default: ${INPUT_DEFAULTS[name] || '(none)'}${LIST_INPUTS.includes(name) ? ' (repeatable)' : ''}; env ${envNameFor(name)}`
    }
  ])
)

export const up: Command = {
  name: 'up',
  summary:
    'start a private Docker daemon (dind, mutual TLS) and print its variables: eval "$(docker-nest up)"',
  options: { ...inputOptions, ...FORMAT_OPTION, ...STATE_DIR_OPTION },
  notes: 'Each option is the GitHub Action input of the same name.',
  async run({ values, inputs, stateDir: flag, logger }) {
    const format = envFormatOf(values.format, 'up')
    const options = parseInputs(inputs)
    const stateDir = stateDirOf(flag)
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
    const info = await startDind(plan, resources, {
      docker,
      logger,
      recorder,
      certParentDir: stateDir
    })
    const env = nestEnvironment(info)
    writeNestFile(stateDir, {
      mode: info.mode,
      container: info.containerName,
      env,
      startedAt: new Date().toISOString()
    })
    process.stdout.write(`${formatEnv(env, format)}\n`)
    logger.info(
      `Ready. Remove it with: docker-nest down${flag ? ` --state-dir ${flag}` : ''}`
    )
    return EXIT.ok
  }
}
