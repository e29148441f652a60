import { describe, expect, it, test } from '@jest/globals'
import {
  AUTO_IMAGE,
  INPUT_DEFAULTS,
  InputError,
  parseInputs,
  splitList,
  type RawInputs
} from '../../../../src/engine/options/config.js'

/** Returns the problems parseInputs reports for these inputs (fails if it accepts them). */
function problemsFor(inputs: RawInputs): string[] {
  try {
    parseInputs(inputs)
  } catch (error) {
    expect(error).toBeInstanceOf(InputError)
    return (error as InputError).problems
  }
  throw new Error(`parseInputs accepted ${JSON.stringify(inputs)}`)
}

describe('parseInputs', () => {
  it('gives the documented defaults when no input is set', () => {
    expect(parseInputs({})).toEqual({
      image: AUTO_IMAGE,
      tls: true,
      waitTimeoutMs: 60_000,
      dockerdArgs: [],
      registryMirrors: [],
      insecureRegistries: [],
      mtu: 'auto',
      tlsSans: { dns: [], ip: [] },
      cleanup: true,
      cleanupContainers: false,
      mode: 'dind',
      socket: '',
      socketProxy: false,
      dockerCli: {
        version: '',
        baseUrl: 'https://download.docker.com/linux/static/stable',
        sha256: ''
      },
      clients: {
        setHost: true,
        context: '',
        testcontainersHostOverride: false
      },
      runtime: '',
      rootless: false,
      rootlessUnprivileged: false,
      cache: {
        name: '',
        busy: 'fallback',
        maxBytes: undefined,
        scope: 'repository',
        partition: ''
      },
      fastStart: true,
      earlyStart: true
    })
  })

  it.each([
    ['false', false],
    ['True', true]
  ])("[%#] reads fast-start '%s' as %s", (value, expected) => {
    expect(parseInputs({ 'fast-start': value }).fastStart).toBe(expected)
  })

  it.each([
    ['false', false],
    ['FALSE', false],
    ['true', true]
  ])("[%#] reads set-host '%s' as %s", (value, expected) => {
    expect(parseInputs({ 'set-host': value }).clients.setHost).toBe(expected)
  })

  it('rejects a set-host that is not a boolean, naming the input', () => {
    expect(() => parseInputs({ 'set-host': 'no' })).toThrow(
      "Input 'set-host' must be 'true' or 'false', got 'no'."
    )
  })

  it('rejects a fast-start that is not a boolean, naming the input', () => {
    expect(() => parseInputs({ 'fast-start': 'yes' })).toThrow(
      "Input 'fast-start' must be 'true' or 'false', got 'yes'."
    )
  })

  it('treats blank values like missing ones, as the runner passes every input', () => {
    const blank = Object.fromEntries(
      Object.keys(INPUT_DEFAULTS).map((name) => [name, '  '])
    ) as RawInputs
    expect(parseInputs(blank)).toEqual(parseInputs({}))
  })

  test.each<[RawInputs, Partial<ReturnType<typeof parseInputs>>]>([
    [{ tls: 'false' }, { tls: false }],
    [{ tls: 'TRUE' }, { tls: true }],
    [{ cleanup: 'False' }, { cleanup: false, cleanupContainers: false }],
    [{ cleanup: 'containers' }, { cleanup: true, cleanupContainers: true }],
    [{ mode: 'dood' }, { mode: 'dood' }],
    [{ mode: 'auto' }, { mode: 'auto' }],
    [
      { socket: '/run/user/1000/docker.sock' },
      { socket: '/run/user/1000/docker.sock' }
    ],
    [
      { socket: 'unix:///var/run/docker.sock' },
      { socket: '/var/run/docker.sock' }
    ],
    [
      {
        'docker-cli-version': '28.5.2',
        'docker-cli-url': 'http://127.0.0.1:8080/static/',
        'docker-cli-sha256': 'A'.repeat(64)
      },
      {
        dockerCli: {
          version: '28.5.2',
          baseUrl: 'http://127.0.0.1:8080/static',
          sha256: 'a'.repeat(64)
        }
      }
    ],
    [{ 'wait-timeout': '2.5' }, { waitTimeoutMs: 2500 }],
    [{ 'wait-timeout': '3600' }, { waitTimeoutMs: 3_600_000 }],
    [{ mtu: '1360' }, { mtu: 1360 }],
    [{ image: 'docker:26-dind' }, { image: 'docker:26-dind' }],
    [
      { image: 'localhost:5000/team/dind:26.1' },
      { image: 'localhost:5000/team/dind:26.1' }
    ],
    [
      { image: `docker@sha256:${'a'.repeat(64)}` },
      { image: `docker@sha256:${'a'.repeat(64)}` }
    ],
    [
      {
        'dockerd-args':
          '--debug\n\n# comment\n--default-ulimit nofile=1024:2048\n'
      },
      { dockerdArgs: ['--debug', '--default-ulimit', 'nofile=1024:2048'] }
    ],
    [
      {
        'registry-mirrors':
          'https://m1.example.com, http://10.0.0.1:5000\nhttps://m2.example.com/'
      },
      {
        registryMirrors: [
          'https://m1.example.com',
          'http://10.0.0.1:5000',
          'https://m2.example.com/'
        ]
      }
    ],
    [
      { 'insecure-registries': 'registry.local:5000 10.0.0.0/8 fd00::/8' },
      { insecureRegistries: ['registry.local:5000', '10.0.0.0/8', 'fd00::/8'] }
    ],
    [
      {
        'tls-san':
          'DNS:dind, dns:Build.Example.com IP:10.9.8.7 IP:fd00::1 DNS:*.svc.local'
      },
      {
        tlsSans: {
          dns: ['dind', 'build.example.com', '*.svc.local'],
          ip: ['10.9.8.7', 'fd00::1']
        }
      }
    ]
  ])('[%#] accepts %o', (inputs, expected) => {
    expect(parseInputs(inputs)).toMatchObject(expected)
  })

  test.each<[RawInputs, string]>([
    [{ mode: 'x' }, "Input 'mode' must be one of dind, dood, auto, got 'x'."],
    [
      { mode: 'DIND' },
      "Input 'mode' must be one of dind, dood, auto, got 'DIND'."
    ],
    [{ socket: 'docker.sock' }, "Input 'socket' must be an absolute path"],
    [
      { 'docker-cli-version': 'latest' },
      "Input 'docker-cli-version' must be a release such as '29.0.0', got 'latest'."
    ],
    [
      { 'docker-cli-url': 'ftp://mirror/docker' },
      "Input 'docker-cli-url' must be an http(s) URL"
    ],
    [
      { 'docker-cli-sha256': 'abc' },
      "Input 'docker-cli-sha256' must be 64 hex digits, got 'abc'."
    ],
    [{ image: '-v /:/host' }, "Input 'image' must be an image reference"],
    [{ image: 'Docker:dind' }, "Input 'image' must be an image reference"],
    [{ image: 'docker:' }, "Input 'image' must be an image reference"],
    [{ image: 'docker dind' }, "Input 'image' must be an image reference"],
    [
      { image: 'docker@sha256:abc' },
      "Input 'image' must be an image reference"
    ],
    [{ tls: 'yes' }, "Input 'tls' must be 'true' or 'false', got 'yes'."],
    [{ tls: '1' }, "Input 'tls' must be 'true' or 'false', got '1'."],
    [
      { cleanup: 'no' },
      "Input 'cleanup' must be 'true', 'false' or 'containers', got 'no'."
    ],
    [
      { cleanup: 'Containers' },
      "Input 'cleanup' must be 'true', 'false' or 'containers', got 'Containers'."
    ],
    [
      { 'wait-timeout': '0' },
      "Input 'wait-timeout' must be a number of seconds"
    ],
    [
      { 'wait-timeout': '-5' },
      "Input 'wait-timeout' must be a number of seconds"
    ],
    [{ 'wait-timeout': '60s' }, "got '60s'"],
    [
      { 'wait-timeout': '3601' },
      "Input 'wait-timeout' must be a number of seconds"
    ],
    [{ 'wait-timeout': 'Infinity' }, "got 'Infinity'"],
    [
      { mtu: '0' },
      "Input 'mtu' must be 'auto' or a whole number from 576 to 65535"
    ],
    [{ mtu: '1500.5' }, "got '1500.5'"],
    [{ mtu: '70000' }, "got '70000'"],
    [{ mtu: 'AUTO' }, "got 'AUTO'"],
    [
      { 'dockerd-args': 'debug' },
      "Input 'dockerd-args' takes dockerd flags, one per line"
    ],
    [{ 'dockerd-args': '--host=tcp://0.0.0.0:2375' }, 'may not set --host'],
    [{ 'dockerd-args': '-H tcp://0.0.0.0:2375' }, 'may not set -H'],
    [
      { 'dockerd-args': '--tlsverify=false' },
      "may not set --tlsverify (use input 'tls')"
    ],
    [{ 'dockerd-args': '--tls=false' }, "may not set --tls (use input 'tls')"],
    [{ 'dockerd-args': '--tlskey /x' }, 'may not set --tlskey'],
    [{ 'dockerd-args': '--data-root=/tmp/x' }, 'may not set --data-root'],
    [{ 'dockerd-args': '--mtu=1400' }, "may not set --mtu (use input 'mtu')"],
    // Every word counts, in every form dockerd accepts: it takes the last.
    [
      { 'dockerd-args': '--debug --tlsverify=false' },
      "may not set --tlsverify (use input 'tls'), got '--debug --tlsverify=false'"
    ],
    [{ 'dockerd-args': '--debug -Htcp://0.0.0.0:2999' }, 'may not set -H'],
    [{ 'dockerd-args': '-DHtcp://0.0.0.0:2999' }, 'may not set -H'],
    [{ 'dockerd-args': '--debug --data-root=/x' }, 'may not set --data-root'],
    [
      { 'dockerd-args': '--log-level warn --tlscacert=/x' },
      'may not set --tlscacert'
    ],
    [{ 'dockerd-args': '-g /x' }, 'may not set -g'],
    [
      { 'registry-mirrors': 'https://user:s3cret@mirror.example' },
      "Input 'registry-mirrors' entry 'https://user:***@mirror.example' carries credentials"
    ],
    [
      { 'registry-mirrors': 'mirror.example.com' },
      "Input 'registry-mirrors' entries must be http(s) URLs"
    ],
    [{ 'registry-mirrors': 'ftp://mirror' }, "got 'ftp://mirror'"],
    [
      { 'insecure-registries': 'http://registry' },
      "Input 'insecure-registries' entries must be host[:port] or a CIDR"
    ],
    [{ 'insecure-registries': '10.0.0.0/33' }, "got '10.0.0.0/33'"],
    [
      { 'tls-san': 'mydind' },
      "Input 'tls-san' entries need a type prefix: use 'DNS:mydind' or 'IP:<address>', got 'mydind'."
    ],
    [
      { 'tls-san': 'IP:300.1.1.1' },
      "Input 'tls-san' entry 'IP:300.1.1.1' is not a valid IPv4/IPv6 address."
    ],
    [
      { 'tls-san': 'DNS:-bad-' },
      "Input 'tls-san' entry 'DNS:-bad-' is not a valid DNS name."
    ],
    [{ 'tls-san': 'URI:https://x' }, 'need a type prefix'],
    [{ 'tls-san': 'DNS:a_b' }, 'is not a valid DNS name'],
    [
      { 'tls-san': 'IP:fe80::1%eth0' },
      "Input 'tls-san' entry 'IP:fe80::1%eth0' has a zone index, which a certificate cannot hold; give the address alone: 'IP:fe80::1'."
    ],
    [
      { 'tls-san': 'IP:::ffff:10.0.0.1' },
      "Input 'tls-san' entry 'IP:::ffff:10.0.0.1' is an IPv4-mapped IPv6 address, which Go's TLS (the docker CLI, dockerd 28 and later) refuses in a certificate; write 'IP:10.0.0.1'."
    ],
    [{ 'tls-san': 'IP:0:0:0:0:0:ffff:a00:1' }, "write 'IP:10.0.0.1'"]
  ])(
    '[%#] rejects %o naming the input, value and valid values',
    (inputs, message) => {
      const problems = problemsFor(inputs)
      expect(problems).toHaveLength(1)
      expect(problems[0]).toContain(message)
    }
  )

  it('never repeats a registry password it refuses', () => {
    const secret = 's3cret-token'
    for (const inputs of [
      { 'registry-mirrors': `https://user:${secret}@mirror.example` },
      {
        'daemon-config': JSON.stringify({
          'registry-mirrors': [`https://u:${secret}@m.example`]
        })
      }
    ]) {
      let message = ''
      try {
        parseInputs(inputs)
      } catch (error) {
        message = (error as Error).message
      }
      expect(message).toContain('carries credentials')
      expect(message).toContain(':***@')
      expect(message).not.toContain(secret)
    }
  })

  it('reports every bad input at once, one line each', () => {
    const problems = problemsFor({
      mode: 'x',
      tls: 'maybe',
      mtu: 'big',
      'tls-san': 'dind'
    })
    expect(problems).toHaveLength(4)
    expect(
      problems.map((line) => line.match(/Input '([a-z-]+)'/)?.[1])
    ).toEqual(['mode', 'tls', 'mtu', 'tls-san'])
  })
})

describe('splitList', () => {
  test.each<[string, string[]]>([
    ['', []],
    ['a', ['a']],
    ['a,b', ['a', 'b']],
    [' a ,\n b\r\n\tc  ', ['a', 'b', 'c']],
    [',,', []]
  ])('[%#] splits %j', (value, expected) => {
    expect(splitList(value)).toEqual(expected)
  })
})
