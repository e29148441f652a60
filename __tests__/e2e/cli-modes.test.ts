/**
 * `docker-nest up --mode dood|auto` through the same engine as the Action,
 * and a failed `up` that leaves nothing behind (no post step follows it).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { cli, evalExports } from './helpers/cli.js'
import {
  E2E,
  IMAGES,
  dockerOk,
  leftovers,
  removeLeftovers,
  requireDocker,
  tempDir
} from './helpers/docker.js'

const suite = E2E ? describe : describe.skip
const TIMEOUT = 120_000
const VARS = [
  'DOCKER_HOST',
  'DOCKER_TLS_VERIFY',
  'DOCKER_CERT_PATH',
  'DOCKER_NEST_LABEL'
]

suite('docker-nest up --mode (real daemon)', () => {
  const work = tempDir('docker-nest-e2e-cli-modes-')
  beforeAll(() => requireDocker([IMAGES.official, IMAGES.dockerdExits]))
  afterAll(() => work.remove())

  it('--mode dood gives the machine’s socket with TLS variables cleared, and down leaves the daemon alone', () => {
    const stateDir = join(work.dir, 'dood')
    const up = cli(['up', '--mode', 'dood', '--state-dir', stateDir])
    expect(up.stderr).toContain('Docker socket /var/run/docker.sock')
    expect(up.status).toBe(0)
    const env = evalExports(up.stdout, VARS)
    expect(env).toMatchObject({
      DOCKER_HOST: 'unix:///var/run/docker.sock',
      DOCKER_TLS_VERIFY: '',
      DOCKER_CERT_PATH: ''
    })
    expect(env.DOCKER_NEST_LABEL).toMatch(/^docker-nest\.run=local-[0-9a-f]+$/)
    const hostName = dockerOk(['info', '--format', '{{.Name}}'])
    expect(dockerOk(['info', '--format', '{{.Name}}'], env)).toBe(hostName)
    const down = cli(['down', '--state-dir', stateDir])
    expect(down.status).toBe(0)
    expect(down.stderr).toContain('dood: nothing else to remove')
    expect(existsSync(join(stateDir, 'nest.json'))).toBe(false)
  })

  it(
    '--mode auto chooses dind where privileged containers start',
    () => {
      const stateDir = join(work.dir, 'auto')
      const up = cli([
        'up',
        '--mode',
        'auto',
        '--image',
        IMAGES.official,
        '--state-dir',
        stateDir
      ])
      const runId = JSON.parse(
        readFileSync(join(stateDir, 'nest.json'), 'utf8')
      ).runId
      try {
        expect(up.stderr).toContain('mode: auto chose dind')
        expect(up.status).toBe(0)
        const env = evalExports(up.stdout, VARS)
        expect(env.DOCKER_TLS_VERIFY).toBe('1')
        expect(
          dockerOk(['version', '--format', '{{.Server.Version}}'], env)
        ).toMatch(/^28\./)
        expect(cli(['down', '--state-dir', stateDir]).status).toBe(0)
        expect(leftovers(runId)).toEqual([])
      } finally {
        removeLeftovers(runId)
      }
    },
    TIMEOUT
  )

  it(
    '--mode auto falls back to dood when the nest does not start, and removes the failed nest',
    () => {
      const stateDir = join(work.dir, 'auto-fallback')
      const up = cli([
        'up',
        '--mode',
        'auto',
        '--image',
        IMAGES.dockerdExits,
        '--state-dir',
        stateDir
      ])
      expect(up.stderr).toContain(
        'mode: auto: dind did not start, using dood instead'
      )
      expect(up.status).toBe(0)
      expect(evalExports(up.stdout, VARS).DOCKER_HOST).toBe(
        'unix:///var/run/docker.sock'
      )
      const removed = up.stderr.match(
        /Removed container (docker-nest-[0-9a-f]+)/
      )?.[1]
      expect(removed).toBeDefined()
      expect(
        dockerOk(['ps', '--all', '--quiet', '--filter', `name=${removed}`])
      ).toBe('')
      expect(cli(['down', '--state-dir', stateDir]).status).toBe(0)
    },
    TIMEOUT
  )

  it(
    'a failed up removes what it created and frees the state dir',
    () => {
      const stateDir = join(work.dir, 'failed')
      const up = cli([
        'up',
        '--image',
        IMAGES.dockerdExits,
        '--state-dir',
        stateDir
      ])
      expect(up.status).toBe(1)
      expect(up.stderr).toContain(
        'Hint: The inner daemon could not set up iptables NAT'
      )
      const removed = up.stderr.match(
        /Removed container (docker-nest-[0-9a-f]+)/
      )?.[1]
      expect(removed).toBeDefined()
      expect(
        dockerOk(['ps', '--all', '--quiet', '--filter', `name=${removed}`])
      ).toBe('')
      expect(
        dockerOk([
          'volume',
          'ls',
          '--quiet',
          '--filter',
          `name=${removed}-data`
        ])
      ).toBe('')
      expect(existsSync(join(stateDir, 'nest.json'))).toBe(false)
    },
    TIMEOUT
  )

  it('does not offer the Action-only inputs', () => {
    for (const flag of ['--cleanup', '--docker-cli-version']) {
      const result = cli([
        'up',
        flag,
        'x',
        '--state-dir',
        join(work.dir, 'bad')
      ])
      expect([flag, result.status]).toEqual([flag, 2])
      expect(result.stderr).toContain(`Unknown option '${flag}'`)
    }
  })
})
