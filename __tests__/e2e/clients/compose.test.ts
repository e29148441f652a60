/**
 * docker compose v2 (the plugin from Debian trixie's docker-compose 2.26) on
 * the exported env, dind and dood: `up --wait` a two-service project (a web
 * server and a client that depends on its health and fetches from it by
 * service name), then `down`.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { stringify } from 'yaml'
import { E2E, IMAGES, requireDocker } from '../helpers/docker.js'
import {
  CLIENTS_IMAGE,
  MODES,
  NEST_IMAGE,
  inNestOk,
  runClient,
  runClientOk,
  startNest,
  stopNest,
  workPath,
  type Nest
} from './nest.js'

const suite = E2E ? describe : describe.skip
const TIMEOUT = 180_000

/** Two services: `client` starts once `web` is healthy and stays healthy while it can fetch from it. */
function project(nest: Nest): string {
  const health = (test: string[]) => ({
    test,
    interval: '250ms',
    timeout: '2s',
    retries: 120
  })
  const labels = { 'docker-nest.run': nest.runId }
  return stringify({
    services: {
      web: {
        image: IMAGES.busybox,
        labels,
        command: [
          'sh',
          '-c',
          'mkdir -p /www && echo composed > /www/index.html && ' +
            'exec httpd -f -p 8080 -h /www'
        ],
        healthcheck: health([
          'CMD',
          'wget',
          '-q',
          '-O',
          '/dev/null',
          'http://127.0.0.1:8080/'
        ])
      },
      client: {
        image: IMAGES.busybox,
        labels,
        depends_on: { web: { condition: 'service_healthy' } },
        command: [
          'sh',
          '-c',
          'wget -q -O /tmp/got http://web:8080/ && exec sleep 600'
        ],
        healthcheck: health(['CMD', 'test', '-s', '/tmp/got'])
      }
    }
  })
}

suite.each(MODES)('docker compose on the exported env (%s)', (mode) => {
  let nest: Nest
  let dir = ''
  let name = ''

  beforeAll(async () => {
    requireDocker([IMAGES.busybox, NEST_IMAGE, CLIENTS_IMAGE])
    nest = await startNest(mode)
    dir = workPath(nest, 'compose')
    name = `nest-e2e-${nest.tag}`
    writeFileSync(join(dir, 'compose.yaml'), project(nest))
  }, TIMEOUT)

  afterAll(async () => {
    if (!nest) return
    runClient(nest, `docker compose -p ${name} down --volumes --timeout 1`, {
      cwd: dir
    })
    const post = await stopNest(nest)
    expect(post.stdout).not.toContain('::warning::')
  }, TIMEOUT)

  test(
    'up --wait returns once both services are healthy; down removes them',
    () => {
      expect(
        runClientOk(nest, 'docker compose version --short').trim()
      ).toMatch(/^2\./)
      runClientOk(
        nest,
        `docker compose -p ${name} up --wait --wait-timeout 60`,
        {
          cwd: dir
        }
      )
      const states = JSON.parse(
        `[${runClientOk(nest, `docker compose -p ${name} ps --format json`, {
          cwd: dir
        })
          .trim()
          .split('\n')
          .join(',')}]`
      ).map(
        (s: { Service: string; Health: string }) => `${s.Service}:${s.Health}`
      )
      expect(states.sort()).toEqual(['client:healthy', 'web:healthy'])
      // The client fetched from the web service by name, on the project network.
      expect(
        inNestOk(nest, ['exec', `${name}-client-1`, 'cat', '/tmp/got'])
      ).toBe('composed\n')

      runClientOk(nest, `docker compose -p ${name} down --timeout 1`, {
        cwd: dir
      })
      expect(
        inNestOk(nest, [
          'ps',
          '--all',
          '--quiet',
          '--filter',
          `label=com.docker.compose.project=${name}`
        ])
      ).toBe('')
    },
    TIMEOUT
  )
})
