/**
 * Fast start (issue 9): the sidecar starts containerd itself and dockerd
 * uses it, on both image contracts and both engines; and the fallbacks
 * (input off, an image without docker-init) start the usual way. Each test
 * runs the committed bundles against the real daemon and checks that post
 * leaves nothing behind.
 */
import { afterAll, beforeAll, describe, expect, it, test } from '@jest/globals'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { CONTAINERD_DIED_LINE } from '../../src/engine/dind/containerd-first.js'
import { runIdOf, runMain, runPost, type StepResult } from './harness/runner.js'
import {
  E2E,
  IMAGES,
  docker,
  derivedImage,
  dockerOk,
  leftovers,
  loadImageInto,
  nestEnv,
  removeLeftovers,
  requireDocker,
  tempDir
} from './helpers/docker.js'
import { errorOf } from './helpers/steps.js'

const suite = E2E ? describe : describe.skip
const TIMEOUT = 180_000
const OUR_CONTAINERD = '/run/docker-nest/containerd/containerd.sock'

/** containerd and dockerd processes in the sidecar: pid, parent pid, command line. */
function daemons(container: string): { ppid: number; args: string }[] {
  const out = dockerOk([
    'exec',
    container,
    'ps',
    '-o',
    'ppid=,args=',
    '-C',
    'containerd,dockerd'
  ])
  return out
    .trim()
    .split('\n')
    .map((line) => {
      const [, ppid, args] = /^\s*(\d+)\s+(.*)$/.exec(line) ?? []
      return { ppid: Number(ppid), args }
    })
}

/** What a shell command prints in the sidecar, trimmed. */
function inSidecar(container: string, script: string): string {
  return dockerOk(['exec', container, 'sh', '-c', script]).trim()
}

/** Post runs cleanly and nothing labelled with the run is left. */
async function expectCleanTeardown(main: StepResult): Promise<void> {
  const post = await runPost(main)
  expect(post.exitCode).toBe(0)
  expect(post.stdout).not.toContain('::warning::')
  expect(leftovers(runIdOf(main))).toEqual([])
}

suite('Fast start: containerd first (real nested daemons)', () => {
  const work = tempDir('docker-nest-e2e-fast-')
  beforeAll(() => requireDocker(Object.values(IMAGES)))
  afterAll(() => work.remove())

  test.each([
    ['official contract, Docker 28', IMAGES.official],
    ['plain image, Docker 28', IMAGES.plain],
    // Compatibility rows: 26 waits for its own containerd longest, 20.10
    // has the oldest flags.
    ['official contract, Docker 26', IMAGES.official26],
    ['plain image, Docker 20.10', IMAGES.plain20]
  ])(
    '%s: dockerd uses the containerd the start script started, inner containers run, post removes it all',
    async (_title, image) => {
      const main = await runMain({
        inputs: { image },
        workDir: join(work.dir, image.replace(/\W/g, '-'))
      })
      const runId = runIdOf(main)
      try {
        expect(main.stderr).toBe('')
        expect(main.exitCode).toBe(0)
        const id = main.outputs['container-id']

        // One containerd, a child of PID 1 (docker-init), on our socket; and
        // dockerd was handed that socket instead of starting its own.
        const procs = daemons(id)
        const containerd = procs.filter((p) => /^containerd /.test(p.args))
        expect(containerd).toEqual([
          {
            ppid: 1,
            args: 'containerd --config /run/docker-nest/containerd/config.toml --log-level warn'
          }
        ])
        const dockerd = procs.find((p) => /^dockerd /.test(p.args))
        expect(dockerd?.ppid).toBe(1)
        expect(dockerd?.args).toContain(`--containerd=${OUR_CONTAINERD}`)
        const log = docker(['logs', id])
        expect(log.stdout + log.stderr).not.toMatch(
          /starting managed containerd/
        )
        // containerd's info lines (its plugins) stay out of the log tail.
        expect(log.stdout + log.stderr).not.toMatch(/msg="loading plugin"/)

        // main read the start script's decision from the log (debug level),
        // and the daemon's facts too, from the stream it attached (no /info).
        expect(main.stdout).toMatch(
          /::debug::dind\.fastStart: docker-nest: fast start: containerd \(pid \d+\) listens on /
        )
        expect(main.stdout).toContain(
          "::debug::dind.facts: from the daemon's log (no GET /info)"
        )
        const nest = nestEnv(main.env)
        expect(main.outputs['server-version']).toBe(
          dockerOk(['version', '--format', '{{.Server.Version}}'], nest).trim()
        )
        expect(main.outputs['storage-driver']).toBe(
          dockerOk(['info', '--format', '{{.Driver}}'], nest).trim()
        )
        expect(main.stdout).toContain(
          `(storage driver ${main.outputs['storage-driver']}, cgroup v` +
            dockerOk(['info', '--format', '{{.CgroupVersion}}'], nest).trim()
        )

        // The official image's entrypoint did not run: its steps were the
        // start script's (hack/dind's tmpfs on /tmp included).
        if (image.startsWith('docker-nest-test/dind:')) {
          expect(log.stdout + log.stderr).not.toContain('dockerd-entrypoint:')
          expect(main.stdout).toContain(
            "dind.fastStart: docker-nest: fast start: dockerd runs under docker-init without the image's entrypoint"
          )
          expect(inSidecar(id, 'mountpoint /tmp')).toBe('/tmp is a mountpoint')
        }
        // hack/dind's mounts, made by the start script on both contracts:
        // securityfs on /sys/kernel/security, and / shared (its mountinfo
        // line carries a shared: peer group).
        expect(
          inSidecar(
            id,
            "grep -c ' /sys/kernel/security securityfs ' /proc/mounts; " +
              'awk \'$5 == "/" { print ($7 ~ /^shared:/) }\' /proc/self/mountinfo'
          )
        ).toBe('1\n1')
        // An official image (ENV DOCKER_VERSION) hands over directly, with
        // containerd's aufs snapshotter off; a plain one through the shim,
        // which waits for containerd to read its config.
        const official = image.startsWith('docker-nest-test/dind:')
        expect(
          inSidecar(
            id,
            'ls /run/docker-nest/bin; grep -c snapshotter.v1.aufs /run/docker-nest/containerd/config.toml || :'
          )
        ).toBe(official ? '1' : 'dockerd\n0')

        // Inner containers run through that containerd.
        const env = nestEnv(main.env)
        loadImageInto(env, IMAGES.busybox)
        expect(
          dockerOk(['run', '--rm', IMAGES.busybox, 'echo', 'fast nest'], env)
        ).toBe('fast nest\n')

        await expectCleanTeardown(main)
      } finally {
        removeLeftovers(runId)
      }
    },
    TIMEOUT
  )

  test.each([
    ['official contract, Docker 28', IMAGES.official],
    ['plain image, Docker 28', IMAGES.plain]
  ])(
    '%s with fast-start false: dockerd starts its own containerd, and says so at debug level',
    async (_title, image) => {
      const main = await runMain({
        inputs: { image, 'fast-start': 'false' },
        workDir: join(work.dir, `off-${image.replace(/\W/g, '-')}`)
      })
      const runId = runIdOf(main)
      try {
        expect(main.exitCode).toBe(0)
        const procs = daemons(main.outputs['container-id'])
        const dockerd = procs.find((p) => /^dockerd /.test(p.args))
        expect(dockerd?.args).not.toContain('--containerd=')
        const containerd = procs.filter((p) => /^containerd /.test(p.args))
        expect(containerd).toHaveLength(1)
        expect(containerd[0].args).toContain(
          '/var/run/docker/containerd/containerd.toml'
        )
        expect(main.stdout).toContain(
          '::debug::dind.fastStart: docker-nest: fast start off: input fast-start is false'
        )
        expect(
          dockerOk(
            ['version', '--format', '{{.Server.Version}}'],
            nestEnv(main.env)
          )
        ).toMatch(/^28\./)
        await expectCleanTeardown(main)
      } finally {
        removeLeftovers(runId)
      }
    },
    TIMEOUT
  )

  it(
    'falls back to the usual start on an image without docker-init',
    async () => {
      const main = await runMain({
        inputs: { image: IMAGES.noInit },
        workDir: join(work.dir, 'no-init')
      })
      const runId = runIdOf(main)
      try {
        expect(main.exitCode).toBe(0)
        expect(main.stdout).toContain(
          '::debug::dind.fastStart: docker-nest: fast start off: the image has no docker-init'
        )
        const procs = daemons(main.outputs['container-id'])
        expect(procs.find((p) => /^dockerd /.test(p.args))?.args).not.toContain(
          '--containerd='
        )
        const env = nestEnv(main.env)
        loadImageInto(env, IMAGES.busybox)
        expect(
          dockerOk(['run', '--rm', IMAGES.busybox, 'echo', 'usual nest'], env)
        ).toBe('usual nest\n')
        await expectCleanTeardown(main)
      } finally {
        removeLeftovers(runId)
      }
    },
    TIMEOUT
  )

  it(
    'stops at once, saying why, when our containerd dies after dockerd was handed its socket',
    async () => {
      // The official image with a containerd that reads its config
      // (makes its state directory), then dies before it listens: dockerd
      // was handed its socket at once (direct handover, no shim) and its
      // dialer would wait 60 s for it.
      const image = 'docker-nest-test/containerd-dies:e2e'
      const fake =
        '#!/bin/sh\nmkdir -p /var/run/docker/containerd/daemon\n' +
        'echo "containerd: simulated failure after reading its config" >&2\n' +
        'sleep 0.2\nexit 1\n'
      derivedImage(
        IMAGES.official,
        image,
        `printf '%s' '${fake}' > /usr/local/bin/containerd && chmod 755 /usr/local/bin/containerd`
      )
      const main = await runMain({
        inputs: { image },
        workDir: join(work.dir, 'containerd-dies')
      })
      const runId = runIdOf(main)
      try {
        expect(main.exitCode).toBe(1)
        const error = errorOf(main)
        expect(error).toContain(
          'containerd: simulated failure after reading its config'
        )
        expect(error).toContain(CONTAINERD_DIED_LINE)
        expect(error).toContain(
          'Hint: The containerd docker-nest started first'
        )
        // Well before dockerd's own 60 s dial timeout.
        expect(main.durationMs).toBeLessThan(15_000)
        await expectCleanTeardown(main)
      } finally {
        removeLeftovers(runId)
        docker(['rmi', image])
      }
    },
    TIMEOUT
  )

  it(
    'uses the docker CLI, not the Engine API, when the runner daemon is chosen by a context',
    async () => {
      // A private CLI config with a context on the same socket: the CLI
      // honours it, so docker-nest must go through the CLI.
      const config = join(work.dir, 'cli-config')
      mkdirSync(config, { recursive: true })
      dockerOk(
        [
          'context',
          'create',
          'nest-e2e',
          '--docker',
          'host=unix:///var/run/docker.sock'
        ],
        { DOCKER_CONFIG: config }
      )
      const main = await runMain({
        inputs: { image: IMAGES.plain },
        env: { DOCKER_CONFIG: config, DOCKER_CONTEXT: 'nest-e2e' },
        workDir: join(work.dir, 'context')
      })
      const runId = runIdOf(main)
      try {
        expect(main.exitCode).toBe(0)
        expect(main.stdout).toContain(
          '::debug::dind.startDind: sidecar calls via docker-cli'
        )
        expect(main.stdout).toMatch(/::debug::docker\.exec: cp - -> 0/)
        expect(main.stdout).not.toContain('engine-api:')
        // No stream attached: the daemon's facts come from GET /info.
        expect(main.stdout).not.toContain('dind.facts: from the daemon')
        expect(main.outputs['storage-driver']).toBe('overlay2')
        expect(main.outputs['server-version']).toMatch(/^28\./)
        const procs = daemons(main.outputs['container-id'])
        expect(procs.find((p) => /^dockerd /.test(p.args))?.args).toContain(
          `--containerd=${OUR_CONTAINERD}`
        )
        const post = await runPost(main)
        expect(post.exitCode).toBe(0)
        expect(leftovers(runId)).toEqual([])
      } finally {
        removeLeftovers(runId)
      }
    },
    TIMEOUT
  )
})
