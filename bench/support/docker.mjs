/**
 * The docker CLI calls the bench makes itself (stock and floor methods,
 * checks and cleanup). Every call goes to the host daemon: DOCKER_HOST and
 * friends are whatever the bench was started with, never a nest's.
 */
import { StepError, runProcess, tail } from './proc.mjs'

/**
 * Runs `docker <args>` and returns its trimmed stdout; throws a
 * {@link StepError} with the stderr on a non-zero exit.
 *
 * @param {string[]} args
 * @param {object} [options]
 * @param {Buffer} [options.input] Sent to stdin (e.g. a tar for `docker cp -`).
 * @returns {Promise<string>}
 */
export async function docker(args, options = {}) {
  const result = await runProcess('docker', args, options)
  if (result.code !== 0) {
    throw new StepError(
      `docker ${args.slice(0, 2).join(' ')} failed (exit ${result.code ?? result.signal}):\n` +
        tail(result.stderr || result.stdout)
    )
  }
  return result.stdout.trim()
}

/**
 * Like {@link docker} but never throws.
 *
 * @param {string[]} args
 * @returns {Promise<{ ok: boolean, stdout: string, stderr: string }>}
 */
export async function tryDocker(args) {
  try {
    const result = await runProcess('docker', args)
    return {
      ok: result.code === 0,
      stdout: result.stdout.trim(),
      stderr: result.stderr.trim()
    }
  } catch (error) {
    return { ok: false, stdout: '', stderr: String(error.message ?? error) }
  }
}

/**
 * The host port published for `containerPort` on 127.0.0.1, as a user script
 * would read it after `docker run -p 127.0.0.1::<port>`.
 *
 * @param {string} container
 * @param {number} containerPort
 * @returns {Promise<number>}
 */
export async function publishedPort(container, containerPort) {
  const out = await docker(['port', container, `${containerPort}/tcp`])
  const line = out.split('\n').find((entry) => entry.startsWith('127.0.0.1:'))
  const port = Number(line?.slice('127.0.0.1:'.length))
  if (!port) {
    throw new StepError(
      `docker port ${container} ${containerPort}/tcp printed '${out}'`
    )
  }
  return port
}

/**
 * Containers and volumes carrying `label`, optionally only those whose label
 * value passes `accept`.
 *
 * @param {string} label Label key.
 * @param {(value: string) => boolean} [accept]
 * @returns {Promise<{ containers: string[], volumes: string[] }>}
 */
export async function findLabelled(label, accept = () => true) {
  const format = `{{.ID}}\t{{.Label "${label}"}}`
  const containers = await docker([
    'ps',
    '--all',
    '--filter',
    `label=${label}`,
    '--format',
    format
  ])
  const volumes = await docker([
    'volume',
    'ls',
    '--filter',
    `label=${label}`,
    '--format',
    format.replace('.ID', '.Name')
  ])
  const pick = (out) =>
    out
      .split('\n')
      .filter(Boolean)
      .map((row) => row.split('\t'))
      .filter(([, value]) => accept(value ?? ''))
      .map(([id]) => id)
  return { containers: pick(containers), volumes: pick(volumes) }
}

/**
 * Removes containers (with their anonymous volumes) and then volumes.
 *
 * @param {{ containers: string[], volumes: string[] }} found
 * @returns {Promise<string[]>} What could not be removed, with the reason.
 */
export async function removeAll({ containers, volumes }) {
  const failures = []
  if (containers.length > 0) {
    const rm = await tryDocker(['rm', '--force', '--volumes', ...containers])
    if (!rm.ok)
      failures.push(`containers ${containers.join(' ')}: ${rm.stderr}`)
  }
  for (const volume of volumes) {
    const rm = await tryDocker(['volume', 'rm', '--force', volume])
    if (!rm.ok) failures.push(`volume ${volume}: ${rm.stderr}`)
  }
  return failures
}
