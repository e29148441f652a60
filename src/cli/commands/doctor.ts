/** `docker-nest doctor`: can this host run a nest? One row per prerequisite. */
import { DEFAULT_DIND_IMAGE } from '../../engine/options/config.js'
import {
  DockerCli,
  captureHostDockerEnv,
  findOnPath
} from '../../engine/docker/cli.js'
import {
  realHost,
  runDoctor,
  type CheckResult
} from '../../engine/doctor/doctor.js'
import { EXIT, UsageError } from '../usage.js'
import type { Command } from './types.js'

const MARK: Record<CheckResult['status'], string> = {
  ok: 'ok',
  warn: 'WARN',
  fail: 'FAIL',
  info: 'info'
}

/** The table: check, status, what was found; fixes under the failing rows. */
export function formatDoctor(rows: CheckResult[]): string {
  const w = Math.max(...rows.map((r) => r.check.length))
  return rows
    .map((r) => {
      const line = `${MARK[r.status].padEnd(4)}  ${r.check.padEnd(w)}  ${r.detail}`
      return r.fix && r.status !== 'ok'
        ? `${line}\n${' '.repeat(w + 8)}fix: ${r.fix}`
        : line
    })
    .join('\n')
}

export const doctor: Command = {
  name: 'doctor',
  summary:
    'check the host prerequisites (privileged, overlay, cgroups, iptables, MTU, runtimes, user namespaces, AppArmor)',
  options: {
    image: {
      type: 'string',
      placeholder: 'IMAGE',
      help: `local image for the --privileged probe (default ${DEFAULT_DIND_IMAGE})`
    },
    format: {
      type: 'string',
      placeholder: 'FORMAT',
      choices: ['table', 'json'],
      help: 'table or json (default table)'
    }
  },
  notes:
    'Exit 0 when nothing FAILs (warnings are allowed), 1 when a check fails.',
  async run({ values, logger }) {
    const format = (values.format as string | undefined) ?? 'table'
    if (format !== 'table' && format !== 'json') {
      throw new UsageError(
        `Option '--format' must be table or json, got '${format}'. Run 'docker-nest doctor --help'.`
      )
    }
    const binary = findOnPath('docker')
    const docker = binary
      ? new DockerCli(binary, captureHostDockerEnv(), (m) => logger.debug(m))
      : undefined
    const rows = await runDoctor(
      realHost(
        docker,
        (values.image as string | undefined) ?? DEFAULT_DIND_IMAGE
      )
    )
    process.stdout.write(
      `${format === 'json' ? JSON.stringify(rows, null, 2) : formatDoctor(rows)}\n`
    )
    return rows.some((r) => r.status === 'fail') ? EXIT.failed : EXIT.ok
  }
}
