import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DockerCli } from '../../../../src/engine/docker/cli.js'
import {
  ensureRootImage,
  streamError
} from '../../../../src/engine/runner-engine/image-import.js'
import { rootImage } from '../../../../src/engine/runner-engine/root-image.js'

const image = rootImage([{ path: '/bin', target: 'usr/bin' }])
let dir: string

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'runner-root-import-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

interface Seen {
  method?: string
  url?: string
  type?: string
  body: Buffer
}

/** A fake daemon on a unix socket: the image exists once imported; `answer` can fail the import. */
async function fakeDaemon(
  name: string,
  answer: (imported: boolean) => { status: number; body: string } = () => ({
    status: 200,
    body: '{"status":"sha256:0123"}\r\n'
  })
): Promise<{ socket: string; seen: Seen[]; server: Server }> {
  const socket = join(dir, `${name}.sock`)
  const seen: Seen[] = []
  let imported = false
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      seen.push({
        method: req.method,
        url: req.url,
        type: req.headers['content-type'],
        body: Buffer.concat(chunks)
      })
      if (req.method === 'GET') {
        res.statusCode = imported ? 200 : 404
        res.end(imported ? '{}' : '{"message":"No such image"}')
        return
      }
      const { status, body } = answer(imported)
      imported = status === 200 && !body.includes('"error"')
      res.statusCode = status
      res.end(body)
    })
  })
  await new Promise<void>((resolve) => server.listen(socket, resolve))
  return { socket, seen, server }
}

describe('ensureRootImage through the Engine API', () => {
  it('imports the tar with its tag and labels when the image is missing, then finds it', async () => {
    const { socket, seen, server } = await fakeDaemon('api')
    try {
      expect(await ensureRootImage(image, { socketPath: socket })).toBe(
        'imported'
      )
      expect(seen.map((s) => s.method)).toEqual(['GET', 'POST'])
      expect(seen[0].url).toBe(
        `/images/${encodeURIComponent(image.reference)}/json`
      )
      const url = new URL(seen[1].url ?? '', 'http://daemon')
      expect(url.pathname).toBe('/images/create')
      expect(Object.fromEntries(url.searchParams)).toEqual({
        fromSrc: '-',
        repo: 'docker-nest/runner-root',
        tag: image.tag,
        changes: `LABEL docker-nest=true docker-nest.runner-root=${image.digest}`
      })
      expect(seen[1].type).toBe('application/x-tar')
      expect(seen[1].body.equals(image.tar)).toBe(true)

      expect(await ensureRootImage(image, { socketPath: socket })).toBe(
        'present'
      )
      expect(seen.map((s) => s.method)).toEqual(['GET', 'POST', 'GET'])
    } finally {
      server.close()
    }
  })

  it('fails with the daemon’s error from the import stream, naming the image and the socket', async () => {
    const { socket, server } = await fakeDaemon('refused', () => ({
      status: 200,
      body: '{"errorDetail":{"message":"no space left on device"},"error":"no space left on device"}\r\n'
    }))
    try {
      await expect(
        ensureRootImage(image, { socketPath: socket })
      ).rejects.toThrow(
        `Could not put the runner-engine root image ${image.reference} on the runner's daemon (${socket}): no space left on device.`
      )
    } finally {
      server.close()
    }
  })

  it('fails on an HTTP error of the import', async () => {
    const { socket, server } = await fakeDaemon('http-error', () => ({
      status: 500,
      body: '{"message":"boom"}'
    }))
    try {
      await expect(
        ensureRootImage(image, { socketPath: socket })
      ).rejects.toThrow(
        /: HTTP 500 \{"message":"boom"\}\. The image is a \d+-byte tar/
      )
    } finally {
      server.close()
    }
  })
})

describe('ensureRootImage through the docker CLI', () => {
  /** A fake docker: `image inspect` fails until `import` has stored stdin. */
  function fakeCli(inspectError = 'Error: No such image: x'): {
    cli: DockerCli
    log: string
    stored: string
  } {
    const log = join(dir, `cli-${Math.random()}.log`)
    const stored = join(dir, `cli-${Math.random()}.tar`)
    const binary = join(dir, `docker-${Math.random()}`)
    writeFileSync(
      binary,
      `#!/bin/sh
echo "$*" >> '${log}'
case "$1" in
  image) if [ -e '${stored}' ]; then echo sha256:0123; exit 0; fi
    echo '${inspectError}' >&2; exit 1 ;;
  import) cat > '${stored}'; echo sha256:0123 ;;
esac
`,
      { mode: 0o755 }
    )
    const host = {
      DOCKER_HOST: null,
      DOCKER_TLS_VERIFY: null,
      DOCKER_CERT_PATH: null,
      DOCKER_CONTEXT: null
    }
    return { cli: new DockerCli(binary, host), log, stored }
  }

  it('runs docker import with the label change and the tar on stdin, once', async () => {
    const { cli, log, stored } = fakeCli()
    expect(await ensureRootImage(image, { cli })).toBe('imported')
    expect(await ensureRootImage(image, { cli })).toBe('present')
    expect(readFileSync(log, 'utf8').trim().split('\n')).toEqual([
      `image inspect --format {{.Id}} ${image.reference}`,
      `import --change LABEL docker-nest=true docker-nest.runner-root=${image.digest} - ${image.reference}`,
      `image inspect --format {{.Id}} ${image.reference}`
    ])
    expect(readFileSync(stored).equals(image.tar)).toBe(true)
  })

  it('does not import when inspect fails for another reason', async () => {
    const { cli, stored } = fakeCli('Cannot connect to the Docker daemon')
    await expect(ensureRootImage(image, { cli })).rejects.toThrow(
      /docker image inspect .* failed \(exit 1\): Cannot connect to the Docker daemon/
    )
    expect(existsSync(stored)).toBe(false)
  })
})

describe('streamError', () => {
  it.each([
    ['{"status":"sha256:01"}\r\n', undefined],
    ['', undefined],
    ['{"status":"x"}\n{"error":"bad tar"}\n', 'bad tar'],
    ['<html>', 'unreadable answer: <html>']
  ])('[%#] %j → %j', (body, expected) => {
    expect(streamError(body)).toBe(expected)
  })
})
