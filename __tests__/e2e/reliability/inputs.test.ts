/**
 * Case 1: every input with a bad value fails main before anything exists.
 * The error names the input, the value and what is valid; post has nothing
 * to do. (action-failures.test.ts covers mode, untyped SANs, `tls: yes`,
 * `--host` and an option-like image; daemon-config does not exist yet.)
 */
import { afterAll, describe, expect, it, test } from '@jest/globals'
import { join } from 'node:path'
import { runMain, runPost } from '../harness/runner.js'
import {
  E2E,
  IMAGES,
  createdByRun,
  newRunId,
  tempDir
} from '../helpers/docker.js'
import { cli, errorOf, leftFrom, warningsOf } from '../helpers/steps.js'

const suite = E2E ? describe : describe.skip
const TIMEOUT = 60_000

/** [input, bad value, text the error must contain]. */
const BAD: [string, string, string][] = [
  ['image', 'Docker:29-dind', "Input 'image' must be an image reference"],
  ['image', 'docker:29 dind', "Input 'image' must be an image reference"],
  ['image', 'docker@sha256:abc', "Input 'image' must be an image reference"],
  ['image', 'docker:tag!', "Input 'image' must be an image reference"],
  [
    'mtu',
    '1',
    "Input 'mtu' must be 'auto' or a whole number from 576 to 65535"
  ],
  ['mtu', '70000', "Input 'mtu' must be 'auto' or a whole number"],
  ['mtu', '1500.5', "Input 'mtu' must be 'auto' or a whole number"],
  ['mtu', 'max', "Input 'mtu' must be 'auto' or a whole number"],
  ['cleanup', 'yes', "Input 'cleanup' must be 'true', 'false' or 'containers'"],
  ['tls', '1', "Input 'tls' must be 'true' or 'false'"],
  ['tls', 'off', "Input 'tls' must be 'true' or 'false'"],
  ['wait-timeout', '0', "Input 'wait-timeout' must be a number of seconds"],
  ['wait-timeout', '-5', "Input 'wait-timeout' must be a number of seconds"],
  ['wait-timeout', '10m', "Input 'wait-timeout' must be a number of seconds"],
  ['wait-timeout', '3601', "Input 'wait-timeout' must be a number of seconds"],
  [
    'tls-san',
    'IP:999.1.1.1',
    "Input 'tls-san' entry 'IP:999.1.1.1' is not a valid IPv4/IPv6 address"
  ],
  [
    'tls-san',
    'DNS:-bad-',
    "Input 'tls-san' entry 'DNS:-bad-' is not a valid DNS name"
  ],
  ['tls-san', 'URI:https://x', "Input 'tls-san' entries need a type prefix"],
  [
    'dockerd-args',
    '-H tcp://0.0.0.0:2375',
    "Input 'dockerd-args' may not set -H"
  ],
  [
    'dockerd-args',
    '--tls=false',
    "Input 'dockerd-args' may not set --tls (use input 'tls')"
  ],
  [
    'dockerd-args',
    '--tlsverify=false',
    "Input 'dockerd-args' may not set --tlsverify"
  ],
  [
    'dockerd-args',
    '--tlscacert=/tmp/ca.pem',
    "Input 'dockerd-args' may not set --tlscacert"
  ],
  [
    'dockerd-args',
    '--tlscert /tmp/c.pem',
    "Input 'dockerd-args' may not set --tlscert"
  ],
  [
    'dockerd-args',
    '--tlskey=/tmp/k.pem',
    "Input 'dockerd-args' may not set --tlskey"
  ],
  [
    'dockerd-args',
    '--data-root=/tmp',
    "Input 'dockerd-args' may not set --data-root"
  ],
  [
    'dockerd-args',
    'debug',
    "Input 'dockerd-args' takes dockerd flags, one per line"
  ],
  [
    'registry-mirrors',
    'ftp://mirror',
    "Input 'registry-mirrors' entries must be http(s) URLs"
  ],
  [
    'insecure-registries',
    'a/b/c',
    "Input 'insecure-registries' entries must be host[:port] or a CIDR"
  ]
]

suite('reliability: bad inputs (real daemon)', () => {
  const work = tempDir('docker-nest-e2e-inputs-')
  afterAll(() => work.remove())

  test.each(BAD)(
    "input '%s' = '%s' fails main, names input, value and what is valid; nothing created",
    async (input, value, message) => {
      const ciRunId = newRunId()
      const main = await runMain({
        // A real image, so a value that slipped through would start a nest.
        inputs: { image: IMAGES.official, [input]: value },
        env: { GITHUB_RUN_ID: ciRunId },
        workDir: join(work.dir, ciRunId)
      })
      expect(main.exitCode).toBe(1)
      const error = errorOf(main)
      expect(error).toContain(message)
      // The value is quoted back (a SAN or dockerd line may be quoted whole).
      expect(error).toContain(value.split(' ')[0])
      expect(main.state.resources).toBeUndefined()
      expect(createdByRun(ciRunId)).toEqual([])
      const post = await runPost(main)
      expect(post.exitCode).toBe(0)
      expect(warningsOf(post)).toEqual([])
      expect(leftFrom(ciRunId, main)).toEqual([])
    },
    TIMEOUT
  )

  it(
    'reports every bad input at once',
    async () => {
      const main = await runMain({
        inputs: { mtu: 'x', tls: 'maybe', 'wait-timeout': 'soon' },
        workDir: join(work.dir, 'all-at-once')
      })
      expect(main.exitCode).toBe(1)
      const lines = errorOf(main).split('\n')
      expect(lines).toEqual(
        expect.arrayContaining([
          expect.stringContaining("Input 'mtu'"),
          expect.stringContaining("Input 'tls'"),
          expect.stringContaining("Input 'wait-timeout'")
        ])
      )
    },
    TIMEOUT
  )

  it(
    'the CLI refuses bad input with exit 2 and writes no state',
    async () => {
      const stateDir = join(work.dir, 'cli-state')
      const up = await cli([
        'up',
        '--state-dir',
        stateDir,
        '--mtu',
        '1',
        '--dockerd-args=--tlsverify=false'
      ])
      expect(up.status).toBe(2)
      expect(up.stderr).toContain(
        "Input 'mtu' must be 'auto' or a whole number"
      )
      expect(up.stderr).toContain(
        "Input 'dockerd-args' may not set --tlsverify"
      )
      // Only the line that makes an eval of it fail.
      expect(up.stdout).toBe('(exit 2) # docker-nest up failed (exit 2)\n')
      const down = await cli(['down', '--state-dir', stateDir])
      expect(down.status).toBe(0)
      expect(down.stderr).toContain('nothing to remove')
    },
    TIMEOUT
  )
})
