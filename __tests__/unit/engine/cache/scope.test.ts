import { describe, expect, it } from '@jest/globals'
import {
  cachePartition,
  parseCacheScope,
  type CacheScope,
  type CiEnv
} from '../../../../src/engine/cache/scope.js'
import { cacheResourceName } from '../../../../src/engine/cache/cache.js'
import {
  InputError,
  parseInputs
} from '../../../../src/engine/options/config.js'
import { buildDindRunArgs, makePlan } from '../../../../src/engine/dind/plan.js'

const github = (over: CiEnv = {}): CiEnv => ({
  GITHUB_ACTIONS: 'true',
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_REPOSITORY: 'Octo/App',
  GITHUB_REPOSITORY_ID: '123',
  GITHUB_EVENT_NAME: 'push',
  ...over
})
const gitlab = (over: CiEnv = {}): CiEnv => ({
  GITLAB_CI: 'true',
  CI_SERVER_URL: 'https://gitlab.example.com',
  CI_SERVER_HOST: 'gitlab.example.com',
  CI_PROJECT_ID: '42',
  CI_PIPELINE_SOURCE: 'push',
  ...over
})
const REPO = 'github:github.com/repository-id/123'
const JENKINS = { DOCKER_NEST_REPOSITORY: 'https://git.example.com/app.git' }

describe('cachePartition (which jobs share a cache)', () => {
  it.each<[string, CacheScope, CiEnv, string]>([
    ['GitHub push: the repository id', 'repository', github(), REPO],
    [
      'GitHub pull_request: its own partition',
      'repository',
      github({ GITHUB_EVENT_NAME: 'pull_request' }),
      `${REPO}/pull-requests`
    ],
    [
      'GitHub pull_request_target: a pull request too',
      'repository',
      github({ GITHUB_EVENT_NAME: 'pull_request_target' }),
      `${REPO}/pull-requests`
    ],
    [
      'GitHub merge queue: the repository (reviewed, about to land)',
      'repository',
      github({ GITHUB_EVENT_NAME: 'merge_group' }),
      REPO
    ],
    [
      'a renamed repository keeps its id, and so its cache',
      'repository',
      github({ GITHUB_REPOSITORY: 'octo/renamed' }),
      REPO
    ],
    [
      'GitHub Enterprise Server: the server is part of it',
      'repository',
      github({ GITHUB_SERVER_URL: 'https://GHE.example.com:8443' }),
      'github:ghe.example.com:8443/repository-id/123'
    ],
    [
      'no GITHUB_REPOSITORY_ID (older servers): the name, lower case',
      'repository',
      github({ GITHUB_REPOSITORY_ID: undefined }),
      'github:github.com/octo/app'
    ],
    [
      'GitHub ignores DOCKER_NEST_REPOSITORY',
      'repository',
      github(JENKINS),
      REPO
    ],
    [
      'GitLab: the project id',
      'repository',
      gitlab(),
      'gitlab:gitlab.example.com/project-id/42'
    ],
    [
      'GitLab merge request pipeline',
      'repository',
      gitlab({ CI_PIPELINE_SOURCE: 'merge_request_event' }),
      'gitlab:gitlab.example.com/project-id/42/pull-requests'
    ],
    [
      'GitLab external pull request',
      'repository',
      gitlab({ CI_PIPELINE_SOURCE: 'external_pull_request_event' }),
      'gitlab:gitlab.example.com/project-id/42/pull-requests'
    ],
    [
      'GitLab merge request by its IID alone',
      'repository',
      gitlab({ CI_MERGE_REQUEST_IID: '7' }),
      'gitlab:gitlab.example.com/project-id/42/pull-requests'
    ],
    [
      'elsewhere: DOCKER_NEST_REPOSITORY',
      'repository',
      JENKINS,
      'DOCKER_NEST_REPOSITORY=https://git.example.com/app.git'
    ],
    ['shared: every repository', 'shared', github(), 'shared'],
    ['shared: every repository on GitLab too', 'shared', gitlab(), 'shared'],
    [
      'shared: pull requests still apart',
      'shared',
      github({ GITHUB_EVENT_NAME: 'pull_request' }),
      'shared/pull-requests'
    ],
    ['shared needs no repository', 'shared', {}, 'shared']
  ])('[%#] %s', (_case, scope, env, partition) => {
    const problems: string[] = []
    expect(cachePartition('build', scope, env, problems)).toBe(partition)
    expect(problems).toEqual([])
  })

  it('no cache, no partition (and no repository needed)', () => {
    const problems: string[] = []
    expect(cachePartition('', 'repository', {}, problems)).toBe('')
    expect(problems).toEqual([])
  })

  it.each<[string, CiEnv, string]>([
    [
      'no repository anywhere',
      { GITHUB_ACTIONS: 'false' },
      "Input 'cache-scope' is 'repository', but this job's repository is " +
        'unknown (no GITHUB_REPOSITORY_ID or CI_PROJECT_ID): set ' +
        'DOCKER_NEST_REPOSITORY to it (e.g. its URL), or set cache-scope: ' +
        "shared to share cache 'build' with every job on this Docker daemon."
    ],
    [
      'credentials in DOCKER_NEST_REPOSITORY',
      { DOCKER_NEST_REPOSITORY: 'https://ci:s3cret@git.example.com/app' },
      'DOCKER_NEST_REPOSITORY must not carry credentials (it is written to ' +
        "a volume label); give the repository URL without 'user:password@'."
    ],
    [
      'a comma, which would split the --mount option',
      { DOCKER_NEST_REPOSITORY: 'app,volume-label=x' },
      'DOCKER_NEST_REPOSITORY must be 1 to 200 printable characters'
    ],
    [
      'spaces',
      { DOCKER_NEST_REPOSITORY: 'my app' },
      'DOCKER_NEST_REPOSITORY must be 1 to 200 printable characters'
    ]
  ])('[%#] refuses %s', (_case, env, problem) => {
    const problems: string[] = []
    expect(cachePartition('build', 'repository', env, problems)).toBe('')
    expect(problems).toEqual([expect.stringContaining(problem)])
    expect(problems[0]).not.toContain('s3cret')
  })

  it('accepts an SSH remote (its @ is no credential)', () => {
    const problems: string[] = []
    expect(
      cachePartition(
        'build',
        'repository',
        { DOCKER_NEST_REPOSITORY: 'git@git.example.com:team/app.git' },
        problems
      )
    ).toBe('DOCKER_NEST_REPOSITORY=git@git.example.com:team/app.git')
    expect(problems).toEqual([])
  })

  it('cache-scope is repository or shared', () => {
    const problems: string[] = []
    expect(parseCacheScope('shared', problems)).toBe('shared')
    parseCacheScope('branch', problems)
    expect(problems).toEqual([
      "Input 'cache-scope' must be 'repository' (one cache per repository) " +
        "or 'shared' (one for every repository that names it), got 'branch'."
    ])
  })

  it('parseInputs fails up front, with the other problems, when the repository is unknown', () => {
    const parse = () =>
      parseInputs({ cache: 'build', 'cache-busy': 'x' }, { CI: 'true' })
    expect(parse).toThrow(InputError)
    expect(parse).toThrow(/cache-scope[\s\S]*cache-busy/)
    expect(() =>
      parseInputs({ cache: 'build', 'cache-scope': 'shared' })
    ).not.toThrow()
  })
})

describe('cache volume names', () => {
  // Fixed digests: changing the hash would orphan every cache in use.
  it.each([
    ['shared', 'docker-nest-cache-build.a4d26868017c'],
    ['shared/pull-requests', 'docker-nest-cache-build.0e1a05cbf197'],
    [REPO, 'docker-nest-cache-build.81a50f035994'],
    [`${REPO}/pull-requests`, 'docker-nest-cache-build.d41bd27581fd'],
    [
      'gitlab:gitlab.example.com/project-id/42',
      'docker-nest-cache-build.a36d29997f92'
    ]
  ])('[%#] partition %s: %s', (partition, name) => {
    expect(cacheResourceName({ name: 'build', partition })).toBe(name)
  })

  it('are valid container and volume names, at most 71 characters, and never an older version’s unscoped name', () => {
    const name = cacheResourceName({ name: 'x'.repeat(40), partition: REPO })
    expect(name).toHaveLength(71)
    expect(name).toMatch(/^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/)
    // Older versions: docker-nest-cache-<name>, and a name has no '.'.
    expect(name).not.toMatch(/^docker-nest-cache-[a-z0-9-]+$/)
    // Every DNS label of it (a certificate SAN) fits in 63 characters.
    for (const label of name.split('.')) expect(label.length).toBeLessThan(64)
  })

  it('two repositories, or a repository and its pull requests, never share a volume; shared ones do', () => {
    const plan = (env: CiEnv, scope: CacheScope = 'repository') =>
      makePlan(parseInputs({ cache: 'build', 'cache-scope': scope }, env), {
        runPrefix: '1-1',
        detectedMtu: undefined,
        now: new Date(0),
        random: 'abcd1234'
      })
    const a = plan(github())
    const b = plan(github({ GITHUB_REPOSITORY_ID: '456' }))
    const pr = plan(github({ GITHUB_EVENT_NAME: 'pull_request' }))
    expect(new Set([a.volume, b.volume, pr.volume]).size).toBe(3)
    expect(plan(github(), 'shared').volume).toBe(
      plan(gitlab(), 'shared').volume
    )
    // The volume carries name and partition, not the run that made it.
    const args = buildDindRunArgs(pr)
    expect(args[args.indexOf('--mount') + 1]).toBe(
      `type=volume,src=${pr.volume},dst=/var/lib/docker` +
        ',volume-label=docker-nest=true,volume-label=docker-nest.cache=build' +
        `,volume-label=docker-nest.cache-scope=${REPO}/pull-requests`
    )
    expect(pr.labels['docker-nest.cache-scope']).toBe(`${REPO}/pull-requests`)
  })
})
