/**
 * Fake file-system roots for discovery tests: the layouts of real
 * distributions, reduced to the entries discovery looks at.
 */
import {
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

/** What a fake root holds: files (executable unless `mode` says otherwise), links and directories. */
export interface FakeRootSpec {
  /** path → content; a fake program is any executable file. */
  files?: Record<string, string | { content: string | Buffer; mode: number }>
  /** path → link target, as stored. */
  links?: Record<string, string>
  dirs?: string[]
}

const roots: string[] = []

/** Creates the tree in a new temp dir and returns its path. */
export function fakeRoot(spec: FakeRootSpec): string {
  const root = mkdtempSync(join(tmpdir(), 'runner-engine-root-'))
  roots.push(root)
  for (const dir of spec.dirs ?? [])
    mkdirSync(join(root, dir), { recursive: true })
  for (const [path, file] of Object.entries(spec.files ?? {})) {
    const { content, mode } =
      typeof file === 'string' ? { content: file, mode: 0o755 } : file
    mkdirSync(dirname(join(root, path)), { recursive: true })
    writeFileSync(join(root, path), content, { mode })
  }
  for (const [path, target] of Object.entries(spec.links ?? {})) {
    mkdirSync(dirname(join(root, path)), { recursive: true })
    symlinkSync(target, join(root, path))
  }
  return root
}

/** Removes every fake root made so far. */
export function removeFakeRoots(): void {
  for (const root of roots.splice(0))
    rmSync(root, { recursive: true, force: true })
}

/** A fake program. */
export const BIN = 'fake program\n'

/** The top level of a merged-/usr system (Debian 12+, Ubuntu 20.04+, Fedora). */
export const MERGED_USR: FakeRootSpec = {
  links: {
    '/bin': 'usr/bin',
    '/sbin': 'usr/sbin',
    '/lib': 'usr/lib',
    '/lib64': 'usr/lib64'
  },
  dirs: ['/usr/bin', '/usr/sbin', '/usr/lib', '/usr/lib64']
}

/** The runner daemon's own state, configuration and private keys: never bound. */
export const RUNNER_SECRETS: FakeRootSpec = {
  files: {
    '/etc/docker/daemon.json': { content: '{}', mode: 0o644 },
    '/etc/ssl/private/ssl-cert-snakeoil.key': { content: 'key', mode: 0o600 },
    '/var/lib/docker/engine-id': { content: 'id', mode: 0o600 },
    '/run/docker.sock': { content: '', mode: 0o660 },
    '/etc/shadow': { content: 'root:*:1::::::', mode: 0o640 }
  }
}

/**
 * Ubuntu 24.04 / Debian with docker.io or docker-ce: merged /usr, iptables
 * and ip6tables through /etc/alternatives, certificates in /etc/ssl/certs
 * linking into /usr/share/ca-certificates.
 */
export const UBUNTU: FakeRootSpec = {
  files: {
    '/usr/bin/dockerd': BIN,
    '/usr/bin/containerd': BIN,
    '/usr/bin/containerd-shim-runc-v2': BIN,
    '/usr/bin/runc': BIN,
    '/usr/bin/docker-init': BIN,
    '/usr/bin/docker-proxy': BIN,
    '/usr/bin/docker': BIN,
    '/usr/bin/dash': BIN,
    '/usr/sbin/xtables-nft-multi': BIN,
    '/usr/sbin/modprobe': BIN,
    '/usr/lib/modules/6.8.0-1017-azure/modules.dep': {
      content: '',
      mode: 0o644
    },
    '/usr/share/ca-certificates/mozilla/ISRG_Root_X1.crt': {
      content: 'pem',
      mode: 0o644
    },
    '/etc/ssl/certs/ca-certificates.crt': { content: 'pem', mode: 0o644 }
  },
  links: {
    ...MERGED_USR.links,
    '/usr/bin/sh': 'dash',
    '/usr/sbin/iptables': '/etc/alternatives/iptables',
    '/etc/alternatives/iptables': '/usr/sbin/iptables-nft',
    '/usr/sbin/iptables-nft': 'xtables-nft-multi',
    '/usr/sbin/ip6tables': '/etc/alternatives/ip6tables',
    '/etc/alternatives/ip6tables': '/usr/sbin/ip6tables-nft',
    '/usr/sbin/ip6tables-nft': 'xtables-nft-multi',
    '/etc/ssl/certs/ISRG_Root_X1.pem':
      '/usr/share/ca-certificates/mozilla/ISRG_Root_X1.crt'
  },
  dirs: [...(MERGED_USR.dirs ?? []), '/usr/lib64']
}

/** Combines specs; later entries win. */
export function merge(...specs: FakeRootSpec[]): FakeRootSpec {
  return {
    files: Object.assign({}, ...specs.map((s) => s.files ?? {})),
    links: Object.assign({}, ...specs.map((s) => s.links ?? {})),
    dirs: specs.flatMap((s) => s.dirs ?? [])
  }
}

/** `spec` without the given files and links. */
export function without(spec: FakeRootSpec, ...paths: string[]): FakeRootSpec {
  const drop = <T>(record: Record<string, T> = {}) =>
    Object.fromEntries(
      Object.entries(record).filter(([p]) => !paths.includes(p))
    )
  return { files: drop(spec.files), links: drop(spec.links), dirs: spec.dirs }
}
