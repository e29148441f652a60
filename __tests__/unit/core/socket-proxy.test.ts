import { describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readStat } from '../../../src/core/owner.js'
import {
  proxyCommand,
  serveSocketProxy,
  stopSocketProxy
} from '../../../src/core/socket-proxy.js'
import { parseResources } from '../../../src/core/resources.js'

const base = {
  target: '/var/run/docker.sock',
  dir: '/tmp/rt',
  runId: '42-1-abcd',
  node: '/opt/node24/bin/node',
  cliPath: '/actions/docker-nest/dist/cli/index.js',
  uid: 1001,
  gid: 118
}

describe('proxyCommand', () => {
  it('goes through sudo -n (never prompting) for a non-root user', () => {
    expect(proxyCommand(base, '/tmp/rt/docker-nest-42-1-abcd.sock')).toEqual([
      'sudo',
      '-n',
      '--',
      '/opt/node24/bin/node',
      '/actions/docker-nest/dist/cli/index.js',
      'socket-proxy',
      '--listen',
      '/tmp/rt/docker-nest-42-1-abcd.sock',
      '--target',
      '/var/run/docker.sock',
      '--owner',
      '1001:118'
    ])
  })

  it('runs directly as root', () => {
    expect(proxyCommand({ ...base, uid: 0, gid: 0 }, '/x.sock')[0]).toBe(
      '/opt/node24/bin/node'
    )
  })
})

describe('the proxy in the resources record', () => {
  const record = {
    version: 1,
    runId: 'r',
    hostDocker: {},
    mode: 'dood',
    proxy: { socket: '/tmp/rt/docker-nest-42-1-abcd.sock', pid: 1234 }
  }

  it('round-trips', () => {
    expect(parseResources(JSON.stringify(record)).proxy).toEqual(record.proxy)
    const started = { ...record.proxy, startTime: '123456' }
    expect(
      parseResources(JSON.stringify({ ...record, proxy: started })).proxy
    ).toEqual(started)
  })

  it.each([
    { socket: '/var/run/docker.sock', pid: 1234 },
    { socket: '/tmp/rt/docker-nest-x.sock', pid: -1 },
    { socket: '/tmp/rt/docker-nest-x.sock' },
    { socket: '/tmp/rt/docker-nest-x.sock', pid: 1, startTime: '1; rm' }
  ])('refuses %o: teardown deletes that path and signals that pid', (proxy) => {
    expect(() => parseResources(JSON.stringify({ ...record, proxy }))).toThrow(
      /field 'proxy(\.socket|\.startTime)?' has an unexpected value/
    )
  })
})

describe('stopSocketProxy', () => {
  /** A live process standing in for the proxy (or for whoever reused its pid). */
  async function standIn(): Promise<{
    pid: number
    exited: Promise<NodeJS.Signals | null>
  }> {
    const child = spawn('sleep', ['30'], { stdio: 'ignore' })
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal))
    )
    await new Promise((resolve) => child.on('spawn', resolve))
    return { pid: child.pid as number, exited }
  }

  function socketFile(): string {
    const file = join(mkdtempSync(join(tmpdir(), 'proxy-')), 'p.sock')
    writeFileSync(file, '')
    return file
  }

  it('signals the proxy while its pid still names it, and deletes the socket', async () => {
    const proxy = await standIn()
    const socket = socketFile()
    const startTime = readStat(proxy.pid)?.startTime
    expect(stopSocketProxy({ socket, pid: proxy.pid, startTime })).toBe(true)
    expect(await proxy.exited).toBe('SIGTERM')
    expect(existsSync(socket)).toBe(false)
  })

  it('never signals a process that reused a gone proxy’s pid', async () => {
    const other = await standIn()
    const socket = socketFile()
    for (const startTime of ['1', undefined]) {
      expect(stopSocketProxy({ socket, pid: other.pid, startTime })).toBe(true)
    }
    const state = await Promise.race([
      other.exited,
      new Promise((resolve) => setTimeout(() => resolve('alive'), 200))
    ])
    expect(state).toBe('alive')
    process.kill(other.pid, 'SIGKILL')
  })
})

describe('serveSocketProxy', () => {
  it('stops and removes its socket once its lifetime is over, even if nobody deleted it', async () => {
    const listen = join(
      mkdtempSync(join(tmpdir(), 'proxy-')),
      'docker-nest-t.sock'
    )
    const served = serveSocketProxy({
      listen,
      target: '/nonexistent.sock',
      maxLifetimeMs: 100
    })
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(existsSync(listen)).toBe(true)
    await served
    expect(existsSync(listen)).toBe(false)
  })
})
