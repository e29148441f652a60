/**
 * Turns the raw timings into the printed report: one table per engine,
 * where the time goes, and the targets.
 */

/**
 * Main may cost at most this many times the floor (median over median), by
 * engine: with fast start, Docker 26 skips the second its own containerd
 * start costs; Docker 20.10 barely waits for it; Docker 28 waits for it less
 * than 26 but still gains from the work done side by side.
 */
export const MAIN_TARGET_RATIO = { 28: 0.85, 26: 0.7, '20.10': 1.0 }
/** The ratio for an engine the table does not name. */
const DEFAULT_TARGET_RATIO = 1.0
/** Post may take at most this long (median). */
export const POST_TARGET_MS = 500

/**
 * @typedef {object} Stats
 * @property {number} median
 * @property {number} min
 * @property {number} max
 * @property {number} n
 */

/**
 * Median, min and max of the defined values, or undefined when there are none.
 *
 * @param {(number | undefined)[]} values
 * @returns {Stats | undefined}
 */
export function stats(values) {
  const sorted = values
    .filter((value) => typeof value === 'number' && Number.isFinite(value))
    .sort((a, b) => a - b)
  const n = sorted.length
  if (n === 0) return undefined
  const mid = Math.floor(n / 2)
  const median = n % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
  return { median, min: sorted[0], max: sorted[n - 1], n }
}

/**
 * Medians of each key of a list of `{ key: ms }` records, in first-seen key
 * order.
 *
 * @param {Record<string, number | undefined>[]} records
 * @returns {[string, number][]}
 */
function medians(records) {
  const keys = [...new Set(records.flatMap((record) => Object.keys(record)))]
  return keys
    .map((key) => [key, stats(records.map((record) => record[key]))?.median])
    .filter(([, median]) => median !== undefined)
}

/**
 * Summarizes one engine's runs.
 *
 * @param {object[]} runs Measured rounds of one engine (warm-ups excluded).
 */
export function summarize(runs) {
  const main = runs.map((run) => run.main)
  const floor = stats(runs.map((run) => run.floor.wallMs))
  const ratio = (s) => (s && floor ? s.median / floor.median : undefined)
  const mainWall = stats(main.map((m) => m.wallMs))
  const usual = runs.some((run) => run.usual)
    ? stats(runs.map((run) => run.usual?.wallMs))
    : undefined
  const stock = stats(runs.map((run) => run.stock.wallMs))
  // Main and floor of one round run seconds apart, so their quotient is
  // free of the drift between rounds that moves each median: shown beside
  // the target, which stays median over median.
  const perRound = runs.map((run) => run.main.wallMs / run.floor.wallMs)
  return {
    main: { ...mainWall, ratio: ratio(mainWall) },
    perRound: {
      ...stats(perRound),
      below1: perRound.filter((value) => value < 1).length
    },
    readyMs: stats(main.map((m) => m.readyMs)),
    usual: usual && { ...usual, ratio: ratio(usual) },
    stock: { ...stock, ratio: ratio(stock) },
    floor: { ...floor, ratio: 1 },
    post: stats(main.map((m) => m.post.wallMs)),
    breakdown: {
      main: medians(main.map((m) => m.segments)),
      mainDocker: medians(main.map((m) => m.dockerCalls)),
      usual: medians(runs.filter((r) => r.usual).map((r) => r.usual.segments)),
      floor: medians(runs.map((run) => run.floor.segments)),
      stock: medians(runs.map((run) => run.stock.segments)),
      postDocker: medians(main.map((m) => m.post.dockerCalls))
    }
  }
}

/**
 * The targets, checked against the summaries.
 *
 * @param {{ label: string, summary: ReturnType<typeof summarize> }[]} engines
 * @returns {{ name: string, engine: string, value: number, limit: number,
 *   met: boolean, detail: string }[]}
 */
export function checkTargets(engines) {
  const targets = []
  for (const { label, summary } of engines) {
    const target = MAIN_TARGET_RATIO[label] ?? DEFAULT_TARGET_RATIO
    const limit = summary.floor.median * target
    targets.push({
      name: `main ≤ ${target}× floor`,
      engine: label,
      value: summary.main.median,
      limit,
      met: summary.main.median <= limit,
      detail:
        `${ms(summary.main.median)} vs limit ${ms(limit)} ` +
        `(${times(summary.main.ratio)} floor)`
    })
  }
  for (const { label, summary } of engines) {
    targets.push({
      name: `post ≤ ${POST_TARGET_MS / 1000} s`,
      engine: label,
      value: summary.post.median,
      limit: POST_TARGET_MS,
      met: summary.post.median <= POST_TARGET_MS,
      detail: `${ms(summary.post.median)} median, max ${ms(summary.post.max)}`
    })
  }
  return targets
}

function ms(value) {
  return value === undefined ? '–' : `${Math.round(value)} ms`
}

function times(ratio) {
  return ratio === undefined ? '' : `${ratio.toFixed(2)}×`
}

function range(s) {
  return s ? `${Math.round(s.min)}–${Math.round(s.max)} ms` : '–'
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

function line(label, pairs) {
  const text = pairs.map(([key, value]) => `${key} ${Math.round(value)}`)
  return `  ${label.padEnd(7)}${text.join(' · ') || '–'}`
}

/**
 * The printed report.
 *
 * @param {object} report
 * @param {{ label: string, image: string, summary: object }[]} report.engines
 * @param {ReturnType<typeof checkTargets>} report.targets
 * @param {string} report.header
 * @returns {string}
 */
export function formatReport({ header, engines, targets }) {
  const out = [header, '']
  const widths = [34, 8, 16, 9]
  for (const { label, image, summary: s } of engines) {
    out.push(`Engine ${label} (${image}), n = ${s.main.n}`)
    out.push(row(['  method', 'median', 'min–max', 'vs floor'], widths))
    out.push(
      row(
        [
          '  docker-nest main (whole step)',
          ms(s.main.median),
          range(s.main),
          times(s.main.ratio)
        ],
        widths
      ),
      row(
        ['    its ready-ms output', ms(s.readyMs?.median), range(s.readyMs)],
        widths
      ),
      ...(s.usual
        ? [
            row(
              [
                '  main, fast-start: false',
                ms(s.usual.median),
                range(s.usual),
                times(s.usual.ratio)
              ],
              widths
            )
          ]
        : []),
      row(
        [
          '  stock official pattern',
          ms(s.stock.median),
          range(s.stock),
          times(s.stock.ratio)
        ],
        widths
      ),
      row(['  floor', ms(s.floor.median), range(s.floor), times(1)], widths),
      `  main ÷ floor round by round: median ${times(s.perRound.median)}, ` +
        `${s.perRound.below1} of ${s.perRound.n} rounds below 1.00×`,
      row(
        ['  docker-nest post (whole step)', ms(s.post.median), range(s.post)],
        widths
      )
    )
    out.push('', '  Where the time goes (median ms of each part)')
    out.push(line('main', s.breakdown.main))
    out.push(line('', s.breakdown.mainDocker))
    if (s.breakdown.usual.length > 0) out.push(line('usual', s.breakdown.usual))
    out.push(line('floor', s.breakdown.floor))
    out.push(line('stock', s.breakdown.stock))
    out.push(line('post', s.breakdown.postDocker))
    out.push('')
  }
  out.push('Targets')
  for (const target of targets) {
    out.push(
      `  ${target.engine.padEnd(6)} ${target.name.padEnd(18)} ` +
        `${target.detail.padEnd(40)} ${target.met ? 'met' : 'TARGET MISSED'}`
    )
  }
  const missed = targets.filter((target) => !target.met)
  out.push(
    '',
    missed.length === 0
      ? 'All targets met.'
      : missed
          .map(
            (target) =>
              `TARGET MISSED: ${target.engine} ${target.name}: ${target.detail}`
          )
          .join('\n')
  )
  return out.join('\n')
}
