/** One nest's whole life through the CLI, for the tests that run the CLI in other forms. */
import { expect } from '@jest/globals'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { CliResult } from './cli.js'
import { evalExports } from './cli.js'
import { IMAGES, dockerOk, leftovers, removeLeftovers } from './docker.js'

/** The part of the state dir's nest.json these tests read. */
interface NestRecord {
  runId: string
  container: string
}

/**
 * `up`, `env`, the nest's `docker version` (Docker 28, over mutual TLS),
 * `inNest` with the nest's client variables, and `down` through `cli` (one
 * way of running docker-nest); then no labelled container or volume, no
 * certificates and no state file are left.
 */
export function upEnvDown(
  cli: (args: string[], env?: Record<string, string>) => CliResult,
  stateDir: string,
  inNest: (client: Record<string, string>) => void = () => undefined
): void {
  const up = cli(['up', '--image', IMAGES.official, '--state-dir', stateDir])
  const nestFile = join(stateDir, 'nest.json')
  const state = existsSync(nestFile)
    ? (JSON.parse(readFileSync(nestFile, 'utf8')) as NestRecord)
    : undefined
  try {
    expect(up.stderr).toContain('is ready after')
    expect(up.status).toBe(0)
    if (!state) throw new Error(`up left no ${nestFile}`)

    const env = cli(['env', '--state-dir', stateDir])
    expect(env.stderr).toBe('')
    expect(env.status).toBe(0)
    expect(env.stdout).toBe(up.stdout)
    const client = evalExports(env.stdout)
    expect(client.DOCKER_HOST).toMatch(/^tcp:\/\/127\.0\.0\.1:\d+$/)
    expect(client.DOCKER_TLS_VERIFY).toBe('1')

    // The nest's Docker 28, not the runner's daemon, over mutual TLS.
    expect(
      dockerOk(['version', '--format', '{{.Server.Version}}'], client)
    ).toMatch(/^28\./)
    inNest(client)

    const down = cli(['down', '--state-dir', stateDir], client)
    expect(down.stderr).toContain(`Removed container ${state.container}`)
    expect(down.status).toBe(0)
    expect(leftovers(state.runId)).toEqual([])
    expect(existsSync(client.DOCKER_CERT_PATH)).toBe(false)
    expect(existsSync(nestFile)).toBe(false)
  } finally {
    if (state) removeLeftovers(state.runId)
  }
}
