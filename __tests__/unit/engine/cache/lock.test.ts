/**
 * The cache lock in `docker run` (issue 6), with a fake docker CLI: a name
 * conflict is resolved by looking at the holder — a stale one is removed by
 * id and the run retried, a live one means CacheBusyError.
 */
import { describe, expect, it } from '@jest/globals'
import { CacheBusyError } from '../../../../src/engine/cache/cache.js'
import { parseInputs } from '../../../../src/engine/options/config.js'
import {
  DockerCommandError,
  type DockerCli
} from '../../../../src/engine/docker/cli.js'
import { makePlan } from '../../../../src/engine/dind/plan.js'
import { logReap } from '../../../../src/engine/reap/at-start.js'
import { runSidecar } from '../../../../src/engine/dind/sidecar.js'
import type { Logger } from '../../../../src/engine/types.js'

const plan = makePlan(
  parseInputs({ cache: 'build', 'cache-scope': 'shared' }),
  {
    runPrefix: 'local',
    detectedMtu: undefined,
    now: new Date(0),
    random: 'abcd1234'
  }
)
const CONFLICT =
  'docker: Error response from daemon: Conflict. The container name ' +
  '"/docker-nest-cache-build.a4d26868017c" is already in use by container "f00". You ' +
  'have to remove (or rename) that container to be able to reuse that name.'

/** What `docker inspect` prints for the holder `id status run expires owner` (tab-separated). */
function inspectOutput(holder: string): string {
  const [id, status, run, expires, owner] = holder.split('\t')
  const labels = {
    'docker-nest.run': run,
    'docker-nest.expires': expires,
    ...(owner && { 'docker-nest.owner': owner })
  }
  return JSON.stringify([
    { Id: id, State: { Status: status }, Config: { Labels: labels } }
  ])
}

/**
 * `run` fails with a conflict `conflicts` times; inspect answers `holder`
 * or "no such". Its daemon is no socket here, so the client is the CLI's.
 */
function fakeDocker(conflicts: number, holder: string | undefined) {
  const calls: string[] = []
  const docker = {
    host: {
      DOCKER_HOST: 'unix:///nonexistent/docker.sock',
      DOCKER_TLS_VERIFY: null,
      DOCKER_CERT_PATH: null,
      DOCKER_CONTEXT: null
    },
    async exec(args: string[]) {
      calls.push(args[0])
      if (conflicts-- > 0) throw new DockerCommandError(args, 125, CONFLICT)
      return { exitCode: 0, stdout: 'id\n', stderr: '' }
    },
    async tryExec(args: string[]) {
      calls.push(`${args[0]} ${args.at(-1)}`)
      if (args[0] === 'rm') return { exitCode: 0, stdout: '', stderr: '' }
      return holder === undefined
        ? { exitCode: 1, stdout: '', stderr: 'Error: No such container' }
        : { exitCode: 0, stdout: inspectOutput(holder), stderr: '' }
    }
  }
  return { docker: docker as unknown as DockerCli, calls }
}

const lines: string[] = []
const logger: Logger = {
  info: (m) => lines.push(`info ${m}`),
  debug: (m) => lines.push(`debug ${m}`),
  warning: (m) => lines.push(`warning ${m}`),
  group: (_t, fn) => fn()
}

describe('runSidecar with a cache', () => {
  it('breaks a stopped holder by id, says so, and runs again', async () => {
    const { docker, calls } = fakeDocker(1, 'f00\texited\t9-1-x\t9999999999\t')
    await runSidecar(docker, plan, logger)
    expect(calls).toEqual([
      'run',
      'inspect docker-nest-cache-build.a4d26868017c',
      'rm f00',
      'run'
    ])
    expect(lines.at(-1)).toBe(
      "warning Removed the stale holder of cache 'build' (run 9-1-x): its daemon has stopped."
    )
  })

  it('a running holder of a live job (no owner, not expired) makes it busy', async () => {
    const { docker, calls } = fakeDocker(1, 'f00\trunning\t9-1-x\t9999999999\t')
    const error = await runSidecar(docker, plan, logger).catch((e) => e)
    expect(error).toBeInstanceOf(CacheBusyError)
    expect((error as Error).message).toBe(
      "Cache 'build' is in use by another job (container docker-nest-cache-build.a4d26868017c, " +
        'run 9-1-x); two daemons must never share one data root.'
    )
    expect(calls).toEqual([
      'run',
      'inspect docker-nest-cache-build.a4d26868017c'
    ])
  })

  it('an expired holder is broken', async () => {
    const { docker, calls } = fakeDocker(1, 'f00\trunning\t9-1-x\t1000\t')
    await runSidecar(docker, plan, logger)
    expect(calls).toContain('rm f00')
  })

  it('a holder gone meanwhile: just run again', async () => {
    const { docker, calls } = fakeDocker(1, undefined)
    await runSidecar(docker, plan, logger)
    expect(calls).toEqual([
      'run',
      'inspect docker-nest-cache-build.a4d26868017c',
      'run'
    ])
  })
})

describe('logReap', () => {
  it('names each removed object with its run and reason, and each failure', () => {
    lines.length = 0
    const object = {
      kind: 'container' as const,
      name: 'docker-nest-a',
      run: '1-1-a',
      expires: '5'
    }
    const volume = {
      ...object,
      kind: 'volume' as const,
      name: 'docker-nest-a-data'
    }
    logReap(
      {
        decisions: [
          { object, remove: true, reason: 'the job that started it has ended' },
          { object: volume, remove: true, reason: 'expired 1h0m ago' }
        ],
        removed: [object],
        failed: [{ object: volume, error: 'volume is in use' }],
        gone: [{ ...object, name: 'docker-nest-b' }]
      },
      logger
    )
    expect(lines).toEqual([
      'debug reap.start: remove container docker-nest-a (run 1-1-a): the job that started it has ended',
      'debug reap.start: remove volume docker-nest-a-data (run 1-1-a): expired 1h0m ago',
      'debug reap.start: container docker-nest-b was already gone (another reaper)',
      'info Reaped container docker-nest-a of run 1-1-a: the job that started it has ended.',
      'warning Could not reap volume docker-nest-a-data: volume is in use'
    ])
  })
})
