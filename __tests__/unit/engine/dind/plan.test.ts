import { describe, expect, it, test } from '@jest/globals'
import {
  parseInputs,
  type RawInputs
} from '../../../../src/engine/options/config.js'
import {
  DEFAULT_TTL_SECONDS,
  LABELS,
  buildDaemonArgs,
  buildDindRunArgs,
  chooseMtu,
  limitsPlainTcp,
  makePlan,
  plainTcpWarning,
  type DindPlan
} from '../../../../src/engine/dind/plan.js'
import { STARTUP_SCRIPT } from '../../../../src/engine/dind/startup-script.js'

const NOW = new Date('2026-11-23T10:00:00Z')

function planFor(inputs: RawInputs, detectedMtu?: number): DindPlan {
  return makePlan(parseInputs({ image: 'docker:29-dind', ...inputs }), {
    runPrefix: '42-1',
    detectedMtu,
    now: NOW,
    random: 'abcd1234'
  })
}

/** The value that follows `flag` in args (every occurrence). */
function valuesOf(args: string[], flag: string): string[] {
  return args.flatMap((arg, i) => (arg === flag ? [args[i + 1]] : []))
}

describe('makePlan', () => {
  it('names every resource after one random suffix and labels it with run id and expiry', () => {
    const plan = planFor({})
    expect(plan.runId).toBe('42-1-abcd1234')
    expect(plan.name).toBe('docker-nest-abcd1234')
    expect(plan.volume).toBe('docker-nest-abcd1234-data')
    expect(plan.labels).toEqual({
      [LABELS.managed]: 'true',
      [LABELS.run]: '42-1-abcd1234',
      [LABELS.expires]: String(NOW.getTime() / 1000 + DEFAULT_TTL_SECONDS)
    })
  })

  it('gives distinct names to nests planned in a row', () => {
    const options = parseInputs({ image: 'docker:29-dind' })
    const context = { runPrefix: 'x', detectedMtu: undefined, now: NOW }
    const names = new Set(
      Array.from({ length: 50 }, () => makePlan(options, context).name)
    )
    expect(names.size).toBe(50)
  })

  it('puts the default names, the container name and the user SANs in the server certificate', () => {
    const plan = planFor({ 'tls-san': 'DNS:dind IP:10.1.2.3 DNS:docker' })
    expect(plan.serverNames).toEqual({
      dns: ['docker', 'localhost', 'docker-nest-abcd1234', 'dind'],
      ip: ['127.0.0.1', '::1', '10.1.2.3']
    })
  })

  test.each<[RawInputs, number]>([
    [{}, 2376],
    [{ tls: 'false' }, 2375]
  ])('[%#] %o listens on %d', (inputs, port) => {
    expect(planFor(inputs).containerPort).toBe(port)
  })
})

describe('chooseMtu', () => {
  test.each<['auto' | number, number | undefined, number | undefined]>([
    ['auto', undefined, undefined],
    ['auto', 1500, undefined],
    ['auto', 9001, undefined],
    ['auto', 1360, 1360],
    [1400, 1360, 1400],
    [1500, undefined, 1500]
  ])('[%#] mtu %s with uplink %s gives %s', (mtu, detected, expected) => {
    expect(chooseMtu(mtu, detected)).toBe(expected)
  })
})

describe('plain TCP (tls: false)', () => {
  it('is limited to the runner, unless the job container or rootless must do without', () => {
    const plain = planFor({ tls: 'false' })
    expect(limitsPlainTcp(plain)).toBe(true)
    expect(plainTcpWarning(plain)).toMatch(
      /^tls: false — the daemon accepts unauthenticated API calls on 127\.0\.0\.1 \(the port is published there only, and the sidecar answers no other container\)/
    )
    const job = { ...plain, jobNetwork: { name: 'job-net', alias: true } }
    expect(limitsPlainTcp(job)).toBe(false)
    expect(plainTcpWarning(job)).toContain(
      'from every container on network job-net'
    )
    const rootless = { ...plain, rootless: true }
    expect(limitsPlainTcp(rootless)).toBe(false)
    expect(plainTcpWarning(rootless)).toContain('cannot limit it')
    expect(plainTcpWarning(planFor({}))).toBeUndefined()
  })
})

describe('buildDaemonArgs', () => {
  const IP6 = '--ip6tables=false'
  test.each<[RawInputs, string[]]>([
    [{}, [IP6]],
    [{ tls: 'false' }, ['--tls=false', IP6]],
    // The MTU flags come from the start script (it knows eth0 and the version).
    [{ mtu: '1360' }, [IP6]],
    [
      { 'default-address-pools': 'base=10.201.0.0/16,size=24' },
      [IP6, '--default-address-pool=base=10.201.0.0/16,size=24']
    ],
    [
      {
        'registry-mirrors': 'https://a.example https://b.example',
        'insecure-registries': 'reg.local:5000',
        'dockerd-args': '--debug\n--log-level warn'
      },
      [
        IP6,
        '--registry-mirror=https://a.example',
        '--registry-mirror=https://b.example',
        '--insecure-registry=reg.local:5000',
        '--debug',
        '--log-level',
        'warn'
      ]
    ],
    // Anything about IPv6 leaves dockerd's own IPv6 firewall default alone.
    [{ 'dockerd-args': '--ip6tables=true' }, ['--ip6tables=true']],
    [{ 'dockerd-args': '--ipv6' }, ['--ipv6']],
    [{ 'daemon-config': '{"ipv6": true, "fixed-cidr-v6": "fd00::/80"}' }, []],
    [{ 'daemon-config': '{"ip6tables": false}' }, []],
    [{ 'daemon-config': '{"debug": true}' }, [IP6]]
  ])('[%#] %o gives %o', (inputs, expected) => {
    expect(buildDaemonArgs(parseInputs(inputs))).toEqual(expected)
  })
})

describe('buildDindRunArgs', () => {
  const args = buildDindRunArgs(planFor({ 'dockerd-args': '--debug' }, 1360))

  it('starts a detached, privileged container with our name', () => {
    expect(args.slice(0, 2)).toEqual(['run', '--detach'])
    expect(valuesOf(args, '--name')).toEqual(['docker-nest-abcd1234'])
    expect(args).toContain('--privileged')
  })

  it('labels the container with every plan label', () => {
    expect(valuesOf(args, '--label').sort()).toEqual([
      'docker-nest.expires=' +
        String(NOW.getTime() / 1000 + DEFAULT_TTL_SECONDS),
      'docker-nest.run=42-1-abcd1234',
      'docker-nest=true'
    ])
  })

  it('publishes the daemon port on 127.0.0.1 only, with an ephemeral host port', () => {
    expect(valuesOf(args, '--publish')).toEqual(['127.0.0.1::2376'])
    expect(args.filter((arg) => /^(-p|--publish-all|-P)$/.test(arg))).toEqual(
      []
    )
  })

  it('mounts a named, labelled volume on /var/lib/docker so the inner daemon never falls back to vfs', () => {
    const [mount] = valuesOf(args, '--mount')
    expect(mount.split(',')).toEqual([
      'type=volume',
      'src=docker-nest-abcd1234-data',
      'dst=/var/lib/docker',
      'volume-label=docker-nest=true',
      'volume-label=docker-nest.run=42-1-abcd1234',
      expect.stringMatching(/^volume-label=docker-nest\.expires=\d+$/)
    ])
  })

  it('sets the cert dir only with TLS, and passes nothing else from the job environment', () => {
    expect(valuesOf(args, '--env')).toEqual([
      'DOCKER_TLS_CERTDIR=/certs',
      'DOCKER_NEST_INNER_MTU=auto:1360'
    ])
    const plain = buildDindRunArgs(planFor({ tls: 'false' }))
    expect(valuesOf(plain, '--env')).toEqual([
      'DOCKER_TLS_CERTDIR=',
      'DOCKER_NEST_INNER_MTU=auto:',
      // plain TCP answers only the runner (the start script's firewall)
      'DOCKER_NEST_PLAIN_TCP_FROM=runner'
    ])
    expect(plain.filter((arg) => arg === '-e' || arg === '--env-file')).toEqual(
      []
    )
  })

  it('turns fast start off in the sidecar only when the input says so', () => {
    const off = buildDindRunArgs(planFor({ 'fast-start': 'false' }))
    expect(valuesOf(off, '--env')).toContain('DOCKER_NEST_FAST_START=false')
    expect(valuesOf(buildDindRunArgs(planFor({})), '--env')).not.toContain(
      'DOCKER_NEST_FAST_START=false'
    )
    expect(planFor({}).fastStart).toBe(true)
    // dockerd told to use another containerd (daemon.json): no fast start.
    expect(
      planFor({ 'daemon-config': '{"containerd": "/run/c.sock"}' }).fastStart
    ).toBe(false)
  })

  it('runs the start script with the daemon flags after the image', () => {
    const image = args.indexOf('docker:29-dind')
    expect(valuesOf(args, '--entrypoint')).toEqual(['sh'])
    expect(args.slice(image)).toEqual([
      'docker:29-dind',
      '-c',
      STARTUP_SCRIPT,
      'docker-nest-start',
      '--ip6tables=false',
      '--debug'
    ])
  })

  it('passes --tls=false and port 2375 when TLS is off (no 15 s start delay)', () => {
    const plain = buildDindRunArgs(planFor({ tls: 'false' }))
    expect(valuesOf(plain, '--publish')).toEqual(['127.0.0.1::2375'])
    expect(plain.slice(-2)).toEqual(['--tls=false', '--ip6tables=false'])
  })
})

describe('MTU and daemon.json reach the start script', () => {
  test.each<[RawInputs, number | undefined, string[]]>([
    [{}, undefined, ['DOCKER_NEST_INNER_MTU=auto:']],
    [{}, 1500, ['DOCKER_NEST_INNER_MTU=auto:1500']],
    [{ mtu: '1400' }, 1360, ['DOCKER_NEST_INNER_MTU=1400']],
    [
      { 'daemon-config': '{"mtu": 1400}' },
      1360,
      ['DOCKER_NEST_CONFIG_FILE=/etc/docker-nest/daemon.json']
    ],
    [
      { 'daemon-config': '{"debug": true}' },
      undefined,
      [
        'DOCKER_NEST_INNER_MTU=auto:',
        'DOCKER_NEST_CONFIG_FILE=/etc/docker-nest/daemon.json'
      ]
    ]
  ])('[%#] %o with uplink %s sets %o', (inputs, detected, expected) => {
    const args = buildDindRunArgs(planFor(inputs, detected))
    expect(valuesOf(args, '--env').slice(1)).toEqual(expected)
  })

  it('keeps the daemon.json text in the plan, one object, pretty-printed', () => {
    const plan = planFor({ 'daemon-config': '{"labels":["a=b"]}' })
    expect(JSON.parse(plan.daemonConfig ?? '')).toEqual({ labels: ['a=b'] })
    expect(planFor({}).daemonConfig).toBeUndefined()
  })
})

describe('buildDindRunArgs in a container job', () => {
  test.each<[string, { name: string; alias: boolean } | undefined, string[]]>([
    ['plain job', undefined, []],
    [
      'user-defined network',
      { name: 'github_network_1', alias: true },
      ['--network', 'github_network_1', '--network-alias', 'docker']
    ],
    [
      'default bridge',
      { name: 'bridge', alias: false },
      ['--network', 'bridge']
    ]
  ])('[%#] %s', (_title, jobNetwork, expected) => {
    const args = buildDindRunArgs({ ...planFor({}), jobNetwork })
    const start = args.indexOf('--mount')
    const publish = args.indexOf('--publish')
    expect(args.slice(publish + 2, start)).toEqual(expected)
  })
})
