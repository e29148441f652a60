/** `docker-nest up`: start a nest and print its variables. */
import { fileURLToPath } from 'node:url'
import { parseInputs } from '../../engine/options/config.js'
import { probePrivileged } from '../../engine/lifecycle/auto.js'
import { isolationArgs } from '../../engine/options/runtime.js'
import { exitOnCancel } from '../../engine/lifecycle/cancel.js'
import { startNestWithCache } from '../../engine/cache/start.js'
import type { NestInfo } from '../../engine/dind/dind.js'
import { DockerCli, captureHostDockerEnv } from '../../engine/docker/cli.js'
import { connectDood } from '../../engine/dood/dood.js'
import { errorMessage } from '../../engine/errors.js'
import { detectUplinkMtu } from '../../engine/dind/mtu.js'
import { nestOwner } from '../../engine/lifecycle/owner.js'
import {
  makePlan,
  plainTcpWarning,
  randomSuffix
} from '../../engine/dind/plan.js'
import { startReaping } from '../../engine/reap/at-start.js'
import { signal, type Signal } from '../../engine/lifecycle/signal.js'
import type {
  ResourceRecorder,
  Resources
} from '../../engine/lifecycle/resources.js'
import { teardown } from '../../engine/lifecycle/teardown.js'
import type { DindOptions, HostDockerEnv, Logger } from '../../engine/types.js'
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

/** What `up` started, in the form the shell and later commands need. */
interface Started {
  mode: 'dind' | 'dood'
  container: string
  env: Record<string, string>
}

interface UpContext {
  options: DindOptions
  hostDocker: HostDockerEnv
  docker: DockerCli
  recorder: ResourceRecorder
  stateDir: string
  logger: Logger
  /** Fired when the sidecar's start is on its way (the reaper begins then). */
  sidecarStarting: Signal
}

async function upDind(ctx: UpContext): Promise<Started> {
  const { options, hostDocker, recorder, logger } = ctx
  const plan = makePlan(options, {
    runPrefix: 'local',
    detectedMtu: options.mtu === 'auto' ? await detectUplinkMtu() : undefined,
    now: new Date(),
    owner: nestOwner('cli')
  })
  const plainTcp = plainTcpWarning(plan)
  if (plainTcp) logger.warning(plainTcp)
  const resources: Resources = { version: 1, runId: plan.runId, hostDocker }
  await recorder.record(resources)
  // From here on Ctrl-C may leave docker calls in flight: let them settle.
  const uninstall = exitOnCancel(ctx.docker, logger)
  try {
    const info = await startNestWithCache(plan, options.cache.busy, resources, {
      docker: ctx.docker,
      logger,
      recorder,
      certParentDir: ctx.stateDir,
      onStarting: ctx.sidecarStarting.fire
    }).finally(uninstall)
    return {
      mode: 'dind',
      container: info.containerName,
      env: nestEnvironment(info)
    }
  } catch (error) {
    // Leave nothing behind: unlike the Action, no post step follows a failed
    // up. The record stays only if something could not be removed, for `down`.
    const report = await teardown(resources, ctx.docker, logger)
    for (const warning of report.warnings) logger.warning(warning)
    if (report.warnings.length === 0) await removeStateFile(ctx.stateDir)
    throw error
  }
}

async function upDood(ctx: UpContext): Promise<Started> {
  const { hostDocker, recorder, logger } = ctx
  const runId = `local-${randomSuffix()}`
  const resources: Resources = { version: 1, runId, hostDocker, mode: 'dood' }
  await recorder.record(resources)
  const info = await connectDood(ctx.options, runId, {
    logger,
    proxyDir: ctx.stateDir,
    // This bundle also runs the proxy (`docker-nest socket-proxy`).
    cliPath: fileURLToPath(import.meta.url),
    recordProxy: (proxy) => {
      resources.proxy = proxy
      return recorder.record(resources)
    }
  })
  resources.socket = info.socket
  await recorder.record(resources)
  logger.info(
    "dood: containers run on this machine's daemon; bind-mount paths are " +
      'paths of the machine, not of a job container.'
  )
  return {
    mode: 'dood',
    container: '',
    env: {
      DOCKER_HOST: info.dockerHost,
      DOCKER_TLS_VERIFY: '',
      DOCKER_CERT_PATH: '',
      DOCKER_NEST_LABEL: info.label
    }
  }
}

/** `--mode auto`: dind where a privileged container starts, else dood; dood also when dind then fails. */
async function upAuto(ctx: UpContext): Promise<Started> {
  const probe = await probePrivileged(
    ctx.docker,
    ctx.options.image,
    `local-${randomSuffix()}-probe`,
    undefined,
    isolationArgs(ctx.options.runtime, ctx.options.rootlessUnprivileged)
  )
  ctx.logger.info(
    `mode: auto chose ${probe.privileged ? 'dind' : 'dood'}: ${probe.reason}.`
  )
  if (!probe.privileged) return upDood(ctx)
  try {
    return await upDind(ctx)
  } catch (error) {
    ctx.logger.warning(
      `mode: auto: dind did not start, using dood instead. ${errorMessage(error)}`
    )
    return upDood(ctx)
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
    const hostDocker = captureHostDockerEnv()
    let docker: DockerCli | undefined
    const ctx: UpContext = {
      options,
      hostDocker,
      // dood needs no docker CLI; look it up only when a mode needs it.
      get docker() {
        docker ??= DockerCli.locate(hostDocker, (m) => logger.debug(m))
        return docker
      },
      recorder: fileRecorder(stateDir),
      stateDir,
      logger,
      sidecarStarting: signal()
    }
    // What crashed jobs left goes while this nest starts (from
    // when its start request is on its way: ctx.sidecarStarting).
    const reaping = startReaping(
      options.mode === 'dood' ? undefined : ctx.docker,
      logger,
      ctx.sidecarStarting.fired
    )
    const started = await (
      options.mode === 'dood'
        ? upDood(ctx)
        : options.mode === 'auto'
          ? upAuto(ctx)
          : upDind(ctx)
    ).finally(() => reaping.finish())
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
