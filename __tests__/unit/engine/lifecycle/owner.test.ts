import { afterAll, describe, expect, it } from '@jest/globals'
import {
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  findAncestor,
  formatOwner,
  hidesProcesses,
  nestOwner,
  ownerState,
  parseOwner,
  parseStat,
  type ProcessTable
} from '../../../../src/engine/lifecycle/owner.js'

const boot = '5ce1dff6-01b4-43d8-b685-fa5a170663ff'
const table = (
  processes: Record<number, string | null>,
  pidNs = '4026531836'
): ProcessTable => ({
  bootId: boot,
  pidNs,
  startTimeOf: (pid) => (pid in processes ? processes[pid] : undefined)
})
const label = (pid: number, start: string, ns = '4026531836', b = boot) =>
  formatOwner({ bootId: b, pidNs: ns, pid, startTime: start })

/** A stat line as the kernel writes it; `comm` may hold spaces and parentheses. */
const stat = (pid: number, comm: string, ppid: number, start: string) =>
  `${pid} (${comm}) S ${ppid} ${Array.from({ length: 17 }, () => '0').join(' ')} ${start} 0 0\n`

describe('ownerState', () => {
  it.each([
    [
      'the same process still runs',
      table({ 42: '1000' }),
      label(42, '1000'),
      'alive'
    ],
    ['the pid is gone', table({}), label(42, '1000'), 'gone'],
    [
      'the pid was reused by a later process',
      table({ 42: '2000' }),
      label(42, '1000'),
      'gone'
    ],
    [
      'the stat cannot be read (hidepid, permissions)',
      table({ 42: null }),
      label(42, '1000'),
      'unknown'
    ],
    [
      'another pid namespace (a container)',
      table({}, '4026532000'),
      label(42, '1000'),
      'unknown'
    ],
    [
      'another boot or another machine',
      table({}),
      label(42, '1000', '4026531836', 'aaaaaaaa-0000'),
      'unknown'
    ],
    ['no owner label', table({}), '', 'unknown'],
    ['a garbled label', table({}), 'pid 42', 'unknown'],
    ['pid 1 is never an owner', table({}), label(1, '5'), 'unknown']
  ])('[%#] %s', (_name, view, owner, expected) => {
    expect(ownerState(owner, view)).toBe(expected)
  })
})

describe('parseOwner / formatOwner', () => {
  it('round-trips and fits Docker label values', () => {
    const id = {
      bootId: boot,
      pidNs: '4026531836',
      pid: 4242,
      startTime: '123456'
    }
    expect(formatOwner(id)).toBe(`${boot}/4026531836/4242/123456`)
    expect(parseOwner(formatOwner(id))).toEqual(id)
  })
})

describe('parseStat', () => {
  it('reads ppid and start time after a command name with spaces and parentheses', () => {
    expect(parseStat(stat(7, 'a) (b c', 3, '98765'))).toEqual({
      comm: 'a) (b c',
      ppid: 3,
      startTime: '98765'
    })
    expect(parseStat('garbage')).toBeUndefined()
  })
})

describe('hidesProcesses', () => {
  it.each([
    ['22 27 0:21 / /proc rw,relatime - proc proc rw', false],
    ['22 27 0:21 / /proc rw,relatime - proc proc rw,hidepid=2', true],
    ['22 27 0:21 / /proc rw - proc proc rw,hidepid=invisible,subset=pid', true],
    ['22 27 0:21 / /proc rw - proc proc rw,hidepid=0', false],
    ['30 1 0:5 / /sys rw - sysfs sysfs rw,hidepid=2', false]
  ])('[%#] %s → %s', (line, expected) => {
    expect(hidesProcesses(line)).toBe(expected)
  })
})

describe('findAncestor / nestOwner (a fake /proc)', () => {
  const proc = mkdtempSync(join(tmpdir(), 'docker-nest-proc-'))
  const add = (pid: number, comm: string, ppid: number, start: string) => {
    mkdirSync(join(proc, String(pid)), { recursive: true })
    writeFileSync(join(proc, String(pid), 'stat'), stat(pid, comm, ppid, start))
  }
  mkdirSync(join(proc, 'sys/kernel/random'), { recursive: true })
  writeFileSync(join(proc, 'sys/kernel/random/boot_id'), `${boot}\n`)
  mkdirSync(join(proc, 'self'), { recursive: true })
  writeFileSync(
    join(proc, 'self/mountinfo'),
    '22 27 0:21 / /proc rw - proc proc rw\n'
  )
  // /proc/self/ns/pid is a symlink whose target names the namespace.
  mkdirSync(join(proc, 'self/ns'), { recursive: true })
  symlinkSync('pid:[4026531836]', join(proc, 'self/ns/pid'))
  add(100, 'Runner.Listener', 1, '10')
  add(200, 'Runner.Worker', 100, '20')
  add(300, 'bash', 200, '30')
  add(400, 'node', 300, '40')
  add(500, 'sh', 1, '50')
  add(600, 'node', 500, '60')

  afterAll(() => rmSync(proc, { recursive: true, force: true }))

  it('the CLI run from a step’s shell belongs to Runner.Worker; the Action to its parent', () => {
    expect(findAncestor(400, 'Runner.Worker', proc)).toBe(200)
    expect(nestOwner('cli', 400, 300, proc)).toBe(label(200, '20'))
    expect(nestOwner('action', 300, 200, proc)).toBe(label(200, '20'))
  })

  it('without a runner: the Action’s owner is its parent, the CLI has none', () => {
    expect(findAncestor(600, 'Runner.Worker', proc)).toBeUndefined()
    expect(nestOwner('action', 600, 500, proc)).toBe(label(500, '50'))
    expect(nestOwner('cli', 600, 500, proc)).toBeUndefined()
  })

  it('no owner when the parent is init or unknown', () => {
    expect(nestOwner('action', 600, 1, proc)).toBeUndefined()
    expect(nestOwner('action', 600, 999, proc)).toBeUndefined()
  })
})
