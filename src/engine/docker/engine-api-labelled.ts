/**
 * The Engine API calls of removing what carries a run's label (dood's
 * `cleanup: containers`), beyond those of engine-api.ts: each kind of
 * object listed by label, and a network's endpoints, their disconnection
 * and the network's removal — what `docker ps|network ls|volume ls
 * --quiet`, `docker network inspect`, `docker network disconnect --force`
 * and `docker network rm` ask the daemon.
 */
import type {
  ContainerSummary,
  EngineApi,
  VolumeSummary
} from './engine-api.js'

/** One entry of `GET /networks`, as far as docker-nest reads it. */
export interface NetworkSummary {
  Id: string
  Name: string
}

/** What {@link listByLabel} lists, by collection. */
export interface Summaries {
  containers: ContainerSummary
  networks: NetworkSummary
  volumes: VolumeSummary
}

/**
 * The objects of one collection carrying `label` (`key` or `key=value`):
 * `GET /containers/json?all=1`, `GET /networks` or `GET /volumes`, filtered
 * as `docker ps --all`, `docker network ls` and `docker volume ls` filter.
 */
export async function listByLabel<K extends keyof Summaries>(
  api: EngineApi,
  collection: K,
  label: string
): Promise<Summaries[K][]> {
  const filters = encodeURIComponent(JSON.stringify({ label: [label] }))
  const list =
    collection === 'containers' ? 'containers/json?all=1&' : `${collection}?`
  const listed = await api.json<unknown>({
    method: 'GET',
    path: `/${list}filters=${filters}`,
    timeoutMs: 30_000
  })
  // Volumes come wrapped: {"Volumes": [...] or null, "Warnings": ...}.
  if (collection === 'volumes') {
    return (listed as { Volumes: Summaries[K][] | null }).Volumes ?? []
  }
  return listed as Summaries[K][]
}

/**
 * `GET /networks/{network}`: the name of each endpoint on the network,
 * as `docker network inspect` lists `.Containers` — a container's name,
 * or the endpoint's own for a stale one the daemon keeps after the
 * container has gone.
 */
export async function networkEndpoints(
  api: EngineApi,
  network: string
): Promise<string[]> {
  const inspected = await api.json<{
    Containers?: Record<string, { Name?: string }> | null
  }>({
    method: 'GET',
    path: `/networks/${encodeURIComponent(network)}`,
    timeoutMs: 30_000
  })
  return Object.values(inspected.Containers ?? {})
    .map((endpoint) => endpoint.Name ?? '')
    .filter((name) => name !== '')
}

/**
 * `POST /networks/{network}/disconnect` with `Force` (`docker network
 * disconnect --force`): `endpoint` is a container, or a stale endpoint's
 * name.
 */
export async function disconnectNetwork(
  api: EngineApi,
  network: string,
  endpoint: string
): Promise<void> {
  await api.call({
    method: 'POST',
    path: `/networks/${encodeURIComponent(network)}/disconnect`,
    body: Buffer.from(JSON.stringify({ Container: endpoint, Force: true })),
    contentType: 'application/json',
    timeoutMs: 30_000
  })
}

/** `DELETE /networks/{network}` (`docker network rm`). */
export async function removeNetwork(
  api: EngineApi,
  network: string
): Promise<void> {
  await api.call({
    method: 'DELETE',
    path: `/networks/${encodeURIComponent(network)}`,
    timeoutMs: 60_000
  })
}
