/** A promise and the function that settles it. */
export interface Signal {
  fired: Promise<void>
  /** Settles `fired`; later calls do nothing. */
  fire(): void
}

/** One-shot signal between two parts that must not wait for each other's code. */
export function signal(): Signal {
  let fire = (): void => undefined
  const fired = new Promise<void>((resolve) => (fire = resolve))
  return { fired, fire }
}
