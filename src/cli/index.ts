#!/usr/bin/env node
// Entry of dist/cli: only calls main(), so tests can import it without side effects.
import { main } from './cli.js'

process.exitCode = await main(process.argv.slice(2))
