/**
 * docker-py (Debian trixie's python3-docker 7.1) on the exported env, dind
 * and dood: `docker.from_env()` reads DOCKER_HOST, DOCKER_TLS_VERIFY and
 * DOCKER_CERT_PATH (it ignores docker contexts), pings, and runs a container.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { E2E, IMAGES, requireDocker } from '../helpers/docker.js'
import {
  CLIENTS_IMAGE,
  MODES,
  NEST_IMAGE,
  runClientOk,
  startNest,
  stopNest,
  type Nest
} from './nest.js'

const suite = E2E ? describe : describe.skip
const TIMEOUT = 120_000

const SCRIPT = `
import json, os, sys
import docker
client = docker.from_env()
out = client.containers.run(
    sys.argv[1], ["sh", "-c", "echo from docker-py"],
    labels={"docker-nest.run": sys.argv[2]}, remove=True)
print(json.dumps({
    "ping": client.ping(),
    "version": client.version()["Version"],
    "tls": client.api.base_url.startswith("https://"),
    "out": out.decode(),
}))
`

suite.each(MODES)('docker-py on the exported env (%s)', (mode) => {
  let nest: Nest

  beforeAll(async () => {
    requireDocker([IMAGES.busybox, NEST_IMAGE, CLIENTS_IMAGE])
    nest = await startNest(mode)
  }, TIMEOUT)

  afterAll(async () => {
    if (!nest) return
    const post = await stopNest(nest)
    expect(post.stdout).not.toContain('::warning::')
  }, TIMEOUT)

  test('docker.from_env() pings the daemon and runs a container', () => {
    const script = SCRIPT.replace(/'/g, `'"'"'`)
    const result = JSON.parse(
      runClientOk(
        nest,
        `python3 -c '${script}' ${IMAGES.busybox} ${nest.runId}`
      )
    )
    expect(result).toEqual({
      ping: true,
      version: nest.main.outputs['server-version'],
      tls: mode === 'dind',
      out: 'from docker-py\n'
    })
  })
})
