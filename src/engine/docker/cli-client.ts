/**
 * {@link DockerClient} through the docker CLI: every call a `docker`
 * process, which honours the user's contexts, config.json and TLS
 * variables, and pulls a missing image with their registry credentials.
 */
import type { ChildProcess } from 'node:child_process'
import {
  DockerCommandError,
  isNoSuchObject,
  type DockerCli,
  type DockerExecOptions
} from './cli.js'
import type {
  ContainerDetails,
  DockerClient,
  ExitWatch,
  ListedContainer,
  ListedVolume,
  Outcome,
  RunHooks,
  VolumeDetails
} from './client.js'
import type { CreateRequest } from './create-request.js'
import { runArgsFromCreate } from './run-args.js'
import type { ContainerInspect } from '../types.js'

/** How long an image lookup or import may take. */
const IMAGE_TIMEOUT_MS = 30_000

/** Every call through `docker`. */
export function cliClient(docker: DockerCli): DockerClient {
  const attempt = async (
    args: string[],
    options?: DockerExecOptions
  ): Promise<Outcome> => {
    const result = await docker.tryExec(args, options)
    return result.exitCode === 0
      ? { ok: true, error: '' }
      : { ok: false, error: result.stderr.trim() || `exit ${result.exitCode}` }
  }
  return {
    via: 'docker-cli',
    daemon: describeHost(docker),
    run: (request, hooks = {}) => runWithCli(docker, request, hooks),
    inspectContainer: (name) => docker.inspect<ContainerInspect>(name),
    copyIn: async (name, tar) => {
      await docker.exec(['cp', '-', `${name}:/`], { input: tar })
    },
    watchExit: (name) => watchExitWithCli(docker, name),
    findContainer: (name) =>
      inspectOne<ContainerDetails>(docker, [
        'inspect',
        '--type',
        'container',
        name
      ]),
    findVolume: (name) =>
      inspectOne<VolumeDetails>(docker, ['volume', 'inspect', name]),
    listLabelled: (label, keys) => listWithCli(docker, label, keys),
    labelledIds: async (kind, label) => {
      const list = kind === 'container' ? ['ps', '--all'] : [kind, 'ls']
      const filter = ['--filter', `label=${label}`]
      const { stdout } = await docker.exec([...list, '--quiet', ...filter])
      return stdout.split('\n').filter((id) => id.trim() !== '')
    },
    networkEndpoints: async (network) => {
      const names = '{{range .Containers}}{{.Name}}{{"\\n"}}{{end}}'
      const inspect = ['network', 'inspect', '--format', names, network]
      const { stdout } = await docker.exec(inspect)
      return stdout.split('\n').filter((name) => name.trim() !== '')
    },
    disconnectNetwork: (network, endpoint) =>
      attempt(['network', 'disconnect', '--force', network, endpoint]),
    removeNetwork: (network) => attempt(['network', 'rm', network]),
    kill: (id, signal) => attempt(['kill', '--signal', signal, id]),
    // A `docker wait` still running at the deadline is killed: not stopped.
    waitStopped: (id, timeoutMs) => attempt(['wait', id], { timeoutMs }),
    stop: (id, graceSeconds) =>
      attempt(['stop', '--time', String(graceSeconds), id]),
    removeContainer: (id) => attempt(['rm', '--force', '--volumes', id]),
    removeVolume: (name, { force = false } = {}) =>
      attempt(['volume', 'rm', ...(force ? ['--force'] : []), name]),
    imageExists: async (reference) => {
      const args = ['image', 'inspect', '--format', '{{.Id}}', reference]
      const found = await docker.tryExec(args, { timeoutMs: IMAGE_TIMEOUT_MS })
      if (found.exitCode === 0) return true
      if (/no such image/i.test(found.stderr) || isNoSuchObject(found.stderr)) {
        return false
      }
      throw new DockerCommandError(args, found.exitCode, found.stderr)
    },
    importImage: async (tar, reference, changes) => {
      await docker.exec(
        [
          'import',
          ...changes.flatMap((change) => ['--change', change]),
          '-',
          reference
        ],
        { input: tar, timeoutMs: IMAGE_TIMEOUT_MS }
      )
    },
    logTail: async (name, lines) => {
      const args = ['logs', '--tail', String(lines), name]
      const logs = await docker.tryExec(args)
      if (logs.exitCode !== 0) {
        throw new DockerCommandError(args, logs.exitCode, logs.stderr)
      }
      // dockerd logs to stderr: both streams, stderr last.
      return [logs.stdout, logs.stderr]
        .filter((text) => text.trim() !== '')
        .join('\n')
    }
  }
}

/** How the CLI reaches the daemon, for messages. */
function describeHost(docker: DockerCli): string {
  const { DOCKER_HOST: host, DOCKER_CONTEXT: context } = docker.host ?? {}
  if (context) return `docker context ${context}`
  return host ? `DOCKER_HOST ${host}` : 'the docker CLI’s default daemon'
}

/** The first object `docker … inspect` prints; undefined when there is no such object. */
async function inspectOne<T>(
  docker: DockerCli,
  args: string[]
): Promise<T | undefined> {
  const result = await docker.tryExec(args)
  if (result.exitCode === 0) return (JSON.parse(result.stdout) as T[])[0]
  if (isNoSuchObject(result.stderr)) return undefined
  throw new DockerCommandError(args, result.exitCode, result.stderr)
}

/**
 * `docker ps --all` and `docker volume ls` filtered by `label`, one
 * tab-separated row each: the id and name, or the name, then one
 * `{{.Label "key"}}` per key (the CLI's `.Labels` is a comma-joined string
 * that a value with a comma would break). An absent label prints ''.
 */
async function listWithCli(
  docker: DockerCli,
  label: string,
  keys: readonly string[]
): Promise<{ containers: ListedContainer[]; volumes: ListedVolume[] }> {
  const columns = keys.map((key) => `{{.Label ${JSON.stringify(key)}}}`)
  const filter = ['--filter', `label=${label}`]
  const [containers, volumes] = await Promise.all([
    docker.exec([
      'ps',
      '--all',
      '--no-trunc',
      ...filter,
      '--format',
      ['{{.ID}}', '{{.Names}}', ...columns].join('\t')
    ]),
    docker.exec([
      'volume',
      'ls',
      ...filter,
      '--format',
      ['{{.Name}}', ...columns].join('\t')
    ])
  ])
  const rows = (text: string) =>
    text
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => line.split('\t'))
  const labels = (values: string[]) =>
    Object.fromEntries(
      keys.flatMap((key, i) => (values[i] ? [[key, values[i]]] : []))
    )
  return {
    containers: rows(containers.stdout).map(([id, names = '', ...values]) => ({
      id,
      name: names.split(',')[0],
      labels: labels(values)
    })),
    volumes: rows(volumes.stdout).map(([name, ...values]) => ({
      name,
      labels: labels(values)
    }))
  }
}

/**
 * `docker run --detach` of the request's run-args.ts form: the CLI works
 * in its own process, so both callbacks at once. It attaches nothing.
 */
export async function runWithCli(
  docker: DockerCli,
  request: CreateRequest,
  { onCreating, onStarting, onRunOutput, timeoutMs }: RunHooks
): Promise<void> {
  const running = docker.exec(runArgsFromCreate(request), {
    onStderr: onRunOutput,
    timeoutMs
  })
  onCreating?.()
  onStarting?.()
  await running
}

/**
 * Watches the container with `docker wait` (one process, no polling) so the
 * readiness loop stops as soon as the daemon dies.
 */
function watchExitWithCli(docker: DockerCli, name: string): ExitWatch {
  let child: ChildProcess | undefined = docker.spawn(['wait', name])
  const exited = new Promise<string>((resolve) => {
    let out = ''
    child?.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()))
    child?.on('close', () => {
      // Only a printed exit code means the container stopped; anything else is the watcher failing.
      const code = out.trim()
      if (/^\d+$/.test(code)) resolve(`the sidecar exited with code ${code}`)
    })
    child?.on('error', () => undefined)
  })
  child.stdin?.end()
  child.unref()
  return {
    exited,
    stopWatching() {
      child?.kill()
      child = undefined
    }
  }
}
