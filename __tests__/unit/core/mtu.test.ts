import { describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  defaultRouteInterface,
  detectUplinkMtu
} from '../../../src/core/mtu.js'

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
