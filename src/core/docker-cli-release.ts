/**
 * The static docker CLI tarballs (`<base>/<arch>/docker-<version>.tgz`, as on
 * download.docker.com): where they are, and how to check one. Downloading and
 * caching are the Action's (tool cache); this part is pure.
 */
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'

/** Installed when `docker-cli-version` is empty and no docker CLI is on PATH. */
export const DEFAULT_DOCKER_CLI_VERSION = '29.0.0'

/** The tool-cache name of the CLI. */
export const DOCKER_CLI_TOOL = 'docker-cli'

const STATIC_ARCH: Record<string, string> = {
  x64: 'x86_64',
  arm64: 'aarch64',
  arm: 'armhf',
  s390x: 's390x',
  ppc64: 'ppc64le'
}

/** The folder name the static tarballs use for a Node `process.arch`. */
export function staticArch(arch: string = process.arch): string {
  const mapped = STATIC_ARCH[arch]
  if (!mapped) {
    throw new Error(
      `There is no static docker CLI for this runner's architecture (${arch}); ` +
        'install Docker on the runner instead of setting docker-cli-version.'
    )
  }
  return mapped
}

/** URL of one release tarball. */
export function tarballUrl(
  baseUrl: string,
  version: string,
  arch: string
): string {
  return `${baseUrl}/${arch}/docker-${version}.tgz`
}

/** The digest in a `sha256sum`-style file ("<hex>  <name>" or just "<hex>"). */
export function parseSha256File(text: string): string {
  const digest = text.trim().split(/\s+/)[0]?.toLowerCase() ?? ''
  if (!/^[a-f0-9]{64}$/.test(digest)) {
    throw new Error(
      `The .sha256 file does not start with a sha256 digest: '${text.trim().slice(0, 80)}'`
    )
  }
  return digest
}

/** sha256 of a file, hex. */
export function sha256OfFile(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256')
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('hex')))
      .on('error', reject)
  })
}
