/**
 * What later steps' clients need beyond DOCKER_HOST & co.: a docker
 * context for buildx and setup-buildx-action, and the host Testcontainers
 * should use for published ports. Nothing here spawns a process, and with
 * both inputs at their defaults it does nothing at all.
 */
import * as core from './workflow.js'
import type { NestInfo } from '../engine/dind/dind.js'
import type { DoodInfo } from '../engine/dood/dood.js'
import {
  createDockerContext,
  dockerConfigDir,
  parseContextRecord,
  removeDockerContext,
  type DockerContextRecord
} from './docker-context.js'
import { errorMessage } from '../engine/errors.js'
import type { ClientOptions } from '../engine/types.js'
import { STATE_KEYS } from './state.js'

/**
 * Creates the docker context and exports the Testcontainers host when asked.
 *
 * @returns The context name for output `context` ('' when none).
 * @throws Error when the context cannot be written.
 */
export function setUpClients(
  options: ClientOptions,
  info: NestInfo | DoodInfo,
  runId: string
): string {
  if (options.testcontainersHostOverride) exportTestcontainersHost(info)
  if (!options.context) return ''
  const pending: DockerContextRecord = {
    name: options.context,
    configDir: dockerConfigDir()
  }
  // Saved before the files exist, so post also cleans a half-written context.
  saveContext(pending)
  const record = createDockerContext({
    ...pending,
    host: info.dockerHost,
    certPath: info.mode === 'dind' ? info.certPath : undefined,
    runId
  })
  saveContext(record)
  core.info(
    `Docker context '${record.name}' (now current) in ${record.configDir}; ` +
      `previous: ${record.previous ?? 'none'}.`
  )
  return record.name
}

/**
 * Published ports of inner containers are on the sidecar, not on 127.0.0.1
 * (the host of DOCKER_HOST, which Testcontainers would use otherwise). In
 * dood they are on the runner's daemon host, which Testcontainers finds.
 */
function exportTestcontainersHost(info: NestInfo | DoodInfo): void {
  if (info.mode === 'dood') {
    core.info(
      'testcontainers-host-override: dood publishes ports on the runner’s ' +
        'daemon host; nothing to override.'
    )
    return
  }
  core.exportVariable('TESTCONTAINERS_HOST_OVERRIDE', info.containerIp)
  core.info(`TESTCONTAINERS_HOST_OVERRIDE=${info.containerIp}`)
}

function saveContext(record: DockerContextRecord): void {
  core.saveState(STATE_KEYS.context, JSON.stringify(record))
}

/** Post: removes the context main created and restores the previous current one. Never throws. */
export function removeClientContext(): void {
  const saved = core.getState(STATE_KEYS.context)
  if (!saved) return
  try {
    const record = parseContextRecord(saved)
    const warnings = removeDockerContext(record)
    for (const warning of warnings) core.warning(warning)
    if (warnings.length === 0) {
      core.info(
        `Removed docker context '${record.name}'; current context: ` +
          `${record.previous ?? 'default'}.`
      )
    }
  } catch (error) {
    core.warning(`docker-nest cleanup: ${errorMessage(error)}`)
  }
}
