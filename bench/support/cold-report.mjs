/**
 * The cold-runner bench's report: one table of the scenarios (median, p90,
 * ratio to the warm floor) and the maintainers' targets, each printed PASS,
 * MISS or n/a. It reports; it never decides the exit code.
 */
import { stats } from './report.mjs'

/** The runner-engine nest may cost at most this many warm floors. */
export const RUNNER_FLOOR_RATIO = 1.1
/** The pinned image's cold start must take at least this many runner-engine starts. */
export const PINNED_OVER_RUNNER = 3
/** Main's own time after a pre step, at most. */
export const PRE_MAIN_MS = 150

/**
 * The rows of the table: scenario key, the field of its result, the label.
 * A scenario has several rows when more than one time matters.
 */
const ROWS = [
  ['stock', 'wallMs', '(a) stock pattern, pull included'],
  ['pinned', 'wallMs', '(b) docker-nest, pinned image, pull incl.'],
  ['runner', 'wallMs', '(c) docker-nest, image: runner'],
  ['pre', 'wallMs', '(d) docker-nest with pre: main step'],
  ['pre', 'preMs', '      its pre step'],
  ['pre', 'totalMs', '      pre + 2 s + main'],
  ['floor', 'wallMs', 'warm floor (image present)']
]

/**
 * The 90th percentile by nearest rank (with 3 runs: the largest).
 *
 * @param {number[]} values
 */
function p90(values) {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b)
  if (sorted.length === 0) return undefined
  return sorted[Math.ceil(0.9 * sorted.length) - 1]
}

/**
 * Median, p90 and ratio to the warm floor's median of every row, and the
 * targets.
 *
 * @param {object[]} runs Measured rounds (warm-ups excluded).
 * @param {Record<string, string>} unavailable Scenario → why it was skipped.
 */
export function summarizeCold(runs, unavailable) {
  const values = (scenario, field) =>
    runs.map((run) => run[scenario]?.[field]).filter(Number.isFinite)
  const floor = stats(values('floor', 'wallMs'))
  const rows = ROWS.map(([scenario, field, label]) => {
    const list = values(scenario, field)
    const s = stats(list)
    return {
      scenario,
      field,
      label,
      unavailable: unavailable[scenario],
      median: s?.median,
      p90: p90(list),
      n: s?.n ?? 0,
      ratio: s && floor ? s.median / floor.median : undefined
    }
  })
  const median = (scenario) =>
    rows.find((row) => row.scenario === scenario && row.field === 'wallMs')
      ?.median
  return {
    rows,
    parts: {
      stock: partMedians(runs.map((run) => run.stock?.segments)),
      floor: partMedians(runs.map((run) => run.floor?.segments))
    },
    targets: checkTargets(median, floor, unavailable)
  }
}

/** Median of each part of a list of `{ part: ms }` records. */
function partMedians(records) {
  const present = records.filter(Boolean)
  const keys = [...new Set(present.flatMap((record) => Object.keys(record)))]
  return keys.map((key) => [
    key,
    stats(present.map((record) => record[key]))?.median
  ])
}

function checkTargets(median, floor, unavailable) {
  const runner = median('runner')
  const pinned = median('pinned')
  const preMain = median('pre')
  const target = (name, scenario, ready, met, detail) =>
    unavailable[scenario]
      ? {
          name,
          verdict: 'n/a',
          detail: `not available yet: ${unavailable[scenario]}`
        }
      : ready
        ? { name, verdict: met() ? 'PASS' : 'MISS', detail: detail() }
        : { name, verdict: 'n/a', detail: 'no measurement' }
  return [
    target(
      `(c) ≤ ${RUNNER_FLOOR_RATIO}× the warm floor`,
      'runner',
      runner !== undefined && floor,
      () => runner <= RUNNER_FLOOR_RATIO * floor.median,
      () =>
        `${ms(runner)} vs limit ${ms(RUNNER_FLOOR_RATIO * floor.median)} ` +
        `(${times(runner / floor.median)} floor)`
    ),
    target(
      `(c) ≥ ${PINNED_OVER_RUNNER}× faster than (b)`,
      'runner',
      runner !== undefined && pinned !== undefined,
      () => pinned / runner >= PINNED_OVER_RUNNER,
      () => `(b) ${ms(pinned)} ÷ (c) ${ms(runner)} = ${times(pinned / runner)}`
    ),
    target(
      `(d) main ≤ ${PRE_MAIN_MS} ms`,
      'pre',
      preMain !== undefined,
      () => preMain <= PRE_MAIN_MS,
      () => `${ms(preMain)} median`
    )
  ]
}

function ms(value) {
  return value === undefined ? '–' : `${Math.round(value)} ms`
}

function times(ratio) {
  return ratio === undefined || !Number.isFinite(ratio)
    ? '–'
    : `${ratio.toFixed(2)}×`
}

function row(cells, widths) {
  return cells
    .map((cell, i) =>
      i === 0
        ? String(cell).padEnd(widths[i])
        : String(cell).padStart(widths[i])
    )
    .join('  ')
    .trimEnd()
}

/**
 * The printed report.
 *
 * @param {object} report
 * @param {object} report.results What the bench measured (its header facts).
 * @param {ReturnType<typeof summarizeCold>} report.summary
 * @returns {string}
 */
export function formatColdReport({ results, summary }) {
  const { host, options } = results
  const out = [
    `docker-nest cold-runner bench: ${options.runs} run(s) per scenario, ` +
      `interleaved, after ${options.warmup} warm-up round(s)`,
    `Runner: Docker ${host.runnerDocker} in a container (${host.source}); ` +
      `sidecar image ${host.image} from a registry on the runner's ` +
      `127.0.0.1, removed from the runner before every cold scenario`,
    `Action bundles on Node ${host.bundleNode}; ${host.cpus} CPUs`,
    ''
  ]
  const widths = [44, 9, 9, 13]
  out.push(row(['  scenario', 'median', 'p90', 'vs floor'], widths))
  for (const r of summary.rows) {
    if (r.unavailable) {
      if (r.field === 'wallMs') {
        out.push(
          `  ${r.label.padEnd(widths[0] - 2)}  not available yet (${r.unavailable})`
        )
      }
      continue
    }
    out.push(
      row([`  ${r.label}`, ms(r.median), ms(r.p90), times(r.ratio)], widths)
    )
  }
  const parts = (list) =>
    list.map(([key, value]) => `${key} ${Math.round(value)}`).join(' · ')
  out.push(
    '',
    '  Where the time goes (median ms of each part)',
    `  (a)    ${parts(summary.parts.stock)}   (run = pull + create + start)`,
    `  floor  ${parts(summary.parts.floor)}`
  )
  out.push('', 'Targets (reported, not enforced: the exit code stays 0)')
  for (const t of summary.targets) {
    out.push(`  ${t.verdict.padEnd(4)}  ${t.name.padEnd(30)} ${t.detail}`)
  }
  return out.join('\n')
}
