/**
 * The GitLab components' spec, checked statically: gitlab-ci-local (the e2e
 * runner) accepts unknown inputs silently and does not check defaults, so
 * these rules are ours. Real pipelines run in e2e/gitlab.test.ts.
 */
import { describe, expect, it } from '@jest/globals'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { parseAllDocuments } from 'yaml'

interface InputSpec {
  description?: string
  default?: unknown
  type?: 'string' | 'number' | 'boolean' | 'array'
  regex?: string
  options?: unknown[]
}

const components = readdirSync('templates')
const read = (name: string) =>
  readFileSync(join('templates', name, 'template.yml'), 'utf8')

function specOf(name: string): Record<string, InputSpec> {
  const [header] = parseAllDocuments(read(name))
  return (header.toJS() as { spec: { inputs: Record<string, InputSpec> } }).spec
    .inputs
}

/** Inputs a component is given in the yaml examples of the README and docs/. */
function readmeIncludes(): Array<{
  component: string
  inputs: Record<string, unknown>
}> {
  const pages = ['README.md', ...readdirSync('docs').map((f) => `docs/${f}`)]
  const text = pages
    .filter((page) => page.endsWith('.md'))
    .map((page) => readFileSync(page, 'utf8'))
    .join('\n')
  const blocks = [...text.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1])
  return blocks.flatMap((block) => {
    const doc = parseAllDocuments(block)[0]?.toJS() as {
      include?: Array<{ component?: string; inputs?: Record<string, unknown> }>
    }
    return (doc?.include ?? [])
      .filter((i) => i.component)
      .map((i) => ({
        component: /\/([a-z-]+)@/.exec(i.component!)![1],
        inputs: i.inputs ?? {}
      }))
  })
}

describe.each(components)('component %s', (name) => {
  const text = read(name)
  const inputs = specOf(name)

  it('has two YAML documents (spec, then jobs) that parse without errors', () => {
    const docs = parseAllDocuments(text)
    expect(docs).toHaveLength(2)
    for (const doc of docs) expect(doc.errors).toEqual([])
  })

  it('uses exactly the inputs it declares', () => {
    const body = text.slice(text.indexOf('\n---\n'))
    const used = new Set(
      [...body.matchAll(/\$\[\[\s*inputs\.([a-z0-9_-]+)\s*\]\]/g)].map(
        (m) => m[1]
      )
    )
    expect([...used].sort()).toEqual(Object.keys(inputs).sort())
  })

  it.each(Object.keys(inputs))(
    'input %s: described, optional, default of its type and regex',
    (key) => {
      const spec = inputs[key]
      expect(spec.description?.length).toBeGreaterThan(10)
      expect(spec).toHaveProperty('default')
      const type = spec.type ?? 'string'
      expect(typeof spec.default).toBe(type)
      if (spec.regex) {
        expect(type).toBe('string')
        expect(new RegExp(spec.regex).test(String(spec.default))).toBe(true)
      }
    }
  )

  it('defines hidden jobs named after the job-prefix input only', () => {
    const [, jobs] = parseAllDocuments(text)
    for (const job of Object.keys(jobs.toJS() as object)) {
      expect(job).toMatch(/^\.\$\[\[ inputs\.job-prefix \]\]-/)
    }
  })
})

/** Inputs GitLab would reject as unknown ("unknown input arguments"). */
function unknownInputs(
  component: string,
  inputs: Record<string, unknown>
): string[] {
  const declared = Object.keys(specOf(component))
  return Object.keys(inputs).filter((key) => !declared.includes(key))
}

describe('unknown inputs (GitLab rejects them; gitlab-ci-local does not)', () => {
  it('are found by the check', () => {
    expect(
      unknownInputs('dind', { tls: false, 'tls-mode': 'off', mtu: 1400 })
    ).toEqual(['tls-mode'])
    expect(
      unknownInputs('dood', { socket: '/run/docker.sock', tls: true })
    ).toEqual(['tls'])
  })

  it('are absent from the examples in the README and docs/', () => {
    const includes = readmeIncludes()
    expect(includes.length).toBeGreaterThan(0)
    for (const { component, inputs } of includes) {
      expect(unknownInputs(component, inputs)).toEqual([])
    }
  })
})
