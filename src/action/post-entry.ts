// Entry of dist/post: only calls run(), so tests can import run() without side effects.
import { run } from './post.js'

await run()
