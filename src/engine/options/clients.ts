/**
 * Inputs for the clients of later steps: the docker CLI to install
 * (`docker-cli-version`, `-url`, `-sha256`), and what main sets up for them
 * (`set-host`, `context`, `testcontainers-host-override`). Setting these up
 * is the Action's work; the rules these inputs must meet live here, with the
 * inputs they check, and the Action imports them from here.
 */
import { isIP } from 'node:net'
import type { ClientOptions, DockerCliOptions } from '../types.js'
import { INPUT_DEFAULTS, inputValue, type RawInputs } from './inputs.js'
import { isHttpUrl, parseBoolean, quote } from './primitives.js'

/** Installed when `docker-cli-version` is empty and no docker CLI is on PATH. */
export const DEFAULT_DOCKER_CLI_VERSION = '29.0.0'

/** Docker's context name rule (docker/cli `store.validateContextName`). */
export const CONTEXT_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.+-]+$/

/**
 * Where `docker-cli-*` inputs, each valid on its own, would let an unchecked
 * CLI in: plain http to another host without a pinned digest (whoever is on
 * the path can swap the tarball and its `.sha256` file alike), or a digest
 * with no version (the CLI on PATH is used and the digest ignored). Loopback
 * http stays on the machine, as for Docker's own registries.
 */
export function dockerCliTrustProblems(options: DockerCliOptions): string[] {
  const problems: string[] = []
  const url = new URL(options.baseUrl)
  const loopback =
    url.hostname === 'localhost' ||
    url.hostname === '[::1]' ||
    (isIP(url.hostname) === 4 && url.hostname.startsWith('127.'))
  if (url.protocol === 'http:' && !loopback && !options.sha256) {
    problems.push(
      `Input 'docker-cli-url' must be https, got ` +
        `'http://${url.host}${url.pathname}': over plain http anyone on the ` +
        'path can swap the tarball and its .sha256 file. Use https, or pin ' +
        "the tarball with input 'docker-cli-sha256' (plain http is also " +
        'accepted for localhost, 127.0.0.0/8 and [::1]).'
    )
  }
  if (/^[a-f0-9]{64}$/.test(options.sha256) && !options.version) {
    problems.push(
      `Input 'docker-cli-sha256' pins the tarball of one release, so set ` +
        `input 'docker-cli-version' too (e.g. '${DEFAULT_DOCKER_CLI_VERSION}'); ` +
        'without it the docker CLI on PATH is used unchecked.'
    )
  }
  return problems
}

/**
 * The problem with a context name, or undefined when Docker accepts it.
 *
 * @param name The value of input `context`.
 */
export function contextNameProblem(name: string): string | undefined {
  if (name === '') return undefined
  if (name === 'default' || !CONTEXT_NAME.test(name)) {
    return (
      `Input 'context' must be a docker context name (letters, digits and ` +
      `'_.+-', at least 2 characters, not 'default'), got '${name}'.`
    )
  }
  return undefined
}

/** The `docker-cli-*` inputs: a release, an http(s) base URL and an optional sha256. */
export function parseDockerCli(
  inputs: RawInputs,
  problems: string[]
): DockerCliOptions {
  const version = inputValue(inputs, 'docker-cli-version')
  const baseUrl = inputValue(inputs, 'docker-cli-url').replace(/\/+$/, '')
  const sha256 = inputValue(inputs, 'docker-cli-sha256').toLowerCase()
  if (
    version !== '' &&
    !/^[0-9]+\.[0-9]+\.[0-9]+([-.+][0-9A-Za-z.-]+)?$/.test(version)
  ) {
    problems.push(
      `Input 'docker-cli-version' must be a release such as '29.0.0', ` +
        `got ${quote(version)}.`
    )
  }
  if (!isHttpUrl(baseUrl)) {
    problems.push(
      `Input 'docker-cli-url' must be an http(s) URL such as ` +
        `'${INPUT_DEFAULTS['docker-cli-url']}', got ${quote(baseUrl)}.`
    )
  } else {
    problems.push(...dockerCliTrustProblems({ version, baseUrl, sha256 }))
  }
  if (sha256 !== '' && !/^[a-f0-9]{64}$/.test(sha256)) {
    problems.push(
      `Input 'docker-cli-sha256' must be 64 hex digits, got ${quote(sha256)}.`
    )
  }
  return { version, baseUrl, sha256 }
}

/** `set-host`, `context` (a docker context name or '') and `testcontainers-host-override`. */
export function parseClients(
  inputs: RawInputs,
  problems: string[]
): ClientOptions {
  const setHost = parseBoolean(
    'set-host',
    inputValue(inputs, 'set-host'),
    problems
  )
  const context = inputValue(inputs, 'context')
  const contextProblem = contextNameProblem(context)
  if (contextProblem) problems.push(contextProblem)
  return {
    setHost,
    context,
    testcontainersHostOverride: parseBoolean(
      'testcontainers-host-override',
      inputValue(inputs, 'testcontainers-host-override'),
      problems
    )
  }
}
