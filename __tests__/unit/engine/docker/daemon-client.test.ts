import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  getJsonOrText,
  requestAnswer,
  type DaemonEndpoint
} from '../../../../src/engine/docker/daemon-client.js'

let dir: string
let server: Server
let endpoint: DaemonEndpoint

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'daemon-client-'))
  const socketPath = join(dir, 'docker.sock')
  server = createServer((req, res) => {
    if (req.url === '/networks/bridge') {
      res.end('{"Options":{"com.docker.network.driver.mtu":"1400"}}')
    } else {
      res.statusCode = 404
      res.end('{"message":"network gone not found"}')
    }
  })
  await new Promise<void>((resolve) => server.listen(socketPath, resolve))
  endpoint = { host: 'localhost', port: 0, socketPath }
})

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
  rmSync(dir, { recursive: true, force: true })
})

describe('requestAnswer', () => {
  test('resolves with status and body, a 404 too (the daemon answered)', async () => {
    await expect(
      requestAnswer(endpoint, '/networks/bridge', 1000)
    ).resolves.toEqual({
      status: 200,
      body: '{"Options":{"com.docker.network.driver.mtu":"1400"}}'
    })
    await expect(
      requestAnswer(endpoint, '/networks/gone', 1000)
    ).resolves.toEqual({
      status: 404,
      body: '{"message":"network gone not found"}'
    })
  })

  test('rejects when nothing answers', async () => {
    await expect(
      requestAnswer(
        { ...endpoint, socketPath: join(dir, 'nobody.sock') },
        '/_ping',
        1000
      )
    ).rejects.toThrow(/ENOENT/)
  })
})

describe('getJsonOrText', () => {
  test('rejects a non-2xx answer with the method, path, status and body', async () => {
    await expect(
      getJsonOrText(endpoint, '/networks/gone', 1000)
    ).rejects.toThrow(
      'GET /networks/gone: HTTP 404 {"message":"network gone not found"}'
    )
  })
})
