/**
 * Finds the Docker engine installed on the runner and the host paths a
 * runner-engine nest binds read-only to run it: the nest is a privileged
 * container of a tiny root image (root-image.ts) that starts the host's own
 * dockerd, so there is no dind image to pull.
 *
 * Reads the file system only (no process is started), under a root that is
 * `/` on a runner and a fake tree in tests. The binds are resolved by the
 * runner's daemon on its own file system, so the result is only right where
 * this runs on that file system (not inside a container job).
 */
import { isWithin, MountPlan, type Refusal } from './mount-plan.js'
import { interpreterOf, lstatInRoot, resolveInRoot } from './root-fs.js'
import {
  findTool,
  nestPath,
  SEARCH_DIRS,
  TOOLS,
  type FoundTool,
  type ToolRole
} from './tools.js'
import type {
  DiscoveryOptions,
  EnginePaths,
  RunnerEngine,
  RunnerEngineDiscovery,
  RunnerEngineUnavailable
} from './types.js'
import { SNAP_MARKERS, unavailableWithoutDaemon } from './unavailable.js'

/**
 * The CA bundles Go's crypto/x509 tries on Linux, in its order (dockerd
 * uses the first that exists), and the directories it reads as well.
 */
export const CA_BUNDLES = [
  '/etc/ssl/certs/ca-certificates.crt',
  '/etc/pki/tls/certs/ca-bundle.crt',
  '/etc/ssl/ca-bundle.pem',
  '/etc/pki/tls/cacert.pem',
  '/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem',
  '/etc/ssl/cert.pem'
] as const
export const CA_DIRECTORIES = ['/etc/ssl/certs', '/etc/pki/tls/certs'] as const

/** Where modprobe finds kernel modules. */
export const MODULES_DIR = '/lib/modules'

/** Finds the runner's engine and what the nest must bind to run it. */
export function discoverRunnerEngine(
  options: DiscoveryOptions = {}
): RunnerEngineDiscovery {
  const root = options.root ?? '/'
  const found = new Map<ToolRole, FoundTool>()
  for (const role of Object.keys(TOOLS) as ToolRole[]) {
    const tool = findTool(root, TOOLS[role].names)
    if (tool) found.set(role, tool)
  }
  const dockerd = found.get('dockerd')
  if (!dockerd || isWithin(dockerd.resolved.path, '/snap')) {
    return unavailableWithoutDaemon(root, dockerd?.path)
  }
  const missing = requiredMissing(root, found)
  if (missing.length > 0) return incomplete(dockerd.path, missing)

  const plan = new MountPlan(root)
  plan.addSystemTrees()
  const warnings: string[] = []
  const unbound: Refusal[] = []
  for (const [role, tool] of found) {
    const refused = coverRefused(plan, [
      tool.path,
      interpreterOf(root, tool.resolved.path)
    ])
    if (refused.length === 0) continue
    // A required program that cannot be bound fails discovery; an optional
    // one is left out, as if it were not installed.
    if (TOOLS[role].required) {
      unbound.push(...refused)
      continue
    }
    found.delete(role)
    warnings.push(`${tool.path} is left out: ${describeRefusals(refused)}.`)
  }
  if (unbound.length > 0) return unbindable(unbound)
  warnings.push(...optionalWarnings(root, found))
  const snap = SNAP_MARKERS.filter((path) => lstatInRoot(root, path))
  if (snap.length > 0) {
    warnings.push(
      `Docker is also installed as a snap (${snap.join(', ')}): the runner's daemon may be the snap's, while the nest runs ${dockerd.path}.`
    )
  }
  const caBundle = coverCertificates(plan, warnings)
  if (found.has('modprobe') && resolveInRoot(root, MODULES_DIR)) {
    const refused = coverRefused(plan, [MODULES_DIR])
    if (refused.length > 0) {
      warnings.push(`${MODULES_DIR} is left out: ${describeRefusals(refused)}.`)
    }
  }
  return {
    available: true,
    paths: enginePaths(found),
    binds: plan.binds,
    links: plan.links,
    searchPath: nestPath([...found.values()]),
    ...(caBundle && { caBundle }),
    warnings
  }
}

/** Required programs that are absent, or whose interpreter is; as "name (purpose)". */
function requiredMissing(
  root: string,
  found: Map<ToolRole, FoundTool>
): string[] {
  const missing: string[] = []
  for (const role of Object.keys(TOOLS) as ToolRole[]) {
    const spec = TOOLS[role]
    if (!spec.required) continue
    const tool = found.get(role)
    if (!tool) {
      missing.push(`${spec.names.join(' or ')} (${spec.purpose})`)
      continue
    }
    const interpreter = interpreterOf(root, tool.resolved.path)
    if (interpreter && !resolveInRoot(root, interpreter)) {
      missing.push(`${interpreter} (the interpreter ${tool.path} needs)`)
    }
  }
  return missing
}

function enginePaths(found: Map<ToolRole, FoundTool>): EnginePaths {
  const path = (role: ToolRole) => found.get(role)?.path
  return {
    dockerd: path('dockerd') as string,
    containerd: path('containerd') as string,
    containerdShim: path('containerdShim') as string,
    runc: path('runc') as string,
    iptables: path('iptables') as string,
    shell: path('shell') as string,
    init: path('init'),
    proxy: path('proxy'),
    ip6tables: path('ip6tables'),
    modprobe: path('modprobe')
  }
}

/** One warning per optional program that is absent or a substitute. */
function optionalWarnings(
  root: string,
  found: Map<ToolRole, FoundTool>
): string[] {
  const warnings: string[] = []
  const init = found.get('init')
  if (!init) {
    warnings.push(
      `No docker-init or tini in ${SEARCH_DIRS.join(', ')}: dockerd runs as PID 1 of the nest, and \`docker run --init\` fails inside it.`
    )
  } else if (init.name !== 'docker-init') {
    warnings.push(
      `No docker-init; tini is at ${init.path}: pass dockerd --init-path=${init.path} for \`docker run --init\`.`
    )
  }
  if (!found.has('proxy')) {
    warnings.push(
      'No docker-proxy: publishing ports inside the nest (`docker run -p`) fails unless dockerd runs with --userland-proxy=false.'
    )
  }
  if (!found.has('ip6tables')) {
    warnings.push(
      'No ip6tables: IPv6 networks inside the nest get no firewall rules; start dockerd with --ip6tables=false.'
    )
  }
  if (!found.has('modprobe') || !resolveInRoot(root, MODULES_DIR)) {
    warnings.push(
      `No ${found.has('modprobe') ? MODULES_DIR : 'modprobe'}: the nest can only use kernel modules already loaded (the runner's dockerd loads bridge, overlay and netfilter ones).`
    )
  }
  return warnings
}

/** Covers the CA bundle dockerd would read and the certificate directories; returns the bundle. */
function coverCertificates(
  plan: MountPlan,
  warnings: string[]
): string | undefined {
  const bundle = CA_BUNDLES.find(
    (path) => resolveInRoot(plan.root, path)?.kind === 'file'
  )
  const paths = [
    bundle,
    ...CA_DIRECTORIES.filter(
      (dir) => resolveInRoot(plan.root, dir)?.kind === 'directory'
    )
  ]
  const refused = coverRefused(plan, paths)
  if (refused.length > 0) {
    warnings.push(
      `CA certificates are left out: ${describeRefusals(refused)}; pulls over TLS from inside the nest may fail.`
    )
  }
  if (!bundle) {
    warnings.push(
      `No CA certificates (looked for ${CA_BUNDLES.join(', ')}): pulls over TLS from inside the nest fail with "x509: certificate signed by unknown authority". Install the ca-certificates package.`
    )
  }
  return bundle
}

function incomplete(
  dockerd: string,
  missing: string[]
): RunnerEngineUnavailable {
  return {
    available: false,
    reason: 'incomplete',
    message:
      `dockerd is at ${dockerd}, but ${missing.join(', ')} ` +
      `${missing.length === 1 ? 'is' : 'are'} missing from ${SEARCH_DIRS.join(', ')}. ` +
      'Install the rest of the engine (the containerd and runc packages, or docker.com’s containerd.io), or use a dind image instead of the runner’s engine.',
    missing,
    searched: [...SEARCH_DIRS]
  }
}

function unbindable(refusals: Refusal[]): RunnerEngineUnavailable {
  return {
    available: false,
    reason: 'unbindable',
    message:
      `${describeRefusals(refusals)}. docker-nest never mounts the runner daemon's state, sockets, ` +
      'configuration, home or temporary directories into a nest. Install the engine under /usr, /opt or /usr/local, or use a dind image instead of the runner’s engine.',
    missing: refusals.map((r) => r.path),
    searched: [...SEARCH_DIRS]
  }
}

/** Covers each path (skipping undefined ones); returns the refusals. */
function coverRefused(
  plan: MountPlan,
  paths: Array<string | undefined>
): Refusal[] {
  return paths.flatMap((path) => (path && plan.cover(path)) || [])
}

function describeRefusals(refusals: Refusal[]): string {
  return refusals
    .map(
      (r) =>
        `${r.path}${r.real === r.path ? '' : ` (really ${r.real})`} would need a bind of ${r.bind}, which exposes ${r.forbidden}`
    )
    .join('; ')
}

/** The nest's read-only binds in HostConfig.Binds (and `docker run -v`) form. */
export function readOnlyBinds(engine: RunnerEngine): string[] {
  return engine.binds.map((dir) => `${dir}:${dir}:ro`)
}
