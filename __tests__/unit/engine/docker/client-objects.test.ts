/**
 * The one Docker client's object calls (look-up, listing, stop, removal,
 * networks, images, logs): the Engine API against a fake daemon and the CLI against
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
  DockerCommandError,
  isNoSuchObject,
  type DockerCli,
  type DockerResult
} from '../../../../src/engine/docker/cli.js'
import {
  errorText,
  type DockerClient
} from '../../../../src/engine/docker/client.js'
import { socketEndpoint } from '../../../../src/engine/docker/endpoint.js'
import { EngineApi } from '../../../../src/engine/docker/engine-api.js'

const LABELS = { 'docker-nest': 'true', 'docker-nest.run': '1-1-a', x: 'y' }
const INSPECT = {
  Id: 'c0ffee00',
  State: { Running: true },
  Config: { Labels: LABELS, Env: [] }
}
const IN_USE = 'remove v1: volume is in use - [c0ffee00]'
/** A run's label, the one the fakes list objects for. */
const RUN = 'docker-nest.run=1-1-a'
/** Full ids, as the daemon keeps them; `--quiet` prints 12 digits. */
const CONTAINER_ID = 'c0ffee00'.repeat(8)
const NETWORK_ID = 'beef0000'.repeat(8)
const ACTIVE =
  'error while removing network: network n1 id beef0000beef has active endpoints'
/** How the daemon refuses a listing. */
const REFUSED = 'listing refused'

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

/** A list for the label the fakes know, nothing for any other. */
function listed(url: string, all: unknown[]): [number, string] {
  const filters = new URLSearchParams(url.split('?')[1]).get('filters')
  const label = (JSON.parse(filters ?? '{}') as { label?: string[] }).label
  if (label?.[0] === 'refused') {
    return [500, JSON.stringify({ message: REFUSED })]
  }
  const known = label?.[0] === RUN || label?.[0] === 'docker-nest'
  return [200, JSON.stringify(known ? all : [])]
}

/** The daemon's answers, by method, path and body. */
function answer(
  method: string,
  url: string,
  body: string
): [number, string | Buffer] {
  const path = decodeURIComponent(url.split('?')[0])
  const key = `${method} ${path}`
  if (key === 'GET /containers/nest/json') return [200, JSON.stringify(INSPECT)]
  if (key === 'GET /volumes/v1') return [200, '{"Name":"v1","Labels":null}']
  if (key === 'GET /containers/json') {
    const Names = ['/docker-nest-a']
    return listed(url, [{ Id: CONTAINER_ID, Names, Labels: LABELS }])
  }
  if (key === 'GET /volumes') {
    const [status, volumes] = listed(url, [{ Name: 'v1', Labels: LABELS }])
    if (status !== 200) return [status, volumes]
    return [200, `{"Volumes":${volumes},"Warnings":null}`]
  }
  if (key === 'GET /networks')
    return listed(url, [{ Id: NETWORK_ID, Name: 'n1' }])
  if (key === 'GET /networks/n1') {
    // A container's endpoint, and a stale one the daemon keeps by its own name.
    const Containers = {
      [CONTAINER_ID]: { Name: 'job' },
      'ep-1': { Name: 'stale' }
    }
    return [200, JSON.stringify({ Id: NETWORK_ID, Name: 'n1', Containers })]
  }
  if (key === 'POST /networks/n1/disconnect') {
    const wanted = JSON.stringify({ Container: 'job', Force: true })
    return body === wanted ? [200, ''] : [400, `{"message":"body ${body}"}`]
  }
  if (key === 'DELETE /networks/n1') {
    return [403, JSON.stringify({ message: ACTIVE })]
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
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const sent = Buffer.concat(chunks).toString()
      const [status, body] = answer(req.method ?? '', req.url ?? '', sent)
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
    if (call.endsWith('--filter label=refused')) return fail(REFUSED)
    if (args.includes('--quiet') && !call.endsWith(`--filter label=${RUN}`)) {
      return ok('')
    }
    if (call === `ps --all --quiet --filter label=${RUN}`) {
      return ok(`${CONTAINER_ID.slice(0, 12)}\n`)
    }
    if (call === `network ls --quiet --filter label=${RUN}`) {
      return ok(`${NETWORK_ID.slice(0, 12)}\n`)
    }
    if (call === `volume ls --quiet --filter label=${RUN}`) return ok('v1\n')
    if (call === 'network inspect --format n1') return ok('job\nstale\n')
    if (call === 'network disconnect --force n1 job') return ok('')
    if (call === 'network rm n1') return fail(ACTIVE)
    if (args[0] === 'ps') {
      return ok(`${CONTAINER_ID}\tdocker-nest-a\ttrue\t1-1-a\t\n`)
    }
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
  // As DockerCli.exec: a non-zero exit throws.
  const exec = async (args: string[]) => {
    const result = await tryExec(args)
    if (result.exitCode === 0) return result
    throw new DockerCommandError(args, result.exitCode, result.stderr)
  }
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
          id: CONTAINER_ID,
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

  test('lists the objects of one kind by label, as --quiet prints them', async () => {
    const ids = (kind: 'container' | 'network' | 'volume', label = RUN) =>
      client().labelledIds(kind, label)
    expect(await ids('container')).toEqual([CONTAINER_ID.slice(0, 12)])
    expect(await ids('network')).toEqual([NETWORK_ID.slice(0, 12)])
    expect(await ids('volume')).toEqual(['v1'])
    expect(await ids('network', 'docker-nest.run=other')).toEqual([])
    await expect(ids('volume', 'refused').catch(errorText)).resolves.toBe(
      `Error response from daemon: ${REFUSED}`
    )
  })

  test("reads a network's endpoints, detaches one, and relays a refused removal", async () => {
    expect(await client().networkEndpoints('n1')).toEqual(['job', 'stale'])
    expect(await client().disconnectNetwork('n1', 'job')).toEqual({
      ok: true,
      error: ''
    })
    expect(await client().removeNetwork('n1')).toEqual({
      ok: false,
      error: `Error response from daemon: ${ACTIVE}`
    })
    const gone = await client().removeNetwork('gone')
    expect(gone.ok).toBe(false)
    expect(isNoSuchObject(gone.error)).toBe(true)
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
