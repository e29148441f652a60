/**
 * A saved record is not trusted: post and `docker-nest down` remove only
 * what carries the record's own run label, never a cache volume, and delete
 * files only directly in RUNNER_TEMP (the CLI: its state dir). A record
 * that names anything else ends in a warning, exit 0, and nothing of
 * anyone else's removed.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import {
  existsSync,
  mkdirSync,
  readdirSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { join } from 'node:path'
import { runMain, runPost } from '../harness/runner.js'
import {
  E2E,
  IMAGES,
  docker,
  dockerOk,
  requireDocker,
  tempDir
} from '../helpers/docker.js'
import { cli, warningsOf } from '../helpers/steps.js'

const suite = E2E ? describe : describe.skip
const TIMEOUT = 120_000

function hex8(): string {
  return Math.floor(Math.random() * 0x100000000)
    .toString(16)
    .padStart(8, '0')
}

/** Another job's nest: a running container and its volume, labelled with that job's run id. */
function otherRunsNest(): { suffix: string; run: string; remove(): void } {
  const suffix = hex8()
  const run = `999-1-${suffix}`
  const labels = [
    '--label',
    'docker-nest=true',
    '--label',
    `docker-nest.run=${run}`
  ]
  dockerOk([
    'run',
    '--detach',
    '--name',
    `docker-nest-${suffix}`,
    ...labels,
    IMAGES.busybox,
    'sleep',
    '600'
  ])
  dockerOk(['volume', 'create', ...labels, `docker-nest-${suffix}-data`])
  return {
    suffix,
    run,
    remove() {
      docker(['rm', '--force', `docker-nest-${suffix}`])
      docker(['volume', 'rm', '--force', `docker-nest-${suffix}-data`])
    }
  }
}

/** A volume that carries a cache label, named as a run's data volume would be. */
function cacheVolume(): { name: string; suffix: string; remove(): void } {
  const suffix = hex8()
  const name = `docker-nest-${suffix}-data`
  dockerOk([
    'volume',
    'create',
    '--label',
    'docker-nest=true',
    '--label',
    `docker-nest.cache=e2e-${suffix}`,
    name
  ])
  return {
    name,
    suffix,
    remove: () => docker(['volume', 'rm', '--force', name])
  }
}

const running = (name: string) =>
  docker(['inspect', '--format', '{{.State.Running}}', name]).stdout.trim()
const volumeExists = (name: string) =>
  docker(['volume', 'inspect', name]).status === 0

suite(
  'reliability: a tampered record removes nothing of others (real daemon)',
  () => {
    const work = tempDir('docker-nest-e2e-tampered-')
    beforeAll(() => requireDocker([IMAGES.busybox]))
    afterAll(() => work.remove())

    it(
      "post with a record naming another run's nest, a cache volume or a cert dir outside RUNNER_TEMP exits 0, warns and removes none of them",
      async () => {
        const other = otherRunsNest()
        const cache = cacheVolume()
        const outside = join(work.dir, 'outside', 'docker-nest-certs-x')
        mkdirSync(outside, { recursive: true })
        writeFileSync(join(outside, 'key.pem'), 'not ours\n')
        try {
          // Main fails on its input, so post runs in the same job with only
          // the state set below.
          const workDir = join(work.dir, 'job')
          const main = await runMain({ inputs: { mode: 'x' }, workDir })
          const base = { version: 1, hostDocker: {} }

          main.state.resources = JSON.stringify({
            ...base,
            runId: `1-1-${other.suffix}`,
            container: `docker-nest-${other.suffix}`,
            volume: `docker-nest-${other.suffix}-data`
          })
          const foreign = await runPost(main)
          expect(foreign.exitCode).toBe(0)
          expect(warningsOf(foreign)).toEqual([
            `::warning::Leaving container docker-nest-${other.suffix}: it carries docker-nest.run=${other.run}, not this run's 1-1-${other.suffix}.`,
            `::warning::Leaving volume docker-nest-${other.suffix}-data: it carries docker-nest.run=${other.run}, not this run's 1-1-${other.suffix}.`
          ])

          main.state.resources = JSON.stringify({
            ...base,
            runId: `1-1-${cache.suffix}`,
            volume: cache.name
          })
          const cached = await runPost(main)
          expect(cached.exitCode).toBe(0)
          expect(warningsOf(cached)).toEqual([
            `::warning::Leaving volume ${cache.name}: it carries docker-nest.cache=e2e-${cache.suffix}, and a cache outlives every run.`
          ])

          main.state.resources = JSON.stringify({
            ...base,
            runId: `1-1-${other.suffix}`,
            container: `docker-nest-${other.suffix}`,
            // RUNNER_TEMP is <workDir>/temp: this is the directory `outside`.
            certDir: `${join(workDir, 'temp')}/../../outside/docker-nest-certs-x`
          })
          const outsideTemp = await runPost(main)
          expect(outsideTemp.exitCode).toBe(0)
          expect(warningsOf(outsideTemp)).toEqual([
            "::warning::docker-nest cleanup: docker-nest state is malformed: field 'certDir' has an unexpected value"
          ])

          expect(running(`docker-nest-${other.suffix}`)).toBe('true')
          expect(volumeExists(`docker-nest-${other.suffix}-data`)).toBe(true)
          expect(volumeExists(cache.name)).toBe(true)
          expect(readdirSync(outside)).toEqual(['key.pem'])
        } finally {
          other.remove()
          cache.remove()
        }
      },
      TIMEOUT
    )

    it(
      "CLI: down with a record naming another run's container leaves it, warns and forgets the record",
      async () => {
        const other = otherRunsNest()
        const stateDir = join(work.dir, 'cli-state')
        mkdirSync(stateDir, { mode: 0o700 })
        writeFileSync(
          join(stateDir, 'nest.json'),
          JSON.stringify({
            version: 1,
            runId: `local-${other.suffix}`,
            hostDocker: {},
            container: `docker-nest-${other.suffix}`
          })
        )
        try {
          const down = await cli(['down', '--state-dir', stateDir])
          expect(down.stderr).toContain(
            `Leaving container docker-nest-${other.suffix}: it carries docker-nest.run=${other.run}, not this run's local-${other.suffix}.`
          )
          expect(down.status).toBe(0)
          expect(running(`docker-nest-${other.suffix}`)).toBe('true')
          expect(existsSync(join(stateDir, 'nest.json'))).toBe(false)
        } finally {
          other.remove()
        }
      },
      TIMEOUT
    )

    it('CLI: up refuses a state dir that is a symlink, before creating anything', async () => {
      const real = join(work.dir, 'real-state')
      mkdirSync(real, { mode: 0o700 })
      const link = join(work.dir, 'linked-state')
      symlinkSync(real, link)
      const up = await cli([
        'up',
        '--state-dir',
        link,
        '--image',
        IMAGES.busybox
      ])
      expect(up.status).toBe(1)
      expect(up.stderr).toContain(`State dir ${link} is a symbolic link.`)
      expect(readdirSync(real)).toEqual([])
    })
  }
)
