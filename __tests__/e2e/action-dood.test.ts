/**
 * mode: dood with the committed bundles against the runner's real daemon:
 * the job gets the host socket, containers it starts are the host's, post
 * leaves them unless cleanup: containers, and every socket problem explains
 * itself.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { chmodSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { runIdOf, runMain, runPost } from './harness/runner.js'
import {
  E2E,
  IMAGES,
  docker,
  dockerOk,
  leftovers,
  nestEnv,
  removeLeftovers,
  requireDocker,
  tempDir
} from './helpers/docker.js'
import { errorOf } from './helpers/steps.js'

const suite = E2E ? describe : describe.skip
const TIMEOUT = 60_000
const SOCKET = '/var/run/docker.sock'

/** Starts a long-running container on the host daemon through the step's env. */
function startLabelled(env: Record<string, string>, label?: string): string {
  const labelArgs = label ? ['--label', label] : []
  return dockerOk(
    ['run', '-d', ...labelArgs, IMAGES.busybox, 'sleep', '300'],
    env
  ).trim()
}

/** A unix socket file nobody listens on (bound, never listened, process gone). */
function deadSocket(path: string): string {
  execFileSync('python3', [
    '-c',
    'import socket, sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])',
    path
  ])
  return path
}

suite('Action, mode dood (the runner’s daemon)', () => {
  const work = tempDir('docker-nest-e2e-dood-')
  beforeAll(() => requireDocker([IMAGES.busybox]))
  afterAll(() => work.remove())

  test(
    'set-host: false exports only the run label; output docker-host reaches the daemon',
    async () => {
      const main = await runMain({
        inputs: { mode: 'dood', 'set-host': 'false', cleanup: 'containers' }
      })
      const runId = runIdOf(main)
      try {
        expect(main.stderr).toBe('')
        expect(main.exitCode).toBe(0)
        expect(main.env).toEqual({
          DOCKER_NEST_LABEL: `docker-nest.run=${runId}`
        })
        expect(main.outputs['docker-host']).toBe(`unix://${SOCKET}`)
        const id = startLabelled(
          { DOCKER_HOST: main.outputs['docker-host'] },
          main.env.DOCKER_NEST_LABEL
        )
        const post = await runPost(main)
        expect(post.exitCode).toBe(0)
        expect(docker(['inspect', id]).status).not.toBe(0)
      } finally {
        removeLeftovers(runId)
      }
    },
    TIMEOUT
  )

  test(
    'gives later steps the host socket; their containers are the host’s; post leaves them',
    async () => {
      const main = await runMain({
        inputs: { mode: 'dood' },
        // A stale TLS setting from an earlier step must not survive.
        env: { DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: '/nowhere' }
      })
      const runId = runIdOf(main)
      try {
        expect(main.stderr).toBe('')
        expect(main.exitCode).toBe(0)
        expect(main.env).toMatchObject({
          DOCKER_HOST: `unix://${SOCKET}`,
          DOCKER_TLS_VERIFY: '',
          DOCKER_CERT_PATH: '',
          DOCKER_NEST_LABEL: `docker-nest.run=${runId}`
        })
        const host = JSON.parse(
          dockerOk(['version', '--format', '{{json .Server}}'])
        )
        const driver = dockerOk(['info', '--format', '{{.Driver}}']).trim()
        expect(main.outputs).toMatchObject({
          mode: 'dood',
          'docker-host': `unix://${SOCKET}`,
          'server-version': host.Version,
          'storage-driver': driver,
          'container-id': '',
          'cert-path': '',
          port: ''
        })
        expect(main.stdout).toContain('bind-mount paths (-v ./dir:/x)')

        // A later step's container runs on the host daemon.
        const id = startLabelled(nestEnv(main.env), main.env.DOCKER_NEST_LABEL)
        expect(
          dockerOk(['inspect', '--format', '{{.State.Running}}', id])
        ).toContain('true')

        const post = await runPost(main)
        expect(post.exitCode).toBe(0)
        expect(post.stdout).toContain('dood: leaving the runner’s daemon')
        expect(leftovers(runId)).toEqual([id.slice(0, 12)])
      } finally {
        removeLeftovers(runId)
      }
    },
    TIMEOUT
  )

  test(
    'cleanup: containers removes only what carries the run label',
    async () => {
      const main = await runMain({
        inputs: { mode: 'dood', cleanup: 'containers' }
      })
      const runId = runIdOf(main)
      const env = nestEnv(main.env)
      const label = main.env.DOCKER_NEST_LABEL
      const other = startLabelled(env)
      try {
        expect(main.exitCode).toBe(0)
        const container = startLabelled(env, label)
        const network = dockerOk(
          ['network', 'create', '--label', label, `dn-e2e-${runId}`],
          env
        ).trim()
        const volume = dockerOk(
          ['volume', 'create', '--label', label],
          env
        ).trim()
        expect(leftovers(runId)).toHaveLength(2)
        // An unlabelled container left on the run's network holds an
        // endpoint there: post detaches it rather than leak the network.
        dockerOk(['network', 'connect', network, other], env)

        const post = await runPost(main)
        expect(post.exitCode).toBe(0)
        expect(post.stdout).not.toContain('::warning::')
        expect(post.stdout).toContain(
          `Removed container ${container.slice(0, 12)}`
        )
        expect(post.stdout).toContain(`Removed network ${network.slice(0, 12)}`)
        expect(post.stdout).toContain(`Removed volume ${volume}`)
        expect(leftovers(runId)).toEqual([])
        expect(docker(['network', 'inspect', network]).status).not.toBe(0)
        expect(post.stdout).toMatch(
          new RegExp(`Disconnected \\S+ from network ${network.slice(0, 12)}`)
        )
        // Not labelled: not ours to remove.
        expect(
          dockerOk(['inspect', '--format', '{{.State.Running}}', other]).trim()
        ).toBe('true')
      } finally {
        docker(['rm', '-fv', other])
        docker(['network', 'rm', `dn-e2e-${runId}`])
        removeLeftovers(runId)
      }
    },
    TIMEOUT
  )

  test(
    'a user without access to the socket gets owner, group, mode, their groups and the fixes',
    async () => {
      // As root, run the step as nobody against the real socket; otherwise
      // (hosted runners) use a socket of our own that nobody may open.
      const asRoot = process.getuid?.() === 0
      const socket = asRoot ? SOCKET : deadSocket(join(work.dir, 'denied.sock'))
      if (!asRoot) chmodSync(socket, 0o000)
      const before = statSync(socket)
      const main = await runMain(
        asRoot
          ? { inputs: { mode: 'dood' }, user: { uid: 65534, gid: 65534 } }
          : { inputs: { mode: 'dood', socket } }
      )
      expect(main.exitCode).toBe(1)
      const group = `${before.gid}`
      const error = errorOf(main)
      const who = asRoot
        ? 'user nobody \\(65534\\) in groups .*65534'
        : `user \\w+ \\(${process.getuid?.()}\\) in groups `
      expect(error).toMatch(
        new RegExp(
          `^Permission denied on the Docker socket ${socket}: it is owned by ` +
            `user \\w+ \\(${before.uid}\\), group \\w+ \\(${group}\\), ` +
            `mode ${asRoot ? '0660' : '0000'}, and this step runs as ${who}`
        )
      )
      expect(error).toContain('usermod -aG')
      expect(error).toContain(`--group-add ${group}`)
      // Never chmod the socket.
      const after = statSync(socket)
      expect([after.mode, after.uid, after.gid]).toEqual([
        before.mode,
        before.uid,
        before.gid
      ])
      const post = await runPost(main)
      expect(post.exitCode).toBe(0)
    },
    TIMEOUT
  )

  test.each<[string, (dir: string) => string, string]>([
    [
      'no socket at the given path',
      (dir) => join(dir, 'missing.sock'),
      "No Docker socket at {path} (from input 'socket')."
    ],
    [
      'the given path is a file, not a socket',
      (dir) => {
        const path = join(dir, 'file.sock')
        writeFileSync(path, '')
        return path
      },
      "{path} (from input 'socket') is not a socket but a file."
    ],
    [
      'nothing listens on the socket',
      (dir) => deadSocket(join(dir, 'dead.sock')),
      'Nothing listens on the Docker socket {path} (connection refused)'
    ]
  ])(
    '%s: fails with the cause and the fix, and post does nothing',
    async (_title, makePath, message) => {
      const path = makePath(work.dir)
      const main = await runMain({ inputs: { mode: 'dood', socket: path } })
      expect(main.exitCode).toBe(1)
      expect(errorOf(main)).toContain(message.replace('{path}', path))
      expect(main.env.DOCKER_HOST).toBeUndefined()
      const post = await runPost(main)
      expect(post.exitCode).toBe(0)
      expect(post.stdout).not.toContain('::warning::')
    },
    TIMEOUT
  )
})
