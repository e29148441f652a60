/**
 * The one Docker client's object calls (look-up, listing, stop, removal,
 * images, logs): the Engine API against a fake daemon and the CLI against
 * a fake `docker` give the same answers, and a refusal reads the same
 * either way, so callers test it with one pattern (isNoSuchObject).
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { apiClient } from '../../../../src/engine/docker/api-client.js'
import { cliClient } from '../../../../src/engine/docker/cli-client.js'
import {
  isNoSuchObject,
  type DockerCli,
  type DockerResult
} from '../../../../src/engine/docker/cli.js'
import type { DockerClient } from '../../../../src/engine/docker/client.js'
import { socketEndpoint } from '../../../../src/engine/docker/endpoint.js'
import { EngineApi } from '../../../../src/engine/docker/engine-api.js'

const LABELS = { 'docker-nest': 'true', 'docker-nest.run': '1-1-a', x: 'y' }
const INSPECT = {
  Id: 'c0ffee00',
  State: { Running: true },
  Config: { Labels: LABELS, Env: [] }
}
const IN_USE = 'remove v1: volume is in use - [c0ffee00]'

let dir: string
let server: Server
let api: DockerClient

/** A frame of a multiplexed log stream (the container has no TTY). */
function frame(stream: 1 | 2, text: string): Buffer {
  const header = Buffer.alloc(8)
  header[0] = stream
  header.writeUInt32BE(Buffer.byteLength(text), 4)
  return Buffer.concat([header, Buffer.from(text)])
}

/** The daemon's answers, by method and path. */
function answer(method: string, url: string): [number, string | Buffer] {
  const path = decodeURIComponent(url.split('?')[0])
  const key = `${method} ${path}`
  if (key === 'GET /containers/nest/json') return [200, JSON.stringify(INSPECT)]
  if (key === 'GET /volumes/v1') return [200, '{"Name":"v1","Labels":null}']
  if (key === 'GET /containers/json') {
    const Names = ['/docker-nest-a']
    return [200, JSON.stringify([{ Id: 'c0ffee00', Names, Labels: LABELS }])]
  }
  if (key === 'GET /volumes') {
    return [200, JSON.stringify({ Volumes: [{ Name: 'v1', Labels: LABELS }] })]
  }
  if (key === 'POST /containers/nest/stop') return [304, '']
  if (key === 'DELETE /volumes/v1')
    return [409, JSON.stringify({ message: IN_USE })]
  if (key === 'GET /images/img:1/json') return [200, '{}']
  if (key === 'GET /containers/nest/logs') {
    return url.includes('stdout=1')
      ? [200, frame(1, 'out\n')]
      : [200, frame(2, 'err\n')]
  }
  return [404, JSON.stringify({ message: `No such container: ${path}` })]
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'client-objects-'))
  const socket = join(dir, 'docker.sock')
  server = createServer((req, res) => {
    req.resume()
    req.on('end', () => {
      const [status, body] = answer(req.method ?? '', req.url ?? '')
      res.writeHead(status).end(body)
    })
  })
  await new Promise<void>((resolve) => server.listen(socket, resolve))
  const tracker = {
    track: <T>(_args: string[], call: () => Promise<T>) => call()
  } as unknown as DockerCli
  api = apiClient(new EngineApi(socketEndpoint(socket)), tracker)
})

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
  rmSync(dir, { recursive: true, force: true })
})

/** A docker CLI answering as the real one does for the same daemon state. */
function cli(): DockerClient {
  const ok = (stdout: string): DockerResult => ({
    exitCode: 0,
    stdout,
    stderr: ''
  })
  const fail = (text: string): DockerResult => ({
    exitCode: 1,
    stdout: '',
    stderr: `Error response from daemon: ${text}\n`
  })
  const tryExec = async (args: string[]): Promise<DockerResult> => {
    const call = args.filter((arg) => !arg.startsWith('{{')).join(' ')
    if (call === 'inspect --type container nest') {
      return ok(JSON.stringify([INSPECT]))
    }
    if (call === 'volume inspect v1') return ok('[{"Name":"v1","Labels":null}]')
    if (args[0] === 'ps') return ok('c0ffee00\tdocker-nest-a\ttrue\t1-1-a\t\n')
    if (args[0] === 'volume' && args[1] === 'ls')
      return ok('v1\ttrue\t1-1-a\t\n')
    if (call === 'stop --time 10 nest') return ok('nest\n')
    if (call === 'volume rm v1') return fail(IN_USE)
    if (call.startsWith('image inspect --format img:1')) return ok('sha256:1\n')
    if (call === 'logs --tail 50 nest') {
      return { exitCode: 0, stdout: 'out\n', stderr: 'err\n' }
    }
    return fail(`No such container: ${args.at(-1)}`)
  }
  const exec = async (args: string[]) => tryExec(args)
  return cliClient({ tryExec, exec } as unknown as DockerCli)
}

const clients: [string, () => DockerClient][] = [
  ['the Engine API', () => api],
  ['the docker CLI', cli]
]

describe.each(clients)('%s client', (_way, client) => {
  test('finds a container with its config, and nothing for a missing one', async () => {
    const found = await client().findContainer('nest')
    expect(found?.Id).toBe('c0ffee00')
    expect(found?.Config.Labels).toEqual(LABELS)
    await expect(client().findContainer('gone')).resolves.toBeUndefined()
    await expect(client().findVolume('v1')).resolves.toEqual({
      Name: 'v1',
      Labels: null
    })
  })

  test('lists labelled objects with the labels asked for', async () => {
    const keys = ['docker-nest', 'docker-nest.run', 'docker-nest.owner']
    expect(await client().listLabelled('docker-nest', keys)).toEqual({
      containers: [
        {
          id: 'c0ffee00',
          name: 'docker-nest-a',
          labels: { 'docker-nest': 'true', 'docker-nest.run': '1-1-a' }
        }
      ],
      volumes: [
        {
          name: 'v1',
          labels: { 'docker-nest': 'true', 'docker-nest.run': '1-1-a' }
        }
      ]
    })
  })

  test("reports a refusal in the daemon's words, whichever way", async () => {
    const missing = await client().removeContainer('gone')
    expect(missing.ok).toBe(false)
    expect(isNoSuchObject(missing.error)).toBe(true)
    expect(await client().removeVolume('v1')).toEqual({
      ok: false,
      error: `Error response from daemon: ${IN_USE}`
    })
    // Stopping a container that is not running is no failure.
    expect(await client().stop('nest', 10)).toEqual({ ok: true, error: '' })
  })

  test('says whether an image is there', async () => {
    await expect(client().imageExists('img:1')).resolves.toBe(true)
  })

  test("tails both streams of a container's log, stderr last", async () => {
    await expect(client().logTail('nest', 50)).resolves.toBe('out\n\nerr\n')
  })
})
