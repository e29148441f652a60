/** `docker-nest reap`: remove abandoned nests (expired, or all of ours). */
import { localProcessTable } from '../../engine/lifecycle/owner.js'
import { runnerClient } from '../../engine/docker/runner-client.js'
import { reapNests } from '../../engine/reap/reap.js'
import { readStateFile } from '../state-file.js'
import { EXIT } from '../usage.js'
import { STATE_DIR_OPTION, hostDockerCli, stateDirOf } from './common.js'
import type { Command } from './types.js'

export const reap: Command = {
  name: 'reap',
  summary:
    'remove nests whose job has ended or whose docker-nest.expires label has passed (or all of ours with --all); never anything unlabelled, never a cache volume',
  options: {
    all: {
      type: 'boolean',
      help: 'remove every docker-nest container and volume, expired or not'
    },
    run: {
      type: 'string',
      placeholder: 'PREFIX',
      help: 'only nests whose docker-nest.run label starts with PREFIX'
    },
    'dry-run': { type: 'boolean', help: 'only say what would be removed' },
    ...STATE_DIR_OPTION
  },
  notes:
    'Nests expire 6 hours after their start (the job limit of hosted runners). A nest whose job process (GitHub: Runner.Worker) has ended on this machine goes at once; that needs the same pid namespace and, with /proc hidepid, root. Cache volumes (docker-nest-cache-*) are kept.',
  async run({ values, stateDir: flag, logger }) {
    const saved = await readStateFile(stateDirOf(flag))
    const docker = runnerClient(hostDockerCli(logger, saved?.hostDocker), (m) =>
      logger.debug(m)
    )
    const dryRun = Boolean(values['dry-run'])
    const report = await reapNests(docker, {
      nowSeconds: Math.floor(Date.now() / 1000),
      all: Boolean(values.all),
      runPrefix: values.run as string | undefined,
      // Nests whose job process has provably ended go before their expiry.
      table: localProcessTable(),
      dryRun
    })
    for (const d of report.decisions) {
      const verb = d.remove ? (dryRun ? 'would remove' : 'remove') : 'keep'
      logger.debug(
        `${verb} ${d.object.kind} ${d.object.name} (run ${d.object.run || '-'}): ${d.reason}`
      )
    }
    if (dryRun) {
      for (const d of report.decisions.filter((x) => x.remove)) {
        logger.info(
          `Would remove ${d.object.kind} ${d.object.name} (${d.reason})`
        )
      }
    }
    for (const o of report.removed)
      logger.info(`Removed ${o.kind} ${o.name} (run ${o.run || '-'})`)
    for (const o of report.gone)
      logger.info(`${o.kind} ${o.name} was already gone (another reaper)`)
    for (const f of report.failed)
      logger.warning(
        `Could not remove ${f.object.kind} ${f.object.name}: ${f.error}`
      )
    const kept = report.decisions.filter((d) => !d.remove).length
    const chosen = report.decisions.filter((d) => d.remove).length
    logger.info(
      chosen === 0
        ? `Nothing to reap (${kept} docker-nest object${kept === 1 ? '' : 's'} still live).`
        : `${dryRun ? 'Would remove' : 'Removed'} ${dryRun ? chosen : report.removed.length} object(s); kept ${kept} live.`
    )
    return report.failed.length > 0 ? EXIT.failed : EXIT.ok
  }
}
