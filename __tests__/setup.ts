// Every test file gets its own RUNNER_TEMP/TEMP so that files written by the
// code under test never land in the real temp dir or collide across workers.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const dir = mkdtempSync(join(tmpdir(), 'docker-nest-test-'))
process.env.RUNNER_TEMP = dir
process.env.TEMP = dir
