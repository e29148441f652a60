/**
 * {@link DockerClient} through the docker CLI: every call a `docker`
 * process, which honours the user's contexts, config.json and TLS
 * variables, and pulls a missing image with their registry credentials.
 */
import type { ChildProcess } from 'node:child_process'
import type { DockerCli } from './cli.js'
import type { DockerClient, ExitWatch, RunHooks } from './client.js'
import type { CreateRequest } from './create-request.js'
import { runArgsFromCreate } from './run-args.js'
import type { ContainerInspect } from '../types.js'

/** Every call through `docker`. */
export function cliClient(docker: DockerCli): DockerClient {
  return {
    via: 'docker-cli',
    run: (request, hooks = {}) => runWithCli(docker, request, hooks),
    inspectContainer: (name) => docker.inspect<ContainerInspect>(name),
    copyIn: async (name, tar) => {
      await docker.exec(['cp', '-', `${name}:/`], { input: tar })
    },
    watchExit: (name) => watchExitWithCli(docker, name)
  }
}

/**
 * `docker run --detach` of the request's run-args.ts form: the CLI works
 * in its own process, so both callbacks at once. It attaches nothing.
 */
export async function runWithCli(
  docker: DockerCli,
  request: CreateRequest,
  { onCreating, onStarting, onRunOutput }: RunHooks
): Promise<void> {
  const running = docker.exec(runArgsFromCreate(request), {
    onStderr: onRunOutput
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
