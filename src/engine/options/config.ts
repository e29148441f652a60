/**
 * Turns raw inputs (Action inputs or CLI flags, all strings) into validated
 * {@link DindOptions}. Every problem names the input, the value and what is
 * valid, and all problems are reported at once, before anything is created.
 *
 * This module assembles the options; each group's rules live in its own
 * module beside it:
 *   inputs.ts        the inputs table, defaults, InputError
 *   primitives.ts    lists, booleans, URLs
 *   mode.ts          mode, image, socket
 *   lifecycle.ts     wait-timeout, cleanup
 *   dockerd-args.ts  dockerd-args (and the flags docker-nest owns)
 *   network.ts       mtu, registry-mirrors, insecure-registries
 *   tls-sans.ts      tls-san
 *   clients.ts       docker-cli-*, set-host, context, testcontainers-host-override
 *   address-pools.ts, daemon-config.ts, runtime.ts, rootless.ts and
 *   ../cache/cache.ts (cache-*): the inputs they are named after
 */
import { parseCacheOptions } from '../cache/cache.js'
import type { CiEnv } from '../cache/scope.js'
import type { DindOptions } from '../types.js'
import { parseAddressPools } from './address-pools.js'
import { parseClients, parseDockerCli } from './clients.js'
import { checkDaemonConfig, parseDaemonConfig } from './daemon-config.js'
import { parseDockerdArgs } from './dockerd-args.js'
import {
  AUTO_IMAGE,
  DEFAULT_DIND_IMAGE,
  InputError,
  RUNNER_IMAGE,
  inputValue as raw,
  type RawInputs
} from './inputs.js'
import { parseCleanup, parseWaitTimeout } from './lifecycle.js'
import { parseImage, parseMode, parseSocket } from './mode.js'
import {
  parseInsecureRegistries,
  parseMtu,
  parseRegistryMirrors
} from './network.js'
import { optionalList, parseBoolean } from './primitives.js'
import { checkRootless, imageFor, parseRootless } from './rootless.js'
import { parseRuntime } from './runtime.js'
import { parseTlsSans } from './tls-sans.js'

export { dockerdFlagNames } from './dockerd-args.js'
export {
  AUTO_IMAGE,
  DEFAULT_DIND_IMAGE,
  RUNNER_IMAGE,
  INPUT_DEFAULTS,
  InputError,
  type InputName,
  type RawInputs
} from './inputs.js'
export { parseBoolean, splitList } from './primitives.js'

/**
 * Validates all inputs and returns the options, or throws one
 * {@link InputError} listing every problem. `env` is the job's environment:
 * its CI variables decide which jobs share a cache (../cache/scope.ts).
 */
export function parseInputs(inputs: RawInputs, env: CiEnv = {}): DindOptions {
  const problems: string[] = []
  const options: DindOptions = {
    mode: parseMode(raw(inputs, 'mode'), problems),
    image: '',
    tls: parseBoolean('tls', raw(inputs, 'tls'), problems),
    waitTimeoutMs: parseWaitTimeout(raw(inputs, 'wait-timeout'), problems),
    dockerdArgs: parseDockerdArgs(inputs['dockerd-args'] ?? '', problems),
    registryMirrors: parseRegistryMirrors(
      raw(inputs, 'registry-mirrors'),
      problems
    ),
    insecureRegistries: parseInsecureRegistries(
      raw(inputs, 'insecure-registries'),
      problems
    ),
    mtu: parseMtu(raw(inputs, 'mtu'), problems),
    tlsSans: parseTlsSans(raw(inputs, 'tls-san'), problems),
    ...parseCleanup(raw(inputs, 'cleanup'), problems),
    socket: parseSocket(raw(inputs, 'socket'), problems),
    socketProxy: parseBoolean(
      'socket-proxy',
      raw(inputs, 'socket-proxy'),
      problems
    ),
    dockerCli: parseDockerCli(inputs, problems),
    clients: parseClients(inputs, problems),
    // Both are left undefined when unset.
    defaultAddressPools: optionalList(
      parseAddressPools(raw(inputs, 'default-address-pools'), problems)
    ),
    daemonConfig: parseDaemonConfig(raw(inputs, 'daemon-config'), problems),
    runtime: parseRuntime(raw(inputs, 'runtime'), problems),
    ...parseRootless(raw(inputs, 'rootless'), problems),
    cache: parseCacheOptions((name) => raw(inputs, name), env, problems),
    fastStart: parseBoolean('fast-start', raw(inputs, 'fast-start'), problems),
    earlyStart: parseBoolean(
      'early-start',
      raw(inputs, 'early-start'),
      problems
    )
  }
  if (options.daemonConfig) {
    checkDaemonConfig(options.daemonConfig, options, problems)
  }
  // The default image follows `rootless`.
  options.image = parseImage(
    imageFor(inputs.image, options.rootless, AUTO_IMAGE, DEFAULT_DIND_IMAGE),
    problems
  )
  checkRootless(options.rootless, options.runtime, problems)
  if (options.rootless && options.image === RUNNER_IMAGE) {
    problems.push(
      "Input 'image' is 'runner', which cannot run rootless: the runner's " +
        "engine runs as root. Use 'auto' or a dind-rootless image."
    )
  }
  if (problems.length > 0) throw new InputError(problems)
  return options
}
