/**
 * The one place that runs the docker CLI. Failure is decided by exit code
 * alone and reported as one {@link DockerCommandError}. The runner's client
 * (client.ts) goes this way wherever only the CLI honours the user's own
 * client settings — contexts, config dir, TLS variables — for the runner's
 * daemon, and for the calls not made over the Engine API yet.
 */
import type { ChildProcess } from 'node:child_process'
import { accessSync, constants } from 'node:fs'
import { delimiter, join } from 'node:path'
import { lazyChildProcess } from '../util/lazy-builtins.js'
import { HOST_DOCKER_ENV_KEYS, type HostDockerEnv } from '../types.js'

/** Options for one docker CLI call. */
export interface DockerExecOptions {
  /** Bytes written to the command's stdin (e.g. a tar stream for `docker cp -`). */
  input?: Buffer | string
  /** Kill the command after this many milliseconds. */
  timeoutMs?: number
  /** Called with the command's stderr as it comes (e.g. `docker run` pulling). */
  onStderr?: (chunk: string) => void
}

/** What a finished docker CLI call returned. */
export interface DockerResult {
  exitCode: number
  stdout: string
  stderr: string
}

const STDERR_TAIL_LINES = 20

/** A docker CLI call that exited non-zero (or could not start). */
export class DockerCommandError extends Error {
  constructor(
    readonly args: string[],
    readonly exitCode: number,
    readonly stderr: string
  ) {
    const tail = stderr.trim().split('\n').slice(-STDERR_TAIL_LINES).join('\n')
    // The sidecar's start script is one argument of a few hundred lines:
    // name it instead of printing it.
    const shown = args.map((arg) =>
      arg.includes('\n') ? `<${arg.split('\n').length}-line script>` : arg
    )
    super(`docker ${shown.join(' ')} failed (exit ${exitCode}): ${tail}`)
    this.name = 'DockerCommandError'
  }
}

/** Finds an executable on PATH, like `which`. */
export function findOnPath(
  name: string,
  pathVar = process.env.PATH ?? ''
): string | undefined {
  for (const dir of pathVar.split(delimiter)) {
    if (!dir) continue
    const candidate = join(dir, name)
    try {
      accessSync(candidate, constants.X_OK)
      return candidate
    } catch {
      // not here; keep looking
    }
  }
  return undefined
}

/** Reads the runner's docker client settings from an environment. */
export function captureHostDockerEnv(
  env: NodeJS.ProcessEnv = process.env
): HostDockerEnv {
  const captured = {} as HostDockerEnv
  for (const key of HOST_DOCKER_ENV_KEYS) captured[key] = env[key] ?? null
  return captured
}

/**
 * Returns `base` with the docker client variables replaced by `host`'s.
 * Everything else stays the user's, DOCKER_CONTENT_TRUST included: with it
 * set, the sidecar image must be signed, as the user's own `docker run`
 * would require.
 */
export function envForHostDaemon(
  host: HostDockerEnv,
  base: NodeJS.ProcessEnv = process.env
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base }
  for (const key of HOST_DOCKER_ENV_KEYS) {
    const value = host[key]
    if (value === null) delete env[key]
    else env[key] = value
  }
  return env
}

/** Thrown by {@link DockerCli.exec} once {@link DockerCli.cancel} was called. */
export class CancelledError extends Error {
  constructor(args: string[]) {
    super(`Cancelled before docker ${args[0] ?? ''} ${args[1] ?? ''}`.trim())
    this.name = 'CancelledError'
  }
}

/** The docker CLI bound to one daemon (the runner's). */
export class DockerCli {
  private readonly env: NodeJS.ProcessEnv
  /** Calls still running: a cancelled step waits for them (see {@link settle}). */
  private readonly inFlight = new Set<Promise<unknown>>()
  private cancelled = false

  constructor(
    readonly binary: string,
    /** The runner's client settings this CLI runs with. */
    readonly host: HostDockerEnv,
    private readonly debug: (message: string) => void = () => undefined
  ) {
    this.env = envForHostDaemon(host)
  }

  /** Locates the docker CLI on PATH; throws a clear error when there is none. */
  static locate(
    host: HostDockerEnv,
    debug?: (message: string) => void
  ): DockerCli {
    const binary = findOnPath('docker')
    if (!binary) {
      throw new Error(
        'The docker CLI is not on PATH. docker-nest drives the runner’s ' +
          'Docker daemon through it: install Docker on the runner (hosted ' +
          'ubuntu runners have it) or add the docker binary to PATH.'
      )
    }
    return new DockerCli(binary, host, debug)
  }

  /** Runs `docker <args>`; throws {@link DockerCommandError} on a non-zero exit. */
  async exec(args: string[], options: DockerExecOptions = {}) {
    if (this.cancelled) throw new CancelledError(args)
    const result = await this.tryExec(args, options)
    if (result.exitCode !== 0) {
      throw new DockerCommandError(args, result.exitCode, result.stderr)
    }
    return result
  }

  /**
   * Refuses every later call (they fail with {@link CancelledError}). Calls
   * already running go on: a half-finished `docker run` still creates its
   * container, so the caller should {@link settle} before exiting.
   */
  cancel(): void {
    this.cancelled = true
  }

  /**
   * Waits until no call is running, or `timeoutMs` passed.
   * @returns true when everything finished in time.
   */
  async settle(timeoutMs: number): Promise<boolean> {
    const deadline = performance.now() + timeoutMs
    while (this.inFlight.size > 0) {
      const left = deadline - performance.now()
      if (left <= 0) return false
      let timer: NodeJS.Timeout | undefined
      await Promise.race([
        Promise.allSettled([...this.inFlight]),
        new Promise((resolve) => (timer = setTimeout(resolve, left)))
      ])
      clearTimeout(timer)
    }
    return true
  }

  /**
   * Runs `call` (an Engine API request that stands in for `docker <args>`,
   * see api-client.ts) under the same rules as a CLI call: refused with
   * {@link CancelledError} after {@link cancel}, waited for by {@link settle}.
   */
  track<T>(args: string[], call: () => Promise<T>): Promise<T> {
    if (this.cancelled) return Promise.reject(new CancelledError(args))
    const running = call()
    this.inFlight.add(running)
    void running.then(
      () => this.inFlight.delete(running),
      () => this.inFlight.delete(running)
    )
    return running
  }

  /** Runs `docker <args>` and returns the result whatever the exit code. */
  tryExec(
    args: string[],
    options: DockerExecOptions = {}
  ): Promise<DockerResult> {
    if (this.cancelled) {
      return Promise.resolve({
        exitCode: 130,
        stdout: '',
        stderr: new CancelledError(args).message
      })
    }
    const call = this.run(args, options)
    this.inFlight.add(call)
    void call.finally(() => this.inFlight.delete(call))
    return call
  }

  private run(
    args: string[],
    options: DockerExecOptions
  ): Promise<DockerResult> {
    const started = performance.now()
    return new Promise((resolve) => {
      const child = this.spawn(args)
      const out: Buffer[] = []
      const err: Buffer[] = []
      child.stdout?.on('data', (chunk: Buffer) => out.push(chunk))
      child.stderr?.on('data', (chunk: Buffer) => {
        err.push(chunk)
        options.onStderr?.(chunk.toString('utf8'))
      })
      const timer =
        options.timeoutMs === undefined
          ? undefined
          : setTimeout(() => child.kill('SIGKILL'), options.timeoutMs)
      const finish = (exitCode: number, extra = '') => {
        if (timer) clearTimeout(timer)
        const ms = Math.round(performance.now() - started)
        this.debug(
          `docker.exec: ${args[0]} ${args[1] ?? ''} -> ${exitCode} (${ms} ms)`
        )
        resolve({
          exitCode,
          stdout: Buffer.concat(out).toString('utf8'),
          stderr: Buffer.concat(err).toString('utf8') + extra
        })
      }
      child.on('error', (error) => finish(127, String(error.message)))
      child.on('close', (code, signal) =>
        finish(code ?? 128, signal ? `killed by ${signal}` : '')
      )
      child.stdin?.on('error', () => undefined) // the command may exit before reading
      child.stdin?.end(options.input)
    })
  }

  /** Spawns `docker <args>` with piped stdio; for long-lived watchers. */
  spawn(args: string[]): ChildProcess {
    return lazyChildProcess().spawn(this.binary, args, {
      env: this.env,
      stdio: ['pipe', 'pipe', 'pipe']
    })
  }

  /** `docker inspect` of one object, parsed. */
  async inspect<T>(name: string): Promise<T> {
    const { stdout } = await this.exec(['inspect', '--type', 'container', name])
    return (JSON.parse(stdout) as T[])[0]
  }

  /** Removes a container and its anonymous volumes; false when it failed for a reason other than "gone". */
  async tryRemoveContainer(name: string): Promise<boolean> {
    const result = await this.tryExec(['rm', '--force', '--volumes', name])
    return result.exitCode === 0 || isNoSuchObject(result.stderr)
  }

  /** Removes a volume; false when it failed for a reason other than "gone". */
  async tryRemoveVolume(name: string): Promise<boolean> {
    const result = await this.tryExec(['volume', 'rm', '--force', name])
    return result.exitCode === 0 || isNoSuchObject(result.stderr)
  }
}

/** True when docker's error text says the object does not exist. */
export function isNoSuchObject(stderr: string): boolean {
  return /no such (container|volume|network|object)|not found/i.test(stderr)
}
