import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 391:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _post_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(51);
// Entry of dist/post: only calls run(), so tests can import run() without side effects.

await (0,_post_js__WEBPACK_IMPORTED_MODULE_0__/* .run */ .e)();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 51:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  e: () => (/* binding */ run)
});

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
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
const lazy_builtins_lazyCrypto = () => load('node:crypto');
const lazyTls = () => load('node:tls');
const lazyHttps = () => load('node:https');
const lazy_builtins_lazyChildProcess = () => load('node:child_process');
const lazyFsPromises = () => load('node:fs/promises');

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
    return lazy_builtins_lazyCrypto().randomUUID();
}
/** Four random bytes as 8 hex digits (the first group of a UUID is all random). */
function random_randomHex8() {
    return randomUuid().slice(0, 8);
}

;// CONCATENATED MODULE: ./src/action/workflow.ts
/**
 * The runner's workflow commands that main and post use, written directly:
 * inputs from INPUT_*, outputs/env/state appended to the GITHUB_* files,
 * `::warning::`/`::error::`/`::group::` lines on stdout, the job summary.
 *
 * Why not @actions/core: it bundles an HTTP client (for OIDC tokens, which we
 * never use) that costs ~85 ms of load on every main and post step, most of
 * the step's overhead over the bare start of the sidecar (bench/). The
 * formats are the documented ones @actions/core also writes; the tool-cache
 * path (docker-cli.ts) still uses @actions/core, loaded only when it installs.
 */



/** Escapes a command's message the way the runner decodes it. */
function escapeData(value) {
    return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function command(name, message) {
    process.stdout.write(`::${name}::${escapeData(message)}${external_node_os_namespaceObject.EOL}`);
}
/** `name<<delimiter` block of a file command (GITHUB_OUTPUT/ENV/STATE). */
function keyValueBlock(name, value) {
    const delimiter = `ghadelimiter_${randomUuid()}`;
    if (name.includes(delimiter) || value.includes(delimiter)) {
        throw new Error(`Unexpected input: value contains the delimiter ${delimiter}`);
    }
    return `${name}<<${delimiter}${external_node_os_namespaceObject.EOL}${value}${external_node_os_namespaceObject.EOL}${delimiter}${external_node_os_namespaceObject.EOL}`;
}
function fileCommand(variable, name, value) {
    const file = process.env[variable];
    if (!file)
        throw new Error(`${variable} is not set: not running in a GitHub Actions step?`);
    (0,external_node_fs_namespaceObject.appendFileSync)(file, keyValueBlock(name, value), 'utf8');
}
/** An input as the runner passes it (INPUT_<NAME>), trimmed; '' when absent. */
function getInput(name) {
    const key = `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
    return (process.env[key] ?? '').trim();
}
function setOutput(name, value) {
    fileCommand('GITHUB_OUTPUT', name, value);
}
/** Sets a variable for this process and for the job's later steps. */
function exportVariable(name, value) {
    process.env[name] = value;
    fileCommand('GITHUB_ENV', name, value);
}
/** State for this action's post step (it reads it as STATE_<name>). */
function saveState(name, value) {
    fileCommand('GITHUB_STATE', name, value);
}
function getState(name) {
    return process.env[`STATE_${name}`] ?? '';
}
function info(message) {
    process.stdout.write(`${message}${external_node_os_namespaceObject.EOL}`);
}
function debug(message) {
    command('debug', message);
}
function workflow_warning(message) {
    command('warning', message);
}
/** Fails the step: an error annotation and exit code 1. */
function setFailed(message) {
    process.exitCode = 1;
    command('error', message);
}
/** Runs `fn` inside a collapsible log group. */
async function group(name, fn) {
    process.stdout.write(`::group::${escapeData(name)}${external_node_os_namespaceObject.EOL}`);
    try {
        return await fn();
    }
    finally {
        process.stdout.write(`::endgroup::${external_node_os_namespaceObject.EOL}`);
    }
}
/** Appends Markdown to the job summary; false when the step has no summary file. */
function appendSummary(markdown) {
    const file = process.env.GITHUB_STEP_SUMMARY;
    if (!file)
        return false;
    appendFileSync(file, markdown.endsWith(EOL) ? markdown : `${markdown}${EOL}`, 'utf8');
    return true;
}

;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
;// CONCATENATED MODULE: ./src/engine/types.ts
/**
 * Types shared across the engine. Docker's JSON shapes are trimmed to the
 * fields we read; upstream structs are linked next to each type.
 */
/** Names of the variables in {@link HostDockerEnv}. */
const types_HOST_DOCKER_ENV_KEYS = [
    'DOCKER_HOST',
    'DOCKER_TLS_VERIFY',
    'DOCKER_CERT_PATH',
    'DOCKER_CONTEXT'
];

;// CONCATENATED MODULE: ./src/engine/docker/cli.ts




const STDERR_TAIL_LINES = 20;
/** A docker CLI call that exited non-zero (or could not start). */
class cli_DockerCommandError extends Error {
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
function cli_findOnPath(name, pathVar = process.env.PATH ?? '') {
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
    for (const key of types_HOST_DOCKER_ENV_KEYS) {
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
class cli_DockerCli {
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
        const binary = cli_findOnPath('docker');
        if (!binary) {
            throw new Error('The docker CLI is not on PATH. docker-nest drives the runner’s ' +
                'Docker daemon through it: install Docker on the runner (hosted ' +
                'ubuntu runners have it) or add the docker binary to PATH.');
        }
        return new cli_DockerCli(binary, host, debug);
    }
    /** Runs `docker <args>`; throws {@link DockerCommandError} on a non-zero exit. */
    async exec(args, options = {}) {
        if (this.cancelled)
            throw new CancelledError(args);
        const result = await this.tryExec(args, options);
        if (result.exitCode !== 0) {
            throw new cli_DockerCommandError(args, result.exitCode, result.stderr);
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
        return lazy_builtins_lazyChildProcess().spawn(this.binary, args, {
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
        return result.exitCode === 0 || cli_isNoSuchObject(result.stderr);
    }
    /** Removes a volume; false when it failed for a reason other than "gone". */
    async tryRemoveVolume(name) {
        const result = await this.tryExec(['volume', 'rm', '--force', name]);
        return result.exitCode === 0 || cli_isNoSuchObject(result.stderr);
    }
}
/** True when docker's error text says the object does not exist. */
function cli_isNoSuchObject(stderr) {
    return /no such (container|volume|network|object)|not found/i.test(stderr);
}

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
            if (/no such image/i.test(found.stderr) || cli_isNoSuchObject(found.stderr)) {
                return false;
            }
            throw new cli_DockerCommandError(args, found.exitCode, found.stderr);
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
                throw new cli_DockerCommandError(args, logs.exitCode, logs.stderr);
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
    if (cli_isNoSuchObject(result.stderr))
        return undefined;
    throw new cli_DockerCommandError(args, result.exitCode, result.stderr);
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
function client_errorText(error) {
    if (error instanceof cli_DockerCommandError)
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
            error: client_errorText(error) || 'failed without an error text'
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

;// CONCATENATED MODULE: external "node:http"
const external_node_http_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");
;// CONCATENATED MODULE: ./src/engine/docker/endpoint.ts


/** The endpoint of a unix socket. */
function endpoint_socketEndpoint(socketPath) {
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
        return statSync(path);
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
function socket_resolveSocket(input, env = defaultSocketEnv()) {
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
        const rootless = join(env.xdgRuntimeDir, 'docker.sock');
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
function socket_assertSocket(choice) {
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
        return namesById(readFileSync(file, 'utf8'));
    }
    catch {
        return new Map();
    }
}
/** Reads the facts for {@link permissionMessage} from the system. */
function socket_permissionFacts(path) {
    const stats = statSync(path);
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
function socket_permissionMessage(facts) {
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
    return socket ? new engine_api_EngineApi(endpoint_socketEndpoint(socket), debug) : undefined;
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
function api_client_apiClient(api, docker, debug = () => undefined) {
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
    return new cli_DockerCommandError(run_args_runArgsFromCreate(request), 125, `docker: Error response from daemon: ${message}.`);
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
    return api ? api_client_apiClient(api, docker, debug) : cliClient(docker);
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
    const binary = cli_findOnPath('docker', env.PATH) ?? 'docker';
    return runnerClient(new cli_DockerCli(binary, host, debug), debug, env);
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
    return apiClient(new EngineApi(socketEndpoint(socketPath), debug), tracker, debug);
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
function daemon_client_getJsonOrText(endpoint, path, timeoutMs, method = 'GET') {
    return new engine_api_EngineApi(endpoint).text(path, timeoutMs, method);
}
/** Performs one request and resolves with any HTTP answer; rejects only when none comes (refused, reset, timeout). */
function requestAnswer(endpoint, path, timeoutMs, method = 'GET') {
    return new EngineApi(endpoint).answer(path, timeoutMs, method);
}
/** Resolves when the daemon answers `GET /_ping` with OK. */
function daemon_client_ping(endpoint, timeoutMs = 1000) {
    return new EngineApi(endpoint).ping(timeoutMs);
}
/** `GET /version`. */
function daemon_client_daemonVersion(endpoint) {
    return new EngineApi(endpoint).version();
}
/** `GET /info`. */
function daemon_client_daemonInfo(endpoint) {
    return new EngineApi(endpoint).info();
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
    if (isIPv4(address)) {
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
    const family = isIPv4(address) ? 32 : isIPv6(address) ? 128 : 0;
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
function address_pools_addressPoolArgs(pools = []) {
    return pools.map((pool) => `--default-address-pool=base=${pool.base},size=${pool.size}`);
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
const containerd_first_FAST_START_ENV = 'DOCKER_NEST_FAST_START';
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
    FAST_START_ENV: containerd_first_FAST_START_ENV,
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
const MAX_CHARS = (/* unused pure expression or super */ null && (4 * 1024 * 1024));
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
const startup_script_PLAIN_TCP_ENV = 'DOCKER_NEST_PLAIN_TCP_FROM';
/** Marker copied last into the cert dir; its presence means all files are there. */
const startup_script_CERTS_READY_MARKER = '.docker-nest-ready';
/** Where certificates go inside the sidecar (the official image's default). */
const startup_script_CERT_DIR_IN_CONTAINER = '/certs';
/**
 * The dind preparation of moby's hack/dind and the official entrypoint's
 * iptables backend choice, as shell functions (scripts/prepare-dind.sh).
 */
const PREPARE_FUNCTIONS = prepareDindScript();
/** The sidecar's entrypoint, run as `sh -c` with dockerd's flags as arguments. */
const startup_script_STARTUP_SCRIPT = startDindScript({
    CERTS_READY_MARKER: startup_script_CERTS_READY_MARKER,
    CGROUP_LINE_PREFIX: CGROUP_LINE_PREFIX,
    CONTAINERD_DIED_LINE: CONTAINERD_DIED_LINE,
    CONTAINERD_SOCKET: CONTAINERD_SOCKET,
    CONTAINERD_STATE_DIR: CONTAINERD_STATE_DIR,
    DOCKERD_SHIM: DOCKERD_SHIM,
    FAST_START_ENV: containerd_first_FAST_START_ENV,
    FAST_START_LOG_PREFIX: FAST_START_LOG_PREFIX,
    NON_ROOT_MESSAGE: NON_ROOT_MESSAGE,
    PLAIN_TCP_ENV: startup_script_PLAIN_TCP_ENV,
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
const daemon_config_DAEMON_CONFIG_PATH = '/etc/docker-nest/daemon.json';
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
function daemon_config_configSetsMtu(config) {
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
    const dir = daemon_config_DAEMON_CONFIG_PATH.replace(/^\//, '').replace(/[^/]+$/, '');
    return [
        { path: dir, mode: 0o755 },
        { path: `${dir}daemon.json`, mode: 0o644, content: json },
        ...(marker
            ? [{ path: `${dir}${CERTS_READY_MARKER}`, mode: 0o644, content: '' }]
            : [])
    ];
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
        const iface = defaultRouteInterface(readFileSync(`${procRoot}/net/route`, 'utf8'));
        if (!iface)
            return undefined;
        const mtu = Number(readFileSync(`${sysRoot}/class/net/${iface}/mtu`, 'utf8').trim());
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
function mtu_mtuSetting(mtu, runnerMtu, decidedByConfig) {
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

;// CONCATENATED MODULE: ./src/engine/lifecycle/labels.ts
/**
 * The labels docker-nest puts on what it creates, in one place: post, down
 * and the reapers find and judge objects by them, never by name alone.
 */
/** Label keys every docker-nest resource carries, so post and reap find them. */
const labels_LABELS = {
    /** Marks any object docker-nest created. */
    managed: 'docker-nest',
    /** The nest's unique id: `<ci run id>-<attempt>-<random>` or `local-<random>`. */
    run: 'docker-nest.run',
    /** Unix time (seconds) after which a reaper may remove the object. */
    expires: 'docker-nest.expires'
};
/** The job process that owns a nest (owner.ts formats it). */
const labels_OWNER_LABEL = 'docker-nest.owner';
/** On the cache volume and on a cached nest's container: the cache name. */
const labels_CACHE_LABEL = 'docker-nest.cache';
/** On a cache volume and its nest: the partition, e.g. `github:github.com/repository-id/1/pull-requests`. */
const labels_CACHE_SCOPE_LABEL = 'docker-nest.cache-scope';

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
function owner_ownerState(label, table) {
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
function owner_readStat(pid, proc = '/proc') {
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
            startTimeOf: (pid) => owner_readStat(pid, proc)?.startTime
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
    let current = owner_readStat(pid, proc)?.ppid;
    for (let depth = 0; current && current > 1 && depth < MAX_ANCESTORS; depth++) {
        const stat = owner_readStat(current, proc);
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
const MERGE_REQUEST_SOURCES = (/* unused pure expression or super */ null && ([
    'merge_request_event',
    'external_pull_request_event'
]));
/** Checks input `cache-scope`. */
function scope_parseCacheScope(value, problems) {
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
function scope_cachePartition(name, scope, env, problems) {
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
function scope_partitionHash(partition) {
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
function cache_cacheResourceName(cache) {
    return `docker-nest-cache-${cache.name}.${partitionHash(cache.partition)}`;
}
/** The labels that name a cache, on its volume and on its nest's container. */
function cache_cacheLabels(cache) {
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
function runtime_isSysbox(runtime) {
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
    if (runtime && runtime_isSysbox(runtime))
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
    return runtime_isSysbox(runtime)
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
    const install = runtime_isSysbox(runtime)
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
function rootless_dataRootFor(rootless) {
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
function isolation_isolationHostConfig(runtime, rootlessUnprivileged = false) {
    const named = runtime ? { Runtime: runtime } : {};
    if (runtime && isSysbox(runtime))
        return { ...named, Privileged: false };
    return rootlessUnprivileged
        ? { ...named, Privileged: false, ...structuredClone(ROOTLESS_UNPRIVILEGED) }
        : { ...named, Privileged: true };
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
const IPV6_SETTINGS = (/* unused pure expression or super */ null && (['ip6tables', 'ipv6', 'fixed-cidr-v6']));
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
    const upstream = createConnection({ path: target, allowHalfOpen: true });
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
    const server = createServer({ allowHalfOpen: true }, (client) => forward(client, options.target));
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
            if (!existsSync(options.listen) || Date.now() > stopAt) {
                try {
                    asOwner(options.owner, () => rmSync(options.listen, { force: true }));
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
async function socket_proxy_launchSocketProxy(options) {
    const listen = proxySocketPath(options.dir, options.runId);
    const logFile = join(options.dir, `docker-nest-${options.runId}-proxy.log`);
    const [command, ...args] = proxyCommand(options, listen);
    // A new file of this run's name, never one (or a symlink) already there.
    const log = openSync(logFile, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
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
        return readFileSync(file, 'utf8').trim().split('\n').slice(-10).join('\n');
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
    const stat = owner_readStat(record.pid);
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
    return `${labels_LABELS.run}=${runId}`;
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
            report.warnings.push(`Could not list ${kind}s labelled ${label}: ${client_errorText(error)}`);
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
    return JSON.parse(await daemon_client_getJsonOrText(endpoint, '/system/df', DF_TIMEOUT_MS));
}
async function post(endpoint, path) {
    return daemon_client_getJsonOrText(endpoint, path, PRUNE_TIMEOUT_MS, 'POST');
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
            await daemon_client_getJsonOrText(endpoint, `/images/${encodeURIComponent(id)}`, PRUNE_TIMEOUT_MS, 'DELETE');
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
        run: found.Config.Labels?.[labels_LABELS.run] ?? '',
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
    if (removed.ok || cli_isNoSuchObject(removed.error)) {
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
        return { kind, name, running: false, error: client_errorText(error) };
    }
    if (!seen)
        return { kind, name, running: false };
    const { ref, running } = seen;
    const labels = seen.labels ?? {};
    const run = labels[labels_LABELS.run];
    const cache = labels[labels_CACHE_LABEL];
    const foreign = cache
        ? `it carries ${labels_CACHE_LABEL}=${cache}, and a cache outlives every run`
        : run !== runId
            ? `it carries ${labels_LABELS.run}=${run || '(none)'}, not this run's ${runId}`
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
    return outcome.ok || cli_isNoSuchObject(outcome.error);
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

;// CONCATENATED MODULE: ./src/action/logger.ts
/** The engine's logger, printed as workflow commands with collapsible groups. */

const actionLogger = {
    info: (message) => info(message),
    debug: (message) => debug(message),
    warning: (message) => workflow_warning(message),
    group: (title, fn) => group(title, fn)
};

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
    for (const key of types_HOST_DOCKER_ENV_KEYS) {
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

;// CONCATENATED MODULE: ./src/action/runner-env.ts
/** Facts about the runner taken from its environment. */

/** Where per-job files go: RUNNER_TEMP (emptied by the runner after each job), else the OS temp dir. */
function runnerTemp() {
    return process.env.RUNNER_TEMP || (0,external_node_os_namespaceObject.tmpdir)();
}
/** The run's identity for labels: `<run id>-<attempt>`; 'gha' outside a real run. */
function runPrefix() {
    const id = process.env.GITHUB_RUN_ID;
    const attempt = process.env.GITHUB_RUN_ATTEMPT ?? '1';
    return id && /^[0-9]+$/.test(id) && /^[0-9]+$/.test(attempt)
        ? `${id}-${attempt}`
        : 'gha';
}

;// CONCATENATED MODULE: ./src/action/state.ts
/**
 * State shared between main and post. The nest's resources live in one JSON
 * record under one key and are checked when post reads them back.
 */



/** All state keys, in one place and one style. */
const state_STATE_KEYS = {
    /** JSON {@link Resources} record, rewritten as each resource is created. */
    resources: 'resources',
    /** 'true', 'false' or 'containers': the `cleanup` input, so post knows what to tear down. */
    cleanup: 'cleanup',
    /** JSON DockerContextRecord: the docker context to remove. */
    context: 'context'
};
/** Saves the record to the post step's state after every change. */
const stateRecorder = {
    record(resources) {
        saveState(state_STATE_KEYS.resources, serializeResources(resources));
    }
};
/** Saves what post should tear down. */
function saveCleanup(options) {
    const mode = options.cleanupContainers
        ? 'containers'
        : options.cleanup
            ? 'true'
            : 'false';
    core.saveState(state_STATE_KEYS.cleanup, mode);
}
/**
 * The record main saved, or undefined when main created nothing. Throws on
 * a malformed record, and on one whose files are not where main makes them
 * (directly in RUNNER_TEMP).
 */
function loadResources() {
    const saved = getState(state_STATE_KEYS.resources);
    return saved ? parseResources(saved, runnerTemp()) : undefined;
}
/**
 * What to tear down; anything unknown means 'true', so a lost value still
 * removes the nest (and, in dood, still removes nothing of the user's).
 */
function loadCleanup() {
    const saved = getState(state_STATE_KEYS.cleanup);
    return saved === 'false' || saved === 'containers' ? saved : 'true';
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
const inputs_INPUT_DEFAULTS = {
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
function inputs_inputValue(inputs, name) {
    const value = inputs[name]?.trim();
    return value === undefined || value === '' ? inputs_INPUT_DEFAULTS[name] : value;
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
        (isIP(url.hostname) === 4 && url.hostname.startsWith('127.'));
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

;// CONCATENATED MODULE: ./src/action/docker-context.ts
/**
 * A docker context for the nest (input `context`). buildx refuses
 * to create a builder from "TLS data loaded from environment", and
 * docker/setup-buildx-action takes an `endpoint` that names a context: both
 * need the endpoint and TLS material in Docker's context store, not in env.
 *
 * The files are written directly (no `docker context create` spawn, so main
 * stays fast), in the store layout of docker/cli `context/store`:
 *   <config>/contexts/meta/<sha256(name)>/meta.json
 *   <config>/contexts/tls/<sha256(name)>/docker/{ca,cert,key}.pem
 * and `currentContext` in <config>/config.json points at it. Post removes
 * both and restores the previous current context.
 */





/** Marks a context as ours in its metadata, so a stale one may be replaced. */
const OWNER_FIELD = 'DockerNestRun';
/** The docker config dir the CLI uses: $DOCKER_CONFIG, else ~/.docker. */
function docker_context_dockerConfigDir(env = process.env, home = homedir()) {
    return env.DOCKER_CONFIG ? resolve(env.DOCKER_CONFIG) : join(home, '.docker');
}
/** The store's directory id of a context: hex sha256 of its name. */
function contextId(name) {
    return lazy_builtins_lazyCrypto().createHash('sha256').update(name).digest('hex');
}
/** The two store directories of one context. */
function contextDirs(configDir, name) {
    const id = contextId(name);
    return {
        meta: (0,external_node_path_namespaceObject.join)(configDir, 'contexts', 'meta', id),
        tls: (0,external_node_path_namespaceObject.join)(configDir, 'contexts', 'tls', id)
    };
}
/** meta.json of a context with one docker endpoint (docker/cli `store.Metadata`). */
function contextMeta(options) {
    return {
        Name: options.name,
        Metadata: {
            Description: `docker-nest: the job's Docker daemon (run ${options.runId})`,
            [OWNER_FIELD]: options.runId
        },
        Endpoints: { docker: { Host: options.host, SkipTLSVerify: false } }
    };
}
/** The run id in a context's metadata when docker-nest wrote it. */
function docker_context_ownerOf(metaDir) {
    try {
        const meta = JSON.parse((0,external_node_fs_namespaceObject.readFileSync)((0,external_node_path_namespaceObject.join)(metaDir, 'meta.json'), 'utf8'));
        const owner = meta?.Metadata?.[OWNER_FIELD];
        return typeof owner === 'string' ? owner : undefined;
    }
    catch {
        return undefined;
    }
}
/**
 * Writes the context and makes it the current one.
 *
 * @param options Name, config dir, endpoint and certificates.
 * @returns What to pass to {@link removeDockerContext}.
 * @throws Error when a context of that name exists and is not docker-nest's,
 *   or config.json is not valid JSON.
 */
function docker_context_createDockerContext(options) {
    const { name, configDir } = options;
    const dirs = contextDirs(configDir, name);
    if (existsSync(dirs.meta) && docker_context_ownerOf(dirs.meta) === undefined) {
        throw new Error(`Input 'context': a docker context named '${name}' already exists in ` +
            `${configDir} and docker-nest did not create it. Choose another ` +
            `name or remove it (docker context rm ${name}).`);
    }
    const config = readConfig(configDir);
    rmSync(dirs.tls, { recursive: true, force: true });
    if (options.certPath) {
        const docker = join(dirs.tls, 'docker');
        mkdirSync(docker, { recursive: true, mode: 0o700 });
        for (const file of ['ca.pem', 'cert.pem', 'key.pem']) {
            copyFileSync(join(options.certPath, file), join(docker, file));
        }
    }
    mkdirSync(dirs.meta, { recursive: true, mode: 0o755 });
    writeFileSync(join(dirs.meta, 'meta.json'), JSON.stringify(contextMeta(options)));
    const previous = config.currentContext;
    const record = {
        name,
        configDir,
        ...(typeof previous === 'string' && previous !== name ? { previous } : {})
    };
    writeConfig(configDir, { ...config, currentContext: name });
    return record;
}
/**
 * Removes the context and, when it is still the current one, makes the
 * previous context current again. Never throws.
 *
 * @returns Warnings, one per step that failed.
 */
function removeDockerContext(record) {
    const warnings = [];
    const dirs = contextDirs(record.configDir, record.name);
    // Only ours: main may have refused to replace the user's context of that
    // name; then neither it nor the current context is ours to change.
    if ((0,external_node_fs_namespaceObject.existsSync)(dirs.meta) && docker_context_ownerOf(dirs.meta) === undefined)
        return [];
    try {
        (0,external_node_fs_namespaceObject.rmSync)(dirs.meta, { recursive: true, force: true });
        (0,external_node_fs_namespaceObject.rmSync)(dirs.tls, { recursive: true, force: true });
    }
    catch (error) {
        warnings.push(`Could not remove docker context '${record.name}': ${error}`);
    }
    try {
        restoreCurrent(record);
    }
    catch (error) {
        warnings.push(`Could not restore the current docker context in ` +
            `${(0,external_node_path_namespaceObject.join)(record.configDir, 'config.json')}: ${error}`);
    }
    return warnings;
}
/** Puts `previous` back unless the job switched to another context itself. */
function restoreCurrent(record) {
    if (!(0,external_node_fs_namespaceObject.existsSync)((0,external_node_path_namespaceObject.join)(record.configDir, 'config.json')))
        return;
    const config = readConfig(record.configDir);
    if (config.currentContext !== record.name)
        return;
    const { currentContext: _ours, ...rest } = config;
    writeConfig(record.configDir, record.previous === undefined
        ? rest
        : { ...rest, currentContext: record.previous });
}
function readConfig(configDir) {
    const file = (0,external_node_path_namespaceObject.join)(configDir, 'config.json');
    if (!(0,external_node_fs_namespaceObject.existsSync)(file))
        return {};
    const text = (0,external_node_fs_namespaceObject.readFileSync)(file, 'utf8');
    if (text.trim() === '')
        return {};
    try {
        const config = JSON.parse(text);
        if (typeof config === 'object' && config !== null && !Array.isArray(config))
            return config;
    }
    catch {
        // reported below
    }
    throw new Error(`${file} is not a JSON object, so the current docker context cannot be ` +
        'set. Fix or remove it, or leave input context empty.');
}
/** Atomic rewrite that keeps the file's mode (config.json may hold auths). */
function writeConfig(configDir, config) {
    const file = (0,external_node_path_namespaceObject.join)(configDir, 'config.json');
    const mode = (0,external_node_fs_namespaceObject.existsSync)(file) ? (0,external_node_fs_namespaceObject.statSync)(file).mode & 0o777 : 0o600;
    (0,external_node_fs_namespaceObject.mkdirSync)(configDir, { recursive: true, mode: 0o700 });
    const temp = `${file}.docker-nest-${process.pid}`;
    (0,external_node_fs_namespaceObject.writeFileSync)(temp, `${JSON.stringify(config, null, '\t')}\n`, { mode });
    (0,external_node_fs_namespaceObject.renameSync)(temp, file);
}
/**
 * Checks a record read back from state.
 *
 * @throws Error when it does not look like one {@link createDockerContext} made.
 */
function parseContextRecord(text) {
    const value = JSON.parse(text);
    const ok = typeof value?.name === 'string' &&
        CONTEXT_NAME.test(value.name) &&
        typeof value.configDir === 'string' &&
        (0,external_node_path_namespaceObject.isAbsolute)(value.configDir) &&
        (value.previous === undefined || typeof value.previous === 'string');
    if (!ok)
        throw new Error(`docker-nest context state is malformed: ${text}`);
    const { name, configDir, previous } = value;
    return { name, configDir, ...(previous === undefined ? {} : { previous }) };
}

;// CONCATENATED MODULE: ./src/action/clients.ts
/**
 * What later steps' clients need beyond DOCKER_HOST & co.: a docker
 * context for buildx and setup-buildx-action, and the host Testcontainers
 * should use for published ports. Nothing here spawns a process, and with
 * both inputs at their defaults it does nothing at all.
 */




/**
 * Creates the docker context and exports the Testcontainers host when asked.
 *
 * @returns The context name for output `context` ('' when none).
 * @throws Error when the context cannot be written.
 */
function setUpClients(options, info, runId) {
    if (options.testcontainersHostOverride)
        exportTestcontainersHost(info);
    if (!options.context)
        return '';
    const pending = {
        name: options.context,
        configDir: dockerConfigDir()
    };
    // Saved before the files exist, so post also cleans a half-written context.
    saveContext(pending);
    const record = createDockerContext({
        ...pending,
        host: info.dockerHost,
        certPath: info.mode === 'dind' ? info.certPath : undefined,
        runId
    });
    saveContext(record);
    core.info(`Docker context '${record.name}' (now current) in ${record.configDir}; ` +
        `previous: ${record.previous ?? 'none'}.`);
    return record.name;
}
/**
 * Published ports of inner containers are on the sidecar, not on 127.0.0.1
 * (the host of DOCKER_HOST, which Testcontainers would use otherwise). In
 * dood they are on the runner's daemon host, which Testcontainers finds.
 */
function exportTestcontainersHost(info) {
    if (info.mode === 'dood') {
        core.info('testcontainers-host-override: dood publishes ports on the runner’s ' +
            'daemon host; nothing to override.');
        return;
    }
    core.exportVariable('TESTCONTAINERS_HOST_OVERRIDE', info.containerIp);
    core.info(`TESTCONTAINERS_HOST_OVERRIDE=${info.containerIp}`);
}
function saveContext(record) {
    core.saveState(STATE_KEYS.context, JSON.stringify(record));
}
/** Post: removes the context main created and restores the previous current one. Never throws. */
function removeClientContext() {
    const saved = getState(state_STATE_KEYS.context);
    if (!saved)
        return;
    try {
        const record = parseContextRecord(saved);
        const warnings = removeDockerContext(record);
        for (const warning of warnings)
            workflow_warning(warning);
        if (warnings.length === 0) {
            info(`Removed docker context '${record.name}'; current context: ` +
                `${record.previous ?? 'default'}.`);
        }
    }
    catch (error) {
        workflow_warning(`docker-nest cleanup: ${errorMessage(error)}`);
    }
}

;// CONCATENATED MODULE: ./src/action/early.ts
/**
 * The early start: the Action's pre step starts the nest in a background
 * process while the job's first steps run; main adopts what it started, or
 * says why not and starts afresh; post removes it even when main never ran.
 *
 * The background process cannot write the step's state (pre has ended), so
 * it keeps its record, its result and its log in a private directory under
 * RUNNER_TEMP that pre names in the state. Pre and main get the same state;
 * the runner registers post when pre runs, so post runs even when main is
 * skipped or the job is cancelled first.
 */








/** The state key pre saves (JSON {@link EarlyStart}); main clears it when it discards the start. */
const EARLY_STATE_KEY = 'early';
/** Set in the background process's env: its private directory. */
const EARLY_DIR_ENV = 'DOCKER_NEST_EARLY_DIR';
/** Prefix of that directory's name, directly in RUNNER_TEMP. */
const EARLY_DIR_PREFIX = 'docker-nest-early-';
/** Files in the early start's directory. */
const EARLY_FILES = {
    record: 'record.json',
    result: 'result.json',
    log: 'log'
};
/** What the start depends on that a step between pre and main may change. */
function fingerprintOf(inputs, hostDocker) {
    return lazyCrypto()
        .createHash('sha256')
        .update(JSON.stringify({ inputs, hostDocker }))
        .digest('hex');
}
/** Pre's record, checked: the directory must be one pre makes, the pid a number. */
function loadEarlyStart(saved = getState(EARLY_STATE_KEY), root = runnerTemp()) {
    if (!saved)
        return undefined;
    let data;
    try {
        data = JSON.parse(saved);
    }
    catch {
        return undefined;
    }
    const { dir, pid, identity, fingerprint } = data;
    if (typeof dir !== 'string' ||
        (0,external_node_path_namespaceObject.dirname)(dir) !== root ||
        !(0,external_node_path_namespaceObject.basename)(dir).startsWith(EARLY_DIR_PREFIX) ||
        !Number.isInteger(pid) ||
        pid <= 1 ||
        typeof identity !== 'string' ||
        typeof fingerprint !== 'string') {
        return undefined;
    }
    return { dir, pid: pid, identity, fingerprint };
}
/** True while the background process still runs (the same process, not a reused pid). */
function isRunning(early, proc = '/proc') {
    return ownerOf(early.pid, proc) === early.identity;
}
/** The outcome, once the background process wrote it; undefined before. */
function readOutcome(dir) {
    const file = join(dir, EARLY_FILES.result);
    if (!existsSync(file))
        return undefined;
    return JSON.parse(readFileSync(file, 'utf8'));
}
/** What the background process had created (its record), checked; undefined when nothing. */
function readEarlyRecord(dir) {
    const file = (0,external_node_path_namespaceObject.join)(dir, EARLY_FILES.record);
    if (!(0,external_node_fs_namespaceObject.existsSync)(file))
        return undefined;
    return parseResources((0,external_node_fs_namespaceObject.readFileSync)(file, 'utf8'), runnerTemp());
}
/** The background process's log, for main's output. */
function readEarlyLog(dir) {
    try {
        return readFileSync(join(dir, EARLY_FILES.log), 'utf8');
    }
    catch {
        return '';
    }
}
/**
 * Stops the background process (SIGTERM: it lets docker calls settle and
 * exits; SIGKILL after `graceMs`) and returns its record, which is final
 * only then: nothing is created after this reads it. The process leads its
 * own process group, so the signal reaches the docker commands it runs too.
 */
async function stopEarly(early, graceMs = 10_000) {
    if (isRunning(early)) {
        signalGroup(early.pid, 'SIGTERM');
        const deadline = Date.now() + graceMs;
        while (isRunning(early) && Date.now() < deadline)
            await sleep(50);
        if (isRunning(early))
            signalGroup(early.pid, 'SIGKILL');
    }
    return readEarlyRecord(early.dir);
}
function signalGroup(pid, signal) {
    try {
        process.kill(-pid, signal);
    }
    catch {
        try {
            process.kill(pid, signal);
        }
        catch {
            // gone meanwhile
        }
    }
}
/** Waits for the outcome until the process ends or `timeoutMs` passes. */
async function waitForOutcome(early, timeoutMs) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
        const outcome = readOutcome(early.dir);
        if (outcome)
            return outcome;
        if (!isRunning(early)) {
            // It may have written the outcome just before it exited.
            return (readOutcome(early.dir) ?? {
                ok: false,
                message: 'its process exited before it finished (killed?)'
            });
        }
        if (Date.now() >= deadline) {
            return {
                ok: false,
                message: `it was still starting after ${Math.round(timeoutMs / 1000)} s`
            };
        }
        await sleep(20);
    }
}
/** Removes the directory (the record, result and log; the certificates live elsewhere). */
function removeEarlyDir(early) {
    try {
        (0,external_node_fs_namespaceObject.rmSync)(early.dir, { recursive: true, force: true });
    }
    catch (error) {
        debug(`early start: could not remove ${early.dir}: ${errorMessage(error)}`);
    }
}
function sleep(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}

;// CONCATENATED MODULE: ./src/action/post.ts
/**
 * The Action's post step: remove what main created. It runs after failures
 * too, and never fails the job: every problem is a warning. In dood mode it
 * changes nothing on the runner's daemon unless `cleanup: containers`.
 */







/**
 * What an early start main never took over created (main was skipped, or
 * the job cancelled first): its background process is stopped first, so
 * nothing is created after this reads the record.
 */
async function earlyRecord(early) {
    if (!early)
        return undefined;
    const record = await stopEarly(early);
    if (record)
        info('Main did not take over the nest started in pre: removing it.');
    return record;
}
async function run() {
    // Even with cleanup: false: the runner's docker config must not keep a
    // current context that points at a nest about to disappear.
    removeClientContext();
    try {
        const early = loadEarlyStart();
        const resources = loadResources() ?? (await earlyRecord(early));
        if (early)
            removeEarlyDir(early);
        if (!resources) {
            info('Nothing to clean up: main created nothing.');
            return;
        }
        const report = await down(resources, loadCleanup(), 'post', {
            logger: actionLogger
        });
        for (const warning of report.warnings)
            workflow_warning(warning);
    }
    catch (error) {
        workflow_warning(`docker-nest cleanup: ${errorMessage(error)}`);
    }
}


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
/******/ var __webpack_exports__ = __nccwpck_require__(391);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
