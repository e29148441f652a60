import { beforeAll, describe, expect, it, test } from '@jest/globals'
import { execFile } from 'node:child_process'
import { X509Certificate, createPrivateKey, createPublicKey } from 'node:crypto'
import { mkdtemp, readFile, readdir, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import * as tls from 'node:tls'
import { inspect, promisify } from 'node:util'
import {
  CertificateAuthority,
  writeClientCertificates,
  type IssuedCertificate
} from '../../../../src/engine/tls/tls.js'

const execFileAsync = promisify(execFile)
const SANS = {
  dns: ['docker', 'localhost', 'Docker', 'dind-1'],
  ip: ['127.0.0.1', '::1', '127.0.0.1', '0:0:0:0:0:0:0:1', '::ffff:10.1.2.3']
}
const SAN_TEXT =
  'DNS:docker, DNS:localhost, DNS:dind-1, IP Address:127.0.0.1, ' +
  'IP Address:0:0:0:0:0:0:0:1, IP Address:0:0:0:0:0:FFFF:A01:203'

let ca: CertificateAuthority
let server: IssuedCertificate
let client: IssuedCertificate
let otherCa: CertificateAuthority

beforeAll(async () => {
  ;[ca, otherCa] = await Promise.all([
    CertificateAuthority.create(),
    CertificateAuthority.create()
  ])
  server = await ca.issueServerCertificate(SANS)
  client = await ca.issueClientCertificate()
})

async function scratchDir(): Promise<string> {
  return mkdtemp(join(process.env.RUNNER_TEMP ?? tmpdir(), 'tls-test-'))
}

async function pemFile(name: string, pem: string): Promise<string> {
  const path = join(await scratchDir(), name)
  await writeFile(path, pem)
  return path
}

/** Runs openssl; resolves with its output whatever the exit code. */
async function openssl(args: string[]): Promise<{ ok: boolean; out: string }> {
  try {
    const { stdout, stderr } = await execFileAsync('openssl', args)
    return { ok: true, out: stdout + stderr }
  } catch (error) {
    const { stdout, stderr } = error as { stdout: string; stderr: string }
    return { ok: false, out: `${stdout}${stderr}` }
  }
}

async function strictVerify(caPem: string, leafPem: string, purpose: string) {
  const caFile = await pemFile('ca.pem', caPem)
  const leafFile = await pemFile('leaf.pem', leafPem)
  return openssl([
    'verify',
    '-x509_strict',
    '-purpose',
    purpose,
    '-CAfile',
    caFile,
    leafFile
  ])
}

async function opensslText(pem: string): Promise<string> {
  const file = await pemFile('cert.pem', pem)
  const { ok, out } = await openssl(['x509', '-noout', '-text', '-in', file])
  if (!ok) throw new Error(out)
  return out
}

interface ExtensionText {
  critical: boolean
  value: string
}

/** The "X509v3 extensions" section of `openssl x509 -text`, by name. */
async function extensionsOf(pem: string): Promise<Map<string, ExtensionText>> {
  const text = await opensslText(pem)
  const start = text.indexOf('X509v3 extensions:')
  const section = text.slice(start).split(/\n {4}Signature Algorithm/)[0]
  const result = new Map<string, ExtensionText>()
  let current: ExtensionText | undefined
  for (const line of section.split('\n')) {
    const header = /^ {12}X509v3 (.+?):( critical)?\s*$/.exec(line)
    if (header) {
      current = { critical: header[2] !== undefined, value: '' }
      result.set(header[1], current)
    } else if (current && line.trim()) {
      current.value += line.trim()
    }
  }
  return result
}

describe('openssl strict verification', () => {
  test.each([
    ['server', 'sslserver'],
    ['client', 'sslclient']
  ])(
    'The %s certificate passes -x509_strict -purpose %s',
    async (kind, purpose) => {
      const leaf = kind === 'server' ? server : client
      const result = await strictVerify(ca.certPem, leaf.certPem, purpose)
      expect(result).toEqual({ ok: true, out: expect.stringContaining(': OK') })
    }
  )

  test.each([
    ['server', 'sslclient'],
    ['client', 'sslserver']
  ])('The %s certificate fails -purpose %s', async (kind, purpose) => {
    const leaf = kind === 'server' ? server : client
    const result = await strictVerify(ca.certPem, leaf.certPem, purpose)
    expect(result.ok).toBe(false)
    expect(result.out).toContain('unsuitable certificate purpose')
  })
})

describe('CertificateAuthority', () => {
  it('Issues a CA certificate with critical CA:TRUE, key usage and a SKI', async () => {
    const extensions = await extensionsOf(ca.certPem)
    expect(Object.fromEntries(extensions)).toEqual({
      'Basic Constraints': { critical: true, value: 'CA:TRUE, pathlen:0' },
      'Key Usage': {
        critical: true,
        value: 'Digital Signature, Certificate Sign, CRL Sign'
      },
      'Subject Key Identifier': {
        critical: false,
        value: expect.stringMatching(/^([0-9A-F]{2}:){19}[0-9A-F]{2}$/)
      }
    })
    const cert = new X509Certificate(ca.certPem)
    expect(cert.ca).toBe(true)
    expect(cert.subject).toMatch(/^CN=docker-nest CA [0-9a-f]{16}$/)
    expect(cert.issuer).toBe(cert.subject)
    expect(cert.verify(cert.publicKey)).toBe(true)
  })

  test.each([
    ['CA', () => ca.certPem],
    ['server', () => server.certPem],
    ['client', () => client.certPem]
  ])(
    'Signs the %s certificate with ECDSA SHA-256 and a random positive serial',
    async (_kind, pem) => {
      const text = await opensslText(pem())
      expect(text).toContain('Signature Algorithm: ecdsa-with-SHA256')
      expect(text).toContain('NIST CURVE: P-256')
      expect(text).not.toContain('Negative')
      const serial = BigInt(`0x${new X509Certificate(pem()).serialNumber}`)
      expect(serial > 2n ** 64n).toBe(true)
    }
  )

  it('Creates a different CA every time, and B does not trust leaves of A', async () => {
    const [a, b] = [ca.certPem, otherCa.certPem].map(
      (pem) => new X509Certificate(pem)
    )
    expect(a.subject).not.toBe(b.subject)
    expect(a.serialNumber).not.toBe(b.serialNumber)
    expect(a.publicKey.equals(b.publicKey)).toBe(false)
    const result = await strictVerify(b.toString(), server.certPem, 'sslserver')
    expect(result.ok).toBe(false)
    expect(result.out).toContain('unable to get local issuer certificate')
    expect(new X509Certificate(server.certPem).verify(b.publicKey)).toBe(false)
  })

  it('Backdates notBefore by 5 minutes and ends at now + validityHours', async () => {
    const now = new Date('2031-02-03T04:05:06Z')
    const fixed = await CertificateAuthority.create({ now, validityHours: 10 })
    const leaf = await fixed.issueClientCertificate()
    for (const pem of [fixed.certPem, leaf.certPem]) {
      const cert = new X509Certificate(pem)
      expect(new Date(cert.validFrom).toISOString()).toBe(
        '2031-02-03T04:00:06.000Z'
      )
      expect(new Date(cert.validTo).toISOString()).toBe(
        '2031-02-03T14:05:06.000Z'
      )
    }
  })

  it('Is valid for 7 days by default', async () => {
    const now = new Date(Math.floor(Date.now() / 1000) * 1000)
    const cert = new X509Certificate(
      (await CertificateAuthority.create({ now })).certPem
    )
    const days = (Date.parse(cert.validTo) - now.getTime()) / 86_400_000
    expect(days).toBe(7)
    expect(Date.parse(cert.validFrom)).toBeLessThan(Date.now())
  })

  test.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])(
    'Rejects validityHours %p',
    async (validityHours) => {
      await expect(
        CertificateAuthority.create({ validityHours })
      ).rejects.toThrow(RangeError)
    }
  )

  it('Keeps its private key out of reach', async () => {
    expect(Object.getOwnPropertyNames(ca)).toEqual(['certPem'])
    expect(
      Object.getOwnPropertyNames(Object.getPrototypeOf(ca)).sort()
    ).toEqual([
      'constructor',
      'issueClientCertificate',
      'issueServerCertificate'
    ])
    const dump = inspect(ca, { showHidden: true, depth: null })
    expect(dump + JSON.stringify(ca)).not.toMatch(/PRIVATE KEY|CryptoKey/)
    expect(ca.certPem).not.toContain('PRIVATE')
    // The only private keys handed out are the leaves' own.
    const caKey = new X509Certificate(ca.certPem).publicKey
    for (const leaf of [server, client]) {
      const key = createPublicKey(createPrivateKey(leaf.keyPem))
      expect(key.equals(caKey)).toBe(false)
      expect(key.equals(new X509Certificate(leaf.certPem).publicKey)).toBe(true)
    }
  })
})

describe.each([
  ['server', () => server, 'TLS Web Server Authentication'],
  ['client', () => client, 'TLS Web Client Authentication']
])('The %s certificate', (kind, leaf, usage) => {
  it('Carries exactly the extensions strict clients need', async () => {
    const caExtensions = await extensionsOf(ca.certPem)
    const extensions = await extensionsOf(leaf().certPem)
    const caKeyId = caExtensions.get('Subject Key Identifier')?.value
    expect(Object.fromEntries(extensions)).toEqual({
      'Basic Constraints': { critical: true, value: 'CA:FALSE' },
      'Key Usage': { critical: true, value: 'Digital Signature' },
      'Extended Key Usage': { critical: false, value: usage },
      'Authority Key Identifier': { critical: false, value: caKeyId },
      'Subject Key Identifier': {
        critical: false,
        value: expect.not.stringMatching(caKeyId ?? '')
      },
      ...(kind === 'server'
        ? { 'Subject Alternative Name': { critical: false, value: SAN_TEXT } }
        : {})
    })
  })

  it('Names docker-nest and is issued by the CA', () => {
    const cert = new X509Certificate(leaf().certPem)
    expect(cert.subject).toBe(`CN=docker-nest ${kind}`)
    expect(cert.issuer).toBe(new X509Certificate(ca.certPem).subject)
    expect(cert.ca).toBe(false)
  })

  it('Comes with an unencrypted PKCS#8 P-256 key that matches it', () => {
    const { certPem, keyPem } = leaf()
    expect(keyPem).toMatch(
      /^-----BEGIN PRIVATE KEY-----\n[A-Za-z0-9+/=\n]+-----END PRIVATE KEY-----\n$/
    )
    const key = createPrivateKey(keyPem)
    expect(key.asymmetricKeyType).toBe('ec')
    expect(key.asymmetricKeyDetails).toEqual({ namedCurve: 'prime256v1' })
    expect(new X509Certificate(certPem).checkPrivateKey(key)).toBe(true)
  })
})

describe('issueServerCertificate', () => {
  test.each([
    ['docker', true],
    ['LOCALHOST', true],
    ['dind-1', true],
    ['127.0.0.1', true],
    ['::1', true],
    ['dind', false],
    ['127.0.0.2', false],
    ['::2', false]
  ])('Matches host %s: %p', (host, matches) => {
    const peer = new X509Certificate(server.certPem).toLegacyObject()
    const error = tls.checkServerIdentity(host, peer)
    expect(error === undefined).toBe(matches)
  })

  // Every way `::` can sit (inside, at the end, alone) expands to 16 bytes.
  test.each([
    ['2001:DB8::1', '2001:DB8:0:0:0:0:0:1'],
    ['1:0:0:2::3', '1:0:0:2:0:0:0:3'],
    ['1::', '1:0:0:0:0:0:0:0'],
    ['::', '0:0:0:0:0:0:0:0'],
    ['::1.2.3.4', '0:0:0:0:0:0:102:304']
  ])('Writes the IPv6 address %s as %s', async (ip, written) => {
    const cert = await ca.issueServerCertificate({ dns: [], ip: [ip] })
    expect(new X509Certificate(cert.certPem).subjectAltName).toBe(
      `IP Address:${written}`
    )
  })

  test.each([
    [{ dns: [], ip: [] }, /at least one/],
    [{ dns: ['my host'], ip: [] }, /Invalid DNS name .*'my host'/],
    [{ dns: [''], ip: [] }, /Invalid DNS name/],
    [{ dns: [], ip: ['docker'] }, /Invalid IP address .*'docker'/],
    [{ dns: [], ip: ['10.0.0.256'] }, /Invalid IP address/],
    [{ dns: [], ip: ['fe80::1%eth0'] }, /Invalid IP address/],
    [{ dns: [], ip: ['1::2::3'] }, /Invalid IP address/],
    [{ dns: [], ip: ['1:2:3:4:5:6:7:8:9'] }, /Invalid IP address/],
    [{ dns: [], ip: ['[::1]'] }, /Invalid IP address/]
  ])('[%#] Rejects %j', async (names, message) => {
    await expect(ca.issueServerCertificate(names)).rejects.toThrow(message)
  })
})

describe('writeClientCertificates', () => {
  it('Writes ca.pem, cert.pem and key.pem into a fresh 0700 directory', async () => {
    const parent = await scratchDir()
    const dir = await writeClientCertificates(parent, ca.certPem, client)
    expect(dirname(dir)).toBe(parent)
    expect(basename(dir)).toMatch(/^docker-nest-certs-/)
    expect((await stat(dir)).mode & 0o777).toBe(0o700)
    expect((await readdir(dir)).sort()).toEqual([
      'ca.pem',
      'cert.pem',
      'key.pem'
    ])
    const files = { 'ca.pem': ca.certPem, 'cert.pem': client.certPem }
    for (const [name, pem] of Object.entries(files)) {
      expect(await readFile(join(dir, name), 'utf8')).toBe(pem)
    }
    expect(await readFile(join(dir, 'key.pem'), 'utf8')).toBe(client.keyPem)
  })

  it('Creates a new directory on every call', async () => {
    const parent = await scratchDir()
    const first = await writeClientCertificates(parent, ca.certPem, client)
    const second = await writeClientCertificates(parent, ca.certPem, client)
    expect(second).not.toBe(first)
    expect((await readdir(parent)).sort()).toEqual(
      [basename(first), basename(second)].sort()
    )
  })

  it('Sets exact file modes even under a strict umask', async () => {
    const previous = process.umask(0o077)
    try {
      const dir = await writeClientCertificates(
        await scratchDir(),
        ca.certPem,
        client
      )
      const modes = await Promise.all(
        ['key.pem', 'cert.pem', 'ca.pem'].map(
          async (name) => (await stat(join(dir, name))).mode & 0o777
        )
      )
      expect(modes).toEqual([0o600, 0o644, 0o644])
    } finally {
      process.umask(previous)
    }
  })
})

/** A client cert signed by its own key, i.e. by nobody the server trusts. */
async function selfSignedClient(): Promise<IssuedCertificate> {
  const dir = await scratchDir()
  const [keyFile, certFile] = [join(dir, 'key.pem'), join(dir, 'cert.pem')]
  const { ok, out } = await openssl([
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-keyout',
    keyFile,
    '-out',
    certFile,
    '-days',
    '1',
    '-subj',
    '/CN=docker-nest client',
    '-addext',
    'extendedKeyUsage=clientAuth'
  ])
  if (!ok) throw new Error(out)
  return {
    certPem: await readFile(certFile, 'utf8'),
    keyPem: await readFile(keyFile, 'utf8')
  }
}

interface MtlsServer {
  port: number
  /** Common names of the clients that got through. */
  accepted: string[]
}

/** Runs `fn` against a dockerd-like server: client certs required. */
async function withMtlsServer(fn: (s: MtlsServer) => Promise<void>) {
  const state: MtlsServer = { port: 0, accepted: [] }
  const listener = tls.createServer(
    {
      key: server.keyPem,
      cert: server.certPem,
      ca: ca.certPem,
      requestCert: true,
      rejectUnauthorized: true
    },
    (socket) => {
      state.accepted.push(String(socket.getPeerCertificate().subject.CN))
      socket.end('hello')
    }
  )
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve))
  try {
    state.port = (listener.address() as { port: number }).port
    await fn(state)
  } finally {
    await new Promise((resolve) => listener.close(resolve))
  }
}

/** Connects to 127.0.0.1 and resolves with what the server sent. */
function request(port: number, options: tls.ConnectionOptions) {
  return new Promise<string>((resolve, reject) => {
    const socket = tls.connect({ host: '127.0.0.1', port, ...options })
    let received = ''
    socket.setEncoding('utf8')
    socket.setTimeout(5000, () => socket.destroy(new Error('timed out')))
    socket.on('data', (chunk: string) => (received += chunk))
    socket.on('error', reject)
    socket.on('close', () => resolve(received))
  })
}

describe('Mutual TLS with node:tls', () => {
  const trusted = (): tls.ConnectionOptions => ({
    ca: ca.certPem,
    cert: client.certPem,
    key: client.keyPem
  })

  test.each([
    ['by name', 'localhost', { servername: 'localhost' }],
    ['by IP', '127.0.0.1', {}]
  ])(
    'Accepts the client cert and verifies the server %s (%s)',
    async (_how, _host, extra) => {
      await withMtlsServer(async (s) => {
        await expect(request(s.port, { ...trusted(), ...extra })).resolves.toBe(
          'hello'
        )
        expect(s.accepted).toEqual(['docker-nest client'])
      })
    }
  )

  it('Fails for a host name that is not in the SANs', async () => {
    await withMtlsServer(async (s) => {
      const options = { ...trusted(), servername: 'not-in-sans.example' }
      await expect(request(s.port, options)).rejects.toMatchObject({
        code: 'ERR_TLS_CERT_ALTNAME_INVALID',
        reason: expect.stringContaining("is not in the cert's altnames")
      })
      expect(s.accepted).toEqual([])
    })
  })

  it('Fails when the client does not trust the CA', async () => {
    await withMtlsServer(async (s) => {
      const options = { ...trusted(), ca: otherCa.certPem }
      // OpenSSL sends the CA along with the leaf, hence "in chain".
      await expect(request(s.port, options)).rejects.toMatchObject({
        code: 'SELF_SIGNED_CERT_IN_CHAIN'
      })
    })
  })

  test.each([
    ['no client certificate', async () => ({})],
    ['a self-signed client certificate', selfSignedClient],
    [
      'a client certificate of another CA',
      () => otherCa.issueClientCertificate()
    ]
  ])('Rejects a client with %s', async (_case, clientCert) => {
    const { certPem, keyPem } =
      (await clientCert()) as Partial<IssuedCertificate>
    await withMtlsServer(async (s) => {
      const options = { ca: ca.certPem, cert: certPem, key: keyPem }
      // Under TLS 1.3 the client finishes its side before the server checks
      // its certificate, so a refusal shows up as an alert or a bare close.
      const outcome = await request(s.port, options).catch(
        (error: NodeJS.ErrnoException) => error.code
      )
      expect(outcome).not.toBe('hello')
      expect(s.accepted).toEqual([])
    })
  })
})
