/** How a failed command reaches the user: one message, an exit code, a line for eval. */
import { InputError } from '../engine/options/config.js'
import { DockerCommandError } from '../engine/docker/cli.js'
import { errorMessage } from '../engine/errors.js'
import { failureLine } from './shell.js'
import { EXIT, UsageError } from './usage.js'

/** What docker prints when it cannot reach its daemon. */
const DAEMON_UNREACHABLE =
  /Cannot connect to the Docker daemon|error during connect|permission denied while trying to connect to the Docker daemon/i

/**
 * The message for a failure. A docker call that could not reach the
 * runner's daemon becomes docker's own sentence and the fix, without the
 * internal command line (`docker ps … --format {{…}}`) that failed;
 * `--debug` keeps that.
 */
export function failureMessage(error: unknown, debug: boolean): string {
  if (
    error instanceof DockerCommandError &&
    DAEMON_UNREACHABLE.test(error.stderr) &&
    !debug
  ) {
    const said = error.stderr.trim().split('\n').filter(Boolean).pop() ?? ''
    return (
      `The runner's Docker daemon does not answer: ${said.replace(/^docker: /, '')} ` +
      "Start it, or set DOCKER_HOST to its address; 'docker-nest doctor' checks the host."
    )
  }
  return errorMessage(error)
}

/** 2 for bad usage or input, 1 for the rest. */
export function exitCodeOf(error: unknown): number {
  return error instanceof UsageError || error instanceof InputError
    ? EXIT.usage
    : EXIT.failed
}

/** Commands whose stdout is meant for eval (`eval "$(docker-nest up)"`). */
const EVAL_COMMANDS = ['up', 'env']

/** The --format of a command line, read leniently: it may not have parsed. */
function formatIn(args: string[]): string {
  let format = 'sh'
  args.forEach((arg, i) => {
    if (arg === '--format' && args[i + 1] !== undefined) format = args[i + 1]
    else if (arg.startsWith('--format=')) format = arg.slice('--format='.length)
  })
  return format
}

/**
 * The line a failed `up` or `env` prints on stdout so the eval of its
 * output fails too (see {@link failureLine}); undefined for other commands,
 * other formats, and a terminal, where no eval reads it.
 */
export function evalGuard(
  argv: string[],
  exitCode: number,
  stdoutIsTty = Boolean(process.stdout.isTTY)
): string | undefined {
  const [command, ...rest] = argv
  if (exitCode === 0 || stdoutIsTty || !EVAL_COMMANDS.includes(command)) {
    return undefined
  }
  return failureLine(formatIn(rest), command, exitCode)
}
