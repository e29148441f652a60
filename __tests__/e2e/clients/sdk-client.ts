/**
 * A Node SDK client the way a job step runs one: configured only by its
 * environment (DOCKER_HOST, DOCKER_TLS_VERIFY, DOCKER_CERT_PATH and, for
 * Testcontainers, TESTCONTAINERS_HOST_OVERRIDE). It starts a busybox web
 * server with a published port, fetches from it and prints one JSON line.
 * Run by sdk-node.test.ts with Node 24:
 *
 *   node sdk-client.ts dockerode|testcontainers <image> <run-id> [host]
 *
 * `host` (dockerode only) is where the test says published ports are.
 */
import Docker from 'dockerode'
import { GenericContainer, Wait } from 'testcontainers'

const [, , client, image, runId, host] = process.argv
const SERVER = [
  'sh',
  '-c',
  `mkdir -p /www && echo from ${client} > /www/index.html && ` +
    'exec httpd -f -p 8080 -h /www'
]
const labels = { 'docker-nest.run': runId }

/** GET with retries while the server starts; the error text when it never answers. */
async function fetchText(url: string, tries = 50): Promise<string> {
  let last = ''
  for (let i = 0; i < tries; i++) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) })
      return await response.text()
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause
      last = cause?.code ?? String(error)
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
  return `unreachable: ${last}`
}

async function withDockerode(): Promise<Record<string, unknown>> {
  const docker = new Docker()
  const ping = (await docker.ping()).toString()
  const container = await docker.createContainer({
    Image: image,
    Cmd: SERVER,
    Labels: labels,
    ExposedPorts: { '8080/tcp': {} },
    HostConfig: { PortBindings: { '8080/tcp': [{ HostPort: '' }] } }
  })
  try {
    await container.start()
    const inspected = await container.inspect()
    const port = inspected.NetworkSettings.Ports['8080/tcp']?.[0]?.HostPort
    return {
      ping,
      body: await fetchText(`http://${host}:${port}/`),
      // Where a client that trusts DOCKER_HOST's host would look.
      loopback: await fetchText(`http://127.0.0.1:${port}/`, 1)
    }
  } finally {
    await container.remove({ force: true })
  }
}

async function withTestcontainers(): Promise<Record<string, unknown>> {
  const container = await new GenericContainer(image)
    .withCommand(SERVER)
    .withLabels(labels)
    .withExposedPorts(8080)
    // Checked from this process, so it proves the host too.
    .withWaitStrategy(Wait.forHttp('/', 8080).withStartupTimeout(30_000))
    .start()
  try {
    const host = container.getHost()
    const port = container.getMappedPort(8080)
    return { host, body: await fetchText(`http://${host}:${port}/`) }
  } finally {
    await container.stop({ timeout: 1 })
  }
}

const result =
  client === 'dockerode' ? await withDockerode() : await withTestcontainers()
process.stdout.write(`${JSON.stringify(result)}\n`)
