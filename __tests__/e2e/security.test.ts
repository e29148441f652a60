/**
 * Security checks against a real nest. One nest is shared by the read-only
 * checks (they only look); tls: false gets its own. The nest must accept
 * only clients with a certificate from its own CA, listen on loopback only,
 * never write the CA key anywhere, keep keys private, and never print key
 * material or the client certificate.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { X509Certificate, createPublicKey } from 'node:crypto'
import {
  mkdirSync,
  readFileSync,
  readdirSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { connect as netConnect } from 'node:net'
import { networkInterfaces } from 'node:os'
import { join } from 'node:path'
import { connect as tlsConnect, type ConnectionOptions } from 'node:tls'
import { CertificateAuthority } from '../../src/engine/tls/tls.js'
import { runMain, runPost, type StepResult } from './harness/runner.js'
import {
  E2E,
  IMAGES,
  docker,
  dockerOk,
  newRunId,
  requireDocker,
  tempDir
} from './helpers/docker.js'
import { cleanUp, leftFrom, warningsOf } from './helpers/steps.js'

const suite = E2E ? describe : describe.skip
const TIMEOUT = 120_000

interface PingResult {
  response: string
  error?: string
}

/** GET /_ping over TLS with the given client identity; what came back. */
function tlsPing(
  port: number,
  options: ConnectionOptions
): Promise<PingResult> {
  return new Promise((resolve) => {
    let response = ''
    let error: string | undefined
    const socket = tlsConnect({
      host: '127.0.0.1',
      port,
      servername: 'localhost',
      ...options
    })
    socket.setTimeout(5000, () => socket.destroy(new Error('timeout')))
    socket.on('secureConnect', () =>
      socket.write(
        'GET /_ping HTTP/1.1\r\nHost: docker\r\nConnection: close\r\n\r\n'
      )
    )
    socket.on('data', (chunk: Buffer) => (response += chunk.toString()))
    socket.on('error', (e) => (error = e.message))
    socket.on('close', () => resolve({ response, error }))
  })
}

/** Whether a plain TCP connection to host:port opens within a second. */
function tcpOpens(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = netConnect({ host, port })
    socket.setTimeout(1000, () => {
      socket.destroy()
      resolve(false)
    })
    socket.on('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.on('error', () => resolve(false))
  })
}

/** Every file under `dir`, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
}

const PEM_KEY =
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]+?-----END [A-Z ]*PRIVATE KEY-----/g

/** SPKI (DER, hex) of every private key in `text`. */
function privateKeysIn(text: string): string[] {
  return (text.match(PEM_KEY) ?? []).map((pem) =>
    createPublicKey(pem).export({ type: 'spki', format: 'der' }).toString('hex')
  )
}

function spkiOf(certPem: string): string {
  return new X509Certificate(certPem).publicKey
    .export({ type: 'spki', format: 'der' })
    .toString('hex')
}

/** A run of base64 from the middle of a PEM body: if it shows up, the PEM leaked. */
function fingerprint(pem: string): string {
  const body = pem.replace(/-----[^-]+-----/g, '').replace(/\s/g, '')
  return body.slice(20, 60)
}

suite('security (real daemon)', () => {
  const work = tempDir('docker-nest-e2e-sec-')
  const ciRunId = newRunId()
  const workDir = join(work.dir, 'shared')
  let main: StepResult
  let port: number
  let certDir: string
  let client: { ca: string; cert: string; key: string }

  beforeAll(async () => {
    requireDocker([IMAGES.official])
    main = await runMain({
      inputs: { image: IMAGES.official },
      env: { GITHUB_RUN_ID: ciRunId },
      workDir
    })
    expect(main.exitCode).toBe(0)
    port = Number(main.outputs.port)
    certDir = main.outputs['cert-path']
    client = {
      ca: readFileSync(join(certDir, 'ca.pem'), 'utf8'),
      cert: readFileSync(join(certDir, 'cert.pem'), 'utf8'),
      key: readFileSync(join(certDir, 'key.pem'), 'utf8')
    }
  }, TIMEOUT)

  afterAll(async () => {
    try {
      const post = await runPost(main)
      expect(post.exitCode).toBe(0)
      expect(leftFrom(ciRunId, main)).toEqual([])
    } finally {
      cleanUp(main)
      work.remove()
    }
  }, TIMEOUT)

  it('answers a client with our certificate (the control)', async () => {
    const ping = await tlsPing(port, client)
    expect(ping.response).toMatch(/^HTTP\/1\.1 200 OK[\s\S]*\r\n\r\nOK$/)
  })

  it('refuses a client without a certificate (node tls and curl)', async () => {
    const ping = await tlsPing(port, { ca: client.ca })
    expect(ping.response).toBe('')
    expect(ping.error).toMatch(
      /certificate required|alert|reset|hang up|EPIPE/i
    )
    const caFile = join(work.dir, 'ca.pem')
    writeFileSync(caFile, client.ca)
    const curl = spawnSync('curl', [
      '--silent',
      '--show-error',
      '--cacert',
      caFile,
      `https://localhost:${port}/_ping`
    ])
    expect(curl.status).not.toBe(0)
    expect(curl.stdout.toString()).not.toContain('OK')
  })

  it('refuses a self-signed client certificate and one from another CA', async () => {
    const dir = join(work.dir, 'intruder')
    mkdirSync(dir)
    const made = spawnSync('openssl', [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
      '-subj',
      '/CN=intruder',
      '-days',
      '1',
      '-addext',
      'extendedKeyUsage=clientAuth'
    ])
    expect(made.status).toBe(0)
    const selfSigned = await tlsPing(port, {
      ca: client.ca,
      cert: readFileSync(join(dir, 'cert.pem')),
      key: readFileSync(join(dir, 'key.pem'))
    })
    expect(selfSigned.response).toBe('')
    expect(selfSigned.error).toBeDefined()
    const other = await CertificateAuthority.create()
    const foreign = await other.issueClientCertificate()
    const otherCa = await tlsPing(port, {
      ca: client.ca,
      cert: foreign.certPem,
      key: foreign.keyPem
    })
    expect(otherCa.response).toBe('')
    expect(otherCa.error).toBeDefined()
  })

  it('publishes the daemon port on 127.0.0.1 only', async () => {
    const inspect = JSON.parse(
      dockerOk(['inspect', main.outputs['container-id']])
    )[0]
    const bindings = [
      ...Object.values(inspect.HostConfig.PortBindings ?? {}),
      ...Object.values(inspect.NetworkSettings.Ports ?? {})
    ]
      .flat()
      // null: a port the image EXPOSEs but nobody published (unreachable).
      .filter(Boolean) as { HostIp: string; HostPort: string }[]
    expect(bindings.length).toBeGreaterThan(0)
    for (const binding of bindings) expect(binding.HostIp).toBe('127.0.0.1')
    expect(await tcpOpens('127.0.0.1', port)).toBe(true)
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a && !a.internal && a.family === 'IPv4')
      .map((a) => a!.address)
    expect(others.length).toBeGreaterThan(0) // at least docker0
    for (const address of others) {
      expect([address, await tcpOpens(address, port)]).toEqual([address, false])
    }
  })

  it('never writes the CA private key: every key on disk belongs to a leaf certificate', () => {
    const container = main.outputs['container-id']
    const serverCert = dockerOk([
      'exec',
      container,
      'cat',
      '/certs/server/cert.pem'
    ])
    const leafKeys = [spkiOf(client.cert), spkiOf(serverCert)]
    const caKey = spkiOf(client.ca)
    // The job's files: RUNNER_TEMP, the cert dir, file commands, workspace.
    const found = filesUnder(workDir).flatMap((file) =>
      privateKeysIn(readFileSync(file, 'latin1'))
    )
    // The sidecar's files that differ from its image, and /certs.
    const changed = dockerOk(['diff', container])
      .split('\n')
      .filter((line) => /^[AC] \//.test(line))
      .map((line) => line.slice(2))
      .filter(
        (path) =>
          !/^\/(proc|sys|dev|run|var\/run|var\/lib\/docker)(\/|$)/.test(path)
      )
    const grep = spawnSync('docker', [
      'exec',
      container,
      'sh',
      '-c',
      'for f in "$@"; do [ -f "$f" ] && cat "$f"; done; find /certs -type f -exec cat {} +',
      'scan',
      ...changed
    ])
    found.push(...privateKeysIn(grep.stdout.toString('latin1')))
    expect(found.length).toBeGreaterThanOrEqual(2) // the scan does see keys
    expect(found).not.toContain(caKey)
    for (const key of found) expect(leafKeys).toContain(key)
  })

  it('keeps keys private: dir 0700 and key 0600 on the runner and in the sidecar', () => {
    expect(statSync(certDir).mode & 0o777).toBe(0o700)
    expect(statSync(join(certDir, 'key.pem')).mode & 0o777).toBe(0o600)
    const modes = dockerOk([
      'exec',
      main.outputs['container-id'],
      'stat',
      '-c',
      '%a %n',
      '/certs/server',
      '/certs/server/key.pem'
    ])
    expect(modes.trim().split('\n')).toEqual([
      '700 /certs/server',
      '600 /certs/server/key.pem'
    ])
  })

  it('prints no key material or client certificate in logs, outputs, env or summary', async () => {
    const texts = {
      stdout: main.stdout,
      stderr: main.stderr,
      outputs: JSON.stringify(main.outputs),
      env: JSON.stringify(main.env),
      state: JSON.stringify(main.state),
      summary: main.summary
    }
    const secrets = [
      'PRIVATE KEY',
      'BEGIN CERTIFICATE',
      fingerprint(client.key),
      fingerprint(client.cert),
      fingerprint(client.ca)
    ]
    for (const [where, text] of Object.entries(texts)) {
      for (const secret of secrets) {
        expect([where, text.includes(secret)]).toEqual([where, false])
      }
    }
    expect(main.summary).toContain('docker-nest') // the scan saw a real summary
  })
})

suite('security: tls false (real daemon)', () => {
  const work = tempDir('docker-nest-e2e-sec-plain-')
  afterAll(() => work.remove())

  it(
    'is loopback only, answers no neighbouring container, warns, and exports no TLS settings',
    async () => {
      const ciRunId = newRunId()
      const main = await runMain({
        inputs: { image: IMAGES.official, tls: 'false' },
        env: { GITHUB_RUN_ID: ciRunId },
        workDir: join(work.dir, 'plain')
      })
      try {
        expect(main.exitCode).toBe(0)
        expect(warningsOf(main)).toEqual([
          expect.stringContaining(
            'tls: false — the daemon accepts unauthenticated API calls on 127.0.0.1 (the port is published there only, and the sidecar answers no other container)'
          )
        ])
        expect(main.outputs['docker-host']).toMatch(
          /^tcp:\/\/127\.0\.0\.1:\d+$/
        )
        expect(main.outputs['tls-verify']).toBe('')
        expect(main.outputs['cert-path']).toBe('')
        const bindings = JSON.parse(
          dockerOk([
            'inspect',
            '--format',
            '{{json .NetworkSettings.Ports}}',
            main.outputs['container-id']
          ])
        )
        const all = Object.values(bindings).flat().filter(Boolean) as {
          HostIp: string
        }[]
        expect(all.map((b) => b.HostIp)).toEqual(['127.0.0.1'])

        // The runner uses it through the published port...
        expect(
          dockerOk(['version', '--format', '{{.Server.Version}}'], {
            DOCKER_HOST: main.env.DOCKER_HOST
          }).trim()
        ).toMatch(/^\d+\./)
        // ...but a neighbouring container on the runner's bridge, which
        // reaches the sidecar's address, is reset rather than answered.
        const ip = dockerOk([
          'inspect',
          '--format',
          '{{.NetworkSettings.IPAddress}}',
          main.outputs['container-id']
        ]).trim()
        expect(ip).toMatch(/^\d+\.\d+\.\d+\.\d+$/)
        const neighbour = docker([
          'run',
          '--rm',
          IMAGES.busybox,
          'sh',
          '-c',
          `printf 'GET /_ping HTTP/1.0\\r\\n\\r\\n' | nc -w 5 ${ip} 2375`
        ])
        expect(neighbour.stdout).toBe('')
        expect(neighbour.stderr).toContain(
          `can't connect to remote host (${ip}): Connection refused`
        )
        expect(docker(['logs', main.outputs['container-id']]).stderr).toMatch(
          /docker-nest: tls: false: port 2375 answers only the runner \(\d+\.\d+\.\d+\.\d+\) and this container/
        )
        const post = await runPost(main)
        expect(post.exitCode).toBe(0)
        expect(leftFrom(ciRunId, main)).toEqual([])
      } finally {
        cleanUp(main)
      }
    },
    TIMEOUT
  )
})
