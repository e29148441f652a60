/** The job summary: what was started, in one table. */
import * as core from '@actions/core'
import type { NestInfo } from '../core/dind.js'
import type { DoodInfo } from '../core/dood.js'

/** Writes the summary table; a summary that cannot be written is only a warning. */
export async function writeSummary(info: NestInfo | DoodInfo): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return
  try {
    await core.summary
      .addHeading('docker-nest', 3)
      .addTable([
        [
          { data: 'Mode', header: true },
          { data: 'Image', header: true },
          { data: 'Server version', header: true },
          { data: 'Storage driver', header: true },
          { data: 'MTU', header: true },
          { data: 'Ready', header: true },
          { data: 'Endpoint', header: true }
        ],
        [
          info.mode,
          info.mode === 'dood' ? '(runner’s daemon)' : info.image,
          info.serverVersion,
          info.storageDriver,
          info.mode === 'dood' ? '' : String(info.mtu),
          `${info.readyMs} ms`,
          info.dockerHost
        ]
      ])
      .write()
  } catch (error) {
    core.warning(`Could not write the job summary: ${(error as Error).message}`)
  }
}

/** On failure, the reason in the summary too, so it shows on the run page. */
export async function writeFailureSummary(message: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return
  try {
    await core.summary
      .addHeading('docker-nest failed', 3)
      .addCodeBlock(message)
      .write()
  } catch {
    // The failure itself is already reported; a summary problem must not hide it.
  }
}
