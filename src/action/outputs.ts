/** Publishes Docker to later steps: environment variables and step outputs. */
import * as core from './workflow.js'
import type { NestInfo } from '../core/dind.js'
import type { DoodInfo } from '../core/dood.js'

/** The variables every docker client reads, exported for the rest of the job. */
export function exportEnvironment(info: NestInfo): void {
  core.exportVariable('DOCKER_HOST', info.dockerHost)
  // Empty, not unset: an earlier step's value would otherwise survive (runner env semantics).
  core.exportVariable('DOCKER_TLS_VERIFY', info.tlsVerify ? '1' : '')
  core.exportVariable('DOCKER_CERT_PATH', info.certPath ?? '')
}

/** dood: the socket, no TLS (a stale DOCKER_TLS_VERIFY breaks a unix connection), and the run label. */
export function exportDoodEnvironment(info: DoodInfo): void {
  core.exportVariable('DOCKER_HOST', info.dockerHost)
  core.exportVariable('DOCKER_TLS_VERIFY', '')
  core.exportVariable('DOCKER_CERT_PATH', '')
  core.exportVariable('DOCKER_NEST_LABEL', info.label)
}

/**
 * Step output values by name (as declared in action.yml); `cliPath` is the
 * docker CLI used, `context` the docker context created (issue 8).
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
