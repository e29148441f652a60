/**
 * Inputs for the clients of later steps: the docker CLI to install
 * (`docker-cli-version`, `-url`, `-sha256`), and what main sets up for them
 * (`set-host`, `context`, `testcontainers-host-override`). Setting these up
 * is the Action's work (../clients/); only their validation rules are
 * imported from there, so the rules and the code they guard stay together.
 */
import { dockerCliTrustProblems } from '../clients/docker-cli-release.js'
import { contextNameProblem } from '../clients/docker-context.js'
import type { ClientOptions, DockerCliOptions } from '../types.js'
import { INPUT_DEFAULTS, inputValue, type RawInputs } from './inputs.js'
import { isHttpUrl, parseBoolean, quote } from './primitives.js'

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
