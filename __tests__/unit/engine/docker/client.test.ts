/**
 * The one Docker client (docker/client.ts): both ways create and start the
 * same container from one create request, and a daemon's refusal reads the
 * same either way. The Engine API side talks to a fake daemon on a socket.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Duplex } from 'node:stream'
import { apiClient } from '../../../../src/engine/docker/api-client.js'
import { cliClient } from '../../../../src/engine/docker/cli-client.js'
import {
  DockerCommandError,
  type DockerCli
} from '../../../../src/engine/docker/cli.js'
import type { CreateRequest } from '../../../../src/engine/docker/create-request.js'
import { socketEndpoint } from '../../../../src/engine/docker/endpoint.js'
import { EngineApi } from '../../../../src/engine/docker/engine-api.js'
import { runnerClient } from '../../../../src/engine/docker/runner-client.js'
import { runArgsFromCreate } from '../../../../src/engine/docker/run-args.js'
import type { HostDockerEnv } from '../../../../src/engine/types.js'

let dir: string
let socket: string
let server: Server
/** Each request the fake daemon got: `METHOD url` and its body. */
const received: { call: string; body: string }[] = []

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'docker-client-'))
  socket = join(dir, 'docker.sock')
  server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      received.push({
        call: `${req.method} ${req.url}`,
        body: Buffer.concat(chunks).toString()
      })
      if (req.url === '/containers/create?name=missing-image') {
        res.writeHead(404).end('{"message":"No such image: img:1"}')
      } else if (req.url === '/containers/refused/start') {
        res.writeHead(500).end('{"message":"port is already allocated"}')
      } else res.writeHead(req.url?.endsWith('/start') ? 204 : 201).end('{}')
    })
  })
  server.on('upgrade', (req, stream: Duplex) => {
    received.push({ call: `${req.method} ${req.url}`, body: '' })
    stream.end(
      'HTTP/1.1 101 UPGRADED\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n'
    )
  })
  await new Promise<void>((resolve) => server.listen(socket, resolve))
})

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
  rmSync(dir, { recursive: true, force: true })
})

function request(name: string): CreateRequest {
  return {
    name,
    body: {
      Image: 'img:1',
      Cmd: ['true'],
      Env: ['A=1'],
      Labels: { l: 'v' },
      ExposedPorts: {},
      HostConfig: {
        Privileged: true,
        PortBindings: {},
        Mounts: [],
        NetworkMode: 'default'
      }
    }
  }
}

/** A docker CLI that records what it runs; tracked calls just run. */
function fakeCli(host: Partial<HostDockerEnv> = {}) {
  const runs: string[][] = []
  const cli = {
    host: {
      DOCKER_HOST: `unix://${socket}`,
      DOCKER_TLS_VERIFY: null,
      DOCKER_CERT_PATH: null,
      DOCKER_CONTEXT: null,
      ...host
    },
    async exec(args: string[]) {
      runs.push(args)
      return { exitCode: 0, stdout: '', stderr: '' }
    },
    track: <T>(_args: string[], call: () => Promise<T>) => call()
  }
  return { cli: cli as unknown as DockerCli, runs }
}

const api = () => new EngineApi(socketEndpoint(socket))

describe('the Engine API client', () => {
  test('sends the request as it is, then starts the container', async () => {
    received.length = 0
    const { cli } = fakeCli()
    await apiClient(api(), cli).run(request('plain'))
    expect(received.map((r) => r.call)).toEqual([
      'POST /containers/create?name=plain',
      'POST /containers/plain/start'
    ])
    expect(JSON.parse(received[0].body)).toEqual(request('plain').body)
  })

  test('opens stdin and attaches before the start, without changing the request', async () => {
    received.length = 0
    const { cli } = fakeCli()
    const asked = request('attached')
    const order: string[] = []
    await apiClient(api(), cli).run(asked, {
      onCreating: () => order.push('creating'),
      onStarting: () => order.push('starting'),
      attach: {
        env: ['READ_STDIN=1'],
        onOutput: () => undefined,
        onAttach: (streams) => {
          order.push('attach')
          streams.then((s) => s.abort()).catch(() => undefined)
        }
      }
    })
    expect(order).toEqual(['creating', 'attach', 'starting'])
    expect(JSON.parse(received[0].body)).toMatchObject({
      OpenStdin: true,
      StdinOnce: true,
      Env: ['A=1', 'READ_STDIN=1']
    })
    expect(asked).toEqual(request('attached'))
    expect(received.map((r) => r.call)).toContain(
      'POST /containers/attached/attach?stream=1&stdin=1&stdout=1&stderr=1'
    )
  })

  test('leaves a missing image to docker run, with the arguments of the same request', async () => {
    const { cli, runs } = fakeCli()
    const hooks: string[] = []
    await apiClient(api(), cli).run(request('missing-image'), {
      onCreating: () => hooks.push('creating'),
      onStarting: () => hooks.push('starting'),
      attach: {
        env: ['READ_STDIN=1'],
        onOutput: () => undefined,
        onAttach: () => hooks.push('attach')
      }
    })
    expect(runs).toEqual([runArgsFromCreate(request('missing-image'))])
    expect(hooks).toEqual(['creating', 'starting'])
  })

  test("turns a refusal into docker run's error: exit 125, the daemon's message", async () => {
    const { cli } = fakeCli()
    const error = await apiClient(api(), cli)
      .run(request('refused'))
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DockerCommandError)
    expect(error).toMatchObject({
      exitCode: 125,
      args: runArgsFromCreate(request('refused')),
      stderr: 'docker: Error response from daemon: port is already allocated.'
    })
  })
})

describe('the docker CLI client', () => {
  test('runs the docker run form of the request, both hooks as it starts', async () => {
    const { cli, runs } = fakeCli()
    const hooks: string[] = []
    await cliClient(cli).run(request('by-cli'), {
      onCreating: () => hooks.push('creating'),
      onStarting: () => hooks.push('starting')
    })
    expect(runs).toEqual([runArgsFromCreate(request('by-cli'))])
    expect(hooks).toEqual(['creating', 'starting'])
    expect(cliClient(cli).containerLog).toBeUndefined()
  })
})

describe('runnerClient', () => {
  test.each<[string, string, Partial<HostDockerEnv>]>([
    ['a plain socket', 'engine-api', {}],
    [
      'a TCP DOCKER_HOST',
      'docker-cli',
      { DOCKER_HOST: 'tcp://127.0.0.1:2376' }
    ],
    ['an SSH DOCKER_HOST', 'docker-cli', { DOCKER_HOST: 'ssh://me@host' }],
    ['a context', 'docker-cli', { DOCKER_CONTEXT: 'remote' }],
    ['TLS variables', 'docker-cli', { DOCKER_TLS_VERIFY: '1' }]
  ])('[%#] %s goes via %s', (_title, via, host) => {
    const { cli } = fakeCli(host)
    const env = { DOCKER_CONFIG: join(dir, 'no-config') }
    expect(runnerClient(cli, undefined, env).via).toBe(via)
  })
})
