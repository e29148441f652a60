/**
 * mode: auto with the committed bundles: a real privileged probe on the
 * runner's daemon decides between dind and dood, the reason is in the log,
 * and auto still gives the job Docker when the nest cannot start.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { runIdOf, runMain, runPost, type StepResult } from './harness/runner.js'
import {
  E2E,
  IMAGES,
  createdByRun,
  dockerOk,
  leftovers,
  nestEnv,
  newRunId,
  removeLeftovers,
  requireDocker,
  tempDir
} from './helpers/docker.js'

const suite = E2E ? describe : describe.skip
const TIMEOUT = 120_000

function choiceOf(main: StepResult): string {
  return main.stdout.split('\n').find((l) => l.startsWith('mode: auto')) ?? ''
}

suite('Action, mode auto (real privileged probe)', () => {
  const work = tempDir('docker-nest-e2e-auto-')
  beforeAll(() =>
    requireDocker([IMAGES.official, IMAGES.dockerdExits, IMAGES.unprivileged])
  )
  afterAll(() => work.remove())

  test(
    'chooses dind when a privileged container starts, and caches the answer for the job',
    async () => {
      const ciRunId = newRunId()
      const main = await runMain({
        inputs: { mode: 'auto', image: IMAGES.official },
        env: { GITHUB_RUN_ID: ciRunId }
      })
      const runId = runIdOf(main)
      try {
        expect(main.stderr).toBe('')
        expect(main.exitCode).toBe(0)
        expect(choiceOf(main)).toMatch(
          /^mode: auto chose dind: a privileged container from docker-nest-test\/dind:28 started in \d+ ms\.$/
        )
        expect(main.outputs.mode).toBe('dind')
        expect(main.env.DOCKER_NEST_PRIVILEGED).toBe('true')
        expect(main.env.DOCKER_HOST).toMatch(/^tcp:\/\/127\.0\.0\.1:\d+$/)
        expect(
          dockerOk(['version', '--format', '{{.Server.Version}}'], {
            ...nestEnv(main.env)
          })
        ).toMatch(/^28\./)
        // The probe container is gone (--rm): only the nest carries the run id.
        expect(createdByRun(ciRunId)).toHaveLength(2)

        const post = await runPost(main)
        expect(post.exitCode).toBe(0)
        expect(leftovers(runId)).toEqual([])
      } finally {
        removeLeftovers(runId)
      }
    },
    TIMEOUT
  )

  test(
    'chooses dood when the privileged probe cannot start, and says why',
    async () => {
      // The image cannot be pulled (nothing listens on 127.0.0.1:9), so the
      // privileged probe fails the way it does on a daemon that refuses it.
      const main = await runMain({
        inputs: { mode: 'auto', image: '127.0.0.1:9/none/dind:1' }
      })
      expect(main.exitCode).toBe(0)
      expect(choiceOf(main)).toMatch(
        /^mode: auto chose dood: a privileged container from 127\.0\.0\.1:9\/none\/dind:1 could not start \(exit 125 after \d+ ms: .*connection refused/
      )
      expect(main.outputs.mode).toBe('dood')
      expect(main.env.DOCKER_NEST_PRIVILEGED).toBe('false')
      expect(main.env.DOCKER_HOST).toBe('unix:///var/run/docker.sock')
      const post = await runPost(main)
      expect(post.exitCode).toBe(0)
    },
    TIMEOUT
  )

  test(
    'uses the answer cached in DOCKER_NEST_PRIVILEGED without probing again',
    async () => {
      const main = await runMain({
        inputs: { mode: 'auto', image: IMAGES.official },
        env: { DOCKER_NEST_PRIVILEGED: 'false' }
      })
      expect(main.exitCode).toBe(0)
      expect(choiceOf(main)).toBe(
        'mode: auto chose dood: cached answer of an earlier probe (DOCKER_NEST_PRIVILEGED=false).'
      )
      expect(main.outputs.mode).toBe('dood')
      expect(main.stdout).not.toContain('docker.exec: run')
    },
    TIMEOUT
  )

  test(
    'falls back to dood when the chosen dind nest does not start, leaving nothing behind',
    async () => {
      const ciRunId = newRunId()
      const main = await runMain({
        inputs: {
          mode: 'auto',
          image: IMAGES.dockerdExits,
          'wait-timeout': '20'
        },
        env: { GITHUB_RUN_ID: ciRunId }
      })
      try {
        expect(main.exitCode).toBe(0)
        expect(choiceOf(main)).toContain('mode: auto chose dind')
        expect(main.stdout).toContain(
          '::warning::mode: auto: dind did not start, using dood instead.'
        )
        expect(main.outputs.mode).toBe('dood')
        expect(main.env.DOCKER_HOST).toBe('unix:///var/run/docker.sock')
        expect(createdByRun(ciRunId)).toEqual([])
        const post = await runPost(main)
        expect(post.exitCode).toBe(0)
      } finally {
        for (const row of createdByRun(ciRunId)) {
          removeLeftovers(row.split(' ')[1])
        }
      }
    },
    TIMEOUT
  )

  test(
    'falls back to dood when the runner refuses the privileges dind needs',
    async () => {
      // dockerd-unprivileged drops CAP_SYS_ADMIN/CAP_NET_ADMIN before dockerd
      // starts: the probe's `true` runs, the daemon cannot (a refusing runner).
      const ciRunId = newRunId()
      const main = await runMain({
        inputs: {
          mode: 'auto',
          image: IMAGES.unprivileged,
          'wait-timeout': '20'
        },
        env: { GITHUB_RUN_ID: ciRunId }
      })
      try {
        expect(main.exitCode).toBe(0)
        expect(main.stdout).toContain(
          '::warning::mode: auto: dind did not start, using dood instead.'
        )
        expect(main.stdout).toContain('not allowed to act as privileged')
        expect(main.outputs.mode).toBe('dood')
        expect(createdByRun(ciRunId)).toEqual([])
        expect((await runPost(main)).exitCode).toBe(0)
      } finally {
        for (const row of createdByRun(ciRunId)) {
          removeLeftovers(row.split(' ')[1])
        }
      }
    },
    TIMEOUT
  )
})
