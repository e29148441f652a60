/** A non-2xx answer of the Engine API. */
export class EngineApiError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly body: string
  ) {
    super(`${method} ${path}: HTTP ${status} ${apiMessage(body)}`)
    this.name = 'EngineApiError'
  }

  /** The daemon's own words, as the docker CLI prints them. */
  get daemonText(): string {
    return `Error response from daemon: ${apiMessage(this.body)}`
  }
}

/** The daemon's `{"message": …}`, or the body as it is. */
function apiMessage(body: string): string {
  try {
    return String((JSON.parse(body) as { message?: string }).message ?? body)
  } catch {
    return body.trim()
  }
}
