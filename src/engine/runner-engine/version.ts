/**
 * The version of the host's dockerd, for reports and diagnosis. Not part
 * of discovery: it starts a process (~0.1 s), and a started nest reports
 * its version through the Engine API anyway.
 */
import { execFile } from 'node:child_process'

/** The version in `dockerd --version` output ("Docker version 28.5.2, build …"). */
export function parseDockerdVersion(output: string): string | undefined {
  return /^Docker version ([^\s,]+)/m.exec(output)?.[1]
}

/** Runs `<dockerd> --version`; undefined when it fails or takes longer than `timeoutMs`. */
export function readDockerdVersion(
  dockerd: string,
  timeoutMs = 5_000
): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile(dockerd, ['--version'], { timeout: timeoutMs }, (error, stdout) =>
      resolve(error ? undefined : parseDockerdVersion(String(stdout)))
    )
  })
}
