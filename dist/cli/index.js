#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 952:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  iW: () => (/* binding */ main)
});

// UNUSED EXPORTS: COMMANDS, COMMON_OPTIONS, EXIT, envNameFor, nestEnvironment, parseCommandLine

;// CONCATENATED MODULE: ./src/cli/suggest.ts
/** "Did you mean" for a mistyped command or option. */
/**
 * Edit distance with adjacent transpositions (optimal string alignment), so
 * `tsl` is one step from `tls`, as a typo is.
 */
function editDistance(a, b) {
    const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => i === 0 ? j : j === 0 ? i : 0));
    for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
                d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
            }
        }
    }
    return d[a.length][b.length];
}
/**
 * The candidate the user most likely meant, or undefined: the closest one
 * within a third of the word's length (at least 1, at most 3 edits), else
 * the only candidate the word is a prefix of (`--wait` for `--wait-timeout`).
 */
function closest(word, candidates) {
    // Two letters ('-x') are too few to guess from.
    const limit = word.length < 3 ? 0 : Math.min(3, Math.max(1, Math.floor(word.length / 3)));
    let best;
    let bestDistance = limit + 1;
    for (const candidate of candidates) {
        const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
        if (distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    if (best !== undefined)
        return best;
    const prefixed = candidates.filter((c) => word.length >= 2 && c.startsWith(word));
    return prefixed.length === 1 ? prefixed[0] : undefined;
}
/** ` Did you mean 'x'?`, or '' when nothing is close. */
function didYouMean(word, candidates) {
    const guess = closest(word, candidates);
    return guess === undefined ? '' : ` Did you mean '${guess}'?`;
}

;// CONCATENATED MODULE: ./src/cli/usage.ts
/** Exit codes and usage errors shared by every command. */
/** Exit codes, documented in --help and the README. */
const EXIT = { ok: 0, failed: 1, usage: 2 };
/** Bad command line: reported with exit code 2. */
class UsageError extends Error {
}
/** The line every usage error ends with. */
function seeHelp(command) {
    return `Run 'docker-nest ${command ? `${command} --help` : 'help'}'.`;
}

;// CONCATENATED MODULE: ./src/cli/args.ts


const TRUE = ['true', 'True', 'TRUE'];
const FALSE = ['false', 'False', 'FALSE'];
/** What a boolean option's word means, or undefined when it is none of its values. */
function booleanWord(spec, word) {
    if (TRUE.includes(word))
        return true;
    if (FALSE.includes(word))
        return false;
    return spec.extraValues?.includes(word) ? word : undefined;
}
/** "true or false", "true, false or unprivileged". */
function listOf(words) {
    return words.length < 2
        ? words.join('')
        : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}
/** The spellings help shows, for "did you mean". */
function flagNames(specs) {
    return Object.entries(specs).flatMap(([name, spec]) => [
        `--${name}`,
        ...(spec.negatable ? [`--no-${name}`] : []),
        ...(spec.short ? [`-${spec.short}`] : [])
    ]);
}
/**
 * Splits `args` into option values and free words. `-h`/`--help` set
 * `help`. Throws {@link UsageError} for an unknown option, a missing or
 * invalid value, or `--no-` on a non-boolean.
 */
function parseOptions(args, specs, command) {
    const values = {};
    const positionals = [];
    function fail(message) {
        throw new UsageError(`${message} ${seeHelp(command)}`);
    }
    for (let i = 0; i < args.length; i++) {
        const arg = args[i];
        if (arg === '--') {
            positionals.push(...args.slice(i + 1));
            break;
        }
        const short = Object.keys(specs).find((n) => arg === `-${specs[n].short}`);
        if (short) {
            values[short] = true;
            continue;
        }
        if (!arg.startsWith('-') || arg === '-') {
            positionals.push(arg);
            continue;
        }
        const eq = arg.indexOf('=');
        const flag = eq < 0 ? arg : arg.slice(0, eq);
        const inline = eq < 0 ? undefined : arg.slice(eq + 1);
        let name = flag.replace(/^--?/, '');
        let spec = flag.startsWith('--') ? specs[name] : undefined;
        let negated = false;
        if (!spec && name.startsWith('no-')) {
            const base = specs[name.slice(3)];
            if (flag.startsWith('--') && base?.type === 'boolean') {
                name = name.slice(3);
                spec = base;
                negated = true;
            }
        }
        if (!spec) {
            fail(`Unknown option '${flag}' for 'docker-nest ${command}'.${didYouMean(flag, flagNames(specs))}`);
        }
        if (spec.type === 'boolean') {
            const words = ['true', 'false', ...(spec.extraValues ?? [])];
            if (negated) {
                if (inline !== undefined)
                    fail(`Option '${flag}' takes no value; write '${flag}' or '--${name}=${inline}'.`);
                values[name] = false;
                continue;
            }
            if (inline !== undefined) {
                const value = booleanWord(spec, inline);
                if (value === undefined)
                    fail(`Option '--${name}' takes ${listOf(words)}, got '${inline}'.`);
                values[name] = value;
                continue;
            }
            // `--tls false`, as releases that took booleans as strings read it.
            // No command takes a free word that could be true or false, so the
            // word can only be this option's value.
            const next = args[i + 1] === undefined ? undefined : booleanWord(spec, args[i + 1]);
            values[name] = next ?? true;
            if (next !== undefined)
                i++;
            continue;
        }
        let value = inline;
        if (value === undefined) {
            const next = args[i + 1];
            const placeholder = spec.placeholder ?? 'VALUE';
            if (next === undefined) {
                fail(`Option '--${name}' needs a value: --${name} ${placeholder}.`);
            }
            if (next.startsWith('-') && next !== '-') {
                fail(`Option '--${name}' needs a value, got the option '${next}'; for a value that starts with '-', write --${name}=${next}.`);
            }
            value = next;
            i++;
        }
        if (spec.choices && !spec.choices.includes(value)) {
            fail(`Option '--${name}' must be ${listOf(spec.choices)}, got '${value}'.${didYouMean(value, spec.choices)}`);
        }
        values[name] = spec.multiple
            ? [...(values[name] ?? []), value]
            : value;
    }
    return { values, positionals };
}

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
;// CONCATENATED MODULE: external "node:module"
const external_node_module_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:module");
;// CONCATENATED MODULE: ./src/engine/util/lazy-builtins.ts
/**
 * Node builtins the main step needs only once the sidecar is starting (TLS
 * for the readiness checks, key generation, child processes), loaded on
 * first use instead of at startup: importing them up front costs ~15 ms
 * before the create request, measured on the test machines (create sent
 * 80 ms after Node's start instead of 95 ms). Types come from `import type`,
 * which emits nothing.
 */

const load = (0,external_node_module_namespaceObject.createRequire)(import.meta.url);
const lazyCrypto = () => load('node:crypto');
const lazyTls = () => load('node:tls');
const lazyHttps = () => load('node:https');
const lazyChildProcess = () => load('node:child_process');
const lazyFsPromises = () => load('node:fs/promises');

;// CONCATENATED MODULE: ./src/engine/types.ts
/**
 * Types shared across the engine. Docker's JSON shapes are trimmed to the
 * fields we read; upstream structs are linked next to each type.
 */
/** Names of the variables in {@link HostDockerEnv}. */
const HOST_DOCKER_ENV_KEYS = [
    'DOCKER_HOST',
    'DOCKER_TLS_VERIFY',
    'DOCKER_CERT_PATH',
    'DOCKER_CONTEXT'
];

;// CONCATENATED MODULE: ./src/engine/docker/cli.ts




const STDERR_TAIL_LINES = 20;
/** A docker CLI call that exited non-zero (or could not start). */
class DockerCommandError extends Error {
    args;
    exitCode;
    stderr;
    constructor(args, exitCode, stderr) {
        const tail = stderr.trim().split('\n').slice(-STDERR_TAIL_LINES).join('\n');
        // The sidecar's start script is one argument of a few hundred lines:
        // name it instead of printing it.
        const shown = args.map((arg) => arg.includes('\n') ? `<${arg.split('\n').length}-line script>` : arg);
        super(`docker ${shown.join(' ')} failed (exit ${exitCode}): ${tail}`);
        this.args = args;
        this.exitCode = exitCode;
        this.stderr = stderr;
        this.name = 'DockerCommandError';
    }
}
/** Finds an executable on PATH, like `which`. */
function findOnPath(name, pathVar = process.env.PATH ?? '') {
    for (const dir of pathVar.split(external_node_path_namespaceObject.delimiter)) {
        if (!dir)
            continue;
        const candidate = (0,external_node_path_namespaceObject.join)(dir, name);
        try {
            (0,external_node_fs_namespaceObject.accessSync)(candidate, external_node_fs_namespaceObject.constants.X_OK);
            return candidate;
        }
        catch {
            // not here; keep looking
        }
    }
    return undefined;
}
/** Reads the runner's docker client settings from an environment. */
function captureHostDockerEnv(env = process.env) {
    const captured = {};
    for (const key of HOST_DOCKER_ENV_KEYS)
        captured[key] = env[key] ?? null;
    return captured;
}
/**
 * Returns `base` with the docker client variables replaced by `host`'s.
 * Everything else stays the user's, DOCKER_CONTENT_TRUST included: with it
 * set, the sidecar image must be signed, as the user's own `docker run`
 * would require.
 */
function envForHostDaemon(host, base = process.env) {
    const env = { ...base };
    for (const key of HOST_DOCKER_ENV_KEYS) {
        const value = host[key];
        if (value === null)
            delete env[key];
        else
            env[key] = value;
    }
    return env;
}
/** Thrown by {@link DockerCli.exec} once {@link DockerCli.cancel} was called. */
class CancelledError extends Error {
    constructor(args) {
        super(`Cancelled before docker ${args[0] ?? ''} ${args[1] ?? ''}`.trim());
        this.name = 'CancelledError';
    }
}
/** The docker CLI bound to one daemon (the runner's). */
class DockerCli {
    binary;
    host;
    debug;
    env;
    /** Calls still running: a cancelled step waits for them (see {@link settle}). */
    inFlight = new Set();
    cancelled = false;
    constructor(binary, 
    /** The runner's client settings this CLI runs with. */
    host, debug = () => undefined) {
        this.binary = binary;
        this.host = host;
        this.debug = debug;
        this.env = envForHostDaemon(host);
    }
    /** Locates the docker CLI on PATH; throws a clear error when there is none. */
    static locate(host, debug) {
        const binary = findOnPath('docker');
        if (!binary) {
            throw new Error('The docker CLI is not on PATH. docker-nest drives the runner’s ' +
                'Docker daemon through it: install Docker on the runner (hosted ' +
                'ubuntu runners have it) or add the docker binary to PATH.');
        }
        return new DockerCli(binary, host, debug);
    }
    /** Runs `docker <args>`; throws {@link DockerCommandError} on a non-zero exit. */
    async exec(args, options = {}) {
        if (this.cancelled)
            throw new CancelledError(args);
        const result = await this.tryExec(args, options);
        if (result.exitCode !== 0) {
            throw new DockerCommandError(args, result.exitCode, result.stderr);
        }
        return result;
    }
    /**
     * Refuses every later call (they fail with {@link CancelledError}). Calls
     * already running go on: a half-finished `docker run` still creates its
     * container, so the caller should {@link settle} before exiting.
     */
    cancel() {
        this.cancelled = true;
    }
    /**
     * Waits until no call is running, or `timeoutMs` passed.
     * @returns true when everything finished in time.
     */
    async settle(timeoutMs) {
        const deadline = performance.now() + timeoutMs;
        while (this.inFlight.size > 0) {
            const left = deadline - performance.now();
            if (left <= 0)
                return false;
            let timer;
            await Promise.race([
                Promise.allSettled([...this.inFlight]),
                new Promise((resolve) => (timer = setTimeout(resolve, left)))
            ]);
            clearTimeout(timer);
        }
        return true;
    }
    /**
     * Runs `call` (an Engine API request that stands in for `docker <args>`,
     * see api-client.ts) under the same rules as a CLI call: refused with
     * {@link CancelledError} after {@link cancel}, waited for by {@link settle}.
     */
    track(args, call) {
        if (this.cancelled)
            return Promise.reject(new CancelledError(args));
        const running = call();
        this.inFlight.add(running);
        void running.then(() => this.inFlight.delete(running), () => this.inFlight.delete(running));
        return running;
    }
    /** Runs `docker <args>` and returns the result whatever the exit code. */
    tryExec(args, options = {}) {
        if (this.cancelled) {
            return Promise.resolve({
                exitCode: 130,
                stdout: '',
                stderr: new CancelledError(args).message
            });
        }
        const call = this.run(args, options);
        this.inFlight.add(call);
        void call.finally(() => this.inFlight.delete(call));
        return call;
    }
    run(args, options) {
        const started = performance.now();
        return new Promise((resolve) => {
            const child = this.spawn(args);
            const out = [];
            const err = [];
            child.stdout?.on('data', (chunk) => out.push(chunk));
            child.stderr?.on('data', (chunk) => {
                err.push(chunk);
                options.onStderr?.(chunk.toString('utf8'));
            });
            const timer = options.timeoutMs === undefined
                ? undefined
                : setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
            const finish = (exitCode, extra = '') => {
                if (timer)
                    clearTimeout(timer);
                const ms = Math.round(performance.now() - started);
                this.debug(`docker.exec: ${args[0]} ${args[1] ?? ''} -> ${exitCode} (${ms} ms)`);
                resolve({
                    exitCode,
                    stdout: Buffer.concat(out).toString('utf8'),
                    stderr: Buffer.concat(err).toString('utf8') + extra
                });
            };
            child.on('error', (error) => finish(127, String(error.message)));
            child.on('close', (code, signal) => finish(code ?? 128, signal ? `killed by ${signal}` : ''));
            child.stdin?.on('error', () => undefined); // the command may exit before reading
            child.stdin?.end(options.input);
        });
    }
    /** Spawns `docker <args>` with piped stdio; for long-lived watchers. */
    spawn(args) {
        return lazyChildProcess().spawn(this.binary, args, {
            env: this.env,
            stdio: ['pipe', 'pipe', 'pipe']
        });
    }
    /** `docker inspect` of one object, parsed. */
    async inspect(name) {
        const { stdout } = await this.exec(['inspect', '--type', 'container', name]);
        return JSON.parse(stdout)[0];
    }
    /** Removes a container and its anonymous volumes; false when it failed for a reason other than "gone". */
    async tryRemoveContainer(name) {
        const result = await this.tryExec(['rm', '--force', '--volumes', name]);
        return result.exitCode === 0 || isNoSuchObject(result.stderr);
    }
    /** Removes a volume; false when it failed for a reason other than "gone". */
    async tryRemoveVolume(name) {
        const result = await this.tryExec(['volume', 'rm', '--force', name]);
        return result.exitCode === 0 || isNoSuchObject(result.stderr);
    }
}
/** True when docker's error text says the object does not exist. */
function isNoSuchObject(stderr) {
    return /no such (container|volume|network|object)|not found/i.test(stderr);
}

;// CONCATENATED MODULE: ./src/engine/docker/engine-api-error.ts
/** A non-2xx answer of the Engine API. */
class EngineApiError extends Error {
    method;
    path;
    status;
    body;
    constructor(method, path, status, body) {
        super(`${method} ${path}: HTTP ${status} ${apiMessage(body)}`);
        this.method = method;
        this.path = path;
        this.status = status;
        this.body = body;
        this.name = 'EngineApiError';
    }
    /** The daemon's own words, as the docker CLI prints them. */
    get daemonText() {
        return `Error response from daemon: ${apiMessage(this.body)}`;
    }
}
/** The daemon's `{"message": …}`, or the body as it is. */
function apiMessage(body) {
    try {
        return String(JSON.parse(body).message ?? body);
    }
    catch {
        return body.trim();
    }
}

;// CONCATENATED MODULE: ./src/engine/docker/wait.ts
/**
 * A plain readiness loop: call the probe until it succeeds, the deadline
 * passes or `stop` settles (e.g. the container exited). Probe, deadline,
 * interval and clock are arguments, so tests run it with zero delays.
 */
const defaultSleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/**
 * Retries `probe` (which throws while not ready) until ready, timeout or stop.
 * The probe gets the time left, so one slow attempt cannot overrun the deadline.
 */
async function waitFor(probe, options) {
    const now = options.now ?? Date.now;
    const sleep = options.sleep ?? defaultSleep;
    const start = now();
    let stopReason;
    void options.stop?.then((reason) => {
        stopReason = reason;
    });
    let attempts = 0;
    let lastError;
    for (;;) {
        // Let an already-settled stop promise run its callback first.
        await Promise.resolve();
        if (stopReason !== undefined) {
            const elapsedMs = now() - start;
            return {
                status: 'stopped',
                reason: stopReason,
                attempts,
                elapsedMs,
                lastError
            };
        }
        attempts++;
        try {
            const value = await probe(options.timeoutMs - (now() - start));
            return { status: 'ready', value, attempts, elapsedMs: now() - start };
        }
        catch (error) {
            lastError = error;
        }
        // The last attempt happens at the deadline itself, never after it.
        const elapsedMs = now() - start;
        if (elapsedMs >= options.timeoutMs) {
            return { status: 'timeout', attempts, elapsedMs, lastError };
        }
        await sleep(Math.min(options.intervalMs, options.timeoutMs - elapsedMs));
    }
}

;// CONCATENATED MODULE: ./src/engine/docker/client.ts



/** The text of a failed call, as {@link Outcome.error} gives it. */
function errorText(error) {
    if (error instanceof DockerCommandError)
        return error.stderr.trim();
    if (error instanceof EngineApiError)
        return error.daemonText;
    return error instanceof Error ? error.message : String(error);
}
/** Runs `call` and says how it went instead of throwing. */
async function outcomeOf(call) {
    try {
        await call();
        return { ok: true, error: '' };
    }
    catch (error) {
        return {
            ok: false,
            error: errorText(error) || 'failed without an error text'
        };
    }
}
/**
 * Runs `call` again while it fails with `busy` in its error (an object
 * that something else is still letting go of), every `wait.intervalMs`
 * within `wait.timeoutMs`; `beforeRetry` runs after each such refusal.
 * Returns the last outcome, whether it succeeded or not.
 */
async function retryWhileBusy(call, busy, wait, beforeRetry = async () => undefined) {
    const waited = await waitFor(async () => {
        const outcome = await call();
        if (outcome.ok || !busy.test(outcome.error))
            return outcome;
        await beforeRetry();
        throw outcome;
    }, wait);
    return waited.status === 'ready'
        ? waited.value
        : waited.lastError;
}

;// CONCATENATED MODULE: ./src/engine/lifecycle/labels.ts
/**
 * The labels docker-nest puts on what it creates, in one place: post, down
 * and the reapers find and judge objects by them, never by name alone.
 */
/** Label keys every docker-nest resource carries, so post and reap find them. */
const LABELS = {
    /** Marks any object docker-nest created. */
    managed: 'docker-nest',
    /** The nest's unique id: `<ci run id>-<attempt>-<random>` or `local-<random>`. */
    run: 'docker-nest.run',
    /** Unix time (seconds) after which a reaper may remove the object. */
    expires: 'docker-nest.expires'
};
/** The job process that owns a nest (owner.ts formats it). */
const OWNER_LABEL = 'docker-nest.owner';
/** On the cache volume and on a cached nest's container: the cache name. */
const CACHE_LABEL = 'docker-nest.cache';
/** On a cache volume and its nest: the partition, e.g. `github:github.com/repository-id/1/pull-requests`. */
const CACHE_SCOPE_LABEL = 'docker-nest.cache-scope';

;// CONCATENATED MODULE: ./src/engine/lifecycle/owner.ts
/**
 * The process that owns a nest, as a label value, so a reaper can tell that
 * a job crashed (no post step) long before the nest's 6 h expiry: when the
 * owner is provably gone, the nest is abandoned.
 *
 * Identity = host boot id + pid namespace + pid + process start time. The
 * start time makes a reused pid harmless; boot id and pid namespace restrict
 * the judgement to a reaper that sees the same process table. Anything else
 * (another machine, another container's pid namespace, an unreadable label)
 * is 'unknown', and then only the expiry counts: a live job's nest is never
 * removed on a guess.
 */


/** The label carrying {@link formatOwner}'s value. */

/** `<boot id>/<pid ns>/<pid>/<start time>`: a valid Docker label value. */
function formatOwner(id) {
    return `${id.bootId}/${id.pidNs}/${id.pid}/${id.startTime}`;
}
/** The inverse of {@link formatOwner}; undefined for anything malformed. */
function parseOwner(value) {
    const match = /^([0-9a-f-]{8,64})\/([0-9]+)\/([0-9]+)\/([0-9]+)$/.exec(value);
    if (!match)
        return undefined;
    const pid = Number(match[3]);
    if (!(pid > 1))
        return undefined;
    return { bootId: match[1], pidNs: match[2], pid, startTime: match[4] };
}
/**
 * Decides, without touching the system, whether the owner named by a label
 * still runs. Pure; `table` is the reaper's view.
 */
function ownerState(label, table) {
    const owner = parseOwner(label);
    if (!owner)
        return 'unknown';
    // Another machine, or a reboot we cannot tell from another machine, or
    // another container's pids: none of those are ours to judge.
    if (owner.bootId !== table.bootId || owner.pidNs !== table.pidNs) {
        return 'unknown';
    }
    const started = table.startTimeOf(owner.pid);
    if (started === null)
        return 'unknown';
    return started === owner.startTime ? 'alive' : 'gone';
}
/** Parses /proc/<pid>/stat text: command name and start time (the name may hold spaces and parentheses). */
function parseStat(text) {
    const open = text.indexOf('(');
    const close = text.lastIndexOf(')');
    if (open < 0 || close < open)
        return undefined;
    // Fields after the name start at field 3 (state); ppid is field 4, starttime field 22.
    const rest = text
        .slice(close + 2)
        .trim()
        .split(/\s+/);
    const ppid = Number(rest[1]);
    const startTime = rest[19];
    if (!Number.isInteger(ppid) || !/^[0-9]+$/.test(startTime ?? '')) {
        return undefined;
    }
    return { comm: text.slice(open + 1, close), ppid, startTime };
}
/** The stat of `pid`; undefined when there is no such process, null when it cannot be read. */
function readStat(pid, proc = '/proc') {
    try {
        return parseStat((0,external_node_fs_namespaceObject.readFileSync)(`${proc}/${pid}/stat`, 'utf8')) ?? null;
    }
    catch (error) {
        return error.code === 'ENOENT' ? undefined : null;
    }
}
/**
 * True when /proc hides other users' processes (mount option hidepid): then
 * a missing pid proves nothing unless we are root.
 */
function hidesProcesses(mountinfo) {
    return mountinfo
        .split('\n')
        .some((line) => / - proc /.test(line) &&
        /[ ,]hidepid=(1|2|noaccess|invisible|ptraceable)\b/.test(line));
}
/** This process's view of the process table; undefined off Linux or without /proc. */
function localProcessTable(proc = '/proc') {
    try {
        const bootId = (0,external_node_fs_namespaceObject.readFileSync)(`${proc}/sys/kernel/random/boot_id`, 'utf8').trim();
        const pidNs = /\[([0-9]+)\]/.exec((0,external_node_fs_namespaceObject.readlinkSync)(`${proc}/self/ns/pid`))?.[1];
        if (!bootId || !pidNs)
            return undefined;
        const mountinfo = (0,external_node_fs_namespaceObject.readFileSync)(`${proc}/self/mountinfo`, 'utf8');
        if (hidesProcesses(mountinfo) && process.getuid?.() !== 0)
            return undefined;
        return {
            bootId,
            pidNs,
            startTimeOf: (pid) => readStat(pid, proc)?.startTime
        };
    }
    catch {
        return undefined;
    }
}
/** How far up the process tree to look for the runner's job process. */
const MAX_ANCESTORS = 12;
/** The GitHub runner's per-job process: it lives exactly as long as the job. */
const GITHUB_JOB_PROCESS = 'Runner.Worker';
/**
 * The nearest ancestor of `pid` whose command name is `comm`, or undefined.
 * A name is at most 15 characters in /proc (TASK_COMM_LEN).
 */
function findAncestor(pid, comm, proc = '/proc') {
    let current = readStat(pid, proc)?.ppid;
    for (let depth = 0; current && current > 1 && depth < MAX_ANCESTORS; depth++) {
        const stat = readStat(current, proc);
        if (!stat)
            return undefined;
        if (stat.comm === comm.slice(0, 15))
            return current;
        current = stat.ppid;
    }
    return undefined;
}
/**
 * The owner label value for `pid` (its identity now), or undefined when the
 * process table cannot be read.
 */
function ownerOf(pid, proc = '/proc') {
    const table = localProcessTable(proc);
    const startTime = table?.startTimeOf(pid);
    if (!table || !startTime || pid <= 1)
        return undefined;
    return formatOwner({ ...table, pid, startTime });
}
/**
 * Who owns a nest started by this process.
 *
 * - The Action: its parent, the process that runs the job's steps (on a
 *   GitHub runner Runner.Worker, which starts node directly; in a container
 *   job node is exec'd into the container and has no visible parent: none).
 * - The CLI: Runner.Worker when it runs in a GitHub job (a `run:` step), else
 *   nobody. Its parent may be a short-lived shell (`npx`, one Jenkins `sh`
 *   step, a command substitution) while later steps still use the nest, so
 *   only the expiry may end it.
 */
function nestOwner(face, self = process.pid, parent = process.ppid, proc = '/proc') {
    if (face === 'action')
        return ownerOf(parent, proc);
    const worker = findAncestor(self, GITHUB_JOB_PROCESS, proc);
    return worker ? ownerOf(worker, proc) : undefined;
}

;// CONCATENATED MODULE: ./src/engine/cache/scope.ts
/**
 * Whose jobs share a persistent cache. A cache is one data root: whatever a
 * job's nest leaves in it (images and their tags, build cache, volumes) is
 * what the next job on the same volume builds from. So the volume is named
 * after the cache and its partition, the set of jobs that may share it:
 *
 * - `cache-scope: repository` (default): the repository the job runs for,
 *   by the id its CI server gave it (GitHub GITHUB_REPOSITORY_ID, GitLab
 *   CI_PROJECT_ID), which a rename or a new repository of the same name
 *   does not change; elsewhere DOCKER_NEST_REPOSITORY, set by the user.
 * - `cache-scope: shared`: every repository that names the cache.
 *
 * In both, pull- and merge-request jobs get a partition of their own: code
 * under review never writes the data root that default-branch and release
 * jobs read. The partition is hashed into the volume name (short, valid,
 * never equal to an older version's `docker-nest-cache-<name>`) and written
 * in full to the label `docker-nest.cache-scope`.
 */



/** The repository identity outside GitHub Actions and GitLab CI (e.g. Jenkins: the repository URL). */
const REPOSITORY_ENV = 'DOCKER_NEST_REPOSITORY';
/** Added to the partition of pull- and merge-request jobs. */
const PULL_REQUESTS = '/pull-requests';
/** GitHub events whose jobs run for an open pull request (also `pull_request_target`). */
const PULL_REQUEST_EVENT = /^pull_request/;
/** GitLab pipeline sources of merge-request (and external pull-request) pipelines. */
const MERGE_REQUEST_SOURCES = [
    'merge_request_event',
    'external_pull_request_event'
];
/** Checks input `cache-scope`. */
function parseCacheScope(value, problems) {
    if (value === 'repository' || value === 'shared')
        return value;
    problems.push(`Input 'cache-scope' must be 'repository' (one cache per repository) or ` +
        `'shared' (one for every repository that names it), got '${value}'.`);
    return 'repository';
}
/** Host (and port) of a server URL, lower case; `fallback` when unset or unparsable. */
function hostOf(url, fallback) {
    try {
        return url ? new URL(url).host.toLowerCase() || fallback : fallback;
    }
    catch {
        return fallback;
    }
}
function githubJob(env) {
    const host = hostOf(env.GITHUB_SERVER_URL, 'github.com');
    const id = env.GITHUB_REPOSITORY_ID ?? '';
    // Older GitHub Enterprise Server versions give no id: the name, which a
    // rename changes (the cache then starts cold).
    const name = (env.GITHUB_REPOSITORY ?? '').toLowerCase();
    return {
        repository: /^[0-9]+$/.test(id)
            ? `github:${host}/repository-id/${id}`
            : /^[^/\s]+\/[^/\s]+$/.test(name)
                ? `github:${host}/${name}`
                : '',
        pullRequest: PULL_REQUEST_EVENT.test(env.GITHUB_EVENT_NAME ?? '')
    };
}
function gitlabJob(env) {
    const host = hostOf(env.CI_SERVER_URL, env.CI_SERVER_HOST || 'gitlab');
    const id = env.CI_PROJECT_ID ?? '';
    return {
        repository: /^[0-9]+$/.test(id) ? `gitlab:${host}/project-id/${id}` : '',
        pullRequest: MERGE_REQUEST_SOURCES.includes(env.CI_PIPELINE_SOURCE ?? '') ||
            Boolean(env.CI_MERGE_REQUEST_IID)
    };
}
/** What the job's CI says, or nothing outside GitHub Actions and GitLab CI. */
function ciJob(env) {
    if (env.GITHUB_ACTIONS === 'true')
        return githubJob(env);
    if (env.GITLAB_CI === 'true')
        return gitlabJob(env);
    return undefined;
}
/**
 * DOCKER_NEST_REPOSITORY as a partition ('' when unset), or why it cannot
 * be one: it is written to a label every job on the daemon can read.
 */
function repositoryFromEnv(env) {
    const value = (env[REPOSITORY_ENV] ?? '').trim();
    if (value === '')
        return { repository: '' };
    if (/^[a-z][a-z0-9+.-]*:\/\/[^/]*@/i.test(value)) {
        return (`${REPOSITORY_ENV} must not carry credentials (it is written to a ` +
            `volume label); give the repository URL without 'user:password@'.`);
    }
    // No ',' or '"': the label goes into `--mount …,volume-label=k=v`.
    if (!/^[\x21\x23-\x2b\x2d-\x7e]{1,200}$/.test(value)) {
        return (`${REPOSITORY_ENV} must be 1 to 200 printable characters without ` +
            `spaces, commas or quotes, such as 'https://git.example.com/team/app', ` +
            `got '${value}'.`);
    }
    return { repository: `${REPOSITORY_ENV}=${value}` };
}
/**
 * The partition of cache `name` for this job (see the file comment); ''
 * without a cache. Pure: the adapters pass the process environment.
 */
function cachePartition(name, scope, env, problems) {
    if (name === '')
        return '';
    const ci = ciJob(env);
    const suffix = ci?.pullRequest ? PULL_REQUESTS : '';
    if (scope === 'shared')
        return `shared${suffix}`;
    if (ci?.repository)
        return `${ci.repository}${suffix}`;
    const fromEnv = repositoryFromEnv(env);
    if (typeof fromEnv === 'string') {
        problems.push(fromEnv);
        return '';
    }
    if (fromEnv.repository)
        return `${fromEnv.repository}${suffix}`;
    problems.push(`Input 'cache-scope' is 'repository', but this job's repository is ` +
        `unknown (no GITHUB_REPOSITORY_ID or CI_PROJECT_ID): set ` +
        `${REPOSITORY_ENV} to it (e.g. its URL), or set cache-scope: shared ` +
        `to share cache '${name}' with every job on this Docker daemon.`);
    return '';
}
/** The partition's part of a volume name: 12 hex digits of its SHA-256. */
function partitionHash(partition) {
    return lazyCrypto()
        .createHash('sha256')
        .update(partition)
        .digest('hex')
        .slice(0, 12);
}

;// CONCATENATED MODULE: ./src/engine/cache/cache.ts
/**
 * Persistent cache: with input `cache: NAME` the sidecar's /var/lib/docker
 * is the named volume `docker-nest-cache-NAME.HASH`, kept after post, so
 * images and build cache survive to the next job of the same partition
 * (HASH: which jobs share it, see scope.ts).
 *
 * The lock is the sidecar's own name: a cached nest's container is called
 * like its volume, and the daemon refuses a second container of
 * that name atomically. The data root is in use exactly while that
 * container exists, so two daemons can never share it, and there is no
 * separate lock to leak. A holder whose job is gone (owner dead, or expired)
 * is removed by id, never by name, so a racing job's fresh holder survives.
 */






const CACHE_NAME = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;
/** Checks input `cache`: lowercase letters, digits and '-', 1–40 characters. */
function parseCacheName(value, problems) {
    if (value !== '' && !CACHE_NAME.test(value)) {
        problems.push(`Input 'cache' must be a name of 1 to 40 lowercase letters, digits and ` +
            `'-' that starts and ends with a letter or digit (e.g. 'build' or ` +
            `'app-ci'), or empty for no cache; got '${value}'.`);
    }
    return value;
}
/** Checks input `cache-busy`. */
function parseCacheBusy(value, problems) {
    if (value === 'fallback' || value === 'fail')
        return value;
    problems.push(`Input 'cache-busy' must be 'fallback' (use an empty cache and warn) or ` +
        `'fail', got '${value}'.`);
    return 'fallback';
}
/** Checks the cache inputs and gives the cache its partition from the job's CI variables. */
function parseCacheOptions(input, env, problems) {
    const name = parseCacheName(input('cache'), problems);
    const before = problems.length;
    const scope = parseCacheScope(input('cache-scope'), problems);
    // A bad cache-scope is one problem, not also an unknown repository.
    const partition = problems.length === before ? cachePartition(name, scope, env, problems) : '';
    return {
        name,
        busy: parseCacheBusy(input('cache-busy'), problems),
        maxBytes: parseSize(input('cache-max-size'), problems),
        scope,
        partition
    };
}
const UNITS = {
    '': 1,
    b: 1,
    k: 1e3,
    kb: 1e3,
    kib: 1024,
    m: 1e6,
    mb: 1e6,
    mib: 1024 ** 2,
    g: 1e9,
    gb: 1e9,
    gib: 1024 ** 3,
    t: 1e12,
    tb: 1e12,
    tib: 1024 ** 4
};
/** Checks input `cache-max-size`: '' (no limit) or a size such as '10GB', '512MiB', '2.5G'. */
function parseSize(value, problems) {
    if (value === '')
        return undefined;
    const match = /^([0-9]+(?:\.[0-9]+)?)\s*([a-zA-Z]*)$/.exec(value);
    const unit = UNITS[match?.[2].toLowerCase() ?? 'x'];
    const bytes = match && unit ? Math.floor(Number(match[1]) * unit) : NaN;
    if (!(bytes >= 1e6)) {
        problems.push(`Input 'cache-max-size' must be a size of at least 1MB such as '10GB', ` +
            `'512MiB' or '2.5G' (units B, KB, MB, GB, TB, or KiB…TiB), or empty ` +
            `for no limit; got '${value}'.`);
        return undefined;
    }
    return bytes;
}
/**
 * Container and volume name of a cache (the container name is the lock).
 * The '.' keeps it apart from the unscoped `docker-nest-cache-<name>` of
 * older versions, whose names had none: their volumes are never reused.
 */
function cacheResourceName(cache) {
    return `docker-nest-cache-${cache.name}.${partitionHash(cache.partition)}`;
}
/** The labels that name a cache, on its volume and on its nest's container. */
function cacheLabels(cache) {
    return { [CACHE_LABEL]: cache.name, [CACHE_SCOPE_LABEL]: cache.partition };
}
/** `docker run` said the name is taken: another container holds the lock. */
function isNameConflict(stderr) {
    return /Conflict\. The container name .* is already in use/i.test(stderr);
}
/** Why a holder may be removed, or undefined when it belongs to a live job. */
function staleReason(holder, nowSeconds, table) {
    // Only a running daemon uses the data root; 'created' is about to start.
    if (holder.status === 'exited' || holder.status === 'dead')
        return 'its daemon has stopped';
    const expires = Number(holder.expires);
    if (holder.expires !== '' &&
        Number.isFinite(expires) &&
        expires <= nowSeconds)
        return 'its expiry has passed';
    if (table && ownerState(holder.owner, table) === 'gone')
        return 'the job that started it has ended';
    return undefined;
}
/** Thrown when another live job holds the cache. */
class CacheBusyError extends Error {
    cache;
    container;
    holder;
    constructor(cache, container, holder) {
        super(`Cache '${cache}' is in use by another job (container ` +
            `${container}, run ${holder.run || 'unknown'}); two ` +
            'daemons must never share one data root.');
        this.cache = cache;
        this.container = container;
        this.holder = holder;
        this.name = 'CacheBusyError';
    }
}
/** The container called `container` (a cache's lock), or undefined when there is none (any more). */
async function findHolder(docker, container) {
    let found;
    try {
        found = await docker.findContainer(container);
    }
    catch (error) {
        throw new Error(`Could not inspect ${container}: ${errorText(error)}`, {
            cause: error
        });
    }
    if (!found)
        return undefined;
    const labels = found.Config.Labels ?? {};
    return {
        id: found.Id,
        status: found.State.Status,
        run: labels[LABELS.run] ?? '',
        expires: labels[LABELS.expires] ?? '',
        owner: labels[OWNER_LABEL] ?? ''
    };
}
/**
 * After a name conflict: removes the holder if its job is gone and says
 * why; throws {@link CacheBusyError} when it belongs to a live job. Returns
 * undefined when the holder vanished meanwhile (try again).
 */
async function breakStaleLock(docker, lock, context) {
    const holder = await findHolder(docker, lock.container);
    if (!holder)
        return undefined;
    const reason = staleReason(holder, context.nowSeconds, context.table);
    if (!reason)
        throw new CacheBusyError(lock.cache, lock.container, holder);
    // By id: if another job broke it first and started its own, that one stays.
    const removed = await docker.removeContainer(holder.id);
    if (!removed.ok && !isNoSuchObject(removed.error)) {
        throw new CacheBusyError(lock.cache, lock.container, holder);
    }
    return `Removed the stale holder of cache '${lock.cache}' (run ${holder.run || 'unknown'}): ${reason}.`;
}

;// CONCATENATED MODULE: external "node:net"
const external_node_net_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");
;// CONCATENATED MODULE: ./src/engine/options/address-pools.ts
/**
 * Input `default-address-pools`: the ranges the inner daemon carves its
 * networks from (`--default-address-pool`), so user networks created in the
 * nest avoid corporate or VPN ranges.
 */

const EXAMPLE = "'base=10.201.0.0/16,size=24'";
/** The address as bits (IPv4: 32, IPv6: 128) in a bigint. */
function addressBits(address) {
    if ((0,external_node_net_namespaceObject.isIPv4)(address)) {
        return address
            .split('.')
            .reduce((value, octet) => (value << 8n) | BigInt(Number(octet)), 0n);
    }
    const [head, tail = ''] = address.split('::');
    const groups = (part) => (part === '' ? [] : part.split(':'));
    const left = groups(head);
    const right = groups(tail);
    const middle = address.includes('::')
        ? Array(8 - left.length - right.length).fill('0')
        : [];
    return [...left, ...middle, ...right].reduce((value, group) => (value << 16n) | BigInt(parseInt(group, 16)), 0n);
}
/** Checks one `base=CIDR,size=N` entry; returns the pool or a problem. */
function parseAddressPool(entry) {
    const fields = Object.fromEntries(entry.split(',').map((field) => {
        const at = field.indexOf('=');
        return at < 0 ? [field, ''] : [field.slice(0, at), field.slice(at + 1)];
    }));
    const keys = Object.keys(fields).sort().join(',');
    if (keys !== 'base,size') {
        return (`Input 'default-address-pools' entries are base=<CIDR>,size=<prefix ` +
            `length>, e.g. ${EXAMPLE}, got '${entry}'.`);
    }
    const [address, bitsText, extra] = String(fields.base).split('/');
    const family = (0,external_node_net_namespaceObject.isIPv4)(address) ? 32 : (0,external_node_net_namespaceObject.isIPv6)(address) ? 128 : 0;
    const bits = /^[0-9]{1,3}$/.test(bitsText ?? '') ? Number(bitsText) : -1;
    if (family === 0 || extra !== undefined || bits < 0 || bits > family) {
        return (`Input 'default-address-pools' base must be a CIDR such as ` +
            `'10.201.0.0/16', got '${fields.base}' in '${entry}'.`);
    }
    const hostBits = BigInt(family - bits);
    if ((addressBits(address) & ((1n << hostBits) - 1n)) !== 0n) {
        return (`Input 'default-address-pools' base '${fields.base}' has host bits ` +
            `set; use the network address (e.g. '10.201.0.0/16'), in '${entry}'.`);
    }
    const size = /^[0-9]{1,3}$/.test(fields.size) ? Number(fields.size) : -1;
    if (size < bits || size > family) {
        return (`Input 'default-address-pools' size must be a prefix length from ` +
            `${bits} (the base's) to ${family}, got '${fields.size}' in '${entry}'.`);
    }
    return { base: fields.base, size };
}
/**
 * Parses the input: entries separated by newlines, spaces or ';' (commas
 * belong inside an entry). Problems are pushed, valid pools returned.
 */
function parseAddressPools(value, problems) {
    const pools = [];
    for (const entry of value.split(/[\s;]+/).filter((e) => e !== '')) {
        const pool = parseAddressPool(entry);
        if (typeof pool === 'string')
            problems.push(pool);
        else
            pools.push(pool);
    }
    return pools;
}
/** dockerd flags for the pools, in input order. */
function addressPoolArgs(pools = []) {
    return pools.map((pool) => `--default-address-pool=base=${pool.base},size=${pool.size}`);
}

;// CONCATENATED MODULE: ./src/engine/options/inputs.ts
/**
 * The inputs table: every input's name (kebab-case, as in action.yml) and
 * default. It drives the Action's inputs, the CLI's flags and the
 * environment variables; the parsers in this folder read their values
 * through {@link inputValue}.
 */
/** The official image, pinned to a major version so upgrades are deliberate. */
const DEFAULT_DIND_IMAGE = 'docker:29-dind';
/** Input `image`: the runner's own engine (nothing to pull), or a failure saying why not. */
const RUNNER_IMAGE = 'runner';
/** Input `image` (the default): the runner's own engine where it can run a nest, else {@link DEFAULT_DIND_IMAGE}. */
const AUTO_IMAGE = 'auto';
/** Input names (kebab-case, as in action.yml) with their defaults. */
const INPUT_DEFAULTS = {
    mode: 'dind',
    image: AUTO_IMAGE,
    tls: 'true',
    'wait-timeout': '60',
    'dockerd-args': '',
    'registry-mirrors': '',
    'insecure-registries': '',
    mtu: 'auto',
    'tls-san': '',
    cleanup: 'true',
    socket: '',
    'socket-proxy': 'false',
    'docker-cli-version': '',
    'docker-cli-url': 'https://download.docker.com/linux/static/stable',
    'docker-cli-sha256': '',
    // Clients of later steps: the exported DOCKER_HOST & co., a docker context
    // for buildx, the Testcontainers host.
    'set-host': 'true',
    context: '',
    'testcontainers-host-override': 'false',
    // Networking: daemon.json and address pools of the inner daemon.
    'daemon-config': '',
    'default-address-pools': '',
    // Unprivileged routes: the sidecar's OCI runtime (e.g. sysbox-runc;
    // '' = the daemon's default) and the docker:<ver>-dind-rootless contract.
    runtime: '',
    rootless: 'false',
    // Persistent cache (see ../cache/cache.ts and ../cache/scope.ts).
    cache: '',
    'cache-scope': 'repository',
    'cache-busy': 'fallback',
    'cache-max-size': '',
    // Fast start: containerd first, its socket handed to dockerd (containerd-first.ts).
    'fast-start': 'true',
    // The Action's pre step starts the nest while the job's first steps run.
    'early-start': 'true'
};
/** Thrown when one or more inputs are invalid; `problems` has one line per input. */
class InputError extends Error {
    problems;
    constructor(problems) {
        super(problems.join('\n'));
        this.problems = problems;
        this.name = 'InputError';
    }
}
/** Takes a raw value, falling back to the default for missing or blank input. */
function inputValue(inputs, name) {
    const value = inputs[name]?.trim();
    return value === undefined || value === '' ? INPUT_DEFAULTS[name] : value;
}

;// CONCATENATED MODULE: ./src/engine/options/primitives.ts
/** A value as the messages show it: in single quotes. */
function quote(value) {
    return `'${value}'`;
}
/** Splits a list input on newlines, commas and spaces; drops empty entries. */
function splitList(value) {
    return value
        .split(/[\s,]+/)
        .map((entry) => entry.trim())
        .filter((entry) => entry.length > 0);
}
/** Parses a boolean the way YAML 1.2 core schema does; anything else is an error. */
function parseBoolean(name, value, problems) {
    if (['true', 'True', 'TRUE'].includes(value))
        return true;
    if (['false', 'False', 'FALSE'].includes(value))
        return false;
    problems.push(`Input '${name}' must be 'true' or 'false', got ${quote(value)}.`);
    return false;
}
/** True for an absolute http or https URL without a query string. */
function isHttpUrl(value) {
    try {
        const url = new URL(value);
        return ((url.protocol === 'https:' || url.protocol === 'http:') && !url.search);
    }
    catch {
        return false;
    }
}
/** The list, or undefined when it is empty (for options left out when unset). */
function optionalList(list) {
    return list.length > 0 ? list : undefined;
}

;// CONCATENATED MODULE: ./src/engine/options/clients.ts
/**
 * Inputs for the clients of later steps: the docker CLI to install
 * (`docker-cli-version`, `-url`, `-sha256`), and what main sets up for them
 * (`set-host`, `context`, `testcontainers-host-override`). Setting these up
 * is the Action's work; the rules these inputs must meet live here, with the
 * inputs they check, and the Action imports them from here.
 */



/** Installed when `docker-cli-version` is empty and no docker CLI is on PATH. */
const DEFAULT_DOCKER_CLI_VERSION = '29.0.0';
/** Docker's context name rule (docker/cli `store.validateContextName`). */
const CONTEXT_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.+-]+$/;
/**
 * Where `docker-cli-*` inputs, each valid on its own, would let an unchecked
 * CLI in: plain http to another host without a pinned digest (whoever is on
 * the path can swap the tarball and its `.sha256` file alike), or a digest
 * with no version (the CLI on PATH is used and the digest ignored). Loopback
 * http stays on the machine, as for Docker's own registries.
 */
function dockerCliTrustProblems(options) {
    const problems = [];
    const url = new URL(options.baseUrl);
    const loopback = url.hostname === 'localhost' ||
        url.hostname === '[::1]' ||
        ((0,external_node_net_namespaceObject.isIP)(url.hostname) === 4 && url.hostname.startsWith('127.'));
    if (url.protocol === 'http:' && !loopback && !options.sha256) {
        problems.push(`Input 'docker-cli-url' must be https, got ` +
            `'http://${url.host}${url.pathname}': over plain http anyone on the ` +
            'path can swap the tarball and its .sha256 file. Use https, or pin ' +
            "the tarball with input 'docker-cli-sha256' (plain http is also " +
            'accepted for localhost, 127.0.0.0/8 and [::1]).');
    }
    if (/^[a-f0-9]{64}$/.test(options.sha256) && !options.version) {
        problems.push(`Input 'docker-cli-sha256' pins the tarball of one release, so set ` +
            `input 'docker-cli-version' too (e.g. '${DEFAULT_DOCKER_CLI_VERSION}'); ` +
            'without it the docker CLI on PATH is used unchecked.');
    }
    return problems;
}
/**
 * The problem with a context name, or undefined when Docker accepts it.
 *
 * @param name The value of input `context`.
 */
function contextNameProblem(name) {
    if (name === '')
        return undefined;
    if (name === 'default' || !CONTEXT_NAME.test(name)) {
        return (`Input 'context' must be a docker context name (letters, digits and ` +
            `'_.+-', at least 2 characters, not 'default'), got '${name}'.`);
    }
    return undefined;
}
/** The `docker-cli-*` inputs: a release, an http(s) base URL and an optional sha256. */
function parseDockerCli(inputs, problems) {
    const version = inputValue(inputs, 'docker-cli-version');
    const baseUrl = inputValue(inputs, 'docker-cli-url').replace(/\/+$/, '');
    const sha256 = inputValue(inputs, 'docker-cli-sha256').toLowerCase();
    if (version !== '' &&
        !/^[0-9]+\.[0-9]+\.[0-9]+([-.+][0-9A-Za-z.-]+)?$/.test(version)) {
        problems.push(`Input 'docker-cli-version' must be a release such as '29.0.0', ` +
            `got ${quote(version)}.`);
    }
    if (!isHttpUrl(baseUrl)) {
        problems.push(`Input 'docker-cli-url' must be an http(s) URL such as ` +
            `'${INPUT_DEFAULTS['docker-cli-url']}', got ${quote(baseUrl)}.`);
    }
    else {
        problems.push(...dockerCliTrustProblems({ version, baseUrl, sha256 }));
    }
    if (sha256 !== '' && !/^[a-f0-9]{64}$/.test(sha256)) {
        problems.push(`Input 'docker-cli-sha256' must be 64 hex digits, got ${quote(sha256)}.`);
    }
    return { version, baseUrl, sha256 };
}
/** `set-host`, `context` (a docker context name or '') and `testcontainers-host-override`. */
function parseClients(inputs, problems) {
    const setHost = parseBoolean('set-host', inputValue(inputs, 'set-host'), problems);
    const context = inputValue(inputs, 'context');
    const contextProblem = contextNameProblem(context);
    if (contextProblem)
        problems.push(contextProblem);
    return {
        setHost,
        context,
        testcontainersHostOverride: parseBoolean('testcontainers-host-override', inputValue(inputs, 'testcontainers-host-override'), problems)
    };
}

;// CONCATENATED MODULE: ./src/engine/dind/scripts/containerd-watch.generated.ts
// Generated from containerd-watch.sh by scripts/embed-shell.mjs; do not edit.
// Edit the .sh file, then run `npm run build` (or the script alone).
/** containerd-watch.sh as the sidecar runs it, its placeholders filled from `values`. */
function containerdWatchScript(values) {
    return `nest_ms() {
  read -r nest_up _ < /proc/uptime
  nest_cs=\${nest_up%.*}\${nest_up#*.}
  nest_cs=\${nest_cs#"\${nest_cs%%[!0]*}"}
  nest_now=$(( \${nest_cs:-0} * 10 ))
}
alive() {
  s=Z
  read -r _ _ s _ 2>/dev/null < "/proc/$pid/stat" || :
  [ "$s" != Z ]
}
nest_watch_containerd() {
  n=0
  while [ ! -S "$sock" ]; do
    if ! alive; then
      echo "${values.CONTAINERD_DIED_LINE}" >&2
      "$@" 2>/dev/null || :
      exit 0
    fi
    n=$((n + 1))
    if [ "$n" -lt 100 ]; then sleep 0.02; else sleep 0.05; fi
  done
  nest_ms
  echo "${values.FAST_START_LOG_PREFIX}: containerd (pid $pid) listens on $sock after $(( nest_now - t0 )) ms" >&2
}
`;
}

;// CONCATENATED MODULE: ./src/engine/dind/scripts/containerd-first.generated.ts
// Generated from containerd-first.sh by scripts/embed-shell.mjs; do not edit.
// Edit the .sh file, then run `npm run build` (or the script alone).

/** containerd-first.sh as the sidecar runs it, with containerd-watch.sh included, its placeholders filled from `values`. */
function containerdFirstScript(values) {
    return `nest_ctr_sock=${values.CONTAINERD_SOCKET}
nest_ctr_dir=\${nest_ctr_sock%/*}
nest_ctr_pid=
nest_ctr_chmod=
nest_ctr_direct=
nest_ctr_bin=/run/docker-nest/bin
nest_ctr_level=warn
nest_ctr_config=/etc/docker/daemon.json
nest_ctr_off() {
  echo "${values.FAST_START_LOG_PREFIX} off: $1; dockerd starts its own containerd" >&2
  return 1
}
${containerdWatchScript(values)}nest_ctr_eligible() {
  [ "\${${values.FAST_START_ENV}:-true}" = true ] || nest_ctr_off "input fast-start is false" || return 1
  [ "\${nest_uid:-$(id -u)}" = 0 ] || nest_ctr_off "the image runs dockerd as a non-root user" || return 1
  command -v containerd >/dev/null 2>&1 || nest_ctr_off "the image has no containerd binary" || return 1
  if ! command -v dockerd-entrypoint.sh >/dev/null 2>&1 && ! command -v docker-init >/dev/null 2>&1; then
    nest_ctr_off "the image has no docker-init to run as PID 1 and reap containerd" || return 1
  fi
  nest_prev=
  for nest_arg; do
    case $nest_arg in
      --containerd|--containerd=*) nest_ctr_off "dockerd-args set --containerd" || return 1 ;;
      --exec-root|--exec-root=*) nest_ctr_off "dockerd-args set --exec-root" || return 1 ;;
      --rootless|--rootless=*) nest_ctr_off "dockerd-args set --rootless" || return 1 ;;
      --config-file=*) nest_ctr_config=\${nest_arg#*=} ;;
      -D|--debug|--debug=true) nest_ctr_level=debug ;;
      --log-level=*|-l=*) nest_ctr_level=\${nest_arg#*=} ;;
    esac
    case $nest_prev in
      --config-file) nest_ctr_config=$nest_arg ;;
      -l|--log-level) nest_ctr_level=$nest_arg ;;
    esac
    nest_prev=$nest_arg
  done
  return 0
}
nest_ctr_start() {
  nest_ms
  nest_ctr_t0=$nest_now
  # containerd 1.4-1.7 (official 20.10-28): its aufs snapshotter would run
  # modprobe while both daemons start, for a filesystem no dockerd here uses.
  nest_ctr_plugins='"io.containerd.grpc.v1.cri"'
  case \${DOCKER_VERSION:-} in
    20.10.*|2[1-8].*)
      nest_ctr_wait=
      nest_ctr_plugins="$nest_ctr_plugins, \\"io.containerd.snapshotter.v1.aufs\\""
      ;;
    *) nest_ctr_wait=1 ;;
  esac
  if [ -z "$nest_ctr_wait" ] && command -v docker-init >/dev/null 2>&1; then nest_ctr_direct=1; fi
  mkdir -p "$nest_ctr_dir" "$nest_ctr_bin"
  if [ -e "$nest_ctr_sock" ]; then rm -f "$nest_ctr_sock"; fi
  {
    echo 'version = 2'
    echo 'root = "/var/lib/docker/containerd/daemon"'
    echo 'state = "${values.CONTAINERD_STATE_DIR}"'
    echo "disabled_plugins = [$nest_ctr_plugins]"
    echo '[grpc]'
    echo "  address = \\"$nest_ctr_sock\\""
  } > "$nest_ctr_dir/config.toml"
  containerd --config "$nest_ctr_dir/config.toml" --log-level "$nest_ctr_level" < /dev/null &
  nest_ctr_pid=$!
  [ -z "$nest_ctr_direct" ] || return 0
  # Written while containerd boots; put on PATH by nest_ctr_handoff.
  {
    echo '#!/bin/sh'
    echo "PATH='$PATH'"
    echo "pid=$nest_ctr_pid sock=$nest_ctr_sock state=${values.CONTAINERD_STATE_DIR} t0=$nest_ctr_t0 wait=$nest_ctr_wait"
    printf '%s\\n' '${values.DOCKERD_SHIM}'
  } > "$nest_ctr_bin/dockerd"
  # In the background: nothing runs the shim before nest_ctr_handoff waits.
  chmod 755 "$nest_ctr_bin/dockerd" &
  nest_ctr_chmod=$!
}
nest_ctr_stop() {
  nest_ctr_direct=
  rm -f "$nest_ctr_bin/dockerd"
  kill "$nest_ctr_pid" 2>/dev/null || :
  wait "$nest_ctr_pid" 2>/dev/null || :
  nest_ctr_pid=
  rm -f "$nest_ctr_sock"
}
nest_ctr_handoff() {
  [ -n "$nest_ctr_pid" ] || return 0
  if [ -f "$nest_ctr_config" ] && grep -q '"containerd"[[:space:]]*:' "$nest_ctr_config"; then
    nest_ctr_stop
    nest_ctr_off "$nest_ctr_config sets containerd" || return 0
  fi
  [ -z "$nest_ctr_direct" ] || return 0
  wait "$nest_ctr_chmod" || :
  PATH="$nest_ctr_bin:$PATH"
  export PATH
}
# The shim's watch for a direct handover: run in the background right
# before this shell ($$, in the watch too) execs docker-init, so dockerd
# is a child of $$; only that dockerd is stopped.
nest_ctr_watch() {
  pid=$nest_ctr_pid sock=$nest_ctr_sock t0=$nest_ctr_t0
  nest_watch_containerd nest_ctr_kill_dockerd
}
nest_ctr_kill_dockerd() {
  for nest_p in /proc/[0-9]*; do
    nest_c='' nest_pp=''
    read -r _ nest_c _ nest_pp _ 2>/dev/null < "$nest_p/stat" || :
    if [ "$nest_c" = "(dockerd)" ] && [ "$nest_pp" = $$ ]; then
      kill -9 "\${nest_p#/proc/}" 2>/dev/null || :
    fi
  done
}
`;
}

;// CONCATENATED MODULE: ./src/engine/dind/scripts/dockerd-shim.generated.ts
// Generated from dockerd-shim.sh by scripts/embed-shell.mjs; do not edit.
// Edit the .sh file, then run `npm run build` (or the script alone).

/** dockerd-shim.sh as the sidecar runs it, with containerd-watch.sh included, its placeholders filled from `values`. */
function dockerdShimScript(values) {
    return `export PATH
${containerdWatchScript(values)}off() {
  rm -f "$sock"
  echo "${values.FAST_START_LOG_PREFIX} off: $1; dockerd starts its own containerd" >&2
  shift
  exec dockerd "$@"
}
n=0
while [ -n "$wait" ] && [ ! -S "$sock" ] && [ ! -d "$state" ]; do
  if ! alive; then
    off "containerd exited before it listened (its log is above)" "$@"
  fi
  n=$((n + 1))
  if [ "$n" -gt 2000 ]; then
    kill "$pid" 2>/dev/null || :
    off "containerd did not start within 10 s" "$@"
  fi
  sleep 0.005
done
dockerd_pid=$$
( (nest_watch_containerd kill -9 "$dockerd_pid") & )
exec dockerd "$@" "--containerd=$sock"
`;
}

;// CONCATENATED MODULE: ./src/engine/dind/containerd-first.ts
/**
 * "Fast start": the sidecar starts containerd itself, right away,
 * and hands its socket to dockerd with `--containerd=<socket>`.
 *
 * Why: a dockerd that starts its own ("managed") containerd dials the socket
 * before containerd listens, and gRPC's first reconnect back-off is one
 * second. On Docker 26 that second is half of the start (1.8 s → 0.85 s
 * measured on the test machines); Docker 20.10 barely waits, but starting
 * containerd while main is still copying the certificates in overlaps it
 * with main's work there too.
 *
 * What stays as with the managed containerd: its root and state directories
 * (`<data root>/containerd/daemon`, `/var/run/docker/containerd/daemon`, so a
 * kept volume and the containerd image store work either way), the CRI
 * plugin off, and dockerd's log level when dockerd-args set one. Otherwise
 * containerd logs warnings and errors only: at info, containerd 2 writes
 * ~80 plugin lines while dockerd starts, which would fill the log tail a
 * failed start is diagnosed from. containerd is a child of PID 1 (the start
 * script, then docker-init after the exec), so it is reaped, and it goes
 * with the container's PID namespace after dockerd exited: dockerd still
 * shuts down first on `docker stop`.
 *
 * The shell is in scripts/containerd-first.sh, scripts/dockerd-shim.sh and
 * scripts/containerd-watch.sh (POSIX sh, spliced into the start script,
 * startup-script.ts). They use only shell built-ins in their wait loops,
 * plus `sleep` for the pause.
 */


/** The socket our containerd listens on; dockerd gets it as `--containerd`. */
const CONTAINERD_SOCKET = '/run/docker-nest/containerd/containerd.sock';
/** Env var of the sidecar that turns fast start off (`false`); from input `fast-start`. */
const FAST_START_ENV = 'DOCKER_NEST_FAST_START';
/** The prefix of the start script's fast-start log lines (see {@link CONTAINERD_FIRST_FUNCTIONS}). */
const FAST_START_LOG_PREFIX = 'docker-nest: fast start';
/** Where our containerd keeps its state; it makes the directory once its config is read. */
const CONTAINERD_STATE_DIR = '/var/run/docker/containerd/daemon';
/** The line the dockerd shim's watch prints when containerd died after the handover. */
const CONTAINERD_DIED_LINE = `${FAST_START_LOG_PREFIX} failed: containerd exited before it listened (its log is above); dockerd stopped. Input fast-start: false lets dockerd start its own containerd`;
/**
 * The body of `dockerd` in /run/docker-nest/bin, which the start script puts
 * first on PATH so that whoever runs dockerd hands it our containerd's
 * socket (scripts/dockerd-shim.sh says how and when).
 */
const DOCKERD_SHIM = dockerdShimScript({
    CONTAINERD_DIED_LINE,
    FAST_START_LOG_PREFIX
});
/**
 * Shell functions: `nest_ctr_eligible "$@"` (0 when fast start applies; else
 * it logs why not), `nest_ctr_start` (containerd in the background, and the
 * dockerd shim above), and `nest_ctr_handoff`, which puts the shim on PATH
 * unless daemon.json names a containerd of its own
 * (scripts/containerd-first.sh). Lines start with `docker-nest: fast start`
 * so main can show them at debug level.
 */
const CONTAINERD_FIRST_FUNCTIONS = containerdFirstScript({
    CONTAINERD_DIED_LINE,
    CONTAINERD_SOCKET,
    CONTAINERD_STATE_DIR,
    DOCKERD_SHIM,
    FAST_START_ENV,
    FAST_START_LOG_PREFIX
});

;// CONCATENATED MODULE: ./src/engine/dind/scripts/prepare-dind.generated.ts
// Generated from prepare-dind.sh by scripts/embed-shell.mjs; do not edit.
// Edit the .sh file, then run `npm run build` (or the script alone).
/** prepare-dind.sh as the sidecar runs it. */
function prepareDindScript() {
    return `nest_prepare_cgroups() {
  container=docker
  export container
  if [ -f /sys/fs/cgroup/cgroup.controllers ]; then
    mkdir -p /sys/fs/cgroup/init
    tries=0
    while :; do
      xargs -rn1 < /sys/fs/cgroup/cgroup.procs > /sys/fs/cgroup/init/cgroup.procs 2>/dev/null || :
      if sed -e 's/ / +/g' -e 's/^/+/' < /sys/fs/cgroup/cgroup.controllers \\
        > /sys/fs/cgroup/cgroup.subtree_control 2>/dev/null; then
        break
      fi
      tries=$((tries + 1))
      if [ "$tries" -gt 100 ]; then
        echo "docker-nest: could not enable cgroup v2 nesting (cgroup.subtree_control)" >&2
        break
      fi
      sleep 0.05
    done
  fi
}
nest_prepare_mounts() {
  # Both mounts side by side, and no mountpoint process: each costs 5-10 ms
  # while the daemons start. sysfs leaves securityfs's directory empty.
  mount --make-rshared / 2>/dev/null &
  set -- /sys/kernel/security/*
  if [ -d /sys/kernel/security ] && [ ! -e "$1" ]; then
    mount -t securityfs none /sys/kernel/security 2>/dev/null || :
  fi
  wait
}
nest_iptables_legacy() {
  command -v iptables-legacy >/dev/null 2>&1 || return 0
  farm=/usr/local/sbin/.iptables-legacy
  if [ ! -x "$farm/iptables" ]; then
    farm=/run/docker-nest/iptables-legacy
    mkdir -p "$farm"
    for t in iptables iptables-save iptables-restore ip6tables ip6tables-save ip6tables-restore; do
      case $t in
        *-*) l="\${t%%-*}-legacy-\${t#*-}" ;;
        *) l="$t-legacy" ;;
      esac
      p=$(command -v "$l") && ln -sf "$p" "$farm/$t"
    done
  fi
  PATH="$farm:$PATH"
  export PATH
}
nest_legacy_tables_loaded() {
  [ -s /proc/net/ip_tables_names ] || [ -s /proc/net/ip6_tables_names ] ||
    [ -s /proc/net/arp_tables_names ]
}
nest_iptables_probe_pid=
nest_iptables_probe() {
  if [ -z "\${DOCKER_IPTABLES_LEGACY+set}" ] && ! nest_legacy_tables_loaded; then
    iptables -nL >/dev/null 2>&1 &
    nest_iptables_probe_pid=$!
  fi
}
nest_iptables_works() {
  if [ -n "$nest_iptables_probe_pid" ]; then
    wait "$nest_iptables_probe_pid"
  else
    iptables -nL >/dev/null 2>&1
  fi
}
nest_select_iptables() {
  if [ -n "\${DOCKER_IPTABLES_LEGACY+set}" ]; then
    if [ -n "$DOCKER_IPTABLES_LEGACY" ]; then
      modprobe ip_tables >/dev/null 2>&1 || :
      nest_iptables_legacy
    else
      modprobe nf_tables >/dev/null 2>&1 || :
    fi
  elif nest_legacy_tables_loaded; then
    nest_iptables_legacy
  elif ! nest_iptables_works; then
    modprobe nf_tables >/dev/null 2>&1 || :
    if ! iptables -nL >/dev/null 2>&1; then
      modprobe ip_tables >/dev/null 2>&1 || :
      if iptables-legacy -nL >/dev/null 2>&1; then nest_iptables_legacy; fi
    fi
  fi
}
`;
}

;// CONCATENATED MODULE: ./src/engine/dind/scripts/limit-plain-tcp.generated.ts
// Generated from limit-plain-tcp.sh by scripts/embed-shell.mjs; do not edit.
// Edit the .sh file, then run `npm run build` (or the script alone).
/** limit-plain-tcp.sh as the sidecar runs it. */
function limitPlainTcpScript() {
    return `nest_limit_plain_tcp() {
  nest_gw=
  while read -r _ nest_dest nest_hex _; do
    if [ "$nest_dest" = 00000000 ]; then nest_gw=$nest_hex; break; fi
  done < /proc/net/route || :
  if [ -z "$nest_gw" ]; then
    echo "docker-nest: tls: false: the sidecar has no default route, so the runner's address is unknown; not serving plain TCP to every neighbour. Use TLS (the default)." >&2
    return 1
  fi
  nest_a=\${nest_gw%??????}
  nest_r=\${nest_gw#??}
  nest_b=\${nest_r%????}
  nest_r=\${nest_r#??}
  nest_c=\${nest_r%??}
  nest_d=\${nest_r#??}
  nest_gw=$(printf '%d.%d.%d.%d' "0x$nest_d" "0x$nest_c" "0x$nest_b" "0x$nest_a")
  for nest_ipt in iptables iptables-legacy; do
    if "$nest_ipt" -w -A INPUT -p tcp --dport 2375 -i lo -j ACCEPT 2>/dev/null &&
      "$nest_ipt" -w -A INPUT -p tcp --dport 2375 -s "$nest_gw" -j ACCEPT 2>/dev/null &&
      "$nest_ipt" -w -A INPUT -p tcp --dport 2375 -j REJECT --reject-with tcp-reset 2>/dev/null; then
      echo "docker-nest: tls: false: port 2375 answers only the runner ($nest_gw) and this container" >&2
      return 0
    fi
  done
  echo "docker-nest: tls: false: could not limit port 2375 to the runner (iptables failed); not serving plain TCP to every neighbour. Use TLS (the default)." >&2
  return 1
}
`;
}

;// CONCATENATED MODULE: ./src/engine/dind/scripts/mtu-flags.generated.ts
// Generated from mtu-flags.sh by scripts/embed-shell.mjs; do not edit.
// Edit the .sh file, then run `npm run build` (or the script alone).
/** mtu-flags.sh as the sidecar runs it. */
function mtuFlagsScript() {
    return `if [ -n "\${DOCKER_NEST_INNER_MTU:-}" ]; then
  mtu=\${DOCKER_NEST_INNER_MTU#auto:}
  if [ "$mtu" != "$DOCKER_NEST_INNER_MTU" ]; then
    eth0=
    if [ -r /sys/class/net/eth0/mtu ]; then read -r eth0 < /sys/class/net/eth0/mtu || :; fi
    if [ -n "$eth0" ] && { [ -z "$mtu" ] || [ "$eth0" -lt "$mtu" ]; }; then mtu=$eth0; fi
    if [ -n "$mtu" ] && [ "$mtu" -ge 1500 ]; then mtu=; fi
  fi
  if [ -n "$mtu" ]; then
    # The official images carry ENV DOCKER_VERSION; asking dockerd costs 0.1-0.3 s.
    v=\${DOCKER_VERSION:-}
    if [ -z "$v" ]; then v=$(dockerd --version 2>/dev/null) || v=; fi
    major=\${v#Docker version }
    major=\${major%%.*}
    case $major in ''|*[!0-9]*) major=0 ;; esac
    if [ "$major" -ge 24 ]; then
      set -- "--default-network-opt=bridge=com.docker.network.driver.mtu=$mtu" "$@"
    fi
    set -- "--mtu=$mtu" "$@"
    echo "docker-nest: MTU $mtu for dockerd \${v:-(version unknown)}" >&2
  fi
fi
unset DOCKER_NEST_INNER_MTU
`;
}

;// CONCATENATED MODULE: ./src/engine/dind/scripts/read-stdin.generated.ts
// Generated from read-stdin.sh by scripts/embed-shell.mjs; do not edit.
// Edit the .sh file, then run `npm run build` (or the script alone).
/** read-stdin.sh as the sidecar runs it, its placeholders filled from `values`. */
function readStdinScript(values) {
    return `nest_read_stdin() {
  if [ "\${nest_uid:-$(id -u)}" != 0 ]; then
    echo "docker-nest: ${values.NON_ROOT_MESSAGE} (uid \${nest_uid:-$(id -u)})" >&2
    exit 1
  fi
  nest_done=
  nest_mask0=$(umask)
  while IFS=' ' read -r nest_kind nest_path nest_mask nest_count; do
    case $nest_kind in
      dir)
        if [ ! -d "$nest_path" ]; then umask "$nest_mask"; mkdir -p "$nest_path"; fi
        ;;
      file)
        if [ ! -d "\${nest_path%/*}" ]; then umask "$nest_mask0"; mkdir -p "\${nest_path%/*}"; fi
        if [ -e "$nest_path" ] || [ -L "$nest_path" ]; then rm -f "$nest_path"; fi
        umask "$nest_mask"
        nest_i=0
        while [ "$nest_i" -lt "$nest_count" ]; do
          IFS= read -r nest_line || break
          printf '%s\\n' "$nest_line"
          nest_i=$((nest_i + 1))
        done > "$nest_path"
        [ "$nest_i" -eq "$nest_count" ] || break
        ;;
      ${values.STDIN_END_LINE}) nest_done=1; break ;;
      *) break ;;
    esac
  done
  umask "$nest_mask0"
  exec < /dev/null
  if [ -z "$nest_done" ]; then
    echo "docker-nest: the certificates did not arrive on stdin (main stopped before it sent them)" >&2
    exit 90
  fi
}
`;
}

;// CONCATENATED MODULE: ./src/engine/dind/scripts/start-dind.generated.ts
// Generated from start-dind.sh by scripts/embed-shell.mjs; do not edit.
// Edit the .sh file, then run `npm run build` (or the script alone).





/** start-dind.sh as the sidecar runs it, with mtu-flags.sh, prepare-dind.sh, containerd-first.sh, read-stdin.sh, limit-plain-tcp.sh included, its placeholders filled from `values`. */
function startDindScript(values) {
    return `set -eu
nest_uid=
while read -r nest_k nest_v _; do
  if [ "$nest_k" = Uid: ]; then nest_uid=$nest_v; break; fi
done < /proc/self/status || :
[ -n "$nest_uid" ] || nest_uid=$(id -u)
if [ -f /sys/fs/cgroup/cgroup.controllers ]; then
  echo "${values.CGROUP_LINE_PREFIX}2" >&2
else
  echo "${values.CGROUP_LINE_PREFIX}1" >&2
fi
${mtuFlagsScript()}unset DOCKER_HOST DOCKER_TLS_VERIFY DOCKER_CERT_PATH DOCKER_DRIVER DOCKER_CONTEXT
${prepareDindScript()}${containerdFirstScript(values)}${readStdinScript(values)}${limitPlainTcpScript()}nest_official=
if command -v dockerd-entrypoint.sh >/dev/null 2>&1; then
  nest_official=1
elif [ "$nest_uid" != 0 ]; then
  # Only the official entrypoint knows how to start rootless dockerd.
  echo "docker-nest: the image runs as uid $nest_uid but has no dockerd-entrypoint.sh (rootless needs the docker:<version>-dind-rootless contract)" >&2
  exit 126
elif ! command -v dockerd >/dev/null 2>&1; then
  echo "docker-nest: dockerd: not found on PATH in this image" >&2
  exit 127
fi
nest_fast=
if nest_ctr_eligible "$@"; then nest_fast=1; fi
# The official entrypoint prepares the sidecar itself, unless fast start
# runs dockerd without it (below). containerd starts as early as it may:
# after the cgroup v2 nesting (its start spawns processes into the root
# cgroup, which would make enabling the controllers fail), before the rest.
nest_own_prepare=
if [ -n "$nest_fast" ] || [ -z "$nest_official" ]; then nest_own_prepare=1; fi
if [ -n "$nest_own_prepare" ]; then nest_prepare_cgroups; fi
if [ -n "$nest_fast" ]; then nest_ctr_start; fi
# The mounts and the iptables probe go on in the background while this
# shell reads the certificates (each is a few ms of processes or
# byte-by-byte reads on the way to dockerd); joined before dockerd starts.
nest_mounts_pid=
if [ -n "$nest_own_prepare" ]; then
  nest_prepare_mounts &
  nest_mounts_pid=$!
  nest_iptables_probe
  for nest_pid_file in /var/run/docker.pid /run/docker.pid /var/run/docker/containerd/containerd.pid; do
    if [ -e "$nest_pid_file" ]; then rm -f "$nest_pid_file"; fi
  done
fi
if [ "\${${values.STDIN_DELIVERY_ENV}:-}" = stdin ]; then
  unset ${values.STDIN_DELIVERY_ENV}
  nest_read_stdin
fi
if [ -n "$nest_own_prepare" ]; then nest_select_iptables; fi
ready=\${DOCKER_TLS_CERTDIR:-}
if [ -z "$ready" ] && [ -n "\${DOCKER_NEST_CONFIG_FILE:-}" ]; then
  ready=\${DOCKER_NEST_CONFIG_FILE%/*}
fi
if [ -n "$ready" ]; then
  n=0
  while [ ! -e "$ready/${values.CERTS_READY_MARKER}" ]; do
    n=$((n + 1))
    if [ "$n" -gt 12000 ]; then
      echo "docker-nest: certificates never arrived in $ready" >&2
      exit 90
    fi
    sleep 0.01
  done
fi
if [ -n "\${DOCKER_NEST_CONFIG_FILE:-}" ]; then
  set -- "--config-file=$DOCKER_NEST_CONFIG_FILE" "$@"
fi
if [ -n "$nest_mounts_pid" ]; then wait "$nest_mounts_pid" || :; fi
nest_ctr_handoff
if [ -n "\${${values.PLAIN_TCP_ENV}:-}" ]; then nest_limit_plain_tcp || exit 91; fi
unset ${values.PLAIN_TCP_ENV}
if [ -n "$nest_official" ]; then
  if [ -z "$nest_ctr_pid" ] || ! command -v docker-init >/dev/null 2>&1; then
    exec dockerd-entrypoint.sh "$@"
  fi
  # Fast start: what the entrypoint would still do for a root dockerd is
  # done above (hack/dind's steps, iptables backend, stale pid files; the
  # certificates are ours, nothing to verify) but hack/dind's tmpfs on
  # /tmp, which nothing needs before dockerd runs.
  { mountpoint -q /tmp || mount -t tmpfs none /tmp; } >/dev/null 2>&1 &
  echo "${values.FAST_START_LOG_PREFIX}: dockerd runs under docker-init without the image's entrypoint (its steps are done)" >&2
fi
if [ -n "\${DOCKER_TLS_CERTDIR:-}" ]; then
  d=$DOCKER_TLS_CERTDIR/server
  set -- --host=tcp://0.0.0.0:2376 --tlsverify "--tlscacert=$d/ca.pem" "--tlscert=$d/cert.pem" "--tlskey=$d/key.pem" "$@"
else
  set -- --host=tcp://0.0.0.0:2375 "$@"
fi
if [ -n "$nest_ctr_direct" ]; then
  # Fast start without the shim: the watch starts here, dockerd is the
  # real one (nest_ctr_direct implies docker-init, which runs it below).
  set -- "$@" "--containerd=$nest_ctr_sock"
  nest_ctr_watch &
fi
# The TCP listener first: dockerd 20.10 builds each listener's router in
# turn (~10 ms each) and serves the first one first; main waits on TCP.
set -- dockerd "$@" --host=unix:///var/run/docker.sock
if command -v docker-init >/dev/null 2>&1; then
  exec docker-init -- "$@"
fi
exec "$@"
`;
}

;// CONCATENATED MODULE: ./src/engine/dind/sidecar-log.ts
/**
 * The sidecar's output as main receives it on the stream it attached before
 * the start (Engine API path, sidecar-access.ts): the start script's lines
 * and the daemon's log, with no `logs` request. What main needs from it once
 * the daemon answers — the daemon's version and storage driver, the cgroup
 * version, the fast-start lines — is then already here, so the step ends
 * without a `GET /info` (the daemon runs `runc --version` and
 * `docker-init --version` to answer it: ~15 ms on 20.10).
 */
/** Enough for everything up to "API listen on", even with `--debug`. */
const MAX_CHARS = 4 * 1024 * 1024;
/**
 * The start script's line with the cgroup version (startup-script.ts). It
 * is the script's first output, so it also tells whether the stream began
 * before the sidecar wrote anything: the attach request goes out beside the
 * start request, and a busy daemon may attach only once the container
 * runs, when its first lines are gone from the stream (not from its log).
 */
const CGROUP_LINE_PREFIX = 'docker-nest: cgroup v';
/** The sidecar's output so far; text past {@link MAX_CHARS} is dropped. */
class SidecarLog {
    content = '';
    decoder = new TextDecoder();
    listeners = new Set();
    append(payload) {
        if (this.content.length >= MAX_CHARS)
            return;
        this.content += this.decoder.decode(payload, { stream: true });
        for (const listener of this.listeners)
            listener();
    }
    get text() {
        return this.content;
    }
    /** Whether everything the sidecar printed is here (see {@link CGROUP_LINE_PREFIX}). */
    get complete() {
        return this.content.startsWith(CGROUP_LINE_PREFIX);
    }
    /**
     * The first complete line `test` accepts, as soon as it has arrived; undefined
     * if none has after `timeoutMs` (the line may trail the event that made
     * it worth waiting for: the stream passes the runner's daemon).
     */
    waitForLine(test, timeoutMs) {
        const find = () => this.content.split('\n').slice(0, -1).find(test);
        const found = find();
        if (found !== undefined || timeoutMs <= 0)
            return Promise.resolve(found);
        return new Promise((resolve) => {
            const done = (line) => {
                clearTimeout(timer);
                this.listeners.delete(check);
                resolve(line);
            };
            const check = () => {
                const line = find();
                if (line !== undefined)
                    done(line);
            };
            const timer = setTimeout(() => done(undefined), timeoutMs);
            this.listeners.add(check);
        });
    }
}
/**
 * dockerd's "Docker daemon" line (logged once initialised, before its API
 * listens), in text or JSON log format: `version=…` and the storage driver,
 * named `graphdriver(s)` (20.10), `graphdriver` (23, 24) or `storage-driver`
 * (25+). Undefined for any other line or when either value is missing.
 */
function parseDaemonLine(line) {
    if (!/msg"?[=:]"Docker daemon"/.test(line))
        return undefined;
    const field = (names) => new RegExp(`(?:^|[\\s{,])"?(?:${names})"?[=:]"?([^\\s",}]+)`).exec(line)?.[1];
    const serverVersion = field('version');
    const storageDriver = field('graphdriver\\(s\\)|graphdriver|storage-driver');
    if (!serverVersion || !storageDriver)
        return undefined;
    return { serverVersion, storageDriver };
}
/** Whether `line` is dockerd's "Docker daemon" line with both facts in it. */
function isDaemonLine(line) {
    return parseDaemonLine(line) !== undefined;
}
/**
 * The daemon's facts from its log: waits up to `timeoutMs` for the
 * "Docker daemon" line; undefined when it does not come (a log format we do
 * not know, logging elsewhere): then ask the daemon. The cgroup line comes
 * from `wholeLog` when the stream missed the sidecar's first lines.
 */
async function daemonFactsFromLog(log, timeoutMs, wholeLog) {
    const line = await log.waitForLine(isDaemonLine, timeoutMs);
    const facts = line === undefined ? undefined : parseDaemonLine(line);
    if (!facts)
        return undefined;
    const text = log.complete ? log.text : await wholeLog().catch(() => '');
    const cgroup = text.split('\n').find((l) => l.startsWith(CGROUP_LINE_PREFIX));
    return {
        ...facts,
        cgroupVersion: cgroup?.slice(CGROUP_LINE_PREFIX.length).trim() ?? ''
    };
}

;// CONCATENATED MODULE: ./src/engine/dind/stdin-delivery.ts

/** Env var of the sidecar: `stdin` when the files come that way. */
const STDIN_DELIVERY_ENV = 'DOCKER_NEST_DELIVERY';
/** The line that closes the stream; the start script stops reading there. */
const STDIN_END_LINE = 'end';
/**
 * What the start script says when the image runs as non-root although the
 * plan said root (a dind-rootless image without input rootless: true);
 * rootless-diagnose.ts turns it into the hint to set that input.
 */
const NON_ROOT_MESSAGE = 'the image runs as a non-root user and cannot write the certificates as root';
/** The entries in the line format above; paths become absolute. */
function encodeForStdin(entries) {
    const out = [];
    for (const entry of entries) {
        const path = `/${entry.path.replace(/^\/+/, '').replace(/\/+$/, '')}`;
        if (/\s/.test(path) || path === '/') {
            throw new Error(`stdin delivery: unusable path '${entry.path}'`);
        }
        if (entry.uid || entry.gid) {
            throw new Error(`stdin delivery: ${path} must be owned by root`);
        }
        // Files are made 0666 & ~umask, directories 0777 & ~umask.
        const mask = (~entry.mode & 0o777).toString(8).padStart(3, '0');
        if (entry.content === undefined) {
            out.push(`dir ${path} ${mask}`);
            continue;
        }
        if (entry.mode & 0o111) {
            throw new Error(`stdin delivery: ${path} cannot be executable`);
        }
        const lines = entry.content === '' ? [] : entry.content.split('\n');
        if (lines.at(-1) === '')
            lines.pop();
        out.push(`file ${path} ${mask} ${lines.length}`, ...lines);
    }
    out.push(STDIN_END_LINE);
    return Buffer.from(`${out.join('\n')}\n`, 'utf8');
}
/**
 * `nest_read_stdin` (scripts/read-stdin.sh): writes the files, each created
 * with its mode through the umask before any content goes in (the key is
 * never readable by others), then lets go of stdin. Fails when the stream
 * ends before {@link STDIN_END_LINE} (main died or gave up).
 */
const STDIN_READ_FUNCTION = readStdinScript({
    NON_ROOT_MESSAGE,
    STDIN_END_LINE
});

;// CONCATENATED MODULE: ./src/engine/dind/startup-script.ts
/**
 * The shell script the sidecar runs as its entrypoint. It exists so one
 * `docker run` works for both image contracts and so the server certificate
 * can name the container's IP, which is only known once the container runs:
 *
 * 0. Work out the MTU flags (mtu.ts) while main is still signing
 *    the server certificate: this may run `dockerd --version`.
 * 1. Drop client variables the image or a job may carry; dockerd reads
 *    DOCKER_TLS_VERIFY/DOCKER_CERT_PATH/DOCKER_DRIVER from its own env
 *    (a job's DOCKER_DRIVER=vfs would slow every build). A non-root image
 *    without the official entrypoint stops here (rootless needs that
 *    contract).
 * 2. Do what the official entrypoint and moby's hack/dind would do —
 *    cgroup v2 nesting, shared mounts, stale pid files, iptables backend
 *    selection — while main still signs the certificates: for a plain image
 *    always, for the official one when fast start applies (otherwise its
 *    entrypoint does it).
 * 3. Fast start (containerd-first.ts): start containerd right after the
 *    cgroup nesting; dockerd gets its socket from this script's exec of
 *    docker-init, or from a `dockerd` shim first on PATH where the handover
 *    waits for containerd or the official entrypoint runs dockerd.
 * 4. With TLS on, wait until main has handed in `server/{ca,cert,key}.pem`
 *    under $DOCKER_TLS_CERTDIR (on stdin, stdin-delivery.ts, or by
 *    `docker cp`: the marker file is the last entry either way); with
 *    TLS off, the same for daemon.json when input `daemon-config` is set,
 *    which then reaches dockerd as `--config-file`.
 * 5. Official contract without fast start (turned off, or a rootless image):
 *    hand over to dockerd-entrypoint.sh with flags only, so it takes its
 *    "certs provided" branch (verify, no key generation). With fast start
 *    its remaining steps are done, so dockerd starts without it: the
 *    entrypoint's shell, `openssl verify` of our own certificate and
 *    hack/dind's second round of mounts cost ~25 ms before dockerd's exec.
 * 6. Otherwise: add the listeners and TLS flags, then exec dockerd under
 *    docker-init when the image has it.
 *
 * The shell is scripts/start-dind.sh and the pieces it includes; the build
 * embeds them (scripts/embed-shell.mjs) with this module's constants filled
 * in where the shell has their placeholders.
 */





/**
 * Env of the sidecar: `runner` limits a plain-TCP daemon to the runner (see
 * plan.ts and scripts/limit-plain-tcp.sh).
 */
const PLAIN_TCP_ENV = 'DOCKER_NEST_PLAIN_TCP_FROM';
/** Marker copied last into the cert dir; its presence means all files are there. */
const CERTS_READY_MARKER = '.docker-nest-ready';
/** Where certificates go inside the sidecar (the official image's default). */
const CERT_DIR_IN_CONTAINER = '/certs';
/**
 * The dind preparation of moby's hack/dind and the official entrypoint's
 * iptables backend choice, as shell functions (scripts/prepare-dind.sh).
 */
const PREPARE_FUNCTIONS = prepareDindScript();
/** The sidecar's entrypoint, run as `sh -c` with dockerd's flags as arguments. */
const STARTUP_SCRIPT = startDindScript({
    CERTS_READY_MARKER,
    CGROUP_LINE_PREFIX: CGROUP_LINE_PREFIX,
    CONTAINERD_DIED_LINE: CONTAINERD_DIED_LINE,
    CONTAINERD_SOCKET: CONTAINERD_SOCKET,
    CONTAINERD_STATE_DIR: CONTAINERD_STATE_DIR,
    DOCKERD_SHIM: DOCKERD_SHIM,
    FAST_START_ENV: FAST_START_ENV,
    FAST_START_LOG_PREFIX: FAST_START_LOG_PREFIX,
    NON_ROOT_MESSAGE: NON_ROOT_MESSAGE,
    PLAIN_TCP_ENV,
    STDIN_DELIVERY_ENV: STDIN_DELIVERY_ENV,
    STDIN_END_LINE: STDIN_END_LINE
});

;// CONCATENATED MODULE: ./src/engine/options/daemon-config.ts
/**
 * Input `daemon-config`: a JSON object that becomes the inner daemon's
 * daemon.json. dockerd refuses to start when a setting is both a flag and a
 * key of its config file ("the following directives are specified both as a
 * flag and in the configuration file"), and docker-nest passes its own
 * settings as flags; so every such clash is rejected here, before anything
 * is created, naming the key and the input that owns it.
 */

/** Where the sidecar finds daemon.json (`--config-file`); copied in with the certificates. */
const DAEMON_CONFIG_PATH = '/etc/docker-nest/daemon.json';
/** Keys docker-nest always sets itself, with the reason. */
const OWNED_KEYS = {
    hosts: 'docker-nest sets the listeners itself',
    tls: "use input 'tls'",
    tlsverify: "use input 'tls'",
    tlscacert: 'docker-nest makes and installs the certificates',
    tlscert: 'docker-nest makes and installs the certificates',
    tlskey: 'docker-nest makes and installs the certificates',
    'data-root': 'the data root is the volume docker-nest mounts',
    graph: 'the data root is the volume docker-nest mounts'
};
/** Keys that clash only when the input that owns them is set. */
const INPUT_KEYS = [
    {
        key: 'registry-mirrors',
        input: 'registry-mirrors',
        isSet: (o) => o.registryMirrors.length > 0
    },
    {
        key: 'insecure-registries',
        input: 'insecure-registries',
        isSet: (o) => o.insecureRegistries.length > 0
    },
    {
        key: 'default-address-pools',
        input: 'default-address-pools',
        isSet: (o) => (o.defaultAddressPools ?? []).length > 0
    },
    { key: 'mtu', input: 'mtu', isSet: (o) => o.mtu !== 'auto' },
    {
        key: 'default-network-opts',
        input: 'mtu',
        isSet: (o) => o.mtu !== 'auto'
    }
];
/** Line and column (1-based) of a character offset, for parse errors. */
function lineAndColumn(text, offset) {
    const before = text.slice(0, offset).split('\n');
    return { line: before.length, column: before[before.length - 1].length + 1 };
}
/** Why JSON.parse failed, with line and column (V8 reports an offset only on some messages). */
function describeParseError(text, error) {
    const reason = error.message.replace(/\s*\(line \d+ column \d+\)$/, '');
    const match = /at position (\d+)/.exec(reason);
    if (!match)
        return `${reason} (at the end of the text)`;
    const { line, column } = lineAndColumn(text, Number(match[1]));
    return `${reason} (line ${line}, column ${column})`;
}
/**
 * Parses `daemon-config`; pushes a problem (with the parse position) when it
 * is not a JSON object. Returns undefined for an empty input.
 */
function parseDaemonConfig(value, problems) {
    if (value.trim() === '')
        return undefined;
    let parsed;
    try {
        parsed = JSON.parse(value);
    }
    catch (error) {
        problems.push(`Input 'daemon-config' is not valid JSON: ` +
            `${describeParseError(value, error)}. It takes one JSON ` +
            `object, e.g. '{"log-level": "warn", "features": {"buildkit": true}}'.`);
        return undefined;
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
        problems.push(`Input 'daemon-config' must be a JSON object (daemon.json), got ` +
            `${Array.isArray(parsed) ? 'an array' : JSON.stringify(parsed)}.`);
        return undefined;
    }
    return parsed;
}
/** `url` with the password of its user info replaced by `***`. */
function maskUserInfo(url) {
    return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^/@:]*):[^/@]*@/i, '$1:***@');
}
/**
 * Why a registry mirror URL is refused for carrying credentials, or
 * undefined. dockerd rejects such a mirror anyway, but only after the
 * secret is in the sidecar's command line, the logs and the summary.
 */
function mirrorCredentialsProblem(mirror, source) {
    if (!/^[a-z][a-z0-9+.-]*:\/\/[^/]*@/i.test(mirror))
        return undefined;
    return (`${source} entry '${maskUserInfo(mirror)}' carries credentials, which ` +
        'dockerd refuses and docker-nest will not put on a command line. Give ' +
        'the mirror without them and log in from the job (docker login against ' +
        "the nest's DOCKER_HOST), or set a credential helper in daemon-config.");
}
/** The daemon.json key a dockerd flag sets: --debug → debug, --dns → dns, --label → labels. */
function keysForFlag(flag) {
    const name = flag.replace(/^-+/, '').split('=')[0];
    const plural = name.endsWith('y') ? `${name.slice(0, -1)}ies` : `${name}s`;
    return [name, plural];
}
/**
 * Pushes a problem for each key of `config` that docker-nest (or another
 * input, or a flag in `dockerd-args`) already sets.
 */
function checkDaemonConfig(config, options, problems) {
    for (const key of Object.keys(config)) {
        const owned = OWNED_KEYS[key];
        if (owned) {
            problems.push(`Input 'daemon-config' may not set "${key}" (${owned}).`);
        }
    }
    const mirrors = config['registry-mirrors'];
    for (const mirror of Array.isArray(mirrors) ? mirrors : []) {
        const problem = typeof mirror === 'string' &&
            mirrorCredentialsProblem(mirror, `Input 'daemon-config' "registry-mirrors"`);
        if (problem)
            problems.push(problem);
    }
    for (const { key, input, isSet } of INPUT_KEYS) {
        if (key in config && isSet(options)) {
            problems.push(`Input 'daemon-config' sets "${key}" and input '${input}' sets it ` +
                `too; dockerd refuses a setting given twice. Set it in one place.`);
        }
    }
    const flags = options.dockerdArgs.filter((word) => word.startsWith('-'));
    for (const flag of flags) {
        if (flag.split('=')[0] === '--config-file') {
            problems.push(`Input 'dockerd-args' may not set --config-file when 'daemon-config' ` +
                'is set: docker-nest points dockerd at the daemon.json it writes.');
            continue;
        }
        const clash = keysForFlag(flag).find((key) => key in config);
        if (clash) {
            problems.push(`Input 'daemon-config' sets "${clash}" and 'dockerd-args' passes ` +
                `${flag.split('=')[0]}; dockerd refuses a setting given twice. ` +
                'Set it in one place.');
        }
    }
}
/**
 * Whether `mtu: auto` must stand back because daemon.json already decides
 * the MTU (adding --mtu would make dockerd refuse to start).
 */
function configSetsMtu(config) {
    return (config !== undefined &&
        ('mtu' in config || 'default-network-opts' in config));
}
/**
 * Tar entries that put daemon.json where the start script points dockerd;
 * with `marker` (no TLS, so no certificates carry one) the ready-marker the
 * start script waits for goes last.
 */
function daemonConfigEntries(json, marker) {
    if (json === undefined)
        return [];
    const dir = DAEMON_CONFIG_PATH.replace(/^\//, '').replace(/[^/]+$/, '');
    return [
        { path: dir, mode: 0o755 },
        { path: `${dir}daemon.json`, mode: 0o644, content: json },
        ...(marker
            ? [{ path: `${dir}${CERTS_READY_MARKER}`, mode: 0o644, content: '' }]
            : [])
    ];
}

;// CONCATENATED MODULE: ./src/engine/options/dockerd-args.ts
/**
 * Input `dockerd-args`: extra flags for the inner dockerd, minus the flags
 * docker-nest sets itself.
 */

/** dockerd flags docker-nest owns: letting users override them would break TLS or the data volume. */
const RESERVED_DOCKERD_FLAGS = {
    '-H': 'docker-nest sets the listeners itself',
    '--host': 'docker-nest sets the listeners itself',
    '--tls': "use input 'tls'",
    '--tlsverify': "use input 'tls'",
    '--tlscacert': 'docker-nest makes and installs the certificates',
    '--tlscert': 'docker-nest makes and installs the certificates',
    '--tlskey': 'docker-nest makes and installs the certificates',
    '--data-root': 'the data root is the volume docker-nest mounts',
    '--graph': 'the data root is the volume docker-nest mounts',
    '-g': 'the data root is the volume docker-nest mounts',
    '--mtu': "use input 'mtu'",
    '--registry-mirror': "use input 'registry-mirrors'"
};
/** dockerd's one-letter flags that take a value (`-Hunix:///x` is `-H unix:///x`). */
const SHORT_FLAGS_WITH_VALUE = new Set(['H', 'G', 'b', 'g', 'l', 'p', 's']);
/**
 * The flag names the words of one `dockerd-args` line set: `--name` and
 * `--name=value` alike, and one-letter flags written together (`-D`, `-DH`,
 * `-Htcp://…`), where a flag that takes a value ends the run. Every word
 * counts: dockerd takes the last value, so `--debug --tlsverify=false` must
 * not pass on its first word.
 */
function dockerdFlagNames(words) {
    const names = [];
    for (const word of words) {
        if (word.startsWith('--')) {
            names.push(word.split('=')[0]);
        }
        else if (/^-[A-Za-z]/.test(word)) {
            for (const letter of word.slice(1)) {
                if (!/[A-Za-z]/.test(letter))
                    break;
                names.push(`-${letter}`);
                if (SHORT_FLAGS_WITH_VALUE.has(letter))
                    break;
            }
        }
    }
    return names;
}
/**
 * One flag per line; a value may follow after '=' or a space. Lines starting
 * with '#' are comments. Returns the flags split into argv words.
 */
function parseDockerdArgs(value, problems) {
    const args = [];
    for (const rawLine of value.split(/\r?\n/)) {
        const line = rawLine.trim();
        if (line === '' || line.startsWith('#'))
            continue;
        const words = line.split(/\s+/);
        if (!words[0].startsWith('-')) {
            problems.push(`Input 'dockerd-args' takes dockerd flags, one per line ` +
                `(e.g. '--debug' or '--default-ulimit nofile=1024:2048'), got ${quote(line)}.`);
            continue;
        }
        const reserved = dockerdFlagNames(words).find((name) => RESERVED_DOCKERD_FLAGS[name]);
        if (reserved) {
            problems.push(`Input 'dockerd-args' may not set ${reserved} ` +
                `(${RESERVED_DOCKERD_FLAGS[reserved]}), got ${quote(line)}.`);
            continue;
        }
        args.push(...words);
    }
    return args;
}

;// CONCATENATED MODULE: ./src/engine/options/lifecycle.ts
/**
 * How long a start waits for the daemon (`wait-timeout`) and what teardown
 * removes (`cleanup`).
 */

const MAX_WAIT_SECONDS = 3600;
/** Input `wait-timeout`: seconds in (0, 3600], returned in milliseconds. */
function parseWaitTimeout(value, problems) {
    const seconds = /^[0-9]+(\.[0-9]+)?$/.test(value) ? Number(value) : NaN;
    if (!(seconds > 0 && seconds <= MAX_WAIT_SECONDS)) {
        problems.push(`Input 'wait-timeout' must be a number of seconds between 0 and ` +
            `${MAX_WAIT_SECONDS} (e.g. 60), got ${quote(value)}.`);
        return 0;
    }
    return Math.round(seconds * 1000);
}
/** `cleanup`: a strict boolean, or 'containers' (also remove run-labelled objects). */
function parseCleanup(value, problems) {
    if (value === 'containers')
        return { cleanup: true, cleanupContainers: true };
    const parsed = ['true', 'True', 'TRUE', 'false', 'False', 'FALSE'].includes(value);
    if (!parsed) {
        problems.push(`Input 'cleanup' must be 'true', 'false' or 'containers', got ${quote(value)}.`);
    }
    return {
        cleanup: parseBoolean('cleanup', parsed ? value : 'true', problems),
        cleanupContainers: false
    };
}

;// CONCATENATED MODULE: ./src/engine/options/mode.ts


const MODES = ['dind', 'dood', 'auto'];
/** Image reference: [registry[:port]/]path[:tag][@sha256:digest], no leading '-'. */
const IMAGE_REF = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9.-]*[a-zA-Z0-9])?(?::[0-9]{1,5})?\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$/;
/** Input `mode`: one of {@link MODES}, case-sensitive; 'dind' after a problem. */
function parseMode(value, problems) {
    if (!MODES.includes(value)) {
        problems.push(`Input 'mode' must be one of ${MODES.join(', ')}, got ${quote(value)}.`);
        return 'dind';
    }
    return value;
}
/**
 * Input `image`: an image reference, never something `docker run` would
 * read as a flag.
 */
function parseImage(value, problems) {
    if (!IMAGE_REF.test(value)) {
        problems.push(`Input 'image' must be an image reference such as ` +
            `'${DEFAULT_DIND_IMAGE}' or 'registry:5000/team/dind:26@sha256:…', ` +
            `got ${quote(value)}.`);
    }
    return value;
}
/** Input `socket`: an absolute path, `unix://` prefix dropped; '' = find it. */
function parseSocket(value, problems) {
    const path = value.replace(/^unix:\/\//, '');
    if (path !== '' && !path.startsWith('/')) {
        problems.push(`Input 'socket' must be an absolute path such as ` +
            `'/var/run/docker.sock' (or unix:///path), got ${quote(value)}.`);
    }
    return path;
}

;// CONCATENATED MODULE: ./src/engine/options/network.ts
/**
 * The inner daemon's network inputs: its `mtu` and the registries it
 * pulls through or trusts over plain http (`registry-mirrors`,
 * `insecure-registries`). Address pools and daemon.json have their own
 * modules (address-pools.ts, daemon-config.ts).
 */



const REGISTRY_HOST = /^[A-Za-z0-9.-]+(?::[0-9]{1,5})?$/;
/** Input `mtu`: 'auto' or a whole number from 576 to 65535. */
function parseMtu(value, problems) {
    if (value === 'auto')
        return 'auto';
    const mtu = /^[0-9]+$/.test(value) ? Number(value) : NaN;
    if (!(mtu >= 576 && mtu <= 65535)) {
        problems.push(`Input 'mtu' must be 'auto' or a whole number from 576 to 65535 ` +
            `(e.g. 1360), got ${quote(value)}.`);
        return 'auto';
    }
    return mtu;
}
/** Input `registry-mirrors`: http(s) URLs without credentials. */
function parseRegistryMirrors(value, problems) {
    const mirrors = splitList(value);
    for (const mirror of mirrors) {
        const credentials = mirrorCredentialsProblem(mirror, "Input 'registry-mirrors'");
        if (credentials) {
            problems.push(credentials);
        }
        else if (!isHttpUrl(mirror)) {
            problems.push(`Input 'registry-mirrors' entries must be http(s) URLs such as ` +
                `'https://mirror.example.com', got ${quote(mirror)}.`);
        }
    }
    return mirrors;
}
function isCidr(value) {
    const [address, bits, extra] = value.split('/');
    if (extra !== undefined || bits === undefined || !/^[0-9]{1,3}$/.test(bits)) {
        return false;
    }
    const family = (0,external_node_net_namespaceObject.isIP)(address);
    return family !== 0 && Number(bits) <= (family === 4 ? 32 : 128);
}
/** Input `insecure-registries`: host[:port] or CIDR entries. */
function parseInsecureRegistries(value, problems) {
    const registries = splitList(value);
    for (const registry of registries) {
        if (!REGISTRY_HOST.test(registry) && !isCidr(registry)) {
            problems.push(`Input 'insecure-registries' entries must be host[:port] or a CIDR ` +
                `such as 'registry.local:5000' or '10.0.0.0/8', got ${quote(registry)}.`);
        }
    }
    return registries;
}

;// CONCATENATED MODULE: ./src/engine/options/runtime.ts
/**
 * Unprivileged routes: the OCI runtime the sidecar runs under (input
 * `runtime`, e.g. `sysbox-runc`) and the isolation flags that follow from it.
 *
 * Sysbox runs "system containers" in a user namespace with procfs/sysfs
 * virtualised, so the official dind image works there without
 * `--privileged`; with `--privileged` sysbox refuses to start the container,
 * and it supports neither `--userns=host`, `--pid=host`, `--network=host`
 * nor nested user namespaces
 * (https://github.com/nestybox/sysbox/blob/master/docs/user-guide/limitations.md).
 */

/** Docker runtime names: letters, digits and `._+-`, like the keys of daemon.json "runtimes". */
const RUNTIME_NAME = /^[A-Za-z0-9][A-Za-z0-9._+-]{0,127}$/;
/**
 * What dockerd says when `--runtime` names a runtime it does not know:
 * "Unknown runtime specified X" (≤ 23) or "unknown or invalid runtime name: X" (≥ 24).
 */
const UNKNOWN_RUNTIME = /Unknown runtime specified|unknown or invalid runtime name/i;
/** True for the sysbox runtimes (`sysbox-runc`, or a renamed copy of it). */
function isSysbox(runtime) {
    return /sysbox/i.test(runtime);
}
/** Validates input `runtime`; '' means the daemon's default runtime. */
function parseRuntime(value, problems) {
    if (value !== '' && !RUNTIME_NAME.test(value)) {
        problems.push(`Input 'runtime' must be a runtime name known to the runner's Docker ` +
            `daemon such as 'sysbox-runc' (letters, digits and . _ + -), ` +
            `got '${value}'.`);
    }
    return value;
}
/**
 * `rootless: unprivileged`: what a rootless daemon needs instead of
 * `--privileged`, each found necessary on the test machine (docs/self-hosted.md,
 * "Unprivileged routes"): SYS_ADMIN for rootlesskit's mounts and namespaces,
 * no seccomp filter (inner containers' keyrings), no AppArmor profile (Docker's
 * default one denies mount), unmasked /proc and /sys paths (procfs for inner
 * containers), and the tun device for slirp4netns.
 */
const ROOTLESS_UNPRIVILEGED_ARGS = (/* unused pure expression or super */ null && ([
    '--cap-add=SYS_ADMIN',
    '--security-opt=seccomp=unconfined',
    '--security-opt=apparmor=unconfined',
    '--security-opt=systempaths=unconfined',
    '--device=/dev/net/tun'
]));
/**
 * `docker run` flags for the sidecar's isolation: `--runtime=<name>` when
 * one is set, and `--privileged` unless the runtime is sysbox (which refuses
 * it and does not need it) or the nest is `rootless: unprivileged`.
 */
function isolationArgs(runtime, rootlessUnprivileged = false) {
    const runtimeArgs = runtime ? [`--runtime=${runtime}`] : [];
    if (runtime && isSysbox(runtime))
        return runtimeArgs;
    return rootlessUnprivileged
        ? [...runtimeArgs, ...ROOTLESS_UNPRIVILEGED_ARGS]
        : [...runtimeArgs, '--privileged'];
}
/** One line for the log: how the sidecar is isolated. */
function describeIsolation(runtime, rootlessUnprivileged = false) {
    const how = rootlessUnprivileged
        ? 'not privileged (SYS_ADMIN, unconfined seccomp/AppArmor, /dev/net/tun)'
        : 'privileged';
    if (!runtime)
        return `${how}, the daemon's default runtime`;
    return isSysbox(runtime)
        ? `runtime ${runtime}, not privileged (sysbox isolates the nest)`
        : `runtime ${runtime}, ${how}`;
}
/** The runtime names of `docker info --format '{{json .Runtimes}}'`, sorted. */
function parseRuntimes(json) {
    try {
        const parsed = JSON.parse(json);
        if (parsed === null || typeof parsed !== 'object')
            return [];
        return Object.keys(parsed).sort();
    }
    catch {
        return [];
    }
}
/**
 * When `docker run` failed because the daemon does not know the runtime,
 * an error naming the input, the value and the runtimes the daemon has (one
 * `docker info`, on this failure path only); otherwise undefined.
 */
async function explainUnknownRuntime(docker, runtime, error) {
    if (!runtime ||
        !(error instanceof DockerCommandError) ||
        !UNKNOWN_RUNTIME.test(error.stderr)) {
        return undefined;
    }
    const info = await docker.tryExec(['info', '--format', '{{json .Runtimes}}']);
    const known = info.exitCode === 0 ? parseRuntimes(info.stdout) : [];
    const have = known.length > 0 ? known.join(', ') : 'unknown (docker info failed)';
    const install = isSysbox(runtime)
        ? ' Install sysbox on the runner (https://github.com/nestybox/sysbox), ' +
            'which registers sysbox-runc with dockerd, or leave the input empty.'
        : ' Register it in /etc/docker/daemon.json ("runtimes") and restart ' +
            'dockerd, or leave the input empty.';
    return new Error(`Input 'runtime' is '${runtime}', but the runner's Docker daemon has no ` +
        `such runtime; it has: ${have}.${install}`, { cause: error });
}

;// CONCATENATED MODULE: ./src/engine/options/rootless.ts
/**
 * Unprivileged routes: input `rootless: true`, the official
 * `docker:<ver>-dind-rootless` contract
 * (https://docs.docker.com/engine/security/rootless/, and the image's
 * dockerd-entrypoint.sh). The image runs as the `rootless` user (uid 1000)
 * and starts dockerd under rootlesskit: the socket is
 * $XDG_RUNTIME_DIR/docker.sock (/run/user/1000), rootlesskit forwards the
 * TLS port 2376 from its network namespace, and the data root is the
 * image's volume under the home directory. What changes for docker-nest:
 *
 * - the default image is the rootless variant;
 * - the data volume goes on /home/rootless/.local/share/docker;
 * - the server certificate is owned by uid 1000, or neither the start script
 *   (waiting for it) nor dockerd (mapped to root in its user namespace;
 *   root-owned files become `nobody` there) could read the key.
 *
 * The official docs still run this image `--privileged` (docker-library
 * #151, #281), and so does `rootless: true`; `rootless: unprivileged` gives
 * it only what rootlesskit needs (runtime.ts ROOTLESS_UNPRIVILEGED_ARGS).
 */

/** Default image when `rootless: true` and input `image` is empty. */
const DEFAULT_DIND_ROOTLESS_IMAGE = 'docker:29-dind-rootless';
/** The `rootless` user of the official image. */
const ROOTLESS_UID = 1000;
/** The inner daemon's data root: the official rootless image's VOLUME. */
const ROOTLESS_DATA_ROOT = '/home/rootless/.local/share/docker';
/** The data root of the rootful images (their VOLUME). */
const ROOTFUL_DATA_ROOT = '/var/lib/docker';
/** Where the inner daemon keeps its data, so the volume goes there. */
function dataRootFor(rootless) {
    return rootless ? ROOTLESS_DATA_ROOT : ROOTFUL_DATA_ROOT;
}
/** Owner of the files docker-nest copies into the sidecar. */
function certOwnerFor(rootless) {
    return rootless
        ? { uid: ROOTLESS_UID, gid: ROOTLESS_UID }
        : { uid: 0, gid: 0 };
}
/**
 * Input `rootless`: 'true'/'false' (YAML booleans), or 'unprivileged': the
 * rootless contract without --privileged (see ROOTLESS_UNPRIVILEGED_ARGS).
 */
function parseRootless(value, problems) {
    if (value === 'unprivileged') {
        return { rootless: true, rootlessUnprivileged: true };
    }
    if (['true', 'True', 'TRUE'].includes(value)) {
        return { rootless: true, rootlessUnprivileged: false };
    }
    if (!['false', 'False', 'FALSE'].includes(value)) {
        problems.push(`Input 'rootless' must be 'true', 'false' or 'unprivileged', ` +
            `got '${value}'.`);
    }
    return { rootless: false, rootlessUnprivileged: false };
}
/**
 * Checks that `rootless` fits the other inputs: sysbox already runs the
 * daemon unprivileged and does not support the nested user namespace
 * rootlesskit needs (sysbox limitations.md), so the two do not combine.
 */
function checkRootless(rootless, runtime, problems) {
    if (rootless && isSysbox(runtime)) {
        problems.push(`Input 'rootless' must be false with runtime '${runtime}': sysbox ` +
            'already runs the daemon without --privileged and does not support ' +
            'the nested user namespace rootless Docker needs. Use one of them.');
    }
}
/**
 * The image: the user's, else the rootless or the rootful default. The
 * rootful defaults themselves also become the rootless one: the Action
 * runner passes action.yml's default for an unset input, so docker-nest
 * cannot tell it from a chosen value, and neither the runner's engine nor
 * the rootful image runs rootless.
 */
function imageFor(given, rootless, rootfulDefault, rootfulImage = rootfulDefault) {
    const image = given?.trim() ?? '';
    const isDefault = image === '' || image === rootfulDefault || image === rootfulImage;
    if (rootless && isDefault) {
        return DEFAULT_DIND_ROOTLESS_IMAGE;
    }
    return image === '' ? rootfulDefault : image;
}

;// CONCATENATED MODULE: ./src/engine/options/tls-sans.ts
/**
 * Input `tls-san`: the extra subject alternative names of the daemon's
 * server certificate, each typed `DNS:` or `IP:`.
 */


const HOST_LABEL = /^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$/;
function isHostname(name) {
    const labels = name.replace(/^\*\./, '').split('.');
    return name.length <= 253 && labels.every((label) => HOST_LABEL.test(label));
}
/**
 * Why a valid IP address cannot go into the server certificate, if it
 * cannot: a zone index is no part of an iPAddress SAN, and Go's x509 (the
 * docker CLI, dockerd 28 and later) rejects a certificate that holds an
 * IPv4-mapped IPv6 address.
 */
function ipSanProblem(address) {
    if (address.includes('%')) {
        return ('has a zone index, which a certificate cannot hold; give the ' +
            `address alone: 'IP:${address.split('%')[0]}'`);
    }
    if ((0,external_node_net_namespaceObject.isIP)(address) !== 6)
        return undefined;
    const mapped = /^\[::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})\]$/.exec(new URL(`http://[${address}]/`).host);
    if (!mapped)
        return undefined;
    const [high, low] = [parseInt(mapped[1], 16), parseInt(mapped[2], 16)];
    const ipv4 = [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
    return ("is an IPv4-mapped IPv6 address, which Go's TLS (the docker CLI, " +
        `dockerd 28 and later) refuses in a certificate; write 'IP:${ipv4}'`);
}
/**
 * SANs must be typed, because an untyped entry is what kills the stock
 * entrypoint ("v2i_GENERAL_NAME_ex: missing value"); we reject it up front.
 */
function parseTlsSans(value, problems) {
    const sans = { dns: [], ip: [] };
    for (const entry of splitList(value)) {
        const match = /^(DNS|IP):(.+)$/i.exec(entry);
        const type = match?.[1].toUpperCase();
        const name = match?.[2] ?? '';
        if (type === 'DNS' && isHostname(name)) {
            sans.dns.push(name.toLowerCase());
        }
        else if (type === 'IP' && (0,external_node_net_namespaceObject.isIP)(name) !== 0) {
            const problem = ipSanProblem(name);
            if (problem) {
                problems.push(`Input 'tls-san' entry ${quote(entry)} ${problem}.`);
            }
            else {
                sans.ip.push(name);
            }
        }
        else if (!match) {
            problems.push(`Input 'tls-san' entries need a type prefix: use 'DNS:${entry}' or ` +
                `'IP:<address>', got ${quote(entry)}.`);
        }
        else {
            problems.push(`Input 'tls-san' entry ${quote(entry)} is not a valid ` +
                `${type === 'IP' ? 'IPv4/IPv6 address' : 'DNS name'}.`);
        }
    }
    return sans;
}

;// CONCATENATED MODULE: ./src/engine/options/config.ts
/**
 * Turns raw inputs (Action inputs or CLI flags, all strings) into validated
 * {@link DindOptions}. Every problem names the input, the value and what is
 * valid, and all problems are reported at once, before anything is created.
 *
 * This module assembles the options; each group's rules live in its own
 * module beside it:
 *   inputs.ts        the inputs table, defaults, InputError
 *   primitives.ts    lists, booleans, URLs
 *   mode.ts          mode, image, socket
 *   lifecycle.ts     wait-timeout, cleanup
 *   dockerd-args.ts  dockerd-args (and the flags docker-nest owns)
 *   network.ts       mtu, registry-mirrors, insecure-registries
 *   tls-sans.ts      tls-san
 *   clients.ts       docker-cli-*, set-host, context, testcontainers-host-override
 *   address-pools.ts, daemon-config.ts, runtime.ts, rootless.ts and
 *   ../cache/cache.ts (cache-*): the inputs they are named after
 */
















/**
 * Validates all inputs and returns the options, or throws one
 * {@link InputError} listing every problem. `env` is the job's environment:
 * its CI variables decide which jobs share a cache (../cache/scope.ts).
 */
function parseInputs(inputs, env = {}) {
    const problems = [];
    const options = {
        mode: parseMode(inputValue(inputs, 'mode'), problems),
        image: '',
        tls: parseBoolean('tls', inputValue(inputs, 'tls'), problems),
        waitTimeoutMs: parseWaitTimeout(inputValue(inputs, 'wait-timeout'), problems),
        dockerdArgs: parseDockerdArgs(inputs['dockerd-args'] ?? '', problems),
        registryMirrors: parseRegistryMirrors(inputValue(inputs, 'registry-mirrors'), problems),
        insecureRegistries: parseInsecureRegistries(inputValue(inputs, 'insecure-registries'), problems),
        mtu: parseMtu(inputValue(inputs, 'mtu'), problems),
        tlsSans: parseTlsSans(inputValue(inputs, 'tls-san'), problems),
        ...parseCleanup(inputValue(inputs, 'cleanup'), problems),
        socket: parseSocket(inputValue(inputs, 'socket'), problems),
        socketProxy: parseBoolean('socket-proxy', inputValue(inputs, 'socket-proxy'), problems),
        dockerCli: parseDockerCli(inputs, problems),
        clients: parseClients(inputs, problems),
        // Both are left undefined when unset.
        defaultAddressPools: optionalList(parseAddressPools(inputValue(inputs, 'default-address-pools'), problems)),
        daemonConfig: parseDaemonConfig(inputValue(inputs, 'daemon-config'), problems),
        runtime: parseRuntime(inputValue(inputs, 'runtime'), problems),
        ...parseRootless(inputValue(inputs, 'rootless'), problems),
        cache: parseCacheOptions((name) => inputValue(inputs, name), env, problems),
        fastStart: parseBoolean('fast-start', inputValue(inputs, 'fast-start'), problems),
        earlyStart: parseBoolean('early-start', inputValue(inputs, 'early-start'), problems)
    };
    if (options.daemonConfig) {
        checkDaemonConfig(options.daemonConfig, options, problems);
    }
    // The default image follows `rootless`.
    options.image = parseImage(imageFor(inputs.image, options.rootless, AUTO_IMAGE, DEFAULT_DIND_IMAGE), problems);
    checkRootless(options.rootless, options.runtime, problems);
    if (options.rootless && options.image === RUNNER_IMAGE) {
        problems.push("Input 'image' is 'runner', which cannot run rootless: the runner's " +
            "engine runs as root. Use 'auto' or a dind-rootless image.");
    }
    if (problems.length > 0)
        throw new InputError(problems);
    return options;
}

;// CONCATENATED MODULE: ./src/engine/runner-engine/root-fs.ts
/**
 * Path lookups inside a file-system root that need not be `/`: the
 * runner's own tree, or a fake one in tests. Symbolic links are followed as
 * the kernel would inside that root (an absolute target starts again at the
 * root, `..` climbs from the directory reached so far), and every link
 * passed on the way is recorded: inside the nest each of them must exist at
 * the same path for the path to work there.
 */


/** Linux gives up after 40 links (ELOOP); so do we. */
const MAX_LINKS = 40;
/** The host path of `path` inside `root`. */
function inRoot(root, path) {
    return root === '/' ? path : external_node_path_namespaceObject.posix.join(root, path);
}
function components(path) {
    return path.split('/').filter((part) => part !== '' && part !== '.');
}
/**
 * Resolves an absolute `path` inside `root`; undefined when a component is
 * missing, is not a directory, or the links loop.
 */
function resolveInRoot(root, path) {
    const links = [];
    let pending = components(path);
    let current = '/';
    while (pending.length > 0) {
        const name = pending.shift();
        if (name === '..') {
            current = external_node_path_namespaceObject.posix.dirname(current);
            continue;
        }
        const candidate = external_node_path_namespaceObject.posix.join(current, name);
        const stat = tryLstat(inRoot(root, candidate));
        if (!stat)
            return undefined;
        if (stat.isSymbolicLink()) {
            if (links.length >= MAX_LINKS)
                return undefined;
            const target = (0,external_node_fs_namespaceObject.readlinkSync)(inRoot(root, candidate));
            links.push({ path: candidate, target });
            pending = [...components(target), ...pending];
            if (target.startsWith('/'))
                current = '/';
            continue;
        }
        if (pending.length > 0 && !stat.isDirectory())
            return undefined;
        current = candidate;
    }
    const stat = tryLstat(inRoot(root, current));
    if (!stat)
        return undefined;
    const kind = stat.isDirectory()
        ? 'directory'
        : stat.isFile()
            ? 'file'
            : 'other';
    return {
        path: current,
        links,
        kind,
        executable: kind === 'file' && (stat.mode & 0o111) !== 0
    };
}
/** What a path is, without following a final link; undefined when absent. */
function lstatInRoot(root, path) {
    const stat = tryLstat(inRoot(root, path));
    if (!stat)
        return undefined;
    if (stat.isSymbolicLink()) {
        return { kind: 'link', target: (0,external_node_fs_namespaceObject.readlinkSync)(inRoot(root, path)) };
    }
    return { kind: stat.isDirectory() ? 'directory' : 'other' };
}
function tryLstat(hostPath) {
    try {
        return (0,external_node_fs_namespaceObject.lstatSync)(hostPath);
    }
    catch {
        return undefined;
    }
}
/** The first 4 KB of a file: enough for a `#!` line or ELF program headers. */
function readHead(hostPath) {
    const fd = (0,external_node_fs_namespaceObject.openSync)(hostPath, 'r');
    try {
        const buffer = Buffer.alloc(4096);
        return buffer.subarray(0, (0,external_node_fs_namespaceObject.readSync)(fd, buffer, 0, buffer.length, 0));
    }
    finally {
        (0,external_node_fs_namespaceObject.closeSync)(fd);
    }
}
/**
 * The program that must exist for the file at real path `path` to run: the
 * `#!` interpreter of a script, or the dynamic loader (PT_INTERP) of an
 * ELF executable; undefined for a static binary or an unreadable file.
 */
function interpreterOf(root, path) {
    let head;
    try {
        head = readHead(inRoot(root, path));
    }
    catch {
        return undefined;
    }
    if (head[0] === 0x23 && head[1] === 0x21) {
        const line = head.subarray(2).toString('utf8').split('\n')[0];
        const program = line.trim().split(/\s+/)[0];
        return program.startsWith('/') ? program : undefined;
    }
    return elfInterpreter(head);
}
/** PT_INTERP of an ELF header in `head` (32- or 64-bit, either byte order). */
function elfInterpreter(head) {
    if (head.length < 52 || head.readUInt32BE(0) !== 0x7f454c46)
        return undefined;
    const wide = head[4] === 2;
    const little = head[5] === 1;
    const u16 = (at) => little ? head.readUInt16LE(at) : head.readUInt16BE(at);
    const u32 = (at) => little ? head.readUInt32LE(at) : head.readUInt32BE(at);
    const word = (at) => wide
        ? Number(little ? head.readBigUInt64LE(at) : head.readBigUInt64BE(at))
        : u32(at);
    if (head.length < (wide ? 64 : 52))
        return undefined;
    const phoff = word(wide ? 0x20 : 0x1c);
    const phentsize = u16(wide ? 0x36 : 0x2a);
    const phnum = u16(wide ? 0x38 : 0x2c);
    for (let i = 0; i < phnum; i++) {
        const at = phoff + i * phentsize;
        if (at + phentsize > head.length)
            return undefined;
        if (u32(at) !== 3)
            continue; // PT_INTERP
        const offset = word(at + (wide ? 0x08 : 0x04));
        const size = word(at + (wide ? 0x20 : 0x10));
        if (offset + size > head.length)
            return undefined;
        return head
            .subarray(offset, offset + size)
            .toString('latin1')
            .replace(/\0+$/, '');
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/engine/runner-engine/mount-plan.ts
/**
 * Works out which host directories the runner-engine nest binds read-only
 * so that a given set of host paths works inside it at the same paths, and
 * which symbolic links its root image must carry instead.
 *
 * A path works inside the nest when every link on its way and its real
 * file are visible there. A link is visible when a bind covers it, or when
 * the root image carries the same link; a real file only through a bind.
 * Binds are real directories (never reached through a link), so the nest
 * sees each at the path the host has it.
 */


/**
 * Host paths the nest must never see, nor any directory that contains one:
 * the runner daemon's configuration, state and sockets, kernel and device
 * trees (the container gets its own), temporary and home directories, and
 * private keys. So `/`, `/etc`, `/var`, `/etc/ssl` are never bound either.
 */
const NEVER_BOUND = [
    '/etc/docker',
    '/etc/containerd',
    '/etc/shadow',
    '/etc/gshadow',
    '/etc/ssl/private',
    '/etc/pki/tls/private',
    '/var/lib/docker',
    '/var/lib/containerd',
    '/run',
    '/var/run',
    '/proc',
    '/sys',
    '/dev',
    '/tmp',
    '/var/tmp',
    '/root',
    '/home',
    '/snap',
    '/var/snap'
];
/**
 * The top-level trees of an installed system: each is bound when it is a
 * real directory, and becomes a link in the root image when it is one on
 * the host (merged /usr: `bin -> usr/bin`, `lib64 -> usr/lib64`, …).
 */
const SYSTEM_TREES = [
    '/usr',
    '/bin',
    '/sbin',
    '/lib',
    '/lib32',
    '/lib64',
    '/libx32'
];
/** True when `path` is `base` or below it. */
function isWithin(path, base) {
    return base === '/' || path === base || path.startsWith(`${base}/`);
}
/** The forbidden path a bind of `dir` would expose, or undefined when it may be bound. */
function forbiddenIn(dir) {
    if (dir === '/')
        return '/';
    return NEVER_BOUND.find((bad) => isWithin(dir, bad) || isWithin(bad, dir));
}
/** Collects binds and root-image links while paths are asked for. */
class MountPlan {
    root;
    bindSet = new Set();
    linkMap = new Map();
    constructor(root) {
        this.root = root;
    }
    /**
     * Adds the system trees: binds for real directories, root-image links
     * for links (whose targets are then covered too).
     */
    addSystemTrees() {
        for (const tree of SYSTEM_TREES) {
            const entry = lstatInRoot(this.root, tree);
            if (entry?.kind === 'directory')
                this.bindSet.add(tree);
            else if (entry?.kind === 'link') {
                this.linkMap.set(tree, entry.target);
                this.cover(tree);
            }
        }
    }
    /**
     * Makes `path` visible in the nest. Returns why it cannot be without a
     * forbidden bind (then nothing is added for it); undefined when it is
     * covered, or does not exist (nothing to cover).
     */
    cover(path) {
        const resolved = resolveInRoot(this.root, path);
        if (!resolved)
            return undefined;
        const binds = new Set();
        const links = new Map();
        const visible = (p) => this.linkMap.has(p) ||
            links.has(p) ||
            covers([...this.bindSet, ...binds], p);
        for (const link of resolved.links) {
            if (visible(link.path))
                continue;
            const dir = external_node_path_namespaceObject.posix.dirname(link.path);
            // Bind the directory holding the link where allowed (it may hold
            // siblings that change, as /etc/alternatives does); else carry the
            // link in the image.
            if (forbiddenIn(dir) === undefined)
                binds.add(dir);
            else
                links.set(link.path, link.target);
        }
        if (!covers([...this.bindSet, ...binds], resolved.path)) {
            const dir = resolved.kind === 'directory'
                ? resolved.path
                : external_node_path_namespaceObject.posix.dirname(resolved.path);
            const forbidden = forbiddenIn(dir);
            if (forbidden !== undefined) {
                return { path, real: resolved.path, bind: dir, forbidden };
            }
            binds.add(dir);
        }
        for (const dir of binds)
            this.bindSet.add(dir);
        for (const [link, target] of links)
            this.linkMap.set(link, target);
        return undefined;
    }
    /** The read-only binds, sorted, without any that another one covers. */
    get binds() {
        const sorted = [...this.bindSet].sort();
        return sorted.filter((dir) => !sorted.some((other) => other !== dir && isWithin(dir, other)));
    }
    /** The links the root image must carry, sorted by path; none under a bind. */
    get links() {
        const binds = this.binds;
        return [...this.linkMap]
            .filter(([path]) => !covers(binds, path))
            .map(([path, target]) => ({ path, target }))
            .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    }
}
function covers(binds, path) {
    for (const dir of binds)
        if (isWithin(path, dir))
            return true;
    return false;
}

;// CONCATENATED MODULE: ./src/engine/runner-engine/tools.ts
/**
 * The programs a runner-engine nest runs from the host, and where
 * distributions install them.
 */


/**
 * Where Docker and its helpers are installed, in the order the default
 * PATH searches (docker.com's static binaries in /usr/local/bin come before
 * a distribution's /usr/bin, as they would for dockerd itself), then the
 * helper directories dockerd searches for docker-proxy and docker-init
 * (Fedora and RHEL put them, and on some builds dockerd, under
 * /usr/libexec/docker).
 */
const SEARCH_DIRS = [
    '/usr/local/sbin',
    '/usr/local/bin',
    '/usr/sbin',
    '/usr/bin',
    '/sbin',
    '/bin',
    '/usr/libexec/docker',
    '/usr/local/libexec/docker',
    '/usr/lib/docker',
    '/usr/local/lib/docker'
];
/** The PATH a container gets when its image sets none; the nest's PATH starts with it. */
const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
/** The programs by role. */
const TOOLS = {
    dockerd: { names: ['dockerd'], required: true, purpose: 'the daemon' },
    containerd: {
        names: ['containerd'],
        required: true,
        purpose: 'dockerd runs containers through it'
    },
    containerdShim: {
        names: ['containerd-shim-runc-v2'],
        required: true,
        purpose: 'containerd starts each container through it'
    },
    runc: {
        names: ['runc'],
        required: true,
        purpose: 'the OCI runtime that creates the containers'
    },
    iptables: {
        names: ['iptables'],
        required: true,
        purpose: 'dockerd sets up the bridge network and NAT with it'
    },
    shell: {
        names: ['sh'],
        required: true,
        purpose: "the nest's start script runs in it"
    },
    init: {
        names: ['docker-init', 'tini'],
        required: false,
        purpose: 'runs as PID 1 to reap processes (and for `docker run --init`)'
    },
    proxy: {
        names: ['docker-proxy'],
        required: false,
        purpose: 'dockerd publishes container ports (`-p`) through it'
    },
    ip6tables: {
        names: ['ip6tables'],
        required: false,
        purpose: 'dockerd sets up IPv6 networks with it'
    },
    modprobe: {
        names: ['modprobe'],
        required: false,
        purpose: 'loads kernel modules the runner has not loaded yet'
    }
};
/** The first executable file with one of `names` in the search directories. */
function findTool(root, names) {
    for (const name of names) {
        for (const dir of SEARCH_DIRS) {
            const path = external_node_path_namespaceObject.posix.join(dir, name);
            const resolved = resolveInRoot(root, path);
            if (resolved?.kind === 'file' && resolved.executable) {
                return { path, name, resolved };
            }
        }
    }
    return undefined;
}
/**
 * The nest's PATH: the default one plus each directory a tool was found in
 * that it lacks (e.g. /usr/libexec/docker), in a stable order.
 */
function nestPath(found) {
    const dirs = DEFAULT_PATH.split(':');
    for (const dir of SEARCH_DIRS) {
        if (dirs.includes(dir))
            continue;
        if (found.some((tool) => external_node_path_namespaceObject.posix.dirname(tool.path) === dir))
            dirs.push(dir);
    }
    return dirs.join(':');
}

;// CONCATENATED MODULE: ./src/engine/runner-engine/unavailable.ts


/** Where the Docker snap lives; its dockerd runs on the snap's own base libraries. */
const SNAP_MARKERS = [
    '/snap/docker',
    '/snap/bin/docker',
    '/var/snap/docker'
];
/** Docker Desktop for Linux's install directory; its engine runs in a VM. */
const DESKTOP_MARKER = '/opt/docker-desktop';
/** Files a container runtime leaves in a container's root. */
const CONTAINER_MARKERS = ['/.dockerenv', '/run/.containerenv'];
const INSTEAD = 'Use a dind image instead of the runner’s engine.';
/**
 * The reason for a runner without a usable dockerd; `dockerd` is the one
 * found when it lives in a snap.
 */
function unavailableWithoutDaemon(root, dockerd) {
    const exists = (path) => lstatInRoot(root, path) !== undefined;
    const where = SEARCH_DIRS.join(', ');
    const result = (reason, message) => ({
        available: false,
        reason,
        message,
        missing: ['dockerd'],
        searched: [...SEARCH_DIRS]
    });
    const snap = SNAP_MARKERS.filter(exists);
    if (dockerd || snap.length > 0) {
        return result('snap', `Docker on this runner is a snap (${[dockerd, ...snap].filter(Boolean).join(', ')}), ` +
            `and there is no other dockerd in ${where}: the snap's dockerd runs on the snap's ` +
            `own base libraries under /snap, which a nest does not bind. ${INSTEAD} Or install ` +
            'Docker from the distribution or docker.com packages.');
    }
    if (exists(DESKTOP_MARKER)) {
        return result('docker-desktop', `Docker Desktop is installed (${DESKTOP_MARKER}): its engine runs in a virtual ` +
            `machine, and there is no dockerd in ${where} to start. ${INSTEAD}`);
    }
    const cli = findTool(root, ['docker']);
    if (cli) {
        const container = CONTAINER_MARKERS.find(exists);
        return result('cli-only', `Only the docker CLI is here (${cli.path}); there is no dockerd in ${where}. ` +
            'The daemon it talks to runs elsewhere: in a container job the runner’s socket ' +
            'is mounted in, with a remote DOCKER_HOST it is another machine' +
            (container ? ` (this is a container: ${container} exists)` : '') +
            `. ${INSTEAD}`);
    }
    return result('no-engine', `No Docker engine on this runner: no dockerd and no docker CLI in ${where}. ` +
        'Install Docker (dockerd, containerd, runc), or use a dind image instead of the runner’s engine.');
}

;// CONCATENATED MODULE: ./src/engine/runner-engine/discovery.ts
/**
 * Finds the Docker engine installed on the runner and the host paths a
 * runner-engine nest binds read-only to run it: the nest is a privileged
 * container of a tiny root image (root-image.ts) that starts the host's own
 * dockerd, so there is no dind image to pull.
 *
 * Reads the file system only (no process is started), under a root that is
 * `/` on a runner and a fake tree in tests. The binds are resolved by the
 * runner's daemon on its own file system, so the result is only right where
 * this runs on that file system (not inside a container job).
 */




/**
 * The CA bundles Go's crypto/x509 tries on Linux, in its order (dockerd
 * uses the first that exists), and the directories it reads as well.
 */
const CA_BUNDLES = [
    '/etc/ssl/certs/ca-certificates.crt',
    '/etc/pki/tls/certs/ca-bundle.crt',
    '/etc/ssl/ca-bundle.pem',
    '/etc/pki/tls/cacert.pem',
    '/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem',
    '/etc/ssl/cert.pem'
];
const CA_DIRECTORIES = ['/etc/ssl/certs', '/etc/pki/tls/certs'];
/** Where modprobe finds kernel modules. */
const MODULES_DIR = '/lib/modules';
/** Finds the runner's engine and what the nest must bind to run it. */
function discoverRunnerEngine(options = {}) {
    const root = options.root ?? '/';
    const found = new Map();
    for (const role of Object.keys(TOOLS)) {
        const tool = findTool(root, TOOLS[role].names);
        if (tool)
            found.set(role, tool);
    }
    const dockerd = found.get('dockerd');
    if (!dockerd || isWithin(dockerd.resolved.path, '/snap')) {
        return unavailableWithoutDaemon(root, dockerd?.path);
    }
    const missing = requiredMissing(root, found);
    if (missing.length > 0)
        return incomplete(dockerd.path, missing);
    const plan = new MountPlan(root);
    plan.addSystemTrees();
    const warnings = [];
    const unbound = [];
    for (const [role, tool] of found) {
        const refused = coverRefused(plan, [
            tool.path,
            interpreterOf(root, tool.resolved.path)
        ]);
        if (refused.length === 0)
            continue;
        // A required program that cannot be bound fails discovery; an optional
        // one is left out, as if it were not installed.
        if (TOOLS[role].required) {
            unbound.push(...refused);
            continue;
        }
        found.delete(role);
        warnings.push(`${tool.path} is left out: ${describeRefusals(refused)}.`);
    }
    if (unbound.length > 0)
        return unbindable(unbound);
    warnings.push(...optionalWarnings(root, found));
    const snap = SNAP_MARKERS.filter((path) => lstatInRoot(root, path));
    if (snap.length > 0) {
        warnings.push(`Docker is also installed as a snap (${snap.join(', ')}): the runner's daemon may be the snap's, while the nest runs ${dockerd.path}.`);
    }
    const caBundle = coverCertificates(plan, warnings);
    if (found.has('modprobe') && resolveInRoot(root, MODULES_DIR)) {
        const refused = coverRefused(plan, [MODULES_DIR]);
        if (refused.length > 0) {
            warnings.push(`${MODULES_DIR} is left out: ${describeRefusals(refused)}.`);
        }
    }
    return {
        available: true,
        paths: enginePaths(found),
        binds: plan.binds,
        links: plan.links,
        searchPath: nestPath([...found.values()]),
        ...(caBundle && { caBundle }),
        warnings
    };
}
/** Required programs that are absent, or whose interpreter is; as "name (purpose)". */
function requiredMissing(root, found) {
    const missing = [];
    for (const role of Object.keys(TOOLS)) {
        const spec = TOOLS[role];
        if (!spec.required)
            continue;
        const tool = found.get(role);
        if (!tool) {
            missing.push(`${spec.names.join(' or ')} (${spec.purpose})`);
            continue;
        }
        const interpreter = interpreterOf(root, tool.resolved.path);
        if (interpreter && !resolveInRoot(root, interpreter)) {
            missing.push(`${interpreter} (the interpreter ${tool.path} needs)`);
        }
    }
    return missing;
}
function enginePaths(found) {
    const path = (role) => found.get(role)?.path;
    return {
        dockerd: path('dockerd'),
        containerd: path('containerd'),
        containerdShim: path('containerdShim'),
        runc: path('runc'),
        iptables: path('iptables'),
        shell: path('shell'),
        init: path('init'),
        proxy: path('proxy'),
        ip6tables: path('ip6tables'),
        modprobe: path('modprobe')
    };
}
/** One warning per optional program that is absent or a substitute. */
function optionalWarnings(root, found) {
    const warnings = [];
    const init = found.get('init');
    if (!init) {
        warnings.push(`No docker-init or tini in ${SEARCH_DIRS.join(', ')}: dockerd runs as PID 1 of the nest, and \`docker run --init\` fails inside it.`);
    }
    else if (init.name !== 'docker-init') {
        warnings.push(`No docker-init; tini is at ${init.path}: pass dockerd --init-path=${init.path} for \`docker run --init\`.`);
    }
    if (!found.has('proxy')) {
        warnings.push('No docker-proxy: publishing ports inside the nest (`docker run -p`) fails unless dockerd runs with --userland-proxy=false.');
    }
    if (!found.has('ip6tables')) {
        warnings.push('No ip6tables: IPv6 networks inside the nest get no firewall rules; start dockerd with --ip6tables=false.');
    }
    if (!found.has('modprobe') || !resolveInRoot(root, MODULES_DIR)) {
        warnings.push(`No ${found.has('modprobe') ? MODULES_DIR : 'modprobe'}: the nest can only use kernel modules already loaded (the runner's dockerd loads bridge, overlay and netfilter ones).`);
    }
    return warnings;
}
/** Covers the CA bundle dockerd would read and the certificate directories; returns the bundle. */
function coverCertificates(plan, warnings) {
    const bundle = CA_BUNDLES.find((path) => resolveInRoot(plan.root, path)?.kind === 'file');
    const paths = [
        bundle,
        ...CA_DIRECTORIES.filter((dir) => resolveInRoot(plan.root, dir)?.kind === 'directory')
    ];
    const refused = coverRefused(plan, paths);
    if (refused.length > 0) {
        warnings.push(`CA certificates are left out: ${describeRefusals(refused)}; pulls over TLS from inside the nest may fail.`);
    }
    if (!bundle) {
        warnings.push(`No CA certificates (looked for ${CA_BUNDLES.join(', ')}): pulls over TLS from inside the nest fail with "x509: certificate signed by unknown authority". Install the ca-certificates package.`);
    }
    return bundle;
}
function incomplete(dockerd, missing) {
    return {
        available: false,
        reason: 'incomplete',
        message: `dockerd is at ${dockerd}, but ${missing.join(', ')} ` +
            `${missing.length === 1 ? 'is' : 'are'} missing from ${SEARCH_DIRS.join(', ')}. ` +
            'Install the rest of the engine (the containerd and runc packages, or docker.com’s containerd.io), or use a dind image instead of the runner’s engine.',
        missing,
        searched: [...SEARCH_DIRS]
    };
}
function unbindable(refusals) {
    return {
        available: false,
        reason: 'unbindable',
        message: `${describeRefusals(refusals)}. docker-nest never mounts the runner daemon's state, sockets, ` +
            'configuration, home or temporary directories into a nest. Install the engine under /usr, /opt or /usr/local, or use a dind image instead of the runner’s engine.',
        missing: refusals.map((r) => r.path),
        searched: [...SEARCH_DIRS]
    };
}
/** Covers each path (skipping undefined ones); returns the refusals. */
function coverRefused(plan, paths) {
    return paths.flatMap((path) => (path && plan.cover(path)) || []);
}
function describeRefusals(refusals) {
    return refusals
        .map((r) => `${r.path}${r.real === r.path ? '' : ` (really ${r.real})`} would need a bind of ${r.bind}, which exposes ${r.forbidden}`)
        .join('; ');
}
/** The nest's read-only binds in HostConfig.Binds (and `docker run -v`) form. */
function readOnlyBinds(engine) {
    return engine.binds.map((dir) => `${dir}:${dir}:ro`);
}

;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
;// CONCATENATED MODULE: ./src/engine/doctor/unprivileged.ts

const ROOTLESS_ONLY = '(only needed for rootless: true)';
async function readTrimmed(host, path) {
    return (await host.read(path))?.trim();
}
/** `docker info` Runtimes and DefaultRuntime, and whether sysbox is there. */
async function checkRuntimes(host) {
    const check = 'container runtimes';
    if (!host.docker)
        return { check, status: 'info', detail: 'not checked (no docker CLI)' };
    const r = await host.docker([
        'info',
        '--format',
        '{{json .Runtimes}}\t{{.DefaultRuntime}}'
    ]);
    if (r.exitCode !== 0)
        return { check, status: 'info', detail: 'not checked (docker info failed)' };
    const [json, defaultRuntime] = r.stdout.trim().split('\t');
    const names = parseRuntimes(json);
    const list = `${names.join(', ') || 'none listed'} (default ${defaultRuntime || '?'})`;
    const sysbox = names.find((name) => /sysbox/i.test(name));
    return sysbox
        ? {
            check,
            status: 'ok',
            detail: `${list}; ${sysbox} is installed: runtime: ${sysbox} runs nests without --privileged`
        }
        : {
            check,
            status: 'info',
            detail: `${list}; sysbox-runc is not installed (optional: it runs nests without --privileged)`,
            fix: 'Install sysbox (https://github.com/nestybox/sysbox) to use runtime: sysbox-runc.'
        };
}
/** user.max_user_namespaces and Debian's kernel.unprivileged_userns_clone. */
async function checkUserNamespaces(host) {
    const check = 'user namespaces';
    const maxText = await readTrimmed(host, '/proc/sys/user/max_user_namespaces');
    const clone = await readTrimmed(host, '/proc/sys/kernel/unprivileged_userns_clone');
    const max = Number(maxText);
    if (maxText === undefined || !Number.isFinite(max))
        return {
            check,
            status: 'info',
            detail: 'cannot read /proc/sys/user/max_user_namespaces'
        };
    const cloneNote = clone === undefined
        ? 'kernel.unprivileged_userns_clone: not present'
        : `kernel.unprivileged_userns_clone = ${clone}`;
    if (max === 0)
        return {
            check,
            status: 'warn',
            detail: `disabled (user.max_user_namespaces = 0; ${cloneNote}): rootless nests cannot start`,
            fix: `sysctl -w user.max_user_namespaces=15000 ${ROOTLESS_ONLY}.`
        };
    if (clone !== undefined && clone !== '1')
        return {
            check,
            status: 'warn',
            detail: `unprivileged ones are off (${cloneNote}): rootless nests cannot start`,
            fix: `sysctl -w kernel.unprivileged_userns_clone=1 ${ROOTLESS_ONLY}.`
        };
    return {
        check,
        status: 'ok',
        detail: `enabled (user.max_user_namespaces = ${max}; ${cloneNote})`
    };
}
/** Ubuntu 23.10+/24.04: AppArmor may refuse unprivileged user namespaces. */
async function checkAppArmorUserns(host) {
    const check = 'AppArmor and user namespaces';
    const restrict = await readTrimmed(host, '/proc/sys/kernel/apparmor_restrict_unprivileged_userns');
    const enabled = await readTrimmed(host, '/sys/module/apparmor/parameters/enabled');
    const apparmor = enabled === undefined
        ? 'AppArmor not loaded'
        : `AppArmor ${enabled === 'Y' ? 'enabled' : 'disabled'}`;
    if (restrict === undefined)
        return {
            check,
            status: 'ok',
            detail: `${apparmor}; kernel.apparmor_restrict_unprivileged_userns: not present (no restriction)`
        };
    if (restrict === '1')
        return {
            check,
            status: 'warn',
            detail: `${apparmor}; kernel.apparmor_restrict_unprivileged_userns = 1: rootlesskit fails with "fork/exec /proc/self/exe: operation not permitted"`,
            fix: `sysctl -w kernel.apparmor_restrict_unprivileged_userns=0, or an AppArmor profile with "userns," ${ROOTLESS_ONLY}.`
        };
    return {
        check,
        status: 'ok',
        detail: `${apparmor}; kernel.apparmor_restrict_unprivileged_userns = ${restrict}`
    };
}
/**
 * newuidmap/newgidmap on the runner. The dind-rootless image ships its own,
 * so this only matters for a rootless Docker on the runner itself; shown
 * because users confuse the two.
 */
async function checkUidMap(host) {
    const check = 'newuidmap/newgidmap';
    if (!host.which)
        return { check, status: 'info', detail: 'not checked' };
    const [uid, gid] = await Promise.all([
        host.which('newuidmap'),
        host.which('newgidmap')
    ]);
    const found = [uid, gid].filter((path) => path !== undefined);
    return {
        check,
        status: 'info',
        detail: found.length === 2
            ? `on the runner (${found.join(', ')}); the dind-rootless image brings its own`
            : 'not on the runner: fine for docker-nest (the dind-rootless image brings its own); a rootless Docker on the runner itself would need the uidmap package'
    };
}
/**
 * slirp4netns (rootless networking) opens /dev/net/tun as uid 1000; a
 * privileged container gets the runner's node with the runner's mode, so a
 * 0600 node (no udev rule) fails with "setting up tap tap0". Found on the
 * team's test machine; udev's default is 0666.
 */
async function checkTunDevice(host) {
    const check = '/dev/net/tun';
    if (!host.fileMode)
        return { check, status: 'info', detail: 'not checked' };
    const mode = await host.fileMode('/dev/net/tun');
    if (mode === undefined)
        return {
            check,
            status: 'warn',
            detail: 'missing: rootless nests have no network (slirp4netns needs it)',
            fix: `modprobe tun ${ROOTLESS_ONLY}.`
        };
    const octal = mode.toString(8).padStart(4, '0');
    return (mode & 0o006) === 0o006
        ? { check, status: 'ok', detail: `mode ${octal}` }
        : {
            check,
            status: 'warn',
            detail: `mode ${octal}: uid 1000 in a rootless nest cannot open it ("setting up tap tap0")`,
            fix: `chmod 0666 /dev/net/tun, the udev default ${ROOTLESS_ONLY}.`
        };
}
/** Rootless daemons apply cgroup limits only on cgroup v2 with delegation. */
async function checkRootlessCgroups(host) {
    const check = 'cgroups for rootless';
    const controllers = await readTrimmed(host, '/sys/fs/cgroup/cgroup.controllers');
    if (controllers === undefined)
        return {
            check,
            status: 'info',
            detail: 'cgroup v1: a rootless daemon runs "without cgroups": --memory/--cpus of inner containers are ignored in rootless nests',
            fix: 'Boot the runner with cgroup v2 (systemd.unified_cgroup_hierarchy=1) if rootless nests need resource limits.'
        };
    return {
        check,
        status: 'info',
        detail: `cgroup v2 (${controllers || 'no controllers'}): a rootless daemon applies limits only with the controllers it is delegated (cpu, memory, pids); otherwise it runs without cgroups`
    };
}

;// CONCATENATED MODULE: ./src/engine/dind/mtu.ts
/**
 * Finds the MTU of the runner's default route, for `mtu: auto`: an inner
 * network with a larger MTU than the outer path makes TLS downloads hang
 * (large packets are dropped where the path is narrower).
 */
// Small /proc and /sys files, read synchronously: main reads them before
// its create request, where loading node:fs/promises would cost ~2 ms.


/** Picks the interface of the IPv4 default route from /proc/net/route text. */
function defaultRouteInterface(routeTable) {
    for (const line of routeTable.split('\n').slice(1)) {
        const [iface, destination, , , , , , mask] = line.trim().split(/\s+/);
        if (destination === '00000000' && mask === '00000000')
            return iface;
    }
    return undefined;
}
/** MTU of the default-route interface, or undefined when it cannot be read. */
async function detectUplinkMtu(procRoot = '/proc', sysRoot = '/sys') {
    try {
        const iface = defaultRouteInterface((0,external_node_fs_namespaceObject.readFileSync)(`${procRoot}/net/route`, 'utf8'));
        if (!iface)
            return undefined;
        const mtu = Number((0,external_node_fs_namespaceObject.readFileSync)(`${sysRoot}/class/net/${iface}/mtu`, 'utf8').trim());
        return Number.isInteger(mtu) && mtu > 0 ? mtu : undefined;
    }
    catch {
        return undefined;
    }
}
/**
 * The part of the sidecar's start script that applies the MTU
 * (scripts/mtu-flags.sh). Env `DOCKER_NEST_INNER_MTU` is a number (input
 * `mtu`) or `auto:<runner MTU>` (see {@link mtuSetting}); for auto the
 * script takes the smaller of the runner's and its own eth0 MTU and applies
 * it only below 1500, dockerd's default. `--default-network-opt` gives user
 * networks (compose) the MTU too, but exists only from Docker 24: older
 * daemons get `--mtu` alone, which covers the default bridge and builds.
 */
const MTU_SCRIPT = mtuFlagsScript();
/** Docker 24 added `default-network-opts`; before it only the default bridge follows `--mtu`. */
function supportsDefaultNetworkOpts(serverVersion) {
    const major = Number(/^(\d+)\./.exec(serverVersion)?.[1] ?? 0);
    return major >= 24;
}
/**
 * The value of DOCKER_NEST_INNER_MTU for the sidecar: the explicit number,
 * `auto:<runner MTU>` (the script compares with its eth0), or undefined
 * when the MTU is left to daemon.json.
 */
function mtuSetting(mtu, runnerMtu, decidedByConfig) {
    if (mtu !== 'auto')
        return String(mtu);
    if (decidedByConfig)
        return undefined;
    return `auto:${runnerMtu ?? ''}`;
}
/** The log line that says which MTU the inner networks got, and why. */
function describeMtu(setting, bridgeMtu, serverVersion) {
    const why = setting === undefined
        ? 'set by daemon-config'
        : setting.startsWith('auto:')
            ? `mtu: auto; the runner's default route has ${setting.slice(5) || 'an unknown MTU'}, ` +
                "the smaller of it and the sidecar's eth0 is used below 1500"
            : 'input mtu';
    if (bridgeMtu >= 1500 || setting === undefined) {
        return `Inner networks use MTU ${bridgeMtu} (${why}).`;
    }
    return supportsDefaultNetworkOpts(serverVersion)
        ? `Inner networks use MTU ${bridgeMtu}: the default bridge and new ` +
            `networks (default-network-opts) (${why}).`
        : `Inner default bridge uses MTU ${bridgeMtu} (${why}). Docker ` +
            `${serverVersion} has no default-network-opts (Docker 24+): networks ` +
            'you create in the nest (compose too) get 1500 unless created with ' +
            `'-o com.docker.network.driver.mtu=${bridgeMtu}' (compose: driver_opts).`;
}
/** The path whose answer {@link bridgeMtu} reads: the inner default bridge. */
const BRIDGE_NETWORK_PATH = '/networks/bridge';
/**
 * The MTU of the inner default bridge as the daemon reports it (its answer
 * to `GET /networks/bridge`), so the output states what was applied, not
 * what was asked for; undefined when the answer does not say (no default
 * bridge: 404).
 */
function bridgeMtu(answer) {
    if (answer.status !== 200)
        return undefined;
    try {
        const network = JSON.parse(answer.body);
        const mtu = Number(network.Options?.['com.docker.network.driver.mtu']);
        return Number.isInteger(mtu) && mtu > 0 ? mtu : 1500;
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/engine/doctor/doctor.ts
/**
 * Host prerequisites for a nest, checked one by one: each row says what was
 * found and, when it is a problem, how to fix it. File reads and docker
 * calls go through {@link DoctorHost}, so the rules are unit-tested with
 * fake hosts and the CLI runs them against the real one.
 */






/** A host backed by the real file system and docker CLI. */
function realHost(docker, probeImage) {
    return {
        read: async (path) => {
            try {
                return await (0,promises_namespaceObject.readFile)(path, 'utf8');
            }
            catch {
                return undefined;
            }
        },
        docker: docker
            ? (args) => docker.tryExec(args, { timeoutMs: 30_000 })
            : undefined,
        probeImage,
        runnerEngine: () => discoverRunnerEngine(),
        which: async (name) => findOnPath(name),
        fileMode: async (path) => {
            try {
                return (await (0,promises_namespaceObject.stat)(path)).mode & 0o7777;
            }
            catch {
                return undefined;
            }
        }
    };
}
const firstLine = (text) => text.trim().split('\n')[0] ?? '';
async function checkDaemon(host) {
    const check = 'Docker daemon';
    if (!host.docker) {
        return {
            check,
            status: 'fail',
            detail: 'no docker CLI on PATH',
            fix: 'Install Docker (the CLI and a daemon) or add docker to PATH.'
        };
    }
    const r = await host.docker(['version', '--format', '{{.Server.Version}}']);
    return r.exitCode === 0
        ? { check, status: 'ok', detail: `server ${r.stdout.trim()}` }
        : {
            check,
            status: 'fail',
            detail: firstLine(r.stderr),
            fix: 'Start the Docker daemon, or point DOCKER_HOST at one you may use.'
        };
}
/** Whether `image: auto` runs the runner's own engine (nothing to pull) or a dind image. */
async function checkRunnerEngine(host) {
    const check = "runner's own engine";
    const found = host.runnerEngine?.();
    if (!found)
        return { check, status: 'info', detail: 'not checked' };
    return found.available
        ? {
            check,
            status: 'ok',
            detail: `${found.paths.dockerd}: image auto runs it, nothing to pull`
        }
        : {
            check,
            status: 'info',
            detail: found.message,
            fix: `image auto uses ${DEFAULT_DIND_IMAGE}, pulled by the first job.`
        };
}
async function checkPrivileged(host) {
    const check = 'privileged containers';
    if (!host.docker)
        return { check, status: 'info', detail: 'not checked (no docker CLI)' };
    const image = host.probeImage;
    if ((await host.docker(['image', 'inspect', '--format', '{{.Id}}', image]))
        .exitCode !== 0) {
        return {
            check,
            status: 'info',
            detail: `not checked: image ${image} is not local`,
            fix: `Pull it, or pass --image with a local image that has /bin/sh.`
        };
    }
    const r = await host.docker([
        'run',
        '--rm',
        '--privileged',
        '--network',
        'none',
        '--entrypoint',
        'sh',
        image,
        '-c',
        'mkdir -p /tmp/docker-nest-probe && mount -t tmpfs none /tmp/docker-nest-probe'
    ]);
    if (r.exitCode === 0)
        return {
            check,
            status: 'ok',
            detail: `docker run --privileged works (${image})`
        };
    const why = firstLine(r.stderr);
    return {
        check,
        status: 'fail',
        detail: why,
        fix: /apply caps/.test(why)
            ? 'The daemon cannot grant every capability (nested or sandboxed host): run on a VM/host with full capabilities, or use sysbox-runc, or dood mode.'
            : 'Allow privileged containers (GitLab: privileged = true; Kubernetes: securityContext.privileged), or use dood mode.'
    };
}
async function checkOverlay(host) {
    const check = 'overlay file system';
    const fs = await host.read('/proc/filesystems');
    if (fs === undefined)
        return { check, status: 'info', detail: 'cannot read /proc/filesystems' };
    return /\boverlay\b/.test(fs)
        ? {
            check,
            status: 'ok',
            detail: 'overlay is available (inner daemon uses overlay2 on its volume)'
        }
        : {
            check,
            status: 'warn',
            detail: 'overlay is not in /proc/filesystems: the inner daemon falls back to vfs (slow, large)',
            fix: 'modprobe overlay on the host.'
        };
}
async function checkCgroups(host) {
    const check = 'cgroups';
    const controllers = await host.read('/sys/fs/cgroup/cgroup.controllers');
    if (controllers !== undefined) {
        return {
            check,
            status: 'ok',
            detail: `v2 (${controllers.trim() || 'no controllers'}): the dind entrypoint nests by moving its processes into /sys/fs/cgroup/init`,
            fix: controllers.trim() === ''
                ? 'No controllers delegated: resource limits inside the nest will not work.'
                : undefined
        };
    }
    const mounts = await host.read('/proc/self/mounts');
    if (mounts && / cgroup /.test(mounts))
        return { check, status: 'ok', detail: 'v1: nesting needs nothing special' };
    return {
        check,
        status: 'warn',
        detail: 'no cgroup file system found',
        fix: 'Mount cgroups on the host (systemd does this); dockerd needs them.'
    };
}
async function checkIptables(host) {
    const check = 'iptables (nat)';
    const legacy = (await host.read('/proc/net/ip_tables_names'))?.trim();
    if (legacy) {
        return {
            check,
            status: 'ok',
            detail: `legacy tables in use (${legacy.split('\n').join(', ')}): the dind entrypoint switches to iptables-legacy`
        };
    }
    const nft = await host.read('/sys/module/nf_tables/refcnt');
    const ipt = await host.read('/sys/module/ip_tables/refcnt');
    if (nft !== undefined)
        return { check, status: 'ok', detail: 'nf_tables is loaded (nft backend)' };
    if (ipt !== undefined)
        return {
            check,
            status: 'ok',
            detail: 'ip_tables is loaded (legacy backend)'
        };
    return {
        check,
        status: 'warn',
        detail: 'neither nf_tables nor ip_tables is loaded (they may be built in)',
        fix: 'If the nest fails with "can\'t initialize iptables table `nat\'": modprobe nf_tables (or ip_tables iptable_nat) on the host.'
    };
}
async function checkMtu(host) {
    const check = 'MTU of the default route';
    const routes = await host.read('/proc/net/route');
    const iface = routes === undefined ? undefined : defaultRouteInterface(routes);
    if (!iface)
        return { check, status: 'info', detail: 'no IPv4 default route found' };
    const mtu = Number((await host.read(`/sys/class/net/${iface}/mtu`))?.trim());
    if (!Number.isInteger(mtu) || mtu <= 0)
        return { check, status: 'info', detail: `${iface}: MTU unknown` };
    return mtu < 1500
        ? {
            check,
            status: 'warn',
            detail: `${iface}: ${mtu}, below the inner daemon's 1500: pulls and TLS handshakes in the nest can hang`,
            fix: `docker-nest up --mtu auto (the default) or --mtu ${mtu}; GitLab component: mtu: ${mtu}.`
        }
        : { check, status: 'ok', detail: `${iface}: ${mtu}` };
}
/** Runs every check, in table order. */
async function runDoctor(host) {
    return Promise.all([
        checkDaemon(host),
        checkRunnerEngine(host),
        checkPrivileged(host),
        checkOverlay(host),
        checkCgroups(host),
        checkIptables(host),
        checkMtu(host),
        // The unprivileged routes (runtime, rootless).
        checkRuntimes(host),
        checkUserNamespaces(host),
        checkAppArmorUserns(host),
        checkUidMap(host),
        checkTunDevice(host),
        checkRootlessCgroups(host)
    ]);
}

;// CONCATENATED MODULE: ./src/cli/commands/doctor.ts
/** `docker-nest doctor`: can this host run a nest? One row per prerequisite. */




const MARK = {
    ok: 'ok',
    warn: 'WARN',
    fail: 'FAIL',
    info: 'info'
};
/** The table: check, status, what was found; fixes under the failing rows. */
function formatDoctor(rows) {
    const w = Math.max(...rows.map((r) => r.check.length));
    return rows
        .map((r) => {
        const line = `${MARK[r.status].padEnd(4)}  ${r.check.padEnd(w)}  ${r.detail}`;
        return r.fix && r.status !== 'ok'
            ? `${line}\n${' '.repeat(w + 8)}fix: ${r.fix}`
            : line;
    })
        .join('\n');
}
const doctor = {
    name: 'doctor',
    summary: 'check the host prerequisites (privileged, overlay, cgroups, iptables, MTU, runtimes, user namespaces, AppArmor)',
    options: {
        image: {
            type: 'string',
            placeholder: 'IMAGE',
            help: `local image for the --privileged probe (default ${DEFAULT_DIND_IMAGE})`
        },
        format: {
            type: 'string',
            placeholder: 'FORMAT',
            choices: ['table', 'json'],
            help: 'table or json (default table)'
        }
    },
    notes: 'Exit 0 when nothing FAILs (warnings are allowed), 1 when a check fails.',
    async run({ values, logger }) {
        const format = values.format ?? 'table';
        if (format !== 'table' && format !== 'json') {
            throw new UsageError(`Option '--format' must be table or json, got '${format}'. Run 'docker-nest doctor --help'.`);
        }
        const binary = findOnPath('docker');
        const docker = binary
            ? new DockerCli(binary, captureHostDockerEnv(), (m) => logger.debug(m))
            : undefined;
        const rows = await runDoctor(realHost(docker, values.image ?? DEFAULT_DIND_IMAGE));
        process.stdout.write(`${format === 'json' ? JSON.stringify(rows, null, 2) : formatDoctor(rows)}\n`);
        return rows.some((r) => r.status === 'fail') ? EXIT.failed : EXIT.ok;
    }
};

;// CONCATENATED MODULE: ./src/engine/docker/run-args.ts
/** A request that cannot be said with `docker run`: names the field, the value and why. */
class UnrenderableRequestError extends Error {
    constructor(field, value, why) {
        super(`The create request's ${field} (${JSON.stringify(value)}) has no ` +
            `docker run form: ${why}.`);
        this.name = 'UnrenderableRequestError';
    }
}
/** One `--flag=value` per entry. */
function each(flag, values) {
    return (values ?? []).map((value) => `${flag}=${value}`);
}
/**
 * One field of `--mount`'s comma-separated list, quoted as the CLI's CSV
 * reader expects when it holds a comma or a quote.
 */
function csvField(field) {
    return /[",]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}
/** `--mount` value of one mount. */
function mountArg(mount) {
    const fields = [
        `type=${mount.Type}`,
        `src=${mount.Source}`,
        `dst=${mount.Target}`,
        ...(mount.ReadOnly ? ['readonly'] : []),
        ...(mount.Type === 'volume'
            ? Object.entries(mount.VolumeOptions?.Labels ?? {}).map(([key, value]) => `volume-label=${key}=${value}`)
            : [])
    ];
    return fields.map(csvField).join(',');
}
/** `--device` value: the short form when the path and permissions are the CLI's defaults. */
function deviceArg(device) {
    if (device.PathInContainer === device.PathOnHost &&
        device.CgroupPermissions === 'rwm') {
        return device.PathOnHost;
    }
    return `${device.PathOnHost}:${device.PathInContainer}:${device.CgroupPermissions}`;
}
/** `--publish hostIp:hostPort:port[/proto]` per binding. */
function publishArgs(bindings) {
    return Object.entries(bindings).flatMap(([port, list]) => {
        const [number, proto = 'tcp'] = port.split('/');
        const suffix = proto === 'tcp' ? '' : `/${proto}`;
        return list.flatMap((binding) => [
            '--publish',
            `${binding.HostIp}:${binding.HostPort}:${number}${suffix}`
        ]);
    });
}
/** `--security-opt=systempaths=unconfined`, the CLI's only form of both lists. */
function systemPaths({ body }) {
    const { MaskedPaths: masked, ReadonlyPaths: readonly } = body.HostConfig;
    if (masked === undefined && readonly === undefined)
        return [];
    if (masked?.length !== 0 || readonly?.length !== 0) {
        throw new UnrenderableRequestError('HostConfig.MaskedPaths and ReadonlyPaths', [masked, readonly], 'the CLI only unmasks all system paths at once ' +
            '(systempaths=unconfined: both lists present and empty)');
    }
    return ['--security-opt=systempaths=unconfined'];
}
/** `--network-alias` per alias of the endpoint on HostConfig.NetworkMode. */
function aliasArgs({ body }) {
    const endpoints = Object.entries(body.NetworkingConfig?.EndpointsConfig ?? {});
    const network = body.HostConfig.NetworkMode;
    return endpoints.flatMap(([name, settings]) => {
        if (name !== network) {
            throw new UnrenderableRequestError(`NetworkingConfig.EndpointsConfig.${name}`, settings, `docker run joins one network, HostConfig.NetworkMode '${network}'`);
        }
        return (settings.Aliases ?? []).flatMap((alias) => [
            '--network-alias',
            alias
        ]);
    });
}
/**
 * Every field, in the order its arguments appear: flags first, then the
 * image, the entrypoint's further words and the command.
 */
const FIELD_FLAGS = {
    name: ({ name }) => ['--name', name],
    Labels: ({ body }) => Object.entries(body.Labels).flatMap(([key, value]) => [
        '--label',
        `${key}=${value}`
    ]),
    'HostConfig.Runtime': ({ body }) => body.HostConfig.Runtime ? [`--runtime=${body.HostConfig.Runtime}`] : [],
    'HostConfig.AutoRemove': ({ body }) => body.HostConfig.AutoRemove ? ['--rm'] : [],
    'HostConfig.Privileged': ({ body }) => body.HostConfig.Privileged ? ['--privileged'] : [],
    'HostConfig.CapAdd': ({ body }) => each('--cap-add', body.HostConfig.CapAdd),
    'HostConfig.SecurityOpt': ({ body }) => each('--security-opt', body.HostConfig.SecurityOpt),
    'HostConfig.MaskedPaths': systemPaths,
    // Rendered with MaskedPaths, which checks that both are empty.
    'HostConfig.ReadonlyPaths': () => [],
    'HostConfig.Devices': ({ body }) => each('--device', body.HostConfig.Devices?.map(deviceArg)),
    'HostConfig.PortBindings': ({ body }) => publishArgs(body.HostConfig.PortBindings),
    // A published port is exposed by --publish; the others by --expose.
    ExposedPorts: ({ body }) => Object.keys(body.ExposedPorts)
        .filter((port) => !body.HostConfig.PortBindings[port])
        .flatMap((port) => ['--expose', port]),
    'HostConfig.NetworkMode': ({ body }) => body.HostConfig.NetworkMode === 'default'
        ? []
        : ['--network', body.HostConfig.NetworkMode],
    NetworkingConfig: aliasArgs,
    'HostConfig.Mounts': ({ body }) => body.HostConfig.Mounts.flatMap((mount) => ['--mount', mountArg(mount)]),
    Env: ({ body }) => body.Env.flatMap((entry) => ['--env', entry]),
    Entrypoint: ({ body }) => body.Entrypoint ? ['--entrypoint', body.Entrypoint[0] ?? ''] : [],
    Image: ({ body }) => [body.Image, ...(body.Entrypoint?.slice(1) ?? [])],
    Cmd: ({ body }) => body.Cmd
};
/** Throws for a field of `object` that {@link FIELD_FLAGS} has no renderer for. */
function refuseUnknown(object, prefix) {
    for (const [key, value] of Object.entries(object)) {
        if (value !== undefined && !(`${prefix}${key}` in FIELD_FLAGS)) {
            throw new UnrenderableRequestError(`${prefix}${key}`, value, 'run-args.ts has no renderer for this field; add one to FIELD_FLAGS');
        }
    }
}
/**
 * `docker run --detach …` arguments that create and start the container
 * of `request`; throws {@link UnrenderableRequestError} for anything the
 * CLI cannot say.
 */
function run_args_runArgsFromCreate(request) {
    const { HostConfig: hostConfig, ...config } = request.body;
    refuseUnknown(config, '');
    refuseUnknown(hostConfig, 'HostConfig.');
    return [
        'run',
        '--detach',
        ...Object.values(FIELD_FLAGS).flatMap((render) => render(request))
    ];
}
/** The fields {@link runArgsFromCreate} renders, in order (for tests). */
const RENDERED_FIELDS = Object.keys(FIELD_FLAGS);

;// CONCATENATED MODULE: ./src/engine/docker/cli-client.ts


/** How long an image lookup or import may take. */
const IMAGE_TIMEOUT_MS = 30_000;
/** Every call through `docker`. */
function cliClient(docker) {
    const attempt = async (args, options) => {
        const result = await docker.tryExec(args, options);
        return result.exitCode === 0
            ? { ok: true, error: '' }
            : { ok: false, error: result.stderr.trim() || `exit ${result.exitCode}` };
    };
    return {
        via: 'docker-cli',
        daemon: describeHost(docker),
        run: (request, hooks = {}) => runWithCli(docker, request, hooks),
        inspectContainer: (name) => docker.inspect(name),
        copyIn: async (name, tar) => {
            await docker.exec(['cp', '-', `${name}:/`], { input: tar });
        },
        watchExit: (name) => watchExitWithCli(docker, name),
        findContainer: (name) => inspectOne(docker, [
            'inspect',
            '--type',
            'container',
            name
        ]),
        findVolume: (name) => inspectOne(docker, ['volume', 'inspect', name]),
        listLabelled: (label, keys) => listWithCli(docker, label, keys),
        labelledIds: async (kind, label) => {
            const list = kind === 'container' ? ['ps', '--all'] : [kind, 'ls'];
            const filter = ['--filter', `label=${label}`];
            const { stdout } = await docker.exec([...list, '--quiet', ...filter]);
            return stdout.split('\n').filter((id) => id.trim() !== '');
        },
        networkEndpoints: async (network) => {
            const names = '{{range .Containers}}{{.Name}}{{"\\n"}}{{end}}';
            const inspect = ['network', 'inspect', '--format', names, network];
            const { stdout } = await docker.exec(inspect);
            return stdout.split('\n').filter((name) => name.trim() !== '');
        },
        disconnectNetwork: (network, endpoint) => attempt(['network', 'disconnect', '--force', network, endpoint]),
        removeNetwork: (network) => attempt(['network', 'rm', network]),
        kill: (id, signal) => attempt(['kill', '--signal', signal, id]),
        // A `docker wait` still running at the deadline is killed: not stopped.
        waitStopped: (id, timeoutMs) => attempt(['wait', id], { timeoutMs }),
        stop: (id, graceSeconds) => attempt(['stop', '--time', String(graceSeconds), id]),
        removeContainer: (id) => attempt(['rm', '--force', '--volumes', id]),
        removeVolume: (name, { force = false } = {}) => attempt(['volume', 'rm', ...(force ? ['--force'] : []), name]),
        imageExists: async (reference) => {
            const args = ['image', 'inspect', '--format', '{{.Id}}', reference];
            const found = await docker.tryExec(args, { timeoutMs: IMAGE_TIMEOUT_MS });
            if (found.exitCode === 0)
                return true;
            if (/no such image/i.test(found.stderr) || isNoSuchObject(found.stderr)) {
                return false;
            }
            throw new DockerCommandError(args, found.exitCode, found.stderr);
        },
        importImage: async (tar, reference, changes) => {
            await docker.exec([
                'import',
                ...changes.flatMap((change) => ['--change', change]),
                '-',
                reference
            ], { input: tar, timeoutMs: IMAGE_TIMEOUT_MS });
        },
        logTail: async (name, lines) => {
            const args = ['logs', '--tail', String(lines), name];
            const logs = await docker.tryExec(args);
            if (logs.exitCode !== 0) {
                throw new DockerCommandError(args, logs.exitCode, logs.stderr);
            }
            // dockerd logs to stderr: both streams, stderr last.
            return [logs.stdout, logs.stderr]
                .filter((text) => text.trim() !== '')
                .join('\n');
        }
    };
}
/** How the CLI reaches the daemon, for messages. */
function describeHost(docker) {
    const { DOCKER_HOST: host, DOCKER_CONTEXT: context } = docker.host ?? {};
    if (context)
        return `docker context ${context}`;
    return host ? `DOCKER_HOST ${host}` : 'the docker CLI’s default daemon';
}
/** The first object `docker … inspect` prints; undefined when there is no such object. */
async function inspectOne(docker, args) {
    const result = await docker.tryExec(args);
    if (result.exitCode === 0)
        return JSON.parse(result.stdout)[0];
    if (isNoSuchObject(result.stderr))
        return undefined;
    throw new DockerCommandError(args, result.exitCode, result.stderr);
}
/**
 * `docker ps --all` and `docker volume ls` filtered by `label`, one
 * tab-separated row each: the id and name, or the name, then one
 * `{{.Label "key"}}` per key (the CLI's `.Labels` is a comma-joined string
 * that a value with a comma would break). An absent label prints ''.
 */
async function listWithCli(docker, label, keys) {
    const columns = keys.map((key) => `{{.Label ${JSON.stringify(key)}}}`);
    const filter = ['--filter', `label=${label}`];
    const [containers, volumes] = await Promise.all([
        docker.exec([
            'ps',
            '--all',
            '--no-trunc',
            ...filter,
            '--format',
            ['{{.ID}}', '{{.Names}}', ...columns].join('\t')
        ]),
        docker.exec([
            'volume',
            'ls',
            ...filter,
            '--format',
            ['{{.Name}}', ...columns].join('\t')
        ])
    ]);
    const rows = (text) => text
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => line.split('\t'));
    const labels = (values) => Object.fromEntries(keys.flatMap((key, i) => (values[i] ? [[key, values[i]]] : [])));
    return {
        containers: rows(containers.stdout).map(([id, names = '', ...values]) => ({
            id,
            name: names.split(',')[0],
            labels: labels(values)
        })),
        volumes: rows(volumes.stdout).map(([name, ...values]) => ({
            name,
            labels: labels(values)
        }))
    };
}
/**
 * `docker run --detach` of the request's run-args.ts form: the CLI works
 * in its own process, so both callbacks at once. It attaches nothing.
 */
async function runWithCli(docker, request, { onCreating, onStarting, onRunOutput, timeoutMs }) {
    const running = docker.exec(run_args_runArgsFromCreate(request), {
        onStderr: onRunOutput,
        timeoutMs
    });
    onCreating?.();
    onStarting?.();
    await running;
}
/**
 * Watches the container with `docker wait` (one process, no polling) so the
 * readiness loop stops as soon as the daemon dies.
 */
function watchExitWithCli(docker, name) {
    let child = docker.spawn(['wait', name]);
    const exited = new Promise((resolve) => {
        let out = '';
        child?.stdout?.on('data', (chunk) => (out += chunk.toString()));
        child?.on('close', () => {
            // Only a printed exit code means the container stopped; anything else is the watcher failing.
            const code = out.trim();
            if (/^\d+$/.test(code))
                resolve(`the sidecar exited with code ${code}`);
        });
        child?.on('error', () => undefined);
    });
    child.stdin?.end();
    child.unref();
    return {
        exited,
        stopWatching() {
            child?.kill();
            child = undefined;
        }
    };
}

;// CONCATENATED MODULE: external "node:http"
const external_node_http_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");
;// CONCATENATED MODULE: ./src/engine/docker/endpoint.ts


/** The endpoint of a unix socket. */
function socketEndpoint(socketPath) {
    return { host: 'localhost', port: 0, socketPath };
}
/**
 * One agent per mTLS endpoint: the PEM material is parsed once instead of
 * on every readiness attempt, the connection that answered the readiness
 * request is reused for the calls that follow, and a second connection
 * resumes the TLS session instead of a full handshake. Idle sockets of an
 * agent do not keep Node alive.
 */
const agents = new WeakMap();
function agentFor(endpoint, tls) {
    let agent = agents.get(endpoint);
    if (!agent) {
        agent = new (lazyHttps().Agent)({
            keepAlive: true,
            secureContext: lazyTls().createSecureContext(tls)
        });
        agents.set(endpoint, agent);
    }
    return agent;
}
/**
 * What every request to `endpoint` shares. Without TLS: no agent (one
 * connection per call, closed after it: a kept-alive socket would only
 * delay the step's exit). On a socket, an empty TLS server name, which Node
 * would otherwise work out from the Host header with `net.isIP` — compiling
 * its IPv6 pattern costs ~3 ms right before the sidecar's create request.
 */
function targetOf(endpoint) {
    if (endpoint.socketPath) {
        return { socketPath: endpoint.socketPath, agent: false, servername: '' };
    }
    return {
        host: endpoint.host,
        port: endpoint.port,
        agent: endpoint.tls ? agentFor(endpoint, endpoint.tls) : false,
        ...(endpoint.serverName && { servername: endpoint.serverName })
    };
}
/** Starts a request to `endpoint` (HTTPS with its TLS material, else HTTP). */
function startRequest(endpoint, options, onResponse) {
    const send = endpoint.tls ? lazyHttps().request : external_node_http_namespaceObject.request;
    return send({ ...targetOf(endpoint), ...options }, onResponse);
}
/** Performs one request and resolves with any HTTP answer; rejects only when none comes (refused, reset, timeout). */
function exchange(endpoint, options) {
    return new Promise((resolve, reject) => {
        const req = startRequest(endpoint, {
            method: options.method,
            path: options.path,
            timeout: options.timeoutMs,
            headers: {
                ...(options.contentType && { 'Content-Type': options.contentType }),
                ...(options.body && { 'Content-Length': options.body.length })
            }
        }, (res) => {
            readBody(res).then((body) => resolve({ status: res.statusCode ?? 0, body }), reject);
        });
        req.on('timeout', () => req.destroy(new Error(`${options.method} ${options.path}: timed out`)));
        req.on('error', reject);
        if (options.onSent)
            req.on('finish', options.onSent);
        req.end(options.body);
    });
}
/** The whole body of an answer; rejects when its stream fails. */
function readBody(res) {
    return new Promise((resolve, reject) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => resolve(Buffer.concat(chunks)));
    });
}
/** Second path segments that name an action on a collection, not an object. */
const COLLECTION_ACTIONS = new Set(['create', 'json', 'prune']);
/**
 * A request's name for the log: its action (`create`, `start`, `json`,
 * `wait`…), or the collection for a call on one object (`DELETE
 * /volumes/x` → `volumes`), never an object's name or id.
 */
function verbOf(path) {
    const segments = path.split('?')[0].split('/').filter(Boolean);
    if (/^v[0-9.]+$/.test(segments[0] ?? ''))
        segments.shift();
    const [collection, second] = segments;
    if (segments.length === 2 && !COLLECTION_ACTIONS.has(second)) {
        return collection;
    }
    return segments.at(-1) ?? '';
}

;// CONCATENATED MODULE: ./src/engine/docker/attach.ts
/**
 * A container's streams over the Engine API: `POST /containers/{id}/attach`
 * upgraded to a raw stream (what `docker attach` does), and the framing the
 * daemon uses for a container's output when it has no TTY.
 */


/**
 * `POST /containers/{name}/attach?stream=1&stdin=1&stdout=1&stderr=1`,
 * upgraded to a raw stream: resolves once the daemon switched protocols.
 * `send` writes the data and half-closes, which closes the container's
 * stdin when it was created with `StdinOnce`. stdout and stderr come on the
 * same stream (what the container prints from then on, with no `logs`
 * request): each frame's payload goes to `onOutput`.
 */
function attachStreams(endpoint, name, onOutput, debug = () => undefined) {
    const started = performance.now();
    const path = `/containers/${encodeURIComponent(name)}/attach`;
    return new Promise((resolve, reject) => {
        const req = startRequest(endpoint, {
            method: 'POST',
            path: `${path}?stream=1&stdin=1&stdout=1&stderr=1`,
            headers: { Connection: 'Upgrade', Upgrade: 'tcp' }
        });
        req.setTimeout(30_000, () => req.destroy(new Error(`attach ${name}: timed out`)));
        req.on('upgrade', (_res, socket, head) => {
            req.setTimeout(0);
            debug(`engine-api: attach POST -> 101 (${Math.round(performance.now() - started)} ms)`);
            socket.on('error', () => undefined);
            const frames = new Demultiplexer(onOutput);
            frames.push(head);
            socket.on('data', (chunk) => frames.push(chunk));
            // The daemon may hold the stream open until the container exits;
            // it must not keep the step alive (a write in flight still does).
            socket.unref();
            resolve({
                send: (data) => new Promise((done, failed) => {
                    socket.once('error', failed);
                    socket.end(data, () => done());
                }),
                abort: () => socket.destroy()
            });
        });
        req.on('response', (res) => {
            // Any answer but the switch to a raw stream is the daemon refusing.
            readBody(res).then((body) => reject(new EngineApiError('POST', `/containers/${name}/attach`, res.statusCode ?? 0, body.toString('utf8'))), reject);
        });
        req.on('error', reject);
        req.end();
    });
}
/**
 * Splits a multiplexed stream (8-byte header: stream type, 3 bytes padding,
 * 4-byte big-endian length), as the daemon sends a container's output when
 * it has no TTY, into the frames' payloads; a frame may span chunks.
 */
class Demultiplexer {
    onPayload;
    rest = Buffer.alloc(0);
    constructor(onPayload) {
        this.onPayload = onPayload;
    }
    push(chunk) {
        const data = this.rest.length > 0 ? Buffer.concat([this.rest, chunk]) : chunk;
        let offset = 0;
        while (offset + 8 <= data.length) {
            const end = offset + 8 + data.readUInt32BE(offset + 4);
            if (end > data.length)
                break;
            this.onPayload(data.subarray(offset + 8, end));
            offset = end;
        }
        this.rest = Buffer.from(data.subarray(offset));
    }
}
/** Joins the complete frames of a multiplexed log stream (see {@link Demultiplexer}). */
function demultiplex(stream) {
    const parts = [];
    new Demultiplexer((payload) => parts.push(payload)).push(stream);
    return Buffer.concat(parts).toString('utf8');
}

;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
;// CONCATENATED MODULE: ./src/engine/dood/socket.ts
/**
 * Finds the runner's Docker socket for dood and explains, plainly, why it
 * cannot be used: missing, not a socket, nobody listening, or permission
 * denied (with the socket's owner, group and mode and the user's groups).
 * docker-nest never changes the socket's permissions.
 */


/** The rootful default socket. */
const DEFAULT_SOCKET = '/var/run/docker.sock';
const defaultSocketEnv = () => ({
    dockerHost: process.env.DOCKER_HOST,
    xdgRuntimeDir: process.env.XDG_RUNTIME_DIR,
    exists: (path) => statOrUndefined(path) !== undefined
});
function statOrUndefined(path) {
    try {
        return (0,external_node_fs_namespaceObject.statSync)(path);
    }
    catch {
        return undefined;
    }
}
/**
 * Picks the socket, in order: input `socket`; a `unix://` DOCKER_HOST; the
 * default path; the rootless socket in $XDG_RUNTIME_DIR. The input and
 * DOCKER_HOST are taken as given (checked later, so their errors are precise);
 * the default paths only when they exist.
 */
function resolveSocket(input, env = defaultSocketEnv()) {
    if (input)
        return { path: input, source: "input 'socket'" };
    if (env.dockerHost?.startsWith('unix://')) {
        return {
            path: env.dockerHost.slice('unix://'.length),
            source: 'DOCKER_HOST'
        };
    }
    const tried = [DEFAULT_SOCKET];
    if (env.exists(DEFAULT_SOCKET)) {
        return { path: DEFAULT_SOCKET, source: 'default' };
    }
    if (env.xdgRuntimeDir) {
        const rootless = (0,external_node_path_namespaceObject.join)(env.xdgRuntimeDir, 'docker.sock');
        tried.push(rootless);
        if (env.exists(rootless))
            return { path: rootless, source: 'rootless' };
    }
    const ignored = env.dockerHost
        ? ` (DOCKER_HOST=${env.dockerHost} is not a unix socket, so it was not used)`
        : '';
    throw new Error(`No Docker socket found: tried ${tried.join(', ')}${ignored}. ` +
        "Set input 'socket' to the runner's Docker socket, mount it into the " +
        'job container (-v /var/run/docker.sock:/var/run/docker.sock), or use mode: dind.');
}
/** Throws a clear error unless `path` exists and is a socket. */
function assertSocket(choice) {
    const stats = statOrUndefined(choice.path);
    if (!stats) {
        throw new Error(`No Docker socket at ${choice.path} (from ${choice.source}). ` +
            'Mount or start Docker there, point input ' +
            "'socket' at the right path, or use mode: dind.");
    }
    if (!stats.isSocket()) {
        throw new Error(`${choice.path} (from ${choice.source}) is not a socket but a ` +
            `${stats.isDirectory() ? 'directory' : 'file'}. A bind mount of a ` +
            'socket that did not exist yet creates a directory: mount the real ' +
            "socket, or point input 'socket' at it.");
    }
}
/** Names by numeric id from an /etc/passwd- or /etc/group-style file. */
function namesById(text) {
    const names = new Map();
    for (const line of text.split('\n')) {
        const [name, , id] = line.split(':');
        if (name && id !== undefined && /^[0-9]+$/.test(id)) {
            if (!names.has(Number(id)))
                names.set(Number(id), name);
        }
    }
    return names;
}
function readNames(file) {
    try {
        return namesById((0,external_node_fs_namespaceObject.readFileSync)(file, 'utf8'));
    }
    catch {
        return new Map();
    }
}
/** Reads the facts for {@link permissionMessage} from the system. */
function permissionFacts(path) {
    const stats = (0,external_node_fs_namespaceObject.statSync)(path);
    return {
        path,
        uid: stats.uid,
        gid: stats.gid,
        mode: stats.mode & 0o7777,
        userUid: process.getuid?.() ?? -1,
        userGroups: process.getgroups?.() ?? [],
        users: readNames('/etc/passwd'),
        groups: readNames('/etc/group')
    };
}
function named(id, names) {
    const name = names.get(id);
    return name ? `${name} (${id})` : String(id);
}
/** The "permission denied" explanation: who owns the socket, who we are, and the ways out. */
function permissionMessage(facts) {
    const group = facts.groups.get(facts.gid) ?? String(facts.gid);
    const groups = facts.userGroups.map((id) => named(id, facts.groups));
    return [
        `Permission denied on the Docker socket ${facts.path}: it is owned by ` +
            `user ${named(facts.uid, facts.users)}, group ${named(facts.gid, facts.groups)}, ` +
            `mode ${facts.mode.toString(8).padStart(4, '0')}, and this step runs as ` +
            `user ${named(facts.userUid, facts.users)} in groups ${groups.join(', ') || '(none)'}.`,
        'To fix this, one of:',
        `- run the runner (or the job container) as a member of group '${group}': ` +
            `sudo usermod -aG ${group} <runner user>, then restart the runner ` +
            `service; in a container job add options: --group-add ${facts.gid}`,
        '- run the runner as root (sudo)',
        '- set socket-proxy: true: docker-nest serves a socket of your own that ' +
            'forwards to this one (needs passwordless sudo, as on GitHub-hosted runners)',
        'docker-nest does not change the permissions of the host socket.'
    ].join('\n');
}

;// CONCATENATED MODULE: ./src/engine/docker/runner-socket.ts
/**
 * Whether docker-nest may talk to the runner's daemon over the Engine API
 * itself: only when the daemon is a plain unix socket that the docker CLI
 * would use too. Otherwise the CLI stays in charge, because it honours the
 * contexts, config.json and TLS variables the user set for that daemon.
 */




/**
 * The unix socket the docker CLI would use for the runner's daemon, when it
 * is a plain socket docker-nest can talk to itself; undefined when the CLI
 * must do it: DOCKER_HOST is not unix://, a context is chosen (DOCKER_CONTEXT
 * or `currentContext` in the CLI's config.json), the config cannot be read,
 * TLS variables are set (the CLI loads, and may fail on, their files even
 * for a socket; post, which uses the CLI, must see the same daemon main did),
 * or this user may not open the socket.
 */
function runnerSocketPath(host, env = process.env) {
    if (host.DOCKER_CONTEXT && host.DOCKER_CONTEXT !== 'default')
        return undefined;
    if (host.DOCKER_TLS_VERIFY || host.DOCKER_CERT_PATH || env.DOCKER_TLS) {
        return undefined;
    }
    const dockerHost = host.DOCKER_HOST ?? '';
    if (dockerHost !== '' && !dockerHost.startsWith('unix://'))
        return undefined;
    if (!host.DOCKER_HOST && currentContext(env) !== 'default')
        return undefined;
    const path = dockerHost.replace(/^unix:\/\//, '') || DEFAULT_SOCKET;
    try {
        (0,external_node_fs_namespaceObject.accessSync)(path, external_node_fs_namespaceObject.constants.R_OK | external_node_fs_namespaceObject.constants.W_OK);
        return path;
    }
    catch {
        return undefined;
    }
}
/**
 * The CLI's current context from its config.json ('default' when the file
 * or the key is missing); undefined when the file cannot be read or parsed,
 * because then only the CLI knows what it would do.
 */
function currentContext(env) {
    const dir = env.DOCKER_CONFIG || (0,external_node_path_namespaceObject.join)(env.HOME || (0,external_node_os_namespaceObject.homedir)(), '.docker');
    let text;
    try {
        text = (0,external_node_fs_namespaceObject.readFileSync)((0,external_node_path_namespaceObject.join)(dir, 'config.json'), 'utf8');
    }
    catch (error) {
        return error.code === 'ENOENT'
            ? 'default'
            : undefined;
    }
    try {
        const config = JSON.parse(text);
        const context = config.currentContext;
        if (context === undefined || context === '')
            return 'default';
        return typeof context === 'string' ? context : undefined;
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/engine/docker/engine-api.ts





/** A client for the runner's daemon when {@link runnerSocketPath} allows one; else undefined (use the CLI). */
function runnerApi(host, debug, env = process.env) {
    const socket = runnerSocketPath(host, env);
    return socket ? new engine_api_EngineApi(socketEndpoint(socket), debug) : undefined;
}
/** The Engine API of one daemon. */
class engine_api_EngineApi {
    endpoint;
    debug;
    constructor(endpoint, debug = () => undefined) {
        this.endpoint = endpoint;
        this.debug = debug;
    }
    /** Any answer to `method path`; rejects only when none comes (refused, reset, timeout). */
    async answer(path, timeoutMs, method = 'GET') {
        const { status, body } = await exchange(this.endpoint, {
            method,
            path,
            timeoutMs
        });
        return { status, body: body.toString('utf8') };
    }
    /**
     * The body of a 2xx answer to `method path`; rejects with the method,
     * path, status and body otherwise (the daemon calls below; container
     * calls reject with {@link EngineApiError}).
     */
    async text(path, timeoutMs, method = 'GET') {
        const { status, body } = await this.answer(path, timeoutMs, method);
        if (status >= 200 && status < 300)
            return body;
        throw new Error(`${method} ${path}: HTTP ${status} ${body.trim()}`);
    }
    /** Resolves when the daemon answers `GET /_ping` with OK. */
    async ping(timeoutMs = 1000) {
        const body = await this.text('/_ping', timeoutMs);
        if (body.trim() !== 'OK')
            throw new Error(`GET /_ping answered '${body}'`);
    }
    /** `GET /version`. */
    async version() {
        return JSON.parse(await this.text('/version', 5000));
    }
    /** `GET /info`. */
    async info() {
        return JSON.parse(await this.text('/info', 5000));
    }
    /** `GET /containers/{name}/json` (what `docker inspect` prints). */
    async inspectContainer(name) {
        return this.json({
            method: 'GET',
            path: `/containers/${encodeURIComponent(name)}/json`,
            timeoutMs: 30_000
        });
    }
    /**
     * `POST /containers/create?name=…` with a JSON body (create-request.ts);
     * `onSent` as in {@link Exchange}.
     */
    async createContainer(name, body, onSent) {
        await this.call({
            method: 'POST',
            path: `/containers/create?name=${encodeURIComponent(name)}`,
            body: Buffer.from(JSON.stringify(body)),
            contentType: 'application/json',
            timeoutMs: 60_000,
            onSent
        });
    }
    /** `POST /containers/{name}/start`; `onSent` as in {@link Exchange}. */
    async startContainer(name, onSent) {
        await this.call({
            method: 'POST',
            path: `/containers/${encodeURIComponent(name)}/start`,
            timeoutMs: 60_000,
            onSent
        });
    }
    /** `PUT /containers/{name}/archive?path=…`: unpacks a tar into the container (`docker cp -`). */
    async putArchive(name, path, tar) {
        await this.call({
            method: 'PUT',
            path: `/containers/${encodeURIComponent(name)}/archive` +
                `?path=${encodeURIComponent(path)}`,
            body: tar,
            contentType: 'application/x-tar',
            timeoutMs: 30_000
        });
    }
    /** The container's streams, attached (attach.ts). */
    attach(name, onOutput) {
        return attachStreams(this.endpoint, name, onOutput, this.debug);
    }
    /**
     * `GET /containers/{name}/logs` of both streams, demultiplexed (the
     * container has no TTY). `tail` limits it to the last lines.
     */
    async containerLog(name, tail = 'all', streams = 'both') {
        const out = streams === 'stderr' ? 0 : 1;
        const err = streams === 'stdout' ? 0 : 1;
        const body = await this.call({
            method: 'GET',
            path: `/containers/${encodeURIComponent(name)}/logs` +
                `?stdout=${out}&stderr=${err}&tail=${encodeURIComponent(tail)}`,
            timeoutMs: 10_000
        });
        return demultiplex(body);
    }
    /**
     * `POST /containers/{name}/wait`, held open (one socket, no process):
     * `exited` settles with a reason once the container stops. Its socket
     * does not keep Node alive.
     */
    watchExit(name) {
        let req;
        const exited = new Promise((resolve) => {
            req = startRequest(this.endpoint, {
                method: 'POST',
                path: `/containers/${encodeURIComponent(name)}/wait`
            }, (res) => {
                readBody(res).then((body) => {
                    // Only a status code means the container stopped; anything
                    // else (404, a dropped socket) is the watcher failing.
                    if (res.statusCode !== 200)
                        return;
                    const code = exitCodeOf(body);
                    if (code !== undefined) {
                        resolve(`the sidecar exited with code ${code}`);
                    }
                }, () => undefined);
            });
            req.on('socket', (socket) => socket.unref());
            req.on('error', () => undefined);
            req.end();
        });
        return {
            exited,
            stopWatching() {
                req?.destroy();
                req = undefined;
            }
        };
    }
    /**
     * `GET /containers/json?all=1` and `GET /volumes`, both filtered by one
     * label: what `docker ps -a` and `docker volume ls` list, without their
     * processes.
     */
    async listLabelled(label) {
        const filters = encodeURIComponent(JSON.stringify({ label: [label] }));
        const [containers, volumes] = await Promise.all([
            this.json({
                method: 'GET',
                path: `/containers/json?all=1&filters=${filters}`,
                timeoutMs: 30_000
            }),
            this.json({
                method: 'GET',
                path: `/volumes?filters=${filters}`,
                timeoutMs: 30_000
            })
        ]);
        return { containers, volumes: volumes.Volumes ?? [] };
    }
    /** `GET /volumes/{name}` (what `docker volume inspect` prints). */
    async inspectVolume(name) {
        return this.json({
            method: 'GET',
            path: `/volumes/${encodeURIComponent(name)}`,
            timeoutMs: 30_000
        });
    }
    /** `POST /containers/{id}/kill?signal=…` */
    async kill(id, signal) {
        await this.call({
            method: 'POST',
            path: `/containers/${encodeURIComponent(id)}/kill?signal=${encodeURIComponent(signal)}`,
            timeoutMs: 30_000
        });
    }
    /**
     * `POST /containers/{id}/wait`: resolves once the container is not
     * running; rejects when that takes longer than `timeoutMs`.
     */
    async wait(id, timeoutMs) {
        await this.call({
            method: 'POST',
            path: `/containers/${encodeURIComponent(id)}/wait`,
            timeoutMs
        });
    }
    /**
     * `POST /containers/{id}/stop?t=…` (SIGTERM, SIGKILL after `seconds`);
     * a container that was not running (HTTP 304) counts as stopped.
     */
    async stop(id, seconds) {
        try {
            await this.call({
                method: 'POST',
                path: `/containers/${encodeURIComponent(id)}/stop?t=${seconds}`,
                timeoutMs: (seconds + 30) * 1000
            });
        }
        catch (error) {
            if (!(error instanceof EngineApiError && error.status === 304))
                throw error;
        }
    }
    /** `DELETE /containers/{id}?force=1&v=1` (`docker rm --force --volumes`). */
    async removeContainer(id) {
        await this.call({
            method: 'DELETE',
            path: `/containers/${encodeURIComponent(id)}?force=1&v=1`,
            timeoutMs: 60_000
        });
    }
    /** `DELETE /volumes/{name}` (`docker volume rm`, with `--force` when asked). */
    async removeVolume(name, force) {
        await this.call({
            method: 'DELETE',
            path: `/volumes/${encodeURIComponent(name)}${force ? '?force=1' : ''}`,
            timeoutMs: 60_000
        });
    }
    /** `GET /images/{reference}/json`: true when there, false on 404. */
    async imageExists(reference, timeoutMs) {
        try {
            await this.call({
                method: 'GET',
                path: `/images/${encodeURIComponent(reference)}/json`,
                timeoutMs
            });
            return true;
        }
        catch (error) {
            if (error instanceof EngineApiError && error.status === 404)
                return false;
            throw error;
        }
    }
    /**
     * `POST /images/create?fromSrc=-&…` with a tar as body (`docker
     * import`); resolves with the daemon's JSON message stream, in which a
     * failure arrives as a message of its own (HTTP 200 all the same).
     */
    async importImage(tar, query, timeoutMs) {
        query.set('fromSrc', '-');
        const body = await this.call({
            method: 'POST',
            path: `/images/create?${query}`,
            body: tar,
            contentType: 'application/x-tar',
            timeoutMs
        });
        return body.toString('utf8');
    }
    /** One request whose 2xx answer is JSON (engine-api-labelled.ts adds calls with it). */
    async json(options) {
        return JSON.parse((await this.call(options)).toString('utf8'));
    }
    /** One request; resolves with the body of a 2xx answer, else rejects with {@link EngineApiError}. */
    async call(options) {
        const started = performance.now();
        const { status, body } = await exchange(this.endpoint, options);
        const ms = Math.round(performance.now() - started);
        const verb = verbOf(options.path);
        this.debug(`engine-api: ${verb} ${options.method} -> ${status} (${ms} ms)`);
        if (status >= 200 && status < 300)
            return body;
        throw new EngineApiError(options.method, options.path, status, body.toString('utf8'));
    }
}
/** The `StatusCode` of a wait answer; undefined for anything else. */
function exitCodeOf(body) {
    try {
        const { StatusCode } = JSON.parse(body.toString('utf8'));
        return typeof StatusCode === 'number' ? StatusCode : undefined;
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/engine/docker/engine-api-labelled.ts
/**
 * The objects of one collection carrying `label` (`key` or `key=value`):
 * `GET /containers/json?all=1`, `GET /networks` or `GET /volumes`, filtered
 * as `docker ps --all`, `docker network ls` and `docker volume ls` filter.
 */
async function listByLabel(api, collection, label) {
    const filters = encodeURIComponent(JSON.stringify({ label: [label] }));
    const list = collection === 'containers' ? 'containers/json?all=1&' : `${collection}?`;
    const listed = await api.json({
        method: 'GET',
        path: `/${list}filters=${filters}`,
        timeoutMs: 30_000
    });
    // Volumes come wrapped: {"Volumes": [...] or null, "Warnings": ...}.
    if (collection === 'volumes') {
        return listed.Volumes ?? [];
    }
    return listed;
}
/**
 * `GET /networks/{network}`: the name of each endpoint on the network,
 * as `docker network inspect` lists `.Containers` — a container's name,
 * or the endpoint's own for a stale one the daemon keeps after the
 * container has gone.
 */
async function networkEndpoints(api, network) {
    const inspected = await api.json({
        method: 'GET',
        path: `/networks/${encodeURIComponent(network)}`,
        timeoutMs: 30_000
    });
    return Object.values(inspected.Containers ?? {})
        .map((endpoint) => endpoint.Name ?? '')
        .filter((name) => name !== '');
}
/**
 * `POST /networks/{network}/disconnect` with `Force` (`docker network
 * disconnect --force`): `endpoint` is a container, or a stale endpoint's
 * name.
 */
async function disconnectNetwork(api, network, endpoint) {
    await api.call({
        method: 'POST',
        path: `/networks/${encodeURIComponent(network)}/disconnect`,
        body: Buffer.from(JSON.stringify({ Container: endpoint, Force: true })),
        contentType: 'application/json',
        timeoutMs: 30_000
    });
}
/** `DELETE /networks/{network}` (`docker network rm`). */
async function removeNetwork(api, network) {
    await api.call({
        method: 'DELETE',
        path: `/networks/${encodeURIComponent(network)}`,
        timeoutMs: 60_000
    });
}

;// CONCATENATED MODULE: ./src/engine/docker/api-client.ts
/**
 * {@link DockerClient} over the Engine API on the runner's socket. Each
 * call is tracked by the CLI wrapper (DockerCli.track), so a cancelled
 * step refuses new ones and waits for those in flight, as for `docker`
 * processes. An image that is not on the runner is left to `docker run`,
 * which pulls it with the user's registry credentials.
 */






/** How long an image lookup or import may take. */
const api_client_IMAGE_TIMEOUT_MS = 30_000;
/** Calls over `api`, tracked by `docker`. */
function apiClient(api, docker, debug = () => undefined) {
    const { endpoint } = api;
    const track = (args, call) => docker.track(args, call);
    return {
        via: 'engine-api',
        daemon: endpoint.socketPath ?? `${endpoint.host}:${endpoint.port}`,
        run: (request, hooks = {}) => runOverApi(api, docker, request, hooks, debug),
        inspectContainer: (name) => track(['inspect', name], () => api.inspectContainer(name)),
        copyIn: (name, tar) => track(['cp', '-', `${name}:/`], () => api.putArchive(name, '/', tar)),
        watchExit: (name) => api.watchExit(name),
        containerLog: (name) => api.containerLog(name),
        findContainer: (name) => track(['inspect', name], () => unlessMissing(api.inspectContainer(name))),
        findVolume: (name) => track(['volume', 'inspect', name], () => unlessMissing(api.inspectVolume(name))),
        listLabelled: async (label, keys) => {
            const listed = await track(['ps', '--filter', label], () => api.listLabelled(label));
            return {
                containers: listed.containers.map((c) => ({
                    id: c.Id,
                    name: (c.Names[0] ?? '').replace(/^\//, ''),
                    labels: pick(c.Labels, keys)
                })),
                volumes: listed.volumes.map((v) => ({
                    name: v.Name,
                    labels: pick(v.Labels ?? {}, keys)
                }))
            };
        },
        labelledIds: async (kind, label) => {
            const args = [kind, 'ls', '--filter', label];
            if (kind === 'volume') {
                const volumes = await track(args, () => listByLabel(api, 'volumes', label));
                return volumes.map((volume) => volume.Name);
            }
            const listed = await track(args, () => listByLabel(api, `${kind}s`, label));
            // Short ids, as the CLI's --quiet prints them.
            return listed.map((object) => object.Id.slice(0, 12));
        },
        networkEndpoints: (network) => track(['network', 'inspect', network], () => networkEndpoints(api, network)),
        disconnectNetwork: (network, endpoint) => outcomeOf(() => track(['network', 'disconnect', network], () => disconnectNetwork(api, network, endpoint))),
        removeNetwork: (network) => outcomeOf(() => track(['network', 'rm', network], () => removeNetwork(api, network))),
        kill: (id, signal) => outcomeOf(() => track(['kill', id], () => api.kill(id, signal))),
        waitStopped: (id, timeoutMs) => outcomeOf(() => track(['wait', id], () => api.wait(id, timeoutMs))),
        stop: (id, graceSeconds) => outcomeOf(() => track(['stop', id], () => api.stop(id, graceSeconds))),
        removeContainer: (id) => outcomeOf(() => track(['rm', id], () => api.removeContainer(id))),
        removeVolume: (name, { force = false } = {}) => outcomeOf(() => track(['volume', 'rm', name], () => api.removeVolume(name, force))),
        imageExists: (reference) => track(['image', 'inspect', reference], () => api.imageExists(reference, api_client_IMAGE_TIMEOUT_MS)),
        importImage: (tar, reference, changes) => track(['import', reference], () => importOverApi(api, tar, reference, changes)),
        logTail: async (name, lines) => {
            // Both streams in full, stdout's first, as `docker logs` prints them.
            const tail = String(lines);
            const [out, err] = await track(['logs', name], () => Promise.all([
                api.containerLog(name, tail, 'stdout'),
                api.containerLog(name, tail, 'stderr')
            ]));
            return [out, err].filter((text) => text.trim() !== '').join('\n');
        }
    };
}
/** The answer, or undefined when the daemon says there is no such object (404). */
async function unlessMissing(call) {
    try {
        return await call;
    }
    catch (error) {
        if (error instanceof EngineApiError && error.status === 404) {
            return undefined;
        }
        throw error;
    }
}
/** Those of `keys` that `labels` has. */
function pick(labels, keys) {
    const picked = {};
    for (const key of keys) {
        const value = labels?.[key];
        if (value !== undefined)
            picked[key] = value;
    }
    return picked;
}
/**
 * `docker import` over the API. The daemon answers 200 and then streams
 * JSON messages; a failure arrives as one of them and is thrown.
 */
async function importOverApi(api, tar, reference, changes) {
    const colon = reference.lastIndexOf(':');
    const query = new URLSearchParams({
        repo: reference.slice(0, colon),
        tag: reference.slice(colon + 1)
    });
    for (const change of changes)
        query.append('changes', change);
    let stream;
    try {
        stream = await api.importImage(tar, query, api_client_IMAGE_TIMEOUT_MS);
    }
    catch (error) {
        // The status and body as they came: the daemon's log says the rest.
        if (error instanceof EngineApiError) {
            throw new Error(`HTTP ${error.status} ${error.body.trim()}`, {
                cause: error
            });
        }
        throw error;
    }
    const failure = streamError(stream);
    if (failure !== undefined)
        throw new Error(failure);
}
/** The `error` of the first failed message in an import's JSON stream. */
function streamError(body) {
    for (const line of body.split('\n')) {
        if (line.trim() === '')
            continue;
        try {
            const message = JSON.parse(line);
            if (message.error)
                return String(message.error);
        }
        catch {
            return `unreadable answer: ${line.slice(0, 200)}`;
        }
    }
    return undefined;
}
/**
 * Create, attach when asked, start. A daemon error becomes the
 * {@link DockerCommandError} `docker run` would have given, so the port
 * retry and the failure hints work the same either way.
 */
async function runOverApi(api, docker, request, hooks, debug) {
    const { name } = request;
    const { attach } = hooks;
    const body = attach
        ? {
            ...request.body,
            OpenStdin: true,
            StdinOnce: true,
            Env: [...request.body.Env, ...attach.env]
        }
        : request.body;
    try {
        await docker.track(['create', name], () => api.createContainer(name, body, hooks.onCreating));
    }
    catch (error) {
        if (error instanceof EngineApiError && error.status === 404) {
            debug(`docker.run: ${request.body.Image} is not here; docker run pulls it`);
            // The create request was sent already: onCreating has fired.
            await runWithCli(docker, request, { ...hooks, onCreating: undefined });
            return;
        }
        throw asRunError(request, error);
    }
    if (attach) {
        // Attached alongside the start; a failed attach surfaces where the
        // streams are used.
        const streams = api.attach(name, attach.onOutput).then((attached) => ({
            send: (data) => docker.track(['attach', name], () => attached.send(data)),
            abort: () => attached.abort()
        }));
        streams.catch(() => undefined);
        attach.onAttach(streams);
    }
    try {
        // The daemon spends ~300 ms on the start; the caller's CPU work left
        // (the server certificate, the reaper) fits there once the request is
        // out, without holding it up.
        await docker.track(['start', name], () => api.startContainer(name, hooks.onStarting));
    }
    catch (error) {
        throw asRunError(request, error);
    }
}
/** What `docker run` prints and exits with when the daemon refuses (exit 125). */
function asRunError(request, error) {
    if (!(error instanceof EngineApiError))
        return error;
    const message = error.message.replace(/^\S+ \S+: HTTP \d+ /, '');
    return new DockerCommandError(run_args_runArgsFromCreate(request), 125, `docker: Error response from daemon: ${message}.`);
}

;// CONCATENATED MODULE: ./src/engine/docker/runner-client.ts
/**
 * The client for the runner's daemon: the Engine API when that daemon is a
 * plain unix socket the docker CLI would use too (runner-socket.ts), the
 * docker CLI otherwise.
 */





/** The Engine API over the runner's socket where it may be used, else the CLI. */
function runnerClient(docker, debug = () => undefined, env = process.env) {
    const api = runnerApi(docker.host, debug, env);
    return api ? apiClient(api, docker, debug) : cliClient(docker);
}
/**
 * {@link runnerClient} for the runner's daemon as `host` (the settings
 * recorded at the start) describes it: the caller's own environment may
 * point at a nest (DOCKER_HOST exported by `up`). Over the API the docker
 * CLI only tracks the calls, so none is needed on PATH; where the CLI must
 * do the work and there is none, every call fails with `docker`'s spawn
 * error (teardown then warns instead of throwing).
 */
function hostClient(host, debug = () => undefined, env = process.env) {
    const binary = findOnPath('docker', env.PATH) ?? 'docker';
    return runnerClient(new DockerCli(binary, host, debug), debug, env);
}
/**
 * {@link hostClient}, but throws DockerCli.locate's explanation when only
 * the docker CLI can reach the daemon and there is none on PATH.
 */
function locateHostClient(host, debug = () => undefined, env = process.env) {
    const client = hostClient(host, debug, env);
    if (client.via === 'docker-cli')
        DockerCli.locate(host, debug);
    return client;
}
/**
 * The Engine API client of one unix socket, whatever the environment says
 * about the runner's daemon (a daemon the caller found itself). The docker
 * CLI it carries only tracks the calls: none need be on PATH.
 */
function socketClient(socketPath, debug = () => undefined) {
    const tracker = new DockerCli(findOnPath('docker') ?? 'docker', {
        DOCKER_HOST: `unix://${socketPath}`,
        DOCKER_TLS_VERIFY: null,
        DOCKER_CERT_PATH: null,
        DOCKER_CONTEXT: null
    }, debug);
    return apiClient(new engine_api_EngineApi(socketEndpoint(socketPath), debug), tracker, debug);
}

;// CONCATENATED MODULE: ./src/engine/docker/daemon-client.ts
/**
 * One-call helpers on a daemon's Engine API (a nest over mutual TLS, or a
 * unix socket for dood), for callers that hold an endpoint rather than an
 * {@link EngineApi}: a `/_ping` costs a handshake instead of a docker CLI
 * process, which is what makes readiness polling cheap. Each goes through
 * the same request code as every other Engine API call (endpoint.ts).
 */


/** Performs one request (GET unless told) and returns the body; rejects on non-2xx or timeout. */
function getJsonOrText(endpoint, path, timeoutMs, method = 'GET') {
    return new engine_api_EngineApi(endpoint).text(path, timeoutMs, method);
}
/** Performs one request and resolves with any HTTP answer; rejects only when none comes (refused, reset, timeout). */
function requestAnswer(endpoint, path, timeoutMs, method = 'GET') {
    return new EngineApi(endpoint).answer(path, timeoutMs, method);
}
/** Resolves when the daemon answers `GET /_ping` with OK. */
function ping(endpoint, timeoutMs = 1000) {
    return new engine_api_EngineApi(endpoint).ping(timeoutMs);
}
/** `GET /version`. */
function daemonVersion(endpoint) {
    return new engine_api_EngineApi(endpoint).version();
}
/** `GET /info`. */
function daemonInfo(endpoint) {
    return new engine_api_EngineApi(endpoint).info();
}

;// CONCATENATED MODULE: ./src/engine/dind/isolation.ts
/**
 * The sidecar's isolation as HostConfig fields: `--privileged`, or a
 * runtime such as sysbox that isolates without it, or (`rootless:
 * unprivileged`) only what rootlesskit needs. The same decision as
 * runtime.ts's `isolationArgs`, which the privilege probe of `mode: auto`
 * passes to `docker run`; a unit test keeps the two equal.
 */

/**
 * `rootless: unprivileged` (see runtime.ts ROOTLESS_UNPRIVILEGED_ARGS for
 * why each is needed): SYS_ADMIN, no seccomp filter, no AppArmor profile,
 * unmasked /proc and /sys paths, and the tun device for slirp4netns.
 */
const ROOTLESS_UNPRIVILEGED = {
    CapAdd: ['SYS_ADMIN'],
    SecurityOpt: ['seccomp=unconfined', 'apparmor=unconfined'],
    MaskedPaths: [],
    ReadonlyPaths: [],
    Devices: [
        {
            PathOnHost: '/dev/net/tun',
            PathInContainer: '/dev/net/tun',
            CgroupPermissions: 'rwm'
        }
    ]
};
/**
 * The runtime when one is set, and privileged unless the runtime is sysbox
 * (which refuses it and does not need it) or the nest is `rootless:
 * unprivileged`.
 */
function isolationHostConfig(runtime, rootlessUnprivileged = false) {
    const named = runtime ? { Runtime: runtime } : {};
    if (runtime && isSysbox(runtime))
        return { ...named, Privileged: false };
    return rootlessUnprivileged
        ? { ...named, Privileged: false, ...structuredClone(ROOTLESS_UNPRIVILEGED) }
        : { ...named, Privileged: true };
}

;// CONCATENATED MODULE: ./src/engine/util/random.ts
/**
 * Random values for names and file-command delimiters, read from the
 * kernel's generator (/proc/sys/kernel/random/uuid) so the main step does
 * not load node:crypto before its create request (~6 ms of its start);
 * node:crypto where /proc cannot answer.
 */


const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
/** A random (version 4) UUID. */
function randomUuid(readKernelUuid = () => (0,external_node_fs_namespaceObject.readFileSync)('/proc/sys/kernel/random/uuid', 'utf8')) {
    try {
        const uuid = readKernelUuid().trim();
        if (UUID_V4.test(uuid))
            return uuid;
    }
    catch {
        // no /proc (or not Linux): below
    }
    return lazyCrypto().randomUUID();
}
/** Four random bytes as 8 hex digits (the first group of a UUID is all random). */
function randomHex8() {
    return randomUuid().slice(0, 8);
}

;// CONCATENATED MODULE: ./src/engine/dind/plan.ts
/**
 * Turns validated options into a concrete plan (names, labels, ports,
 * daemon flags) and the plan into the sidecar's create request (and its
 * `docker run` form). Pure: every choice is here, so it can be tested in
 * tables without Docker.
 */













/** How long an abandoned nest is protected from reaping: the 6 h job limit of hosted runners. */
const DEFAULT_TTL_SECONDS = 6 * 60 * 60;
/** TLS and plain TCP ports of dockerd inside the sidecar. */
const DAEMON_PORT = { tls: 2376, plain: 2375 };
/** A short random suffix that keeps names unique among concurrent nests. */
function randomSuffix() {
    return randomHex8();
}
function unique(values) {
    return [...new Set(values)];
}
/** Chooses the MTU: an explicit number wins; `auto` follows the uplink when it is below 1500. */
function chooseMtu(mtu, detected) {
    if (mtu !== 'auto')
        return mtu;
    return detected !== undefined && detected < 1500 ? detected : undefined;
}
/** dockerd settings (flags and daemon.json keys) that ask for IPv6 in the nest. */
const IPV6_SETTINGS = ['ip6tables', 'ipv6', 'fixed-cidr-v6'];
/** True when `daemon-config` or `dockerd-args` says anything about IPv6. */
function asksForIPv6(options) {
    const flags = options.dockerdArgs.map((arg) => arg.replace(/^--/, '').split('=')[0]);
    return IPV6_SETTINGS.some((name) => flags.includes(name) ||
        (options.daemonConfig !== undefined && name in options.daemonConfig));
}
/**
 * dockerd flags derived from the options, in a stable order. The MTU flags
 * are added by the start script (mtu.ts), which knows the sidecar's eth0
 * and the dockerd version.
 */
function buildDaemonArgs(options) {
    const args = [];
    // Without --tls=false a plain TCP listener costs a deliberate 15 s start delay (moby #41285).
    if (!options.tls)
        args.push('--tls=false');
    // Docker 27 and later write the IPv6 firewall rules by default: as many
    // iptables calls again while dockerd starts, for networks a nest rarely
    // has (the runner's bridge gives the sidecar no IPv6 route). Off unless
    // the user says anything about IPv6; every dockerd since 20.10 knows the
    // flag (false was the default before 27).
    if (!asksForIPv6(options))
        args.push('--ip6tables=false');
    args.push(...addressPoolArgs(options.defaultAddressPools));
    for (const mirror of options.registryMirrors) {
        args.push(`--registry-mirror=${mirror}`);
    }
    for (const registry of options.insecureRegistries) {
        args.push(`--insecure-registry=${registry}`);
    }
    return [...args, ...options.dockerdArgs];
}
/** Decides names, labels and flags for one nest. */
function makePlan(options, context) {
    const suffix = context.random ?? randomSuffix();
    const runId = `${context.runPrefix}-${suffix}`;
    const cache = options.cache.name ? options.cache : undefined;
    const name = cache ? cacheResourceName(cache) : `docker-nest-${suffix}`;
    const expires = Math.floor(context.now.getTime() / 1000) + DEFAULT_TTL_SECONDS;
    const mtu = chooseMtu(options.mtu, context.detectedMtu);
    return {
        runId,
        name,
        volume: cache ? name : `${name}-data`,
        image: options.image,
        ...(context.runnerEngine && { runnerEngine: context.runnerEngine }),
        tls: options.tls,
        containerPort: options.tls ? DAEMON_PORT.tls : DAEMON_PORT.plain,
        labels: {
            [LABELS.managed]: 'true',
            [LABELS.run]: runId,
            [LABELS.expires]: String(expires),
            ...(context.owner ? { [OWNER_LABEL]: context.owner } : {}),
            ...(cache ? cacheLabels(cache) : {})
        },
        daemonArgs: buildDaemonArgs(options),
        mtu: configSetsMtu(options.daemonConfig) ? undefined : mtu,
        mtuSetting: mtuSetting(options.mtu, context.detectedMtu, configSetsMtu(options.daemonConfig)),
        daemonConfig: options.daemonConfig &&
            `${JSON.stringify(options.daemonConfig, null, 2)}\n`,
        serverNames: {
            dns: unique(['docker', 'localhost', name, ...options.tlsSans.dns]),
            ip: unique(['127.0.0.1', '::1', ...options.tlsSans.ip])
        },
        waitTimeoutMs: options.waitTimeoutMs,
        runtime: options.runtime,
        rootless: options.rootless,
        rootlessUnprivileged: options.rootlessUnprivileged,
        ...(cache
            ? {
                cache: {
                    name: cache.name,
                    partition: cache.partition,
                    maxBytes: cache.maxBytes
                }
            }
            : {}),
        // A daemon.json that points dockerd at its own containerd or exec root
        // leaves no room for the one fast start would start first.
        fastStart: options.fastStart &&
            !['containerd', 'exec-root'].some((key) => options.daemonConfig && key in options.daemonConfig)
    };
}
/**
 * The sidecar's create request: the one place its container is decided.
 * The API path sends it; the CLI path runs {@link buildDindRunArgs}, its
 * `docker run` form.
 */
function buildDindCreateRequest(plan) {
    const port = `${plan.containerPort}/tcp`;
    return {
        name: plan.name,
        body: {
            Image: plan.image,
            Entrypoint: ['sh'],
            Cmd: ['-c', STARTUP_SCRIPT, 'docker-nest-start', ...plan.daemonArgs],
            Env: [
                `DOCKER_TLS_CERTDIR=${plan.tls ? CERT_DIR_IN_CONTAINER : ''}`,
                ...scriptEnv(plan),
                ...(plan.runnerEngine ? [`PATH=${plan.runnerEngine.searchPath}`] : []),
                ...(plan.fastStart ? [] : [`${FAST_START_ENV}=false`])
            ],
            Labels: { ...plan.labels },
            ExposedPorts: { [port]: {} },
            HostConfig: {
                // Privileged, or a runtime such as sysbox that isolates without it.
                ...isolationHostConfig(plan.runtime, plan.rootlessUnprivileged),
                // Loopback only, on a port Docker picks: the daemon is for this
                // job, never for the network.
                PortBindings: { [port]: [{ HostIp: '127.0.0.1', HostPort: '' }] },
                Mounts: [dataVolume(plan), ...engineBinds(plan.runnerEngine)],
                NetworkMode: plan.jobNetwork?.name ?? 'default'
            },
            ...networkingConfig(plan.jobNetwork)
        }
    };
}
/** `docker run` arguments for the sidecar: {@link buildDindCreateRequest} as the CLI says it. */
function buildDindRunArgs(plan) {
    return runArgsFromCreate(buildDindCreateRequest(plan));
}
/**
 * The named volume on the data root, so the inner daemon uses overlay2, not
 * vfs; created with its labels by the same call. A cache volume outlives
 * every run: no run, expiry or owner label of its own.
 */
function dataVolume(plan) {
    return {
        Type: 'volume',
        Source: plan.volume,
        Target: dataRootFor(plan.rootless),
        VolumeOptions: {
            Labels: plan.cache
                ? { [LABELS.managed]: 'true', ...cacheLabels(plan.cache) }
                : { ...plan.labels }
        }
    };
}
/** The runner's engine, bound read-only where the host has it. */
function engineBinds(engine) {
    return (engine?.binds ?? []).map((dir) => ({
        Type: 'bind',
        Source: dir,
        Target: dir,
        ReadOnly: true
    }));
}
/** The job network's endpoint: the alias `docker`, a SAN of the server certificate (aliases need a user-defined network). */
function networkingConfig(network) {
    if (!network)
        return {};
    return {
        NetworkingConfig: {
            EndpointsConfig: {
                [network.name]: network.alias ? { Aliases: ['docker'] } : {}
            }
        }
    };
}
/**
 * Whether the start script limits a plain-TCP daemon (`tls: false`) to the
 * runner: dockerd listens on every address of the sidecar, so without that
 * every container on the runner's bridge could use it unauthenticated. Not
 * in a container job (the job container must reach it over its network)
 * nor rootless (its user cannot change the firewall): there the warning
 * says who can reach it.
 */
function limitsPlainTcp(plan) {
    return !plan.tls && !plan.jobNetwork && !plan.rootless;
}
/** The warning for `tls: false`, naming who can reach the daemon; undefined with TLS. */
function plainTcpWarning(plan) {
    if (plan.tls)
        return undefined;
    const who = limitsPlainTcp(plan)
        ? 'on 127.0.0.1 (the port is published there only, and the sidecar answers no other container)'
        : plan.jobNetwork
            ? `on 127.0.0.1 and from every container on network ${plan.jobNetwork.name}`
            : 'on 127.0.0.1 and from every container on the runner’s bridge (a rootless sidecar cannot limit it)';
    return (`tls: false — the daemon accepts unauthenticated API calls ${who}. ` +
        'Anything on this runner can use it.');
}
/** Settings for the start script (MTU, daemon.json), as env of the sidecar. */
function scriptEnv(plan) {
    return [
        ...(plan.mtuSetting ? [`DOCKER_NEST_INNER_MTU=${plan.mtuSetting}`] : []),
        ...(limitsPlainTcp(plan) ? [`${PLAIN_TCP_ENV}=runner`] : []),
        ...(plan.daemonConfig
            ? [`DOCKER_NEST_CONFIG_FILE=${DAEMON_CONFIG_PATH}`]
            : [])
    ];
}

;// CONCATENATED MODULE: ./src/engine/dood/socket-proxy.ts
/**
 * `socket-proxy: true` (dood): when the step's user may not open the Docker
 * socket, a small forwarder started through `sudo -n` (the runner user of
 * GitHub-hosted and most self-hosted runners has it) serves a socket in
 * RUNNER_TEMP owned by that user, mode 0600, and pipes every connection to
 * the real socket. The host socket's permissions are never changed.
 *
 * RUNNER_TEMP belongs to the user, so the proxy, running as root, touches
 * no path there with root's rights: it creates and deletes its socket with
 * the user's own uid and groups (see {@link asOwner}).
 *
 * Stopping needs no privilege: the proxy exits once its socket file is gone,
 * and post (running as the same user) can always delete that file.
 */







/** How often the proxy checks that its socket file still exists. */
const PROXY_CHECK_INTERVAL_MS = 500;
/** A proxy whose post never ran stops anyway after the nests' reaping age. */
const PROXY_MAX_LIFETIME_MS = DEFAULT_TTL_SECONDS * 1000;
/** How long main waits for a new proxy to answer /_ping. */
const PROXY_START_TIMEOUT_MS = 10_000;
/** The socket a run's proxy serves in `dir` (RUNNER_TEMP, or the CLI state dir). */
function proxySocketPath(dir, runId) {
    return (0,external_node_path_namespaceObject.join)((0,external_node_path_namespaceObject.resolve)(dir), `docker-nest-${runId}.sock`);
}
/**
 * Pipes one client connection to the real socket. Half-open on both sides:
 * `docker run` closes its writing side (stdin done) and then still reads the
 * container's output on the same connection.
 */
function forward(client, target) {
    const upstream = (0,external_node_net_namespaceObject.createConnection)({ path: target, allowHalfOpen: true });
    const close = () => {
        client.destroy();
        upstream.destroy();
    };
    client.on('error', close).on('close', close);
    upstream.on('error', close).on('close', close);
    client.pipe(upstream).pipe(client);
}
/**
 * Runs `fn` with the effective uid, gid and groups of `owner`, then goes
 * back to root's. The proxy runs as root but serves its socket in a
 * directory the user controls: a chmod or chown there as root would follow
 * a symlink the user put in place of the socket after bind (to
 * /etc/shadow, say). With the user's own rights, `fn` reaches only what the
 * user could reach anyway, and the socket it binds is theirs from the start.
 * Synchronous: the rights change for the whole process, so nothing else may
 * run meanwhile.
 */
function asOwner(owner, fn) {
    const euid = process.geteuid?.();
    if (!owner || euid === undefined || euid === owner.uid)
        return fn();
    if (euid !== 0) {
        throw new Error(`socket-proxy: cannot serve a socket for uid ${owner.uid} as uid ` +
            `${euid}; it must run as root (main starts it through sudo).`);
    }
    const groups = process.getgroups?.() ?? [];
    const egid = process.getegid?.() ?? 0;
    process.setgroups?.([owner.gid]);
    process.setegid?.(owner.gid);
    process.seteuid?.(owner.uid);
    try {
        return fn();
    }
    finally {
        process.seteuid?.(0);
        process.setegid?.(egid);
        process.setgroups?.(groups);
    }
}
/** Runs `fn` with the file mode creation mask `mask`. */
function withUmask(mask, fn) {
    const previous = process.umask(mask);
    try {
        return fn();
    }
    finally {
        process.umask(previous);
    }
}
/**
 * Serves `listen` until its file is deleted (then resolves). Runs inside the
 * proxy process (`docker-nest socket-proxy`).
 */
async function serveSocketProxy(options) {
    const server = (0,external_node_net_namespaceObject.createServer)({ allowHalfOpen: true }, (client) => forward(client, options.target));
    const listening = new Promise((resolve, reject) => {
        server.once('error', reject);
        server.once('listening', () => resolve());
    });
    // bind creates the socket file within listen(): as the step's user, and
    // 0600 through the umask, so there is nothing to chmod or chown after.
    asOwner(options.owner, () => withUmask(0o177, () => server.listen(options.listen)));
    await listening;
    const stopAt = Date.now() + (options.maxLifetimeMs ?? PROXY_MAX_LIFETIME_MS);
    await new Promise((resolve) => {
        const timer = setInterval(() => {
            if (!(0,external_node_fs_namespaceObject.existsSync)(options.listen) || Date.now() > stopAt) {
                try {
                    asOwner(options.owner, () => (0,external_node_fs_namespaceObject.rmSync)(options.listen, { force: true }));
                }
                catch {
                    // The user locked their own directory: the socket is theirs to delete.
                }
                clearInterval(timer);
                server.close();
                resolve();
            }
        }, PROXY_CHECK_INTERVAL_MS);
    });
}
/** The command line that starts the proxy. */
function proxyCommand(options, listen) {
    const command = [
        options.node,
        options.cliPath,
        'socket-proxy',
        '--listen',
        listen,
        '--target',
        options.target,
        '--owner',
        `${options.uid}:${options.gid}`
    ];
    // Root can open the socket itself; anyone else needs passwordless sudo.
    return options.uid === 0 ? command : ['sudo', '-n', '--', ...command];
}
/** Starts the proxy, detached, and waits until the daemon answers through it. */
async function launchSocketProxy(options) {
    const listen = proxySocketPath(options.dir, options.runId);
    const logFile = (0,external_node_path_namespaceObject.join)(options.dir, `docker-nest-${options.runId}-proxy.log`);
    const [command, ...args] = proxyCommand(options, listen);
    // A new file of this run's name, never one (or a symlink) already there.
    const log = (0,external_node_fs_namespaceObject.openSync)(logFile, external_node_fs_namespaceObject.constants.O_WRONLY | external_node_fs_namespaceObject.constants.O_CREAT | external_node_fs_namespaceObject.constants.O_EXCL, 0o600);
    const child = lazyChildProcess().spawn(command, args, {
        detached: true,
        stdio: ['ignore', log, log]
    });
    const exited = new Promise((resolve) => {
        child.on('exit', (code) => resolve(code ?? 1));
        child.on('error', () => resolve(127));
    });
    child.unref();
    const pid = child.pid ?? 0;
    const startTime = readStat(pid)?.startTime;
    const record = { socket: listen, pid, ...(startTime ? { startTime } : {}) };
    const deadline = Date.now() + PROXY_START_TIMEOUT_MS;
    while (Date.now() < deadline) {
        const outcome = await Promise.race([
            exited.then((code) => ({ code })),
            ping({ host: 'localhost', port: 0, socketPath: listen }, 1000).then(() => 'ready', () => undefined)
        ]);
        if (outcome === 'ready')
            return record;
        if (outcome !== undefined) {
            throw new Error(proxyFailure(options, readTail(logFile)));
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
    }
    stopSocketProxy(record);
    throw new Error(proxyFailure(options, readTail(logFile)));
}
function readTail(file) {
    try {
        return (0,external_node_fs_namespaceObject.readFileSync)(file, 'utf8').trim().split('\n').slice(-10).join('\n');
    }
    catch {
        return '';
    }
}
function proxyFailure(options, log) {
    const sudo = /password is required|sudo: |not in the sudoers/i.test(log);
    return [
        `socket-proxy: could not serve ${options.target} to this user` +
            (sudo
                ? ': it needs passwordless sudo (as the runner user of GitHub-hosted runners has), and sudo refused.'
                : '.'),
        log ? `Proxy log:\n${log}` : '',
        'Other ways out: run the runner as a member of the socket’s group, or as root.'
    ]
        .filter(Boolean)
        .join('\n');
}
/**
 * Stops a proxy: deletes its socket (it exits within a second) and signals
 * it if we may and the pid is still the proxy's: a proxy that is gone may
 * have left its pid to any other process by now (pids wrap around at
 * 32768 on many machines), which SIGTERM would kill.
 */
function stopSocketProxy(record) {
    (0,external_node_fs_namespaceObject.rmSync)(record.socket, { force: true });
    const stat = readStat(record.pid);
    if (record.startTime && stat && stat.startTime === record.startTime) {
        try {
            process.kill(record.pid, 'SIGTERM');
        }
        catch {
            // Started through sudo: not ours to signal; the deleted socket stops it.
        }
    }
    return !(0,external_node_fs_namespaceObject.existsSync)(record.socket);
}

;// CONCATENATED MODULE: ./src/engine/dood/dood.ts





const PING_TIMEOUT_MS = 5000;
/** The `key=value` label of one run, as exported in DOCKER_NEST_LABEL. */
function runLabel(runId) {
    return `${LABELS.run}=${runId}`;
}
/** This user may not open the socket (`socket-proxy: true` can serve one it may). */
class SocketPermissionError extends Error {
    socket;
    constructor(socket, message) {
        super(message);
        this.socket = socket;
        this.name = 'SocketPermissionError';
    }
}
/** Finds and checks the socket; throws with the cause and the fix. */
async function startDood(socketInput, runId, deps) {
    const started = performance.now();
    const choice = resolveSocket(socketInput, deps.socketEnv);
    deps.logger.info(`Docker socket ${choice.path} (from ${choice.source})`);
    assertSocket(choice);
    const endpoint = {
        host: 'localhost',
        port: 0,
        socketPath: choice.path
    };
    try {
        await ping(endpoint, PING_TIMEOUT_MS);
    }
    catch (error) {
        throw explainPingFailure(choice.path, error);
    }
    const readyMs = Math.round(performance.now() - started);
    const [version, info] = await Promise.all([
        daemonVersion(endpoint),
        daemonInfo(endpoint)
    ]);
    deps.logger.info(`Docker ${version.Version} answers on ${choice.path} ` +
        `(storage driver ${info.Driver})`);
    return {
        mode: 'dood',
        socket: choice.path,
        dockerHost: `unix://${choice.path}`,
        serverVersion: version.Version,
        storageDriver: info.Driver,
        label: runLabel(runId),
        readyMs
    };
}
function explainPingFailure(path, error) {
    if (error.code === 'EACCES' || error.code === 'EPERM') {
        return new SocketPermissionError(path, permissionMessage(permissionFacts(path)));
    }
    if (error.code === 'ECONNREFUSED') {
        return new Error(`Nothing listens on the Docker socket ${path} (connection refused): ` +
            'the daemon is not running. Start it (sudo systemctl start docker) ' +
            "or point input 'socket' at a running daemon's socket.");
    }
    return new Error(`The Docker daemon on ${path} did not answer /_ping: ${error.message}. ` +
        'Check that dockerd is running and healthy (systemctl status docker).');
}
/** `GET /containers/{id}/json` over the socket (dood needs no docker CLI); undefined when unknown. */
async function inspectOverSocket(socket, id) {
    try {
        const endpoint = { host: 'localhost', port: 0, socketPath: socket };
        return JSON.parse(await getJsonOrText(endpoint, `/containers/${id}/json`, PING_TIMEOUT_MS));
    }
    catch {
        return undefined;
    }
}
/**
 * The bind-mount trap, said once: paths in `-v` resolve on the runner's host,
 * so in a container job the workspace's host path is what to mount.
 */
function bindMountNote(workspaceHostPath) {
    const base = 'dood: containers you start run on the runner’s daemon, next to this ' +
        'job, so bind-mount paths (-v ./dir:/x) resolve on the host, not in ' +
        'this step’s filesystem.';
    return workspaceHostPath
        ? `${base} This step runs in a container; the workspace is at ` +
            `${workspaceHostPath} on the host: mount that path.`
        : base;
}
/**
 * Removes the containers, then networks and volumes, carrying the run's
 * label — never anything else, never a prune — through the client for the
 * dood socket. Each kind is listed when its turn comes: removing a
 * container also removes its anonymous volumes.
 */
async function removeLabelled(runId, docker, logger) {
    const report = { removed: [], warnings: [] };
    const label = runLabel(runId);
    const kinds = [
        ['container', (id) => docker.removeContainer(id)],
        ['network', (id) => dood_removeNetwork(id, docker, logger)],
        ['volume', (name) => docker.removeVolume(name, { force: true })]
    ];
    for (const [kind, remove] of kinds) {
        let ids;
        try {
            ids = await docker.labelledIds(kind, label);
        }
        catch (error) {
            report.warnings.push(`Could not list ${kind}s labelled ${label}: ${errorText(error)}`);
            continue;
        }
        for (const id of ids) {
            const removed = await remove(id);
            if (removed.ok)
                report.removed.push(`${kind} ${id}`);
            else
                report.warnings.push(`Could not remove ${kind} ${id}: ${removed.error}`);
        }
    }
    for (const line of report.removed)
        logger.info(`Removed ${line}`);
    if (report.removed.length === 0) {
        logger.info(`No objects labelled ${label} to remove.`);
    }
    return report;
}
/** The daemon's refusal to remove a network something is still attached to. */
const ACTIVE_ENDPOINTS = /has active endpoints/;
/** How long a network with endpoints gets to free them: rare, so brief. */
const ENDPOINTS_WAIT = { timeoutMs: 2000, intervalMs: 200 };
/**
 * `network rm`, freeing what still holds an endpoint first when the daemon
 * refuses, and again while a container's removal is still releasing one.
 */
function dood_removeNetwork(network, docker, logger) {
    return retryWhileBusy(() => docker.removeNetwork(network), ACTIVE_ENDPOINTS, ENDPOINTS_WAIT, () => disconnectEndpoints(network, docker, logger));
}
/**
 * Detaches whatever still holds an endpoint on one of the run's networks, so
 * the network can go. After its labelled containers are removed that is
 * either a container the job left unlabelled on the run's network (it keeps
 * running, detached from it) or a stale endpoint of a container the daemon
 * already removed (moby/moby#23302, #33156; seen on 20.10 right after
 * `docker rm -f`). Both go with `network disconnect --force` given the
 * endpoint's name: a stale endpoint has no container id to give. A network
 * that cannot be read has nothing to detach here; its removal says why.
 */
async function disconnectEndpoints(network, docker, logger) {
    const names = await docker.networkEndpoints(network).catch(() => []);
    for (const name of names) {
        const result = await docker.disconnectNetwork(network, name);
        if (result.ok) {
            logger.info(`Disconnected ${name} from network ${network}: it still held an ` +
                'endpoint there, and the network is the run’s to remove.');
        }
    }
}
/**
 * dood, with `socket-proxy: true` honoured: when the socket refuses this
 * user, serve one they may use (through sudo) and use that instead.
 */
async function connectDood(options, runId, deps) {
    try {
        return await startDood(options.socket, runId, deps);
    }
    catch (error) {
        if (!(error instanceof SocketPermissionError) || !options.socketProxy) {
            throw error;
        }
        deps.logger.info(`socket-proxy: ${error.socket} refuses this user; serving a socket ` +
            'of its own that forwards to it (the host socket is not changed).');
        const proxy = await launchSocketProxy({
            target: error.socket,
            dir: deps.proxyDir,
            runId,
            node: process.execPath,
            cliPath: deps.cliPath,
            uid: process.getuid?.() ?? 0,
            gid: process.getgid?.() ?? 0
        });
        await deps.recordProxy(proxy);
        return startDood(proxy.socket, runId, deps);
    }
}

;// CONCATENATED MODULE: ./src/engine/cache/prune.ts
/**
 * `cache-max-size`: before a cached nest stops, shrink what its
 * daemon keeps to the limit, talking to the nest's own Engine API (never the
 * runner's daemon): build cache first (the cheapest to rebuild), then
 * dangling images, then unused images oldest first.
 */

/** Bytes the cache holds that pruning can act on: image layers plus build cache. */
function cacheUsage(df) {
    const build = (df.BuildCache ?? [])
        .filter((record) => !record.Shared)
        .reduce((sum, record) => sum + record.Size, 0);
    return (df.LayersSize ?? 0) + build;
}
/**
 * Images no container uses, oldest first, until removing them brings the
 * estimated usage to `maxBytes` (an image frees its size minus what it
 * shares with others). Pure.
 */
function imagesToRemove(df, maxBytes) {
    let usage = cacheUsage(df);
    const chosen = [];
    const unused = (df.Images ?? [])
        .filter((image) => image.Containers <= 0)
        .sort((a, b) => a.Created - b.Created);
    for (const image of unused) {
        if (usage <= maxBytes)
            break;
        chosen.push(image.Id);
        usage -= Math.max(0, image.Size - Math.max(0, image.SharedSize));
    }
    return chosen;
}
/** 1536 → '1.5 KB' (decimal units, as docker prints). */
function formatBytes(bytes) {
    const units = ['B', 'KB', 'MB', 'GB', 'TB'];
    let value = bytes;
    let unit = 0;
    while (value >= 1000 && unit < units.length - 1) {
        value /= 1000;
        unit++;
    }
    return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}
const DF_TIMEOUT_MS = 60_000;
const PRUNE_TIMEOUT_MS = 120_000;
async function diskUsage(endpoint) {
    return JSON.parse(await getJsonOrText(endpoint, '/system/df', DF_TIMEOUT_MS));
}
async function post(endpoint, path) {
    return getJsonOrText(endpoint, path, PRUNE_TIMEOUT_MS, 'POST');
}
/** Prunes the nest at `endpoint` down to `maxBytes`; throws when the daemon does not answer. */
async function pruneToSize(endpoint, maxBytes) {
    let df = await diskUsage(endpoint);
    const before = cacheUsage(df);
    const report = { before, after: before, steps: [] };
    if (before <= maxBytes)
        return report;
    // keep-storage (API < 1.48) and reserved-space (1.48+) mean the same; a daemon ignores the other.
    const keep = Math.max(0, maxBytes - (df.LayersSize ?? 0));
    await post(endpoint, `/build/prune?keep-storage=${keep}&reserved-space=${keep}`);
    report.steps.push(`build cache pruned to ${formatBytes(keep)}`);
    df = await diskUsage(endpoint);
    if (cacheUsage(df) > maxBytes) {
        await post(endpoint, '/images/prune');
        report.steps.push('dangling images removed');
        df = await diskUsage(endpoint);
    }
    const images = cacheUsage(df) > maxBytes ? imagesToRemove(df, maxBytes) : [];
    let removed = 0;
    for (const id of images) {
        try {
            await getJsonOrText(endpoint, `/images/${encodeURIComponent(id)}`, PRUNE_TIMEOUT_MS, 'DELETE');
            removed++;
        }
        catch {
            // Referenced by several tags or by a child image: leave it.
        }
    }
    if (images.length > 0) {
        report.steps.push(`${removed} unused image(s) removed, oldest first`);
        df = await diskUsage(endpoint);
    }
    report.after = cacheUsage(df);
    return report;
}

;// CONCATENATED MODULE: ./src/engine/cache/teardown.ts
/**
 * Ends a cached nest: prune to `cache-max-size` through the nest's
 * own API, then stop dockerd in an orderly way so the data root on the cache
 * volume is consistent for the next job, then remove the container (which
 * releases the cache's lock). The volume stays.
 */





/**
 * How long dockerd gets to shut down after SIGTERM. It stops inner
 * containers (10 s each by default, in parallel) and flushes its stores;
 * idle it takes ~1.2 s. Bounded, so a wedged daemon cannot hold post up.
 */
const CACHE_STOP_GRACE_MS = 20_000;
/** The sidecar as the daemon describes it; undefined when it cannot be looked at. */
async function inspectSidecar(docker, name) {
    const found = await docker.findContainer(name).catch(() => undefined);
    if (!found)
        return undefined;
    const networks = Object.values(found.NetworkSettings.Networks ?? {});
    return {
        id: found.Id,
        running: found.State.Running,
        run: found.Config.Labels?.[LABELS.run] ?? '',
        ip: networks.map((n) => n.IPAddress).find((ip) => ip) ?? '',
        // DOCKER_TLS_CERTDIR is empty exactly when TLS is off (see plan.ts).
        tls: !(found.Config.Env ?? []).includes('DOCKER_TLS_CERTDIR=')
    };
}
async function endpointOf(sidecar, certDir) {
    if (!sidecar.ip)
        return undefined;
    if (!sidecar.tls) {
        return { host: sidecar.ip, port: DAEMON_PORT.plain };
    }
    if (!certDir)
        return undefined;
    const [ca, cert, key] = await Promise.all(['ca.pem', 'cert.pem', 'key.pem'].map((file) => lazyFsPromises().readFile((0,external_node_path_namespaceObject.join)(certDir, file), 'utf8')));
    // By IP from the runner, which the certificate names only on a job
    // network; the name `docker` it always carries.
    return {
        host: sidecar.ip,
        port: DAEMON_PORT.tls,
        tls: { ca, cert, key },
        serverName: 'docker'
    };
}
/**
 * Prunes, stops and removes the cached nest `resources` names; problems go
 * to `warnings`. Refuses a container of another run: the name is shared by
 * every job using the cache, and this job may never have held it.
 */
async function stopCachedNest(resources, docker, logger, report) {
    const name = resources.container;
    const cache = resources.cache;
    if (!name || !cache)
        return;
    const sidecar = await inspectSidecar(docker, name);
    if (!sidecar)
        return;
    if (sidecar.run !== resources.runId) {
        logger.info(`Container ${name} belongs to run ${sidecar.run || 'unknown'}, not this one; leaving it.`);
        return;
    }
    if (sidecar.running && cache.maxBytes !== undefined) {
        await prune(sidecar, resources, cache.maxBytes, logger, report);
    }
    if (sidecar.running) {
        const started = performance.now();
        await docker.kill(sidecar.id, 'TERM');
        const waited = await docker.waitStopped(sidecar.id, CACHE_STOP_GRACE_MS);
        const ms = Math.round(performance.now() - started);
        if (waited.ok)
            logger.info(`Daemon of cache '${cache.name}' stopped in ${ms} ms`);
        else
            report.warnings.push(`The daemon of cache '${cache.name}' did not stop within ` +
                `${CACHE_STOP_GRACE_MS / 1000} s; it was killed, and its next start recovers.`);
    }
    const removed = await docker.removeContainer(sidecar.id);
    if (removed.ok || isNoSuchObject(removed.error)) {
        report.removed.push(`container ${name} (cache '${cache.name}' kept)`);
    }
    else {
        report.warnings.push(`Could not remove container ${name}, so cache '${cache.name}' stays locked; remove it with: docker rm -f ${name}`);
    }
}
async function prune(sidecar, resources, maxBytes, logger, report) {
    try {
        const endpoint = await endpointOf(sidecar, resources.certDir);
        if (!endpoint)
            throw new Error('no address or certificates for the nest');
        const result = await pruneToSize(endpoint, maxBytes);
        logger.info(result.steps.length === 0
            ? `Cache '${resources.cache?.name}' holds ${formatBytes(result.before)}, within cache-max-size ${formatBytes(maxBytes)}.`
            : `Cache '${resources.cache?.name}': ${formatBytes(result.before)} → ` +
                `${formatBytes(result.after)} (cache-max-size ${formatBytes(maxBytes)}; ${result.steps.join(', ')}).`);
    }
    catch (error) {
        report.warnings.push(`Could not prune cache '${resources.cache?.name}' to cache-max-size: ${error.message}`);
    }
}

;// CONCATENATED MODULE: ./src/engine/lifecycle/teardown.ts
/**
 * Removes everything a {@link Resources} record names, in the right order,
 * tolerating anything already gone. Shared by the Action's post step and
 * `docker-nest down`. Never throws: problems come back as warnings.
 *
 * A record can be stale or tampered with, so a container or volume is
 * removed only if it carries this run's label (`docker-nest.run=<run id>`),
 * never a cache's volume, and a container by the id its label check saw.
 */






/**
 * How long dockerd gets after SIGTERM before the container is killed. An
 * orderly dockerd shutdown takes ~1.2 s even when idle, while everything of an
 * ephemeral nest is thrown away anyway; the short grace still gives inner
 * containers their SIGTERM, and keeps post under a second.
 */
const STOP_GRACE_MS = 300;
/** Removes container, volume and cert dir named in `resources`. */
async function teardown(resources, docker, logger) {
    const report = { removed: [], warnings: [], skipped: [] };
    // A cached nest is pruned over TLS first, so before its certificates go.
    if (resources.cache)
        await stopCachedNest(resources, docker, logger, report);
    const certs = removeCertDir(resources.certDir, report);
    // The volume is looked up alongside the container, not after it.
    const volume = resources.volume === undefined
        ? undefined
        : inspectOurs(docker, 'volume', resources.volume, resources.runId);
    if (resources.container && !resources.cache) {
        const container = await inspectOurs(docker, 'container', resources.container, resources.runId);
        await removeContainer(container, docker, report, logger);
    }
    if (volume)
        await removeVolume(await volume, docker, report, logger);
    await certs;
    for (const line of report.removed)
        logger.info(`Removed ${line}`);
    return report;
}
/**
 * Looks `name` up and decides whether it is this run's: only an object
 * labelled `docker-nest.run=<runId>` is, and never a cache (the cache
 * volume outlives every run and carries no run label).
 */
async function inspectOurs(docker, kind, name, runId) {
    let seen;
    try {
        if (kind === 'container') {
            const found = await docker.findContainer(name);
            seen = found && {
                ref: found.Id,
                running: found.State.Running,
                labels: found.Config.Labels
            };
        }
        else {
            const found = await docker.findVolume(name);
            seen = found && { ref: found.Name, running: false, labels: found.Labels };
        }
    }
    catch (error) {
        return { kind, name, running: false, error: errorText(error) };
    }
    if (!seen)
        return { kind, name, running: false };
    const { ref, running } = seen;
    const labels = seen.labels ?? {};
    const run = labels[LABELS.run];
    const cache = labels[CACHE_LABEL];
    const foreign = cache
        ? `it carries ${CACHE_LABEL}=${cache}, and a cache outlives every run`
        : run !== runId
            ? `it carries ${LABELS.run}=${run || '(none)'}, not this run's ${runId}`
            : undefined;
    return { kind, name, ref, running, foreign };
}
/** True when `found` is there and ours; otherwise says why it stays. */
function mayRemove(found, report, logger) {
    const { kind, name } = found;
    if (found.error) {
        report.warnings.push(`Could not check ${kind} ${name} (${found.error}); remove it with: ` +
            (kind === 'volume'
                ? `docker volume rm ${name}`
                : `docker rm -f -v ${name}`));
        return false;
    }
    if (found.foreign) {
        report.skipped.push(`${kind} ${name}`);
        logger.warning(`Leaving ${kind} ${name}: ${found.foreign}.`);
        return false;
    }
    return found.ref !== undefined;
}
async function removeContainer(found, docker, report, logger) {
    if (!mayRemove(found, report, logger) || !found.ref)
        return;
    // By id: the name could pass to another container while we work.
    const id = found.ref;
    // Like `docker stop`, but with a grace shorter than its 1 s granularity.
    if (found.running) {
        const term = await docker.kill(id, 'TERM');
        if (term.ok)
            await docker.waitStopped(id, STOP_GRACE_MS);
    }
    if (gone(await docker.removeContainer(id))) {
        report.removed.push(`container ${found.name}`);
    }
    else {
        report.warnings.push(`Could not remove container ${found.name}; remove it with: docker rm -f -v ${found.name}`);
    }
}
async function removeVolume(found, docker, report, logger) {
    if (!mayRemove(found, report, logger) || !found.ref)
        return;
    if (gone(await docker.removeVolume(found.ref, { force: true }))) {
        report.removed.push(`volume ${found.name}`);
    }
    else {
        report.warnings.push(`Could not remove volume ${found.name}; remove it with: docker volume rm ${found.name}`);
    }
}
/** Removed now, or gone already. */
function gone(outcome) {
    return outcome.ok || isNoSuchObject(outcome.error);
}
async function removeCertDir(certDir, report) {
    if (!certDir)
        return;
    try {
        // A symlink in its place is removed itself, never what it points to.
        await lazyFsPromises().rm(certDir, { recursive: true, force: true });
        report.removed.push(`certificates ${certDir}`);
    }
    catch (error) {
        report.warnings.push(`Could not delete ${certDir}: ${error.message}`);
    }
}

;// CONCATENATED MODULE: ./src/engine/lifecycle/down.ts
/**
 * Removing what {@link up} created: the one teardown sequence the Action's
 * post step and `docker-nest down` call. It never throws; what could not be
 * removed comes back as warnings for the caller to print.
 */




/**
 * Whether the nest itself is removed. An explicit `down` always removes it;
 * the post step leaves it with `cleanup: false`, for inspection.
 */
function removesNest(trigger, cleanup) {
    return trigger === 'down' || cleanup !== 'false';
}
/** Removes what `resources` names, following `cleanup`. */
async function down(resources, cleanup, trigger, ctx) {
    const report = {
        warnings: [],
        removed: true,
        containerWasGone: false
    };
    if (resources.mode === 'dood') {
        await downDood(resources, cleanup, trigger, ctx, report);
        return report;
    }
    if (!removesNest(trigger, cleanup)) {
        ctx.logger.info(`cleanup: false — leaving container ${resources.container ?? '-'}, ` +
            `volume ${resources.volume ?? '-'} and ${resources.certDir ?? 'no cert dir'} in place.`);
        report.removed = false;
        return report;
    }
    const docker = hostClient(resources.hostDocker, (m) => ctx.logger.debug(m));
    const result = await ctx.logger.group('Remove nest', () => teardown(resources, docker, ctx.logger));
    report.warnings.push(...result.warnings);
    const handled = [...result.removed, ...result.skipped];
    report.containerWasGone = !handled.some((line) => line.startsWith('container '));
    return report;
}
/**
 * dood created nothing on the runner's daemon but, maybe, a socket proxy;
 * with `cleanup: containers`, the objects carrying the run label go too.
 */
async function downDood(resources, cleanup, trigger, ctx, report) {
    try {
        if (cleanup === 'containers' && resources.socket) {
            // The dood socket as recorded at the start: the caller's env may
            // point elsewhere, at a nest of its own.
            const docker = hostClient({
                DOCKER_HOST: `unix://${resources.socket}`,
                DOCKER_TLS_VERIFY: null,
                DOCKER_CERT_PATH: null,
                DOCKER_CONTEXT: null
            }, (m) => ctx.logger.debug(m));
            const removed = await ctx.logger.group(`Remove objects labelled ${runLabel(resources.runId)}`, () => removeLabelled(resources.runId, docker, ctx.logger));
            report.warnings.push(...removed.warnings);
        }
        else if (trigger === 'post') {
            ctx.logger.info('dood: leaving the runner’s daemon as it is. To remove what this job ' +
                `started, label it with $DOCKER_NEST_LABEL (${runLabel(resources.runId)}) ` +
                'and set cleanup: containers.');
        }
        else {
            ctx.logger.info('dood: nothing else to remove (the machine’s own daemon).');
        }
    }
    finally {
        // After the labelled objects: with a proxy, they were reached through it.
        const proxy = resources.proxy;
        if (proxy && removesNest(trigger, cleanup)) {
            if (stopSocketProxy(proxy)) {
                ctx.logger.info(`Removed socket proxy ${proxy.socket}`);
            }
            else {
                report.warnings.push(`Could not remove the socket proxy ${proxy.socket}; delete it to stop the proxy.`);
            }
        }
    }
}

;// CONCATENATED MODULE: ./src/engine/lifecycle/resources.ts
/**
 * The record of everything a nest created, saved (Action state or CLI state
 * file) as soon as each thing exists, so teardown also cleans half-finished
 * starts. One JSON object under one key, checked when read back.
 */



/**
 * A run id as plan.ts makes it (`<prefix>-<random>`): it goes into label
 * filters and names, so nothing that could change their meaning.
 */
const RUN_ID = /^[A-Za-z0-9][A-Za-z0-9-]{0,99}$/;
/** The basename mkdtemp gives a client cert dir (tls.ts). */
const OUR_CERT_DIR = /^docker-nest-certs-[A-Za-z0-9_-]+$/;
/** Thrown when a saved record cannot be trusted. */
class ResourcesFormatError extends Error {
    constructor(message) {
        super(`docker-nest state is malformed: ${message}`);
        this.name = 'ResourcesFormatError';
    }
}
function optionalString(value, field, pattern) {
    if (value === undefined || value === null)
        return undefined;
    if (typeof value !== 'string' || (pattern && !pattern.test(value))) {
        throw new ResourcesFormatError(`field '${field}' has an unexpected value`);
    }
    return value;
}
function parseHostDocker(value) {
    if (typeof value !== 'object' || value === null) {
        throw new ResourcesFormatError("field 'hostDocker' is missing");
    }
    const host = {};
    for (const key of HOST_DOCKER_ENV_KEYS) {
        host[key] =
            optionalString(value[key], key) ?? null;
    }
    return host;
}
function optionalField(key, value) {
    return value === undefined ? {} : { [key]: value };
}
/**
 * True when `path` is an entry of `fileRoot` whose name matches `name`,
 * spelled the way main and `up` spell it: absolute, with no `.` or `..` to
 * hide another directory behind (`<root>/../../etc/docker-nest-certs-x`).
 */
function isDirectChild(path, fileRoot, name) {
    return ((0,external_node_path_namespaceObject.isAbsolute)(path) &&
        (0,external_node_path_namespaceObject.resolve)(path) === path &&
        (0,external_node_path_namespaceObject.dirname)(path) === (0,external_node_path_namespaceObject.resolve)(fileRoot) &&
        name.test((0,external_node_path_namespaceObject.basename)(path)));
}
function parseProxy(value, runId, fileRoot) {
    const proxy = value;
    // The only socket this run's proxy serves (socket-proxy.ts); teardown deletes it.
    const socket = optionalString(proxy?.socket, 'proxy.socket');
    if (socket !== undefined && socket !== proxySocketPath(fileRoot, runId)) {
        throw new ResourcesFormatError("field 'proxy.socket' has an unexpected value");
    }
    if (!socket || !Number.isInteger(proxy?.pid) || proxy?.pid <= 0) {
        throw new ResourcesFormatError("field 'proxy' has an unexpected value");
    }
    const startTime = optionalString(proxy?.startTime, 'proxy.startTime', /^[0-9]{1,20}$/);
    return {
        socket,
        pid: proxy?.pid,
        ...(startTime ? { startTime } : {})
    };
}
function parseCache(value) {
    if (value === undefined)
        return undefined;
    const cache = value;
    const name = optionalString(cache?.name, 'cache.name', /^[a-z0-9-]{1,40}$/);
    const maxBytes = cache?.maxBytes;
    if (!name ||
        (maxBytes !== undefined &&
            !(Number.isSafeInteger(maxBytes) && maxBytes > 0))) {
        throw new ResourcesFormatError("field 'cache' has an unexpected value");
    }
    return maxBytes === undefined
        ? { name }
        : { name, maxBytes: maxBytes };
}
/**
 * A cached nest's container, named after its cache (../cache/cache.ts):
 * shared by every run of that cache, so teardown checks its run label
 * (../cache/teardown.ts).
 */
const CACHE_CONTAINER = /^docker-nest-cache-[a-z0-9][a-z0-9.-]*$/;
/**
 * The names plan.ts gives this run's objects: `docker-nest-<suffix>` and
 * its `-data` volume, where the run id ends in `-<suffix>`; a cached nest's
 * container is named after its cache, and its volume (the cache) is kept,
 * so never recorded.
 */
function parseNames(data, runId, cache) {
    const suffix = runId.slice(runId.lastIndexOf('-') + 1);
    const container = optionalString(data.container, 'container');
    if (container !== undefined &&
        !(cache
            ? CACHE_CONTAINER.test(container)
            : container === `docker-nest-${suffix}`)) {
        throw new ResourcesFormatError("field 'container' has an unexpected value");
    }
    const volume = optionalString(data.volume, 'volume');
    if (volume !== undefined &&
        (cache || volume !== `docker-nest-${suffix}-data`)) {
        throw new ResourcesFormatError("field 'volume' has an unexpected value");
    }
    return { container, volume };
}
/**
 * Parses and checks a saved record: names must be this run's own, and
 * files (cert dir, proxy socket) direct children of `fileRoot`, where main
 * and `up` make them (RUNNER_TEMP, or the CLI's state dir). Teardown deletes
 * and removes what the record names, so a record that names anything else
 * is refused as a whole.
 */
function parseResources(json, fileRoot) {
    let data;
    try {
        data = JSON.parse(json);
    }
    catch {
        throw new ResourcesFormatError('not JSON');
    }
    if (typeof data !== 'object' || data === null || data.version !== 1) {
        throw new ResourcesFormatError('unknown version');
    }
    const runId = optionalString(data.runId, 'runId');
    if (!runId)
        throw new ResourcesFormatError("field 'runId' is missing");
    if (!RUN_ID.test(runId)) {
        throw new ResourcesFormatError("field 'runId' has an unexpected value");
    }
    if (data.mode !== undefined && data.mode !== 'dood') {
        throw new ResourcesFormatError("field 'mode' has an unexpected value");
    }
    const certDir = optionalString(data.certDir, 'certDir');
    if (certDir && !isDirectChild(certDir, fileRoot, OUR_CERT_DIR)) {
        throw new ResourcesFormatError("field 'certDir' has an unexpected value");
    }
    const cache = parseCache(data.cache);
    return {
        version: 1,
        runId,
        hostDocker: parseHostDocker(data.hostDocker),
        ...(data.mode === 'dood' ? { mode: 'dood' } : {}),
        ...optionalField('socket', optionalString(data.socket, 'socket', /^\//)),
        ...(data.proxy === undefined
            ? {}
            : { proxy: parseProxy(data.proxy, runId, fileRoot) }),
        ...parseNames(data, runId, cache),
        certDir,
        ...(cache ? { cache } : {})
    };
}
/** Serialises a record. */
function serializeResources(resources) {
    return JSON.stringify(resources);
}

;// CONCATENATED MODULE: ./src/cli/state-file.ts
/**
 * Where the CLI keeps a nest's resource record between `up` and `down`.
 * Written atomically after each change, like the Action's post state.
 *
 * The state dir holds the record and the client keys, and teardown deletes
 * what the record names, so it must be this user's own: a directory that is
 * a symlink, someone else's or writable by others is refused, and files are
 * written through a fresh temp file that never follows a planted symlink.
 */





const STATE_FILE = 'nest.json';
/**
 * --state-dir, then DOCKER_NEST_STATE_DIR, then XDG_STATE_HOME, then
 * ~/.local/state; absolute, since the record names files in it.
 */
function resolveStateDir(flag) {
    if (flag)
        return (0,external_node_path_namespaceObject.resolve)(flag);
    if (process.env.DOCKER_NEST_STATE_DIR)
        return (0,external_node_path_namespaceObject.resolve)(process.env.DOCKER_NEST_STATE_DIR);
    const base = process.env.XDG_STATE_HOME || (0,external_node_path_namespaceObject.join)((0,external_node_os_namespaceObject.homedir)(), '.local', 'state');
    return (0,external_node_path_namespaceObject.resolve)(base, 'docker-nest');
}
/** The state file of the nest in `stateDir`. */
function stateFilePath(stateDir) {
    return (0,external_node_path_namespaceObject.join)(stateDir, STATE_FILE);
}
/** Thrown when the state dir is not this user's private directory. */
class StateDirError extends Error {
    constructor(stateDir, problem) {
        super(`State dir ${stateDir} ${problem}. docker-nest keeps the nest's record ` +
            'and client keys there, so it must be a directory of your own that ' +
            'only you can write: pass one with --state-dir (or ' +
            'DOCKER_NEST_STATE_DIR), e.g. the default ~/.local/state/docker-nest.');
        this.name = 'StateDirError';
    }
}
/**
 * Checks that `stateDir` is a real directory (not a symlink), owned by this
 * user and not writable by others. Throws ENOENT when it does not exist.
 */
function checkStateDir(stateDir) {
    const stat = (0,external_node_fs_namespaceObject.lstatSync)(stateDir);
    if (stat.isSymbolicLink()) {
        throw new StateDirError(stateDir, 'is a symbolic link');
    }
    if (!stat.isDirectory())
        throw new StateDirError(stateDir, 'is not a directory');
    const uid = process.getuid?.();
    if (uid !== undefined && stat.uid !== uid) {
        throw new StateDirError(stateDir, `belongs to uid ${stat.uid}, not to this user (uid ${uid})`);
    }
    if ((stat.mode & 0o002) !== 0) {
        throw new StateDirError(stateDir, `is writable by other users (mode ${(stat.mode & 0o7777).toString(8)})`);
    }
}
/** Creates `stateDir` (0700) unless it exists, then checks it. */
function ensureStateDir(stateDir) {
    (0,external_node_fs_namespaceObject.mkdirSync)(stateDir, { recursive: true, mode: 0o700 });
    checkStateDir(stateDir);
}
const NEW_FILE_FLAGS = external_node_fs_namespaceObject.constants.O_WRONLY |
    external_node_fs_namespaceObject.constants.O_CREAT |
    external_node_fs_namespaceObject.constants.O_EXCL |
    external_node_fs_namespaceObject.constants.O_NOFOLLOW;
/**
 * Writes `name` in the state dir atomically: into `<name>.tmp`, created
 * afresh (0600, never through a symlink or into a file already there), then
 * renamed over `name`, which replaces whatever entry had that name.
 */
function writeStateDirFile(stateDir, name, text) {
    ensureStateDir(stateDir);
    const file = (0,external_node_path_namespaceObject.join)(stateDir, name);
    const tmp = `${file}.tmp`;
    // A leftover from a writer that was killed: in a private dir, only ours.
    (0,external_node_fs_namespaceObject.rmSync)(tmp, { force: true });
    const fd = (0,external_node_fs_namespaceObject.openSync)(tmp, NEW_FILE_FLAGS, 0o600);
    try {
        (0,external_node_fs_namespaceObject.writeFileSync)(fd, text);
    }
    catch (error) {
        (0,external_node_fs_namespaceObject.closeSync)(fd);
        (0,external_node_fs_namespaceObject.rmSync)(tmp, { force: true });
        throw error;
    }
    (0,external_node_fs_namespaceObject.closeSync)(fd);
    (0,external_node_fs_namespaceObject.renameSync)(tmp, file);
}
/** A recorder that rewrites the state file (0600, in a private dir) on every change. */
function fileRecorder(stateDir) {
    return {
        record(resources) {
            writeStateDirFile(stateDir, STATE_FILE, serializeResources(resources));
        }
    };
}
/**
 * The saved record, or undefined when there is no state file. Throws when
 * the state dir is not private or the record not this nest's (see
 * parseResources: its files must be directly in the state dir).
 */
async function readStateFile(stateDir) {
    try {
        checkStateDir(stateDir);
        return parseResources(await (0,promises_namespaceObject.readFile)(stateFilePath(stateDir), 'utf8'), stateDir);
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return undefined;
        throw error;
    }
}
/** Deletes the state file once its nest is gone. */
async function removeStateFile(stateDir) {
    await (0,promises_namespaceObject.rm)(stateFilePath(stateDir), { force: true });
}

;// CONCATENATED MODULE: ./src/cli/nest-file.ts
/**
 * What `up` tells later commands about the running nest (`env`, `status`):
 * its client variables, mode and container, kept next to the resource
 * record in the state dir.
 */



const NEST_FILE = 'env.json';
/** Writes the nest file (0600) atomically, in the checked state dir. */
function writeNestFile(stateDir, nest) {
    writeStateDirFile(stateDir, NEST_FILE, `${JSON.stringify(nest)}\n`);
}
/** The nest file, or undefined when there is none. */
async function readNestFile(stateDir) {
    let text;
    try {
        text = await (0,promises_namespaceObject.readFile)((0,external_node_path_namespaceObject.join)(stateDir, NEST_FILE), 'utf8');
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return undefined;
        throw error;
    }
    const data = JSON.parse(text);
    const env = data.env;
    if (typeof data.container !== 'string' ||
        typeof env !== 'object' ||
        env === null ||
        !Object.values(env).every((v) => typeof v === 'string')) {
        throw new Error(`${(0,external_node_path_namespaceObject.join)(stateDir, NEST_FILE)} is malformed; run 'docker-nest down' and 'up' again`);
    }
    return data;
}
/** Deletes the nest file. */
async function removeNestFile(stateDir) {
    await (0,promises_namespaceObject.rm)((0,external_node_path_namespaceObject.join)(stateDir, NEST_FILE), { force: true });
}

;// CONCATENATED MODULE: ./src/cli/commands/common.ts


/** --state-dir, shared by the commands that read or write the nest's record. */
const STATE_DIR_OPTION = {
    'state-dir': {
        type: 'string',
        placeholder: 'DIR',
        complete: 'dir',
        help: "where the nest's record lives (default $DOCKER_NEST_STATE_DIR or ~/.local/state/docker-nest)"
    }
};
/** The state dir from the flag, env or default. */
function stateDirOf(flag) {
    return resolveStateDir(flag);
}
/**
 * A docker CLI for the runner's own daemon. A DOCKER_HOST that points at a
 * nest (a shell that ran `eval "$(docker-nest up)"`) is not the runner's
 * daemon, so `hostDocker` from a saved record wins when there is one.
 */
function hostDockerCli(logger, saved) {
    const host = saved ?? captureHostDockerEnv();
    return saved
        ? new DockerCli(findOnPath('docker') ?? 'docker', host, (m) => logger.debug(m))
        : DockerCli.locate(host, (m) => logger.debug(m));
}

;// CONCATENATED MODULE: ./src/cli/commands/down.ts
/** `docker-nest down`: remove the nest `up` started. */





const down_down = {
    name: 'down',
    summary: "remove the nest 'up' started (container, volume, certificates); a no-op when there is none",
    options: { ...STATE_DIR_OPTION },
    async run({ stateDir: flag, logger }) {
        const stateDir = stateDirOf(flag);
        const resources = await readStateFile(stateDir);
        if (!resources) {
            logger.info(`No nest is up (no ${stateFilePath(stateDir)}); nothing to remove.`);
            return EXIT.ok;
        }
        const report = await down(resources, 'true', 'down', {
            logger
        });
        // Objects of another run the record names were left with a warning;
        // nothing of this nest's stays, so the record goes.
        for (const warning of report.warnings)
            logger.warning(warning);
        if (report.warnings.length > 0)
            return EXIT.failed;
        if (resources.mode !== 'dood' && report.containerWasGone) {
            logger.info(`The nest's container (${resources.container ?? 'not started'}) was already gone.`);
        }
        await removeNestFile(stateDir);
        await removeStateFile(stateDir);
        return EXIT.ok;
    }
};

;// CONCATENATED MODULE: ./src/cli/shell.ts
/** Output formats for the variables of a nest (`up`, `env`). */
/** Quotes a value for POSIX sh. */
function shellQuote(value) {
    return `'${value.replace(/'/g, `'\\''`)}'`;
}
/** `export NAME='value'` lines; an empty value is exported empty, which clears a stale one. */
function exportLines(vars) {
    return Object.entries(vars)
        .map(([name, value]) => `export ${name}=${shellQuote(value)}`)
        .join('\n');
}
/** The formats `--format` accepts. */
const ENV_FORMATS = ['sh', 'fish', 'dotenv', 'json', 'github'];
/** True when `value` is one of {@link ENV_FORMATS}. */
function isEnvFormat(value) {
    return ENV_FORMATS.includes(value);
}
function fishQuote(value) {
    return `'${value.replace(/[\\']/g, (c) => `\\${c}`)}'`;
}
function dotenvValue(value) {
    return /^[A-Za-z0-9_./:@+-]*$/.test(value)
        ? value
        : `"${value.replace(/[\\"$`]/g, (c) => `\\${c}`)}"`;
}
/**
 * The variables in one format: sh (`eval`), fish (`| source`), dotenv
 * (docker compose `--env-file`, Jenkins), json, github (append to
 * $GITHUB_ENV). No trailing newline.
 */
function formatEnv(vars, format) {
    const entries = Object.entries(vars);
    for (const [name, value] of entries) {
        if (/[\n\r]/.test(value)) {
            throw new Error(`${name} contains a line break; it cannot be printed as ${format}`);
        }
    }
    switch (format) {
        case 'sh':
            return exportLines(vars);
        case 'fish':
            return entries.map(([n, v]) => `set -gx ${n} ${fishQuote(v)}`).join('\n');
        case 'dotenv':
            return entries.map(([n, v]) => `${n}=${dotenvValue(v)}`).join('\n');
        case 'json':
            return JSON.stringify(vars, null, 2);
        case 'github':
            return entries.map(([n, v]) => `${n}=${v}`).join('\n');
    }
}
/**
 * What a failed `up` or `env` prints on stdout, so `eval "$(docker-nest
 * up)"` and `docker-nest up --format fish | source` fail too: the shell
 * does not see the exit code of a command substitution, and with empty
 * output the eval succeeds and later docker commands reach the runner's own
 * daemon. sh: a subshell exits with the same code, which stops a `set -e`
 * script without ending an interactive shell (`return` would end an
 * interactive dash or zsh). fish: `false`, which `; or exit` sees.
 * Other formats get nothing: they are read by programs, not evaluated.
 */
function failureLine(format, command, exitCode) {
    const comment = `# docker-nest ${command} failed (exit ${exitCode})`;
    if (format === 'sh')
        return `(exit ${exitCode}) ${comment}`;
    if (format === 'fish')
        return `false ${comment}`;
    return undefined;
}

;// CONCATENATED MODULE: ./src/cli/input-docs.ts
// Generated from action.yml by scripts/cli-input-docs.mjs; do not edit.
/** action.yml's description of each input, for `docker-nest up --help`. */
const INPUT_DESCRIPTIONS = {
    mode: "How the job gets Docker: 'dind' starts a private daemon in a privileged sidecar; 'dood' uses the runner's daemon through its socket; 'auto' picks dind when a privileged container can start, else dood.",
    image: "What the nest runs. 'auto': the runner's own Docker engine (its dockerd, containerd and runc, mounted read-only: nothing to pull) when the runner has one, else docker:29-dind. 'runner': the runner's engine or fail saying why. Any other value is an image to pull and run, always honoured: the official docker:<major>-dind (pinned major) or any image with dockerd on PATH.",
    tls: "Mutual TLS on the daemon's port (true or false). With false the daemon answers without authentication on 127.0.0.1 only (the sidecar refuses other containers); in a container job, or rootless, every container on that network can reach it.",
    'wait-timeout': 'Seconds to wait for the daemon to answer before failing.',
    'dockerd-args': 'Extra dockerd flags, one per line (e.g. --debug). Flags docker-nest owns (--host, --tls*, --data-root, --mtu, --registry-mirror) are rejected.',
    'registry-mirrors': 'Registry mirror URLs for the inner daemon (comma or newline separated).',
    'insecure-registries': 'Registries (host[:port] or CIDR) the inner daemon may reach over plain HTTP.',
    mtu: "MTU of the inner networks: 'auto' takes the smaller of the runner's default-route MTU and the sidecar's eth0 MTU when it is below 1500, or a number. Applied to the default bridge (--mtu) and, on Docker 24+, to networks created in the nest (default-network-opts).",
    'tls-san': 'Extra names for the server certificate, typed: DNS:name or IP:address (comma or newline separated).',
    cleanup: 'What the post step removes: true (dind: the sidecar, its volume and the certificates; dood: nothing), false (nothing), or containers (also the containers, networks and volumes labelled with $DOCKER_NEST_LABEL).',
    socket: 'dood: path of the Docker socket. Default: DOCKER_HOST when it is unix://, else /var/run/docker.sock, else $XDG_RUNTIME_DIR/docker.sock.',
    'socket-proxy': "dood: when this user may not open the Docker socket, serve a socket of its own (mode 0600 in RUNNER_TEMP) that forwards to the real one, started with passwordless sudo and removed in post. The host socket's permissions are never changed (true or false).",
    'docker-cli-version': 'Docker CLI version to install from the static tarballs into the tool cache and PATH (e.g. 28.5.2). Default: use the CLI on PATH, and install one only when there is none.',
    'docker-cli-url': 'Base URL of the static CLI tarballs (<url>/<arch>/docker-<version>.tgz), for mirrors. Must be https, unless docker-cli-sha256 pins the tarball or the host is loopback (localhost, 127.0.0.0/8, [::1]).',
    'docker-cli-sha256': 'Expected sha256 of the CLI tarball; needs docker-cli-version. A tool-cache hit is used only if it was cached from this tarball and is unchanged, else it is downloaded again. Default: read <tarball>.sha256 next to it when the server has one.',
    'set-host': 'Export DOCKER_HOST, DOCKER_TLS_VERIFY and DOCKER_CERT_PATH to later steps (true or false). With false, later steps keep the Docker they had (unless input context makes this daemon current) and reach this one through the outputs docker-host, tls-verify and cert-path; outputs and post are unchanged.',
    context: "Name of a docker context to create (in $DOCKER_CONFIG, default ~/.docker) with the daemon's endpoint and TLS files, made the current context; post removes it and restores the previous one. Use it for buildx (docker buildx create <name>) and setup-buildx-action (endpoint: <name>). Empty: no context.",
    'testcontainers-host-override': "Export TESTCONTAINERS_HOST_OVERRIDE (dind: the sidecar's IP, where published ports of inner containers are), so Testcontainers reaches them. dood: nothing to override.",
    'daemon-config': 'JSON object written as the inner daemon\'s daemon.json (e.g. {"features": {"containerd-snapshotter": false}}). Keys docker-nest sets itself (hosts, tls*, data-root) and keys of inputs you also set (mtu, registry-mirrors, insecure-registries, default-address-pools) or of dockerd-args flags are rejected before anything starts.',
    'default-address-pools': 'Address pools for networks created in the nest, one per line or space separated, each base=<CIDR>,size=<prefix length> (e.g. base=10.201.0.0/16,size=24), to avoid corporate or VPN ranges.',
    runtime: "OCI runtime for the dind sidecar (docker run --runtime), e.g. sysbox-runc, which runs it without --privileged. Empty: the daemon's default runtime, privileged. Must be registered with the runner's Docker daemon ('docker-nest doctor' lists them).",
    rootless: "true: use the docker:<version>-dind-rootless contract (uid 1000, rootlesskit); the default image becomes docker:29-dind-rootless. Needs user namespaces on the host (see 'docker-nest doctor'). Runs --privileged, as the official docs do; unprivileged: the same without --privileged (only SYS_ADMIN, unconfined seccomp/AppArmor/system paths, /dev/net/tun). Does not combine with a sysbox runtime.",
    cache: "Name of a persistent cache for self-hosted runners: the daemon's data root (images, build cache) is the volume docker-nest-cache-<name>.<hash of its partition>, kept after the job and reused by the next job with the same name and partition (see cache-scope). Empty: a fresh daemon every job.",
    'cache-scope': "Which jobs share the cache: 'repository' (jobs of this repository, by GITHUB_REPOSITORY_ID or GitLab's CI_PROJECT_ID) or 'shared' (every repository on the runner's Docker daemon that names the cache). In both, pull-request and merge-request jobs get a cache of their own, so they never write what other jobs build from.",
    'cache-busy': "When another job is using the cache: 'fallback' (start with an empty data root and warn) or 'fail'.",
    'cache-max-size': "With cache: in post, prune the cached daemon's build cache and unused images down to this size (e.g. 10GB, 512MiB). Empty: no limit.",
    'fast-start': "Start containerd first in the sidecar and hand its socket to dockerd (about 1 s faster on Docker 26); on the official image the start script then does its entrypoint's steps and runs dockerd itself. Images without a containerd binary start the usual way; false always does.",
    'early-start': "Start the nest in the Action's pre step, in the background, while the job's first steps run; main then only waits for what is left. Main starts afresh when an input differs from pre's (inputs that use the steps context) and when the early start failed, saying why. Not available for uses: ./ (the runner runs no pre for local actions)."
};

;// CONCATENATED MODULE: ./src/cli/commands/up-options.ts
/**
 * The options of `up` (and `--format` of `env`): one flag per Action input,
 * derived from the inputs table in src/engine/options/config.ts, described with
 * action.yml's text (src/cli/input-docs.ts).
 */




/** Inputs that are lists: their flags may repeat. */
const LIST_INPUTS = [
    'dockerd-args',
    'registry-mirrors',
    'insecure-registries',
    'tls-san',
    'default-address-pools'
];
/**
 * Inputs that only make sense for the Action (or are not wired into the CLI
 * yet): post's cleanup policy, the docker CLI install through the Actions
 * tool cache, exporting DOCKER_HOST & co. to later steps (`up` prints them
 * and the shell decides), the client set-up that post undoes (docker
 * context, Testcontainers host), and the start in the Action's pre step.
 */
const ACTION_ONLY = [
    'cleanup',
    'docker-cli-version',
    'docker-cli-url',
    'docker-cli-sha256',
    'set-host',
    'context',
    'testcontainers-host-override',
    'early-start'
];
/** The Action inputs `up` takes as flags. */
const UP_INPUTS = Object.keys(INPUT_DEFAULTS).filter((name) => !ACTION_ONLY.includes(name));
/** Env var name for an input: DOCKER_NEST_WAIT_TIMEOUT for wait-timeout. */
function envNameFor(name) {
    return `DOCKER_NEST_${name.toUpperCase().replace(/-/g, '_')}`;
}
/** What the value of a string input looks like in `--name VALUE`; VALUE for the rest. */
const PLACEHOLDERS = {
    mode: 'MODE',
    image: 'IMAGE',
    'wait-timeout': 'SECONDS',
    'dockerd-args': 'FLAG',
    'registry-mirrors': 'URL',
    'insecure-registries': 'HOST',
    mtu: 'auto|N',
    'tls-san': 'SAN',
    socket: 'PATH',
    'daemon-config': 'JSON',
    'default-address-pools': 'POOL',
    runtime: 'NAME',
    cache: 'NAME',
    'cache-busy': 'fallback|fail',
    'cache-max-size': 'SIZE'
};
/** Values completion offers and the parser checks (config.ts checks the rest). */
const CHOICES = {
    mode: ['dind', 'dood', 'auto'],
    'cache-busy': ['fallback', 'fail']
};
/** Words a boolean input takes besides true and false. */
const EXTRA_VALUES = {
    rootless: ['unprivileged']
};
/** A boolean input: its default is true or false. */
function isBooleanInput(name) {
    const value = INPUT_DEFAULTS[name];
    return value === 'true' || value === 'false';
}
/** The help of one input's flag: action.yml's text, the default and the env var. */
function inputHelp(name) {
    const fallback = INPUT_DEFAULTS[name];
    const notes = [
        ...(fallback ? [`default ${fallback}`] : []),
        ...(LIST_INPUTS.includes(name) ? ['repeatable'] : []),
        `env ${envNameFor(name)}`
    ];
    const text = INPUT_DESCRIPTIONS[name] ?? '';
    return `${text}${text ? ' ' : ''}(${notes.join('; ')})`;
}
/** `up`'s flags, one per input in {@link UP_INPUTS}. */
const INPUT_OPTIONS = Object.fromEntries(UP_INPUTS.map((name) => [
    name,
    isBooleanInput(name)
        ? {
            type: 'boolean',
            negatable: true,
            extraValues: EXTRA_VALUES[name],
            help: inputHelp(name)
        }
        : {
            type: 'string',
            multiple: LIST_INPUTS.includes(name),
            placeholder: PLACEHOLDERS[name] ?? 'VALUE',
            choices: CHOICES[name],
            complete: name === 'socket' ? 'file' : undefined,
            help: inputHelp(name)
        }
]));
/** The inputs from the flags, else from DOCKER_NEST_* variables. */
function inputsFrom(values, env) {
    const inputs = {};
    for (const name of UP_INPUTS) {
        const value = values[name];
        const fromEnv = env[envNameFor(name)];
        if (value !== undefined)
            inputs[name] = Array.isArray(value) ? value.join('\n') : String(value);
        else if (fromEnv !== undefined)
            inputs[name] = fromEnv;
    }
    return inputs;
}
/** `--format`, shared with `env`. */
const FORMAT_OPTION = {
    format: {
        type: 'string',
        placeholder: 'FORMAT',
        choices: ENV_FORMATS,
        help: `output format: ${ENV_FORMATS.join(', ')} (default sh)`
    }
};
/** The --format value, checked. */
function envFormatOf(value, command) {
    const format = value ?? 'sh';
    if (!isEnvFormat(format)) {
        throw new UsageError(`Option '--format' must be one of ${ENV_FORMATS.join(', ')}, got '${format}'. Run 'docker-nest ${command} --help'.`);
    }
    return format;
}

;// CONCATENATED MODULE: ./src/cli/commands/env.ts
/** `docker-nest env`: print the running nest's variables again. */






const env = {
    name: 'env',
    summary: 'print the variables of the running nest (for another shell, compose or $GITHUB_ENV)',
    options: { ...FORMAT_OPTION, ...STATE_DIR_OPTION },
    notes: [
        'Examples:',
        '  eval "$(docker-nest env)"                 # sh, bash, zsh',
        '  docker-nest env --format fish | source    # fish',
        '  docker-nest env --format dotenv > .env    # docker compose --env-file, Jenkins',
        '  docker-nest env --format github >> "$GITHUB_ENV"'
    ].join('\n'),
    async run({ values, stateDir: flag, logger }) {
        const format = envFormatOf(values.format, 'env');
        const stateDir = stateDirOf(flag);
        const nest = await readNestFile(stateDir);
        const resources = await readStateFile(stateDir);
        if (!nest || !resources) {
            throw new Error(`No nest is up in ${stateDir}. Start one with: docker-nest up`);
        }
        const docker = hostDockerCli(logger, resources.hostDocker);
        const state = await docker.tryExec([
            'inspect',
            '--type',
            'container',
            '--format',
            '{{.State.Status}}',
            nest.container
        ]);
        if (state.stdout.trim() !== 'running') {
            throw new Error(`The nest's container ${nest.container} is ${state.exitCode === 0 ? state.stdout.trim() : 'gone'}. Run 'docker-nest down' and 'docker-nest up'.`);
        }
        process.stdout.write(`${formatEnv(nest.env, format)}\n`);
        return EXIT.ok;
    }
};

;// CONCATENATED MODULE: ./src/engine/reap/reap.ts
/**
 * Finds and removes abandoned nests: docker-nest containers and volumes whose
 * `docker-nest.expires` label has passed (a job that was killed before its
 * teardown), or every one of ours with `all`. Never touches objects without
 * the `docker-nest` label, and never a nest whose expiry is still ahead.
 */






/** Decides, without Docker, which objects go. Pure. */
function decideReap(objects, options) {
    return objects
        .filter((o) => !options.runPrefix || o.run.startsWith(options.runPrefix))
        .map((object) => ({ object, ...decideOne(object, options) }));
}
function decideOne(object, options) {
    // Caches are meant to persist; a stale lock is the container, reaped below.
    if (object.kind === 'volume' && object.cache) {
        const remove = `docker volume rm ${object.name}`;
        return {
            remove: false,
            reason: object.cacheScope
                ? `cache volume (kept; remove it with ${remove})`
                : 'unscoped cache volume of an older docker-nest, which this ' +
                    `version never uses (kept; remove it with ${remove} once no job ` +
                    'runs an older version)'
        };
    }
    if (options.all)
        return { remove: true, reason: '--all' };
    const owner = options.table && object.owner
        ? ownerState(object.owner, options.table)
        : 'unknown';
    if (owner === 'gone') {
        return { remove: true, reason: 'the job that started it has ended' };
    }
    const expires = Number(object.expires);
    if (object.expires === '' || !Number.isFinite(expires)) {
        return { remove: false, reason: 'no expiry label' };
    }
    const left = expires - options.nowSeconds;
    if (left > 0)
        return { remove: false, reason: `expires in ${formatSeconds(left)}` };
    // The expiry stands in for an owner nobody can check; a job that runs
    // longer than it (long self-hosted jobs do) keeps its nest.
    if (owner === 'alive') {
        return {
            remove: false,
            reason: `expired ${formatSeconds(-left)} ago, but the job that started it still runs`
        };
    }
    const grace = options.graceSeconds ?? 0;
    return -left < grace
        ? {
            remove: false,
            reason: `expired ${formatSeconds(-left)} ago, within the grace`
        }
        : { remove: true, reason: `expired ${formatSeconds(-left)} ago` };
}
/** 90 → "1m30s", 7200 → "2h0m". */
function formatSeconds(seconds) {
    const s = Math.max(0, Math.round(seconds));
    if (s < 60)
        return `${s}s`;
    if (s < 3600)
        return `${Math.floor(s / 60)}m${s % 60}s`;
    return `${Math.floor(s / 3600)}h${Math.floor((s % 3600) / 60)}m`;
}
/** The labels a reap decision reads. */
const KEYS = [
    LABELS.run,
    LABELS.expires,
    OWNER_LABEL,
    CACHE_LABEL,
    CACHE_SCOPE_LABEL
];
/** Every container and volume carrying the `docker-nest` label. */
async function listNestObjects(docker) {
    // Over the runner's plain socket the listing costs no process: reaping at
    // main start then takes nothing from the nest starting next to it.
    const { containers, volumes } = await docker.listLabelled(LABELS.managed, KEYS);
    return [
        ...containers.map((c) => ({
            kind: 'container',
            id: c.id.slice(0, 12),
            name: c.name,
            ...labelFields(c.labels)
        })),
        ...volumes.map((v) => ({
            kind: 'volume',
            name: v.name,
            ...labelFields(v.labels)
        }))
    ];
}
function labelFields(labels) {
    return {
        run: labels[LABELS.run] ?? '',
        expires: labels[LABELS.expires] ?? '',
        owner: labels[OWNER_LABEL] ?? '',
        cache: labels[CACHE_LABEL] ?? '',
        cacheScope: labels[CACHE_SCOPE_LABEL] ?? ''
    };
}
/**
 * How long a volume whose container another reaper is still removing is
 * tried again. Bounded at 1 s: main waits for its reaper before the step
 * ends, and the other reaper removes the volume next anyway.
 */
const OTHERS_VOLUME_WAIT = { timeoutMs: 1000, intervalMs: 200 };
/** `docker volume rm` refused because a container still uses the volume. */
const VOLUME_IN_USE = /volume is in use/i;
/** Docker's answer when another reaper removed, or is removing, the object. */
function removedByOthers(stderr) {
    return isNoSuchObject(stderr) || /already in progress/i.test(stderr);
}
/**
 * Removes what {@link decideReap} selects: containers first (so their volumes
 * are free), then volumes. With `dryRun` only decides.
 */
async function reapNests(docker, options) {
    const decisions = decideReap(await listNestObjects(docker), options);
    const report = { decisions, removed: [], failed: [], gone: [] };
    if (options.dryRun)
        return report;
    const chosen = decisions.filter((d) => d.remove).map((d) => d.object);
    Object.assign(report, await removeNestObjects(docker, chosen));
    return report;
}
/**
 * Removes the chosen objects: containers first (so their volumes are free),
 * then volumes. Objects another reaper removed, or is removing, count as
 * gone, not failed.
 */
async function removeNestObjects(docker, chosen) {
    const report = {
        removed: [],
        failed: [],
        gone: []
    };
    for (const kind of ['container', 'volume']) {
        await Promise.all(chosen
            .filter((o) => o.kind === kind)
            .map(async (object) => {
            const target = object.id ?? object.name;
            if (kind === 'container' && object.cache) {
                // A cache's daemon gets an orderly stop: its data root lives on.
                await docker.stop(target, 10);
            }
            const remove = () => kind === 'container'
                ? docker.removeContainer(target)
                : docker.removeVolume(object.name);
            // Another reaper (a concurrent job's main) may still be removing
            // the container that holds this volume: give it a moment, then
            // leave the volume to it, since it removes the volume next.
            const othersContainer = kind === 'volume' &&
                report.gone.some((o) => o.kind === 'container' && o.run === object.run);
            const result = othersContainer
                ? await whileInUse(remove)
                : await remove();
            if (result.ok)
                report.removed.push(object);
            else if (removedByOthers(result.error) ||
                (othersContainer && VOLUME_IN_USE.test(result.error)))
                report.gone.push(object);
            else
                report.failed.push({ object, error: result.error });
        }));
    }
    return report;
}
/** `remove`, tried again while the volume is in use; the last outcome. */
async function whileInUse(remove) {
    const waited = await waitFor(async () => {
        const outcome = await remove();
        if (VOLUME_IN_USE.test(outcome.error))
            throw outcome;
        return outcome;
    }, OTHERS_VOLUME_WAIT);
    return waited.status === 'ready'
        ? waited.value
        : waited.lastError;
}

;// CONCATENATED MODULE: ./src/cli/commands/reap.ts
/** `docker-nest reap`: remove abandoned nests (expired, or all of ours). */






const reap = {
    name: 'reap',
    summary: 'remove nests whose job has ended or whose docker-nest.expires label has passed (or all of ours with --all); never anything unlabelled, never a cache volume',
    options: {
        all: {
            type: 'boolean',
            help: 'remove every docker-nest container and volume, expired or not'
        },
        run: {
            type: 'string',
            placeholder: 'PREFIX',
            help: 'only nests whose docker-nest.run label starts with PREFIX'
        },
        'dry-run': { type: 'boolean', help: 'only say what would be removed' },
        ...STATE_DIR_OPTION
    },
    notes: 'Nests expire 6 hours after their start (the job limit of hosted runners). A nest whose job process (GitHub: Runner.Worker) has ended on this machine goes at once; that needs the same pid namespace and, with /proc hidepid, root. Cache volumes (docker-nest-cache-*) are kept.',
    async run({ values, stateDir: flag, logger }) {
        const saved = await readStateFile(stateDirOf(flag));
        const docker = runnerClient(hostDockerCli(logger, saved?.hostDocker), (m) => logger.debug(m));
        const dryRun = Boolean(values['dry-run']);
        const report = await reapNests(docker, {
            nowSeconds: Math.floor(Date.now() / 1000),
            all: Boolean(values.all),
            runPrefix: values.run,
            // Nests whose job process has provably ended go before their expiry.
            table: localProcessTable(),
            dryRun
        });
        for (const d of report.decisions) {
            const verb = d.remove ? (dryRun ? 'would remove' : 'remove') : 'keep';
            logger.debug(`${verb} ${d.object.kind} ${d.object.name} (run ${d.object.run || '-'}): ${d.reason}`);
        }
        if (dryRun) {
            for (const d of report.decisions.filter((x) => x.remove)) {
                logger.info(`Would remove ${d.object.kind} ${d.object.name} (${d.reason})`);
            }
        }
        for (const o of report.removed)
            logger.info(`Removed ${o.kind} ${o.name} (run ${o.run || '-'})`);
        for (const o of report.gone)
            logger.info(`${o.kind} ${o.name} was already gone (another reaper)`);
        for (const f of report.failed)
            logger.warning(`Could not remove ${f.object.kind} ${f.object.name}: ${f.error}`);
        const kept = report.decisions.filter((d) => !d.remove).length;
        const chosen = report.decisions.filter((d) => d.remove).length;
        logger.info(chosen === 0
            ? `Nothing to reap (${kept} docker-nest object${kept === 1 ? '' : 's'} still live).`
            : `${dryRun ? 'Would remove' : 'Removed'} ${dryRun ? chosen : report.removed.length} object(s); kept ${kept} live.`);
        return report.failed.length > 0 ? EXIT.failed : EXIT.ok;
    }
};

;// CONCATENATED MODULE: ./src/cli/commands/socket-proxy.ts
/**
 * `docker-nest socket-proxy` (internal): the forwarder behind the Action's
 * `socket-proxy: true`. Started by main, stopped by deleting its socket.
 */


function owner(value) {
    if (value === undefined)
        return undefined;
    const match = /^(\d+):(\d+)$/.exec(String(value));
    if (!match) {
        throw new UsageError(`Option '--owner' must be UID:GID, got '${String(value)}'.`);
    }
    return { uid: Number(match[1]), gid: Number(match[2]) };
}
const socketProxy = {
    name: 'socket-proxy',
    summary: 'internal: serve --listen (owned by --owner, 0600) forwarding to --target until the --listen file is deleted',
    options: {
        listen: { type: 'string', placeholder: 'PATH', help: 'socket to serve' },
        target: {
            type: 'string',
            placeholder: 'PATH',
            help: 'the real Docker socket'
        },
        owner: {
            type: 'string',
            placeholder: 'UID:GID',
            help: 'owner of the served socket'
        }
    },
    async run({ values, logger }) {
        const listen = values.listen;
        const target = values.target;
        if (!listen || !target) {
            throw new UsageError("socket-proxy needs '--listen' and '--target'.");
        }
        logger.info(`socket-proxy: serving ${listen} -> ${target}`);
        await serveSocketProxy({ listen, target, owner: owner(values.owner) });
        logger.info('socket-proxy: socket removed, stopping');
        return EXIT.ok;
    }
};

;// CONCATENATED MODULE: ./src/cli/commands/status.ts
/** `docker-nest status`: the nests on this daemon, from their labels. */





/** `127.0.0.1:49153->2376/tcp` → `tcp://127.0.0.1:49153 (TLS)`. */
function status_endpointOf(ports) {
    const m = /(\d+\.\d+\.\d+\.\d+|\[[^\]]+\]):(\d+)->(2375|2376)\/tcp/.exec(ports);
    if (!m)
        return '-';
    return `tcp://${m[1]}:${m[2]} (${m[3] === '2376' ? 'TLS' : 'plain'})`;
}
/** Parses docker ps rows (tab-separated, in {@link FORMAT} order). */
function parseStatusRows(text, nowSeconds, currentRun) {
    return text
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => {
        const [name, run = '', expires = '', state = '', created = '', ports = ''] = line.split('\t');
        const createdAt = Date.parse(created.replace(/ ([+-]\d{4}) \w+$/, '$1').replace(' ', 'T')) / 1000;
        const exp = Number(expires);
        return {
            name,
            run,
            state,
            ageSeconds: Number.isFinite(createdAt) ? nowSeconds - createdAt : NaN,
            expiresInSeconds: expires && Number.isFinite(exp) ? exp - nowSeconds : undefined,
            mode: 'dind',
            endpoint: status_endpointOf(ports),
            current: currentRun !== undefined && run === currentRun
        };
    });
}
const FORMAT = [
    '{{.Names}}',
    `{{.Label "${LABELS.run}"}}`,
    `{{.Label "${LABELS.expires}"}}`,
    '{{.State}}',
    '{{.CreatedAt}}',
    '{{.Ports}}'
].join('\t');
function table(rows) {
    const head = ['NAME', 'RUN', 'MODE', 'STATE', 'AGE', 'EXPIRES', 'ENDPOINT'];
    const body = rows.map((r) => [
        `${r.name}${r.current ? ' *' : ''}`,
        r.run,
        r.mode,
        r.state,
        Number.isFinite(r.ageSeconds) ? formatSeconds(r.ageSeconds) : '?',
        r.expiresInSeconds === undefined
            ? '-'
            : r.expiresInSeconds > 0
                ? `in ${formatSeconds(r.expiresInSeconds)}`
                : `${formatSeconds(-r.expiresInSeconds)} ago`,
        r.endpoint
    ]);
    const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
    return [head, ...body]
        .map((cols) => cols
        .map((c, i) => c.padEnd(widths[i]))
        .join('  ')
        .trimEnd())
        .join('\n');
}
const status_status = {
    name: 'status',
    summary: 'list the nests on this Docker daemon: age, mode, state, expiry, endpoint (* = this state dir)',
    options: {
        format: {
            type: 'string',
            placeholder: 'FORMAT',
            choices: ['table', 'json'],
            help: 'table or json (default table)'
        },
        ...STATE_DIR_OPTION
    },
    async run({ values, stateDir: flag, logger }) {
        const format = values.format ?? 'table';
        if (format !== 'table' && format !== 'json') {
            throw new UsageError(`Option '--format' must be table or json, got '${format}'. Run 'docker-nest status --help'.`);
        }
        const saved = await readStateFile(stateDirOf(flag));
        const docker = hostDockerCli(logger, saved?.hostDocker);
        const { stdout } = await docker.exec([
            'ps',
            '--all',
            '--filter',
            `label=${LABELS.managed}`,
            '--format',
            FORMAT
        ]);
        const rows = parseStatusRows(stdout, Date.now() / 1000, saved?.runId);
        if (format === 'json')
            process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
        else if (rows.length === 0)
            process.stdout.write('No nests on this daemon.\n');
        else
            process.stdout.write(`${table(rows)}\n`);
        return EXIT.ok;
    }
};

;// CONCATENATED MODULE: external "node:url"
const external_node_url_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");
;// CONCATENATED MODULE: ./src/engine/dind/container-job.ts
/**
 * Container jobs (`jobs.<id>.container`): the step runs inside a container
 * that talks to the host daemon through the mounted socket, so 127.0.0.1 is
 * not the host's. We find our own container (its id is in the paths of the
 * resolv.conf/hostname mounts, or in the cgroup), ask the daemon about it,
 * and put the sidecar on its network under the alias `docker`.
 */

const ID = /[0-9a-f]{64}/;
const BUILTIN_NETWORKS = ['bridge', 'host', 'none'];
/** Our container id from /proc/self/mountinfo or /proc/self/cgroup text; undefined outside a container. */
function ownContainerId(mountinfo, cgroup) {
    for (const line of mountinfo.split('\n')) {
        const match = /\/containers\/([0-9a-f]{64})\/(resolv\.conf|hostname|hosts)\s/.exec(line);
        if (match)
            return match[1];
    }
    for (const line of cgroup.split('\n')) {
        const match = /(?:\/docker\/|docker-)([0-9a-f]{64})/.exec(line);
        if (match && ID.test(match[1]))
            return match[1];
    }
    return undefined;
}
/** Small /proc files, read synchronously: no node:fs/promises before the create request. */
async function readOrEmpty(path) {
    try {
        return (0,external_node_fs_namespaceObject.readFileSync)(path, 'utf8');
    }
    catch {
        return '';
    }
}
/** Picks the network for the sidecar: a user-defined one first, else bridge; none for host. */
function chooseNetwork(inspect) {
    const names = Object.keys(inspect.NetworkSettings?.Networks ?? {});
    const user = names.find((name) => !BUILTIN_NETWORKS.includes(name));
    if (user)
        return { network: user, aliasResolves: true };
    if (names.includes('bridge'))
        return { network: 'bridge', aliasResolves: false };
    return { network: undefined, aliasResolves: false };
}
/**
 * The job container, or undefined when this step does not run in a
 * container the daemon knows (a plain job). Reads two small files; asks the
 * daemon only when an id was found.
 */
async function detectJobContainer(inspect, readProc = readOrEmpty) {
    const id = ownContainerId(await readProc('/proc/self/mountinfo'), await readProc('/proc/self/cgroup'));
    if (!id)
        return undefined;
    const found = await inspect(id);
    if (!found)
        return undefined;
    return { id: found.Id, mounts: found.Mounts ?? [], ...chooseNetwork(found) };
}
/** Where `path` (inside the job container) lives on the host, through the container's mounts. */
function hostPathOf(path, mounts) {
    const mount = mounts
        .filter((m) => path === m.Destination || path.startsWith(`${m.Destination}/`))
        .sort((a, b) => b.Destination.length - a.Destination.length)[0];
    return mount && `${mount.Source}${path.slice(mount.Destination.length)}`;
}

;// CONCATENATED MODULE: ./src/engine/errors.ts
/** Turns anything thrown into a message; non-Errors are stringified, never swallowed. */
function errorMessage(error) {
    if (error instanceof Error)
        return error.message;
    try {
        return typeof error === 'string' ? error : JSON.stringify(error);
    }
    catch {
        return String(error);
    }
}

;// CONCATENATED MODULE: ./src/engine/lifecycle/auto.ts
/**
 * `mode: auto`: dind when a privileged container can start on the runner's
 * daemon, else dood. The probe starts the dind image itself with `true`, so a
 * yes also means the image is there (pulled now, which dind needs anyway).
 */



/** Long enough to pull the dind image on a hosted runner; a refusal comes back at once. */
const PROBE_TIMEOUT_MS = 120_000;
/**
 * The probe's container: privileged (or isolated the way input `runtime`
 * isolates the sidecar), no network, removed on exit, labelled, running
 * only `true`. Named after its run id.
 */
function buildProbeRequest(image, runId, shape = {}) {
    return {
        name: runId,
        body: {
            Image: image,
            Entrypoint: ['true'],
            Cmd: [],
            Env: shape.env ?? [],
            Labels: { [LABELS.managed]: 'true', [LABELS.run]: runId },
            ExposedPorts: {},
            HostConfig: {
                ...(shape.isolation ?? isolationHostConfig(undefined)),
                AutoRemove: true,
                PortBindings: {},
                Mounts: (shape.binds ?? []).map((dir) => ({
                    Type: 'bind',
                    Source: dir,
                    Target: dir,
                    ReadOnly: true
                })),
                NetworkMode: 'none'
            }
        }
    };
}
/**
 * Reads a cached answer (`DOCKER_NEST_PRIVILEGED=true|false`, exported by an
 * earlier probe in this job); undefined when there is none.
 */
function cachedProbe(value) {
    if (value === 'true' || value === 'false') {
        return {
            privileged: value === 'true',
            reason: `cached answer of an earlier probe (DOCKER_NEST_PRIVILEGED=${value})`
        };
    }
    return undefined;
}
/**
 * Starts one privileged container and reports whether it worked. Started
 * is enough: `true` cannot fail once it runs, and the daemon removes the
 * container when it exits.
 */
async function probePrivileged(docker, image, runId, timeoutMs = PROBE_TIMEOUT_MS, shape = {}) {
    const started = performance.now();
    let failure;
    try {
        await docker.run(buildProbeRequest(image, runId, shape), { timeoutMs });
    }
    catch (error) {
        failure =
            error instanceof DockerCommandError
                ? `exit ${error.exitCode} after ${ms(started)} ms: ${lastLines(error.stderr)}`
                : `after ${ms(started)} ms: ${error.message}`;
    }
    if (failure === undefined) {
        return {
            privileged: true,
            reason: `a privileged container from ${image} started in ${ms(started)} ms`
        };
    }
    return {
        privileged: false,
        reason: `a privileged container from ${image} could not start (${failure})`
    };
}
function ms(started) {
    return Math.round(performance.now() - started);
}
/** The last three lines of `stderr` on one line. */
function lastLines(stderr) {
    return stderr.trim().split('\n').slice(-3).join(' ') || 'no error text';
}

;// CONCATENATED MODULE: ./src/engine/lifecycle/signal.ts
/** One-shot signal between two parts that must not wait for each other's code. */
function signal() {
    let fire = () => undefined;
    const fired = new Promise((resolve) => (fire = resolve));
    return { fired, fire };
}

;// CONCATENATED MODULE: ./src/engine/lifecycle/phase.ts
async function phase(logger, title, fn) {
    return logger.group(title, async () => {
        const started = performance.now();
        try {
            return await fn();
        }
        finally {
            logger.info(`${title}: ${Math.round(performance.now() - started)} ms`);
        }
    });
}

;// CONCATENATED MODULE: ./src/engine/docker/tar.ts
/**
 * A minimal ustar writer, enough to stream a few small files into a container
 * with `docker cp - <container>:/` (which, unlike a path copy, creates the
 * parent directories and lets us order entries: the ready-marker goes last).
 */
const BLOCK = 512;
function writeString(header, value, offset, length) {
    header.write(value, offset, Math.min(Buffer.byteLength(value), length), 'utf8');
}
function writeOctal(header, value, offset, length) {
    writeString(header, value.toString(8).padStart(length - 1, '0') + '\0', offset, length);
}
/** The ustar type flag: '2' symbolic link, '5' directory, '0' regular file. */
function typeFlag(entry) {
    if (entry.linkTarget !== undefined)
        return '2';
    return entry.content === undefined ? '5' : '0';
}
function headerFor(entry, size, mtime) {
    if (Buffer.byteLength(entry.path) > 100) {
        throw new Error(`tar: path too long for a ustar header: ${entry.path}`);
    }
    if (Buffer.byteLength(entry.linkTarget ?? '') > 100) {
        throw new Error(`tar: link target too long for a ustar header: ${entry.path}`);
    }
    const header = Buffer.alloc(BLOCK);
    writeString(header, entry.path, 0, 100);
    writeOctal(header, entry.mode, 100, 8);
    writeOctal(header, entry.uid ?? 0, 108, 8);
    writeOctal(header, entry.gid ?? 0, 116, 8);
    writeOctal(header, size, 124, 12);
    writeOctal(header, mtime, 136, 12);
    header.fill(' ', 148, 156); // checksum is computed with spaces here
    writeString(header, typeFlag(entry), 156, 1);
    writeString(header, entry.linkTarget ?? '', 157, 100);
    writeString(header, 'ustar\0' + '00', 257, 8);
    let sum = 0;
    for (const byte of header)
        sum += byte;
    writeString(header, sum.toString(8).padStart(6, '0') + '\0 ', 148, 8);
    return header;
}
/** Builds a tar archive from the entries, in order. */
function createTar(entries, mtime = Math.floor(Date.now() / 1000)) {
    const parts = [];
    for (const entry of entries) {
        const data = Buffer.from(entry.linkTarget === undefined ? (entry.content ?? '') : '', 'utf8');
        parts.push(headerFor(entry, data.length, mtime));
        if (data.length > 0) {
            parts.push(data, Buffer.alloc((BLOCK - (data.length % BLOCK)) % BLOCK));
        }
    }
    parts.push(Buffer.alloc(BLOCK * 2)); // end-of-archive marker
    return Buffer.concat(parts);
}

;// CONCATENATED MODULE: ./src/engine/dind/sidecar-access.ts




/** The sidecar on the runner's daemon, through {@link runnerClient}. */
function sidecarAccess(docker, debug = () => undefined, env = process.env) {
    return sidecarAccessVia(runnerClient(docker, debug, env));
}
/** The sidecar through `client`: its stdin and output where the client attaches. */
function sidecarAccessVia(client) {
    // By container name (a port retry creates the container again under the
    // same name).
    const attachments = new Map();
    const fetched = new Map();
    const detach = (name) => {
        void attachments.get(name)?.stream.then((stream) => stream.abort(), () => undefined);
        attachments.delete(name);
    };
    const { containerLog } = client;
    return {
        via: client.via,
        runDetached: async (request, options = {}) => {
            const log = new SidecarLog();
            try {
                await client.run(request, {
                    onCreating: options.onCreating,
                    onStarting: options.onStarting,
                    onRunOutput: options.onRunOutput,
                    // The start script reads the files from stdin only when told so.
                    ...(options.filesByStdin && {
                        attach: {
                            env: [`${STDIN_DELIVERY_ENV}=stdin`],
                            onOutput: (payload) => log.append(payload),
                            onAttach: (stream) => attachments.set(request.name, {
                                stream,
                                log,
                                filesPending: true
                            })
                        }
                    })
                });
            }
            catch (error) {
                detach(request.name);
                throw error;
            }
        },
        inspect: (name) => client.inspectContainer(name),
        copyIn: async (name, entries) => {
            const attachment = attachments.get(name);
            if (attachment?.filesPending) {
                // A failed attach surfaces here (the start script would wait on
                // stdin for ever).
                attachment.filesPending = false;
                await (await attachment.stream).send(encodeForStdin(entries));
                return;
            }
            await client.copyIn(name, createTar(entries));
        },
        stdinPending: (name) => attachments.get(name)?.filesPending === true,
        watchExit: (name) => client.watchExit(name),
        cheapLog: containerLog
            ? (name) => {
                const live = attachments.get(name)?.log;
                if (live?.complete)
                    return Promise.resolve(live.text);
                // Not attached, or attached too late for the first lines: asked once.
                let whole = fetched.get(name);
                if (!whole) {
                    whole = containerLog(name);
                    fetched.set(name, whole);
                }
                return whole;
            }
            : undefined,
        liveLog: (name) => attachments.get(name)?.log,
        detach
    };
}

;// CONCATENATED MODULE: ./src/engine/dind/fast-start-report.ts
/**
 * Shows at debug level what the start script decided about fast start
 * (containerd-first.ts): its `docker-nest: fast start …` lines, read from
 * the sidecar's log only where that costs no extra process.
 */

/** Prints the fast-start lines of the sidecar's log as debug lines; never throws. */
async function reportFastStart(access, plan, logger) {
    if (!access.cheapLog) {
        logger.debug(`dind.fastStart: ${plan.fastStart ? 'on' : 'off'}; whether it applied ` +
            `is in the sidecar's log (lines '${FAST_START_LOG_PREFIX} …')`);
        return;
    }
    try {
        const lines = fastStartLines(await access.cheapLog(plan.name));
        for (const line of lines)
            logger.debug(`dind.fastStart: ${line}`);
        if (lines.length === 0) {
            logger.debug('dind.fastStart: the start script logged no decision');
        }
    }
    catch (error) {
        logger.debug(`dind.fastStart: could not read the sidecar's log: ${error.message}`);
    }
}
/** The start script's fast-start lines of a container log. */
function fastStartLines(log) {
    return log
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line.startsWith(FAST_START_LOG_PREFIX));
}

;// CONCATENATED MODULE: ./src/engine/dind/rootless-diagnose.ts
/**
 * Log signatures of a rootless sidecar that did not start, and what
 * to do about each. The preflight messages are those of the official
 * dockerd-entrypoint.sh (its rootless checks,
 * https://github.com/docker-library/docker/blob/master/dockerd-entrypoint.sh);
 * the others come from rootlesskit, newuidmap and slirp4netns.
 * diagnose.ts checks these before its generic rules.
 */

const SYSCTL_HINT = 'Hosts where it is off need, as root on the runner: ';
/** Most specific first; the generic "not privileged" rule comes after these. */
const ROOTLESS_RULES = [
    {
        id: 'rootless-image',
        pattern: /missing 'rootlesskit'|rootless needs the docker:<version>-dind-rootless contract/i,
        message: 'rootless: true needs an image with the dind-rootless contract (uid ' +
            "1000, rootlesskit, dockerd-entrypoint.sh), e.g. 'docker:29-dind-rootless'. " +
            "Leave input 'image' empty to get it, or set rootless: false."
    },
    {
        id: 'rootless-subuid',
        pattern: /missing necessary entries in \/etc\/subuid/i,
        message: 'The image has no /etc/subuid and /etc/subgid entries for its user; ' +
            'the official dind-rootless image has them (rootless:100000:65536).'
    },
    {
        id: 'userns-clone',
        pattern: /kernel\.unprivileged_userns_clone/i,
        message: 'The host forbids unprivileged user namespaces. ' +
            SYSCTL_HINT +
            "'sysctl -w kernel.unprivileged_userns_clone=1' (Debian kernels ≤ 5.x); " +
            "'docker-nest doctor' shows the setting."
    },
    {
        id: 'max-user-namespaces',
        pattern: /user\.max_user_namespaces/i,
        message: 'User namespaces are disabled on the host (user.max_user_namespaces ' +
            'is 0). ' +
            SYSCTL_HINT +
            "'sysctl -w user.max_user_namespaces=15000'."
    },
    {
        id: 'apparmor-userns',
        pattern: /rootlesskit.*fork\/exec \/proc\/self\/exe: operation not permitted|apparmor_restrict_unprivileged_userns/i,
        message: 'AppArmor refuses unprivileged user namespaces (Ubuntu 23.10+/24.04: ' +
            'kernel.apparmor_restrict_unprivileged_userns=1). ' +
            SYSCTL_HINT +
            "'sysctl -w kernel.apparmor_restrict_unprivileged_userns=0', or an " +
            'AppArmor profile with "userns," for the runner; or use rootless: false.'
    },
    {
        id: 'newuidmap',
        pattern: /newuidmap|newgidmap|failed to setup UID\/GID map|uid_map.*(operation not permitted|permission denied)/i,
        message: 'rootlesskit could not map the user namespace (newuidmap/newgidmap). ' +
            'The sidecar needs --privileged (rootless: true) or at least ' +
            'CAP_SYS_ADMIN (rootless: unprivileged; a runner that drops it breaks ' +
            'this), and the image needs the setuid newuidmap/newgidmap of uidmap.'
    },
    {
        id: 'rootless-tun',
        pattern: /setting up tap|rootlesskit.*\/dev\/net\/tun/i,
        message: 'slirp4netns could not create its tap device: /dev/net/tun must exist ' +
            'on the runner and be usable by uid 1000 (mode 0666, the udev default; ' +
            "'chmod 0666 /dev/net/tun' as root if it is 0600)."
    },
    {
        id: 'rootless-certs',
        pattern: new RegExp([
            /open \/certs\/server\/[a-z]+\.pem: permission denied/.source,
            /cannot create directory '\/certs[^']*': Permission denied/.source,
            /\/certs\/[a-z/.]*: Permission denied/.source,
            NON_ROOT_MESSAGE
        ].join('|'), 'i'),
        message: 'The image runs as a non-root user (a dind-rootless image?) and cannot ' +
            'read the certificates docker-nest copied in. Set rootless: true for ' +
            'docker:<version>-dind-rootless images: the certificates are then ' +
            'owned by uid 1000.'
    }
];

;// CONCATENATED MODULE: ./src/engine/dind/diagnose.ts
/**
 * Explains a sidecar that did not become ready: the container's state, the
 * tail of its log, and a hint for each known cause found in that log: the
 * failures dind users meet most, by the lines dockerd and the start script
 * print for them.
 */


/** Lines of the container log shown on failure. */
const LOG_TAIL_LINES = 50;
const RULES = [
    // Rootless causes are more specific than "not privileged".
    ...ROOTLESS_RULES,
    {
        id: 'no-dockerd',
        // Only about dockerd itself: a healthy dockerd also logs
        // `exec: "fuse-overlayfs": executable file not found` while probing drivers.
        pattern: /dockerd: not found|exec: "?dockerd"?:|"dockerd": executable file not found/i,
        message: "The image has no dockerd on PATH. Use the official 'docker:<version>-dind' " +
            'image or an image that ships dockerd.'
    },
    {
        id: 'not-privileged',
        pattern: /mount: permission denied|are you root|you must be root|Could not mount \/sys\/kernel\/security|failed to mount overlay: operation not permitted|unable to apply caps|Operation not permitted.*(mount|cgroup)/i,
        message: 'The sidecar is not allowed to act as privileged. The runner must ' +
            'allow --privileged containers (GitLab: privileged = true; ' +
            'Kubernetes: securityContext.privileged), or use a runtime such as ' +
            'sysbox.'
    },
    {
        id: 'iptables-nat',
        pattern: /can't initialize iptables table|Table does not exist|TABLE_ADD failed|iptables failed|failed to create NAT chain/i,
        // iptables refused for lack of CAP_NET_ADMIN: not a backend problem.
        unless: /Permission denied \(you must be root\)/i,
        message: 'The inner daemon could not set up iptables NAT: the host kernel lacks the ' +
            'iptables backend the image chose. Set DOCKER_IPTABLES_LEGACY=1 (legacy) or ' +
            'use an image whose iptables matches the host (nf_tables), or pass ' +
            "'--iptables=false' in dockerd-args if inner containers need no NAT."
    },
    {
        id: 'overlay-einval',
        pattern: /failed to mount overlay: invalid argument|overlay.*invalid argument/i,
        message: 'overlay-on-overlay: /var/lib/docker is not on a real filesystem. ' +
            'docker-nest mounts a volume there; on Kubernetes use an emptyDir, or ' +
            "pass '--storage-driver=vfs' as a (slow) last resort."
    },
    {
        id: 'cgroup-nesting',
        pattern: /cannot enter cgroupv2|sed: write error|cgroup\.subtree_control|could not enable cgroup v2 nesting|Device or resource busy/i,
        message: 'cgroup v2 nesting failed. Use a current dind image (2025 or later) and ' +
            'make sure nothing runs `docker exec` in the sidecar while it starts.'
    },
    {
        id: 'tls-certificates',
        pattern: /v2i_GENERAL_NAME_ex|unable to get local issuer|verification failed|error loading|certificates never arrived|tls: /i,
        message: 'The TLS certificates were not accepted by the daemon. Check tls-san ' +
            'entries (typed DNS:/IP:) and that the image reads them from ' +
            '$DOCKER_TLS_CERTDIR/server.'
    },
    {
        id: 'stale-pidfile',
        pattern: /pid file found, ensure docker is not running|process with PID \d+ is still running/i,
        message: 'A stale dockerd pid file stopped the start. Use a fresh volume or an ' +
            'image whose entrypoint removes stale pid files.'
    },
    {
        id: 'slow-plain-tcp',
        pattern: /Startup is intentionally being slowed down/i,
        message: 'dockerd delays start by 15 s on a plain TCP listener without ' +
            '--tls=false; keep tls: true or let docker-nest pass --tls=false.'
    },
    {
        // Input daemon-config (daemon.json) that this dockerd refuses.
        id: 'daemon-config',
        pattern: /directives don't match any configuration option|specified both as a flag and in the configuration file|unable to configure the Docker daemon with file/i,
        message: "dockerd refused its daemon.json (input 'daemon-config'): a key this " +
            'Docker version does not know (misspelt, or added in a later ' +
            'version), a value of the wrong type, or a setting also passed in ' +
            "'dockerd-args'. " +
            'The log line above names it.'
    },
    {
        // Our containerd died after dockerd was handed its socket.
        id: 'fast-start',
        pattern: /fast start failed: containerd exited before it listened/,
        message: 'The containerd docker-nest started first (fast start) exited before ' +
            'it listened, so dockerd was stopped. Its own log lines above say why; ' +
            "set input 'fast-start: false' (CLI: --fast-start false) to let dockerd " +
            'start its own containerd.'
    },
    {
        id: 'vfs',
        pattern: /storage-driver=vfs|falling back to vfs|"vfs"/i,
        message: 'The inner daemon fell back to the vfs storage driver (slow, big). ' +
            'Mount a volume on /var/lib/docker.'
    }
];
/** Returns the hints whose signature appears in the log, most specific first. */
function classifyLog(log) {
    return RULES.filter((rule) => rule.pattern.test(log) && !rule.unless?.test(log)).map(({ id, message }) => ({
        id,
        message
    }));
}
/** Collects state, log tail and hints; never throws. */
async function diagnoseContainer(docker, name) {
    const [logs, info] = await Promise.all([
        // dockerd logs to stderr: the client puts that stream last, as it holds
        // the error. Logs that cannot be read show why.
        docker.logTail(name, LOG_TAIL_LINES).catch(errorText),
        docker.inspectContainer(name).catch(() => undefined)
    ]);
    const state = info
        ? describeState(info.State)
        : 'unknown (docker inspect failed)';
    const logTail = logs.trim().split('\n').slice(-LOG_TAIL_LINES).join('\n');
    return { state, logTail, hints: classifyLog(logTail) };
}
/** One line for a container state. */
function describeState(state) {
    if (state.Running)
        return 'running';
    const parts = [`${state.Status}, exit code ${state.ExitCode}`];
    if (state.OOMKilled)
        parts.push('killed: out of memory');
    if (state.Error)
        parts.push(state.Error);
    return parts.join('; ');
}
/** The sidecar did not become ready; the message carries the diagnosis. */
class DaemonStartError extends Error {
    diagnosis;
    constructor(summary, diagnosis) {
        super(formatDiagnosis(summary, diagnosis));
        this.diagnosis = diagnosis;
        this.name = 'DaemonStartError';
    }
}
/** Renders a diagnosis as the text users read in the log. */
function formatDiagnosis(summary, diagnosis) {
    const hints = diagnosis.hints.length > 0
        ? diagnosis.hints.map((hint) => `Hint: ${hint.message}`)
        : ['Hint: no known cause matched; see the log lines above.'];
    return [
        summary,
        `Container state: ${diagnosis.state}`,
        `Last ${LOG_TAIL_LINES} log lines of the sidecar:`,
        indent(diagnosis.logTail || '(empty)'),
        ...hints
    ].join('\n');
}
function indent(text) {
    return text
        .split('\n')
        .map((line) => `  ${line}`)
        .join('\n');
}

;// CONCATENATED MODULE: ./src/engine/docker/pull-progress.ts
/** How often the Action logs a progress line while the pull runs. */
const PULL_LOG_INTERVAL_MS = 5000;
/** How often a status line (CLI) is refreshed. */
const PULL_STATUS_INTERVAL_MS = 1000;
const LAYER_STATES = {
    'Pulling fs layer': 'queued',
    Waiting: 'queued',
    'Verifying Checksum': 'queued',
    'Download complete': 'downloaded',
    Extracting: 'downloaded',
    'Pull complete': 'done',
    'Already exists': 'done'
};
/** Reads one line of `docker pull` (or `docker run`) output; undefined when it says nothing about the pull. */
function parsePullLine(line) {
    const text = line.trim();
    if (/^Unable to find image .* locally$/.test(text))
        return { kind: 'start' };
    if (/^\S+: Pulling from \S+$/.test(text))
        return { kind: 'start' };
    if (/^Status: (Downloaded newer image|Image is up to date) for /.test(text)) {
        return { kind: 'end' };
    }
    const layer = /^([0-9a-f]{12}): (.+?)(?:\s+\[.*)?$/.exec(text);
    const state = layer && LAYER_STATES[layer[2]];
    return layer && state ? { kind: 'layer', id: layer[1], state } : undefined;
}
const RANK = { queued: 0, downloaded: 1, done: 2 };
/** Reports the pull of `image` found in the output written to it. */
function pullReporter(image, logger, now = Date.now) {
    const layers = new Map();
    let partial = '';
    let started;
    let lastLogged = 0;
    let finished = false;
    let timer;
    const seconds = () => Math.round((now() - (started ?? now())) / 1000);
    const count = (state) => [...layers.values()].filter((s) => RANK[s] >= RANK[state]).length;
    const describe = () => {
        const done = layers.size
            ? `${count('done')} of ${layers.size} layers` +
                (count('downloaded') > count('done')
                    ? ` (${count('downloaded')} downloaded)`
                    : '') +
                ', '
            : '';
        return `Pulling ${image}: ${done}${seconds()} s`;
    };
    const tick = () => {
        if (logger.status)
            logger.status(describe());
        else if (now() - lastLogged >= PULL_LOG_INTERVAL_MS) {
            lastLogged = now();
            logger.info(describe());
        }
    };
    const begin = () => {
        if (started !== undefined)
            return;
        started = now();
        lastLogged = started;
        logger.info(`Image ${image} is not on the runner; pulling it`);
        timer = setInterval(tick, logger.status ? PULL_STATUS_INTERVAL_MS : PULL_LOG_INTERVAL_MS);
        // A pull that hangs must not keep the process alive on its own.
        timer.unref();
    };
    const end = () => {
        if (!timer)
            return;
        clearInterval(timer);
        timer = undefined;
        logger.status?.(undefined);
    };
    const handle = (line) => {
        const event = parsePullLine(line);
        if (!event || finished)
            return;
        if (event.kind === 'start')
            return begin();
        begin();
        if (event.kind === 'layer') {
            const before = layers.get(event.id);
            if (!before || RANK[event.state] > RANK[before]) {
                layers.set(event.id, event.state);
            }
            logger.status?.(describe());
            return;
        }
        finished = true;
        end();
        logger.info(`Pulled ${image} in ${seconds()} s` +
            (layers.size ? ` (${layers.size} layers)` : ''));
    };
    return {
        write(chunk) {
            const lines = (partial + chunk).split(/\r?\n/);
            partial = lines.pop() ?? '';
            for (const line of lines)
                handle(line);
        },
        stop() {
            if (partial)
                handle(partial);
            partial = '';
            end();
        }
    };
}

;// CONCATENATED MODULE: ./src/engine/dind/sidecar.ts
/**
 * The sidecar container itself: its start (retried when its host port was
 * taken) and what a failed one means, its address read back, and the server
 * certificate handed in (sidecar-access.ts says how). dind.ts sequences
 * these.
 */










/** `docker run` attempts when the ephemeral host port was taken meanwhile. */
const RUN_ATTEMPTS = 3;
/**
 * What dockerd says when the host port it picked is not free after all: its
 * allocator raced another container, or a process outside Docker holds the
 * port (the userland proxy then cannot bind it).
 */
const PORT_TAKEN = /port is already allocated|address already in use/i;
/**
 * Creates and starts the sidecar (`runDetached`: sidecar-access.ts, by
 * default `docker run`), retried when the host port is taken: such a run
 * leaves a created-but-not-started container, which is removed (same name,
 * already recorded) before the next attempt lets dockerd pick another
 * ephemeral port. The volume is kept and reused. Errors are the
 * {@link DockerCommandError} `docker run` gives, whichever way it ran.
 */
async function runSidecar(docker, plan, logger, runDetached = (request) => docker.exec(run_args_runArgsFromCreate(request))) {
    for (let attempt = 1;; attempt++) {
        try {
            await runDetached(buildDindCreateRequest(plan));
            return;
        }
        catch (error) {
            if (plan.cache &&
                error instanceof DockerCommandError &&
                isNameConflict(error.stderr) &&
                attempt < RUN_ATTEMPTS) {
                // Another container holds the cache: break it if its job is gone, else CacheBusyError.
                const lock = { cache: plan.cache.name, container: plan.name };
                const note = await breakStaleLock(runnerClient(docker), lock, {
                    nowSeconds: Math.floor(Date.now() / 1000),
                    table: localProcessTable()
                });
                if (note)
                    logger.warning(note);
                continue;
            }
            const portTaken = error instanceof DockerCommandError && PORT_TAKEN.test(error.stderr);
            if (!portTaken || attempt >= RUN_ATTEMPTS)
                throw error;
            logger.info(`The host port Docker picked for ${plan.name} was taken meanwhile ` +
                `(attempt ${attempt} of ${RUN_ATTEMPTS}); retrying with a new container.`);
            if (!(await docker.tryRemoveContainer(plan.name)))
                throw error;
        }
    }
}
/** Turns a failed `docker run` into an error that says why and what to do. */
function explainRunFailure(plan, error) {
    if (!(error instanceof DockerCommandError))
        return error;
    const hints = classifyLog(error.stderr).map((hint) => `Hint: ${hint.message}`);
    if (/Unable to find image|pull access denied|manifest unknown|not found: manifest/i.test(error.stderr)) {
        hints.push(`Hint: image '${plan.image}' is not on the runner and could not be ` +
            'pulled. Check the name and tag, log in to its registry before this ' +
            "step, or set input 'image' to a mirror.");
    }
    if (/unable to resolve docker endpoint|Failed to initialize/i.test(error.stderr)) {
        hints.push("Hint: the docker CLI cannot reach the runner's daemon with this " +
            "job's client settings (DOCKER_HOST, DOCKER_TLS_VERIFY, " +
            'DOCKER_CERT_PATH, DOCKER_CONTEXT). docker-nest uses them as they ' +
            'are at this step; unset them for it, or set them only after it.');
    }
    return new Error([
        `Could not start the dind sidecar from image '${plan.image}'.`,
        error.message,
        ...hints
    ].join('\n'));
}
function containerIp(inspect) {
    const settings = inspect.NetworkSettings;
    const fromNetworks = Object.values(settings.Networks ?? {}).find((network) => network.IPAddress)?.IPAddress;
    const ip = settings.IPAddress || fromNetworks;
    if (!ip)
        throw new Error(`Container ${inspect.Name} has no IP address`);
    return ip;
}
function publishedPort(inspect, containerPort) {
    const bindings = inspect.NetworkSettings.Ports?.[`${containerPort}/tcp`] ?? [];
    const port = Number(bindings?.[0]?.HostPort);
    if (!port) {
        throw new Error(`Port ${containerPort} of container ${inspect.Name} was not published; ` +
            `docker inspect shows ${JSON.stringify(inspect.NetworkSettings.Ports)}`);
    }
    return port;
}
/**
 * Signs the server certificate for the plan's names (plus the running
 * container's IP and short id when given) and hands it in
 * (sidecar-access.ts says how); the marker goes last and releases the
 * start script.
 */
async function deliverServerCertificate(copyIn, plan, ca, running) {
    // issueServerCertificate drops repeated names itself.
    const server = await ca.issueServerCertificate({
        dns: [...plan.serverNames.dns, ...(running ? [running.shortId] : [])],
        ip: [...plan.serverNames.ip, ...(running ? [running.ip] : [])]
    });
    const base = CERT_DIR_IN_CONTAINER.replace(/^\//, '');
    // docker cp (without -a) keeps the tar's owners: uid 1000 for rootless.
    const owner = certOwnerFor(plan.rootless);
    const entries = [
        { path: `${base}/`, mode: 0o755 },
        { path: `${base}/server/`, mode: 0o700 },
        { path: `${base}/server/ca.pem`, mode: 0o644, content: ca.certPem },
        { path: `${base}/server/cert.pem`, mode: 0o644, content: server.certPem },
        { path: `${base}/server/key.pem`, mode: 0o600, content: server.keyPem },
        // daemon.json (input daemon-config) rides along, before the marker.
        ...daemonConfigEntries(plan.daemonConfig, false),
        { path: `${base}/${CERTS_READY_MARKER}`, mode: 0o644, content: '' }
    ].map((entry) => ({ ...entry, ...owner }));
    await copyIn(plan.name, entries);
}
/** Without TLS: daemon.json and its own ready-marker, the same way. */
async function deliverDaemonConfig(copyIn, plan) {
    await copyIn(plan.name, daemonConfigEntries(plan.daemonConfig, true));
}

;// CONCATENATED MODULE: ./src/engine/tls/der.ts
// The few ASN.1 DER encodings an X.509 v3 certificate needs (X.690 §8, §10
// and §11), written out here instead of loading an ASN.1 library: issuing
// the run's certificates happens while the sidecar starts, and a 700 KB
// library costs more CPU to load on a two-core runner than the signing
// itself. Every function returns one complete TLV as a Buffer.
/** Universal tag numbers (X.680 §8.6), and the constructed bit. */
const TAG = {
    boolean: 0x01,
    integer: 0x02,
    bitString: 0x03,
    octetString: 0x04,
    oid: 0x06,
    utf8String: 0x0c,
    ia5String: 0x16,
    utcTime: 0x17,
    generalizedTime: 0x18,
    sequence: 0x30,
    set: 0x31
};
const CONTEXT = 0x80;
const CONSTRUCTED = 0x20;
/** Definite length, short form below 128, else long form (X.690 §8.1.3). */
function encodeLength(length) {
    if (length < 0x80)
        return Buffer.from([length]);
    const bytes = [];
    for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) {
        bytes.unshift(rest & 0xff);
    }
    return Buffer.from([0x80 | bytes.length, ...bytes]);
}
/** One tag-length-value with a single-byte tag. */
function tlv(tag, value) {
    return Buffer.concat([Buffer.from([tag]), encodeLength(value.length), value]);
}
function sequence(...items) {
    return tlv(TAG.sequence, Buffer.concat(items));
}
/** A SET OF with one member (the only kind a Name's RDN needs here). */
function set(item) {
    return tlv(TAG.set, item);
}
function der_boolean(value) {
    return tlv(TAG.boolean, Buffer.from([value ? 0xff : 0x00]));
}
/**
 * A non-negative INTEGER from its big-endian magnitude: leading zero bytes
 * dropped, one 0x00 added when the top bit is set so it stays positive.
 */
function unsignedInteger(magnitude) {
    let start = 0;
    while (start < magnitude.length - 1 && magnitude[start] === 0)
        start++;
    const trimmed = Buffer.from(magnitude.subarray(start));
    const value = trimmed.length === 0
        ? Buffer.from([0])
        : trimmed[0] & 0x80
            ? Buffer.concat([Buffer.from([0]), trimmed])
            : trimmed;
    return tlv(TAG.integer, value);
}
function smallInteger(value) {
    if (!Number.isInteger(value) || value < 0 || value > 0x7fffffff) {
        throw new RangeError(`DER smallInteger out of range: ${value}`);
    }
    const bytes = Buffer.alloc(4);
    bytes.writeUInt32BE(value);
    return unsignedInteger(bytes);
}
/** BIT STRING whose content is whole bytes (a key, a signature). */
function bitString(bytes) {
    return tlv(TAG.bitString, Buffer.concat([Buffer.from([0]), bytes]));
}
/**
 * A named-bit BIT STRING (X.690 §11.2.2: trailing zero bits are not
 * encoded), e.g. KeyUsage. `bits` are bit numbers, 0 = most significant.
 */
function namedBits(bits) {
    const highest = Math.max(...bits);
    const bytes = Buffer.alloc(Math.floor(highest / 8) + 1);
    for (const bit of bits)
        bytes[bit >> 3] |= 0x80 >> (bit & 7);
    const unused = 7 - (highest & 7);
    return tlv(TAG.bitString, Buffer.concat([Buffer.from([unused]), bytes]));
}
function octetString(bytes) {
    return tlv(TAG.octetString, bytes);
}
/** OBJECT IDENTIFIER from dotted form (X.690 §8.19). */
function oid(dotted) {
    const arcs = dotted.split('.').map(Number);
    if (arcs.length < 2 || arcs.some((arc) => !Number.isSafeInteger(arc))) {
        throw new Error(`Invalid OID '${dotted}'`);
    }
    const body = [];
    for (const arc of [arcs[0] * 40 + arcs[1], ...arcs.slice(2)]) {
        const chunk = [arc & 0x7f];
        for (let rest = Math.floor(arc / 128); rest > 0; rest = Math.floor(rest / 128)) {
            chunk.unshift(0x80 | (rest & 0x7f));
        }
        body.push(...chunk);
    }
    return tlv(TAG.oid, Buffer.from(body));
}
function utf8String(text) {
    return tlv(TAG.utf8String, Buffer.from(text, 'utf8'));
}
/**
 * X.509 Time (RFC 5280 §4.1.2.5): UTCTime for 1950–2049, GeneralizedTime
 * otherwise, to the second, always in Z.
 */
function time(date) {
    const digits = date
        .toISOString()
        .replace(/\.\d{3}Z$/, 'Z')
        .replace(/[-:T]/g, '');
    const year = date.getUTCFullYear();
    return year >= 1950 && year < 2050
        ? tlv(TAG.utcTime, Buffer.from(digits.slice(2), 'ascii'))
        : tlv(TAG.generalizedTime, Buffer.from(digits, 'ascii'));
}
/** [n] EXPLICIT: a constructed context tag around one complete TLV. */
function explicit(tagNumber, inner) {
    return tlv(CONTEXT | CONSTRUCTED | tagNumber, inner);
}
/** [n] IMPLICIT on a primitive type: the raw content under a context tag. */
function implicit(tagNumber, content) {
    return tlv(CONTEXT | tagNumber, content);
}

;// CONCATENATED MODULE: ./src/engine/tls/tls.ts





const DEFAULT_VALIDITY_HOURS = 7 * 24;
// Backdate notBefore so a runner or daemon whose clock lags a little does
// not reject a certificate that is "not yet valid".
const CLOCK_SKEW_MS = 5 * 60 * 1000;
const CURVE = 'P-256';
const SIGNATURE_HASH = 'sha256';
const CERT_DIR_PREFIX = 'docker-nest-certs-';
/** Object identifiers used below (RFC 5280, RFC 5758). */
const OID = {
    ecdsaWithSha256: '1.2.840.10045.4.3.2',
    commonName: '2.5.4.3',
    subjectKeyIdentifier: '2.5.29.14',
    keyUsage: '2.5.29.15',
    subjectAltName: '2.5.29.17',
    basicConstraints: '2.5.29.19',
    authorityKeyIdentifier: '2.5.29.35',
    extKeyUsage: '2.5.29.37',
    serverAuth: '1.3.6.1.5.5.7.3.1',
    clientAuth: '1.3.6.1.5.5.7.3.2'
};
/** KeyUsage bit numbers (RFC 5280 §4.2.1.3). */
const KEY_USAGE = { digitalSignature: 0, keyCertSign: 5, cRLSign: 6 };
/** A fresh P-256 key pair. */
function newKeyPair() {
    return lazyCrypto().generateKeyPairSync('ec', { namedCurve: CURVE });
}
/** 16 random bytes, top bit cleared so the DER INTEGER is positive. */
function randomSerial() {
    const bytes = lazyCrypto().randomBytes(16);
    bytes[0] = (bytes[0] & 0x7f) | 0x01;
    return bytes;
}
/** The address as the iPAddress SAN wants it: 4 or 16 bytes. */
function ipBytes(ip) {
    if ((0,external_node_net_namespaceObject.isIPv4)(ip))
        return Buffer.from(ip.split('.').map(Number));
    // The WHATWG URL parser validates the IPv6 address (net.isIPv6 would too,
    // but compiling its pattern costs ~5 ms while the sidecar starts), writes
    // embedded IPv4 (::ffff:1.2.3.4) as hex groups and compresses once, which
    // leaves only `::` to expand. The constructor, not URL.parse: that one is
    // missing before Node 22.1 and 20.18.
    const canonical = ip.includes('%') ? undefined : canonicalIPv6(ip);
    if (canonical === undefined) {
        throw new Error(`Invalid IP address for the server certificate: '${ip}'.`);
    }
    const [head, tail] = canonical.split('::');
    const groups = (part) => (part ? part.split(':') : []);
    const left = groups(head);
    const right = groups(tail);
    const zeros = tail === undefined ? [] : Array(8 - left.length - right.length).fill('0');
    const bytes = Buffer.alloc(16);
    [...left, ...zeros, ...right].forEach((group, i) => bytes.writeUInt16BE(parseInt(group, 16), i * 2));
    return bytes;
}
/** `ip` written as the URL parser writes an IPv6 host, or undefined. */
function canonicalIPv6(ip) {
    try {
        return new URL(`http://[${ip}]/`).hostname.slice(1, -1);
    }
    catch {
        return undefined;
    }
}
function checkDnsName(name) {
    // dNSName is an IA5String; anything else would make the certificate
    // unusable rather than fail here with a clear message.
    if (!/^[\x21-\x7e]+$/.test(name)) {
        throw new Error(`Invalid DNS name for the server certificate: '${name}'.`);
    }
    return name.toLowerCase();
}
/** De-duplicated GeneralNames: dNSName [2] first, then iPAddress [7]. */
function generalNames(names) {
    const dns = [...new Set(names.dns.map(checkDnsName))];
    const ips = new Map(names.ip.map((ip) => {
        const bytes = ipBytes(ip);
        return [bytes.toString('hex'), bytes];
    }));
    if (dns.length + ips.size === 0) {
        throw new Error('The server certificate needs at least one DNS name or IP.');
    }
    return [
        ...dns.map((name) => implicit(2, Buffer.from(name, 'ascii'))),
        ...[...ips.values()].map((bytes) => implicit(7, bytes))
    ];
}
/** Name with a single commonName RDN. */
function tls_name(commonName) {
    return sequence(set(sequence(oid(OID.commonName), utf8String(commonName))));
}
function extension(id, critical, value) {
    return sequence(oid(id), ...(critical ? [der_boolean(true)] : []), octetString(value));
}
function toPem(label, body) {
    const base64 = Buffer.from(body).toString('base64');
    const lines = base64.match(/.{1,64}/g) ?? [];
    return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}
function publicKeyInfo(key) {
    // The uncompressed point (04 || x || y) is what subjectPublicKey holds.
    const { x, y } = key.export({ format: 'jwk' });
    const point = Buffer.concat([
        Buffer.of(4),
        Buffer.from(x ?? '', 'base64url'),
        Buffer.from(y ?? '', 'base64url')
    ]);
    return {
        spki: key.export({ type: 'spki', format: 'der' }),
        keyId: lazyCrypto().createHash('sha1').update(point).digest()
    };
}
/** Signs a TBSCertificate and returns the certificate as PEM. */
function signCertificate(fields, signingKey) {
    const algorithm = sequence(oid(OID.ecdsaWithSha256));
    const tbs = sequence(explicit(0, smallInteger(2)), // v3
    unsignedInteger(randomSerial()), algorithm, fields.issuer, fields.validity, fields.subject, fields.spki, explicit(3, sequence(...fields.extensions)));
    // dsaEncoding 'der': the Ecdsa-Sig-Value X.509 wants, not r||s.
    const signature = lazyCrypto().sign(SIGNATURE_HASH, tbs, {
        key: signingKey,
        dsaEncoding: 'der'
    });
    return toPem('CERTIFICATE', sequence(tbs, algorithm, bitString(signature)));
}
/**
 * A throw-away certificate authority for one run. Its private key is a
 * KeyObject in a #private field: no method returns or exports it, so only
 * certificates leave this object (and the key never reaches a file).
 */
class CertificateAuthority {
    /** The CA certificate, PEM; the trust anchor for both sides. */
    certPem;
    #name;
    #validity;
    #signingKey;
    #keyId;
    constructor(certPem, name, validity, signingKey, keyId) {
        this.certPem = certPem;
        this.#name = name;
        this.#validity = validity;
        this.#signingKey = signingKey;
        this.#keyId = keyId;
    }
    /** Creates a CA with a fresh key pair and a self-signed certificate. */
    static async create(options = {}) {
        const hours = options.validityHours ?? DEFAULT_VALIDITY_HOURS;
        if (!Number.isFinite(hours) || hours <= 0) {
            throw new RangeError(`validityHours must be positive, got ${hours}.`);
        }
        const now = options.now?.getTime() ?? Date.now();
        const keys = newKeyPair();
        const { spki, keyId } = publicKeyInfo(keys.publicKey);
        // A random tag in the name keeps two CAs apart in logs and trust stores.
        const tag = lazyCrypto().randomBytes(8);
        const caName = tls_name(`docker-nest CA ${tag.toString('hex')}`);
        const validity = sequence(time(new Date(now - CLOCK_SKEW_MS)), time(new Date(now + hours * 3600 * 1000)));
        const keyUsage = [
            KEY_USAGE.digitalSignature,
            KEY_USAGE.keyCertSign,
            KEY_USAGE.cRLSign
        ];
        const certPem = signCertificate({
            issuer: caName,
            subject: caName,
            validity,
            spki,
            extensions: [
                // CA:TRUE, pathlen 0: it signs leaves only.
                extension(OID.basicConstraints, true, sequence(der_boolean(true), smallInteger(0))),
                extension(OID.keyUsage, true, namedBits(keyUsage)),
                extension(OID.subjectKeyIdentifier, false, octetString(keyId))
            ]
        }, keys.privateKey);
        return new CertificateAuthority(certPem, caName, validity, keys.privateKey, keyId);
    }
    /** Issues dockerd's certificate (EKU serverAuth) for exactly these names. */
    async issueServerCertificate(names) {
        // async so that invalid names reject like every other failure here.
        return this.#issue({
            commonName: 'docker-nest server',
            extendedKeyUsage: OID.serverAuth,
            altNames: generalNames(names)
        });
    }
    /** Issues the Docker CLI's certificate (EKU clientAuth). */
    async issueClientCertificate() {
        return this.#issue({
            commonName: 'docker-nest client',
            extendedKeyUsage: OID.clientAuth
        });
    }
    #issue(profile) {
        const keys = newKeyPair();
        const { spki, keyId } = publicKeyInfo(keys.publicKey);
        const extensions = [
            // CA:FALSE is the default, so the sequence is empty (DER omits it).
            extension(OID.basicConstraints, true, sequence()),
            extension(OID.keyUsage, true, namedBits([KEY_USAGE.digitalSignature])),
            extension(OID.extKeyUsage, false, sequence(oid(profile.extendedKeyUsage))),
            extension(OID.authorityKeyIdentifier, false, sequence(implicit(0, this.#keyId))),
            extension(OID.subjectKeyIdentifier, false, octetString(keyId))
        ];
        if (profile.altNames) {
            extensions.push(extension(OID.subjectAltName, false, sequence(...profile.altNames)));
        }
        const certPem = signCertificate({
            // The CA's encoded name, so issuer and subject match byte for byte;
            // leaves share its window, so they can never outlive it.
            issuer: this.#name,
            subject: tls_name(profile.commonName),
            validity: this.#validity,
            spki,
            extensions
        }, this.#signingKey);
        const keyPem = keys.privateKey.export({ type: 'pkcs8', format: 'pem' });
        return { certPem, keyPem: String(keyPem) };
    }
}
function writeWithMode(path, data, mode) {
    // 'wx' refuses to follow a planted file or symlink; chmod afterwards
    // because the umask can narrow the mode given at creation.
    (0,external_node_fs_namespaceObject.writeFileSync)(path, data, { mode, flag: 'wx' });
    (0,external_node_fs_namespaceObject.chmodSync)(path, mode);
}
/**
 * Writes ca.pem, cert.pem and key.pem for the Docker CLI (DOCKER_CERT_PATH)
 * into a new directory under `parentDir`: the directory is 0700, key.pem
 * 0600 and the certificates 0644. A fresh directory per call keeps
 * concurrent daemons from overwriting each other's keys (docker/cli#6102).
 * `onCreated` gets the directory as soon as it exists (to record it).
 * @returns the path of the new directory.
 */
async function writeClientCertificates(parentDir, caPem, client, onCreated = () => undefined) {
    // Synchronous: a few small files, where the promise API would first load
    // node:fs/promises and hop to the thread pool for each call.
    const dir = (0,external_node_fs_namespaceObject.mkdtempSync)((0,external_node_path_namespaceObject.join)(parentDir, CERT_DIR_PREFIX));
    try {
        // Before any key is written, so a step killed from here on still has
        // the directory in its record and cleanup can delete it.
        await onCreated(dir);
        (0,external_node_fs_namespaceObject.chmodSync)(dir, 0o700);
        writeWithMode((0,external_node_path_namespaceObject.join)(dir, 'key.pem'), client.keyPem, 0o600);
        writeWithMode((0,external_node_path_namespaceObject.join)(dir, 'cert.pem'), client.certPem, 0o644);
        writeWithMode((0,external_node_path_namespaceObject.join)(dir, 'ca.pem'), caPem, 0o644);
    }
    catch (error) {
        // Leave no half-written key material behind.
        (0,external_node_fs_namespaceObject.rmSync)(dir, { recursive: true, force: true });
        throw error;
    }
    return dir;
}

;// CONCATENATED MODULE: ./src/engine/dind/launch.ts
/**
 * The sidecar's start: create and start it (sidecar.ts, through
 * sidecar-access.ts) while the client certificates are made, read back its
 * id, IP and port, and hand in the server certificate signed for them.
 */







/**
 * The sidecar's create and start and, meanwhile, the client certificates
 * (neither needs the other until the copy); then read back id, IP and
 * port, and deliver the server certificate signed for them.
 */
async function launch(plan, resources, deps, access) {
    const { docker, logger } = deps;
    logger.info(`Image ${plan.image}, container ${plan.name}`);
    logger.info(`Sidecar: ${describeIsolation(plan.runtime, plan.rootlessUnprivileged)}${plan.rootless ? ', rootless (uid 1000)' : ''}`);
    logger.debug(`dind.launch: dockerd flags: ${plan.daemonArgs.join(' ') || '(none)'}`);
    // Certificates are CPU work in this process, needed only once the sidecar
    // runs. The CA and the client's are made while the daemon creates the
    // container (sidecar-access.ts says when), the server's once the start is
    // on its way. On a 2-CPU runner either daemon call slows down by about
    // the CPU taken here meanwhile; split this way main ended ~25-30 ms
    // sooner (median of 20 interleaved rounds) than with all of it during
    // the start, which is the longer and busier call.
    const creating = signal();
    const starting = signal();
    const kick = () => {
        creating.fire();
        starting.fire();
        deps.onStarting?.();
    };
    // Files to hand in (sidecar.ts) go on the sidecar's stdin where the API
    // allows it; uid 1000 (rootless) could not write them as root's.
    const filesByStdin = (plan.tls || plan.daemonConfig !== undefined) && !plan.rootless;
    // Only `docker run` pulls (a missing image): its output says so, at no
    // cost when the image is here already.
    const pull = pullReporter(plan.image, logger);
    const running = runSidecar(docker, plan, logger, (request) => access.runDetached(request, {
        onCreating: creating.fire,
        onStarting: kick,
        filesByStdin,
        onRunOutput: pull.write
    })).finally(() => {
        pull.stop();
        kick();
    });
    const clientMaterial = creating.fired.then(() => plan.tls ? makeClientMaterial(resources, deps) : undefined);
    // Where clients reach the daemon on 127.0.0.1 (no job network), the
    // server certificate needs no name that only the running container has,
    // so it goes onto the attached stdin while the daemon is still starting
    // the container: dockerd's entrypoint finds it at once, as with
    // certificates copied in before the start. On a job network clients may
    // use the container's IP, which is known only after the start.
    const early = !plan.jobNetwork;
    let deliveredEarly = false;
    const [ran, made] = await Promise.allSettled([
        running,
        Promise.all([clientMaterial, starting.fired]).then(async ([material]) => {
            if (early && access.stdinPending?.(plan.name)) {
                await deliverFiles(access, plan, material);
                deliveredEarly = true;
            }
            return material;
        })
    ]);
    if (ran.status === 'rejected') {
        throw ((await explainUnknownRuntime(docker, plan.runtime, ran.reason)) ??
            explainRunFailure(plan, ran.reason));
    }
    if (made.status === 'rejected')
        throw made.reason;
    const material = made.value;
    const watcher = access.watchExit(plan.name);
    try {
        const inspect = await access.inspect(plan.name);
        if (!inspect.State.Running) {
            // Stopped already (killed, or its command failed at once): it has no
            // IP or port to report, so say why it stopped instead.
            throw new DaemonStartError('The inner Docker daemon did not start: the sidecar stopped right ' +
                `after docker run (${describeState(inspect.State)}).`, await diagnoseContainer(runnerClient(docker), plan.name));
        }
        const ip = containerIp(inspect);
        const port = publishedPort(inspect, plan.containerPort);
        logger.info(`Container ${inspect.Id.slice(0, 12)} at ${ip}, daemon port 127.0.0.1:${port}`);
        // Not yet delivered, or delivered to an attempt that lost its port
        // (runSidecar made a new container, whose stdin still waits).
        if (!deliveredEarly || access.stdinPending?.(plan.name)) {
            await deliverFiles(access, plan, material, {
                ip,
                shortId: inspect.Id.slice(0, 12)
            });
        }
        return { container: { id: inspect.Id, ip, port, ...watcher }, material };
    }
    catch (error) {
        watcher.stopWatching();
        throw error;
    }
}
/**
 * The server certificate (names of the plan, plus the container's IP and
 * short id when given) with daemon.json, or daemon.json alone without TLS.
 */
async function deliverFiles(access, plan, material, running) {
    if (material) {
        await deliverServerCertificate(access.copyIn, plan, material.ca, running);
    }
    else if (plan.daemonConfig) {
        await deliverDaemonConfig(access.copyIn, plan);
    }
}
/** The CA (in memory only) and the client files, recorded as soon as they exist. */
async function makeClientMaterial(resources, deps) {
    const ca = await CertificateAuthority.create();
    const client = await ca.issueClientCertificate();
    let certDir;
    try {
        certDir = await writeClientCertificates(deps.certParentDir, ca.certPem, client, async (dir) => {
            resources.certDir = dir;
            await deps.recorder.record(resources);
        });
    }
    catch (error) {
        throw new Error(`Could not write the client certificates under ${deps.certParentDir}: ` +
            `${error.message}. That directory (RUNNER_TEMP for the ` +
            'Action, --state-dir for the CLI) must be writable with a few KB free.', { cause: error });
    }
    deps.logger.info(`Client certificates in ${certDir} (ECDSA P-256)`);
    return { ca, certDir, client };
}

;// CONCATENATED MODULE: ./src/engine/dind/readiness.ts
/**
 * Waiting for the nested daemon, over its own Engine API (docker/engine-api.ts
 * on the nest's endpoint), and what it says about itself once it answers.
 */





/**
 * Readiness polling interval. dockerd opens its TCP listener as it starts
 * ("Starting up", measured on 20.10 and 26) but serves only ~0.2-0.3 s
 * later, once initialised: an attempt made in between waits in the
 * listener's backlog and is answered the moment dockerd serves. So the
 * interval decides only how soon an attempt is under way after the
 * listener opens, not how soon the daemon is noticed; each failed attempt
 * costs a TLS socket here and a docker-proxy connection on the runner, CPU
 * the starting daemons would rather have (10 ms polling: ~12 attempts).
 */
const READY_POLL_INTERVAL_MS = 30;
/** One attempt may take this long (a TLS handshake on a loaded runner), but never past the deadline. */
const ATTEMPT_TIMEOUT_MS = 1000;
const MIN_ATTEMPT_TIMEOUT_MS = 20;
/**
 * Polls until the daemon answers; on exit or timeout, throws with a
 * diagnosis. The request is `GET /networks/bridge`, not `/_ping`: main
 * needs the default bridge's MTU next (mtu.ts), and the first answer
 * carries it instead of a request of its own after it (~3-8 ms on 20.10,
 * where dockerd still builds its unix socket's router then). Any HTTP
 * answer means dockerd serves: nothing else listens behind the port, with
 * TLS only it holds the server key, and one without a default bridge
 * (daemon-config `"bridge": "none"`) answers 404.
 */
async function waitForDaemon(plan, nest, exited, deps) {
    const result = await waitFor((remainingMs) => nest.answer(BRIDGE_NETWORK_PATH, Math.max(MIN_ATTEMPT_TIMEOUT_MS, Math.min(ATTEMPT_TIMEOUT_MS, remainingMs))), {
        timeoutMs: plan.waitTimeoutMs,
        intervalMs: READY_POLL_INTERVAL_MS,
        stop: exited
    });
    if (result.status === 'ready') {
        deps.logger.info(`Daemon answered GET ${BRIDGE_NETWORK_PATH} after ${result.attempts} attempts`);
        return result.value;
    }
    const summary = result.status === 'stopped'
        ? `The inner Docker daemon did not start: ${result.reason} after ${result.elapsedMs} ms.`
        : `The inner Docker daemon did not answer within ${plan.waitTimeoutMs / 1000} s ` +
            `(wait-timeout); last error: ${String(result.lastError?.message ?? result.lastError)}.`;
    const diagnosis = await diagnoseContainer(runnerClient(deps.docker), plan.name);
    throw new DaemonStartError(summary, diagnosis);
}
/**
 * How long the daemon's "Docker daemon" line may trail its first answer:
 * dockerd logs it ~30-40 ms before its API listens, but the line reaches
 * main through the runner's daemon.
 */
const DAEMON_LINE_WAIT_MS = 100;
/**
 * Version, storage driver and cgroup version of the nested daemon: from its
 * log where main has it already (sidecar-log.ts), else `GET /info`.
 */
async function daemonFacts(nest, access, name, logger) {
    const log = access.liveLog?.(name);
    const wholeLog = access.cheapLog;
    const fromLog = log &&
        wholeLog &&
        (await daemonFactsFromLog(log, DAEMON_LINE_WAIT_MS, () => wholeLog(name)));
    if (fromLog) {
        logger.debug("dind.facts: from the daemon's log (no GET /info)");
        return fromLog;
    }
    const info = await nest.info();
    return {
        serverVersion: info.ServerVersion,
        storageDriver: info.Driver,
        cgroupVersion: info.CgroupVersion ?? ''
    };
}

;// CONCATENATED MODULE: ./src/engine/dind/dind.ts







const DOCKERD_DEFAULT_MTU = 1500;
/** Starts the sidecar described by `plan`; throws with a diagnosis if it never answers. */
async function startDind(plan, resources, deps) {
    const { logger } = deps;
    const started = performance.now();
    const access = deps.access ?? sidecarAccess(deps.docker, logger.debug);
    logger.debug(`dind.startDind: sidecar calls via ${access.via}`);
    resources.container = plan.name;
    // A cache volume is kept: teardown stops the nest but never removes it.
    if (plan.cache)
        resources.cache = plan.cache;
    else
        resources.volume = plan.volume;
    await deps.recorder.record(resources);
    const { container, material } = await phase(logger, 'Start dind', () => launch(plan, resources, deps, access));
    try {
        const address = daemonAddress(plan, container);
        const endpoint = {
            host: address.host,
            port: address.port,
            tls: material && {
                ca: material.ca.certPem,
                cert: material.client.certPem,
                key: material.client.keyPem
            }
        };
        // The nest's own API: the same client code as the runner's socket.
        const nest = new engine_api_EngineApi(endpoint);
        const firstAnswer = await phase(logger, 'Wait for daemon', () => waitForDaemon(plan, nest, container.exited, deps));
        const readyMs = Math.round(performance.now() - started);
        const [facts] = await Promise.all([
            daemonFacts(nest, access, plan.name, logger),
            reportFastStart(access, plan, logger)
        ]);
        const innerMtu = bridgeMtu(firstAnswer);
        logger.info(`Docker ${facts.serverVersion} is ready after ${readyMs} ms ` +
            `(storage driver ${facts.storageDriver}, cgroup v${facts.cgroupVersion || '?'})`);
        const mtu = innerMtu ?? plan.mtu ?? DOCKERD_DEFAULT_MTU;
        logger.info(describeMtu(plan.mtuSetting, mtu, facts.serverVersion));
        return {
            mode: 'dind',
            image: plan.image,
            dockerHost: `tcp://${address.name}:${address.port}`,
            certPath: material?.certDir,
            tlsVerify: plan.tls,
            containerId: container.id,
            containerName: plan.name,
            containerIp: container.ip,
            port: address.port,
            ...facts,
            mtu,
            readyMs
        };
    }
    finally {
        container.stopWatching();
        access.detach?.(plan.name);
    }
}
/**
 * Where the job reaches the daemon: the published loopback port, or in a
 * container job the container's own port on the shared network, by the alias
 * `docker` (or the IP on the default bridge, where aliases do not resolve).
 */
function daemonAddress(plan, container) {
    if (!plan.jobNetwork) {
        return { host: '127.0.0.1', name: '127.0.0.1', port: container.port };
    }
    return {
        host: container.ip,
        name: plan.jobNetwork.alias ? 'docker' : container.ip,
        port: plan.containerPort
    };
}

;// CONCATENATED MODULE: ./src/engine/cache/start.ts
/**
 * Starting a cached nest with the `cache-busy` policy: when another live
 * job holds the cache, either fail or start an ephemeral nest instead, with
 * a warning. Shared by the Action and `docker-nest up`.
 */




/** The same nest (run id, labels, flags) without the cache: own name, own throw-away volume. Pure. */
function withoutCache(plan) {
    const suffix = plan.runId.split('-').pop() ?? '';
    const name = `docker-nest-${suffix}`;
    const { [CACHE_LABEL]: _cache, [CACHE_SCOPE_LABEL]: _scope, ...labels } = plan.labels;
    const { cache: _dropped, ...rest } = plan;
    return {
        ...rest,
        name,
        volume: `${name}-data`,
        labels,
        serverNames: {
            ...plan.serverNames,
            dns: plan.serverNames.dns.map((dns) => (dns === plan.name ? name : dns))
        }
    };
}
/** {@link startDind}, falling back to an ephemeral nest (or failing) when the cache is busy. */
async function startNestWithCache(plan, busy, resources, deps) {
    if (plan.cache) {
        deps.logger.info(`Cache '${plan.cache.name}', partition ${plan.cache.partition}: volume ${plan.volume}`);
    }
    try {
        return await startDind(plan, resources, deps);
    }
    catch (error) {
        if (!(error instanceof CacheBusyError))
            throw error;
        // The container of that name is another job's: teardown must never touch it.
        const certDir = resources.certDir;
        delete resources.container;
        delete resources.cache;
        delete resources.certDir;
        await deps.recorder.record(resources);
        if (certDir)
            await lazyFsPromises().rm(certDir, { recursive: true, force: true });
        if (busy === 'fail') {
            throw new Error(`${error.message} Wait for that job, use another cache name, or set ` +
                'cache-busy: fallback to start with an empty data root instead.', { cause: error });
        }
        deps.logger.warning(`${error.message} This job starts with an empty data root instead ` +
            '(cache-busy: fallback); set cache-busy: fail to fail instead.');
        return startDind(withoutCache(plan), resources, deps);
    }
}

;// CONCATENATED MODULE: ./src/engine/reap/at-start.ts




/**
 * Objects that expired only this long ago are left to `docker-nest reap`: a
 * job at the very end of its time limit may still be tearing down, and
 * clocks of machines sharing one daemon differ a little.
 */
const START_REAP_GRACE_SECONDS = 300;
/**
 * Starts reaping on `docker` (the runner's daemon) once `after` settles:
 * main passes the moment the sidecar's start request is on its way, so the
 * reaper's listing and removals use the time the daemon spends starting it
 * instead of delaying the create request; `finish` starts it in any case.
 */
function startReaping(docker, logger, after = Promise.resolve()) {
    if (!docker)
        return { finish: async () => undefined };
    const begin = signal();
    const running = Promise.race([
        after,
        begin.fired
    ])
        .then(() => reapNests(docker, {
        nowSeconds: Math.floor(Date.now() / 1000),
        all: false,
        table: localProcessTable(),
        graceSeconds: START_REAP_GRACE_SECONDS
    }))
        .catch((error) => new Error(errorMessage(error)));
    return {
        async finish() {
            begin.fire();
            const report = await running;
            if (report instanceof Error) {
                // Housekeeping only (dood without socket access, a daemon hiccup): not worth a line.
                logger.debug(`reap.start: skipped: ${report.message}`);
                return;
            }
            logReap(report, logger);
        }
    };
}
/** One line per removed object, with the reason; a debug line when there was nothing. */
function logReap(report, logger) {
    for (const d of report.decisions.filter((x) => x.remove)) {
        logger.debug(`reap.start: remove ${d.object.kind} ${d.object.name} (run ${d.object.run || '-'}): ${d.reason}`);
    }
    for (const o of report.gone) {
        logger.debug(`reap.start: ${o.kind} ${o.name} was already gone (another reaper)`);
    }
    const reasons = new Map(report.decisions.map((d) => [`${d.object.kind} ${d.object.name}`, d.reason]));
    for (const o of report.removed) {
        const key = `${o.kind} ${o.name}`;
        logger.info(`Reaped ${key} of run ${o.run || '-'}: ${reasons.get(key) ?? 'abandoned'}.`);
    }
    for (const f of report.failed) {
        logger.warning(`Could not reap ${f.object.kind} ${f.object.name}: ${f.error}`);
    }
    if (report.decisions.every((d) => !d.remove)) {
        logger.debug(`reap.start: nothing abandoned (${report.decisions.length} docker-nest object(s) checked)`);
    }
}

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: ./src/engine/runner-engine/root-image.ts
/**
 * The root image of a runner-engine nest: a tar of a few directories, two
 * small files and links, made in-process. Everything else the nest runs
 * comes from the host's read-only binds (discovery.ts), so the image is
 * the same for every runner with the same layout, and its tag is a hash of
 * its bytes: it is imported once per daemon and reused.
 *
 * It is kept: it holds no secret and no state, its files are a few dozen
 * bytes, and removing it would only make the next nest import it again. It
 * carries the `docker-nest` label so it is recognisably ours, and no run or
 * expiry label, so no reaper ever takes it.
 */




/** The repository of every root image; the tag is {@link RootImage.tag}. */
const ROOT_IMAGE_REPOSITORY = 'docker-nest/runner-root';
/** Label on a root image: the SHA-256 of its tar. */
const RUNNER_ROOT_LABEL = 'docker-nest.runner-root';
/** Every file's and directory's time in the tar, so equal contents give equal bytes. */
const MTIME = 0;
/**
 * Directories the nest writes to or the kernel mounts on: the engine's
 * state (a volume in practice), its runtime files (`/run`: the start
 * script's containerd socket and shims, dockerd's exec root), the start
 * script's certificates, temporary files, root's home.
 */
const DIRECTORIES = [
    [CERT_DIR_IN_CONTAINER, 0o755],
    ['/dev', 0o755],
    ['/etc', 0o755],
    ['/proc', 0o555],
    ['/root', 0o700],
    ['/run', 0o755],
    ['/sys', 0o555],
    ['/tmp', 0o1777],
    ['/var', 0o755],
    ['/var/lib', 0o755],
    ['/var/lib/docker', 0o710]
];
/** Only root: the nest runs dockerd as root and nothing else. */
const PASSWD = 'root:x:0:0:root:/root:/bin/sh\n';
const GROUP = 'root:x:0:\n';
/** `/var/run` is `/run`, as on the hosts: dockerd and the start script use both names. */
const VAR_RUN = { path: '/var/run', target: '../run' };
/**
 * The tar entries for the given host links (discovery's `links`), sorted
 * by path. Throws on a link that is not an absolute path below `/`.
 */
function rootImageEntries(links) {
    const entries = new Map();
    const dir = (path, mode = 0o755) => {
        if (!entries.has(path))
            entries.set(path, { path: `${path}/`, mode });
    };
    for (const [path, mode] of DIRECTORIES)
        dir(relative(path), mode);
    entries.set('etc/passwd', {
        path: 'etc/passwd',
        mode: 0o644,
        content: PASSWD
    });
    entries.set('etc/group', { path: 'etc/group', mode: 0o644, content: GROUP });
    for (const link of [VAR_RUN, ...links]) {
        if (!link.path.startsWith('/') || link.path === '/' || !link.target) {
            throw new Error(`root image: a link needs an absolute path below / and a target, got ${JSON.stringify(link)}.`);
        }
        const path = relative(link.path);
        const parts = path.split('/');
        for (let i = 1; i < parts.length; i++)
            dir(parts.slice(0, i).join('/'));
        entries.set(path, { path, mode: 0o777, linkTarget: link.target });
    }
    return [...entries.keys()].sort().map((key) => entries.get(key));
}
function relative(path) {
    return path.replace(/^\/+/, '').replace(/\/+$/, '');
}
/** The root image for the given host links (see {@link rootImageEntries}). */
function rootImage(links) {
    const tar = createTar(rootImageEntries(links), MTIME);
    const digest = (0,external_node_crypto_namespaceObject.createHash)('sha256').update(tar).digest('hex');
    const tag = digest.slice(0, 12);
    return {
        tar,
        digest,
        tag,
        reference: `${ROOT_IMAGE_REPOSITORY}:${tag}`,
        labels: { [LABELS.managed]: 'true', [RUNNER_ROOT_LABEL]: digest }
    };
}
/** The `LABEL` instruction that sets the image's labels on import (`changes` / `--change`). */
function labelChange(image) {
    const pairs = Object.entries(image.labels).map(([k, v]) => `${k}=${v}`);
    return `LABEL ${pairs.join(' ')}`;
}

;// CONCATENATED MODULE: ./src/engine/runner-engine/image-import.ts
/**
 * Puts the root image (root-image.ts) on the runner's daemon unless it is
 * there already, through the one Docker client: `POST /images/create
 * ?fromSrc=-` with the tar as body over the daemon's unix socket, or
 * `docker import` where only the CLI reaches the daemon (a context, TLS
 * settings, a remote host: the cases in which docker-nest leaves the
 * runner's daemon to the CLI).
 */





/** Makes sure `image` is on the runner's daemon; imports it when it is not. */
async function ensureRootImage(image, daemon, debug = () => undefined) {
    const client = clientOf(daemon, debug);
    const outcome = (await exists(image, client))
        ? 'present'
        : await importImage(image, client);
    debug(`runner-engine.ensureRootImage: ${image.reference} ${outcome}`);
    return outcome;
}
function clientOf(daemon, debug) {
    if ('cli' in daemon)
        return cliClient(daemon.cli);
    return 'socketPath' in daemon
        ? socketClient(daemon.socketPath, debug)
        : daemon;
}
async function exists(image, client) {
    try {
        return await client.imageExists(image.reference);
    }
    catch (error) {
        throw explain(image, client, error);
    }
}
async function importImage(image, client) {
    try {
        await client.importImage(image.tar, image.reference, [labelChange(image)]);
    }
    catch (error) {
        throw explain(image, client, error);
    }
    return 'imported';
}
/**
 * A refusal over the API, with the image and the socket named; the CLI's
 * own error (DockerCommandError) says enough as it is.
 */
function explain(image, client, error) {
    if (client.via === 'docker-cli')
        return error;
    const detail = error instanceof EngineApiError
        ? `HTTP ${error.status} ${error.body}`
        : error instanceof Error
            ? error.message
            : String(error);
    return new Error(`Could not put the runner-engine root image ${image.reference} on the runner's daemon ` +
        `(${client.daemon}): ${detail.trim()}. The image is a ${image.tar.length}-byte tar of ` +
        'directories and links, imported with POST /images/create; the daemon’s log says why it refused it.', { cause: error });
}

;// CONCATENATED MODULE: ./src/engine/runner-engine/resolve.ts
/**
 * Which image a nest runs: input `image` as given (pinned, always honoured),
 * `runner` (the runner's own engine, or a clear failure), or `auto` (the
 * runner's own engine when it can run a nest, else the default dind image,
 * saying why). The runner's engine needs nothing pulled.
 */





/**
 * Why the runner's engine cannot run a nest here, before looking for it;
 * undefined when nothing stands in the way. Pure.
 */
function blockedBecause(facts) {
    if (facts.inContainerJob) {
        return ('this step runs in a container: the programs it sees are the ' +
            "container's, not those of the runner's daemon");
    }
    const host = facts.hostDocker.DOCKER_HOST ?? '';
    if (host !== '' && !host.startsWith('unix://')) {
        return `the runner's daemon is at ${host}, not on this machine`;
    }
    const context = facts.hostDocker.DOCKER_CONTEXT ?? '';
    if (context !== '' && context !== 'default') {
        return `docker context ${context} may point at another machine`;
    }
    return undefined;
}
/**
 * The decision for `requested` given what stands in the way or what
 * discovery found: the image, or an error for an explicit `runner`. Pure.
 */
function chooseImage(requested, blocked, discovery) {
    if (requested !== AUTO_IMAGE && requested !== RUNNER_IMAGE) {
        return { use: 'pinned', image: requested };
    }
    const why = blocked ??
        (discovery && !discovery.available ? discovery.message : undefined);
    if (why === undefined)
        return { use: 'runner' };
    if (requested === RUNNER_IMAGE) {
        return {
            use: 'fail',
            message: `Input 'image' is 'runner', but the runner's engine cannot run a nest: ${why}. ` +
                `Set image to a dind image such as '${DEFAULT_DIND_IMAGE}', or to 'auto' to fall back to it.`
        };
    }
    return { use: 'dind', image: DEFAULT_DIND_IMAGE, why };
}
/** Resolves `requested`; imports the root image when the runner's engine is used. */
async function resolveImage(requested, facts, logger) {
    const blocked = blockedBecause(facts);
    const wanted = requested === AUTO_IMAGE || requested === RUNNER_IMAGE;
    const discovery = wanted && !blocked ? discoverRunnerEngine() : undefined;
    const choice = chooseImage(requested, blocked, discovery);
    if (choice.use === 'pinned')
        return { image: choice.image };
    if (choice.use === 'fail')
        throw new Error(choice.message);
    if (choice.use === 'dind') {
        logger.info(`image: auto: not the runner's own engine (${choice.why}); using ${choice.image}.`);
        return { image: choice.image };
    }
    if (!discovery?.available)
        throw new Error('unreachable: no engine found');
    for (const warning of discovery.warnings)
        logger.debug(`runner-engine: ${warning}`);
    const image = rootImage(discovery.links);
    const debug = (message) => logger.debug(message);
    await ensureRootImage(image, locateHostClient(facts.hostDocker, debug), debug);
    logger.info(`image: ${requested}: the runner's own engine (${discovery.paths.dockerd}), ` +
        'nothing to pull.');
    return {
        image: image.reference,
        runnerEngine: {
            binds: discovery.binds,
            searchPath: discovery.searchPath,
            dockerd: discovery.paths.dockerd
        }
    };
}

;// CONCATENATED MODULE: ./src/engine/lifecycle/cancel.ts
/**
 * Cancellation of a start in progress. The GitHub runner cancels a step with
 * SIGINT, sends SIGTERM 7.5 s later and kills the process tree 2.5 s after
 * that; a terminal's Ctrl-C sends SIGINT. Node's default is to die at once,
 * which can strand a `docker run` still in flight: it would create the
 * container after post (or `docker-nest down`) already looked for it. So on
 * the first signal we refuse new docker calls, let the running ones finish
 * (bounded, well inside the runner's 7.5 s), and exit. Everything those calls
 * create was recorded by name before they started, so cleanup finds it.
 */

/** How long a cancelled step lets running docker calls finish. */
const CANCEL_SETTLE_MS = 5000;
const SIGNALS = ['SIGINT', 'SIGTERM'];
/**
 * Installs the SIGINT/SIGTERM handlers for one start.
 * @param exit Ends the process (injectable for tests).
 * @returns A function that removes the handlers once the start is over.
 */
function exitOnCancel(docker, logger, exit = (code) => process.exit(code)) {
    let cancelled = false;
    const handler = (signal) => {
        // A later SIGTERM while we settle changes nothing: we are already leaving.
        if (cancelled)
            return;
        cancelled = true;
        docker.cancel();
        logger.warning(`docker-nest was cancelled (${signal}); cleanup removes what was started.`);
        void docker.settle(CANCEL_SETTLE_MS).then(() => {
            exit(128 + external_node_os_namespaceObject.constants.signals[signal]);
        });
    };
    for (const signal of SIGNALS)
        process.on(signal, handler);
    return () => {
        for (const signal of SIGNALS)
            process.off(signal, handler);
    };
}

;// CONCATENATED MODULE: ./src/engine/lifecycle/up-steps.ts
/**
 * The real parts of the start-up sequence (up.ts): each talks to the
 * runner's daemon, the file system or the network.
 */












/** The probe's container: isolated as the sidecar, with the runner's engine when it runs that. */
function probeShape(options, image) {
    const engine = image.runnerEngine;
    const { runtime, rootlessUnprivileged } = options;
    return {
        isolation: isolationHostConfig(runtime, rootlessUnprivileged),
        env: engine ? [`PATH=${engine.searchPath}`] : [],
        binds: engine?.binds ?? []
    };
}
/** A docker CLI for the runner's daemon as it was at the start. */
function runnerDocker(ctx) {
    return DockerCli.locate(ctx.hostDocker, (m) => ctx.logger.debug(m));
}
/** The client for the runner's daemon as it was at the start. */
function up_steps_runnerClient(ctx) {
    return locateHostClient(ctx.hostDocker, (m) => ctx.logger.debug(m));
}
const realSteps = {
    probe: (options, image, runId, ctx) => probePrivileged(up_steps_runnerClient(ctx), image.image, runId, undefined, probeShape(options, image)),
    resolveImage: (requested, facts, ctx) => resolveImage(requested, facts, ctx.logger),
    async startDind(plan, options, resources, ctx, starting) {
        const docker = runnerDocker(ctx);
        // From here on a cancelled start may have docker calls in flight.
        const uninstall = exitOnCancel(docker, ctx.logger);
        try {
            return await startNestWithCache(plan, options.cache.busy, resources, {
                docker,
                logger: ctx.logger,
                recorder: ctx.recorder,
                certParentDir: ctx.certParentDir,
                onStarting: starting.fire
            });
        }
        finally {
            uninstall();
        }
    },
    connectDood: (options, runId, resources, ctx) => connectDood(options, runId, {
        logger: ctx.logger,
        proxyDir: ctx.proxy.dir,
        cliPath: ctx.proxy.cliPath,
        recordProxy: (proxy) => {
            resources.proxy = proxy;
            return ctx.recorder.record(resources);
        }
    }),
    async removeNest(resources, ctx) {
        const report = await ctx.logger.group('Remove the failed nest', () => teardown(resources, up_steps_runnerClient(ctx), ctx.logger));
        return report.warnings;
    },
    jobContainer: (ctx) => {
        const docker = up_steps_runnerClient(ctx);
        // The whole `docker inspect` object, Mounts and HostConfig included.
        // Any failure (no such container above all) means this step does not
        // run in a container of the runner's daemon.
        return detectJobContainer((id) => docker.inspectContainer(id).then((inspect) => inspect, () => undefined));
    },
    doodJobContainer: (socket) => detectJobContainer((id) => inspectOverSocket(socket, id)),
    uplinkMtu: () => detectUplinkMtu(),
    startReaping(ctx, after) {
        // Only the docker CLI reaches the daemon and there is none on PATH:
        // nothing to reap with (dood needs none).
        let docker;
        try {
            docker = up_steps_runnerClient(ctx);
        }
        catch {
            // undefined: no reaper
        }
        return startReaping(docker, ctx.logger, after);
    }
};

;// CONCATENATED MODULE: ./src/engine/lifecycle/up.ts
/**
 * Giving a job Docker: the one start-up sequence the Action's main step,
 * its early start and `docker-nest up` all call. It chooses the mode
 * (`auto` probes once), starts the reaper, records every resource before it
 * exists, starts the nest (with its cache) or connects to the runner's
 * daemon, and decides what a failed start leaves behind. Presenting the
 * result (exported variables, outputs, summaries) is the caller's part.
 */







/**
 * Whether a nest that failed to start is removed at once. `cleanup: false`
 * keeps it for inspection (its record stays); otherwise it goes now when
 * the job carries on without it (auto falls back to dood) or when no post
 * step will remove it (the CLI), and is left to the post step otherwise.
 */
function removeFailedNestNow(rule) {
    return rule.cleanup && (rule.fallingBack || rule.noPostStep);
}
/** Starts what `options.mode` asks for; throws with the reason when nothing works. */
async function up(options, ctx, steps = realSteps) {
    const starting = signal();
    // What crashed jobs left goes while this nest starts.
    const reaping = steps.startReaping(ctx, starting.fired);
    try {
        if (options.mode === 'dood') {
            starting.fire(); // no sidecar: the reaper may begin now
            return await upDood(options, ctx, steps);
        }
        const prepared = await prepareDind(options, ctx, steps);
        const mode = options.mode === 'auto'
            ? await chooseMode(options, prepared, ctx, steps)
            : options.mode;
        if (mode === 'dood') {
            starting.fire();
            return await upDood(options, ctx, steps);
        }
        if (options.mode !== 'auto') {
            return await upDind(options, prepared, ctx, steps, starting, false);
        }
        try {
            return await upDind(options, prepared, ctx, steps, starting, true);
        }
        catch (error) {
            ctx.logger.warning(`mode: auto: dind did not start, using dood instead. ${errorMessage(error)}`);
            try {
                return await upDood(options, ctx, steps);
            }
            catch (doodError) {
                throw new Error(`mode: auto: neither mode works here.\ndind: ${errorMessage(error)}\n` +
                    `dood: ${errorMessage(doodError)}`, { cause: doodError });
            }
        }
    }
    finally {
        starting.fire();
        await reaping.finish();
    }
}
async function prepareDind(options, ctx, steps) {
    const [detectedMtu, job] = await Promise.all([
        options.mtu === 'auto' ? steps.uplinkMtu() : undefined,
        steps.jobContainer(ctx)
    ]);
    const resolved = await steps.resolveImage(options.image, { hostDocker: ctx.hostDocker, inContainerJob: job !== undefined }, ctx);
    return { detectedMtu, job, resolved };
}
/** `mode: auto`: one probe per job (a cached answer is reused), logged with its reason. */
async function chooseMode(options, prepared, ctx, steps) {
    const result = await ctx.logger.group('Choose mode (auto)', async () => {
        const cached = cachedProbe(ctx.cachedPrivileged);
        if (cached)
            return cached;
        const probed = await steps.probe(options, prepared.resolved, `${ctx.runPrefix}-${randomSuffix()}-probe`, ctx);
        ctx.rememberProbe?.(probed.privileged);
        return probed;
    });
    const mode = result.privileged ? 'dind' : 'dood';
    ctx.logger.info(`mode: auto chose ${mode}: ${result.reason}.`);
    return mode;
}
async function upDind(options, prepared, ctx, steps, starting, fallingBack) {
    const { detectedMtu, job, resolved } = prepared;
    const plan = makePlan({ ...options, image: resolved.image }, {
        runPrefix: ctx.runPrefix,
        detectedMtu,
        now: new Date(),
        owner: ctx.owner,
        ...(resolved.runnerEngine && { runnerEngine: resolved.runnerEngine })
    });
    if (job?.network) {
        plan.jobNetwork = { name: job.network, alias: job.aliasResolves };
        ctx.logger.info(`This step runs in container ${job.id.slice(0, 12)}: the sidecar joins ` +
            `its network ${job.network}${job.aliasResolves ? " as 'docker'" : ''}.`);
    }
    const plainTcp = plainTcpWarning(plan);
    if (plainTcp)
        ctx.logger.warning(plainTcp);
    const resources = {
        version: 1,
        runId: plan.runId,
        hostDocker: ctx.hostDocker
    };
    await ctx.recorder.record(resources);
    try {
        const info = await steps.startDind(plan, options, resources, ctx, starting);
        return { mode: 'dind', info, resources };
    }
    catch (error) {
        const rule = {
            cleanup: options.cleanup,
            fallingBack,
            noPostStep: ctx.noPostStep
        };
        if (removeFailedNestNow(rule)) {
            const warnings = await steps.removeNest(resources, ctx);
            for (const warning of warnings)
                ctx.logger.warning(warning);
            if (warnings.length === 0)
                await ctx.onRemoved?.();
        }
        throw error;
    }
}
async function upDood(options, ctx, steps) {
    const runId = `${ctx.runPrefix}-${randomSuffix()}`;
    const resources = {
        version: 1,
        runId,
        hostDocker: ctx.hostDocker,
        mode: 'dood'
    };
    await ctx.recorder.record(resources);
    const info = await ctx.logger.group('Check the Docker socket', () => steps.connectDood(options, runId, resources, ctx));
    resources.socket = info.socket;
    await ctx.recorder.record(resources);
    const job = ctx.workspace
        ? await steps.doodJobContainer(info.socket)
        : undefined;
    const note = bindMountNote(job && ctx.workspace ? hostPathOf(ctx.workspace, job.mounts) : undefined);
    return { mode: 'dood', info, resources, note };
}

;// CONCATENATED MODULE: ./src/cli/commands/up.ts
/** `docker-nest up`: start a nest and print its variables. */











/** The variables a shell needs to use the nest. */
function nestEnvironment(info) {
    return {
        DOCKER_HOST: info.dockerHost,
        DOCKER_TLS_VERIFY: info.tlsVerify ? '1' : '',
        DOCKER_CERT_PATH: info.certPath ?? ''
    };
}
/** The variables a shell needs, for what `up` started. */
function startedEnvironment(result) {
    if (result.mode === 'dind')
        return nestEnvironment(result.info);
    return {
        DOCKER_HOST: result.info.dockerHost,
        DOCKER_TLS_VERIFY: '',
        DOCKER_CERT_PATH: '',
        DOCKER_NEST_LABEL: result.info.label
    };
}
/** What the engine needs from a shell, Jenkins or a self-hosted runner. */
function cliContext(stateDir, hostDocker, logger, env) {
    return {
        logger,
        recorder: fileRecorder(stateDir),
        runPrefix: 'local',
        owner: nestOwner('cli'),
        hostDocker,
        certParentDir: stateDir,
        // This bundle also runs the proxy (`docker-nest socket-proxy`).
        proxy: { dir: stateDir, cliPath: (0,external_node_url_namespaceObject.fileURLToPath)(import.meta.url) },
        cachedPrivileged: env.DOCKER_NEST_PRIVILEGED,
        // No post step follows a failed up: what it left goes at once, and the
        // record stays only if something could not be removed, for `down`.
        noPostStep: true,
        onRemoved: () => removeStateFile(stateDir)
    };
}
const up_up = {
    name: 'up',
    summary: 'start a private Docker daemon (dind, mutual TLS; or --mode dood|auto) and print its variables: eval "$(docker-nest up)"',
    options: { ...INPUT_OPTIONS, ...FORMAT_OPTION, ...STATE_DIR_OPTION },
    notes: [
        'Each input option is the GitHub Action input of the same name. ' +
            'Booleans: --tls, --no-tls or --tls=false. With --cache ' +
            'outside GitHub Actions and GitLab CI, set DOCKER_NEST_REPOSITORY to the ' +
            "repository (its cache's partition), or use --cache-scope shared.",
        '',
        'Examples:',
        '  set -e; eval "$(docker-nest up)"             # sh, bash, zsh',
        '  docker-nest up --format fish | source; or exit 1',
        '',
        'When up fails, it prints a line that makes that eval or source fail ' +
            '(sh and fish formats, when stdout is not a terminal), so a script ' +
            "stops instead of running docker against the runner's own daemon."
    ].join('\n'),
    async run({ values, inputs, stateDir: flag, logger, env }) {
        const format = envFormatOf(values.format, 'up');
        const options = parseInputs(inputs, env);
        const stateDir = stateDirOf(flag);
        const existing = await readStateFile(stateDir);
        if (existing) {
            throw new UsageError(`A nest is already up (${stateFilePath(stateDir)}, container ` +
                `${existing.container ?? '-'}). Run 'docker-nest down' first, or use another --state-dir.`);
        }
        const result = await up(options, cliContext(stateDir, captureHostDockerEnv(), logger, env));
        if (result.mode === 'dood')
            logger.info(result.note);
        const started = {
            mode: result.mode,
            container: result.mode === 'dind' ? result.info.containerName : '',
            env: startedEnvironment(result)
        };
        writeNestFile(stateDir, {
            mode: started.mode,
            container: started.container,
            env: started.env,
            startedAt: new Date().toISOString()
        });
        process.stdout.write(`${formatEnv(started.env, format)}\n`);
        logger.info(`Ready. Remove it with: docker-nest down${flag ? ` --state-dir ${flag}` : ''}`);
        return EXIT.ok;
    }
};

;// CONCATENATED MODULE: ./src/cli/progress.ts
/**
 * An elapsed-time line for a long wait, on stderr, so a pull or a slow
 * daemon does not look like a hang. On a terminal one status line is
 * rewritten in place each second (after the first); without one (CI logs)
 * a line is added every 5 s, as a rewritten line would flood a log.
 */
/** How often the display updates, in ms. */
const TTY_TICK_MS = 1000;
const LOG_TICK_MS = 5000;
const ERASE_LINE = '\r\x1b[K';
/** Shows `label: N s…` until `stop()`; the first update comes after one tick. */
function startProgress(label, stream = process.stderr, now = Date.now) {
    const started = now();
    const tty = Boolean(stream.isTTY);
    let shown = false;
    let detail;
    const text = () => detail ?? `${label}: ${Math.round((now() - started) / 1000)} s…`;
    const timer = setInterval(() => {
        if (tty) {
            stream.write(`${ERASE_LINE}${text()}`);
            shown = true;
        }
        else {
            stream.write(`${text()}\n`);
        }
    }, tty ? TTY_TICK_MS : LOG_TICK_MS);
    // A wait that never ends must not keep the process alive on its own.
    timer.unref();
    const clear = () => {
        if (shown)
            stream.write(ERASE_LINE);
        shown = false;
    };
    return {
        show: (text) => (detail = text),
        clear,
        stop() {
            clearInterval(timer);
            clear();
        }
    };
}

;// CONCATENATED MODULE: ./src/cli/commands/wait.ts
/**
 * `docker-nest wait`: the readiness check alone, for any daemon: wait until
 * the client certificates exist and `GET /_ping` answers, with a deadline,
 * and say why when it does not (GitLab before_script, Jenkins, scripts).
 */








/** Parses DOCKER_HOST-style values; throws UsageError for anything else. */
function parseTarget(dockerHost, tls, certPath) {
    if (dockerHost.startsWith('unix://')) {
        return { dockerHost, socketPath: dockerHost.slice('unix://'.length) };
    }
    const m = /^tcp:\/\/(\[[^\]]+\]|[^:/]+)(?::(\d+))?\/?$/.exec(dockerHost);
    if (!m) {
        throw new UsageError(`Option '--host' must be tcp://HOST:PORT or unix:///PATH, got '${dockerHost}'. Run 'docker-nest wait --help'.`);
    }
    return {
        dockerHost,
        host: m[1].replace(/^\[|\]$/g, ''),
        port: Number(m[2] ?? (tls ? 2376 : 2375)),
        certPath: tls ? certPath : undefined
    };
}
const CERT_FILES = ['ca.pem', 'cert.pem', 'key.pem'];
/** One readiness attempt; rejects with the reason. */
function pingOnce(target, timeoutMs) {
    let tls;
    if (target.certPath) {
        const missing = CERT_FILES.filter((f) => !(0,external_node_fs_namespaceObject.existsSync)((0,external_node_path_namespaceObject.join)(target.certPath, f)));
        if (missing.length > 0) {
            return Promise.reject(Object.assign(new Error(`no ${missing.join(', ')} in ${target.certPath} yet`), { code: 'NO_CERTS' }));
        }
        const read = (f) => (0,external_node_fs_namespaceObject.readFileSync)((0,external_node_path_namespaceObject.join)(target.certPath, f), 'utf8');
        tls = { ca: read('ca.pem'), cert: read('cert.pem'), key: read('key.pem') };
    }
    const endpoint = target.socketPath
        ? socketEndpoint(target.socketPath)
        : { host: target.host ?? 'localhost', port: target.port ?? 0, tls };
    return ping(endpoint, Math.max(timeoutMs, 20));
}
/** Turns the last error into a sentence with the likely cause and fix. */
function explainWaitError(error, target) {
    const e = error;
    const code = e?.code ?? '';
    const text = `${e?.message ?? String(error)}`;
    const name = target.host ?? target.socketPath;
    if (code === 'NO_CERTS') {
        return `The client certificates never appeared in ${target.certPath}. The daemon's container must share that directory with this one (GitLab: volumes = ["/certs/client"] in the runner's config.toml; Kubernetes: an emptyDir at /certs/client), and it must be privileged, or it dies before writing them.`;
    }
    if (code === 'ENOENT' && target.socketPath) {
        return `There is no socket at ${target.socketPath}: mount the host's socket into this container (-v /var/run/docker.sock:/var/run/docker.sock) or start a daemon.`;
    }
    if (code === 'EACCES') {
        return `Permission denied on ${target.socketPath}: run as root or as a member of the socket's group.`;
    }
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
        return `The name '${name}' does not resolve: the daemon's container is not running (it exits at once when it is not privileged) or its alias is not '${name}'.`;
    }
    if (code === 'ECONNREFUSED') {
        const other = target.port === 2376 ? 2375 : target.port === 2375 ? 2376 : undefined;
        return `Nothing listens on ${name}:${target.port}: the daemon is still starting, crashed, or listens on another port${other ? ` (2376 = TLS, 2375 = plain; try ${other} with${other === 2376 ? '' : 'out'} TLS)` : ''}.`;
    }
    if (code === 'ERR_TLS_CERT_ALTNAME_INVALID' ||
        /altnames|not in the cert/i.test(text)) {
        return `The server certificate does not name '${name}': reach the daemon by a name in its certificate (docker, localhost, its container name) or add the name to DOCKER_TLS_SAN (typed: DNS:${name}).`;
    }
    if (/wrong version number|EPROTO|packet length too long/i.test(text)) {
        return `The daemon at ${name}:${target.port} speaks plain HTTP, not TLS: use port 2375 without TLS (unset DOCKER_TLS_VERIFY), or start it with TLS.`;
    }
    if (code === 'ECONNRESET' || /HTTP 400.*HTTPS|socket hang up/i.test(text)) {
        return `The daemon at ${name}:${target.port} closed the connection: it probably expects TLS (port 2376) and DOCKER_TLS_VERIFY/DOCKER_CERT_PATH are not set, or it rejected our client certificate.`;
    }
    if (/self.signed|unable to (verify|get)|bad certificate|unknown ca|certificate required/i.test(text) ||
        code.startsWith('ERR_TLS') ||
        code.includes('CERT')) {
        return `TLS failed (${code || text}): the certificates in ${target.certPath} belong to another daemon (a shared or stale cert directory). Give each daemon its own directory.`;
    }
    return `The daemon did not answer: ${text}`;
}
const wait = {
    name: 'wait',
    summary: 'wait until a Docker daemon answers (certificates, then /_ping), with a deadline; explain why not',
    options: {
        host: {
            type: 'string',
            placeholder: 'URL',
            complete: 'file',
            help: 'tcp://HOST:PORT or unix:///PATH (default $DOCKER_HOST, else unix:///var/run/docker.sock)'
        },
        'cert-path': {
            type: 'string',
            placeholder: 'DIR',
            complete: 'dir',
            help: 'client certificates (default $DOCKER_CERT_PATH, else ~/.docker); implies TLS unless --no-tls'
        },
        tls: {
            type: 'boolean',
            negatable: true,
            help: 'use mutual TLS (default: on when $DOCKER_TLS_VERIFY is non-empty or --cert-path is given)'
        },
        timeout: {
            type: 'string',
            placeholder: 'SECONDS',
            help: 'give up after SECONDS (default 60)'
        },
        quiet: {
            type: 'boolean',
            help: 'print nothing when ready, and no elapsed time while waiting'
        }
    },
    notes: 'Exit 0 when the daemon answers, 1 when the deadline passed (with the likely cause), 2 for bad usage.',
    async run({ values, env, logger }) {
        const timeoutText = values.timeout ?? '60';
        const seconds = Number(timeoutText);
        if (!/^\d+(\.\d+)?$/.test(timeoutText) || seconds <= 0 || seconds > 3600) {
            throw new UsageError(`Option '--timeout' must be seconds between 0 and 3600, got '${timeoutText}'. Run 'docker-nest wait --help'.`);
        }
        const certFlag = values['cert-path'];
        // --no-tls wins over the variables and --cert-path.
        const tls = values.tls === undefined
            ? certFlag !== undefined || Boolean(env.DOCKER_TLS_VERIFY)
            : Boolean(values.tls);
        const certPath = certFlag ?? (env.DOCKER_CERT_PATH || (0,external_node_path_namespaceObject.join)((0,external_node_os_namespaceObject.homedir)(), '.docker'));
        const target = parseTarget(values.host ??
            (env.DOCKER_HOST || 'unix:///var/run/docker.sock'), tls, certPath);
        logger.debug(`waiting for ${target.dockerHost}${target.certPath ? ` (TLS, certificates in ${target.certPath})` : ''}`);
        const progress = values.quiet
            ? undefined
            : startProgress(`Waiting for the daemon at ${target.dockerHost}`);
        const result = await waitFor((left) => pingOnce(target, Math.min(left, 2000)), {
            timeoutMs: seconds * 1000,
            intervalMs: 100
        }).finally(() => progress?.stop());
        if (result.status === 'ready') {
            if (!values.quiet)
                logger.info(`The Docker daemon at ${target.dockerHost} answers (waited ${result.elapsedMs} ms).`);
            return EXIT.ok;
        }
        const lastError = 'lastError' in result ? result.lastError : undefined;
        logger.info(`docker-nest: the Docker daemon at ${target.dockerHost} did not answer within ${seconds} s.`);
        logger.info(`docker-nest: ${explainWaitError(lastError, target)}`);
        return EXIT.failed;
    }
};

;// CONCATENATED MODULE: ./src/cli/completion.ts
/** The shells `completion` writes for. */
const SHELLS = ['bash', 'zsh', 'fish'];
/**
 * The first sentence of a help text, cut at a word to about 60 columns,
 * before an unclosed parenthesis.
 */
function shortHelp(text) {
    const sentence = text.replace(/\s+/g, ' ').split(/(?<=\.) /)[0];
    const plain = sentence.replace(/\.$/, '');
    if (plain.length <= 60)
        return plain;
    let cut = plain.slice(0, plain.lastIndexOf(' ', 58));
    const open = cut.lastIndexOf('(');
    if (open > 0 && !cut.includes(')', open))
        cut = cut.slice(0, open).trimEnd();
    return `${cut.replace(/[,;:]$/, '')}…`;
}
function flagsOf(command, common) {
    return Object.entries({ ...command.options, ...common }).map(([name, spec]) => ({ name, spec, help: shortHelp(spec.help) }));
}
/** Every word an option may be written as: --x, --no-x, -h. */
function spellings({ name, spec }) {
    return [
        `--${name}`,
        ...(spec.type === 'boolean' && spec.negatable ? [`--no-${name}`] : []),
        ...(spec.short ? [`-${spec.short}`] : [])
    ];
}
function bash(commands, common) {
    const names = commands.map((c) => c.name);
    const values = [];
    const words = [];
    for (const command of commands) {
        for (const flag of flagsOf(command, common)) {
            if (flag.spec.type !== 'string')
                continue;
            const key = `'${command.name} --${flag.name}'`;
            const { choices, complete } = flag.spec;
            values.push(choices
                ? `    ${key}) COMPREPLY=($(compgen -W '${choices.join(' ')}' -- "$cur")) ;;`
                : complete
                    ? `    ${key}) COMPREPLY=($(compgen -${complete === 'dir' ? 'd' : 'f'} -- "$cur")) ;;`
                    : `    ${key}) ;;`);
        }
        const free = command.argument?.choices ?? [];
        const flags = flagsOf(command, common).flatMap(spellings);
        words.push(`    ${command.name}) words='${[...free, ...flags].join(' ')}' ;;`);
    }
    return `# bash completion for docker-nest. Load it with:
#   source <(docker-nest completion bash)
_docker_nest() {
  local cur=\${COMP_WORDS[COMP_CWORD]} prev=\${COMP_WORDS[COMP_CWORD-1]}
  local words=''
  COMPREPLY=()
  # '--format=json' reaches us as '--format' '=' 'json'.
  if [[ $cur == = ]]; then
    cur=''
  elif [[ $prev == = ]]; then
    prev=\${COMP_WORDS[COMP_CWORD-2]}
  fi
  if ((COMP_CWORD == 1)); then
    COMPREPLY=($(compgen -W '${names.join(' ')} help -h --help -v --version' -- "$cur"))
    return 0
  fi
  case "\${COMP_WORDS[1]} $prev" in
${values.join('\n')}
    *) case \${COMP_WORDS[1]} in
${words.map((w) => `  ${w}`).join('\n')}
      help) words='${names.join(' ')}' ;;
      esac
      COMPREPLY=($(compgen -W "$words" -- "$cur")) ;;
  esac
  return 0
}
complete -F _docker_nest docker-nest
`;
}
/** Single-quotes for zsh. */
function sq(text) {
    return `'${text.replace(/'/g, `'\\''`)}'`;
}
/** Escapes what _arguments reads as syntax in a description or message. */
function zshText(text) {
    return text.replace(/[\\[\]:]/g, (c) => `\\${c}`);
}
/** The _arguments specs of one option. */
function zshSpecs({ name, spec, help }) {
    const text = `[${zshText(help)}]`;
    if (spec.type === 'boolean') {
        if (spec.short) {
            const both = `-${spec.short} --${name}`;
            return [`${sq(`(${both})`)}{-${spec.short},--${name}}${sq(text)}`];
        }
        return [
            sq(`--${name}${text}`),
            ...(spec.negatable ? [sq(`--no-${name}${text}`)] : [])
        ];
    }
    const action = spec.choices
        ? `(${spec.choices.join(' ')})`
        : spec.complete === 'dir'
            ? '_files -/'
            : spec.complete === 'file'
                ? '_files'
                : ' ';
    const repeat = spec.multiple ? '*' : '';
    const value = zshText(spec.placeholder ?? 'VALUE');
    return [sq(`${repeat}--${name}=${text}:${value}:${action}`)];
}
function zsh(commands, common) {
    const described = commands.map((c) => `    ${sq(`${c.name}:${shortHelp(c.summary)}`)}`);
    const cases = commands.map((command) => {
        const specs = flagsOf(command, common).flatMap(zshSpecs);
        if (command.argument) {
            specs.push(sq(`1:${zshText(command.argument.placeholder)}:(${command.argument.choices.join(' ')})`));
        }
        return `    ${command.name})\n      _arguments -s \\\n        ${specs.join(' \\\n        ')} ;;`;
    });
    return `#compdef docker-nest
# zsh completion for docker-nest. Load it after compinit with:
#   source <(docker-nest completion zsh)
# or save it as _docker-nest in a directory of $fpath.
_docker_nest() {
  local -a commands
  commands=(
${described.join('\n')}
  )
  if ((CURRENT == 2)); then
    _describe -t commands 'docker-nest command' commands
    return
  fi
  local command=$words[2]
  shift words
  ((CURRENT--))
  case $command in
${cases.join('\n')}
    help) _describe -t commands 'docker-nest command' commands ;;
  esac
}
if [[ $funcstack[1] == _docker-nest ]]; then
  _docker_nest "$@"
else
  compdef _docker_nest docker-nest
fi
`;
}
/** Quotes for fish: inside '', only \\ and \\' are special. */
function completion_fishQuote(text) {
    return `'${text.replace(/[\\']/g, (c) => `\\${c}`)}'`;
}
function fish(commands, common) {
    const lines = [
        '# fish completion for docker-nest. Load it with:',
        '#   docker-nest completion fish | source',
        '# __docker_nest_on NAME: the command line so far is docker-nest NAME …;',
        '# without NAME: no command yet.',
        'function __docker_nest_on',
        '    set -l words (commandline -opc)',
        '    if test (count $argv) -eq 0',
        '        test (count $words) -eq 1',
        '    else',
        '        test (count $words) -ge 2; and test "$words[2]" = "$argv[1]"',
        '    end',
        'end',
        'complete -c docker-nest -f',
        ...commands.map((c) => `complete -c docker-nest -n __docker_nest_on -a ${c.name} -d ${completion_fishQuote(shortHelp(c.summary))}`),
        `complete -c docker-nest -n __docker_nest_on -a help -d 'show the help of docker-nest or of one command'`,
        `complete -c docker-nest -n __docker_nest_on -s h -l help -d 'show this help'`,
        `complete -c docker-nest -n __docker_nest_on -s v -l version -d "print docker-nest's version"`,
        `complete -c docker-nest -n '__docker_nest_on help' -a ${completion_fishQuote(commands.map((c) => c.name).join(' '))}`
    ];
    for (const command of commands) {
        const when = `-n '__docker_nest_on ${command.name}'`;
        if (command.argument) {
            lines.push(`complete -c docker-nest ${when} -a ${completion_fishQuote(command.argument.choices.join(' '))}`);
        }
        for (const flag of flagsOf(command, common)) {
            const { name, spec, help } = flag;
            const desc = `-d ${completion_fishQuote(help)}`;
            const short = spec.short ? ` -s ${spec.short}` : '';
            if (spec.type === 'boolean') {
                lines.push(`complete -c docker-nest ${when}${short} -l ${name} ${desc}`);
                if (spec.negatable)
                    lines.push(`complete -c docker-nest ${when} -l no-${name} ${desc}`);
                continue;
            }
            const value = spec.choices
                ? `-x -a ${completion_fishQuote(spec.choices.join(' '))}`
                : spec.complete === 'dir'
                    ? `-x -a '(__fish_complete_directories)'`
                    : spec.complete === 'file'
                        ? '-r -F'
                        : '-x';
            lines.push(`complete -c docker-nest ${when} -l ${name} ${value} ${desc}`);
        }
    }
    return `${lines.join('\n')}\n`;
}
/** The completion script for one shell. */
function completionScript(shell, commands, common) {
    if (shell === 'bash')
        return bash(commands, common);
    if (shell === 'zsh')
        return zsh(commands, common);
    return fish(commands, common);
}

;// CONCATENATED MODULE: ./src/cli/failure.ts
/** How a failed command reaches the user: one message, an exit code, a line for eval. */





/** What docker prints when it cannot reach its daemon. */
const DAEMON_UNREACHABLE = /Cannot connect to the Docker daemon|error during connect|permission denied while trying to connect to the Docker daemon/i;
/**
 * The message for a failure. A docker call that could not reach the
 * runner's daemon becomes docker's own sentence and the fix, without the
 * internal command line (`docker ps … --format {{…}}`) that failed;
 * `--debug` keeps that.
 */
function failureMessage(error, debug) {
    if (error instanceof DockerCommandError &&
        DAEMON_UNREACHABLE.test(error.stderr) &&
        !debug) {
        const said = error.stderr.trim().split('\n').filter(Boolean).pop() ?? '';
        return (`The runner's Docker daemon does not answer: ${said.replace(/^docker: /, '')} ` +
            "Start it, or set DOCKER_HOST to its address; 'docker-nest doctor' checks the host.");
    }
    return errorMessage(error);
}
/** 2 for bad usage or input, 1 for the rest. */
function failure_exitCodeOf(error) {
    return error instanceof UsageError || error instanceof InputError
        ? EXIT.usage
        : EXIT.failed;
}
/** Commands whose stdout is meant for eval (`eval "$(docker-nest up)"`). */
const EVAL_COMMANDS = ['up', 'env'];
/** The --format of a command line, read leniently: it may not have parsed. */
function formatIn(args) {
    let format = 'sh';
    args.forEach((arg, i) => {
        if (arg === '--format' && args[i + 1] !== undefined)
            format = args[i + 1];
        else if (arg.startsWith('--format='))
            format = arg.slice('--format='.length);
    });
    return format;
}
/**
 * The line a failed `up` or `env` prints on stdout so the eval of its
 * output fails too (see {@link failureLine}); undefined for other commands,
 * other formats, and a terminal, where no eval reads it.
 */
function evalGuard(argv, exitCode, stdoutIsTty = Boolean(process.stdout.isTTY)) {
    const [command, ...rest] = argv;
    if (exitCode === 0 || stdoutIsTty || !EVAL_COMMANDS.includes(command)) {
        return undefined;
    }
    return failureLine(formatIn(rest), command, exitCode);
}

;// CONCATENATED MODULE: ./src/cli/help.ts
/** Columns to wrap help to: the terminal's, else $COLUMNS, else 80; never below 40. */
function helpWidth(columns = process.stdout.columns, env = process.env) {
    return Math.max(40, columns || Number(env.COLUMNS) || 80);
}
/**
 * Wraps one paragraph to `width` columns. Continuation lines start with
 * `indent`; a word longer than a line is cut, so no line is wider.
 */
function wrap(text, width, indent = '') {
    const lines = [];
    let line = '';
    let prefix = '';
    for (let word of text.split(/\s+/).filter(Boolean)) {
        const room = width - (line === '' ? prefix.length : line.length + 1);
        if (word.length <= room) {
            line = line === '' ? prefix + word : `${line} ${word}`;
            continue;
        }
        if (line !== '')
            lines.push(line);
        prefix = indent;
        while (prefix.length + word.length > width) {
            const cut = Math.max(1, width - prefix.length);
            lines.push(prefix + word.slice(0, cut));
            word = word.slice(cut);
        }
        line = prefix + word;
    }
    if (line !== '')
        lines.push(line);
    return lines;
}
/**
 * Wraps text of several lines: each keeps its own leading spaces, and the
 * continuation lines of an indented one (an example) are indented two more.
 */
function wrapText(text, width) {
    return text.split('\n').flatMap((line) => {
        if (line.trim() === '')
            return [''];
        const lead = /^ */.exec(line)[0];
        const hang = lead === '' ? '' : '  ';
        return wrap(line.trim(), width - lead.length, hang).map((l) => lead + l);
    });
}
/** `-h, --help`, `--[no-]tls`, `--image IMAGE` for one option. */
function flagLabel(name, spec) {
    const short = spec.short ? `-${spec.short}, ` : '';
    if (spec.type === 'boolean')
        return `${short}--${spec.negatable ? '[no-]' : ''}${name}`;
    return `${short}--${name} ${spec.placeholder ?? 'VALUE'}`;
}
/** Flag column: as wide as the widest flag up to this, longer flags stand alone. */
const MAX_FLAG_COLUMN = 30;
/** Below this many columns for the text, descriptions go under their flag. */
const MIN_TEXT_COLUMN = 32;
/** The option list: flag, then its description wrapped beside or under it. */
function optionLines(options, width) {
    const labels = Object.entries(options).map(([name, spec]) => [flagLabel(name, spec), spec.help]);
    const flagColumn = Math.min(MAX_FLAG_COLUMN, Math.max(...labels.map(([label]) => label.length)));
    const textStart = 2 + flagColumn + 2;
    const beside = width - textStart >= MIN_TEXT_COLUMN;
    const hang = beside ? ' '.repeat(textStart) : ' '.repeat(8);
    return labels.flatMap(([label, help]) => {
        const text = wrap(help, width - hang.length).map((l) => hang + l);
        const flag = `  ${label}`;
        if (beside && label.length <= flagColumn && text.length > 0) {
            return [flag.padEnd(textStart) + text[0].trimStart(), ...text.slice(1)];
        }
        return [...wrap(label, width - 2).map((l) => `  ${l}`), ...text];
    });
}
const EXIT_CODES = 'Exit codes: 0 done, 1 failed (the message says why), 2 bad usage or input.';
/** The overview `docker-nest help` prints. */
function overviewHelp(commands, width) {
    const rows = [
        ...commands.map((c) => [c.name, c.summary]),
        [
            'help',
            "show this help; 'docker-nest <command> --help' for one command"
        ]
    ];
    const column = Math.max(...rows.map(([name]) => name.length));
    const lines = rows.flatMap(([name, summary]) => {
        const [first, ...rest] = wrap(summary, width - column - 4);
        return [
            `  ${name.padEnd(column)}  ${first}`,
            ...rest.map((l) => ' '.repeat(column + 4) + l)
        ];
    });
    return [
        'Usage: docker-nest <command> [options]',
        '',
        'Commands:',
        ...lines,
        '',
        'Options:',
        ...optionLines({
            help: { type: 'boolean', short: 'h', help: 'show this help' },
            version: {
                type: 'boolean',
                short: 'v',
                help: "print docker-nest's version"
            }
        }, width),
        '',
        ...wrapText('Messages go to stderr; stdout carries only what a command prints for ' +
            'use (variables, tables). In a script, run set -e and then ' +
            'eval "$(docker-nest up)": when up fails, the eval fails too and the ' +
            'script stops.', width),
        '',
        ...wrapText(EXIT_CODES, width),
        ''
    ].join('\n');
}
/** Help for one command: usage line, summary, options, notes, exit codes. */
function commandHelp(command, commonOptions, width) {
    const argument = command.argument ? ` ${command.argument.placeholder}` : '';
    const summary = `${command.summary[0].toUpperCase()}${command.summary.slice(1)}.`;
    return [
        ...wrap(`Usage: docker-nest ${command.name} [options]${argument}`, width, '  '),
        '',
        ...wrapText(summary, width),
        '',
        'Options:',
        ...optionLines({ ...command.options, ...commonOptions }, width),
        ...(command.notes ? ['', ...wrapText(command.notes, width)] : []),
        '',
        ...wrapText(EXIT_CODES, width),
        ''
    ].join('\n');
}

;// CONCATENATED MODULE: ./src/cli/logger.ts

function createCliLogger(debug, stream = process.stderr) {
    let progress;
    const write = (line) => {
        progress?.clear();
        stream.write(`${line}\n`);
    };
    return {
        info: (message) => write(message),
        debug: (message) => {
            if (debug)
                write(`debug: ${message}`);
        },
        warning: (message) => write(`warning: ${message}`),
        status: (text) => progress?.show(text),
        group: async (title, fn) => {
            write(`==> ${title}`);
            // Only the outermost group shows its time: one status line at most.
            if (progress)
                return fn();
            progress = startProgress(title, stream);
            try {
                return await fn();
            }
            finally {
                progress.stop();
                progress = undefined;
            }
        }
    };
}

;// CONCATENATED MODULE: ./package.json
const package_namespaceObject = {"rE":"0.1.0"};
;// CONCATENATED MODULE: ./src/cli/version.ts
/**
 * The version `docker-nest --version` prints: package.json's, inlined into
 * the bundle by ncc (webpack keeps only the fields read), so the CLI reads
 * no file at run time.
 */

/** docker-nest's version, e.g. 0.1.0. */
const VERSION = package_namespaceObject.rE;

;// CONCATENATED MODULE: ./src/cli/cli.ts




















/** Options every command takes. */
const COMMON_OPTIONS = {
    debug: { type: 'boolean', help: 'more detail on stderr' },
    help: { type: 'boolean', short: 'h', help: 'show help for the command' }
};
/** `docker-nest completion bash|zsh|fish`. */
const completion = {
    name: 'completion',
    summary: 'print a shell completion script for bash, zsh or fish',
    options: {},
    argument: { placeholder: 'bash|zsh|fish', choices: SHELLS },
    notes: [
        'Load it in the current shell:',
        '  source <(docker-nest completion bash)',
        '  source <(docker-nest completion zsh)      # after compinit',
        '  docker-nest completion fish | source',
        'or add that line to ~/.bashrc, ~/.zshrc or ~/.config/fish/config.fish.'
    ].join('\n'),
    async run({ positionals }) {
        process.stdout.write(completionScript(positionals[0], COMMANDS, COMMON_OPTIONS));
        return EXIT.ok;
    }
};
/** Every command, in help order. */
const COMMANDS = [
    up_up,
    down_down,
    env,
    wait,
    status_status,
    reap,
    doctor,
    completion
];
/** Commands docker-nest runs itself; not listed in the help. */
const INTERNAL_COMMANDS = [socketProxy];
function findCommand(name) {
    const command = [...COMMANDS, ...INTERNAL_COMMANDS].find((c) => c.name === name);
    if (!command) {
        const names = [...COMMANDS.map((c) => c.name), 'help'];
        throw new UsageError(`Unknown command '${name}'.${didYouMean(name, names)} ${seeHelp()}`);
    }
    return command;
}
/** The free word of a command that takes one, checked. */
function checkPositionals(command, positionals) {
    const { argument } = command;
    const extra = positionals[argument ? 1 : 0];
    if (extra !== undefined) {
        throw new UsageError(`Unexpected argument '${extra}'. ${seeHelp(command.name)}`);
    }
    if (!argument)
        return;
    const word = positionals[0];
    if (word === undefined || !argument.choices.includes(word)) {
        const got = word === undefined ? '' : `, got '${word}'`;
        const guess = word === undefined ? '' : didYouMean(word, argument.choices);
        throw new UsageError(`'docker-nest ${command.name}' needs ${listOf(argument.choices)}${got}.${guess} ${seeHelp(command.name)}`);
    }
}
/** Parses argv (without node and script); flags win over env vars. */
function parseCommandLine(argv, env = process.env) {
    const [first, ...rest] = argv;
    const none = {
        values: {},
        positionals: [],
        inputs: {},
        stateDir: undefined,
        debug: false
    };
    if (first === undefined || first === '--help' || first === '-h') {
        return { command: 'help', ...none };
    }
    if (first === '--version' || first === '-v') {
        return { command: 'version', ...none };
    }
    if (first === 'help') {
        if (rest.length > 1)
            throw new UsageError(`Unexpected argument '${rest[1]}'. ${seeHelp()}`);
        const topic = rest[0] === 'help' ? undefined : rest[0];
        if (topic !== undefined)
            findCommand(topic);
        return { command: 'help', topic, ...none };
    }
    if (first.startsWith('-')) {
        throw new UsageError(`The command comes first (docker-nest <command> [options]), got '${first}'. ${seeHelp()}`);
    }
    const command = findCommand(first);
    // -h anywhere shows the help, even next to a mistake.
    if (rest.includes('-h') || rest.includes('--help')) {
        return { command: 'help', topic: command.name, ...none };
    }
    const { values, positionals } = parseOptions(rest, { ...command.options, ...COMMON_OPTIONS }, command.name);
    checkPositionals(command, positionals);
    return {
        command: command.name,
        values,
        positionals,
        inputs: command === up_up ? inputsFrom(values, env) : {},
        stateDir: values['state-dir'],
        debug: Boolean(values.debug)
    };
}
/** Runs one command line; returns the exit code. */
async function main(argv) {
    let debug = argv.includes('--debug');
    let code;
    try {
        const parsed = parseCommandLine(argv);
        debug = parsed.debug;
        if (parsed.command === 'help') {
            const width = helpWidth();
            process.stdout.write(parsed.topic
                ? commandHelp(findCommand(parsed.topic), COMMON_OPTIONS, width)
                : overviewHelp(COMMANDS, width));
            return EXIT.ok;
        }
        if (parsed.command === 'version') {
            process.stdout.write(`docker-nest ${VERSION}\n`);
            return EXIT.ok;
        }
        const logger = createCliLogger(parsed.debug);
        code = await findCommand(parsed.command).run({
            ...parsed,
            logger,
            env: process.env
        });
    }
    catch (error) {
        process.stderr.write(`docker-nest: ${failureMessage(error, debug)}\n`);
        code = failure_exitCodeOf(error);
    }
    const guard = evalGuard(argv, code);
    if (guard)
        process.stdout.write(`${guard}\n`);
    return code;
}


/***/ }),

/***/ 486:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _cli_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(952);
// Entry of dist/cli: only calls main(), so tests can import it without side effects.

process.exitCode = await (0,_cli_js__WEBPACK_IMPORTED_MODULE_0__/* .main */ .iW)(process.argv.slice(2));

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(486);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
