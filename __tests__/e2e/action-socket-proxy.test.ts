/**
 * dood with `socket-proxy: true`: a step whose user may not open the Docker
 * socket gets a socket of its own (0600, in RUNNER_TEMP) served through sudo;
 * post removes it and the proxy stops. The host socket is never changed.
 * Runs the step as docker-nest-ci, the runner-like user .ci/setup-docker.sh
 * makes (passwordless sudo, not in the docker group).
 */
import { beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, rmSync, statSync } from 'node:fs'
import { runMain, runPost } from './harness/runner.js'
import { E2E, IMAGES, requireDocker } from './helpers/docker.js'
import { errorOf } from './helpers/steps.js'

const asRoot = process.getuid?.() === 0
const suite = E2E && asRoot ? describe : describe.skip
const TIMEOUT = 120_000
const SOCKET = '/var/run/docker.sock'

function userIds(name: string): { uid: number; gid: number } {
  const uid = Number(execFileSync('id', ['-u', name]).toString())
  const gid = Number(execFileSync('id', ['-g', name]).toString())
  return { uid, gid }
}

/** Processes whose command line mentions `text` (the proxy names its socket). */
function processesWith(text: string): string {
  return spawnSync('pgrep', ['-f', text], { encoding: 'utf8' }).stdout.trim()
}

async function gone(path: string): Promise<boolean> {
  for (let i = 0; i < 40 && processesWith(path) !== ''; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return processesWith(path) === '' && !existsSync(path)
}

suite('dood with socket-proxy (real daemon, runner-like user)', () => {
  let ci: { uid: number; gid: number }
  beforeAll(() => {
    requireDocker([IMAGES.busybox])
    ci = userIds('docker-nest-ci')
  })

  it(
    'serves the user a socket of their own, and post removes it and stops the proxy',
    async () => {
      const before = statSync(SOCKET)
      const main = await runMain({
        inputs: { mode: 'dood', 'socket-proxy': 'true' },
        user: ci
      })
      expect(main.stdout).toContain(
        'socket-proxy: /var/run/docker.sock refuses this user'
      )
      expect(main.exitCode).toBe(0)
      const proxy = main.env.DOCKER_HOST.replace(/^unix:\/\//, '')
      try {
        expect(proxy).toMatch(/\/docker-nest-[\w-]+\.sock$/)
        const stat = statSync(proxy)
        expect([stat.uid, stat.mode & 0o777]).toEqual([ci.uid, 0o600])

        // The user can use Docker through it: same daemon as the host's.
        const asUser = (args: string[]) =>
          spawnSync('docker', args, {
            uid: ci.uid,
            gid: ci.gid,
            env: {
              PATH: process.env.PATH,
              DOCKER_HOST: main.env.DOCKER_HOST,
              HOME: '/tmp'
            },
            encoding: 'utf8'
          })
        const hostName = execFileSync('docker', [
          'info',
          '--format',
          '{{.Name}}'
        ]).toString()
        expect(asUser(['info', '--format', '{{.Name}}']).stdout).toBe(hostName)
        expect(
          asUser(['run', '--rm', IMAGES.busybox, 'echo', 'via proxy']).stdout
        ).toBe('via proxy\n')

        const post = await runPost(main, { user: ci })
        expect(post.exitCode).toBe(0)
        expect(post.stdout).toContain(`Removed socket proxy ${proxy}`)
        expect(await gone(proxy)).toBe(true)
        // The host socket was never touched.
        const after = statSync(SOCKET)
        expect([after.mode, after.uid, after.gid]).toEqual([
          before.mode,
          before.uid,
          before.gid
        ])
      } finally {
        // A failed assertion must not strand the proxy: deleting its socket stops it.
        rmSync(proxy, { force: true })
      }
    },
    TIMEOUT
  )

  it(
    'without socket-proxy the same user is told about it among the fixes',
    async () => {
      const main = await runMain({ inputs: { mode: 'dood' }, user: ci })
      expect(main.exitCode).toBe(1)
      expect(errorOf(main)).toContain('set socket-proxy: true')
    },
    TIMEOUT
  )

  it(
    'a user without passwordless sudo gets a clear error and nothing is left',
    async () => {
      const main = await runMain({
        inputs: { mode: 'dood', 'socket-proxy': 'true' },
        user: { uid: 65534, gid: 65534 }
      })
      expect(main.exitCode).toBe(1)
      const error = errorOf(main)
      expect(error).toContain(
        'socket-proxy: could not serve /var/run/docker.sock to this user'
      )
      expect(error).toContain('needs passwordless sudo')
      const runId = JSON.parse(main.state.resources).runId
      expect(processesWith(`docker-nest-${runId}.sock`)).toBe('')
      expect(
        (await runPost(main, { user: { uid: 65534, gid: 65534 } })).exitCode
      ).toBe(0)
    },
    TIMEOUT
  )
})
