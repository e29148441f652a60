/**
 * Persistent cache against the real daemon: a second run reuses the first
 * one's images and build cache; two concurrent runs on one cache name never
 * share its data root (one falls back, or fails with cache-busy: fail); a
 * sidecar killed with SIGKILL leaves a data root the next run starts on;
 * repositories and pull requests get data roots of their own unless
 * cache-scope: shared. Every cache name is unique to this file's run, and
 * everything labelled with it is removed at the end.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import {
  E2E,
  IMAGES,
  docker,
  dockerOk,
  leftovers,
  loadImageInto,
  newRunId,
  nestEnv,
  removeLeftovers,
  requireDocker,
  tempDir
} from './helpers/docker.js'
import { join } from 'node:path'
import { runIdOf, runMain, runPost, type StepResult } from './harness/runner.js'
import { cli } from './helpers/cli.js'
import { cacheResourceName } from '../../src/engine/cache/cache.js'

const suite = E2E ? describe : describe.skip
const TIMEOUT = 240_000

/** Four layers of real work on busybox, so a cache hit is visible and worth something. */
export const DOCKERFILE = `FROM ${IMAGES.busybox}
RUN dd if=/dev/urandom of=/one bs=1M count=8 2>/dev/null && sha256sum /one > /one.sum
RUN for i in $(seq 1 2000); do echo "$i" >> /two; done && md5sum /two > /two.sum
RUN dd if=/dev/zero bs=1M count=16 2>/dev/null | gzip -1 > /three.gz
RUN cat /one.sum /two.sum > /sums && ls -l / > /listing
`

/** A CLI job outside GitHub Actions and GitLab CI, which names its repository. */
const OUTSIDE_CI = {
  GITHUB_ACTIONS: 'false',
  GITLAB_CI: 'false',
  DOCKER_NEST_REPOSITORY: 'https://git.example.com/e2e/cli'
}

/** The repository the runs here are for, unless a test says otherwise. */
const REPOSITORY = {
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_REPOSITORY: 'docker-nest/e2e',
  GITHUB_REPOSITORY_ID: '4242',
  GITHUB_EVENT_NAME: 'push'
}
const PARTITION = 'github:github.com/repository-id/4242'
const volumeOf = (cache: string) =>
  cacheResourceName({ name: cache, partition: PARTITION })

function build(env: Record<string, string>, tag: string) {
  // The legacy builder: the host CLI has no buildx plugin here.
  return docker(
    ['build', '--tag', tag, '-'],
    { ...env, DOCKER_BUILDKIT: '0' },
    DOCKERFILE
  )
}

function startCached(
  cache: string,
  extra: Record<string, string> = {},
  env: Record<string, string> = {}
) {
  return runMain({
    inputs: { image: IMAGES.official, cache, ...extra },
    env: { ...REPOSITORY, ...env, GITHUB_RUN_ID: newRunId() }
  })
}

/** Names of the containers or volumes labelled with cache `cache`, any partition. */
function labelled(kind: 'container' | 'volume', cache: string): string[] {
  const filter = `label=docker-nest.cache=${cache}`
  const list =
    kind === 'container'
      ? ['ps', '--all', '--filter', filter, '--format', '{{.Names}}']
      : ['volume', 'ls', '--filter', filter, '--format', '{{.Name}}']
  return dockerOk(list)
    .split('\n')
    .filter((line) => line !== '')
}

suite('persistent cache (real daemon)', () => {
  const caches: string[] = []
  const runs: string[] = []
  const newCache = () => {
    const name = `e2e-${newRunId()}`
    caches.push(name)
    return name
  }
  const track = (main: StepResult) => {
    runs.push(runIdOf(main))
    return main
  }

  beforeAll(() => requireDocker([IMAGES.official, IMAGES.busybox]))
  afterAll(() => {
    for (const run of runs) removeLeftovers(run)
    for (const cache of caches) {
      for (const name of labelled('container', cache))
        docker(['rm', '--force', name])
      for (const name of labelled('volume', cache))
        docker(['volume', 'rm', '--force', name])
    }
  })

  it(
    'a second run on the same cache finds the first run’s images and build cache; the volume outlives post',
    async () => {
      const cache = newCache()
      const first = track(await startCached(cache))
      expect(first.exitCode).toBe(0)
      expect(first.outputs['container-id']).toBeTruthy()
      expect(first.stdout).toContain(
        `Cache '${cache}', partition ${PARTITION}: volume ${volumeOf(cache)}`
      )
      const env1 = nestEnv(first.env)
      loadImageInto(env1, IMAGES.busybox)
      const cold = build(env1, 'cache-e2e:1')
      expect(cold.status).toBe(0)
      expect(cold.stdout).not.toContain('Using cache')
      const post1 = await runPost(first)
      expect(post1.exitCode).toBe(0)
      expect(post1.stdout).toMatch(/Daemon of cache '\S+' stopped in \d+ ms/)
      expect(post1.stdout).toContain(`(cache '${cache}' kept)`)
      // The container (the lock) is gone; the labelled volume stays.
      expect(leftovers(runIdOf(first))).toEqual([])
      const labels = JSON.parse(
        dockerOk([
          'volume',
          'inspect',
          '--format',
          '{{json .Labels}}',
          volumeOf(cache)
        ])
      )
      expect(labels).toEqual({
        'docker-nest': 'true',
        'docker-nest.cache': cache,
        'docker-nest.cache-scope': PARTITION
      })

      const second = track(await startCached(cache))
      expect(second.exitCode).toBe(0)
      const env2 = nestEnv(second.env)
      // No load this time: the image is still there.
      expect(
        dockerOk(
          ['image', 'inspect', '--format', '{{.Id}}', IMAGES.busybox],
          env2
        )
      ).toMatch(/^sha256:/)
      const warm = build(env2, 'cache-e2e:2')
      expect(warm.status).toBe(0)
      expect(warm.stdout.match(/Using cache/g)?.length).toBe(4)
      expect((await runPost(second)).exitCode).toBe(0)
    },
    TIMEOUT
  )

  it(
    'two concurrent runs on one cache: one holds it, the other falls back with a warning; cache-busy: fail fails',
    async () => {
      const cache = newCache()
      const [a, b] = (
        await Promise.all([startCached(cache), startCached(cache)])
      ).map(track)
      expect([a.exitCode, b.exitCode]).toEqual([0, 0])
      const names = [a, b].map((m) => JSON.parse(m.state.resources).container)
      const holder = names.indexOf(volumeOf(cache))
      expect(holder).toBeGreaterThanOrEqual(0)
      const other = holder === 0 ? b : a
      const otherName = names[1 - holder]
      expect(otherName).toMatch(/^docker-nest-[0-9a-f]{8}$/)
      expect(other.stdout).toContain(
        `Cache '${cache}' is in use by another job`
      )
      expect(other.stdout).toContain('cache-busy: fallback')
      // Both daemons answer, each on its own data root.
      for (const m of [a, b]) {
        expect(
          dockerOk(
            ['info', '--format', '{{.DockerRootDir}}'],
            nestEnv(m.env)
          ).trim()
        ).toBe('/var/lib/docker')
      }
      const mounts = dockerOk([
        'inspect',
        '--format',
        '{{range .Mounts}}{{.Name}} {{end}}',
        otherName
      ])
      expect(mounts).not.toContain(volumeOf(cache))

      const refused = track(await startCached(cache, { 'cache-busy': 'fail' }))
      expect(refused.exitCode).toBe(1)
      expect(refused.stdout).toContain(
        `Cache '${cache}' is in use by another job`
      )
      expect(refused.stdout).toContain('set cache-busy: fallback')
      const refusedPost = await runPost(refused)
      expect(refusedPost.exitCode).toBe(0)
      // The refused run's post left the holder alone.
      expect(
        dockerOk([
          'inspect',
          '--format',
          '{{.State.Running}}',
          volumeOf(cache)
        ]).trim()
      ).toBe('true')
      expect(leftovers(runIdOf(refused))).toEqual([])

      for (const m of [a, b]) expect((await runPost(m)).exitCode).toBe(0)
      expect([...leftovers(runIdOf(a)), ...leftovers(runIdOf(b))]).toEqual([])
      expect(docker(['volume', 'inspect', volumeOf(cache)]).status).toBe(0)
    },
    TIMEOUT
  )

  it(
    'a sidecar killed with SIGKILL leaves a data root the next run starts on, images intact',
    async () => {
      const cache = newCache()
      const first = track(await startCached(cache))
      expect(first.exitCode).toBe(0)
      loadImageInto(nestEnv(first.env), IMAGES.busybox)
      // An unclean stop: no SIGTERM, dockerd and containerd die mid-flight.
      dockerOk(['kill', '--signal', 'KILL', volumeOf(cache)])
      const next = track(await startCached(cache))
      expect(next.exitCode).toBe(0)
      // The dead holder was no live daemon: broken, and said so.
      expect(next.stdout).toContain('its daemon has stopped')
      const env = nestEnv(next.env)
      expect(
        dockerOk(
          ['run', '--rm', IMAGES.busybox, 'echo', 'recovered'],
          env
        ).trim()
      ).toBe('recovered')
      // The first job's post finds a container of another run and leaves it.
      const post1 = await runPost(first)
      expect(post1.exitCode).toBe(0)
      expect(post1.stdout).toContain('not this one; leaving it')
      expect((await runPost(next)).exitCode).toBe(0)
      expect(leftovers(runIdOf(next))).toEqual([])
    },
    TIMEOUT
  )

  it(
    'docker-nest up --cache with --cache-max-size: down prunes the cached daemon to the limit, unused images oldest first; without a repository it refuses',
    () => {
      const cache = newCache()
      const state = tempDir('docker-nest-e2e-cache-cli-')
      const up = (env = OUTSIDE_CI) =>
        cli(
          [
            'up',
            '--image',
            IMAGES.official,
            '--cache',
            cache,
            '--cache-max-size',
            '5MB',
            '--format',
            'json',
            '--state-dir',
            join(state.dir, 'state')
          ],
          env
        )
      try {
        // Outside CI with no DOCKER_NEST_REPOSITORY: exit 2, nothing created.
        const unknown = up({ ...OUTSIDE_CI, DOCKER_NEST_REPOSITORY: '' })
        expect(unknown.status).toBe(2)
        expect(unknown.stderr).toContain(
          "Input 'cache-scope' is 'repository', but this job's repository is unknown"
        )
        expect(labelled('volume', cache)).toEqual([])
        const first = up()
        expect(first.status).toBe(0)
        const env = JSON.parse(first.stdout) as Record<string, string>
        loadImageInto(env, IMAGES.busybox)
        expect(build(env, 'cache-e2e:prune').status).toBe(0)
        const down = cli(['down', '--state-dir', join(state.dir, 'state')])
        expect(down.status).toBe(0)
        expect(down.stderr).toMatch(
          new RegExp(
            `Cache '${cache}': [0-9.]+ MB → [0-9.]+ [KM]?B \\(cache-max-size 5\\.0 MB; ` +
              'build cache pruned to 0 B, dangling images removed, [1-9] unused image\\(s\\) removed, oldest first\\)'
          )
        )
        const second = up()
        expect(second.status).toBe(0)
        const env2 = JSON.parse(second.stdout) as Record<string, string>
        // The newest image went; the base image, shared with it, stayed.
        expect(
          docker(['image', 'inspect', 'cache-e2e:prune'], env2).status
        ).not.toBe(0)
        expect(docker(['image', 'inspect', IMAGES.busybox], env2).status).toBe(
          0
        )
        expect(
          cli(['down', '--state-dir', join(state.dir, 'state')]).status
        ).toBe(0)
      } finally {
        state.remove()
      }
    },
    TIMEOUT
  )

  it(
    'cache-scope: repository (default) gives each repository, and its pull requests, a data root of their own; cache-scope: shared gives repositories one; an older version’s volume is never used',
    async () => {
      const cache = newCache()
      const a = { GITHUB_REPOSITORY: 'e2e/a', GITHUB_REPOSITORY_ID: '1001' }
      const b = { GITHUB_REPOSITORY: 'e2e/b', GITHUB_REPOSITORY_ID: '1002' }
      const pullRequest = { ...a, GITHUB_EVENT_NAME: 'pull_request' }
      // What docker-nest before cache scopes made for this name.
      dockerOk([
        'volume',
        'create',
        '--label',
        'docker-nest=true',
        '--label',
        `docker-nest.cache=${cache}`,
        `docker-nest-cache-${cache}`
      ])
      /** One job: start, note its data root, run `work` on its daemon, post. */
      const job = async (
        env: Record<string, string>,
        work: (env: Record<string, string>) => void,
        inputs: Record<string, string> = {}
      ) => {
        const main = track(await startCached(cache, inputs, env))
        expect(main.exitCode).toBe(0)
        const container = JSON.parse(main.state.resources).container
        const volume = dockerOk([
          'inspect',
          '--format',
          '{{range .Mounts}}{{.Name}}{{end}}',
          container
        ]).trim()
        expect(volume).toBe(container)
        work(nestEnv(main.env))
        expect((await runPost(main)).exitCode).toBe(0)
        return volume
      }
      const mark = (name: string) => (env: Record<string, string>) =>
        dockerOk(['volume', 'create', name], env)
      const has = (env: Record<string, string>, name: string) =>
        docker(['volume', 'inspect', name], env).status === 0
      const scopeOf = (volume: string) =>
        dockerOk([
          'volume',
          'inspect',
          '--format',
          '{{index .Labels "docker-nest.cache-scope"}}',
          volume
        ]).trim()

      const volumeA = await job(a, mark('from-a'))
      const volumeB = await job(b, (env) => {
        expect(has(env, 'from-a')).toBe(false)
      })
      const volumePr = await job(pullRequest, (env) => {
        expect(has(env, 'from-a')).toBe(false)
        mark('from-pr')(env)
      })
      // A's next job finds its own data root, without what the PR wrote.
      expect(
        await job(a, (env) => {
          expect(has(env, 'from-a')).toBe(true)
          expect(has(env, 'from-pr')).toBe(false)
        })
      ).toBe(volumeA)
      expect(new Set([volumeA, volumeB, volumePr]).size).toBe(3)
      for (const volume of [volumeA, volumeB, volumePr]) {
        expect(volume).toMatch(
          new RegExp(`^docker-nest-cache-${cache}\\.[0-9a-f]{12}$`)
        )
      }
      expect([volumeA, volumeB, volumePr].map(scopeOf)).toEqual([
        'github:github.com/repository-id/1001',
        'github:github.com/repository-id/1002',
        'github:github.com/repository-id/1001/pull-requests'
      ])

      const shared = { 'cache-scope': 'shared' }
      const sharedA = await job(a, mark('shared-from-a'), shared)
      const sharedB = await job(
        b,
        (env) => {
          expect(has(env, 'shared-from-a')).toBe(true)
          expect(has(env, 'from-a')).toBe(false)
        },
        shared
      )
      expect(sharedB).toBe(sharedA)
      expect(scopeOf(sharedA)).toBe('shared')

      // The older version's volume: untouched, and reap says what it is.
      expect(scopeOf(`docker-nest-cache-${cache}`)).toBe('')
      const reap = cli(['reap', '--dry-run', '--debug'])
      expect(reap.status).toBe(0)
      expect(reap.stderr).toContain(
        `keep volume docker-nest-cache-${cache} (run -): unscoped cache ` +
          'volume of an older docker-nest, which this version never uses'
      )
    },
    TIMEOUT
  )
})
