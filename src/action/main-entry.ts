// Entry of dist/main: only calls run(), so tests can import run() without side effects.
import { run } from './main.js'

await run()
