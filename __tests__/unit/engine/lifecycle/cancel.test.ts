import { afterEach, describe, expect, it } from '@jest/globals'
import { exitOnCancel } from '../../../../src/engine/lifecycle/cancel.js'
import { CancelledError, DockerCli } from '../../../../src/engine/docker/cli.js'
import type { HostDockerEnv, Logger } from '../../../../src/engine/types.js'

// A "docker" that is the shell: cancel/settle only care about processes.
const noHost = {} as HostDockerEnv
const shell = () => new DockerCli('/bin/sh', noHost)

const warnings: string[] = []
const logger: Logger = {
  info: () => undefined,
  debug: () => undefined,
  warning: (m) => warnings.push(m),
  group: (_t, fn) => fn()
}

describe('DockerCli.cancel and settle', () => {
  it('settle waits for calls in flight', async () => {
    const cli = shell()
    let done = false
    void cli.tryExec(['-c', 'sleep 0.3']).then(() => (done = true))
    expect(await cli.settle(5000)).toBe(true)
    expect(done).toBe(true)
  })

  it('settle gives up after its timeout', async () => {
    const cli = shell()
    const call = cli.tryExec(['-c', 'sleep 2'], { timeoutMs: 3000 })
    const started = performance.now()
    expect(await cli.settle(100)).toBe(false)
    expect(performance.now() - started).toBeLessThan(1000)
    await call
  })

  it('refuses new calls after cancel, running calls finish', async () => {
    const cli = shell()
    const running = cli.tryExec(['-c', 'sleep 0.2; echo ok'])
    cli.cancel()
    await expect(cli.exec(['-c', 'echo late'])).rejects.toThrow(CancelledError)
    expect((await cli.tryExec(['-c', 'echo late'])).exitCode).toBe(130)
    expect((await running).stdout).toBe('ok\n')
  })
})

describe('DockerCli.track (Engine API calls standing in for CLI calls)', () => {
  const later = (ms: number) =>
    new Promise<string>((resolve) => setTimeout(() => resolve('done'), ms))

  it('settle waits for a tracked call too', async () => {
    const cli = shell()
    let done = false
    void cli.track(['create', 'x'], () => later(200)).then(() => (done = true))
    expect(await cli.settle(5000)).toBe(true)
    expect(done).toBe(true)
  })

  it('refuses a tracked call after cancel, without starting it', async () => {
    const cli = shell()
    cli.cancel()
    let started = false
    await expect(
      cli.track(['start', 'x'], () => {
        started = true
        return later(0)
      })
    ).rejects.toThrow(CancelledError)
    expect(started).toBe(false)
  })
})

describe('exitOnCancel', () => {
  let uninstall = (): void => undefined
  afterEach(() => uninstall())

  it('on SIGINT cancels, waits for calls in flight, then exits 130 once', async () => {
    const cli = shell()
    const codes: number[] = []
    let finished = false
    const exited = new Promise<void>((resolve) => {
      uninstall = exitOnCancel(cli, logger, (code) => {
        codes.push(code)
        resolve()
      })
    })
    void cli.tryExec(['-c', 'sleep 0.3']).then(() => (finished = true))
    process.emit('SIGINT', 'SIGINT')
    process.emit('SIGTERM', 'SIGTERM') // the runner's second signal changes nothing
    await exited
    expect(finished).toBe(true)
    expect(codes).toEqual([130])
    expect(warnings.at(-1)).toContain('cancelled (SIGINT)')
  })

  it('removes its handlers', () => {
    const before = process.listenerCount('SIGTERM')
    const remove = exitOnCancel(shell(), logger, () => undefined)
    expect(process.listenerCount('SIGTERM')).toBe(before + 1)
    remove()
    expect(process.listenerCount('SIGTERM')).toBe(before)
  })
})
