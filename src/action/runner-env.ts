/** Facts about the runner taken from its environment. */
import { tmpdir } from 'node:os'

/** Where per-job files go: RUNNER_TEMP (emptied by the runner after each job), else the OS temp dir. */
export function runnerTemp(): string {
  return process.env.RUNNER_TEMP || tmpdir()
}

/** The run's identity for labels: `<run id>-<attempt>`; 'gha' outside a real run. */
export function runPrefix(): string {
  const id = process.env.GITHUB_RUN_ID
  const attempt = process.env.GITHUB_RUN_ATTEMPT ?? '1'
  return id && /^[0-9]+$/.test(id) && /^[0-9]+$/.test(attempt)
    ? `${id}-${attempt}`
    : 'gha'
}
