/**
 * Failures of the committed bundles against the real daemon: each one must
 * explain itself, fail fast, and leave nothing labelled behind.
 */
import { afterAll, beforeAll, describe, expect, it, test } from '@jest/globals'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { runIdOf, runMain, runPost } from './harness/runner.js'
import {
  E2E,
  IMAGES,
  createdByRun,
  derivedImage,
  docker,
  leftovers,
  newRunId,
  removeLeftovers,
  requireDocker,
  tempDir
} from './helpers/docker.js'
import { errorOf, warningsOf, EXITED_WITH_1 } from './helpers/steps.js'

const suite = E2E ? describe : describe.skip
const TIMEOUT = 120_000

suite('Action failures (real daemon)', () => {
  const work = tempDir('docker-nest-e2e-fail-')
  beforeAll(() => requireDocker([IMAGES.busybox, IMAGES.dockerdExits]))
  afterAll(() => work.remove())

  test.each<[string, Record<string, string>, string]>([
    [
      'unknown mode',
      { mode: 'kubernetes' },
      "Input 'mode' must be one of dind, dood, auto, got 'kubernetes'."
    ],
    [
      'relative socket path',
      { mode: 'dood', socket: 'docker.sock' },
      "Input 'socket' must be an absolute path such as '/var/run/docker.sock'"
    ],
    [
      'untyped SAN',
      { 'tls-san': 'mydind' },
      "Input 'tls-san' entries need a type prefix: use 'DNS:mydind'"
    ],
    [
      'bad boolean',
      { tls: 'yes' },
      "Input 'tls' must be 'true' or 'false', got 'yes'."
    ],
    [
      'flag we own',
      { 'dockerd-args': '--host=tcp://0.0.0.0:2375' },
      "Input 'dockerd-args' may not set --host"
    ],
    [
      'bad image reference',
      { image: '--privileged' },
      "Input 'image' must be an image reference"
    ]
  ])(
    '[%#] bad input (%s) fails before anything is created',
    async (_case, inputs, message) => {
      const runId = newRunId()
      const main = await runMain({
        inputs,
        env: { GITHUB_RUN_ID: runId },
        workDir: join(work.dir, `input-${_case.replace(/\W/g, '-')}`)
      })
      expect(main.exitCode).toBe(1)
      expect(errorOf(main)).toContain(message)
      expect(main.state.resources).toBeUndefined()
      expect(createdByRun(runId)).toEqual([])
      const post = await runPost(main)
      expect(post.exitCode).toBe(0)
      expect(post.stdout).toContain('Nothing to clean up')
      expect(warningsOf(post)).toEqual([])
    },
    TIMEOUT
  )

  it(
    'an image without dockerd fails fast with the log tail and a hint, and post removes the sidecar',
    async () => {
      const main = await runMain({
        inputs: { image: IMAGES.busybox, 'wait-timeout': '60' },
        workDir: join(work.dir, 'no-dockerd')
      })
      const runId = runIdOf(main)
      try {
        expect(main.exitCode).toBe(1)
        const error = errorOf(main)
        // The start script now checks for dockerd before it waits for the
        // certificates, so the sidecar may be gone before main inspects it.
        expect(error).toMatch(
          /The inner Docker daemon did not start: the sidecar (exited with code 127|stopped right after docker run \(exited, exit code 127\))/
        )
        expect(error).toContain('Container state: exited, exit code 127')
        expect(error).toContain(
          'docker-nest: dockerd: not found on PATH in this image'
        )
        expect(error).toContain('Hint: The image has no dockerd on PATH')
        // Fail fast: the exit is noticed, not the 60 s wait-timeout reached.
        // The bound is generous for a loaded runner; a start takes ~1-2 s.
        expect(main.durationMs).toBeLessThan(15_000)
        const post = await runPost(main)
        expect(post.exitCode).toBe(0)
        expect(leftovers(runId)).toEqual([])
      } finally {
        removeLeftovers(runId)
      }
    },
    TIMEOUT
  )

  it(
    'a daemon that does not answer within wait-timeout fails with the diagnosis',
    async () => {
      // A dockerd that runs but never listens: a real one may well answer
      // within a short wait-timeout now (the nest starts in ~0.3 s).
      const image = 'docker-nest-test/dockerd-hangs:e2e'
      derivedImage(
        IMAGES.official,
        image,
        `printf '#!/bin/sh\\necho "dockerd: simulated hang" >&2\\nexec sleep 600\\n' > "$(command -v dockerd)"`
      )
      // 5 s: on a loaded runner the fake dockerd must have been reached
      // (after fast start's containerd) before the wait ends.
      const main = await runMain({
        inputs: { image, 'wait-timeout': '5' },
        workDir: join(work.dir, 'timeout')
      })
      const runId = runIdOf(main)
      try {
        expect(main.exitCode).toBe(1)
        const error = errorOf(main)
        expect(error).toContain(
          'The inner Docker daemon did not answer within 5 s (wait-timeout)'
        )
        expect(error).toContain('Container state: running')
        expect(error).toContain('Last 50 log lines of the sidecar:')
        expect(error).toContain('dockerd: simulated hang')
        expect((await runPost(main)).exitCode).toBe(0)
        expect(leftovers(runId)).toEqual([])
      } finally {
        removeLeftovers(runId)
        docker(['rmi', image])
      }
    },
    TIMEOUT
  )

  it(
    'a dockerd that exits at once is reported with the iptables hint',
    async () => {
      const main = await runMain({
        inputs: { image: IMAGES.dockerdExits },
        workDir: join(work.dir, 'dockerd-exits')
      })
      const runId = runIdOf(main)
      try {
        expect(main.exitCode).toBe(1)
        const error = errorOf(main)
        expect(error).toMatch(EXITED_WITH_1)
        expect(error).toContain("can't initialize iptables table `nat'")
        expect(error).toContain(
          'Hint: The inner daemon could not set up iptables NAT'
        )
        expect(main.summary).toContain('docker-nest failed')
        expect(main.summary).toContain(
          '- The inner daemon could not set up iptables NAT'
        )
        expect((await runPost(main)).exitCode).toBe(0)
        expect(leftovers(runId)).toEqual([])
      } finally {
        removeLeftovers(runId)
      }
    },
    TIMEOUT
  )

  it(
    'an image that is neither local nor pullable fails with a clear error and no leftovers',
    async () => {
      const image = 'docker-nest-test/does-not-exist:1'
      const main = await runMain({
        inputs: { image },
        workDir: join(work.dir, 'no-image')
      })
      const runId = runIdOf(main)
      try {
        expect(main.exitCode).toBe(1)
        const error = errorOf(main)
        expect(error).toContain(
          `Could not start the dind sidecar from image '${image}'.`
        )
        expect(error).toContain(
          `Hint: image '${image}' is not on the runner and could not be pulled.`
        )
        const post = await runPost(main)
        expect(post.exitCode).toBe(0)
        expect(warningsOf(post)).toEqual([])
        expect(leftovers(runId)).toEqual([])
        const certDir = JSON.parse(main.state.resources).certDir
        expect(certDir === undefined || !existsSync(certDir)).toBe(true)
      } finally {
        removeLeftovers(runId)
      }
    },
    TIMEOUT
  )

  it('post with empty state exits 0 without warnings', async () => {
    const post = await runPost({
      exitCode: 0,
      stdout: '',
      stderr: '',
      durationMs: 0,
      outputs: {},
      env: {},
      state: {},
      path: [],
      summary: ''
    })
    expect(post.exitCode).toBe(0)
    expect(post.stdout).toContain('Nothing to clean up')
    expect(warningsOf(post)).toEqual([])
  })

  it(
    'post twice, and post after the sidecar was removed by hand, exit 0 with no warnings',
    async () => {
      const main = await runMain({
        inputs: { image: IMAGES.official },
        workDir: join(work.dir, 'twice')
      })
      const runId = runIdOf(main)
      try {
        expect(main.exitCode).toBe(0)
        docker(['rm', '--force', '--volumes', main.outputs['container-id']])
        const first = await runPost(main)
        const second = await runPost(main)
        for (const post of [first, second]) {
          expect(post.exitCode).toBe(0)
          expect(warningsOf(post)).toEqual([])
        }
        expect(leftovers(runId)).toEqual([])
      } finally {
        removeLeftovers(runId)
      }
    },
    TIMEOUT
  )

  it('post with malformed state only warns', async () => {
    const main = await runMain({
      inputs: { mode: 'x' },
      workDir: join(work.dir, 'malformed')
    })
    main.state.resources =
      '{"version":1,"runId":"r","hostDocker":{},"container":"postgres"}'
    const post = await runPost(main)
    expect(post.exitCode).toBe(0)
    expect(warningsOf(post)).toEqual([
      "::warning::docker-nest cleanup: docker-nest state is malformed: field 'container' has an unexpected value"
    ])
  })

  it(
    'cleanup: false leaves the nest in place and says so',
    async () => {
      const main = await runMain({
        inputs: { image: IMAGES.official, cleanup: 'false' },
        workDir: join(work.dir, 'keep')
      })
      const runId = runIdOf(main)
      try {
        expect(main.exitCode).toBe(0)
        const post = await runPost(main)
        expect(post.exitCode).toBe(0)
        expect(post.stdout).toContain('cleanup: false')
        expect(leftovers(runId)).toHaveLength(2) // container and volume
      } finally {
        removeLeftovers(runId)
      }
    },
    TIMEOUT
  )
})
