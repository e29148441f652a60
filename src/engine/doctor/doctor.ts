/**
 * Host prerequisites for a nest, checked one by one: each row says what was
 * found and, when it is a problem, how to fix it. File reads and docker
 * calls go through {@link DoctorHost}, so the rules are unit-tested with
 * fake hosts and the CLI runs them against the real one.
 */
import { discoverRunnerEngine } from '../runner-engine/discovery.js'
import { DEFAULT_DIND_IMAGE } from '../options/inputs.js'
import { readFile, stat } from 'node:fs/promises'
import { findOnPath, type DockerCli } from '../docker/cli.js'
import {
  checkAppArmorUserns,
  checkRootlessCgroups,
  checkRuntimes,
  checkTunDevice,
  checkUidMap,
  checkUserNamespaces
} from './unprivileged.js'
import { defaultRouteInterface } from '../dind/mtu.js'

import type { CheckResult, CheckStatus, DoctorHost } from './check.js'

export type { CheckResult, CheckStatus, DoctorHost }

/** A host backed by the real file system and docker CLI. */
export function realHost(
  docker: DockerCli | undefined,
  probeImage: string
): DoctorHost {
  return {
    read: async (path) => {
      try {
        return await readFile(path, 'utf8')
      } catch {
        return undefined
      }
    },
    docker: docker
      ? (args) => docker.tryExec(args, { timeoutMs: 30_000 })
      : undefined,
    probeImage,
    runnerEngine: () => discoverRunnerEngine(),
    which: async (name) => findOnPath(name),
    fileMode: async (path) => {
      try {
        return (await stat(path)).mode & 0o7777
      } catch {
        return undefined
      }
    }
  }
}

const firstLine = (text: string) => text.trim().split('\n')[0] ?? ''

async function checkDaemon(host: DoctorHost): Promise<CheckResult> {
  const check = 'Docker daemon'
  if (!host.docker) {
    return {
      check,
      status: 'fail',
      detail: 'no docker CLI on PATH',
      fix: 'Install Docker (the CLI and a daemon) or add docker to PATH.'
    }
  }
  const r = await host.docker(['version', '--format', '{{.Server.Version}}'])
  return r.exitCode === 0
    ? { check, status: 'ok', detail: `server ${r.stdout.trim()}` }
    : {
        check,
        status: 'fail',
        detail: firstLine(r.stderr),
        fix: 'Start the Docker daemon, or point DOCKER_HOST at one you may use.'
      }
}

/** Whether `image: auto` runs the runner's own engine (nothing to pull) or a dind image. */
async function checkRunnerEngine(host: DoctorHost): Promise<CheckResult> {
  const check = "runner's own engine"
  const found = host.runnerEngine?.()
  if (!found) return { check, status: 'info', detail: 'not checked' }
  return found.available
    ? {
        check,
        status: 'ok',
        detail: `${found.paths.dockerd}: image auto runs it, nothing to pull`
      }
    : {
        check,
        status: 'info',
        detail: found.message,
        fix: `image auto uses ${DEFAULT_DIND_IMAGE}, pulled by the first job.`
      }
}

async function checkPrivileged(host: DoctorHost): Promise<CheckResult> {
  const check = 'privileged containers'
  if (!host.docker)
    return { check, status: 'info', detail: 'not checked (no docker CLI)' }
  const image = host.probeImage
  if (
    (await host.docker(['image', 'inspect', '--format', '{{.Id}}', image]))
      .exitCode !== 0
  ) {
    return {
      check,
      status: 'info',
      detail: `not checked: image ${image} is not local`,
      fix: `Pull it, or pass --image with a local image that has /bin/sh.`
    }
  }
  const r = await host.docker([
    'run',
    '--rm',
    '--privileged',
    '--network',
    'none',
    '--entrypoint',
    'sh',
    image,
    '-c',
    'mkdir -p /tmp/docker-nest-probe && mount -t tmpfs none /tmp/docker-nest-probe'
  ])
  if (r.exitCode === 0)
    return {
      check,
      status: 'ok',
      detail: `docker run --privileged works (${image})`
    }
  const why = firstLine(r.stderr)
  return {
    check,
    status: 'fail',
    detail: why,
    fix: /apply caps/.test(why)
      ? 'The daemon cannot grant every capability (nested or sandboxed host): run on a VM/host with full capabilities, or use sysbox-runc, or dood mode.'
      : 'Allow privileged containers (GitLab: privileged = true; Kubernetes: securityContext.privileged), or use dood mode.'
  }
}

async function checkOverlay(host: DoctorHost): Promise<CheckResult> {
  const check = 'overlay file system'
  const fs = await host.read('/proc/filesystems')
  if (fs === undefined)
    return { check, status: 'info', detail: 'cannot read /proc/filesystems' }
  return /\boverlay\b/.test(fs)
    ? {
        check,
        status: 'ok',
        detail:
          'overlay is available (inner daemon uses overlay2 on its volume)'
      }
    : {
        check,
        status: 'warn',
        detail:
          'overlay is not in /proc/filesystems: the inner daemon falls back to vfs (slow, large)',
        fix: 'modprobe overlay on the host.'
      }
}

async function checkCgroups(host: DoctorHost): Promise<CheckResult> {
  const check = 'cgroups'
  const controllers = await host.read('/sys/fs/cgroup/cgroup.controllers')
  if (controllers !== undefined) {
    return {
      check,
      status: 'ok',
      detail: `v2 (${controllers.trim() || 'no controllers'}): the dind entrypoint nests by moving its processes into /sys/fs/cgroup/init`,
      fix:
        controllers.trim() === ''
          ? 'No controllers delegated: resource limits inside the nest will not work.'
          : undefined
    }
  }
  const mounts = await host.read('/proc/self/mounts')
  if (mounts && / cgroup /.test(mounts))
    return { check, status: 'ok', detail: 'v1: nesting needs nothing special' }
  return {
    check,
    status: 'warn',
    detail: 'no cgroup file system found',
    fix: 'Mount cgroups on the host (systemd does this); dockerd needs them.'
  }
}

async function checkIptables(host: DoctorHost): Promise<CheckResult> {
  const check = 'iptables (nat)'
  const legacy = (await host.read('/proc/net/ip_tables_names'))?.trim()
  if (legacy) {
    return {
      check,
      status: 'ok',
      detail: `legacy tables in use (${legacy.split('\n').join(', ')}): the dind entrypoint switches to iptables-legacy`
    }
  }
  const nft = await host.read('/sys/module/nf_tables/refcnt')
  const ipt = await host.read('/sys/module/ip_tables/refcnt')
  if (nft !== undefined)
    return { check, status: 'ok', detail: 'nf_tables is loaded (nft backend)' }
  if (ipt !== undefined)
    return {
      check,
      status: 'ok',
      detail: 'ip_tables is loaded (legacy backend)'
    }
  return {
    check,
    status: 'warn',
    detail: 'neither nf_tables nor ip_tables is loaded (they may be built in)',
    fix: 'If the nest fails with "can\'t initialize iptables table `nat\'": modprobe nf_tables (or ip_tables iptable_nat) on the host.'
  }
}

async function checkMtu(host: DoctorHost): Promise<CheckResult> {
  const check = 'MTU of the default route'
  const routes = await host.read('/proc/net/route')
  const iface = routes === undefined ? undefined : defaultRouteInterface(routes)
  if (!iface)
    return { check, status: 'info', detail: 'no IPv4 default route found' }
  const mtu = Number((await host.read(`/sys/class/net/${iface}/mtu`))?.trim())
  if (!Number.isInteger(mtu) || mtu <= 0)
    return { check, status: 'info', detail: `${iface}: MTU unknown` }
  return mtu < 1500
    ? {
        check,
        status: 'warn',
        detail: `${iface}: ${mtu}, below the inner daemon's 1500: pulls and TLS handshakes in the nest can hang`,
        fix: `docker-nest up --mtu auto (the default) or --mtu ${mtu}; GitLab component: mtu: ${mtu}.`
      }
    : { check, status: 'ok', detail: `${iface}: ${mtu}` }
}

/** Runs every check, in table order. */
export async function runDoctor(host: DoctorHost): Promise<CheckResult[]> {
  return Promise.all([
    checkDaemon(host),
    checkRunnerEngine(host),
    checkPrivileged(host),
    checkOverlay(host),
    checkCgroups(host),
    checkIptables(host),
    checkMtu(host),
    // The unprivileged routes (runtime, rootless).
    checkRuntimes(host),
    checkUserNamespaces(host),
    checkAppArmorUserns(host),
    checkUidMap(host),
    checkTunDevice(host),
    checkRootlessCgroups(host)
  ])
}
