/**
 * dockerode and testcontainers-node on the exported env, dind and dood, each
 * in its own Node 24 process configured by the env alone (sdk-client.ts):
 * start a container with a published port and fetch from it. In dind the
 * port is on the sidecar (output container-ip), not on 127.0.0.1 where
 * DOCKER_HOST points; input testcontainers-host-override: true exports
 * TESTCONTAINERS_HOST_OVERRIDE so Testcontainers looks there.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { join } from 'node:path'
import { E2E, IMAGES, requireDocker } from '../helpers/docker.js'
import {
  MODES,
  NEST_IMAGE,
  runNodeClient,
  startNest,
  stopNest,
  type Nest
} from './nest.js'

const suite = E2E ? describe : describe.skip
const TIMEOUT = 120_000
const SCRIPT = join(import.meta.dirname, 'sdk-client.ts')

function runSdk(
  nest: Nest,
  client: string,
  args: string[],
  env: Record<string, string> = {}
): Record<string, string> {
  const result = runNodeClient(
    nest,
    SCRIPT,
    [client, IMAGES.busybox, nest.runId, ...args],
    env
  )
  if (result.status !== 0) {
    throw new Error(`${client} failed (${result.status}): ${result.stderr}`)
  }
  return JSON.parse(result.stdout)
}

suite.each(MODES)('Node SDKs on the exported env (%s)', (mode) => {
  let nest: Nest

  beforeAll(async () => {
    requireDocker([IMAGES.busybox, NEST_IMAGE])
    nest = await startNest(mode, { 'testcontainers-host-override': 'true' })
  }, TIMEOUT)

  afterAll(async () => {
    if (!nest) return
    const post = await stopNest(nest)
    expect(post.stdout).not.toContain('::warning::')
  }, TIMEOUT)

  test('main exports TESTCONTAINERS_HOST_OVERRIDE (dind: the sidecar IP; dood: nothing)', () => {
    const ip = nest.main.outputs['container-ip']
    if (mode === 'dind') {
      expect(ip).toMatch(/^\d+\.\d+\.\d+\.\d+$/)
      expect(nest.main.env.TESTCONTAINERS_HOST_OVERRIDE).toBe(ip)
    } else {
      expect(ip).toBe('')
      expect(nest.main.env).not.toHaveProperty('TESTCONTAINERS_HOST_OVERRIDE')
      expect(nest.main.stdout).toContain('nothing to override')
    }
  })

  test('dockerode starts a container and reaches its published port on container-ip (dood: 127.0.0.1)', () => {
    const host = nest.main.outputs['container-ip'] || '127.0.0.1'
    const result = runSdk(nest, 'dockerode', [host])
    expect(result.ping).toBe('OK')
    expect(result.body).toBe('from dockerode\n')
    if (mode === 'dind') {
      // Not on the runner's loopback, where DOCKER_HOST points.
      expect(result.loopback).not.toBe(result.body)
    }
  })

  test('testcontainers starts a container and reaches its published port', () => {
    const result = runSdk(nest, 'testcontainers', [], {
      ...(nest.main.env.TESTCONTAINERS_HOST_OVERRIDE !== undefined && {
        TESTCONTAINERS_HOST_OVERRIDE: nest.main.env.TESTCONTAINERS_HOST_OVERRIDE
      }),
      // Only because the Ryuk image (testcontainers/ryuk) needs a registry
      // here; Ryuk itself works with the nest (its port goes through the
      // same host override).
      TESTCONTAINERS_RYUK_DISABLED: 'true'
    })
    expect(result.body).toBe('from testcontainers\n')
    // dood: Testcontainers' own choice (localhost, or the bridge gateway when
    // this process runs in a container, as on this test machine).
    if (mode === 'dind') {
      expect(result.host).toBe(nest.main.outputs['container-ip'])
    }
  })
})
