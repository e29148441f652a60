import { describe, expect, it, test } from '@jest/globals'
import { COMMANDS, COMMON_OPTIONS } from '../../../src/cli/cli.js'
import {
  SHELLS,
  completionScript,
  shortHelp
} from '../../../src/cli/completion.js'

describe('completionScript', () => {
  test.each(SHELLS)('[%s] names every command and every option', (shell) => {
    const script = completionScript(shell, COMMANDS, COMMON_OPTIONS)
    for (const command of COMMANDS) {
      expect(script).toContain(command.name)
      for (const [name, spec] of Object.entries(command.options)) {
        expect(script).toMatch(new RegExp(`(--|-l )${name}\\b`))
        if (spec.negatable) {
          expect(script).toMatch(new RegExp(`(--|-l )no-${name}\\b`))
        }
      }
    }
    // The internal command is no command a user types.
    expect(script).not.toMatch(/'socket-proxy:|-a socket-proxy|socket-proxy\)/)
  })

  test.each<[string, string]>([
    ['short enough', 'short enough'],
    ['First sentence. Second one.', 'First sentence'],
    [
      'start a private Docker daemon (dind, mutual TLS; or --mode dood|auto) and print its variables',
      'start a private Docker daemon…'
    ],
    [
      'list the nests on this Docker daemon: age, mode, state, expiry, endpoint',
      'list the nests on this Docker daemon: age, mode, state…'
    ]
  ])('[%#] shortHelp(%j) is %j', (text, short) => {
    expect(shortHelp(text)).toBe(short)
  })

  it('registers the function with each shell', () => {
    expect(completionScript('bash', COMMANDS, COMMON_OPTIONS)).toContain(
      'complete -F _docker_nest docker-nest'
    )
    expect(completionScript('zsh', COMMANDS, COMMON_OPTIONS)).toContain(
      'compdef _docker_nest docker-nest'
    )
    expect(completionScript('fish', COMMANDS, COMMON_OPTIONS)).toContain(
      'complete -c docker-nest -f'
    )
  })
})
