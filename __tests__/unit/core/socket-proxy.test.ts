import { describe, expect, it } from '@jest/globals'
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  proxyCommand,
  serveSocketProxy
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
  })

  it.each([
    { socket: '/var/run/docker.sock', pid: 1234 },
    { socket: '/tmp/rt/docker-nest-x.sock', pid: -1 },
    { socket: '/tmp/rt/docker-nest-x.sock' }
  ])('refuses %o: teardown deletes that path and signals that pid', (proxy) => {
    expect(() => parseResources(JSON.stringify({ ...record, proxy }))).toThrow(
      /field 'proxy(\.socket)?' has an unexpected value/
    )
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
