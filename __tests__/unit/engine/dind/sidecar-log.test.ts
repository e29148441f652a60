import { describe, expect, test } from '@jest/globals'
import {
  SidecarLog,
  daemonFactsFromLog,
  isDaemonLine,
  parseDaemonLine
} from '../../../../src/engine/dind/sidecar-log.js'

/** dockerd's "Docker daemon" line as each version logs it (text format unless said). */
const LINES = {
  '20.10':
    'time="2026-11-23T19:43:12.464914897Z" level=info msg="Docker daemon" commit=5d6db84 graphdriver(s)=overlay2 version=20.10.24+dfsg1',
  '24': 'time="2026-11-23T19:43:12Z" level=info msg="Docker daemon" commit=1a79695 graphdriver=overlay2 version=24.0.9',
  '26': 'time="2026-11-23T19:43:08.879551937Z" level=info msg="Docker daemon" commit=411e817 containerd-snapshotter=false storage-driver=overlay2 version=26.1.5+dfsg1',
  '29 containerd store':
    'time="2026-11-23T19:43:08Z" level=info msg="Docker daemon" commit=abc1234 containerd-snapshotter=true storage-driver=overlayfs version=29.0.1',
  '20.10 json':
    '{"commit":"5d6db84","graphdriver(s)":"overlay2","level":"info","msg":"Docker daemon","time":"2026-11-23T19:43:12Z","version":"20.10.24"}'
}

function logOf(...lines: string[]): SidecarLog {
  const log = new SidecarLog()
  log.append(Buffer.from(lines.map((line) => `${line}\n`).join('')))
  return log
}

describe('parseDaemonLine', () => {
  test.each([
    ['20.10', '20.10.24+dfsg1', 'overlay2'],
    ['24', '24.0.9', 'overlay2'],
    ['26', '26.1.5+dfsg1', 'overlay2'],
    ['29 containerd store', '29.0.1', 'overlayfs'],
    ['20.10 json', '20.10.24', 'overlay2']
  ] as const)('%s', (key, serverVersion, storageDriver) => {
    expect(parseDaemonLine(LINES[key])).toEqual({
      serverVersion,
      storageDriver
    })
  })

  test.each([
    [
      'another message with the same fields',
      'level=info msg="Loading containers: done." version=26.1.5 storage-driver=overlay2'
    ],
    [
      'no storage driver',
      'level=info msg="Docker daemon" commit=411e817 version=26.1.5'
    ],
    [
      'no version',
      'level=info msg="Docker daemon" commit=411e817 storage-driver=overlay2'
    ],
    ['the start script', 'docker-nest: fast start: containerd listens']
  ])('not the line: %s', (_title, line) => {
    expect(parseDaemonLine(line)).toBeUndefined()
    expect(isDaemonLine(line)).toBe(false)
  })
})

describe('SidecarLog', () => {
  test('keeps what came, across chunks and a character split between them', () => {
    const log = new SidecarLog()
    const text = Buffer.from('Grüße\n')
    log.append(text.subarray(0, 3)) // splits ü
    log.append(text.subarray(3))
    expect(log.text).toBe('Grüße\n')
  })

  test("is complete when it begins with the start script's first line", () => {
    expect(logOf('docker-nest: cgroup v2', 'more').complete).toBe(true)
    expect(logOf('docker-nest: MTU 1400 for dockerd 26.1.5').complete).toBe(
      false
    )
    expect(new SidecarLog().complete).toBe(false)
  })

  test('finds a line that is already there', async () => {
    const log = logOf('one', LINES['26'], 'three')
    await expect(log.waitForLine(isDaemonLine, 0)).resolves.toBe(LINES['26'])
  })

  test('waits for a line that comes later, and only once it is complete', async () => {
    const log = logOf('docker-nest: cgroup v2')
    const found = log.waitForLine(isDaemonLine, 2000)
    log.append(Buffer.from(LINES['20.10'].slice(0, 40)))
    log.append(Buffer.from(`${LINES['20.10'].slice(40)}\n`))
    await expect(found).resolves.toBe(LINES['20.10'])
  })

  test('gives up after the timeout', async () => {
    const log = logOf('docker-nest: cgroup v1', LINES['26'].slice(0, 50))
    await expect(log.waitForLine(isDaemonLine, 20)).resolves.toBeUndefined()
  })
})

describe('daemonFactsFromLog', () => {
  const noWholeLog = () => Promise.reject(new Error('not asked'))

  test('version and driver from the daemon, the cgroup version from the start script', async () => {
    const log = logOf('docker-nest: cgroup v2', 'noise', LINES['26'])
    await expect(daemonFactsFromLog(log, 0, noWholeLog)).resolves.toEqual({
      serverVersion: '26.1.5+dfsg1',
      storageDriver: 'overlay2',
      cgroupVersion: '2'
    })
  })

  test("the stream missed the sidecar's first lines: the cgroup line from its whole log", async () => {
    const log = logOf('noise', LINES['20.10'])
    expect(log.complete).toBe(false)
    await expect(
      daemonFactsFromLog(log, 0, async () => 'docker-nest: cgroup v1\nnoise\n')
    ).resolves.toMatchObject({
      serverVersion: '20.10.24+dfsg1',
      cgroupVersion: '1'
    })
  })

  test('an unknown cgroup version when no log has the line', async () => {
    await expect(
      daemonFactsFromLog(logOf(LINES['20.10']), 0, noWholeLog)
    ).resolves.toMatchObject({ cgroupVersion: '' })
  })

  test('undefined without the daemon line (main then asks GET /info)', async () => {
    await expect(
      daemonFactsFromLog(logOf('docker-nest: cgroup v1'), 10, noWholeLog)
    ).resolves.toBeUndefined()
  })
})
