import { describe, expect, it, test } from '@jest/globals'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  escapeData,
  exportVariable,
  getInput,
  keyValueBlock,
  saveState,
  setOutput
} from '../../../src/action/workflow.js'
import { parseFileCommands } from '../../e2e/harness/file-commands.js'

describe('workflow commands', () => {
  test.each([
    ['plain', 'plain'],
    ['50% done', '50%25 done'],
    ['line one\nline two\r\n', 'line one%0Aline two%0D%0A']
  ])('[%#] escapes %j for a ::command:: line', (message, escaped) => {
    expect(escapeData(message)).toBe(escaped)
  })

  it('writes blocks the runner parses back, multi-line values included', () => {
    const text =
      keyValueBlock('docker-host', 'tcp://127.0.0.1:1') +
      keyValueBlock('pem', '-----BEGIN X-----\nabc\n-----END X-----')
    expect(Object.fromEntries(parseFileCommands(text))).toEqual({
      'docker-host': 'tcp://127.0.0.1:1',
      pem: '-----BEGIN X-----\nabc\n-----END X-----'
    })
  })

  it('appends outputs, env and state to the files the runner names', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wf-'))
    for (const name of ['out', 'env', 'state'])
      writeFileSync(join(dir, name), '')
    process.env.GITHUB_OUTPUT = join(dir, 'out')
    process.env.GITHUB_ENV = join(dir, 'env')
    process.env.GITHUB_STATE = join(dir, 'state')
    setOutput('port', '32768')
    exportVariable('DOCKER_NEST_TEST_VAR', '1')
    saveState('resources', '{"version":1}')
    const read = (name: string) =>
      Object.fromEntries(
        parseFileCommands(readFileSync(join(dir, name), 'utf8'))
      )
    expect(read('out')).toEqual({ port: '32768' })
    expect(read('env')).toEqual({ DOCKER_NEST_TEST_VAR: '1' })
    expect(process.env.DOCKER_NEST_TEST_VAR).toBe('1')
    expect(read('state')).toEqual({ resources: '{"version":1}' })
  })

  it('reads inputs as INPUT_<NAME>, upper-cased, hyphens kept, trimmed', () => {
    process.env['INPUT_WAIT-TIMEOUT'] = '  30 \n'
    expect(getInput('wait-timeout')).toBe('30')
    expect(getInput('not-set')).toBe('')
  })
})
