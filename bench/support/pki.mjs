/**
 * Certificates for the floor method, made in advance with the openssl CLI
 * (untimed): an ECDSA P-256 CA, a server certificate for 127.0.0.1 and
 * localhost, a client certificate, and a tar of `certs/server/{ca,cert,key}.pem`
 * ready for `docker cp -`. Only the server files go into the container and
 * never the CA key, so the entrypoint takes its verify-only branch.
 */
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { StepError, runProcess, tail } from './proc.mjs'

async function run(command, args, cwd) {
  const result = await runProcess(command, args, { cwd })
  if (result.code !== 0) {
    throw new StepError(
      `${command} ${args.slice(0, 2).join(' ')} failed (exit ${result.code}):\n` +
        tail(result.stderr)
    )
  }
}

// Minimal openssl config: no dependence on the system's openssl.cnf.
const CA_CONFIG = `[ req ]
distinguished_name = dn
[ dn ]
[ ca ]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign, digitalSignature
subjectKeyIdentifier = hash
`
const SERVER_EXT = `basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = IP:127.0.0.1, DNS:localhost
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
`
const CLIENT_EXT = `basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = clientAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
`

/**
 * @typedef {object} FloorPki
 * @property {{ ca: string, cert: string, key: string }} client PEM contents
 *   for the host-side client.
 * @property {Buffer} tar `certs/` with `server/{ca,cert,key}.pem`.
 */

/**
 * Makes the floor's PKI in `dir`.
 *
 * @param {string} dir An existing, empty directory.
 * @returns {Promise<FloorPki>}
 */
export async function makeFloorPki(dir) {
  const server = join(dir, 'certs', 'server')
  mkdirSync(server, { recursive: true, mode: 0o700 })
  chmodSync(join(dir, 'certs'), 0o755)
  writeFileSync(join(dir, 'ca.cnf'), CA_CONFIG)
  writeFileSync(join(dir, 'server.ext'), SERVER_EXT)
  writeFileSync(join(dir, 'client.ext'), CLIENT_EXT)
  const genkey = (out) => [
    'genpkey',
    '-algorithm',
    'EC',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-out',
    out
  ]
  await run('openssl', genkey('ca.key'), dir)
  await run(
    'openssl',
    [
      'req',
      '-new',
      '-x509',
      '-key',
      'ca.key',
      '-subj',
      '/CN=docker-nest bench CA',
      '-days',
      '2',
      '-sha256',
      '-config',
      'ca.cnf',
      '-extensions',
      'ca',
      '-out',
      'ca.pem'
    ],
    dir
  )
  for (const [name, cn] of [
    ['server', 'docker-nest bench server'],
    ['client', 'docker-nest bench client']
  ]) {
    await run('openssl', genkey(`${name}.key`), dir)
    await run(
      'openssl',
      [
        'req',
        '-new',
        '-config',
        'ca.cnf',
        '-key',
        `${name}.key`,
        '-subj',
        `/CN=${cn}`,
        '-out',
        `${name}.csr`
      ],
      dir
    )
    await run(
      'openssl',
      [
        'x509',
        '-req',
        '-in',
        `${name}.csr`,
        '-CA',
        'ca.pem',
        '-CAkey',
        'ca.key',
        '-CAcreateserial',
        '-days',
        '2',
        '-sha256',
        '-extfile',
        `${name}.ext`,
        '-out',
        `${name}.pem`
      ],
      dir
    )
  }
  const read = (name) => readFileSync(join(dir, name), 'utf8')
  writeFileSync(join(server, 'ca.pem'), read('ca.pem'), { mode: 0o644 })
  writeFileSync(join(server, 'cert.pem'), read('server.pem'), { mode: 0o644 })
  writeFileSync(join(server, 'key.pem'), read('server.key'), { mode: 0o600 })
  // Owned by root in the tar, like files the entrypoint would have written.
  await run('tar', ['--owner=0', '--group=0', '-cf', 'certs.tar', 'certs'], dir)
  return {
    client: {
      ca: read('ca.pem'),
      cert: read('client.pem'),
      key: read('client.key')
    },
    tar: readFileSync(join(dir, 'certs.tar'))
  }
}
