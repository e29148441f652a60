import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 391:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _post_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(737);
// Entry of dist/post: only calls run(), so tests can import run() without side effects.

await (0,_post_js__WEBPACK_IMPORTED_MODULE_0__/* .run */ .e)();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 737:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  e: () => (/* binding */ run)
});

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
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
    const delimiter = `ghadelimiter_${(0,external_node_crypto_namespaceObject.randomUUID)()}`;
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

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
;// CONCATENATED MODULE: ./src/core/types.ts
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

;// CONCATENATED MODULE: ./src/core/docker.ts
/**
 * The one place that runs the docker CLI. Failure is decided by exit code
 * alone and reported as one {@link DockerCommandError}. The CLI (rather than
 * the Engine API) is used so that the user's own client settings — contexts,
 * config dir, TLS variables — are honoured when we talk to the runner's daemon.
 */




const STDERR_TAIL_LINES = 20;
/** A docker CLI call that exited non-zero (or could not start). */
class DockerCommandError extends Error {
    args;
    exitCode;
    stderr;
    constructor(args, exitCode, stderr) {
        const tail = stderr.trim().split('\n').slice(-STDERR_TAIL_LINES).join('\n');
        super(`docker ${args.join(' ')} failed (exit ${exitCode}): ${tail}`);
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
/** Returns `base` with the docker client variables replaced by `host`'s. */
function envForHostDaemon(host, base = process.env) {
    const env = { ...base, DOCKER_CONTENT_TRUST: 'false' };
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
class DockerCli {
    binary;
    debug;
    env;
    /** Calls still running: a cancelled step waits for them (see {@link settle}). */
    inFlight = new Set();
    cancelled = false;
    constructor(binary, host, debug = () => undefined) {
        this.binary = binary;
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
            child.stderr?.on('data', (chunk) => err.push(chunk));
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
        return (0,external_node_child_process_namespaceObject.spawn)(this.binary, args, {
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

;// CONCATENATED MODULE: external "node:https"
const external_node_https_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");
;// CONCATENATED MODULE: external "node:http"
const external_node_http_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");
;// CONCATENATED MODULE: ./src/core/daemon-client.ts
/**
 * Talks to a daemon's Engine API straight from Node, over mutual TLS (the
 * nest) or a unix socket (dood): a `/_ping` costs a handshake instead of a
 * docker CLI process, which is what makes 50 ms readiness polling cheap.
 */


/** Performs one GET and returns the body; rejects on non-2xx or timeout. */
function daemon_client_getJsonOrText(endpoint, path, timeoutMs) {
    return new Promise((resolve, reject) => {
        const target = endpoint.socketPath
            ? { socketPath: endpoint.socketPath }
            : { host: endpoint.host, port: endpoint.port };
        const options = {
            ...target,
            path,
            method: 'GET',
            timeout: timeoutMs,
            agent: false,
            ...(endpoint.tls ?? {})
        };
        const req = (endpoint.tls ? httpsRequest : httpRequest)(options, (res) => {
            const chunks = [];
            res.on('data', (chunk) => chunks.push(chunk));
            res.on('end', () => {
                const body = Buffer.concat(chunks).toString('utf8');
                const status = res.statusCode ?? 0;
                if (status >= 200 && status < 300)
                    resolve(body);
                else
                    reject(new Error(`GET ${path}: HTTP ${status} ${body.trim()}`));
            });
            res.on('error', reject);
        });
        req.on('timeout', () => req.destroy(new Error(`GET ${path}: timed out`)));
        req.on('error', reject);
        req.end();
    });
}
/** Resolves when the daemon answers `GET /_ping` with OK. */
async function daemon_client_ping(endpoint, timeoutMs = 1000) {
    const body = await daemon_client_getJsonOrText(endpoint, '/_ping', timeoutMs);
    if (body.trim() !== 'OK')
        throw new Error(`GET /_ping answered '${body}'`);
}
/** `GET /version`. */
async function daemon_client_daemonVersion(endpoint) {
    return JSON.parse(await daemon_client_getJsonOrText(endpoint, '/version', 5000));
}
/** `GET /info`. */
async function daemon_client_daemonInfo(endpoint) {
    return JSON.parse(await daemon_client_getJsonOrText(endpoint, '/info', 5000));
}

;// CONCATENATED MODULE: ./src/core/plan.ts
/**
 * Turns validated options into a concrete plan (names, labels, ports,
 * daemon flags) and the plan into `docker run` arguments. Pure: every choice
 * is here, so it can be tested in tables without Docker.
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
/** How long an abandoned nest is protected from reaping: the 6 h job limit of hosted runners. */
const DEFAULT_TTL_SECONDS = 6 * 60 * 60;
/** TLS and plain TCP ports of dockerd inside the sidecar. */
const DAEMON_PORT = { tls: 2376, plain: 2375 };
/** A short random suffix that keeps names unique among concurrent nests. */
function randomSuffix() {
    return randomBytes(4).toString('hex');
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
/** dockerd flags derived from the options, in a stable order. */
function buildDaemonArgs(options, mtu) {
    const args = [];
    // Without --tls=false a plain TCP listener costs a deliberate 15 s start delay (moby #41285).
    if (!options.tls)
        args.push('--tls=false');
    if (mtu !== undefined)
        args.push(`--mtu=${mtu}`);
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
    const name = `docker-nest-${suffix}`;
    const expires = Math.floor(context.now.getTime() / 1000) + DEFAULT_TTL_SECONDS;
    const mtu = chooseMtu(options.mtu, context.detectedMtu);
    return {
        runId,
        name,
        volume: `${name}-data`,
        image: options.image,
        tls: options.tls,
        containerPort: options.tls ? DAEMON_PORT.tls : DAEMON_PORT.plain,
        labels: {
            [LABELS.managed]: 'true',
            [LABELS.run]: runId,
            [LABELS.expires]: String(expires)
        },
        daemonArgs: buildDaemonArgs(options, mtu),
        mtu,
        serverNames: {
            dns: unique(['docker', 'localhost', name, ...options.tlsSans.dns]),
            ip: unique(['127.0.0.1', '::1', ...options.tlsSans.ip])
        },
        waitTimeoutMs: options.waitTimeoutMs
    };
}
/** `docker run` arguments for the sidecar. */
function buildDindRunArgs(plan) {
    const labelArgs = Object.entries(plan.labels).flatMap(([key, value]) => [
        '--label',
        `${key}=${value}`
    ]);
    const volumeLabels = Object.entries(plan.labels)
        .map(([key, value]) => `,volume-label=${key}=${value}`)
        .join('');
    return [
        'run',
        '--detach',
        '--name',
        plan.name,
        ...labelArgs,
        '--privileged',
        // Loopback only: the daemon is for this job, never for the network.
        '--publish',
        `127.0.0.1::${plan.containerPort}`,
        ...networkArgs(plan.jobNetwork),
        // --mount (not -v) so the volume is created with our labels in the same call.
        '--mount',
        `type=volume,src=${plan.volume},dst=/var/lib/docker${volumeLabels}`,
        '--env',
        `DOCKER_TLS_CERTDIR=${plan.tls ? CERT_DIR_IN_CONTAINER : ''}`,
        '--entrypoint',
        'sh',
        plan.image,
        '-c',
        STARTUP_SCRIPT,
        'docker-nest-start',
        ...plan.daemonArgs
    ];
}
function networkArgs(network) {
    if (!network)
        return [];
    return [
        '--network',
        network.name,
        // docker is a SAN of the server certificate; aliases need a user-defined network.
        ...(network.alias ? ['--network-alias', 'docker'] : [])
    ];
}

;// CONCATENATED MODULE: ./src/core/socket.ts
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

;// CONCATENATED MODULE: external "node:net"
const external_node_net_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");
;// CONCATENATED MODULE: ./src/core/socket-proxy.ts
/**
 * `socket-proxy: true` (dood): when the step's user may not open the Docker
 * socket, a small forwarder started through `sudo -n` (the runner user of
 * GitHub-hosted and most self-hosted runners has it) serves a socket in
 * RUNNER_TEMP owned by that user, mode 0600, and pipes every connection to
 * the real socket. The host socket's permissions are never changed.
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
 * Serves `listen` until its file is deleted (then resolves). Runs inside the
 * proxy process (`docker-nest socket-proxy`).
 */
async function serveSocketProxy(options) {
    const server = createServer({ allowHalfOpen: true }, (client) => forward(client, options.target));
    await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(options.listen, () => resolve());
    });
    // Only the step's user may use it: 0600 and owned by them.
    chmodSync(options.listen, 0o600);
    if (options.owner)
        chownSync(options.listen, options.owner.uid, options.owner.gid);
    const stopAt = Date.now() + (options.maxLifetimeMs ?? PROXY_MAX_LIFETIME_MS);
    await new Promise((resolve) => {
        const timer = setInterval(() => {
            if (!existsSync(options.listen) || Date.now() > stopAt) {
                rmSync(options.listen, { force: true });
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
    const listen = join(options.dir, `docker-nest-${options.runId}.sock`);
    const logFile = join(options.dir, `docker-nest-${options.runId}-proxy.log`);
    const [command, ...args] = proxyCommand(options, listen);
    const log = openSync(logFile, 'w', 0o600);
    const child = spawn(command, args, {
        detached: true,
        stdio: ['ignore', log, log]
    });
    const exited = new Promise((resolve) => {
        child.on('exit', (code) => resolve(code ?? 1));
        child.on('error', () => resolve(127));
    });
    child.unref();
    const record = { socket: listen, pid: child.pid ?? 0 };
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
/** Stops a proxy: deletes its socket (it exits within a second) and signals it if we may. */
function stopSocketProxy(record) {
    (0,external_node_fs_namespaceObject.rmSync)(record.socket, { force: true });
    try {
        process.kill(record.pid, 'SIGTERM');
    }
    catch {
        // Started through sudo: not ours to signal; the deleted socket stops it.
    }
    return !(0,external_node_fs_namespaceObject.existsSync)(record.socket);
}

;// CONCATENATED MODULE: ./src/core/dood.ts




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
 * label — never anything else, never a prune.
 */
async function removeLabelled(runId, docker, logger) {
    const report = { removed: [], warnings: [] };
    const filter = ['--filter', `label=${runLabel(runId)}`];
    const kinds = [
        ['container', ['ps', '--all', '--quiet', ...filter], ['rm', '-f', '-v']],
        ['network', ['network', 'ls', '--quiet', ...filter], ['network', 'rm']],
        ['volume', ['volume', 'ls', '--quiet', ...filter], ['volume', 'rm', '-f']]
    ];
    for (const [kind, list, remove] of kinds) {
        const listed = await docker.tryExec([...list]);
        if (listed.exitCode !== 0) {
            report.warnings.push(`Could not list ${kind}s labelled ${runLabel(runId)}: ${listed.stderr.trim()}`);
            continue;
        }
        const ids = listed.stdout.split('\n').filter((id) => id.trim() !== '');
        for (const id of ids) {
            const removed = await docker.tryExec([...remove, id]);
            if (removed.exitCode === 0)
                report.removed.push(`${kind} ${id}`);
            else
                report.warnings.push(`Could not remove ${kind} ${id}: ${removed.stderr.trim()}`);
        }
    }
    for (const line of report.removed)
        logger.info(`Removed ${line}`);
    if (report.removed.length === 0) {
        logger.info(`No objects labelled ${runLabel(runId)} to remove.`);
    }
    return report;
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

;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
;// CONCATENATED MODULE: ./src/core/teardown.ts
/**
 * Removes everything a {@link Resources} record names, in the right order,
 * tolerating anything already gone. Shared by the Action's post step and
 * `docker-nest down`. Never throws: problems come back as warnings.
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
    const report = { removed: [], warnings: [] };
    const certs = removeCertDir(resources.certDir, report);
    if (resources.container) {
        await removeContainer(resources.container, docker, report);
    }
    if (resources.volume) {
        const volume = resources.volume;
        if (await docker.tryRemoveVolume(volume))
            report.removed.push(`volume ${volume}`);
        else
            report.warnings.push(`Could not remove volume ${volume}; remove it with: docker volume rm ${volume}`);
    }
    await certs;
    for (const line of report.removed)
        logger.info(`Removed ${line}`);
    return report;
}
async function removeContainer(name, docker, report) {
    // Like `docker stop`, but with a grace shorter than its 1 s granularity.
    const term = await docker.tryExec(['kill', '--signal', 'TERM', name]);
    if (term.exitCode !== 0 && isNoSuchObject(term.stderr))
        return;
    if (term.exitCode === 0) {
        await docker.tryExec(['wait', name], { timeoutMs: STOP_GRACE_MS });
    }
    if (await docker.tryRemoveContainer(name)) {
        report.removed.push(`container ${name}`);
    }
    else {
        report.warnings.push(`Could not remove container ${name}; remove it with: docker rm -f -v ${name}`);
    }
}
async function removeCertDir(certDir, report) {
    if (!certDir)
        return;
    try {
        await (0,promises_namespaceObject.rm)(certDir, { recursive: true, force: true });
        report.removed.push(`certificates ${certDir}`);
    }
    catch (error) {
        report.warnings.push(`Could not delete ${certDir}: ${error.message}`);
    }
}

;// CONCATENATED MODULE: ./src/core/errors.ts
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

;// CONCATENATED MODULE: ./src/core/resources.ts

/** Our names: teardown refuses to touch anything else, even if state was tampered with. */
const OUR_NAME = /^docker-nest-[a-z0-9-]+$/;
const OUR_CERT_DIR = /(^|\/)docker-nest-certs-[A-Za-z0-9_-]+$/;
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
/** Our proxy sockets only: teardown deletes this path. */
const OUR_PROXY_SOCKET = /\/docker-nest-[A-Za-z0-9-]+\.sock$/;
function parseProxy(value) {
    const proxy = value;
    const socket = optionalString(proxy?.socket, 'proxy.socket', OUR_PROXY_SOCKET);
    if (!socket || !Number.isInteger(proxy?.pid) || proxy?.pid <= 0) {
        throw new ResourcesFormatError("field 'proxy' has an unexpected value");
    }
    return { socket, pid: proxy?.pid };
}
/** Parses and checks a saved record. */
function parseResources(json) {
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
    if (data.mode !== undefined && data.mode !== 'dood') {
        throw new ResourcesFormatError("field 'mode' has an unexpected value");
    }
    return {
        version: 1,
        runId,
        hostDocker: parseHostDocker(data.hostDocker),
        ...(data.mode === 'dood' ? { mode: 'dood' } : {}),
        ...optionalField('socket', optionalString(data.socket, 'socket', /^\//)),
        ...(data.proxy === undefined ? {} : { proxy: parseProxy(data.proxy) }),
        container: optionalString(data.container, 'container', OUR_NAME),
        volume: optionalString(data.volume, 'volume', OUR_NAME),
        certDir: optionalString(data.certDir, 'certDir', OUR_CERT_DIR)
    };
}
/** Serialises a record. */
function serializeResources(resources) {
    return JSON.stringify(resources);
}

;// CONCATENATED MODULE: ./src/action/state.ts
/**
 * State shared between main and post. The nest's resources live in one JSON
 * record under one key and are checked when post reads them back.
 */


/** All state keys, in one place and one style. */
const STATE_KEYS = {
    /** JSON {@link Resources} record, rewritten as each resource is created. */
    resources: 'resources',
    /** 'true', 'false' or 'containers': the `cleanup` input, so post knows what to tear down. */
    cleanup: 'cleanup'
};
/** Saves the record to the post step's state after every change. */
const stateRecorder = {
    record(resources) {
        saveState(STATE_KEYS.resources, serializeResources(resources));
    }
};
/** Saves what post should tear down. */
function saveCleanup(options) {
    const mode = options.cleanupContainers
        ? 'containers'
        : options.cleanup
            ? 'true'
            : 'false';
    core.saveState(STATE_KEYS.cleanup, mode);
}
/** The record main saved, or undefined when main created nothing. Throws on a malformed record. */
function loadResources() {
    const saved = getState(STATE_KEYS.resources);
    return saved ? parseResources(saved) : undefined;
}
/**
 * What to tear down; anything unknown means 'true', so a lost value still
 * removes the nest (and, in dood, still removes nothing of the user's).
 */
function loadCleanup() {
    const saved = getState(STATE_KEYS.cleanup);
    return saved === 'false' || saved === 'containers' ? saved : 'true';
}

;// CONCATENATED MODULE: ./src/action/post.ts
/**
 * The Action's post step: remove what main created. It runs after failures
 * too, and never fails the job: every problem is a warning. In dood mode it
 * changes nothing on the runner's daemon unless `cleanup: containers`.
 */








async function run() {
    try {
        const resources = loadResources();
        if (!resources) {
            info('Nothing to clean up: main created nothing.');
            return;
        }
        const cleanup = loadCleanup();
        if (resources.mode === 'dood') {
            await cleanDood(resources, cleanup);
            return;
        }
        if (cleanup === 'false') {
            info(`cleanup: false — leaving container ${resources.container ?? '-'}, ` +
                `volume ${resources.volume ?? '-'} and ${resources.certDir ?? 'no cert dir'} in place.`);
            return;
        }
        // Post's env carries the DOCKER_HOST main exported (the nest itself);
        // talk to the runner's daemon as recorded at main start instead.
        const docker = new DockerCli(findOnPath('docker') ?? 'docker', resources.hostDocker, actionLogger.debug);
        const report = await group('Remove nest', () => teardown(resources, docker, actionLogger));
        for (const warning of report.warnings)
            workflow_warning(warning);
    }
    catch (error) {
        workflow_warning(`docker-nest cleanup: ${errorMessage(error)}`);
    }
}
/** dood: by default nothing; with `cleanup: containers`, the run-labelled objects only. */
async function cleanDood(resources, cleanup) {
    try {
        await removeDoodObjects(resources, cleanup);
    }
    finally {
        // After the labelled objects: with a proxy, they were reached through it.
        if (resources.proxy && cleanup !== 'false') {
            const proxy = resources.proxy;
            if (stopSocketProxy(proxy))
                info(`Removed socket proxy ${proxy.socket}`);
            else
                workflow_warning(`Could not remove the socket proxy ${proxy.socket}; delete it to stop the proxy.`);
        }
    }
}
async function removeDoodObjects(resources, cleanup) {
    if (cleanup !== 'containers' || !resources.socket) {
        info('dood: leaving the runner’s daemon as it is. To remove what this job ' +
            `started, label it with $DOCKER_NEST_LABEL (${runLabel(resources.runId)}) ` +
            'and set cleanup: containers.');
        return;
    }
    const docker = new DockerCli(findOnPath('docker') ?? 'docker', {
        DOCKER_HOST: `unix://${resources.socket}`,
        DOCKER_TLS_VERIFY: null,
        DOCKER_CERT_PATH: null,
        DOCKER_CONTEXT: null
    }, actionLogger.debug);
    const report = await group(`Remove objects labelled ${runLabel(resources.runId)}`, () => removeLabelled(resources.runId, docker, actionLogger));
    for (const warning of report.warnings)
        workflow_warning(warning);
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
