/** Turns anything thrown into a message; non-Errors are stringified, never swallowed. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message
  try {
    return typeof error === 'string' ? error : JSON.stringify(error)
  } catch {
    return String(error)
  }
}
