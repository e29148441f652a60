/**
 * A registry-like HTTP server for mirror tests (no registry is reachable on
 * the test machines): just enough of the registry v2 API (`/v2/`, manifests,
 * blobs) to let a daemon pull one image, built from `docker save` of a local
 * image. It records every request, so a test can prove the pull came here.
 */
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { gzipSync } from 'node:zlib'

const MANIFEST_V2 = 'application/vnd.docker.distribution.manifest.v2+json'

/** A running fake registry. */
export interface FakeRegistry {
  /** `http://<host>:<port>` */
  url: string
  /** `METHOD /path` of every request, in order. */
  requests: string[]
  close(): Promise<void>
}

/** Files of a tar archive by name (regular files only; enough for `docker save`). */
export function readTar(tar: Buffer): Map<string, Buffer> {
  const files = new Map<string, Buffer>()
  let offset = 0
  while (offset + 512 <= tar.length) {
    const header = tar.subarray(offset, offset + 512)
    if (header.every((byte) => byte === 0)) break
    const field = (from: number, length: number) =>
      header
        .subarray(from, from + length)
        .toString('utf8')
        .replace(/\0.*$/s, '')
    const prefix = field(345, 155)
    const name = (prefix ? `${prefix}/` : '') + field(0, 100)
    const size = parseInt(field(124, 12).trim() || '0', 8)
    const type = field(156, 1)
    const body = tar.subarray(offset + 512, offset + 512 + size)
    if (type === '0' || type === '') files.set(name, Buffer.from(body))
    offset += 512 + Math.ceil(size / 512) * 512
  }
  return files
}

function sha256(data: Buffer): string {
  return `sha256:${createHash('sha256').update(data).digest('hex')}`
}

/** Manifest and blobs (by digest) for a local image, from `docker save`. */
export function imageContent(image: string): {
  manifest: Buffer
  digest: string
  blobs: Map<string, Buffer>
} {
  // Not helpers' docker(): it decodes stdout as text, and a tar is bytes.
  const saved = spawnSync('docker', ['save', image], {
    maxBuffer: 512 * 1024 * 1024
  })
  if (saved.status !== 0)
    throw new Error(`docker save ${image}: ${saved.stderr}`)
  const files = readTar(saved.stdout)
  const [entry] = JSON.parse(String(files.get('manifest.json'))) as Array<{
    Config: string
    Layers: string[]
  }>
  const config = files.get(entry.Config) as Buffer
  const blobs = new Map<string, Buffer>([[sha256(config), config]])
  const layers = entry.Layers.map((path) => {
    const gz = gzipSync(files.get(path) as Buffer)
    blobs.set(sha256(gz), gz)
    return {
      mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
      size: gz.length,
      digest: sha256(gz)
    }
  })
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MANIFEST_V2,
      config: {
        mediaType: 'application/vnd.docker.container.image.v1+json',
        size: config.length,
        digest: sha256(config)
      },
      layers
    })
  )
  return { manifest, digest: sha256(manifest), blobs }
}

/**
 * Serves `image` as `<repository>:latest` (any repository name) on
 * `host`, on an ephemeral port.
 */
export async function startFakeRegistry(
  image: string,
  host: string
): Promise<FakeRegistry> {
  const { manifest, digest, blobs } = imageContent(image)
  const requests: string[] = []
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0]
    requests.push(`${req.method} ${path}`)
    const send = (status: number, body: Buffer, type: string, extra = {}) => {
      res.writeHead(status, {
        'Content-Type': type,
        'Content-Length': body.length,
        'Docker-Distribution-API-Version': 'registry/2.0',
        ...extra
      })
      res.end(req.method === 'HEAD' ? undefined : body)
    }
    if (path === '/v2/' || path === '/v2') {
      return send(200, Buffer.from('{}'), 'application/json')
    }
    const match = /^\/v2\/(.+)\/(manifests|blobs)\/([^/]+)$/.exec(path)
    if (match?.[2] === 'manifests' && ['latest', digest].includes(match[3])) {
      return send(200, manifest, MANIFEST_V2, {
        'Docker-Content-Digest': digest
      })
    }
    const blob = match?.[2] === 'blobs' ? blobs.get(match[3]) : undefined
    if (blob) {
      return send(200, blob, 'application/octet-stream', {
        'Docker-Content-Digest': match?.[3]
      })
    }
    send(
      404,
      Buffer.from(
        JSON.stringify({
          errors: [{ code: 'MANIFEST_UNKNOWN', message: 'unknown' }]
        })
      ),
      'application/json'
    )
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, host, () => resolve())
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://${host}:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
