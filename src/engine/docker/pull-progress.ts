/**
 * Progress of the image pull that `docker run` makes when the sidecar image
 * is not on the runner. The CLI pulls (it applies the user's registry
 * credentials: config.json, credential helpers) and, its stderr not being a
 * terminal, prints one line per layer event there:
 *
 *     Unable to find image 'docker:28-dind' locally
 *     28-dind: Pulling from library/docker
 *     fe9af9a4dbca: Pulling fs layer
 *     fe9af9a4dbca: Download complete
 *     fe9af9a4dbca: Pull complete
 *     Status: Downloaded newer image for docker:28-dind
 *
 * Byte counts are not in that output. The reporter counts layers and says
 * how long the pull has taken: through `logger.status` where the front end
 * keeps a status line (the CLI), else as a log line every
 * {@link PULL_LOG_INTERVAL_MS} (the Action). An image already on the
 * runner prints none of these lines, so nothing is shown or timed then.
 */
import type { Logger } from '../types.js'

/** One line of the pull output, as far as progress goes. */
export type PullEvent =
  | { kind: 'start' }
  | { kind: 'layer'; id: string; state: LayerState }
  | { kind: 'end' }

/** Where a layer is: announced, its blob fetched, or unpacked (or already here). */
export type LayerState = 'queued' | 'downloaded' | 'done'

/** How often the Action logs a progress line while the pull runs. */
export const PULL_LOG_INTERVAL_MS = 5000
/** How often a status line (CLI) is refreshed. */
export const PULL_STATUS_INTERVAL_MS = 1000

const LAYER_STATES: Record<string, LayerState> = {
  'Pulling fs layer': 'queued',
  Waiting: 'queued',
  'Verifying Checksum': 'queued',
  'Download complete': 'downloaded',
  Extracting: 'downloaded',
  'Pull complete': 'done',
  'Already exists': 'done'
}

/** Reads one line of `docker pull` (or `docker run`) output; undefined when it says nothing about the pull. */
export function parsePullLine(line: string): PullEvent | undefined {
  const text = line.trim()
  if (/^Unable to find image .* locally$/.test(text)) return { kind: 'start' }
  if (/^\S+: Pulling from \S+$/.test(text)) return { kind: 'start' }
  if (/^Status: (Downloaded newer image|Image is up to date) for /.test(text)) {
    return { kind: 'end' }
  }
  const layer = /^([0-9a-f]{12}): (.+?)(?:\s+\[.*)?$/.exec(text)
  const state = layer && LAYER_STATES[layer[2]]
  return layer && state ? { kind: 'layer', id: layer[1], state } : undefined
}

/** Feeds the pull output in as it comes; stop() once the command ended. */
export interface PullReporter {
  /** A chunk of the command's stderr (lines may be split across chunks). */
  write(chunk: string): void
  /** Ends the display; logs a summary when the pull finished. */
  stop(): void
}

const RANK: Record<LayerState, number> = { queued: 0, downloaded: 1, done: 2 }

/** Reports the pull of `image` found in the output written to it. */
export function pullReporter(
  image: string,
  logger: Logger,
  now: () => number = Date.now
): PullReporter {
  const layers = new Map<string, LayerState>()
  let partial = ''
  let started: number | undefined
  let lastLogged = 0
  let finished = false
  let timer: NodeJS.Timeout | undefined

  const seconds = () => Math.round((now() - (started ?? now())) / 1000)
  const count = (state: LayerState) =>
    [...layers.values()].filter((s) => RANK[s] >= RANK[state]).length
  const describe = () => {
    const done = layers.size
      ? `${count('done')} of ${layers.size} layers` +
        (count('downloaded') > count('done')
          ? ` (${count('downloaded')} downloaded)`
          : '') +
        ', '
      : ''
    return `Pulling ${image}: ${done}${seconds()} s`
  }
  const tick = () => {
    if (logger.status) logger.status(describe())
    else if (now() - lastLogged >= PULL_LOG_INTERVAL_MS) {
      lastLogged = now()
      logger.info(describe())
    }
  }
  const begin = () => {
    if (started !== undefined) return
    started = now()
    lastLogged = started
    logger.info(`Image ${image} is not on the runner; pulling it`)
    timer = setInterval(
      tick,
      logger.status ? PULL_STATUS_INTERVAL_MS : PULL_LOG_INTERVAL_MS
    )
    // A pull that hangs must not keep the process alive on its own.
    timer.unref()
  }
  const end = () => {
    if (!timer) return
    clearInterval(timer)
    timer = undefined
    logger.status?.(undefined)
  }
  const handle = (line: string) => {
    const event = parsePullLine(line)
    if (!event || finished) return
    if (event.kind === 'start') return begin()
    begin()
    if (event.kind === 'layer') {
      const before = layers.get(event.id)
      if (!before || RANK[event.state] > RANK[before]) {
        layers.set(event.id, event.state)
      }
      logger.status?.(describe())
      return
    }
    finished = true
    end()
    logger.info(
      `Pulled ${image} in ${seconds()} s` +
        (layers.size ? ` (${layers.size} layers)` : '')
    )
  }

  return {
    write(chunk) {
      const lines = (partial + chunk).split(/\r?\n/)
      partial = lines.pop() ?? ''
      for (const line of lines) handle(line)
    },
    stop() {
      if (partial) handle(partial)
      partial = ''
      end()
    }
  }
}
