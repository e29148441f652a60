// Entry of dist/pre: only calls run(), so tests can import run() without side effects.
import { run } from './pre.js'

await run()
