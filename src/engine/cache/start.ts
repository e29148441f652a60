/**
 * Starting a cached nest with the `cache-busy` policy: when another live
 * job holds the cache, either fail or start an ephemeral nest instead, with
 * a warning. Shared by the Action and `docker-nest up`.
 */
import { lazyFsPromises } from '../util/lazy-builtins.js'
import { CACHE_LABEL, CacheBusyError } from './cache.js'
import type { CacheBusy } from '../types.js'
import { CACHE_SCOPE_LABEL } from './scope.js'
import {
  startDind,
  type DindDependencies,
  type NestInfo
} from '../dind/dind.js'
import type { DindPlan } from '../dind/plan.js'
import type { Resources } from '../lifecycle/resources.js'

/** The same nest (run id, labels, flags) without the cache: own name, own throw-away volume. Pure. */
export function withoutCache(plan: DindPlan): DindPlan {
  const suffix = plan.runId.split('-').pop() ?? ''
  const name = `docker-nest-${suffix}`
  const {
    [CACHE_LABEL]: _cache,
    [CACHE_SCOPE_LABEL]: _scope,
    ...labels
  } = plan.labels
  const { cache: _dropped, ...rest } = plan
  return {
    ...rest,
    name,
    volume: `${name}-data`,
    labels,
    serverNames: {
      ...plan.serverNames,
      dns: plan.serverNames.dns.map((dns) => (dns === plan.name ? name : dns))
    }
  }
}

/** {@link startDind}, falling back to an ephemeral nest (or failing) when the cache is busy. */
export async function startNestWithCache(
  plan: DindPlan,
  busy: CacheBusy,
  resources: Resources,
  deps: DindDependencies
): Promise<NestInfo> {
  if (plan.cache) {
    deps.logger.info(
      `Cache '${plan.cache.name}', partition ${plan.cache.partition}: volume ${plan.volume}`
    )
  }
  try {
    return await startDind(plan, resources, deps)
  } catch (error) {
    if (!(error instanceof CacheBusyError)) throw error
    // The container of that name is another job's: teardown must never touch it.
    const certDir = resources.certDir
    delete resources.container
    delete resources.cache
    delete resources.certDir
    await deps.recorder.record(resources)
    if (certDir)
      await lazyFsPromises().rm(certDir, { recursive: true, force: true })
    if (busy === 'fail') {
      throw new Error(
        `${error.message} Wait for that job, use another cache name, or set ` +
          'cache-busy: fallback to start with an empty data root instead.',
        { cause: error }
      )
    }
    deps.logger.warning(
      `${error.message} This job starts with an empty data root instead ` +
        '(cache-busy: fallback); set cache-busy: fail to fail instead.'
    )
    return startDind(withoutCache(plan), resources, deps)
  }
}
