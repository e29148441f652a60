/** Publishes Docker to later steps: environment variables and step outputs. */
import * as core from './workflow.js'
import type { NestInfo } from '../engine/dind/dind.js'
import type { DoodInfo } from '../engine/dood/dood.js'

/**
 * The variables main exports for the rest of the job. With `setHost` the
 * ones every docker client reads: DOCKER_HOST, and DOCKER_TLS_VERIFY and
 * DOCKER_CERT_PATH empty rather than unset, since an earlier step's value
 * would otherwise survive (runner env semantics) and a stale
 * DOCKER_TLS_VERIFY breaks a unix connection. Without it none of them, so
 * later steps keep the Docker they had. dood always adds the run label.
 */
export function environmentFor(
  info: NestInfo | DoodInfo,
  setHost: boolean
): Record<string, string> {
  const env: Record<string, string> = {}
  if (setHost) {
    const dind = info.mode === 'dind' ? info : undefined
    env.DOCKER_HOST = info.dockerHost
    env.DOCKER_TLS_VERIFY = dind?.tlsVerify ? '1' : ''
    env.DOCKER_CERT_PATH = dind?.certPath ?? ''
  }
  if (info.mode === 'dood') env.DOCKER_NEST_LABEL = info.label
  return env
}

/** Exports {@link environmentFor}'s variables and logs the set ones. */
export function exportEnvironment(
  info: NestInfo | DoodInfo,
  setHost: boolean
): void {
  const env = environmentFor(info, setHost)
  for (const [name, value] of Object.entries(env)) {
    core.exportVariable(name, value)
    if (value) core.info(`${name}=${value}`)
  }
  if (!setHost) {
    core.info(
      'set-host: false — DOCKER_HOST, DOCKER_TLS_VERIFY and ' +
        'DOCKER_CERT_PATH left as they were; this daemon is at ' +
        `${info.dockerHost} (output docker-host).`
    )
  }
}

/**
 * Step output values by name (as declared in action.yml); `cliPath` is the
 * docker CLI used, `context` the docker context created.
 */
export function outputsFor(
  info: NestInfo | DoodInfo,
  cliPath = '',
  context = ''
): Record<string, string> {
  const outputs: Record<string, string | number> =
    info.mode === 'dood'
      ? {
          'docker-host': info.dockerHost,
          'cert-path': '',
          'tls-verify': '',
          'container-id': '',
          'container-ip': '',
          port: '',
          'server-version': info.serverVersion,
          'storage-driver': info.storageDriver,
          mtu: '',
          'ready-ms': info.readyMs,
          mode: info.mode
        }
      : {
          'docker-host': info.dockerHost,
          'cert-path': info.certPath ?? '',
          'tls-verify': info.tlsVerify ? '1' : '',
          'container-id': info.containerId,
          'container-ip': info.containerIp,
          port: info.port,
          'server-version': info.serverVersion,
          'storage-driver': info.storageDriver,
          mtu: info.mtu,
          'ready-ms': info.readyMs,
          mode: info.mode
        }
  outputs['docker-cli-path'] = cliPath
  outputs.context = context
  return Object.fromEntries(
    Object.entries(outputs).map(([name, value]) => [name, String(value)])
  )
}

/** Sets every step output. */
export function setOutputs(
  info: NestInfo | DoodInfo,
  cliPath = '',
  context = ''
): void {
  const outputs = outputsFor(info, cliPath, context)
  for (const [name, value] of Object.entries(outputs)) {
    core.setOutput(name, value)
  }
}
