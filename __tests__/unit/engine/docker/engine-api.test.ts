import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import type { Duplex } from 'node:stream'
import { join } from 'node:path'
import {
  EngineApi,
  EngineApiError
} from '../../../../src/engine/docker/engine-api.js'
import {
  Demultiplexer,
  demultiplex
} from '../../../../src/engine/docker/attach.js'
import {
  socketEndpoint,
  verbOf
} from '../../../../src/engine/docker/endpoint.js'
import { runnerSocketPath } from '../../../../src/engine/docker/runner-socket.js'
import type { HostDockerEnv } from '../../../../src/engine/types.js'

let dir: string
let socket: string
let server: Server
const received: { method?: string; url?: string; body: Buffer }[] = []
const attachedStdin: string[] = []
/** Answers held back by the server until the test releases them. */
const held: (() => void)[] = []

function host(overrides: Partial<HostDockerEnv> = {}): HostDockerEnv {
  return {
    DOCKER_HOST: `unix://${socket}`,
    DOCKER_TLS_VERIFY: null,
    DOCKER_CERT_PATH: null,
    DOCKER_CONTEXT: null,
    ...overrides
  }
}

/** A config dir whose config.json holds `content` (undefined: no file). */
function configDir(content?: string): string {
  const config = mkdtempSync(join(dir, 'config-'))
  if (content !== undefined) writeFileSync(join(config, 'config.json'), content)
  return config
}

function frame(stream: number, text: string): Buffer {
  const header = Buffer.alloc(8)
  header.writeUInt8(stream, 0)
  header.writeUInt32BE(Buffer.byteLength(text), 4)
  return Buffer.concat([header, Buffer.from(text)])
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'engine-api-'))
  socket = join(dir, 'docker.sock')
  server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      received.push({
        method: req.method,
        url: req.url,
        body: Buffer.concat(chunks)
      })
      if (req.url === '/containers/create?name=held') {
        held.push(() => res.writeHead(201).end('{"Id":"held"}'))
      } else if (req.url === '/containers/sidecar/json') {
        res.end(JSON.stringify({ Id: 'abc', Name: '/sidecar' }))
      } else if (req.url?.startsWith('/containers/sidecar/archive')) {
        res.end()
      } else if (req.url === '/containers/sidecar/wait') {
        setTimeout(() => res.end('{"StatusCode":3}'), 20)
      } else if (req.url?.startsWith('/containers/sidecar/logs')) {
        res.end(Buffer.concat([frame(1, 'out\n'), frame(2, 'err\n')]))
      } else {
        res.statusCode = 404
        res.end('{"message":"No such container: gone"}')
      }
    })
  })
  // attach: switches to a raw stream, reads stdin to its end, then sends
  // output frames split at awkward places (inside a header, inside a payload).
  server.on('upgrade', (req, stream: Duplex) => {
    stream.write(
      'HTTP/1.1 101 UPGRADED\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n'
    )
    const chunks: Buffer[] = []
    stream.on('data', (chunk: Buffer) => chunks.push(chunk))
    stream.on('end', () => {
      attachedStdin.push(`${req.url} ${Buffer.concat(chunks).toString()}`)
      const output = Buffer.concat([
        frame(2, 'docker-nest: cgroup v2\n'),
        frame(1, 'msg="Docker daemon" version=26.1.5\n')
      ])
      stream.write(output.subarray(0, 3))
      setTimeout(() => stream.write(output.subarray(3, 40)), 5)
      setTimeout(() => stream.end(output.subarray(40)), 10)
    })
  })
  await new Promise<void>((resolve) => server.listen(socket, resolve))
})

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
  rmSync(dir, { recursive: true, force: true })
})

describe('runnerSocketPath', () => {
  test.each<[string, Partial<HostDockerEnv>, string | undefined, boolean]>([
    ['unix DOCKER_HOST', {}, undefined, true],
    [
      'tcp DOCKER_HOST',
      { DOCKER_HOST: 'tcp://10.0.0.1:2376' },
      undefined,
      false
    ],
    ['ssh DOCKER_HOST', { DOCKER_HOST: 'ssh://me@box' }, undefined, false],
    ['DOCKER_CONTEXT', { DOCKER_CONTEXT: 'remote' }, undefined, false],
    ['DOCKER_CONTEXT default', { DOCKER_CONTEXT: 'default' }, undefined, true],
    ['DOCKER_TLS_VERIFY', { DOCKER_TLS_VERIFY: '1' }, undefined, false],
    ['DOCKER_CERT_PATH', { DOCKER_CERT_PATH: '/certs' }, undefined, false],
    [
      'socket missing',
      { DOCKER_HOST: 'unix:///nonexistent.sock' },
      undefined,
      false
    ],
    [
      'currentContext, DOCKER_HOST unset',
      { DOCKER_HOST: null },
      '{"currentContext":"remote"}',
      false
    ],
    [
      'currentContext, DOCKER_HOST set',
      {},
      '{"currentContext":"remote"}',
      true
    ],
    [
      'unreadable config, DOCKER_HOST unset',
      { DOCKER_HOST: null },
      '{not json',
      false
    ]
  ])('[%#] %s', (_title, overrides, config, usesApi) => {
    const env = { DOCKER_CONFIG: configDir(config), HOME: dir }
    const path = runnerSocketPath(host(overrides), env)
    expect(path !== undefined).toBe(usesApi)
    if (usesApi) expect(path).toBe(socket)
  })
})

describe('EngineApi', () => {
  const api = () => new EngineApi(socketEndpoint(socket))

  test('inspects a container', async () => {
    await expect(api().inspectContainer('sidecar')).resolves.toMatchObject({
      Id: 'abc'
    })
  })

  test('puts a tar at a path, as docker cp - does', async () => {
    await api().putArchive('sidecar', '/', Buffer.from('tar bytes'))
    const last = received[received.length - 1]
    expect(last).toMatchObject({
      method: 'PUT',
      url: '/containers/sidecar/archive?path=%2F'
    })
    expect(last.body.toString()).toBe('tar bytes')
  })

  test("names the call and the daemon's message when it fails", async () => {
    const error = await api()
      .inspectContainer('gone')
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(EngineApiError)
    expect((error as Error).message).toBe(
      'GET /containers/gone/json: HTTP 404 No such container: gone'
    )
  })

  test('reports the exit code the wait call answers', async () => {
    const watch = api().watchExit('sidecar')
    await expect(watch.exited).resolves.toBe('the sidecar exited with code 3')
    watch.stopWatching()
  })

  test('attaches: stdin goes in, then the output comes out frame by frame', async () => {
    const payloads: string[] = []
    const stream = await api().attach('sidecar', (payload) =>
      payloads.push(payload.toString())
    )
    await stream.send(Buffer.from('the files'))
    for (let i = 0; i < 100 && payloads.length < 2; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
    stream.abort()
    expect(attachedStdin).toEqual([
      '/containers/sidecar/attach?stream=1&stdin=1&stdout=1&stderr=1 the files'
    ])
    expect(payloads).toEqual([
      'docker-nest: cgroup v2\n',
      'msg="Docker daemon" version=26.1.5\n'
    ])
  })

  test('says when the create request is written, before the daemon answers', async () => {
    let sent!: () => void
    const wasSent = new Promise<void>((resolve) => (sent = resolve))
    let answered = false
    const creating = api()
      .createContainer('held', { Image: 'dind' }, sent)
      .then(() => (answered = true))
    await wasSent
    expect(answered).toBe(false)
    // The daemon has the whole request although it has not answered yet.
    for (let i = 0; i < 100 && held.length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
    expect(held).toHaveLength(1)
    expect(received[received.length - 1].body.toString()).toBe(
      '{"Image":"dind"}'
    )
    held.shift()?.()
    await creating
    expect(answered).toBe(true)
  })

  test('joins both streams of the log', async () => {
    await expect(api().containerLog('sidecar')).resolves.toBe('out\nerr\n')
  })
})

describe('demultiplex', () => {
  test('ignores a truncated last header', () => {
    expect(
      demultiplex(Buffer.concat([frame(2, 'a'), Buffer.from([1, 0])]))
    ).toBe('a')
  })

  test('Demultiplexer joins frames that span chunks, byte by byte too', () => {
    const stream = Buffer.concat([frame(1, 'one\n'), frame(2, 'two\n')])
    const payloads: string[] = []
    const frames = new Demultiplexer((p) => payloads.push(p.toString()))
    for (const byte of stream) frames.push(Buffer.from([byte]))
    expect(payloads).toEqual(['one\n', 'two\n'])
  })
})

describe('verbOf', () => {
  test.each([
    ['/containers/create?name=x', 'create'],
    ['/v1.41/containers/abc/start', 'start'],
    ['/containers/abc/json', 'json'],
    ['/containers/json?all=1', 'json'],
    ['/containers/docker-nest-1a2b?force=1&v=1', 'containers'],
    ['/volumes/docker-nest-1a2b-data', 'volumes'],
    ['/volumes?filters=x', 'volumes'],
    ['/images/create?fromSrc=-', 'create'],
    ['/_ping', '_ping']
  ])('[%#] %s -> %s', (path, verb) => {
    expect(verbOf(path)).toBe(verb)
  })
})
