/**
 * Whose jobs share a persistent cache. A cache is one data root: whatever a
 * job's nest leaves in it (images and their tags, build cache, volumes) is
 * what the next job on the same volume builds from. So the volume is named
 * after the cache and its partition, the set of jobs that may share it:
 *
 * - `cache-scope: repository` (default): the repository the job runs for,
 *   by the id its CI server gave it (GitHub GITHUB_REPOSITORY_ID, GitLab
 *   CI_PROJECT_ID), which a rename or a new repository of the same name
 *   does not change; elsewhere DOCKER_NEST_REPOSITORY, set by the user.
 * - `cache-scope: shared`: every repository that names the cache.
 *
 * In both, pull- and merge-request jobs get a partition of their own: code
 * under review never writes the data root that default-branch and release
 * jobs read. The partition is hashed into the volume name (short, valid,
 * never equal to an older version's `docker-nest-cache-<name>`) and written
 * in full to the label `docker-nest.cache-scope`.
 */
import { lazyCrypto } from '../util/lazy-builtins.js'
import { CACHE_SCOPE_LABEL } from '../lifecycle/labels.js'

export { CACHE_SCOPE_LABEL }

/** Input `cache-scope`: one cache per repository, or one for all that name it. */
export type CacheScope = 'repository' | 'shared'

/** The job's environment, as far as the partition needs it. */
export type CiEnv = Readonly<Record<string, string | undefined>>

/** The repository identity outside GitHub Actions and GitLab CI (e.g. Jenkins: the repository URL). */
export const REPOSITORY_ENV = 'DOCKER_NEST_REPOSITORY'

/** Added to the partition of pull- and merge-request jobs. */
export const PULL_REQUESTS = '/pull-requests'

/** GitHub events whose jobs run for an open pull request (also `pull_request_target`). */
const PULL_REQUEST_EVENT = /^pull_request/
/** GitLab pipeline sources of merge-request (and external pull-request) pipelines. */
const MERGE_REQUEST_SOURCES = [
  'merge_request_event',
  'external_pull_request_event'
]

/** Checks input `cache-scope`. */
export function parseCacheScope(value: string, problems: string[]): CacheScope {
  if (value === 'repository' || value === 'shared') return value
  problems.push(
    `Input 'cache-scope' must be 'repository' (one cache per repository) or ` +
      `'shared' (one for every repository that names it), got '${value}'.`
  )
  return 'repository'
}

/** Host (and port) of a server URL, lower case; `fallback` when unset or unparsable. */
function hostOf(url: string | undefined, fallback: string): string {
  try {
    return url ? new URL(url).host.toLowerCase() || fallback : fallback
  } catch {
    return fallback
  }
}

/** The job's repository and whether it runs for a pull/merge request, from its CI's variables. */
interface CiJob {
  /** '' when the CI does not say. */
  repository: string
  pullRequest: boolean
}

function githubJob(env: CiEnv): CiJob {
  const host = hostOf(env.GITHUB_SERVER_URL, 'github.com')
  const id = env.GITHUB_REPOSITORY_ID ?? ''
  // Older GitHub Enterprise Server versions give no id: the name, which a
  // rename changes (the cache then starts cold).
  const name = (env.GITHUB_REPOSITORY ?? '').toLowerCase()
  return {
    repository: /^[0-9]+$/.test(id)
      ? `github:${host}/repository-id/${id}`
      : /^[^/\s]+\/[^/\s]+$/.test(name)
        ? `github:${host}/${name}`
        : '',
    pullRequest: PULL_REQUEST_EVENT.test(env.GITHUB_EVENT_NAME ?? '')
  }
}

function gitlabJob(env: CiEnv): CiJob {
  const host = hostOf(env.CI_SERVER_URL, env.CI_SERVER_HOST || 'gitlab')
  const id = env.CI_PROJECT_ID ?? ''
  return {
    repository: /^[0-9]+$/.test(id) ? `gitlab:${host}/project-id/${id}` : '',
    pullRequest:
      MERGE_REQUEST_SOURCES.includes(env.CI_PIPELINE_SOURCE ?? '') ||
      Boolean(env.CI_MERGE_REQUEST_IID)
  }
}

/** What the job's CI says, or nothing outside GitHub Actions and GitLab CI. */
function ciJob(env: CiEnv): CiJob | undefined {
  if (env.GITHUB_ACTIONS === 'true') return githubJob(env)
  if (env.GITLAB_CI === 'true') return gitlabJob(env)
  return undefined
}

/**
 * DOCKER_NEST_REPOSITORY as a partition ('' when unset), or why it cannot
 * be one: it is written to a label every job on the daemon can read.
 */
function repositoryFromEnv(env: CiEnv): { repository: string } | string {
  const value = (env[REPOSITORY_ENV] ?? '').trim()
  if (value === '') return { repository: '' }
  if (/^[a-z][a-z0-9+.-]*:\/\/[^/]*@/i.test(value)) {
    return (
      `${REPOSITORY_ENV} must not carry credentials (it is written to a ` +
      `volume label); give the repository URL without 'user:password@'.`
    )
  }
  // No ',' or '"': the label goes into `--mount …,volume-label=k=v`.
  if (!/^[\x21\x23-\x2b\x2d-\x7e]{1,200}$/.test(value)) {
    return (
      `${REPOSITORY_ENV} must be 1 to 200 printable characters without ` +
      `spaces, commas or quotes, such as 'https://git.example.com/team/app', ` +
      `got '${value}'.`
    )
  }
  return { repository: `${REPOSITORY_ENV}=${value}` }
}

/**
 * The partition of cache `name` for this job (see the file comment); ''
 * without a cache. Pure: the adapters pass the process environment.
 */
export function cachePartition(
  name: string,
  scope: CacheScope,
  env: CiEnv,
  problems: string[]
): string {
  if (name === '') return ''
  const ci = ciJob(env)
  const suffix = ci?.pullRequest ? PULL_REQUESTS : ''
  if (scope === 'shared') return `shared${suffix}`
  if (ci?.repository) return `${ci.repository}${suffix}`
  const fromEnv = repositoryFromEnv(env)
  if (typeof fromEnv === 'string') {
    problems.push(fromEnv)
    return ''
  }
  if (fromEnv.repository) return `${fromEnv.repository}${suffix}`
  problems.push(
    `Input 'cache-scope' is 'repository', but this job's repository is ` +
      `unknown (no GITHUB_REPOSITORY_ID or CI_PROJECT_ID): set ` +
      `${REPOSITORY_ENV} to it (e.g. its URL), or set cache-scope: shared ` +
      `to share cache '${name}' with every job on this Docker daemon.`
  )
  return ''
}

/** The partition's part of a volume name: 12 hex digits of its SHA-256. */
export function partitionHash(partition: string): string {
  return lazyCrypto()
    .createHash('sha256')
    .update(partition)
    .digest('hex')
    .slice(0, 12)
}
