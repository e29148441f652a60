/**
 * e2e helpers around the real docker CLI: talk to the runner's daemon or to a
 * nest (through the env a step exported), and look for leftovers by label.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * Local test images (built by .ci/build-test-images.sh; see
 * __tests__/fixtures/README.md). Docker 28 (containerd 2, runc 1.3) is the
 * engine the suite runs on; 26 and 20.10 are compatibility rows.
 */
export const IMAGES = {
  /** The docker:dind contract (its entrypoint), Docker 28. */
  official: 'docker-nest-test/dind:28',
  /** A plain image with dockerd on PATH, Docker 28. */
  plain: 'docker-nest-test/dockerd:28',
  /** The docker:<version>-dind-rootless contract, Docker 28. */
  rootless: 'docker-nest-test/dind-rootless:28',
  official26: 'docker-nest-test/dind:26',
  plain26: 'docker-nest-test/dockerd:26',
  official20: 'docker-nest-test/dind:20',
  plain20: 'docker-nest-test/dockerd:20',
  busybox: 'docker-nest-test/busybox:latest',
  dockerdExits: 'docker-nest-test/dockerd-exits:latest',
  unprivileged: 'docker-nest-test/dockerd-unprivileged:28',
  noInit: 'docker-nest-test/dockerd-no-init:28'
} as const

/** True when the e2e suite is switched on; then a missing Docker is a failure, not a skip. */
export const E2E = process.env.DOCKER_NEST_E2E === '1'

/** The client variables we strip so "host" really means the runner's daemon. */
const CLIENT_VARS = [
  'DOCKER_HOST',
  'DOCKER_TLS_VERIFY',
  'DOCKER_CERT_PATH',
  'DOCKER_CONTEXT'
]

export interface CommandResult {
  status: number
  stdout: string
  stderr: string
}

/** Runs docker with the given client env on top of a clean one. */
export function docker(
  args: string[],
  env: Record<string, string> = {},
  input?: Buffer | string
): CommandResult {
  const base: NodeJS.ProcessEnv = { ...process.env }
  for (const name of CLIENT_VARS) delete base[name]
  const result = spawnSync('docker', args, {
    env: { ...base, ...env },
    input,
    maxBuffer: 512 * 1024 * 1024
  })
  return {
    status: result.status ?? -1,
    stdout: result.stdout?.toString() ?? '',
    stderr: result.stderr?.toString() ?? ''
  }
}

/** Like {@link docker} but throws with stderr on failure. */
export function dockerOk(
  args: string[],
  env: Record<string, string> = {},
  input?: Buffer | string
): string {
  const result = docker(args, env, input)
  if (result.status !== 0) {
    throw new Error(
      `docker ${args.join(' ')} failed (${result.status}): ${result.stderr}`
    )
  }
  return result.stdout
}

/** The client env a step exported (DOCKER_HOST, DOCKER_TLS_VERIFY, DOCKER_CERT_PATH). */
export function nestEnv(
  exported: Record<string, string>
): Record<string, string> {
  const env: Record<string, string> = {}
  for (const name of CLIENT_VARS) {
    if (exported[name] !== undefined) env[name] = exported[name]
  }
  return env
}

/** Copies a host image into a nest (no registry here): docker save | docker load. */
export function loadImageInto(
  env: Record<string, string>,
  image: string
): void {
  const tar = spawnSync('docker', ['save', image], {
    maxBuffer: 512 * 1024 * 1024
  })
  if (tar.status !== 0) throw new Error(`docker save ${image}: ${tar.stderr}`)
  dockerOk(['load', '--quiet'], env, tar.stdout)
}

/**
 * Commits `base` after running the shell line `change` in it, as `tag`: a
 * fixture made on the fly (no registry here), e.g. with one binary swapped
 * for a script that fails a known way. Remove it with `docker rmi`.
 */
export function derivedImage(base: string, tag: string, change: string): void {
  const builder = dockerOk(['create', base, 'sh', '-c', change]).trim()
  try {
    dockerOk(['start', '--attach', builder])
    dockerOk(['commit', builder, tag])
  } finally {
    // --volumes: the dind images declare VOLUME /var/lib/docker.
    docker(['rm', '--volumes', builder])
  }
}

/** Everything on the runner's daemon that carries this nest's run label. */
export function leftovers(runId: string): string[] {
  const filter = `label=docker-nest.run=${runId}`
  const containers = dockerOk(['ps', '--all', '--quiet', '--filter', filter])
  const volumes = dockerOk(['volume', 'ls', '--quiet', '--filter', filter])
  return [...lines(containers), ...lines(volumes)]
}

/** Removes whatever a failed test left with this run label, so one failure does not leak into the next. */
export function removeLeftovers(runId: string): void {
  for (const id of leftovers(runId)) {
    docker(['rm', '--force', '--volumes', id])
    docker(['volume', 'rm', '--force', id])
  }
}

/**
 * docker-nest objects whose run label starts with `prefix` (the CI run id a
 * test gave its step), for tests that must create nothing. Other nests on the
 * same daemon (concurrent jobs) do not count.
 */
export function createdByRun(prefix: string): string[] {
  const format = '{{.ID}} {{.Label "docker-nest.run"}}'
  const volumeFormat = '{{.Name}} {{.Label "docker-nest.run"}}'
  const rows = [
    ...lines(
      dockerOk([
        'ps',
        '--all',
        '--filter',
        'label=docker-nest',
        '--format',
        format
      ])
    ),
    ...lines(
      dockerOk([
        'volume',
        'ls',
        '--filter',
        'label=docker-nest',
        '--format',
        volumeFormat
      ])
    )
  ]
  return rows.filter((row) => row.split(' ')[1]?.startsWith(`${prefix}-`))
}

/** A fresh numeric CI run id, so a test can find what its step created. */
export function newRunId(): string {
  return String(1_000_000 + Math.floor(Math.random() * 1_000_000_000))
}

function lines(text: string): string[] {
  return text.split('\n').filter((line) => line.trim() !== '')
}

/** Fails loudly when the suite is on but Docker or an image is missing. */
export function requireDocker(images: string[]): void {
  const info = docker(['info', '--format', '{{.ServerVersion}}'])
  if (info.status !== 0) {
    throw new Error(
      `DOCKER_NEST_E2E=1 but the Docker daemon is not reachable: ${info.stderr}`
    )
  }
  for (const image of images) {
    if (docker(['image', 'inspect', image]).status !== 0) {
      throw new Error(
        `Test image ${image} is missing: run .ci/build-test-images.sh`
      )
    }
  }
}

/** A temp dir removed by the returned function. */
export function tempDir(prefix: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
}
