/**
 * The CLI's other commands against the real daemon: env (every format),
 * status, wait, down on a nest removed behind its back, reap (only expired
 * and only labelled objects) and doctor. Every assertion is scoped to the
 * objects this file creates (its own run ids / label prefix).
 */
import { afterAll, beforeAll, describe, expect, it, test } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  E2E,
  IMAGES,
  docker,
  dockerOk,
  leftovers,
  newRunId,
  removeLeftovers,
  requireDocker,
  tempDir
} from './helpers/docker.js'
import { cli } from './helpers/cli.js'

const suite = E2E ? describe : describe.skip
const TIMEOUT = 120_000

function sh(script: string): string {
  return spawnSync('sh', ['-c', script], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH }
  }).stdout
}

suite('docker-nest env, status, wait, down, reap, doctor (real daemon)', () => {
  const work = tempDir('docker-nest-e2e-cli-commands-')
  beforeAll(() => requireDocker([IMAGES.official, IMAGES.busybox]))
  afterAll(() => work.remove())

  it(
    'env prints the running nest in every format; status lists it; wait sees it; down after a manual removal still succeeds',
    () => {
      const stateDir = join(work.dir, 'state')
      const up = cli([
        'up',
        '--image',
        IMAGES.official,
        '--state-dir',
        stateDir
      ])
      const runId = JSON.parse(
        readFileSync(join(stateDir, 'nest.json'), 'utf8')
      ).runId as string
      try {
        expect(up.status).toBe(0)
        const env = cli(['env', '--state-dir', stateDir])
        expect(env.status).toBe(0)
        expect(env.stdout).toBe(up.stdout)
        const json = JSON.parse(
          cli(['env', '--format', 'json', '--state-dir', stateDir]).stdout
        ) as Record<string, string>
        expect(json.DOCKER_HOST).toMatch(/^tcp:\/\/127\.0\.0\.1:\d+$/)
        expect(json.DOCKER_TLS_VERIFY).toBe('1')
        expect(
          dockerOk(['version', '--format', '{{.Server.Version}}'], json)
        ).toMatch(/^28\./)
        // The sh output round-trips through a real shell.
        expect(sh(`${env.stdout}\nprintf %s "$DOCKER_HOST"`)).toBe(
          json.DOCKER_HOST
        )
        const dotenv = cli([
          'env',
          '--format',
          'dotenv',
          '--state-dir',
          stateDir
        ]).stdout
        expect(dotenv).toContain(`DOCKER_HOST=${json.DOCKER_HOST}\n`)
        expect(
          cli(['env', '--format', 'github', '--state-dir', stateDir]).stdout
        ).toContain(`DOCKER_CERT_PATH=${json.DOCKER_CERT_PATH}\n`)
        expect(
          cli(['env', '--format', 'fish', '--state-dir', stateDir]).stdout
        ).toContain(`set -gx DOCKER_TLS_VERIFY '1'`)

        const status = cli([
          'status',
          '--format',
          'json',
          '--state-dir',
          stateDir
        ])
        expect(status.status).toBe(0)
        const mine = (
          JSON.parse(status.stdout) as Array<Record<string, unknown>>
        ).filter((r) => r.run === runId)
        expect(mine).toEqual([
          expect.objectContaining({
            current: true,
            mode: 'dind',
            state: 'running',
            endpoint: `${json.DOCKER_HOST} (TLS)`
          })
        ])
        expect(cli(['status', '--state-dir', stateDir]).stdout).toMatch(
          new RegExp(`docker-nest-\\S+ \\*\\s+${runId}\\s+dind\\s+running`)
        )

        const waited = cli(['wait', '--timeout', '10'], json)
        expect(waited.stderr).toContain(
          `The Docker daemon at ${json.DOCKER_HOST} answers`
        )
        expect(waited.status).toBe(0)

        // Someone removes the nest behind docker-nest's back.
        for (const id of leftovers(runId)) {
          docker(['rm', '--force', '--volumes', id])
          docker(['volume', 'rm', '--force', id])
        }
        const stale = cli(['env', '--state-dir', stateDir])
        expect(stale.status).toBe(1)
        expect(stale.stderr).toMatch(/container docker-nest-\S+ is gone/)
        const down = cli(['down', '--state-dir', stateDir])
        expect(down.stderr).toMatch(
          /The nest's container \(docker-nest-\S+\) was already gone/
        )
        expect(down.stderr).not.toContain('warning')
        expect(down.status).toBe(0)
        expect(existsSync(join(stateDir, 'nest.json'))).toBe(false)
        expect(cli(['env', '--state-dir', stateDir]).stderr).toContain(
          'No nest is up'
        )
      } finally {
        removeLeftovers(runId)
      }
    },
    TIMEOUT
  )

  it('wait gives up at its deadline with the likely cause', () => {
    const refused = cli([
      'wait',
      '--host',
      'tcp://127.0.0.1:1',
      '--timeout',
      '1'
    ])
    expect(refused.status).toBe(1)
    expect(refused.stderr).toContain('did not answer within 1 s')
    expect(refused.stderr).toContain('Nothing listens on 127.0.0.1:1')

    const noCerts = join(work.dir, 'empty-certs')
    mkdirSync(noCerts)
    const started = Date.now()
    const certs = cli([
      'wait',
      '--host',
      'tcp://127.0.0.1:2376',
      '--cert-path',
      noCerts,
      '--timeout',
      '1'
    ])
    expect(Date.now() - started).toBeLessThan(5000)
    expect(certs.status).toBe(1)
    expect(certs.stderr).toContain(
      `The client certificates never appeared in ${noCerts}`
    )

    const socket = cli([
      'wait',
      '--host',
      `unix://${join(work.dir, 'no.sock')}`,
      '--timeout',
      '0.5'
    ])
    expect(socket.stderr).toContain('There is no socket at')

    // The runner's own daemon answers through its socket.
    expect(cli(['wait', '--timeout', '10', '--quiet'])).toMatchObject({
      status: 0,
      stderr: ''
    })
  })

  it(
    'reap removes expired labelled nests only; --all also the live ones; unlabelled objects survive',
    () => {
      const prefix = `reap${newRunId()}`
      const past = String(Math.floor(Date.now() / 1000) - 60)
      const future = String(Math.floor(Date.now() / 1000) + 3600)
      const labels = (run: string, expires: string) => [
        '--label',
        'docker-nest=true',
        '--label',
        `docker-nest.run=${run}`,
        '--label',
        `docker-nest.expires=${expires}`
      ]
      const run = (name: string, extra: string[]) =>
        dockerOk([
          'run',
          '--detach',
          '--name',
          name,
          ...extra,
          IMAGES.busybox,
          'sleep',
          '600'
        ]).trim()
      const expired = `docker-nest-${prefix}-old`
      const live = `docker-nest-${prefix}-live`
      const foreign = `not-ours-${prefix}`
      const volume = `docker-nest-${prefix}-data`
      try {
        run(expired, labels(`${prefix}-old`, past))
        run(live, labels(`${prefix}-live`, future))
        // Carries our run label but not the docker-nest marker: not ours.
        run(foreign, [
          '--label',
          `docker-nest.run=${prefix}-x`,
          '--label',
          `docker-nest.expires=${past}`
        ])
        dockerOk(['volume', 'create', ...labels(`${prefix}-old`, past), volume])

        const dry = cli(['reap', '--dry-run', '--run', prefix])
        expect(dry.status).toBe(0)
        expect(dry.stderr).toContain(`Would remove container ${expired}`)
        expect(docker(['inspect', expired]).status).toBe(0)

        const reap = cli(['reap', '--run', prefix])
        expect(reap.status).toBe(0)
        expect(reap.stderr).toContain(`Removed container ${expired}`)
        expect(reap.stderr).toContain(`Removed volume ${volume}`)
        expect(reap.stderr).toContain('kept 1 live')
        expect(docker(['inspect', expired]).status).not.toBe(0)
        expect(docker(['volume', 'inspect', volume]).status).not.toBe(0)
        expect(docker(['inspect', live]).status).toBe(0)
        expect(docker(['inspect', foreign]).status).toBe(0)

        const all = cli(['reap', '--all', '--run', prefix])
        expect(all.stderr).toContain(`Removed container ${live}`)
        expect(docker(['inspect', live]).status).not.toBe(0)
        expect(docker(['inspect', foreign]).status).toBe(0)
      } finally {
        docker(['rm', '--force', '--volumes', expired, live, foreign])
        docker(['volume', 'rm', '--force', volume])
      }
    },
    TIMEOUT
  )

  it(
    'doctor prints one row per prerequisite and fails only on a FAIL row',
    () => {
      const result = cli([
        'doctor',
        '--format',
        'json',
        '--image',
        IMAGES.busybox
      ])
      const rows = JSON.parse(result.stdout) as Array<{
        check: string
        status: string
      }>
      expect(rows.map((r) => r.check)).toEqual([
        'Docker daemon',
        "runner's own engine",
        'privileged containers',
        'overlay file system',
        'cgroups',
        'iptables (nat)',
        'MTU of the default route',
        'container runtimes',
        'user namespaces',
        'AppArmor and user namespaces',
        'newuidmap/newgidmap',
        '/dev/net/tun',
        'cgroups for rootless'
      ])
      // This machine runs privileged containers (the e2e suite depends on it).
      expect(rows[0].status).toBe('ok')
      expect(rows[1].status).toBe('ok')
      expect(result.status).toBe(rows.some((r) => r.status === 'fail') ? 1 : 0)
      const table = cli(['doctor', '--image', IMAGES.busybox])
      expect(table.stdout).toMatch(/^ok\s+Docker daemon\s+server /m)
    },
    TIMEOUT
  )

  test.each<[string[], RegExp]>([
    [
      ['env', '--format', 'xml'],
      /'--format' must be sh, fish, dotenv, json or github, got 'xml'/
    ],
    [['status', '--format', 'yaml'], /'--format' must be table or json/],
    [['wait', '--timeout', 'soon'], /'--timeout' must be seconds/],
    [['wait', '--host', 'http://x'], /'--host' must be tcp:\/\/HOST:PORT/],
    [
      ['reap', '--everything'],
      /Unknown option '--everything'.*docker-nest reap --help/
    ],
    [['doctor', 'now'], /Unexpected argument 'now'/],
    [['down', '--force'], /Unknown option '--force'/]
  ])('[%#] %j exits 2 with a clear message', (args, message) => {
    const result = cli(args)
    expect(result.stderr).toMatch(message)
    expect(result.status).toBe(2)
    expect(result.stdout).toBe('')
  })

  test.each(['up', 'down', 'env', 'wait', 'status', 'reap', 'doctor'])(
    '%s --help exits 0 with its usage',
    (name) => {
      const result = cli([name, '--help'])
      expect(result.status).toBe(0)
      expect(result.stdout).toContain(`Usage: docker-nest ${name} [options]`)
    }
  )
})
