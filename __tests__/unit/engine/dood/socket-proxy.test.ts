import { describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import {
  chmodSync,
  chownSync,
  existsSync,
  lstatSync,
  mkdtempSync,
  readdirSync,
  statSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readStat } from '../../../../src/engine/lifecycle/owner.js'
import {
  proxyCommand,
  proxySocketPath,
  serveSocketProxy,
  stopSocketProxy
} from '../../../../src/engine/dood/socket-proxy.js'
import { parseResources } from '../../../../src/engine/lifecycle/resources.js'

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
  const socket = '/tmp/rt/docker-nest-42-1-abcd.sock'
  const record = {
    version: 1,
    runId: '42-1-abcd',
    hostDocker: {},
    mode: 'dood',
    proxy: { socket, pid: 1234 }
  }
  const parse = (json: string) => parseResources(json, '/tmp/rt')

  it('round-trips', () => {
    expect(parse(JSON.stringify(record)).proxy).toEqual(record.proxy)
    const started = { ...record.proxy, startTime: '123456' }
    expect(parse(JSON.stringify({ ...record, proxy: started })).proxy).toEqual(
      started
    )
  })

  it('is where launchSocketProxy serves it', () => {
    expect(proxySocketPath('/tmp/rt/', '42-1-abcd')).toBe(socket)
  })

  it.each([
    { socket: '/var/run/docker.sock', pid: 1234 },
    { socket: '/tmp/rt/docker-nest-42-1-ffff.sock', pid: 1234 },
    { socket: '/etc/docker-nest-42-1-abcd.sock', pid: 1234 },
    { socket: '/tmp/rt/../../etc/docker-nest-42-1-abcd.sock', pid: 1234 },
    { socket, pid: -1 },
    { socket },
    { socket, pid: 1, startTime: '1; rm' }
  ])('refuses %o: teardown deletes that path and signals that pid', (proxy) => {
    expect(() => parse(JSON.stringify({ ...record, proxy }))).toThrow(
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

/** As root (the proxy runs through sudo), for a step user such as nobody. */
const asRoot = process.getuid?.() === 0
const rootIt = asRoot ? it : it.skip
const nobody = { uid: 65534, gid: 65534 }

describe('serveSocketProxy for another user', () => {
  /** A directory the step's user owns, like RUNNER_TEMP. */
  function userDir(): string {
    const dir = mkdtempSync(join(tmpdir(), 'proxy-user-'))
    chownSync(dir, nobody.uid, nobody.gid)
    return dir
  }

  rootIt(
    'creates the socket as that user, 0600, and goes back to root',
    async () => {
      const listen = join(userDir(), 'docker-nest-t.sock')
      const served = serveSocketProxy({
        listen,
        target: '/nonexistent.sock',
        owner: nobody,
        maxLifetimeMs: 100
      })
      await new Promise((resolve) => setTimeout(resolve, 50))
      const stat = lstatSync(listen)
      expect([stat.isSocket(), stat.uid, stat.gid, stat.mode & 0o777]).toEqual([
        true,
        nobody.uid,
        nobody.gid,
        0o600
      ])
      expect([process.geteuid?.(), process.getegid?.()]).toEqual([0, 0])
      await served
      expect(existsSync(listen)).toBe(false)
    }
  )

  rootIt(
    'never creates its socket where only root may write, through a symlinked directory',
    async () => {
      // The user replaced their directory by a link to one of root's: as
      // root, the proxy would bind (then chmod and chown) there.
      const rootOnly = mkdtempSync(join(tmpdir(), 'proxy-root-'))
      const user = userDir()
      const planted = join(user, 'temp')
      symlinkSync(rootOnly, planted)
      await expect(
        serveSocketProxy({
          listen: join(planted, 'docker-nest-t.sock'),
          target: '/nonexistent.sock',
          owner: nobody,
          maxLifetimeMs: 100
        })
      ).rejects.toThrow(/EACCES/)
      expect(readdirSync(rootOnly)).toEqual([])
      expect(process.geteuid?.()).toBe(0)
    }
  )

  rootIt(
    'leaves a file a symlink at its socket path points to alone',
    async () => {
      const precious = join(
        mkdtempSync(join(tmpdir(), 'proxy-root-')),
        'shadow'
      )
      writeFileSync(precious, 'root:x\n', { mode: 0o600 })
      const listen = join(userDir(), 'docker-nest-t.sock')
      symlinkSync(precious, listen)
      await expect(
        serveSocketProxy({
          listen,
          target: '/nonexistent.sock',
          owner: nobody,
          maxLifetimeMs: 100
        })
      ).rejects.toThrow(/EADDRINUSE/)
      const stat = statSync(precious)
      expect([stat.uid, stat.mode & 0o777]).toEqual([0, 0o600])
    }
  )

  ;(asRoot ? it.skip : it)(
    'refuses to serve another user when not root',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'proxy-'))
      chmodSync(dir, 0o700)
      const uid = (process.getuid?.() ?? 0) + 1
      await expect(
        serveSocketProxy({
          listen: join(dir, 'docker-nest-t.sock'),
          target: '/nonexistent.sock',
          owner: { uid, gid: uid }
        })
      ).rejects.toThrow(`cannot serve a socket for uid ${uid}`)
    }
  )
})
