/**
 * The docker CLI from the tool cache: the committed bundle downloads a static
 * release tarball from a local HTTP server on 127.0.0.1 (a stand-in for
 * download.docker.com or a mirror), verifies it, caches it, puts it on PATH,
 * and finds it in the cache on the next run. The tarball holds a tiny
 * `docker/docker` script, so nothing here needs a real release.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { runMain } from './harness/runner.js'
import { E2E, tempDir } from './helpers/docker.js'
import { errorOf, warningsOf } from './helpers/steps.js'

const suite = E2E ? describe : describe.skip
const TIMEOUT = 60_000
const ARCH = 'x86_64'

/** A gzipped tarball with `docker/docker`, like the static releases. */
function makeTarball(dir: string, marker: string): Buffer {
  const root = join(dir, marker)
  mkdirSync(join(root, 'docker'), { recursive: true })
  writeFileSync(
    join(root, 'docker', 'docker'),
    `#!/bin/sh\necho "${marker} $*"\n`,
    { mode: 0o755 }
  )
  execFileSync('tar', ['czf', `${root}.tgz`, '-C', root, 'docker'])
  return readFileSync(`${root}.tgz`)
}

function findExecutable(name: string): string {
  return execFileSync('sh', ['-c', `command -v ${name}`])
    .toString()
    .trim()
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex')

suite('Action, docker CLI from the tool cache (local tarball server)', () => {
  const work = tempDir('docker-nest-e2e-cli-')
  const files = new Map<string, Buffer>()
  const requests: string[] = []
  let server: Server
  let base = ''

  beforeAll(async () => {
    if (process.arch !== 'x64') throw new Error('This suite assumes x64.')
    const good = makeTarball(work.dir, 'cli-99')
    files.set(`/static/${ARCH}/docker-99.0.0.tgz`, good)
    files.set(
      `/static/${ARCH}/docker-99.0.0.tgz.sha256`,
      Buffer.from(`${sha256(good)}  docker-99.0.0.tgz\n`)
    )
    // No .sha256 next to this one.
    files.set(
      `/static/${ARCH}/docker-29.0.0.tgz`,
      makeTarball(work.dir, 'cli-default')
    )
    files.set(
      `/static/${ARCH}/docker-97.0.0.tgz`,
      makeTarball(work.dir, 'cli-97')
    )
    files.set(
      `/static/${ARCH}/docker-96.0.0.tgz`,
      makeTarball(work.dir, 'cli-96')
    )
    server = createServer((req, res) => {
      requests.push(req.url ?? '')
      const body = files.get(req.url ?? '')
      res.statusCode = body ? 200 : 404
      res.end(body ?? 'not found')
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/static`
  })

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve))
    work.remove()
  })

  test(
    'downloads, verifies with the .sha256 file, caches, adds to PATH; the next run hits the cache',
    async () => {
      const workDir = join(work.dir, 'job-cache')
      const inputs = {
        mode: 'dood',
        'docker-cli-version': '99.0.0',
        'docker-cli-url': base
      }
      requests.length = 0
      const first = await runMain({ inputs, workDir })
      expect(first.stderr).toBe('')
      expect(first.exitCode).toBe(0)
      const dir = join(workDir, 'tool-cache', 'docker-cli', '99.0.0', ARCH)
      expect(first.outputs['docker-cli-path']).toBe(join(dir, 'docker'))
      expect(first.path).toEqual([dir])
      expect(first.stdout).toContain(
        `Downloading ${base}/${ARCH}/docker-99.0.0.tgz`
      )
      expect(first.stdout).toMatch(/sha256 [0-9a-f]{64} verified/)
      expect(requests).toEqual([
        `/static/${ARCH}/docker-99.0.0.tgz`,
        `/static/${ARCH}/docker-99.0.0.tgz.sha256`
      ])
      expect(execFileSync(join(dir, 'docker'), ['version']).toString()).toBe(
        'cli-99 version\n'
      )
      // Nothing left in RUNNER_TEMP.
      expect(readdirSync(join(workDir, 'temp'))).toEqual([])

      const second = await runMain({ inputs, workDir })
      expect(second.exitCode).toBe(0)
      expect(second.stdout).toContain(`Found in the tool cache: ${dir}`)
      expect(second.outputs['docker-cli-path']).toBe(join(dir, 'docker'))
      expect(requests).toHaveLength(2)
    },
    TIMEOUT
  )

  test(
    'installs the default release when no docker CLI is on PATH',
    async () => {
      const workDir = join(work.dir, 'job-no-cli')
      const bin = join(work.dir, 'bin-without-docker')
      mkdirSync(bin, { recursive: true })
      for (const tool of ['tar', 'gzip']) {
        symlinkSync(findExecutable(tool), join(bin, tool))
      }
      const main = await runMain({
        inputs: { mode: 'dood', 'docker-cli-url': base },
        env: { PATH: bin },
        workDir
      })
      expect(main.exitCode).toBe(0)
      expect(main.stdout).toContain('No docker CLI on PATH; installing 29.0.0.')
      expect(main.stdout).toContain(
        '::warning::' + `${base}/${ARCH}/docker-29.0.0.tgz has no .sha256 file`
      )
      expect(main.outputs['docker-cli-path']).toBe(
        join(workDir, 'tool-cache', 'docker-cli', '29.0.0', ARCH, 'docker')
      )
    },
    TIMEOUT
  )

  test(
    'with docker-cli-sha256 a cache hit is used only when it came from that tarball and is unchanged',
    async () => {
      const workDir = join(work.dir, 'job-pinned-cache')
      const tarball = files.get(`/static/${ARCH}/docker-97.0.0.tgz`)!
      const dir = join(workDir, 'tool-cache', 'docker-cli', '97.0.0', ARCH)
      const docker = join(dir, 'docker')
      // Cached by something else: same tool name and version, no record.
      mkdirSync(dir, { recursive: true })
      writeFileSync(docker, '#!/bin/sh\necho planted\n', { mode: 0o755 })
      writeFileSync(`${dir}.complete`, '')
      const inputs = {
        mode: 'dood',
        'docker-cli-version': '97.0.0',
        'docker-cli-url': base,
        'docker-cli-sha256': sha256(tarball)
      }
      const cannotVerify =
        `::warning::The docker CLI 97.0.0 in the tool cache (${dir}) cannot ` +
        `be verified against input 'docker-cli-sha256' (${sha256(tarball)}): `
      const version = () => execFileSync(docker, ['version']).toString()

      requests.length = 0
      const first = await runMain({ inputs, workDir })
      expect(first.exitCode).toBe(0)
      expect(warningsOf(first)).toEqual([
        `${cannotVerify}it has no valid .docker-nest-sha256.json naming its ` +
          'tarball. Downloading it again instead of using it.'
      ])
      expect(requests).toEqual([`/static/${ARCH}/docker-97.0.0.tgz`])
      expect(version()).toBe('cli-97 version\n')

      const second = await runMain({ inputs, workDir })
      expect(second.exitCode).toBe(0)
      expect(warningsOf(second)).toEqual([])
      expect(second.stdout).toContain(
        `Found in the tool cache: ${dir} (sha256 ${sha256(tarball)} verified)`
      )
      expect(requests).toHaveLength(1)

      writeFileSync(docker, '#!/bin/sh\necho planted\n')
      const third = await runMain({ inputs, workDir })
      expect(third.exitCode).toBe(0)
      expect(warningsOf(third)).toEqual([
        expect.stringContaining(
          `${cannotVerify}docker changed after it was cached (`
        )
      ])
      expect(requests).toHaveLength(2)
      expect(version()).toBe('cli-97 version\n')
      expect(third.outputs['docker-cli-path']).toBe(docker)
    },
    TIMEOUT
  )

  test(
    'with docker-cli-sha256 a cached copy of another tarball is not used, and the step fails when the server has only that one',
    async () => {
      const workDir = join(work.dir, 'job-pinned-other')
      const inputs = {
        mode: 'dood',
        'docker-cli-version': '96.0.0',
        'docker-cli-url': base
      }
      const unpinned = await runMain({ inputs, workDir })
      expect(unpinned.exitCode).toBe(0)
      const dir = join(workDir, 'tool-cache', 'docker-cli', '96.0.0', ARCH)
      const other = sha256(files.get(`/static/${ARCH}/docker-97.0.0.tgz`)!)

      const pinned = await runMain({
        inputs: { ...inputs, 'docker-cli-sha256': other },
        workDir
      })
      expect(pinned.exitCode).toBe(1)
      expect(warningsOf(pinned)).toEqual([
        expect.stringContaining(
          `in the tool cache (${dir}) cannot be verified against input ` +
            `'docker-cli-sha256' (${other}): it was extracted from a tarball ` +
            `with sha256 ${sha256(files.get(`/static/${ARCH}/docker-96.0.0.tgz`)!)}.`
        )
      ])
      expect(errorOf(pinned)).toContain(
        `The docker CLI tarball from ${base}/${ARCH}/docker-96.0.0.tgz has sha256 `
      )
      expect(pinned.path).toEqual([])
      expect(pinned.outputs['docker-cli-path']).toBeUndefined()
    },
    TIMEOUT
  )

  test(
    'plain http to a host other than this machine is refused before anything is downloaded',
    async () => {
      const workDir = join(work.dir, 'job-remote-http')
      requests.length = 0
      const main = await runMain({
        inputs: {
          mode: 'dood',
          'docker-cli-version': '99.0.0',
          'docker-cli-url': 'http://mirror.invalid/static'
        },
        workDir
      })
      expect(main.exitCode).toBe(1)
      expect(errorOf(main)).toContain(
        "Input 'docker-cli-url' must be https, got 'http://mirror.invalid/static'"
      )
      expect(main.path).toEqual([])
      expect(existsSync(join(workDir, 'tool-cache', 'docker-cli'))).toBe(false)
    },
    TIMEOUT
  )

  test.each<[string, Record<string, string>, (url: string) => string]>([
    [
      'a checksum that does not match',
      {
        'docker-cli-version': '99.0.0',
        'docker-cli-sha256': '0'.repeat(64)
      },
      (url) =>
        `The docker CLI tarball from ${url}/${ARCH}/docker-99.0.0.tgz has sha256 `
    ],
    [
      'a release the server does not have (404)',
      { 'docker-cli-version': '98.0.0' },
      (url) =>
        `Could not download the docker CLI tarball from ${url}/${ARCH}/docker-98.0.0.tgz (HTTP 404).`
    ]
  ])(
    '%s fails with the cause and leaves nothing behind',
    async (_title, extra, message) => {
      const workDir = join(work.dir, `job-${extra['docker-cli-version']}-fail`)
      const main = await runMain({
        inputs: { mode: 'dood', 'docker-cli-url': base, ...extra },
        workDir
      })
      expect(main.exitCode).toBe(1)
      expect(errorOf(main)).toContain(message(base))
      expect(main.path).toEqual([])
      expect(existsSync(join(workDir, 'tool-cache', 'docker-cli'))).toBe(false)
      expect(readdirSync(join(workDir, 'temp'))).toEqual([])
    },
    TIMEOUT
  )
})
