/** The job summary: what was started, in one table. */
import type { NestInfo } from '../core/dind.js'
import type { DoodInfo } from '../core/dood.js'
import { appendSummary, warning } from './workflow.js'

/** A Markdown table cell: no pipes or line breaks from the value. */
function cell(value: string): string {
  return value.replace(/\|/g, '\\|').replace(/\s+/g, ' ')
}

/** The summary table (Markdown), pure. */
export function summaryTable(info: NestInfo | DoodInfo): string {
  const header = [
    'Mode',
    'Image',
    'Server version',
    'Storage driver',
    'MTU',
    'Ready',
    'Endpoint'
  ]
  const row = [
    info.mode,
    info.mode === 'dood' ? '(runner’s daemon)' : info.image,
    info.serverVersion,
    info.storageDriver,
    info.mode === 'dood' ? '' : String(info.mtu),
    `${info.readyMs} ms`,
    info.dockerHost
  ]
  return [
    '### docker-nest',
    '',
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    `| ${row.map(cell).join(' | ')} |`,
    ''
  ].join('\n')
}

/** Writes the summary table; a summary that cannot be written is only a warning. */
export async function writeSummary(info: NestInfo | DoodInfo): Promise<void> {
  try {
    appendSummary(summaryTable(info))
  } catch (error) {
    warning(`Could not write the job summary: ${(error as Error).message}`)
  }
}

/** On failure, the reason in the summary too, so it shows on the run page. */
export async function writeFailureSummary(message: string): Promise<void> {
  try {
    appendSummary(
      ['### docker-nest failed', '', '```', message, '```', ''].join('\n')
    )
  } catch {
    // The failure itself is already reported; a summary problem must not hide it.
  }
}
