/**
 * Explains a sidecar that did not become ready: the container's state, the
 * tail of its log, and a hint for each known cause found in that log: the
 * failures dind users meet most, by the lines dockerd and the start script
 * print for them.
 */
import { errorText, type DockerClient } from '../docker/client.js'
import { ROOTLESS_RULES } from './rootless-diagnose.js'
import type { ContainerInspect } from '../types.js'

/** A known cause recognised in the daemon log. */
export interface Hint {
  id: string
  /** What went wrong and how to fix it, in one or two sentences. */
  message: string
}

interface HintRule extends Hint {
  pattern: RegExp
  /** A log that also matches this is another cause (see that rule). */
  unless?: RegExp
}

/** Lines of the container log shown on failure. */
export const LOG_TAIL_LINES = 50

const RULES: HintRule[] = [
  // Rootless causes are more specific than "not privileged".
  ...ROOTLESS_RULES,
  {
    id: 'no-dockerd',
    // Only about dockerd itself: a healthy dockerd also logs
    // `exec: "fuse-overlayfs": executable file not found` while probing drivers.
    pattern:
      /dockerd: not found|exec: "?dockerd"?:|"dockerd": executable file not found/i,
    message:
      "The image has no dockerd on PATH. Use the official 'docker:<version>-dind' " +
      'image or an image that ships dockerd.'
  },
  {
    id: 'not-privileged',
    pattern:
      /mount: permission denied|are you root|you must be root|Could not mount \/sys\/kernel\/security|failed to mount overlay: operation not permitted|unable to apply caps|Operation not permitted.*(mount|cgroup)/i,
    message:
      'The sidecar is not allowed to act as privileged. The runner must ' +
      'allow --privileged containers (GitLab: privileged = true; ' +
      'Kubernetes: securityContext.privileged), or use a runtime such as ' +
      'sysbox.'
  },
  {
    id: 'iptables-nat',
    pattern:
      /can't initialize iptables table|Table does not exist|TABLE_ADD failed|iptables failed|failed to create NAT chain/i,
    // iptables refused for lack of CAP_NET_ADMIN: not a backend problem.
    unless: /Permission denied \(you must be root\)/i,
    message:
      'The inner daemon could not set up iptables NAT: the host kernel lacks the ' +
      'iptables backend the image chose. Set DOCKER_IPTABLES_LEGACY=1 (legacy) or ' +
      'use an image whose iptables matches the host (nf_tables), or pass ' +
      "'--iptables=false' in dockerd-args if inner containers need no NAT."
  },
  {
    id: 'overlay-einval',
    pattern:
      /failed to mount overlay: invalid argument|overlay.*invalid argument/i,
    message:
      'overlay-on-overlay: /var/lib/docker is not on a real filesystem. ' +
      'docker-nest mounts a volume there; on Kubernetes use an emptyDir, or ' +
      "pass '--storage-driver=vfs' as a (slow) last resort."
  },
  {
    id: 'cgroup-nesting',
    pattern:
      /cannot enter cgroupv2|sed: write error|cgroup\.subtree_control|could not enable cgroup v2 nesting|Device or resource busy/i,
    message:
      'cgroup v2 nesting failed. Use a current dind image (2025 or later) and ' +
      'make sure nothing runs `docker exec` in the sidecar while it starts.'
  },
  {
    id: 'tls-certificates',
    pattern:
      /v2i_GENERAL_NAME_ex|unable to get local issuer|verification failed|error loading|certificates never arrived|tls: /i,
    message:
      'The TLS certificates were not accepted by the daemon. Check tls-san ' +
      'entries (typed DNS:/IP:) and that the image reads them from ' +
      '$DOCKER_TLS_CERTDIR/server.'
  },
  {
    id: 'stale-pidfile',
    pattern:
      /pid file found, ensure docker is not running|process with PID \d+ is still running/i,
    message:
      'A stale dockerd pid file stopped the start. Use a fresh volume or an ' +
      'image whose entrypoint removes stale pid files.'
  },
  {
    id: 'slow-plain-tcp',
    pattern: /Startup is intentionally being slowed down/i,
    message:
      'dockerd delays start by 15 s on a plain TCP listener without ' +
      '--tls=false; keep tls: true or let docker-nest pass --tls=false.'
  },
  {
    // Input daemon-config (daemon.json) that this dockerd refuses.
    id: 'daemon-config',
    pattern:
      /directives don't match any configuration option|specified both as a flag and in the configuration file|unable to configure the Docker daemon with file/i,
    message:
      "dockerd refused its daemon.json (input 'daemon-config'): a key this " +
      'Docker version does not know (misspelt, or added in a later ' +
      'version), a value of the wrong type, or a setting also passed in ' +
      "'dockerd-args'. " +
      'The log line above names it.'
  },
  {
    // Our containerd died after dockerd was handed its socket.
    id: 'fast-start',
    pattern: /fast start failed: containerd exited before it listened/,
    message:
      'The containerd docker-nest started first (fast start) exited before ' +
      'it listened, so dockerd was stopped. Its own log lines above say why; ' +
      "set input 'fast-start: false' (CLI: --fast-start false) to let dockerd " +
      'start its own containerd.'
  },
  {
    id: 'vfs',
    pattern: /storage-driver=vfs|falling back to vfs|"vfs"/i,
    message:
      'The inner daemon fell back to the vfs storage driver (slow, big). ' +
      'Mount a volume on /var/lib/docker.'
  }
]

/** Returns the hints whose signature appears in the log, most specific first. */
export function classifyLog(log: string): Hint[] {
  return RULES.filter(
    (rule) => rule.pattern.test(log) && !rule.unless?.test(log)
  ).map(({ id, message }) => ({
    id,
    message
  }))
}

/** What we could learn about a failed sidecar. */
export interface Diagnosis {
  /** One line about the container: running, or exited with which code. */
  state: string
  logTail: string
  hints: Hint[]
}

/** Collects state, log tail and hints; never throws. */
export async function diagnoseContainer(
  docker: DockerClient,
  name: string
): Promise<Diagnosis> {
  const [logs, info] = await Promise.all([
    // dockerd logs to stderr: the client puts that stream last, as it holds
    // the error. Logs that cannot be read show why.
    docker.logTail(name, LOG_TAIL_LINES).catch(errorText),
    docker.inspectContainer(name).catch(() => undefined)
  ])
  const state = info
    ? describeState(info.State)
    : 'unknown (docker inspect failed)'
  const logTail = logs.trim().split('\n').slice(-LOG_TAIL_LINES).join('\n')
  return { state, logTail, hints: classifyLog(logTail) }
}

/** One line for a container state. */
export function describeState(state: ContainerInspect['State']): string {
  if (state.Running) return 'running'
  const parts = [`${state.Status}, exit code ${state.ExitCode}`]
  if (state.OOMKilled) parts.push('killed: out of memory')
  if (state.Error) parts.push(state.Error)
  return parts.join('; ')
}

/** The sidecar did not become ready; the message carries the diagnosis. */
export class DaemonStartError extends Error {
  constructor(
    summary: string,
    readonly diagnosis: Diagnosis
  ) {
    super(formatDiagnosis(summary, diagnosis))
    this.name = 'DaemonStartError'
  }
}

/** Renders a diagnosis as the text users read in the log. */
export function formatDiagnosis(summary: string, diagnosis: Diagnosis): string {
  const hints =
    diagnosis.hints.length > 0
      ? diagnosis.hints.map((hint) => `Hint: ${hint.message}`)
      : ['Hint: no known cause matched; see the log lines above.']
  return [
    summary,
    `Container state: ${diagnosis.state}`,
    `Last ${LOG_TAIL_LINES} log lines of the sidecar:`,
    indent(diagnosis.logTail || '(empty)'),
    ...hints
  ].join('\n')
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n')
}
