import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** Runs the lint's cycle check on a tree of modules given as file → text. */
function check(modules: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'cycles-'))
  for (const [file, text] of Object.entries(modules)) {
    mkdirSync(join(dir, file, '..'), { recursive: true })
    writeFileSync(join(dir, file), text)
  }
  return spawnSync('node', ['scripts/check-cycles.mjs', dir], {
    encoding: 'utf8'
  })
}

describe('scripts/check-cycles.mjs', () => {
  it('passes a tree whose imports only go one way', () => {
    const result = check({
      'a.ts': "import { b } from './b.js'\n",
      'b.ts': "import type { C } from './sub/c.js'\nexport const b = 1\n",
      'sub/c.ts': 'export type C = number\n'
    })
    expect(result.status).toBe(0)
    expect(result.stdout).toContain('3 modules, no import cycle')
  })

  it('fails on a cycle, type-only and across folders too, naming its files', () => {
    const result = check({
      'a.ts': "import { b } from './b.js'\n",
      'b.ts': "import type { C } from './sub/c.js'\nexport const b = 1\n",
      'sub/c.ts': "import {\n  a\n} from '../a.js'\nexport type C = number\n"
    })
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(/1 import cycle\(s\)/)
    expect(result.stderr).toMatch(/a\.ts ↔ .*b\.ts ↔ .*sub\/c\.ts/)
  })
})
