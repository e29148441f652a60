/**
 * The docker CLI for this and later steps: the one on PATH, or a static
 * release from the tool cache (downloaded, verified and cached on a miss),
 * added to PATH. Runners without a docker CLI (many container-job images)
 * get one this way.
 */
import * as core from '@actions/core'
import * as tc from '@actions/tool-cache'
import { readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { findOnPath } from '../engine/docker/cli.js'
import { DEFAULT_DOCKER_CLI_VERSION } from '../engine/options/clients.js'
import {
  DOCKER_CLI_TOOL,
  cachedCliProblem,
  parseSha256File,
  sha256OfFile,
  staticArch,
  tarballUrl,
  writeCacheRecord
} from './docker-cli-release.js'
import { errorMessage } from '../engine/errors.js'
import type { DockerCliOptions } from '../engine/types.js'

/**
 * Path of the docker CLI to use. Without `version`, the CLI on PATH when
 * there is one; otherwise the release from the tool cache, added to PATH.
 */
export async function ensureDockerCli(
  options: DockerCliOptions
): Promise<string> {
  const onPath = findOnPath('docker')
  if (!options.version && onPath) return onPath
  const version = options.version || DEFAULT_DOCKER_CLI_VERSION
  const arch = staticArch()
  return core.group(`Docker CLI ${version}`, async () => {
    if (!options.version) {
      core.info(`No docker CLI on PATH; installing ${version}.`)
    }
    const dir =
      (await fromToolCache(options.sha256, version, arch)) ||
      (await install(options, version, arch))
    core.addPath(dir)
    return join(dir, 'docker')
  })
}

/**
 * The cached CLI directory, or '' on a miss. With a pinned sha256 a hit
 * counts only when its record names that tarball and no file changed since
 * it was cached: a runner's tool cache outlives jobs, and an earlier job may
 * have cached the same version from another mirror or without a pin. Such a
 * hit is downloaded again, and replaced only if the download matches.
 */
async function fromToolCache(
  sha256: string,
  version: string,
  arch: string
): Promise<string> {
  const dir = tc.find(DOCKER_CLI_TOOL, version, arch)
  if (!dir) return ''
  if (!sha256) {
    core.info(`Found in the tool cache: ${dir}`)
    return dir
  }
  const problem = await cachedCliProblem(dir, sha256)
  if (problem) {
    core.warning(
      `The docker CLI ${version} in the tool cache (${dir}) cannot be ` +
        `verified against input 'docker-cli-sha256' (${sha256}): ${problem}. ` +
        'Downloading it again instead of using it.'
    )
    return ''
  }
  core.info(`Found in the tool cache: ${dir} (sha256 ${sha256} verified)`)
  return dir
}

async function install(
  options: DockerCliOptions,
  version: string,
  arch: string
): Promise<string> {
  const url = tarballUrl(options.baseUrl, version, arch)
  core.info(`Downloading ${url}`)
  const tarball = await download(url, 'the docker CLI tarball')
  let extracted: string | undefined
  try {
    const sha256 = await verify(tarball, url, options.sha256)
    extracted = await tc.extractTar(tarball)
    // Recorded before cacheDir, so no cached copy is ever without it.
    await writeCacheRecord(join(extracted, 'docker'), sha256)
    const dir = await tc.cacheDir(
      join(extracted, 'docker'),
      DOCKER_CLI_TOOL,
      version,
      arch
    )
    core.info(`Cached in ${dir}`)
    return dir
  } finally {
    await rm(tarball, { force: true })
    if (extracted) await rm(extracted, { recursive: true, force: true })
  }
}

async function download(url: string, what: string): Promise<string> {
  try {
    return await tc.downloadTool(url)
  } catch (error) {
    const status = (error as tc.HTTPError).httpStatusCode
    const cause = status ? `HTTP ${status}` : errorMessage(error)
    throw new Error(
      `Could not download ${what} from ${url} (${cause}). Check input ` +
        "'docker-cli-version' (a release on the server) and " +
        "'docker-cli-url' (the mirror's base URL).",
      { cause: error }
    )
  }
}

/**
 * Checks the tarball against the input digest, else the `.sha256` file next
 * to it, and returns its sha256.
 */
async function verify(
  tarball: string,
  url: string,
  expectedInput: string
): Promise<string> {
  const expected = expectedInput || (await publishedDigest(`${url}.sha256`))
  const actual = await sha256OfFile(tarball)
  if (!expected) {
    core.warning(
      `${url} has no .sha256 file next to it and input 'docker-cli-sha256' ` +
        `is empty, so only the transport protected it (sha256 ${actual}). ` +
        'To fix this, set docker-cli-sha256.'
    )
    return actual
  }
  if (actual !== expected) {
    throw new Error(
      `The docker CLI tarball from ${url} has sha256 ${actual}, expected ` +
        `${expected} (from ${expectedInput ? "input 'docker-cli-sha256'" : `${url}.sha256`}). ` +
        'The download is corrupt or the mirror serves another file; nothing was installed.'
    )
  }
  core.info(`sha256 ${actual} verified`)
  return actual
}

/** The digest from `<url>.sha256`, or '' when the server has none (404). */
async function publishedDigest(url: string): Promise<string> {
  let file: string
  try {
    file = await tc.downloadTool(url)
  } catch (error) {
    if ((error as tc.HTTPError).httpStatusCode === 404) return ''
    throw new Error(`Could not download ${url}: ${errorMessage(error)}`, {
      cause: error
    })
  }
  try {
    return parseSha256File(await readFile(file, 'utf8'))
  } finally {
    await rm(file, { force: true })
  }
}
