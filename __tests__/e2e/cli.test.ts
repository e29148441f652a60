/**
 * The committed dist/cli bundle against the real daemon: `up` prints exports
 * a shell can eval, `down` removes everything, and bad usage exits 2.
 */
import { afterAll, beforeAll, describe, expect, it, test } from '@jest/globals'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  E2E,
  IMAGES,
  dockerOk,
  leftovers,
  removeLeftovers,
  requireDocker,
  tempDir
} from './helpers/docker.js'
import { cli, evalExports } from './helpers/cli.js'

const suite = E2E ? describe : describe.skip
const TIMEOUT = 120_000

suite('docker-nest CLI (real daemon)', () => {
  const work = tempDir('docker-nest-e2e-cli-')
  beforeAll(() => requireDocker([IMAGES.official]))
  afterAll(() => work.remove())

  it(
    'up prints exports for eval, the nest works, and down removes it; down again is a no-op',
    () => {
      const stateDir = join(work.dir, 'state')
      const up = cli([
        'up',
        '--image',
        IMAGES.official,
        '--state-dir',
        stateDir
      ])
      const state = JSON.parse(
        readFileSync(join(stateDir, 'nest.json'), 'utf8')
      )
      try {
        expect(up.stderr).toContain('is ready after')
        expect(up.status).toBe(0)
        const env = evalExports(up.stdout)
        expect(env.DOCKER_HOST).toMatch(/^tcp:\/\/127\.0\.0\.1:\d+$/)
        expect(env.DOCKER_TLS_VERIFY).toBe('1')
        expect(
          dockerOk(['version', '--format', '{{.Server.Version}}'], env)
        ).toMatch(/^28\./)

        // A second up on the same state dir refuses instead of orphaning the first nest.
        const again = cli([
          'up',
          '--image',
          IMAGES.official,
          '--state-dir',
          stateDir
        ])
        expect(again.status).toBe(2)
        expect(again.stderr).toContain('A nest is already up')

        // down works even from a shell where DOCKER_HOST points at the nest.
        const down = cli(['down', '--state-dir', stateDir], env)
        expect(down.status).toBe(0)
        expect(down.stderr).toContain(`Removed container ${state.container}`)
        expect(leftovers(state.runId)).toEqual([])
        expect(existsSync(env.DOCKER_CERT_PATH)).toBe(false)
        expect(existsSync(join(stateDir, 'nest.json'))).toBe(false)

        const downAgain = cli(['down', '--state-dir', stateDir])
        expect(downAgain.status).toBe(0)
        expect(downAgain.stderr).toContain('No nest is up')
      } finally {
        removeLeftovers(state.runId)
      }
    },
    TIMEOUT
  )

  it(
    'takes inputs from DOCKER_NEST_* variables',
    () => {
      const stateDir = join(work.dir, 'env-state')
      const up = cli(['up', '--state-dir', stateDir], {
        DOCKER_NEST_IMAGE: IMAGES.official,
        DOCKER_NEST_TLS: 'false'
      })
      const state = JSON.parse(
        readFileSync(join(stateDir, 'nest.json'), 'utf8')
      )
      try {
        expect(up.status).toBe(0)
        const env = evalExports(up.stdout)
        expect(env.DOCKER_TLS_VERIFY).toBe('')
        expect(
          dockerOk(['info', '--format', '{{.ServerVersion}}'], env)
        ).toMatch(/^28\./)
        expect(cli(['down', '--state-dir', stateDir]).status).toBe(0)
        expect(leftovers(state.runId)).toEqual([])
      } finally {
        removeLeftovers(state.runId)
      }
    },
    TIMEOUT
  )

  test.each<[string[], RegExp]>([
    [['up', '--no-such-flag'], /Unknown option '--no-such-flag'/],
    [['launch'], /Unknown command 'launch'/],
    [['up', 'extra'], /Unexpected argument 'extra'/],
    [['up', '--mtu', 'big'], /Input 'mtu' must be 'auto' or a whole number/],
    [['up', '--tls-san', 'dind'], /Input 'tls-san' entries need a type prefix/]
  ])(
    '[%#] %j exits 2 with a clear message and creates nothing',
    (args, message) => {
      const stateDir = join(work.dir, 'bad')
      const result = cli([...args, '--state-dir', stateDir])
      expect(result.status).toBe(2)
      expect(result.stderr).toMatch(message)
      // A failed up prints only the line that makes an eval of it fail.
      expect(result.stdout).toBe(
        args[0] === 'up' ? '(exit 2) # docker-nest up failed (exit 2)\n' : ''
      )
      // Usage errors stop before anything is recorded, so nothing was created.
      expect(existsSync(join(stateDir, 'nest.json'))).toBe(false)
    }
  )

  it('help lists the commands and exit codes', () => {
    const help = cli(['help'])
    expect(help.status).toBe(0)
    expect(help.stdout).toContain('up ')
    expect(help.stdout).toContain('down ')
    expect(help.stdout).toContain('Exit codes: 0 done, 1 failed')
  })
})
