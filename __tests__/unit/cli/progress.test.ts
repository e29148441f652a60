import {
  afterEach,
  beforeEach,
  describe,
  expect,
  it,
  jest
} from '@jest/globals'
import { createCliLogger } from '../../../src/cli/logger.js'
import { startProgress } from '../../../src/cli/progress.js'

/** A stderr that records what was written. */
function fakeStream(isTTY: boolean) {
  const chunks: string[] = []
  return { isTTY, chunks, write: (text: string) => chunks.push(text) }
}

beforeEach(() => {
  jest.useFakeTimers()
})
afterEach(() => {
  jest.useRealTimers()
})

describe('startProgress', () => {
  it('rewrites one status line each second on a terminal, and erases it', () => {
    const stream = fakeStream(true)
    const progress = startProgress('Wait for daemon', stream)
    jest.advanceTimersByTime(999)
    expect(stream.chunks).toEqual([])
    jest.advanceTimersByTime(2001)
    expect(stream.chunks).toEqual([
      '\r\x1b[KWait for daemon: 1 s…',
      '\r\x1b[KWait for daemon: 2 s…',
      '\r\x1b[KWait for daemon: 3 s…'
    ])
    progress.stop()
    expect(stream.chunks.at(-1)).toBe('\r\x1b[K')
    jest.advanceTimersByTime(5000)
    expect(stream.chunks).toHaveLength(4)
  })

  it('adds a line every 5 s without a terminal (CI logs)', () => {
    const stream = fakeStream(false)
    const progress = startProgress('Wait for daemon', stream)
    jest.advanceTimersByTime(12_000)
    progress.stop()
    expect(stream.chunks).toEqual([
      'Wait for daemon: 5 s…\n',
      'Wait for daemon: 10 s…\n'
    ])
  })

  it('erases nothing when nothing was shown', () => {
    const stream = fakeStream(true)
    startProgress('x', stream).stop()
    expect(stream.chunks).toEqual([])
  })
})

describe('createCliLogger', () => {
  it('times a group, and clears the status line before other output', async () => {
    const stream = fakeStream(true)
    const logger = createCliLogger(false, stream)
    await logger.group('Wait for daemon', async () => {
      jest.advanceTimersByTime(1000)
      logger.info('still here')
    })
    expect(stream.chunks).toEqual([
      '==> Wait for daemon\n',
      '\r\x1b[KWait for daemon: 1 s…',
      '\r\x1b[K',
      'still here\n'
    ])
  })

  it('shows only the outer group of nested ones', async () => {
    const stream = fakeStream(false)
    const logger = createCliLogger(false, stream)
    await logger.group('outer', () =>
      logger.group('inner', async () => {
        jest.advanceTimersByTime(5000)
      })
    )
    expect(stream.chunks).toEqual([
      '==> outer\n',
      '==> inner\n',
      'outer: 5 s…\n'
    ])
  })
})

describe('createCliLogger status', () => {
  it("shows the engine's status instead of the elapsed time, until it is removed", async () => {
    const stream = fakeStream(false)
    const logger = createCliLogger(false, stream)
    await logger.group('Start dind', async () => {
      logger.status?.('Pulling busybox: 1 of 2 layers, 4 s')
      jest.advanceTimersByTime(5000)
      logger.status?.(undefined)
      jest.advanceTimersByTime(5000)
    })
    expect(stream.chunks).toEqual([
      '==> Start dind\n',
      'Pulling busybox: 1 of 2 layers, 4 s\n',
      'Start dind: 10 s…\n'
    ])
  })
})
