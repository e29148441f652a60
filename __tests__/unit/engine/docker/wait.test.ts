import { describe, expect, it } from '@jest/globals'
import { waitFor } from '../../../../src/engine/docker/wait.js'

/** A fake clock: sleep advances time instantly. */
function fakeClock() {
  let now = 0
  return {
    now: () => now,
    sleep: async (ms: number) => {
      now += ms
    }
  }
}

describe('waitFor', () => {
  it('returns the value as soon as the probe succeeds', async () => {
    let calls = 0
    const result = await waitFor(
      async () => {
        calls++
        if (calls < 4) throw new Error('not yet')
        return 'up'
      },
      { timeoutMs: 1000, intervalMs: 50, ...fakeClock() }
    )
    expect(result).toMatchObject({
      status: 'ready',
      value: 'up',
      attempts: 4,
      elapsedMs: 150
    })
  })

  it('times out after the deadline with the last error', async () => {
    const result = await waitFor(
      async () => {
        throw new Error('connection refused')
      },
      { timeoutMs: 200, intervalMs: 50, ...fakeClock() }
    )
    expect(result.status).toBe('timeout')
    expect(result.attempts).toBe(5)
    expect(result.elapsedMs).toBe(200)
    expect(
      result.status === 'timeout' && (result.lastError as Error).message
    ).toBe('connection refused')
  })

  it('never sleeps past the deadline', async () => {
    const clock = fakeClock()
    const result = await waitFor(
      async () => {
        throw new Error('no')
      },
      { timeoutMs: 120, intervalMs: 100, ...clock }
    )
    expect(result.elapsedMs).toBe(120)
  })

  it('stops at once when the stop promise settles', async () => {
    let calls = 0
    let stop!: (reason: string) => void
    const result = await waitFor(
      async () => {
        calls++
        if (calls === 3) stop('the sidecar exited with code 1')
        throw new Error('refused')
      },
      {
        timeoutMs: 60_000,
        intervalMs: 50,
        stop: new Promise<string>((resolve) => (stop = resolve)),
        ...fakeClock()
      }
    )
    expect(result).toMatchObject({
      status: 'stopped',
      reason: 'the sidecar exited with code 1',
      attempts: 3
    })
  })

  it('tries at least once even with a zero timeout', async () => {
    const result = await waitFor(async () => 1, { timeoutMs: 0, intervalMs: 0 })
    expect(result).toMatchObject({ status: 'ready', attempts: 1 })
  })

  it('works with the real clock and zero delays', async () => {
    let calls = 0
    const result = await waitFor(
      async () => {
        if (++calls < 10) throw new Error('no')
        return calls
      },
      { timeoutMs: 5000, intervalMs: 0 }
    )
    expect(result).toMatchObject({ status: 'ready', value: 10 })
  })

  it('tells each attempt how much time is left, so one slow attempt cannot overrun', async () => {
    const seen: number[] = []
    await waitFor(
      async (remainingMs) => {
        seen.push(remainingMs)
        throw new Error('no')
      },
      { timeoutMs: 120, intervalMs: 50, ...fakeClock() }
    )
    expect(seen).toEqual([120, 70, 20, 0])
  })
})
