import {
  afterEach,
  beforeEach,
  describe,
  expect,
  it,
  jest
} from '@jest/globals'
import {
  parsePullLine,
  pullReporter
} from '../../../../src/engine/docker/pull-progress.js'
import type { Logger } from '../../../../src/engine/types.js'

/** A logger that records its calls; with a status line when asked. */
function fakeLogger(withStatus: boolean) {
  const calls: string[] = []
  const logger: Logger = {
    info: (message) => calls.push(`info ${message}`),
    debug: () => undefined,
    warning: (message) => calls.push(`warning ${message}`),
    group: (_title, fn) => fn(),
    ...(withStatus && {
      status: (text: string | undefined) => calls.push(`status ${text}`)
    })
  }
  return { logger, calls }
}

/** `docker run` stderr (docker 28, not a terminal) for a two-layer pull. */
const PULL = [
  "Unable to find image '127.0.0.1:5000/library/busybox:latest' locally",
  'latest: Pulling from library/busybox',
  'fe9af9a4dbca: Pulling fs layer',
  '332f69c50ce7: Pulling fs layer',
  'fe9af9a4dbca: Verifying Checksum',
  'fe9af9a4dbca: Download complete',
  '332f69c50ce7: Verifying Checksum',
  '332f69c50ce7: Download complete',
  'fe9af9a4dbca: Pull complete',
  '332f69c50ce7: Pull complete',
  'Digest: sha256:d994601fc41be67806078fa98671aa0b90d94973e9a661b0e61674dadb8d79eb',
  'Status: Downloaded newer image for 127.0.0.1:5000/library/busybox:latest'
]

describe('parsePullLine', () => {
  it.each([
    [PULL[0], { kind: 'start' }],
    [PULL[1], { kind: 'start' }],
    ['28-dind: Pulling from library/docker', { kind: 'start' }],
    [PULL[2], { kind: 'layer', id: 'fe9af9a4dbca', state: 'queued' }],
    [
      'a1b2c3d4e5f6: Waiting',
      { kind: 'layer', id: 'a1b2c3d4e5f6', state: 'queued' }
    ],
    [PULL[5], { kind: 'layer', id: 'fe9af9a4dbca', state: 'downloaded' }],
    [PULL[8], { kind: 'layer', id: 'fe9af9a4dbca', state: 'done' }],
    [
      'a1b2c3d4e5f6: Already exists',
      { kind: 'layer', id: 'a1b2c3d4e5f6', state: 'done' }
    ],
    [PULL[11], { kind: 'end' }],
    ['Status: Image is up to date for docker:28-dind', { kind: 'end' }],
    [PULL[10], undefined],
    [
      'docker: Error response from daemon: pull access denied for x.',
      undefined
    ],
    ['a1b2c3d4e5f6: Downloading [==>   ]  1.2MB/30MB', undefined],
    ['', undefined]
  ])('[%#] reads %j', (line, event) => {
    expect(parsePullLine(line)).toEqual(event)
  })
})

describe('pullReporter', () => {
  let clock = 0
  const now = () => clock
  beforeEach(() => {
    clock = 0
    jest.useFakeTimers()
  })
  afterEach(() => {
    jest.useRealTimers()
  })
  const advance = (ms: number) => {
    clock += ms
    jest.advanceTimersByTime(ms)
  }

  it('logs a line every 5 s and a summary where there is no status line', () => {
    const { logger, calls } = fakeLogger(false)
    const pull = pullReporter('busybox', logger, now)
    pull.write(PULL.slice(0, 5).join('\n') + '\n6f0e')
    advance(4999)
    expect(calls).toEqual([
      'info Image busybox is not on the runner; pulling it'
    ])
    advance(1)
    pull.write('e4c3d2a1: Pull complete\n' + PULL.slice(5, 8).join('\n') + '\n')
    advance(5000)
    pull.write(PULL.slice(8).join('\n') + '\n')
    advance(5000)
    pull.stop()
    expect(calls).toEqual([
      'info Image busybox is not on the runner; pulling it',
      'info Pulling busybox: 0 of 2 layers, 5 s',
      'info Pulling busybox: 1 of 3 layers (3 downloaded), 10 s',
      'info Pulled busybox in 10 s (3 layers)'
    ])
  })

  it('updates the status line with each layer and each second, then clears it', () => {
    const { logger, calls } = fakeLogger(true)
    const pull = pullReporter('busybox', logger, now)
    pull.write(PULL.slice(0, 3).join('\n') + '\n')
    advance(1000)
    pull.write(PULL.slice(3).join('\n') + '\n')
    pull.stop()
    expect(calls.slice(0, 4)).toEqual([
      'info Image busybox is not on the runner; pulling it',
      'status Pulling busybox: 0 of 1 layers, 0 s',
      'status Pulling busybox: 0 of 1 layers, 1 s',
      'status Pulling busybox: 0 of 2 layers, 1 s'
    ])
    expect(calls.slice(-3)).toEqual([
      'status Pulling busybox: 2 of 2 layers, 1 s',
      'status undefined',
      'info Pulled busybox in 1 s (2 layers)'
    ])
  })

  it('shows nothing when docker run did not pull', () => {
    const { logger, calls } = fakeLogger(false)
    const pull = pullReporter('busybox', logger, now)
    pull.write('docker: Error response from daemon: Conflict.\n')
    advance(60_000)
    pull.stop()
    expect(calls).toEqual([])
  })

  it('stops reporting when the pull fails, without a summary', () => {
    const { logger, calls } = fakeLogger(false)
    const pull = pullReporter('busybox', logger, now)
    pull.write(
      `${PULL[0]}\ndocker: Error response from daemon: manifest unknown`
    )
    pull.stop()
    advance(60_000)
    expect(calls).toEqual([
      'info Image busybox is not on the runner; pulling it'
    ])
  })
})
