import { describe, expect, it, test } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  MTU_SCRIPT,
  bridgeMtu,
  defaultRouteInterface,
  describeMtu,
  detectUplinkMtu,
  mtuSetting,
  supportsDefaultNetworkOpts
} from '../../../../src/engine/dind/mtu.js'

const ROUTES = `Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT
docker0\t000011AC\t00000000\t0001\t0\t0\t0\t0000FFFF\t0\t0\t0
ens5\t00000000\t0100A8C0\t0003\t0\t0\t100\t00000000\t0\t0\t0
ens5\t0000A8C0\t00000000\t0001\t0\t0\t100\t00FFFFFF\t0\t0\t0
`

function fakeRoots(routes: string, mtus: Record<string, string>) {
  const root = mkdtempSync(join(tmpdir(), 'mtu-'))
  mkdirSync(join(root, 'proc/net'), { recursive: true })
  writeFileSync(join(root, 'proc/net/route'), routes)
  for (const [iface, mtu] of Object.entries(mtus)) {
    mkdirSync(join(root, 'sys/class/net', iface), { recursive: true })
    writeFileSync(join(root, 'sys/class/net', iface, 'mtu'), mtu)
  }
  return [join(root, 'proc'), join(root, 'sys')] as const
}

describe('defaultRouteInterface', () => {
  it('picks the interface of the 0.0.0.0/0 route', () => {
    expect(defaultRouteInterface(ROUTES)).toBe('ens5')
  })

  it('returns undefined without a default route', () => {
    expect(
      defaultRouteInterface(
        ROUTES.split('\n')
          .filter((l) => !l.includes('0100A8C0'))
          .join('\n')
      )
    ).toBeUndefined()
  })
})

describe('detectUplinkMtu', () => {
  it('reads the MTU of the default-route interface', async () => {
    expect(
      await detectUplinkMtu(
        ...fakeRoots(ROUTES, { ens5: '1360\n', docker0: '1500\n' })
      )
    ).toBe(1360)
  })

  it('gives undefined when the files are missing or odd', async () => {
    expect(await detectUplinkMtu(...fakeRoots(ROUTES, {}))).toBeUndefined()
    expect(
      await detectUplinkMtu(...fakeRoots(ROUTES, { ens5: 'x' }))
    ).toBeUndefined()
    expect(
      await detectUplinkMtu('/nonexistent', '/nonexistent')
    ).toBeUndefined()
  })

  it('reads this machine without throwing', async () => {
    const mtu = await detectUplinkMtu()
    expect(mtu === undefined || mtu >= 68).toBe(true)
  })
})

describe('mtu: the start script setting and the log line', () => {
  test.each<['auto' | number, number | undefined, boolean, string | undefined]>(
    [
      ['auto', 1500, false, 'auto:1500'],
      ['auto', undefined, false, 'auto:'],
      ['auto', 1360, true, undefined],
      [1400, 1500, false, '1400'],
      [1400, 1500, true, '1400']
    ]
  )(
    '[%#] mtu %s, runner %s, daemon.json %s gives %s',
    (mtu, runner, byConfig, expected) => {
      expect(mtuSetting(mtu, runner, byConfig)).toBe(expected)
    }
  )

  test.each<[string, boolean]>([
    ['20.10.24+dfsg1', false],
    ['23.0.6', false],
    ['24.0.0', true],
    ['29.1.0', true],
    ['', false]
  ])('[%#] Docker %s has default-network-opts: %s', (version, expected) => {
    expect(supportsDefaultNetworkOpts(version)).toBe(expected)
  })

  it('says which networks got the MTU and why', () => {
    expect(describeMtu('auto:1500', 1500, '26.1.5')).toBe(
      "Inner networks use MTU 1500 (mtu: auto; the runner's default route has 1500, the smaller of it and the sidecar's eth0 is used below 1500)."
    )
    expect(describeMtu('1360', 1360, '26.1.5')).toBe(
      'Inner networks use MTU 1360: the default bridge and new networks (default-network-opts) (input mtu).'
    )
    expect(describeMtu('auto:', 1360, '20.10.24')).toMatch(
      /^Inner default bridge uses MTU 1360 .* Docker 20\.10\.24 has no default-network-opts \(Docker 24\+\): .*'-o com\.docker\.network\.driver\.mtu=1360'/
    )
    expect(describeMtu(undefined, 1400, '26.1.5')).toBe(
      'Inner networks use MTU 1400 (set by daemon-config).'
    )
  })
})

describe('bridgeMtu: the MTU in the answer to GET /networks/bridge', () => {
  const network = (options: Record<string, string>) =>
    JSON.stringify({ Name: 'bridge', Driver: 'bridge', Options: options })

  test.each<[string, number, string, number | undefined]>([
    [
      'the option dockerd set',
      200,
      network({ 'com.docker.network.driver.mtu': '1400' }),
      1400
    ],
    ['no option: dockerd default', 200, network({}), 1500],
    [
      'no default bridge (bridge: none)',
      404,
      '{"message":"network bridge not found"}',
      undefined
    ],
    ['an answer that is not JSON', 200, 'OK', undefined]
  ])('%s', (_, status, body, mtu) => {
    expect(bridgeMtu({ status, body })).toBe(mtu)
  })
})

describe('MTU_SCRIPT (run with sh)', () => {
  /** The dockerd flags the script leaves in "$@" after `--debug`. */
  function flags(env: Record<string, string>): string[] {
    const bin = mkdtempSync(join(tmpdir(), 'docker-nest-fake-dockerd-'))
    writeFileSync(
      join(bin, 'dockerd'),
      '#!/bin/sh\necho "Docker version 20.10.24+dfsg1, build 297e128"\n',
      { mode: 0o755 }
    )
    const result = spawnSync(
      'sh',
      ['-c', `set -eu\n${MTU_SCRIPT}\nprintf '%s\\n' "$@"`, 'sh', '--debug'],
      {
        encoding: 'utf8',
        env: { PATH: `${bin}:/usr/bin:/bin`, ...env }
      }
    )
    rmSync(bin, { recursive: true, force: true })
    expect(result.status).toBe(0)
    return result.stdout.trim().split('\n')
  }

  test.each<[Record<string, string>, string[]]>([
    [{}, ['--debug']],
    [
      { DOCKER_NEST_INNER_MTU: '1360', DOCKER_VERSION: '29.4.3' },
      [
        '--mtu=1360',
        '--default-network-opt=bridge=com.docker.network.driver.mtu=1360',
        '--debug'
      ]
    ],
    // No DOCKER_VERSION (not the official image): asks dockerd, 20.10 here.
    [{ DOCKER_NEST_INNER_MTU: '1360' }, ['--mtu=1360', '--debug']],
    [
      { DOCKER_NEST_INNER_MTU: '1360', DOCKER_VERSION: 'x' },
      ['--mtu=1360', '--debug']
    ]
  ])('[%#] %o leaves %o', (env, expected) => {
    expect(flags(env)).toEqual(expected)
  })
})
