/** `docker-nest up`: start a nest and print its variables. */
import { fileURLToPath } from 'node:url'
import { parseInputs } from '../../engine/options/config.js'
import type { NestInfo } from '../../engine/dind/dind.js'
import { captureHostDockerEnv } from '../../engine/docker/cli.js'
import { nestOwner } from '../../engine/lifecycle/owner.js'
import {
  up as startUp,
  type UpContext,
  type UpResult
} from '../../engine/lifecycle/up.js'
import type { HostDockerEnv, Logger } from '../../engine/types.js'
import { writeNestFile } from '../nest-file.js'
import { formatEnv } from '../shell.js'
import {
  fileRecorder,
  readStateFile,
  removeStateFile,
  stateFilePath
} from '../state-file.js'
import { EXIT, UsageError } from '../usage.js'
import { STATE_DIR_OPTION, stateDirOf } from './common.js'
import type { Command } from './types.js'
import { FORMAT_OPTION, INPUT_OPTIONS, envFormatOf } from './up-options.js'

/** The variables a shell needs to use the nest. */
export function nestEnvironment(info: NestInfo): Record<string, string> {
  return {
    DOCKER_HOST: info.dockerHost,
    DOCKER_TLS_VERIFY: info.tlsVerify ? '1' : '',
    DOCKER_CERT_PATH: info.certPath ?? ''
  }
}

/** The variables a shell needs, for what `up` started. */
export function startedEnvironment(result: UpResult): Record<string, string> {
  if (result.mode === 'dind') return nestEnvironment(result.info)
  return {
    DOCKER_HOST: result.info.dockerHost,
    DOCKER_TLS_VERIFY: '',
    DOCKER_CERT_PATH: '',
    DOCKER_NEST_LABEL: result.info.label
  }
}

/** What the engine needs from a shell, Jenkins or a self-hosted runner. */
function cliContext(
  stateDir: string,
  hostDocker: HostDockerEnv,
  logger: Logger,
  env: NodeJS.ProcessEnv
): UpContext {
  return {
    logger,
    recorder: fileRecorder(stateDir),
    runPrefix: 'local',
    owner: nestOwner('cli'),
    hostDocker,
    certParentDir: stateDir,
    // This bundle also runs the proxy (`docker-nest socket-proxy`).
    proxy: { dir: stateDir, cliPath: fileURLToPath(import.meta.url) },
    cachedPrivileged: env.DOCKER_NEST_PRIVILEGED,
    // No post step follows a failed up: what it left goes at once, and the
    // record stays only if something could not be removed, for `down`.
    noPostStep: true,
    onRemoved: () => removeStateFile(stateDir)
  }
}

export const up: Command = {
  name: 'up',
  summary:
    'start a private Docker daemon (dind, mutual TLS; or --mode dood|auto) and print its variables: eval "$(docker-nest up)"',
  options: { ...INPUT_OPTIONS, ...FORMAT_OPTION, ...STATE_DIR_OPTION },
  notes: [
    'Each input option is the GitHub Action input of the same name. ' +
      'Booleans: --tls, --no-tls or --tls=false. With --cache ' +
      'outside GitHub Actions and GitLab CI, set DOCKER_NEST_REPOSITORY to the ' +
      "repository (its cache's partition), or use --cache-scope shared.",
    '',
    'Examples:',
    '  set -e; eval "$(docker-nest up)"             # sh, bash, zsh',
    '  docker-nest up --format fish | source; or exit 1',
    '',
    'When up fails, it prints a line that makes that eval or source fail ' +
      '(sh and fish formats, when stdout is not a terminal), so a script ' +
      "stops instead of running docker against the runner's own daemon."
  ].join('\n'),
  async run({ values, inputs, stateDir: flag, logger, env }) {
    const format = envFormatOf(values.format, 'up')
    const options = parseInputs(inputs, env)
    const stateDir = stateDirOf(flag)
    const existing = await readStateFile(stateDir)
    if (existing) {
      throw new UsageError(
        `A nest is already up (${stateFilePath(stateDir)}, container ` +
          `${existing.container ?? '-'}). Run 'docker-nest down' first, or use another --state-dir.`
      )
    }
    const result = await startUp(
      options,
      cliContext(stateDir, captureHostDockerEnv(), logger, env)
    )
    if (result.mode === 'dood') logger.info(result.note)
    const started = {
      mode: result.mode,
      container: result.mode === 'dind' ? result.info.containerName : '',
      env: startedEnvironment(result)
    }
    writeNestFile(stateDir, {
      mode: started.mode,
      container: started.container,
      env: started.env,
      startedAt: new Date().toISOString()
    })
    process.stdout.write(`${formatEnv(started.env, format)}\n`)
    logger.info(
      `Ready. Remove it with: docker-nest down${flag ? ` --state-dir ${flag}` : ''}`
    )
    return EXIT.ok
  }
}
