/** "Did you mean" for a mistyped command or option. */

/**
 * Edit distance with adjacent transpositions (optimal string alignment), so
 * `tsl` is one step from `tls`, as a typo is.
 */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) =>
      i === 0 ? j : j === 0 ? i : 0
    )
  )
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      d[i][j] = Math.min(
        d[i - 1][j] + 1,
        d[i][j - 1] + 1,
        d[i - 1][j - 1] + cost
      )
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1)
      }
    }
  }
  return d[a.length][b.length]
}

/**
 * The candidate the user most likely meant, or undefined: the closest one
 * within a third of the word's length (at least 1, at most 3 edits), else
 * the only candidate the word is a prefix of (`--wait` for `--wait-timeout`).
 */
export function closest(
  word: string,
  candidates: readonly string[]
): string | undefined {
  // Two letters ('-x') are too few to guess from.
  const limit =
    word.length < 3 ? 0 : Math.min(3, Math.max(1, Math.floor(word.length / 3)))
  let best: string | undefined
  let bestDistance = limit + 1
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase())
    if (distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }
  if (best !== undefined) return best
  const prefixed = candidates.filter(
    (c) => word.length >= 2 && c.startsWith(word)
  )
  return prefixed.length === 1 ? prefixed[0] : undefined
}

/** ` Did you mean 'x'?`, or '' when nothing is close. */
export function didYouMean(
  word: string,
  candidates: readonly string[]
): string {
  const guess = closest(word, candidates)
  return guess === undefined ? '' : ` Did you mean '${guess}'?`
}
