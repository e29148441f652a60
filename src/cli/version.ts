/**
 * The version `docker-nest --version` prints: package.json's, inlined into
 * the bundle by ncc (webpack keeps only the fields read), so the CLI reads
 * no file at run time.
 */
import pkg from '../../package.json' with { type: 'json' }

/** docker-nest's version, e.g. 0.1.0. */
export const VERSION: string = pkg.version
