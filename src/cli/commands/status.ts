/** `docker-nest status`: the nests on this daemon, from their labels. */
import { LABELS } from '../../engine/dind/plan.js'
import { formatSeconds } from '../../engine/reap/reap.js'
import { readStateFile } from '../state-file.js'
import { EXIT, UsageError } from '../usage.js'
import { STATE_DIR_OPTION, hostDockerCli, stateDirOf } from './common.js'
import type { Command } from './types.js'

/** One row of `status`. */
export interface NestStatus {
  name: string
  run: string
  state: string
  ageSeconds: number
  expiresInSeconds: number | undefined
  mode: 'dind'
  endpoint: string
  /** True for the nest of this state dir. */
  current: boolean
}

/** `127.0.0.1:49153->2376/tcp` → `tcp://127.0.0.1:49153 (TLS)`. */
export function endpointOf(ports: string): string {
  const m = /(\d+\.\d+\.\d+\.\d+|\[[^\]]+\]):(\d+)->(2375|2376)\/tcp/.exec(
    ports
  )
  if (!m) return '-'
  return `tcp://${m[1]}:${m[2]} (${m[3] === '2376' ? 'TLS' : 'plain'})`
}

/** Parses docker ps rows (tab-separated, in {@link FORMAT} order). */
export function parseStatusRows(
  text: string,
  nowSeconds: number,
  currentRun?: string
): NestStatus[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [
        name,
        run = '',
        expires = '',
        state = '',
        created = '',
        ports = ''
      ] = line.split('\t')
      const createdAt =
        Date.parse(
          created.replace(/ ([+-]\d{4}) \w+$/, '$1').replace(' ', 'T')
        ) / 1000
      const exp = Number(expires)
      return {
        name,
        run,
        state,
        ageSeconds: Number.isFinite(createdAt) ? nowSeconds - createdAt : NaN,
        expiresInSeconds:
          expires && Number.isFinite(exp) ? exp - nowSeconds : undefined,
        mode: 'dind' as const,
        endpoint: endpointOf(ports),
        current: currentRun !== undefined && run === currentRun
      }
    })
}

const FORMAT = [
  '{{.Names}}',
  `{{.Label "${LABELS.run}"}}`,
  `{{.Label "${LABELS.expires}"}}`,
  '{{.State}}',
  '{{.CreatedAt}}',
  '{{.Ports}}'
].join('\t')

function table(rows: NestStatus[]): string {
  const head = ['NAME', 'RUN', 'MODE', 'STATE', 'AGE', 'EXPIRES', 'ENDPOINT']
  const body = rows.map((r) => [
    `${r.name}${r.current ? ' *' : ''}`,
    r.run,
    r.mode,
    r.state,
    Number.isFinite(r.ageSeconds) ? formatSeconds(r.ageSeconds) : '?',
    r.expiresInSeconds === undefined
      ? '-'
      : r.expiresInSeconds > 0
        ? `in ${formatSeconds(r.expiresInSeconds)}`
        : `${formatSeconds(-r.expiresInSeconds)} ago`,
    r.endpoint
  ])
  const widths = head.map((h, i) =>
    Math.max(h.length, ...body.map((b) => b[i].length))
  )
  return [head, ...body]
    .map((cols) =>
      cols
        .map((c, i) => c.padEnd(widths[i]))
        .join('  ')
        .trimEnd()
    )
    .join('\n')
}

export const status: Command = {
  name: 'status',
  summary:
    'list the nests on this Docker daemon: age, mode, state, expiry, endpoint (* = this state dir)',
  options: {
    format: {
      type: 'string',
      placeholder: 'FORMAT',
      choices: ['table', 'json'],
      help: 'table or json (default table)'
    },
    ...STATE_DIR_OPTION
  },
  async run({ values, stateDir: flag, logger }) {
    const format = (values.format as string | undefined) ?? 'table'
    if (format !== 'table' && format !== 'json') {
      throw new UsageError(
        `Option '--format' must be table or json, got '${format}'. Run 'docker-nest status --help'.`
      )
    }
    const saved = await readStateFile(stateDirOf(flag))
    const docker = hostDockerCli(logger, saved?.hostDocker)
    const { stdout } = await docker.exec([
      'ps',
      '--all',
      '--filter',
      `label=${LABELS.managed}`,
      '--format',
      FORMAT
    ])
    const rows = parseStatusRows(stdout, Date.now() / 1000, saved?.runId)
    if (format === 'json')
      process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`)
    else if (rows.length === 0)
      process.stdout.write('No nests on this daemon.\n')
    else process.stdout.write(`${table(rows)}\n`)
    return EXIT.ok
  }
}
