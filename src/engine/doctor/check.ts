/** The shapes the doctor's checks share: a result row and what they may ask of the host. */

/** ok: fine; warn: works, with a cost or a risk; fail: a nest will not start; info: for the record. */
export type CheckStatus = 'ok' | 'warn' | 'fail' | 'info'

/** One row of the doctor's table. */
export interface CheckResult {
  check: string
  status: CheckStatus
  detail: string
  fix?: string
}

/** What the checks may ask of the host. */
import type { RunnerEngineDiscovery } from '../runner-engine/types.js'

export interface DoctorHost {
  /** File contents, or undefined when the file cannot be read. */
  read(path: string): Promise<string | undefined>
  /** `docker <args>`: exit code and output; undefined when there is no docker CLI. */
  docker?(
    args: string[]
  ): Promise<{ exitCode: number; stdout: string; stderr: string }>
  /** Image for the --privileged probe. */
  probeImage: string
  /** Path of an executable on the runner's PATH, or undefined. */
  which?(name: string): Promise<string | undefined>
  /** Permission bits of a file, or undefined when it does not exist. */
  fileMode?(path: string): Promise<number | undefined>
  /** The runner's own engine, as `image: auto` would find it. */
  runnerEngine?(): RunnerEngineDiscovery
}
