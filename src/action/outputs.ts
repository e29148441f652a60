/** Publishes a ready nest to later steps: environment variables and step outputs. */
import * as core from '@actions/core'
import type { NestInfo } from '../core/dind.js'

/** The variables every docker client reads, exported for the rest of the job. */
export function exportEnvironment(info: NestInfo): void {
  core.exportVariable('DOCKER_HOST', info.dockerHost)
  // Empty, not unset: an earlier step's value would otherwise survive (runner env semantics).
  core.exportVariable('DOCKER_TLS_VERIFY', info.tlsVerify ? '1' : '')
  core.exportVariable('DOCKER_CERT_PATH', info.certPath ?? '')
}

/** Step output values by name (as declared in action.yml). */
export function outputsFor(info: NestInfo): Record<string, string> {
  const outputs: Record<string, string | number> = {
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
  return Object.fromEntries(
    Object.entries(outputs).map(([name, value]) => [name, String(value)])
  )
}

/** Sets every step output. */
export function setOutputs(info: NestInfo): void {
  for (const [name, value] of Object.entries(outputsFor(info))) {
    core.setOutput(name, value)
  }
}
