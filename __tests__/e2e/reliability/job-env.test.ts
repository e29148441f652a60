/**
 * Case 11: job variables that break naive setups. DOCKER_DRIVER, a
 * DOCKER_HOST naming the runner's daemon and stale DOCKER_TLS_VERIFY /
 * DOCKER_CERT_PATH are set for main: the sidecar must not inherit any of
 * them, main must still reach the runner's daemon through them, and post
 * must use the values recorded at main (post's env already points at the
 * nest). A DOCKER_TLS_VERIFY=1 that breaks the runner's own CLI is reported
 * with a hint before anything starts.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { join } from 'node:path'
import { runMain, runPost } from '../harness/runner.js'
import {
  E2E,
  IMAGES,
  createdByRun,
  dockerOk,
  newRunId,
  requireDocker,
  tempDir
} from '../helpers/docker.js'
import {
  cleanUp,
  errorOf,
  leftFrom,
  recordOf,
  warningsOf,
  expectCleanPost
} from '../helpers/steps.js'

const suite = E2E ? describe : describe.skip
const TIMEOUT = 120_000
const CLIENT_VARS =
  /^(DOCKER_HOST|DOCKER_TLS_VERIFY|DOCKER_CERT_PATH|DOCKER_DRIVER|DOCKER_CONTEXT)=/

suite('reliability: job variables (real daemon)', () => {
  const work = tempDir('docker-nest-e2e-env-')
  beforeAll(() => requireDocker([IMAGES.official]))
  afterAll(() => work.remove())

  it(
    'DOCKER_DRIVER, DOCKER_HOST and stale TLS variables do not reach the sidecar; post uses the recorded host settings',
    async () => {
      const ciRunId = newRunId()
      const jobEnv = {
        GITHUB_RUN_ID: ciRunId,
        DOCKER_DRIVER: 'vfs',
        DOCKER_HOST: 'unix:///var/run/docker.sock',
        DOCKER_TLS_VERIFY: '',
        DOCKER_CERT_PATH: '/nonexistent/certs'
      }
      const main = await runMain({
        inputs: { image: IMAGES.official },
        env: jobEnv,
        workDir: join(work.dir, 'vars')
      })
      try {
        expect(main.exitCode).toBe(0)
        expect(main.outputs['storage-driver']).not.toBe('vfs')
        const env: string[] = JSON.parse(
          dockerOk([
            'inspect',
            '--format',
            '{{json .Config.Env}}',
            main.outputs['container-id']
          ])
        )
        expect(env.filter((v) => CLIENT_VARS.test(v))).toEqual([])
        // Later steps get the nest's client settings, replacing the job's.
        expect(main.env.DOCKER_HOST).toBe(main.outputs['docker-host'])
        expect(main.env.DOCKER_CERT_PATH).toBe(main.outputs['cert-path'])
        expect(main.env.DOCKER_TLS_VERIFY).toBe('1')
        // Post runs with those exports; it reaches the runner's daemon via the record.
        expect(JSON.parse(main.state.resources).hostDocker).toMatchObject({
          DOCKER_HOST: 'unix:///var/run/docker.sock',
          DOCKER_TLS_VERIFY: '',
          DOCKER_CERT_PATH: '/nonexistent/certs'
        })
        await expectCleanPost(main, ciRunId)
      } finally {
        cleanUp(main)
      }
    },
    TIMEOUT
  )

  it(
    "DOCKER_TLS_VERIFY=1 that breaks the runner's CLI: clear error with a hint, nothing created",
    async () => {
      const ciRunId = newRunId()
      const main = await runMain({
        inputs: { image: IMAGES.official },
        env: {
          GITHUB_RUN_ID: ciRunId,
          DOCKER_TLS_VERIFY: '1',
          DOCKER_CERT_PATH: join(work.dir, 'no-certs-here')
        },
        workDir: join(work.dir, 'tls-verify')
      })
      try {
        expect(main.exitCode).toBe(1)
        expect(errorOf(main)).toContain(
          "Hint: the docker CLI cannot reach the runner's daemon with this job's client settings"
        )
        expect(createdByRun(ciRunId)).toEqual([])
        const post = await runPost(main)
        expect(post.exitCode).toBe(0)
        // Post cannot reach the daemon either: it says so, once per object at most.
        expect(recordOf(main)?.container).toBeDefined()
        expect(warningsOf(post).length).toBeLessThanOrEqual(2)
        expect(leftFrom(ciRunId, main)).toEqual([])
      } finally {
        cleanUp(main)
      }
    },
    TIMEOUT
  )
})
