/** The job summary: what was started, in one table; on failure, the reason and its hints. */
import type { NestInfo } from '../engine/dind/dind.js'
import type { DoodInfo } from '../engine/dood/dood.js'
import { appendSummary, warning } from './workflow.js'

/** A Markdown table cell: no pipes or line breaks from the value. */
function cell(value: string): string {
  return value.replace(/\|/g, '\\|').replace(/\s+/g, ' ')
}

/**
 * The summary table (Markdown), pure. Everything in it is already in hand
 * when main exports the environment (the /version, /info and bridge calls
 * run once, right after readiness), so the summary costs no docker call.
 */
export function summaryTable(info: NestInfo | DoodInfo): string {
  const header = [
    'Mode',
    'Image',
    'Server version',
    'Storage driver',
    'Cgroup',
    'MTU',
    'Ready',
    'Endpoint'
  ]
  const dind = info.mode === 'dind' ? info : undefined
  const row = [
    info.mode,
    dind ? dind.image : '(runner’s daemon)',
    info.serverVersion,
    info.storageDriver,
    dind?.cgroupVersion ? `v${dind.cgroupVersion}` : '',
    dind ? String(dind.mtu) : '',
    `${info.readyMs} ms`,
    `\`${info.dockerHost}\``
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

/**
 * The failure summary (Markdown), pure: the first line of the error, then
 * the classified hints (the "Hint: " lines diagnose.ts writes) as a list,
 * then the full message (log tail included) folded away.
 */
export function failureSummary(message: string): string {
  const lines = message.split('\n')
  const hints = lines
    .filter((line) => line.startsWith('Hint: '))
    .map((line) => `- ${line.slice('Hint: '.length)}`)
  return [
    '### docker-nest failed',
    '',
    `**${lines[0].trim()}**`,
    '',
    ...(hints.length > 0 ? [...hints, ''] : []),
    ...(lines.length > 1
      ? [
          '<details><summary>Details</summary>',
          '',
          '```',
          message.replace(/```/g, "'''"),
          '```',
          '',
          '</details>',
          ''
        ]
      : [])
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
    appendSummary(failureSummary(message))
  } catch {
    // The failure itself is already reported; a summary problem must not hide it.
  }
}
