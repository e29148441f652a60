#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 6849:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  iW: () => (/* binding */ main)
});

// UNUSED EXPORTS: COMMANDS, EXIT, HELP, commandHelp, envNameFor, nestEnvironment, parseCommandLine

;// CONCATENATED MODULE: external "node:util"
const external_node_util_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");
;// CONCATENATED MODULE: external "node:net"
const external_node_net_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");
;// CONCATENATED MODULE: ./src/core/config.ts
/**
 * Turns raw inputs (Action inputs or CLI flags, all strings) into validated
 * {@link DindOptions}. Every problem names the input, the value and what is
 * valid, and all problems are reported at once, before anything is created.
 */

/** The official image, pinned to a major version so upgrades are deliberate. */
const DEFAULT_DIND_IMAGE = 'docker:29-dind';
/** Input names (kebab-case, as in action.yml) with their defaults. */
const INPUT_DEFAULTS = {
    mode: 'dind',
    image: DEFAULT_DIND_IMAGE,
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
    'docker-cli-sha256': ''
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
const MODES = ['dind', 'dood', 'auto'];
const MAX_WAIT_SECONDS = 3600;
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
    '--mtu': "use input 'mtu'",
    '--registry-mirror': "use input 'registry-mirrors'"
};
/** Image reference: [registry[:port]/]path[:tag][@sha256:digest], no leading '-'. */
const IMAGE_REF = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9.-]*[a-zA-Z0-9])?(?::[0-9]{1,5})?\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$/;
const HOST_LABEL = /^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$/;
const REGISTRY_HOST = /^[A-Za-z0-9.-]+(?::[0-9]{1,5})?$/;
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
function parseMode(value, problems) {
    if (!MODES.includes(value)) {
        problems.push(`Input 'mode' must be one of ${MODES.join(', ')}, got ${quote(value)}.`);
        return 'dind';
    }
    return value;
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
function parseSocket(value, problems) {
    const path = value.replace(/^unix:\/\//, '');
    if (path !== '' && !path.startsWith('/')) {
        problems.push(`Input 'socket' must be an absolute path such as ` +
            `'/var/run/docker.sock' (or unix:///path), got ${quote(value)}.`);
    }
    return path;
}
function parseDockerCli(inputs, problems) {
    const version = raw(inputs, 'docker-cli-version');
    const baseUrl = raw(inputs, 'docker-cli-url').replace(/\/+$/, '');
    const sha256 = raw(inputs, 'docker-cli-sha256').toLowerCase();
    if (version !== '' &&
        !/^[0-9]+\.[0-9]+\.[0-9]+([-.+][0-9A-Za-z.-]+)?$/.test(version)) {
        problems.push(`Input 'docker-cli-version' must be a release such as '29.0.0', ` +
            `got ${quote(version)}.`);
    }
    if (!isHttpUrl(baseUrl)) {
        problems.push(`Input 'docker-cli-url' must be an http(s) URL such as ` +
            `'${INPUT_DEFAULTS['docker-cli-url']}', got ${quote(baseUrl)}.`);
    }
    if (sha256 !== '' && !/^[a-f0-9]{64}$/.test(sha256)) {
        problems.push(`Input 'docker-cli-sha256' must be 64 hex digits, got ${quote(sha256)}.`);
    }
    return { version, baseUrl, sha256 };
}
function parseImage(value, problems) {
    if (!IMAGE_REF.test(value)) {
        problems.push(`Input 'image' must be an image reference such as ` +
            `'${DEFAULT_DIND_IMAGE}' or 'registry:5000/team/dind:26@sha256:…', ` +
            `got ${quote(value)}.`);
    }
    return value;
}
function parseWaitTimeout(value, problems) {
    const seconds = /^[0-9]+(\.[0-9]+)?$/.test(value) ? Number(value) : NaN;
    if (!(seconds > 0 && seconds <= MAX_WAIT_SECONDS)) {
        problems.push(`Input 'wait-timeout' must be a number of seconds between 0 and ` +
            `${MAX_WAIT_SECONDS} (e.g. 60), got ${quote(value)}.`);
        return 0;
    }
    return Math.round(seconds * 1000);
}
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
/** One flag per line; a value may follow after '=' or a space. Lines starting with '#' are comments. */
function parseDockerdArgs(value, problems) {
    const args = [];
    for (const rawLine of value.split(/\r?\n/)) {
        const line = rawLine.trim();
        if (line === '' || line.startsWith('#'))
            continue;
        const words = line.split(/\s+/);
        const flag = words[0].split('=')[0];
        if (!flag.startsWith('-')) {
            problems.push(`Input 'dockerd-args' takes dockerd flags, one per line ` +
                `(e.g. '--debug' or '--default-ulimit nofile=1024:2048'), got ${quote(line)}.`);
            continue;
        }
        const reason = RESERVED_DOCKERD_FLAGS[flag];
        if (reason) {
            problems.push(`Input 'dockerd-args' may not set ${flag} (${reason}), got ${quote(line)}.`);
            continue;
        }
        args.push(...words);
    }
    return args;
}
function isHttpUrl(value) {
    try {
        const url = new URL(value);
        return ((url.protocol === 'https:' || url.protocol === 'http:') && !url.search);
    }
    catch {
        return false;
    }
}
function parseRegistryMirrors(value, problems) {
    const mirrors = splitList(value);
    for (const mirror of mirrors) {
        if (!isHttpUrl(mirror)) {
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
function isHostname(name) {
    const labels = name.replace(/^\*\./, '').split('.');
    return name.length <= 253 && labels.every((label) => HOST_LABEL.test(label));
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
            sans.ip.push(name);
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
/** Takes a raw value, falling back to the default for missing or blank input. */
function raw(inputs, name) {
    const value = inputs[name]?.trim();
    return value === undefined || value === '' ? INPUT_DEFAULTS[name] : value;
}
/**
 * Validates all inputs and returns the options, or throws one
 * {@link InputError} listing every problem.
 */
function parseInputs(inputs) {
    const problems = [];
    const options = {
        mode: parseMode(raw(inputs, 'mode'), problems),
        image: parseImage(raw(inputs, 'image'), problems),
        tls: parseBoolean('tls', raw(inputs, 'tls'), problems),
        waitTimeoutMs: parseWaitTimeout(raw(inputs, 'wait-timeout'), problems),
        dockerdArgs: parseDockerdArgs(inputs['dockerd-args'] ?? '', problems),
        registryMirrors: parseRegistryMirrors(raw(inputs, 'registry-mirrors'), problems),
        insecureRegistries: parseInsecureRegistries(raw(inputs, 'insecure-registries'), problems),
        mtu: parseMtu(raw(inputs, 'mtu'), problems),
        tlsSans: parseTlsSans(raw(inputs, 'tls-san'), problems),
        ...parseCleanup(raw(inputs, 'cleanup'), problems),
        socket: parseSocket(raw(inputs, 'socket'), problems),
        socketProxy: parseBoolean('socket-proxy', raw(inputs, 'socket-proxy'), problems),
        dockerCli: parseDockerCli(inputs, problems)
    };
    if (problems.length > 0)
        throw new InputError(problems);
    return options;
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

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
;// CONCATENATED MODULE: ./src/core/types.ts
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

;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
;// CONCATENATED MODULE: ./src/core/mtu.ts
/**
 * Finds the MTU of the runner's default route, for `mtu: auto`: an inner
 * network with a larger MTU than the outer path makes TLS downloads hang
 * (shared/reference/dind.md §6 #20).
 */

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
        const iface = defaultRouteInterface(await (0,promises_namespaceObject.readFile)(`${procRoot}/net/route`, 'utf8'));
        if (!iface)
            return undefined;
        const mtu = Number((await (0,promises_namespaceObject.readFile)(`${sysRoot}/class/net/${iface}/mtu`, 'utf8')).trim());
        return Number.isInteger(mtu) && mtu > 0 ? mtu : undefined;
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/core/doctor.ts
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
        probeImage
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
async function checkUserNamespaces(host) {
    const check = 'user namespaces';
    const max = Number((await host.read('/proc/sys/user/max_user_namespaces'))?.trim());
    const restricted = (await host.read('/proc/sys/kernel/apparmor_restrict_unprivileged_userns'))?.trim() === '1';
    if (!Number.isFinite(max))
        return {
            check,
            status: 'info',
            detail: 'cannot read /proc/sys/user/max_user_namespaces'
        };
    if (max === 0)
        return {
            check,
            status: 'warn',
            detail: 'disabled (max_user_namespaces = 0): rootless Docker and userns-remap cannot work',
            fix: 'sysctl -w user.max_user_namespaces=15000 (only needed for rootless nests).'
        };
    if (restricted)
        return {
            check,
            status: 'warn',
            detail: 'AppArmor restricts unprivileged user namespaces: rootless Docker cannot start',
            fix: 'sysctl -w kernel.apparmor_restrict_unprivileged_userns=0 (only needed for rootless nests).'
        };
    return { check, status: 'ok', detail: `enabled (max ${max})` };
}
async function checkSysbox(host) {
    const check = 'sysbox runtime';
    if (!host.docker)
        return { check, status: 'info', detail: 'not checked (no docker CLI)' };
    const r = await host.docker(['info', '--format', '{{json .Runtimes}}']);
    if (r.exitCode !== 0)
        return { check, status: 'info', detail: 'not checked (docker info failed)' };
    return /sysbox-runc/.test(r.stdout)
        ? {
            check,
            status: 'ok',
            detail: 'sysbox-runc is installed: nests could run without --privileged'
        }
        : {
            check,
            status: 'info',
            detail: 'not installed (optional: it runs dind without --privileged)'
        };
}
/** Runs every check, in table order. */
async function runDoctor(host) {
    return Promise.all([
        checkDaemon(host),
        checkPrivileged(host),
        checkOverlay(host),
        checkCgroups(host),
        checkIptables(host),
        checkMtu(host),
        checkUserNamespaces(host),
        checkSysbox(host)
    ]);
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
    summary: 'check the host prerequisites (privileged, overlay, cgroups, iptables, MTU, user namespaces, sysbox)',
    options: {
        image: {
            type: 'string',
            placeholder: 'IMAGE',
            help: `local image for the --privileged probe (default ${INPUT_DEFAULTS.image})`
        },
        format: {
            type: 'string',
            placeholder: 'F',
            help: 'table|json (default table)'
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
        const rows = await runDoctor(realHost(docker, values.image ?? INPUT_DEFAULTS.image));
        process.stdout.write(`${format === 'json' ? JSON.stringify(rows, null, 2) : formatDoctor(rows)}\n`);
        return rows.some((r) => r.status === 'fail') ? EXIT.failed : EXIT.ok;
    }
};

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
        const req = (endpoint.tls ? external_node_https_namespaceObject.request : external_node_http_namespaceObject.request)(options, (res) => {
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
async function ping(endpoint, timeoutMs = 1000) {
    const body = await daemon_client_getJsonOrText(endpoint, '/_ping', timeoutMs);
    if (body.trim() !== 'OK')
        throw new Error(`GET /_ping answered '${body}'`);
}
/** `GET /version`. */
async function daemonVersion(endpoint) {
    return JSON.parse(await daemon_client_getJsonOrText(endpoint, '/version', 5000));
}
/** `GET /info`. */
async function daemonInfo(endpoint) {
    return JSON.parse(await daemon_client_getJsonOrText(endpoint, '/info', 5000));
}

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: ./src/core/startup-script.ts
/**
 * The shell script the sidecar runs as its entrypoint. It exists so one
 * `docker run` works for both image contracts and so the server certificate
 * can name the container's IP, which is only known once the container runs:
 *
 * 1. With TLS on, wait until main has copied `server/{ca,cert,key}.pem` into
 *    $DOCKER_TLS_CERTDIR (the marker file is the last entry of the tar).
 * 2. Drop client variables the image or a job may carry; dockerd reads
 *    DOCKER_TLS_VERIFY/DOCKER_CERT_PATH/DOCKER_DRIVER from its own env
 *    (shared/reference/dind.md §1.4, §1.9).
 * 3. Official contract: hand over to dockerd-entrypoint.sh with flags only, so
 *    it takes its "certs provided" branch (verify, no key generation).
 * 4. Plain image: do what that entrypoint and moby's hack/dind would do —
 *    cgroup v2 nesting, shared mounts, stale pid files, the listeners and TLS
 *    flags — then exec dockerd under docker-init when the image has it.
 */
/** Marker copied last into the cert dir; its presence means all files are there. */
const CERTS_READY_MARKER = '.docker-nest-ready';
/** Where certificates go inside the sidecar (the official image's default). */
const CERT_DIR_IN_CONTAINER = '/certs';
const STARTUP_SCRIPT = `set -eu
if [ -n "\${DOCKER_TLS_CERTDIR:-}" ]; then
  n=0
  while [ ! -e "$DOCKER_TLS_CERTDIR/${CERTS_READY_MARKER}" ]; do
    n=$((n + 1))
    if [ "$n" -gt 12000 ]; then
      echo "docker-nest: certificates never arrived in $DOCKER_TLS_CERTDIR" >&2
      exit 90
    fi
    sleep 0.01
  done
fi
unset DOCKER_HOST DOCKER_TLS_VERIFY DOCKER_CERT_PATH DOCKER_DRIVER DOCKER_CONTEXT
if command -v dockerd-entrypoint.sh >/dev/null 2>&1; then
  exec dockerd-entrypoint.sh "$@"
fi
if ! command -v dockerd >/dev/null 2>&1; then
  echo "docker-nest: dockerd: not found on PATH in this image" >&2
  exit 127
fi
if [ -f /sys/fs/cgroup/cgroup.controllers ]; then
  # cgroup v2: evacuate the root cgroup, then delegate every controller.
  # Retried because a process started meanwhile makes the write fail (EBUSY).
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
if ! mountpoint -q /sys/kernel/security 2>/dev/null; then
  mount -t securityfs none /sys/kernel/security 2>/dev/null || :
fi
mount --make-rshared / 2>/dev/null || :
rm -f /var/run/docker.pid /run/docker.pid /var/run/docker/containerd/containerd.pid
if [ -n "\${DOCKER_TLS_CERTDIR:-}" ]; then
  d=$DOCKER_TLS_CERTDIR/server
  set -- --host=tcp://0.0.0.0:2376 --tlsverify "--tlscacert=$d/ca.pem" "--tlscert=$d/cert.pem" "--tlskey=$d/key.pem" "$@"
else
  set -- --host=tcp://0.0.0.0:2375 "$@"
fi
set -- dockerd --host=unix:///var/run/docker.sock "$@"
if command -v docker-init >/dev/null 2>&1; then
  exec docker-init -- "$@"
fi
exec "$@"
`;

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
    return (0,external_node_crypto_namespaceObject.randomBytes)(4).toString('hex');
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
 * Serves `listen` until its file is deleted (then resolves). Runs inside the
 * proxy process (`docker-nest socket-proxy`).
 */
async function serveSocketProxy(options) {
    const server = (0,external_node_net_namespaceObject.createServer)({ allowHalfOpen: true }, (client) => forward(client, options.target));
    await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(options.listen, () => resolve());
    });
    // Only the step's user may use it: 0600 and owned by them.
    (0,external_node_fs_namespaceObject.chmodSync)(options.listen, 0o600);
    if (options.owner)
        (0,external_node_fs_namespaceObject.chownSync)(options.listen, options.owner.uid, options.owner.gid);
    const stopAt = Date.now() + (options.maxLifetimeMs ?? PROXY_MAX_LIFETIME_MS);
    await new Promise((resolve) => {
        const timer = setInterval(() => {
            if (!(0,external_node_fs_namespaceObject.existsSync)(options.listen) || Date.now() > stopAt) {
                (0,external_node_fs_namespaceObject.rmSync)(options.listen, { force: true });
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
    const listen = (0,external_node_path_namespaceObject.join)(options.dir, `docker-nest-${options.runId}.sock`);
    const logFile = (0,external_node_path_namespaceObject.join)(options.dir, `docker-nest-${options.runId}-proxy.log`);
    const [command, ...args] = proxyCommand(options, listen);
    const log = (0,external_node_fs_namespaceObject.openSync)(logFile, 'w', 0o600);
    const child = (0,external_node_child_process_namespaceObject.spawn)(command, args, {
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

;// CONCATENATED MODULE: ./src/cli/nest-file.ts
/**
 * What `up` tells later commands about the running nest (`env`, `status`):
 * its client variables, mode and container, kept next to the resource
 * record in the state dir.
 */



const NEST_FILE = 'env.json';
/** Writes the nest file (0600) atomically. */
function writeNestFile(stateDir, nest) {
    (0,external_node_fs_namespaceObject.mkdirSync)(stateDir, { recursive: true, mode: 0o700 });
    const file = (0,external_node_path_namespaceObject.join)(stateDir, NEST_FILE);
    (0,external_node_fs_namespaceObject.writeFileSync)(`${file}.tmp`, `${JSON.stringify(nest)}\n`, { mode: 0o600 });
    (0,external_node_fs_namespaceObject.renameSync)(`${file}.tmp`, file);
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

;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
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
    for (const key of HOST_DOCKER_ENV_KEYS) {
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

;// CONCATENATED MODULE: ./src/cli/state-file.ts
/**
 * Where the CLI keeps a nest's resource record between `up` and `down`.
 * Written atomically after each change, like the Action's post state.
 */





const STATE_FILE = 'nest.json';
/** --state-dir, then DOCKER_NEST_STATE_DIR, then XDG_STATE_HOME, then ~/.local/state. */
function resolveStateDir(flag) {
    if (flag)
        return flag;
    if (process.env.DOCKER_NEST_STATE_DIR)
        return process.env.DOCKER_NEST_STATE_DIR;
    const base = process.env.XDG_STATE_HOME || (0,external_node_path_namespaceObject.join)((0,external_node_os_namespaceObject.homedir)(), '.local', 'state');
    return (0,external_node_path_namespaceObject.join)(base, 'docker-nest');
}
/** The state file of the nest in `stateDir`. */
function stateFilePath(stateDir) {
    return (0,external_node_path_namespaceObject.join)(stateDir, STATE_FILE);
}
/** A recorder that rewrites the state file (0600, in a 0700 dir) on every change. */
function fileRecorder(stateDir) {
    return {
        record(resources) {
            (0,external_node_fs_namespaceObject.mkdirSync)(stateDir, { recursive: true, mode: 0o700 });
            const file = stateFilePath(stateDir);
            (0,external_node_fs_namespaceObject.writeFileSync)(`${file}.tmp`, serializeResources(resources), {
                mode: 0o600
            });
            (0,external_node_fs_namespaceObject.renameSync)(`${file}.tmp`, file);
        }
    };
}
/** The saved record, or undefined when there is no state file. */
async function readStateFile(stateDir) {
    try {
        return parseResources(await (0,promises_namespaceObject.readFile)(stateFilePath(stateDir), 'utf8'));
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

;// CONCATENATED MODULE: ./src/cli/commands/common.ts


/** --state-dir, shared by the commands that read or write the nest's record. */
const STATE_DIR_OPTION = {
    'state-dir': {
        type: 'string',
        placeholder: 'DIR',
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






const down = {
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
        if (resources.mode === 'dood') {
            // dood started nothing on the machine's own daemon; only a proxy, maybe.
            if (resources.proxy && stopSocketProxy(resources.proxy)) {
                logger.info(`Removed socket proxy ${resources.proxy.socket}`);
            }
            logger.info('dood: nothing else to remove (the machine’s own daemon).');
            await removeNestFile(stateDir);
            await removeStateFile(stateDir);
            return EXIT.ok;
        }
        const docker = hostDockerCli(logger, resources.hostDocker);
        const report = await teardown(resources, docker, logger);
        for (const warning of report.warnings)
            logger.warning(warning);
        if (report.warnings.length > 0)
            return EXIT.failed;
        if (!report.removed.some((line) => line.startsWith('container '))) {
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

;// CONCATENATED MODULE: external "node:url"
const external_node_url_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");
;// CONCATENATED MODULE: ./src/core/auto.ts

/** Long enough to pull the dind image on a hosted runner; a refusal comes back at once. */
const PROBE_TIMEOUT_MS = 120_000;
/** `docker run` arguments of the probe: privileged, no network, removed on exit, labelled. */
function buildProbeArgs(image, runId) {
    return [
        'run',
        '--rm',
        '--privileged',
        '--network',
        'none',
        '--label',
        `${LABELS.managed}=true`,
        '--label',
        `${LABELS.run}=${runId}`,
        '--entrypoint',
        'true',
        image
    ];
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
/** Starts one privileged container and reports whether it worked. */
async function probePrivileged(docker, image, runId, timeoutMs = PROBE_TIMEOUT_MS) {
    const started = performance.now();
    const result = await docker.tryExec(buildProbeArgs(image, runId), {
        timeoutMs
    });
    const ms = Math.round(performance.now() - started);
    if (result.exitCode === 0) {
        return {
            privileged: true,
            reason: `a privileged container from ${image} started in ${ms} ms`
        };
    }
    const tail = result.stderr.trim().split('\n').slice(-3).join(' ');
    return {
        privileged: false,
        reason: `a privileged container from ${image} could not start ` +
            `(exit ${result.exitCode} after ${ms} ms: ${tail || 'no error text'})`
    };
}

;// CONCATENATED MODULE: ./src/core/cancel.ts
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

;// CONCATENATED MODULE: ./src/core/diagnose.ts
/** Lines of the container log shown on failure. */
const LOG_TAIL_LINES = 50;
const RULES = [
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
    const [logs, inspect] = await Promise.all([
        docker.tryExec(['logs', '--tail', String(LOG_TAIL_LINES), name]),
        docker.tryExec(['inspect', '--type', 'container', name])
    ]);
    let state = 'unknown (docker inspect failed)';
    if (inspect.exitCode === 0) {
        const info = JSON.parse(inspect.stdout)[0];
        state = describeState(info.State);
    }
    // dockerd logs to stderr; keep both streams, stderr last as it holds the error.
    const logTail = [logs.stdout, logs.stderr]
        .filter((text) => text.trim() !== '')
        .join('\n')
        .trim()
        .split('\n')
        .slice(-LOG_TAIL_LINES)
        .join('\n');
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

;// CONCATENATED MODULE: ./src/core/phase.ts
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

;// CONCATENATED MODULE: ./src/core/tar.ts
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
function headerFor(entry, size, mtime) {
    if (Buffer.byteLength(entry.path) > 100) {
        throw new Error(`tar: path too long for a ustar header: ${entry.path}`);
    }
    const isDir = entry.content === undefined;
    const header = Buffer.alloc(BLOCK);
    writeString(header, entry.path, 0, 100);
    writeOctal(header, entry.mode, 100, 8);
    writeOctal(header, 0, 108, 8); // uid root
    writeOctal(header, 0, 116, 8); // gid root
    writeOctal(header, size, 124, 12);
    writeOctal(header, mtime, 136, 12);
    header.fill(' ', 148, 156); // checksum is computed with spaces here
    writeString(header, isDir ? '5' : '0', 156, 1);
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
        const data = Buffer.from(entry.content ?? '', 'utf8');
        parts.push(headerFor(entry, data.length, mtime));
        if (data.length > 0) {
            parts.push(data, Buffer.alloc((BLOCK - (data.length % BLOCK)) % BLOCK));
        }
    }
    parts.push(Buffer.alloc(BLOCK * 2)); // end-of-archive marker
    return Buffer.concat(parts);
}

;// CONCATENATED MODULE: ./src/core/sidecar.ts





/** `docker run` attempts when the ephemeral host port was taken meanwhile. */
const RUN_ATTEMPTS = 3;
/**
 * What dockerd says when the host port it picked is not free after all: its
 * allocator raced another container, or a process outside Docker holds the
 * port (the userland proxy then cannot bind it).
 */
const PORT_TAKEN = /port is already allocated|address already in use/i;
/**
 * `docker run` for the sidecar, retried when the host port is taken: such a
 * run leaves a created-but-not-started container, which is removed (same
 * name, already recorded) before the next attempt lets dockerd pick another
 * ephemeral port. The volume is kept and reused.
 */
async function runSidecar(docker, plan, logger) {
    for (let attempt = 1;; attempt++) {
        try {
            await docker.exec(buildDindRunArgs(plan));
            return;
        }
        catch (error) {
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
 * Signs the server certificate for the names known only now and streams it
 * in with `docker cp -`; the marker goes last and releases the start script.
 */
async function deliverServerCertificate(docker, plan, ca, extraNames) {
    const [ip, shortId] = extraNames;
    const server = await ca.issueServerCertificate({
        dns: [...new Set([...plan.serverNames.dns, shortId])],
        ip: [...new Set([...plan.serverNames.ip, ip])]
    });
    const base = CERT_DIR_IN_CONTAINER.replace(/^\//, '');
    const tar = createTar([
        { path: `${base}/`, mode: 0o755 },
        { path: `${base}/server/`, mode: 0o700 },
        { path: `${base}/server/ca.pem`, mode: 0o644, content: ca.certPem },
        { path: `${base}/server/cert.pem`, mode: 0o644, content: server.certPem },
        { path: `${base}/server/key.pem`, mode: 0o600, content: server.keyPem },
        { path: `${base}/${CERTS_READY_MARKER}`, mode: 0o644, content: '' }
    ]);
    await docker.exec(['cp', '-', `${plan.name}:/`], { input: tar });
}
/**
 * Watches the container with `docker wait` (one process, no polling) so the
 * readiness loop stops as soon as the daemon dies.
 */
function watchExit(docker, name) {
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

;// CONCATENATED MODULE: ./src/core/tls.ts
// In-process PKI for the dind sidecar: one ECDSA P-256 CA per run, a server
// certificate for dockerd and a client certificate for the Docker CLI.
// Generating it here takes ~15 ms instead of the entrypoint's 3-5 s of RSA
// 4096, and lets us hand dockerd only server/{ca,cert,key}.pem so the stock
// entrypoint takes its verify-only branch and never sees the CA key
// (see reference/dind.md §1.3, §7.2).




const DEFAULT_VALIDITY_HOURS = 7 * 24;
// Backdate notBefore so a runner or daemon whose clock lags a little does
// not reject a certificate that is "not yet valid".
const CLOCK_SKEW_MS = 5 * 60 * 1000;
const KEY_ALGORITHM = {
    name: 'ECDSA',
    namedCurve: 'P-256'
};
const SIGNING_ALGORITHM = {
    name: 'ECDSA',
    hash: 'SHA-256'
};
const CERT_DIR_PREFIX = 'docker-nest-certs-';
let x509Module;
/**
 * Loads @peculiar/x509 on first use. It cannot be imported statically: its
 * DI container (tsyringe) throws at load time unless a Reflect metadata
 * polyfill was installed first, and static imports run before any code here.
 */
function loadX509() {
    x509Module ??= importX509();
    return x509Module;
}
async function importX509() {
    installReflectMetadataShim();
    const x509 = await __nccwpck_require__.e(/* import() */ 927).then(__nccwpck_require__.t.bind(__nccwpck_require__, 8927, 19));
    x509.cryptoProvider.set(external_node_crypto_namespaceObject.webcrypto);
    return x509;
}
/**
 * Installs the three Reflect metadata functions tsyringe calls, unless a real
 * polyfill (reflect-metadata) is already present. @peculiar/x509 only uses
 * parameterless `@injectable()` classes, so no metadata is ever emitted and
 * this small store is enough; it saves shipping a global polyfill.
 */
function installReflectMetadataShim() {
    const reflect = Reflect;
    if (reflect.getMetadata)
        return;
    const store = new WeakMap();
    const own = (key, target) => store.get(target)?.get(key);
    reflect.getOwnMetadata = own;
    reflect.getMetadata = (key, target) => {
        for (let t = target; t; t = Object.getPrototypeOf(t)) {
            if (store.get(t)?.has(key))
                return own(key, t);
        }
        return undefined;
    };
    reflect.defineMetadata = (key, value, target) => {
        const map = store.get(target) ?? new Map();
        store.set(target, map.set(key, value));
    };
}
/** 16 random bytes as hex, top bit cleared so the DER INTEGER is positive. */
function randomSerial() {
    const bytes = external_node_crypto_namespaceObject.webcrypto.getRandomValues(new Uint8Array(16));
    bytes[0] = (bytes[0] & 0x7f) | 0x01;
    return Buffer.from(bytes).toString('hex');
}
/**
 * Returns the IP in the form @peculiar/x509 encodes correctly: its IPv6
 * parser reads embedded IPv4 (`::ffff:1.2.3.4`) as hex groups, so IPv6 is
 * first normalised by the WHATWG URL parser, which also rejects zone ids.
 */
function canonicalIp(ip) {
    if ((0,external_node_net_namespaceObject.isIPv4)(ip))
        return ip;
    if ((0,external_node_net_namespaceObject.isIPv6)(ip) && !ip.includes('%')) {
        return new URL(`http://[${ip}]/`).hostname.slice(1, -1);
    }
    throw new Error(`Invalid IP address for the server certificate: '${ip}'.`);
}
function checkDnsName(name) {
    // dNSName is an IA5String; anything else would make the certificate
    // unusable rather than fail here with a clear message.
    if (!/^[\x21-\x7e]+$/.test(name)) {
        throw new Error(`Invalid DNS name for the server certificate: '${name}'.`);
    }
    return name.toLowerCase();
}
/** De-duplicated SAN entries: DNS names first, then IP addresses. */
function toGeneralNames(names) {
    const dns = [...new Set(names.dns.map(checkDnsName))];
    const ip = [...new Set(names.ip.map(canonicalIp))];
    if (dns.length + ip.length === 0) {
        throw new Error('The server certificate needs at least one DNS name or IP.');
    }
    return [
        ...dns.map((value) => ({ type: 'dns', value })),
        ...ip.map((value) => ({ type: 'ip', value }))
    ];
}
/** @peculiar/x509 omits the final newline, which some PEM readers want. */
function toPem(pem) {
    return `${pem.trimEnd()}\n`;
}
/**
 * A throw-away certificate authority for one run. Its private key is a
 * non-extractable CryptoKey in a #private field: no method returns it and
 * subtle.exportKey refuses it, so only certificates leave this object.
 */
class CertificateAuthority {
    /** The CA certificate, PEM; the trust anchor for both sides. */
    certPem;
    #x509;
    #cert;
    #signingKey;
    #keyId;
    constructor(x509, cert, signingKey, keyId) {
        this.#x509 = x509;
        this.#cert = cert;
        this.#signingKey = signingKey;
        this.#keyId = keyId;
        this.certPem = toPem(cert.toString('pem'));
    }
    /** Creates a CA with a fresh key pair and a self-signed certificate. */
    static async create(options = {}) {
        const hours = options.validityHours ?? DEFAULT_VALIDITY_HOURS;
        if (!Number.isFinite(hours) || hours <= 0) {
            throw new RangeError(`validityHours must be positive, got ${hours}.`);
        }
        const now = options.now?.getTime() ?? Date.now();
        const x509 = await loadX509();
        const keys = await external_node_crypto_namespaceObject.webcrypto.subtle.generateKey(KEY_ALGORITHM, false, [
            'sign',
            'verify'
        ]);
        const ski = await x509.SubjectKeyIdentifierExtension.create(keys.publicKey);
        const serial = randomSerial();
        const usages = x509.KeyUsageFlags.keyCertSign |
            x509.KeyUsageFlags.cRLSign |
            x509.KeyUsageFlags.digitalSignature;
        const cert = await x509.X509CertificateGenerator.createSelfSigned({
            serialNumber: serial,
            // The serial in the name keeps two CAs apart in logs and trust stores.
            name: `CN=docker-nest CA ${serial.slice(0, 16)}`,
            notBefore: new Date(now - CLOCK_SKEW_MS),
            notAfter: new Date(now + hours * 3600 * 1000),
            keys,
            signingAlgorithm: SIGNING_ALGORITHM,
            extensions: [
                new x509.BasicConstraintsExtension(true, 0, true),
                new x509.KeyUsagesExtension(usages, true),
                ski
            ]
        });
        return new CertificateAuthority(x509, cert, keys.privateKey, ski.keyId);
    }
    /** Issues dockerd's certificate (EKU serverAuth) for exactly these names. */
    async issueServerCertificate(names) {
        // async so that invalid names reject like every other failure here.
        return this.#issue({
            commonName: 'docker-nest server',
            extendedKeyUsage: this.#x509.ExtendedKeyUsage.serverAuth,
            altNames: toGeneralNames(names)
        });
    }
    /** Issues the Docker CLI's certificate (EKU clientAuth). */
    async issueClientCertificate() {
        return this.#issue({
            commonName: 'docker-nest client',
            extendedKeyUsage: this.#x509.ExtendedKeyUsage.clientAuth
        });
    }
    async #issue(profile) {
        const x509 = this.#x509;
        const keys = await external_node_crypto_namespaceObject.webcrypto.subtle.generateKey(KEY_ALGORITHM, true, [
            'sign',
            'verify'
        ]);
        const extensions = [
            new x509.BasicConstraintsExtension(false, undefined, true),
            new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
            new x509.ExtendedKeyUsageExtension([profile.extendedKeyUsage]),
            new x509.AuthorityKeyIdentifierExtension(this.#keyId),
            await x509.SubjectKeyIdentifierExtension.create(keys.publicKey)
        ];
        if (profile.altNames) {
            extensions.push(new x509.SubjectAlternativeNameExtension(profile.altNames));
        }
        const cert = await x509.X509CertificateGenerator.create({
            serialNumber: randomSerial(),
            subject: `CN=${profile.commonName}`,
            // Reuse the CA's encoded name so issuer and subject match byte for byte.
            issuer: this.#cert.subjectName,
            // Leaves share the CA's window, so they can never outlive it.
            notBefore: this.#cert.notBefore,
            notAfter: this.#cert.notAfter,
            publicKey: keys.publicKey,
            signingKey: this.#signingKey,
            signingAlgorithm: SIGNING_ALGORITHM,
            extensions
        });
        const pkcs8 = await external_node_crypto_namespaceObject.webcrypto.subtle.exportKey('pkcs8', keys.privateKey);
        return {
            certPem: toPem(cert.toString('pem')),
            keyPem: toPem(x509.PemConverter.encode(pkcs8, 'PRIVATE KEY'))
        };
    }
}
async function writeWithMode(path, data, mode) {
    // 'wx' refuses to follow a planted file or symlink; chmod afterwards
    // because the umask can narrow the mode given at creation.
    await (0,promises_namespaceObject.writeFile)(path, data, { mode, flag: 'wx' });
    await (0,promises_namespaceObject.chmod)(path, mode);
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
    const dir = await (0,promises_namespaceObject.mkdtemp)((0,external_node_path_namespaceObject.join)(parentDir, CERT_DIR_PREFIX));
    try {
        // Before any key is written, so a step killed from here on still has
        // the directory in its record and cleanup can delete it.
        await onCreated(dir);
        await (0,promises_namespaceObject.chmod)(dir, 0o700);
        await writeWithMode((0,external_node_path_namespaceObject.join)(dir, 'key.pem'), client.keyPem, 0o600);
        await writeWithMode((0,external_node_path_namespaceObject.join)(dir, 'cert.pem'), client.certPem, 0o644);
        await writeWithMode((0,external_node_path_namespaceObject.join)(dir, 'ca.pem'), caPem, 0o644);
    }
    catch (error) {
        // Leave no half-written key material behind.
        await (0,promises_namespaceObject.rm)(dir, { recursive: true, force: true });
        throw error;
    }
    return dir;
}

;// CONCATENATED MODULE: ./src/core/wait.ts
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

;// CONCATENATED MODULE: ./src/core/dind.ts
/**
 * Starts a Docker-in-Docker sidecar and waits until its daemon answers:
 * certificates (in-process), `docker run`, the server certificate signed for
 * the container's real IP and copied in, then mTLS `/_ping` polling while
 * `docker wait` watches for an early exit. Every resource is recorded before
 * it is created, so teardown can always remove it.
 */






/**
 * Readiness polling interval. Until dockerd listens an attempt fails at once
 * (connection refused), so polling this often costs little and notices the
 * daemon within ~10 ms.
 */
const PING_INTERVAL_MS = 10;
/** One ping may take this long (a TLS handshake on a loaded runner), but never past the deadline. */
const PING_TIMEOUT_MS = 1000;
const MIN_PING_TIMEOUT_MS = 20;
const DOCKERD_DEFAULT_MTU = 1500;
/** Starts the sidecar described by `plan`; throws with a diagnosis if it never answers. */
async function startDind(plan, resources, deps) {
    const { logger } = deps;
    const started = performance.now();
    resources.container = plan.name;
    resources.volume = plan.volume;
    await deps.recorder.record(resources);
    const { container, material } = await phase(logger, 'Start dind', () => launch(plan, resources, deps));
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
        await phase(logger, 'Wait for daemon', () => waitForDaemon(plan, endpoint, container.exited, deps));
        const readyMs = Math.round(performance.now() - started);
        const [version, info] = await Promise.all([
            daemonVersion(endpoint),
            daemonInfo(endpoint)
        ]);
        logger.info(`Docker ${version.Version} is ready after ${readyMs} ms ` +
            `(storage driver ${info.Driver}, cgroup v${info.CgroupVersion ?? '?'})`);
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
            serverVersion: version.Version,
            storageDriver: info.Driver,
            cgroupVersion: info.CgroupVersion ?? '',
            mtu: plan.mtu ?? DOCKERD_DEFAULT_MTU,
            readyMs
        };
    }
    finally {
        container.stopWatching();
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
/**
 * `docker run` and, meanwhile, the client certificates (neither needs the
 * other until the copy); then read back id, IP and port, and deliver the
 * server certificate signed for them.
 */
async function launch(plan, resources, deps) {
    const { docker, logger } = deps;
    logger.info(`Image ${plan.image}, container ${plan.name}`);
    logger.debug(`dind.launch: dockerd flags: ${plan.daemonArgs.join(' ') || '(none)'}`);
    const [ran, made] = await Promise.allSettled([
        runSidecar(docker, plan, logger),
        plan.tls ? makeClientMaterial(resources, deps) : Promise.resolve(undefined)
    ]);
    if (ran.status === 'rejected')
        throw explainRunFailure(plan, ran.reason);
    if (made.status === 'rejected')
        throw made.reason;
    const material = made.value;
    const watcher = watchExit(docker, plan.name);
    try {
        const inspect = await docker.inspect(plan.name);
        if (!inspect.State.Running) {
            // Stopped already (killed, or its command failed at once): it has no
            // IP or port to report, so say why it stopped instead.
            throw new DaemonStartError('The inner Docker daemon did not start: the sidecar stopped right ' +
                `after docker run (${describeState(inspect.State)}).`, await diagnoseContainer(docker, plan.name));
        }
        const ip = containerIp(inspect);
        const port = publishedPort(inspect, plan.containerPort);
        logger.info(`Container ${inspect.Id.slice(0, 12)} at ${ip}, daemon port 127.0.0.1:${port}`);
        if (material) {
            await deliverServerCertificate(docker, plan, material.ca, [
                ip,
                inspect.Id.slice(0, 12)
            ]);
        }
        return { container: { id: inspect.Id, ip, port, ...watcher }, material };
    }
    catch (error) {
        watcher.stopWatching();
        throw error;
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
/** Polls `/_ping` until ready; on exit or timeout, throws with a diagnosis. */
async function waitForDaemon(plan, endpoint, exited, deps) {
    const result = await waitFor((remainingMs) => ping(endpoint, Math.max(MIN_PING_TIMEOUT_MS, Math.min(PING_TIMEOUT_MS, remainingMs))), {
        timeoutMs: plan.waitTimeoutMs,
        intervalMs: PING_INTERVAL_MS,
        stop: exited
    });
    if (result.status === 'ready') {
        deps.logger.info(`Daemon answered /_ping after ${result.attempts} attempts`);
        return;
    }
    const summary = result.status === 'stopped'
        ? `The inner Docker daemon did not start: ${result.reason} after ${result.elapsedMs} ms.`
        : `The inner Docker daemon did not answer within ${plan.waitTimeoutMs / 1000} s ` +
            `(wait-timeout); last error: ${String(result.lastError?.message ?? result.lastError)}.`;
    const diagnosis = await diagnoseContainer(deps.docker, plan.name);
    throw new DaemonStartError(summary, diagnosis);
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

;// CONCATENATED MODULE: ./src/core/dood.ts




const dood_PING_TIMEOUT_MS = 5000;
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
        await ping(endpoint, dood_PING_TIMEOUT_MS);
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
        return JSON.parse(await getJsonOrText(endpoint, `/containers/${id}/json`, dood_PING_TIMEOUT_MS));
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

;// CONCATENATED MODULE: ./src/cli/commands/up.ts
/** `docker-nest up`: start a nest and print its variables. */
















/** Inputs that are lists: their flags may repeat. */
const LIST_INPUTS = [
    'dockerd-args',
    'registry-mirrors',
    'insecure-registries',
    'tls-san'
];
/**
 * Inputs that only make sense for the Action: post's cleanup policy, and the
 * docker CLI install through the Actions tool cache.
 */
const ACTION_ONLY = [
    'cleanup',
    'docker-cli-version',
    'docker-cli-url',
    'docker-cli-sha256'
];
/** The Action inputs `up` takes as flags. */
const UP_INPUTS = Object.keys(INPUT_DEFAULTS).filter((name) => !ACTION_ONLY.includes(name));
/** Env var name for an input: DOCKER_NEST_WAIT_TIMEOUT for wait-timeout. */
function envNameFor(name) {
    return `DOCKER_NEST_${name.toUpperCase().replace(/-/g, '_')}`;
}
/** The variables a shell needs to use the nest. */
function nestEnvironment(info) {
    return {
        DOCKER_HOST: info.dockerHost,
        DOCKER_TLS_VERIFY: info.tlsVerify ? '1' : '',
        DOCKER_CERT_PATH: info.certPath ?? ''
    };
}
/** `--format`, shared with `env`. */
const FORMAT_OPTION = {
    format: {
        type: 'string',
        placeholder: 'F',
        help: `output format: ${ENV_FORMATS.join('|')} (default sh)`
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
const inputOptions = Object.fromEntries(UP_INPUTS.map((name) => [
    name,
    {
        type: 'string',
        multiple: LIST_INPUTS.includes(name),
        placeholder: 'V',
        help: `default: ${INPUT_DEFAULTS[name] || '(none)'}${LIST_INPUTS.includes(name) ? ' (repeatable)' : ''}; env ${envNameFor(name)}`
    }
]));
async function upDind(ctx) {
    const { options, hostDocker, recorder, logger } = ctx;
    const plan = makePlan(options, {
        runPrefix: 'local',
        detectedMtu: options.mtu === 'auto' ? await detectUplinkMtu() : undefined,
        now: new Date()
    });
    const resources = { version: 1, runId: plan.runId, hostDocker };
    await recorder.record(resources);
    // From here on Ctrl-C may leave docker calls in flight: let them settle.
    const uninstall = exitOnCancel(ctx.docker, logger);
    try {
        const info = await startDind(plan, resources, {
            docker: ctx.docker,
            logger,
            recorder,
            certParentDir: ctx.stateDir
        }).finally(uninstall);
        return {
            mode: 'dind',
            container: info.containerName,
            env: nestEnvironment(info)
        };
    }
    catch (error) {
        // Leave nothing behind: unlike the Action, no post step follows a failed
        // up. The record stays only if something could not be removed, for `down`.
        const report = await teardown(resources, ctx.docker, logger);
        for (const warning of report.warnings)
            logger.warning(warning);
        if (report.warnings.length === 0)
            await removeStateFile(ctx.stateDir);
        throw error;
    }
}
async function upDood(ctx) {
    const { hostDocker, recorder, logger } = ctx;
    const runId = `local-${randomSuffix()}`;
    const resources = { version: 1, runId, hostDocker, mode: 'dood' };
    await recorder.record(resources);
    const info = await connectDood(ctx.options, runId, {
        logger,
        proxyDir: ctx.stateDir,
        // This bundle also runs the proxy (`docker-nest socket-proxy`).
        cliPath: (0,external_node_url_namespaceObject.fileURLToPath)(import.meta.url),
        recordProxy: (proxy) => {
            resources.proxy = proxy;
            return recorder.record(resources);
        }
    });
    resources.socket = info.socket;
    await recorder.record(resources);
    logger.info("dood: containers run on this machine's daemon; bind-mount paths are " +
        'paths of the machine, not of a job container.');
    return {
        mode: 'dood',
        container: '',
        env: {
            DOCKER_HOST: info.dockerHost,
            DOCKER_TLS_VERIFY: '',
            DOCKER_CERT_PATH: '',
            DOCKER_NEST_LABEL: info.label
        }
    };
}
/** `--mode auto`: dind where a privileged container starts, else dood; dood also when dind then fails. */
async function upAuto(ctx) {
    const probe = await probePrivileged(ctx.docker, ctx.options.image, `local-${randomSuffix()}-probe`);
    ctx.logger.info(`mode: auto chose ${probe.privileged ? 'dind' : 'dood'}: ${probe.reason}.`);
    if (!probe.privileged)
        return upDood(ctx);
    try {
        return await upDind(ctx);
    }
    catch (error) {
        ctx.logger.warning(`mode: auto: dind did not start, using dood instead. ${errorMessage(error)}`);
        return upDood(ctx);
    }
}
const up = {
    name: 'up',
    summary: 'start a private Docker daemon (dind, mutual TLS; or --mode dood|auto) and print its variables: eval "$(docker-nest up)"',
    options: { ...inputOptions, ...FORMAT_OPTION, ...STATE_DIR_OPTION },
    notes: 'Each option is the GitHub Action input of the same name.',
    async run({ values, inputs, stateDir: flag, logger }) {
        const format = envFormatOf(values.format, 'up');
        const options = parseInputs(inputs);
        const stateDir = stateDirOf(flag);
        const existing = await readStateFile(stateDir);
        if (existing) {
            throw new UsageError(`A nest is already up (${stateFilePath(stateDir)}, container ` +
                `${existing.container ?? '-'}). Run 'docker-nest down' first, or use another --state-dir.`);
        }
        const hostDocker = captureHostDockerEnv();
        let docker;
        const ctx = {
            options,
            hostDocker,
            // dood needs no docker CLI; look it up only when a mode needs it.
            get docker() {
                docker ??= DockerCli.locate(hostDocker, (m) => logger.debug(m));
                return docker;
            },
            recorder: fileRecorder(stateDir),
            stateDir,
            logger
        };
        const started = options.mode === 'dood'
            ? await upDood(ctx)
            : options.mode === 'auto'
                ? await upAuto(ctx)
                : await upDind(ctx);
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

;// CONCATENATED MODULE: ./src/core/reap.ts

/** Decides, without Docker, which objects go. Pure. */
function decideReap(objects, options) {
    return objects
        .filter((o) => !options.runPrefix || o.run.startsWith(options.runPrefix))
        .map((object) => {
        if (options.all)
            return { object, remove: true, reason: '--all' };
        const expires = Number(object.expires);
        if (object.expires === '' || !Number.isFinite(expires)) {
            return { object, remove: false, reason: 'no expiry label' };
        }
        const left = expires - options.nowSeconds;
        return left > 0
            ? { object, remove: false, reason: `expires in ${formatSeconds(left)}` }
            : {
                object,
                remove: true,
                reason: `expired ${formatSeconds(-left)} ago`
            };
    });
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
const FORMAT = `{{.Label "${LABELS.run}"}}\t{{.Label "${LABELS.expires}"}}`;
function parseRows(kind, text) {
    return text
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => {
        const [name, run = '', expires = ''] = line.split('\t');
        return { kind, name, run, expires };
    });
}
/** Every container and volume carrying the `docker-nest` label. */
async function listNestObjects(docker) {
    const filter = `label=${LABELS.managed}`;
    const [containers, volumes] = await Promise.all([
        docker.exec([
            'ps',
            '--all',
            '--filter',
            filter,
            '--format',
            `{{.Names}}\t${FORMAT}`
        ]),
        docker.exec([
            'volume',
            'ls',
            '--filter',
            filter,
            '--format',
            `{{.Name}}\t${FORMAT}`
        ])
    ]);
    return [
        ...parseRows('container', containers.stdout),
        ...parseRows('volume', volumes.stdout)
    ];
}
/**
 * Removes what {@link decideReap} selects: containers first (so their volumes
 * are free), then volumes. With `dryRun` only decides.
 */
async function reapNests(docker, options) {
    const decisions = decideReap(await listNestObjects(docker), options);
    const report = { decisions, removed: [], failed: [] };
    if (options.dryRun)
        return report;
    const chosen = decisions.filter((d) => d.remove).map((d) => d.object);
    for (const kind of ['container', 'volume']) {
        await Promise.all(chosen
            .filter((o) => o.kind === kind)
            .map(async (object) => {
            const args = kind === 'container'
                ? ['rm', '--force', '--volumes', object.name]
                : ['volume', 'rm', object.name];
            const result = await docker.tryExec(args);
            if (result.exitCode === 0)
                report.removed.push(object);
            else
                report.failed.push({ object, error: result.stderr.trim() });
        }));
    }
    return report;
}

;// CONCATENATED MODULE: ./src/cli/commands/reap.ts
/** `docker-nest reap`: remove abandoned nests (expired, or all of ours). */




const reap = {
    name: 'reap',
    summary: 'remove nests whose docker-nest.expires label has passed (or all of ours with --all); never anything unlabelled',
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
    notes: 'Nests started by this machine expire 6 hours after their start (the job limit of hosted runners).',
    async run({ values, stateDir: flag, logger }) {
        const saved = await readStateFile(stateDirOf(flag));
        const docker = hostDockerCli(logger, saved?.hostDocker);
        const dryRun = Boolean(values['dry-run']);
        const report = await reapNests(docker, {
            nowSeconds: Math.floor(Date.now() / 1000),
            all: Boolean(values.all),
            runPrefix: values.run,
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
function endpointOf(ports) {
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
            endpoint: endpointOf(ports),
            current: currentRun !== undefined && run === currentRun
        };
    });
}
const status_FORMAT = [
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
            placeholder: 'F',
            help: 'table|json (default table)'
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
            status_FORMAT
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
        const read = (f) => (0,external_node_fs_namespaceObject.readFileSync)((0,external_node_path_namespaceObject.join)(target.certPath, f));
        tls = { ca: read('ca.pem'), cert: read('cert.pem'), key: read('key.pem') };
    }
    return new Promise((resolve, reject) => {
        const options = {
            ...(target.socketPath
                ? { socketPath: target.socketPath }
                : { host: target.host, port: target.port }),
            path: '/_ping',
            timeout: Math.max(timeoutMs, 20),
            agent: false,
            ...(tls ?? {})
        };
        const req = (tls ? external_node_https_namespaceObject.request : external_node_http_namespaceObject.request)(options, (res) => {
            const chunks = [];
            res.on('data', (c) => chunks.push(c));
            res.on('end', () => {
                const body = Buffer.concat(chunks).toString('utf8').trim();
                if (res.statusCode === 200 && body === 'OK')
                    resolve();
                else
                    reject(new Error(`GET /_ping answered HTTP ${res.statusCode} ${body.slice(0, 200)}`));
            });
            res.on('error', reject);
        });
        req.on('timeout', () => req.destroy(Object.assign(new Error('no answer'), { code: 'ETIMEDOUT' })));
        req.on('error', reject);
        req.end();
    });
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
            help: 'tcp://HOST:PORT or unix:///PATH (default $DOCKER_HOST, else unix:///var/run/docker.sock)'
        },
        'cert-path': {
            type: 'string',
            placeholder: 'DIR',
            help: 'client certificates (default $DOCKER_CERT_PATH, else ~/.docker); implies TLS'
        },
        tls: {
            type: 'boolean',
            help: 'use mutual TLS (default: on when $DOCKER_TLS_VERIFY is non-empty or --cert-path is given)'
        },
        timeout: {
            type: 'string',
            placeholder: 'S',
            help: 'give up after S seconds (default 60)'
        },
        quiet: { type: 'boolean', help: 'print nothing when ready' }
    },
    notes: 'Exit 0 when the daemon answers, 1 when the deadline passed (with the likely cause), 2 for bad usage.',
    async run({ values, env, logger }) {
        const timeoutText = values.timeout ?? '60';
        const seconds = Number(timeoutText);
        if (!/^\d+(\.\d+)?$/.test(timeoutText) || seconds <= 0 || seconds > 3600) {
            throw new UsageError(`Option '--timeout' must be seconds between 0 and 3600, got '${timeoutText}'. Run 'docker-nest wait --help'.`);
        }
        const certFlag = values['cert-path'];
        const tls = Boolean(values.tls) ||
            certFlag !== undefined ||
            Boolean(env.DOCKER_TLS_VERIFY);
        const certPath = certFlag ?? (env.DOCKER_CERT_PATH || (0,external_node_path_namespaceObject.join)((0,external_node_os_namespaceObject.homedir)(), '.docker'));
        const target = parseTarget(values.host ??
            (env.DOCKER_HOST || 'unix:///var/run/docker.sock'), tls, certPath);
        logger.debug(`waiting for ${target.dockerHost}${target.certPath ? ` (TLS, certificates in ${target.certPath})` : ''}`);
        const result = await waitFor((left) => pingOnce(target, Math.min(left, 2000)), {
            timeoutMs: seconds * 1000,
            intervalMs: 100
        });
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

;// CONCATENATED MODULE: ./src/cli/logger.ts
function createCliLogger(debug) {
    const write = (line) => process.stderr.write(`${line}\n`);
    return {
        info: (message) => write(message),
        debug: (message) => {
            if (debug)
                write(`debug: ${message}`);
        },
        warning: (message) => write(`warning: ${message}`),
        group: async (title, fn) => {
            write(`==> ${title}`);
            return fn();
        }
    };
}

;// CONCATENATED MODULE: ./src/cli/cli.ts
/**
 * The docker-nest command: the engine for GitLab jobs, Jenkins, self-hosted
 * runners and laptops. One module per command under commands/; this file
 * parses the command line, prints help and maps errors to exit codes:
 * 0 done, 1 failed, 2 bad usage or input.
 */















/** Every command, in help order. */
const COMMANDS = [up, down, env, wait, status_status, reap, doctor];
/** Commands docker-nest runs itself; not listed in the help. */
const INTERNAL_COMMANDS = [socketProxy];
const COMMON_OPTIONS = {
    debug: { type: 'boolean', help: 'more detail on stderr' },
    help: { type: 'boolean', help: 'show help for the command' }
};
const EXIT_CODES = 'Exit codes: 0 done, 1 failed (the message says why), 2 bad usage or input.';
/** The overview `docker-nest help` prints. */
const HELP = `Usage: docker-nest <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(7)} ${c.summary}`).join('\n')}
  help    show this help; 'docker-nest <command> --help' for one command

Messages go to stderr; stdout carries only what a command prints for use
(variables, tables), so eval "$(docker-nest up)" is safe.

${EXIT_CODES}
`;
/** Help for one command: usage line, options, notes, exit codes. */
function commandHelp(command) {
    const options = { ...command.options, ...COMMON_OPTIONS };
    const lines = Object.entries(options).map(([name, spec]) => {
        const flag = `--${name}${spec.placeholder ? ` ${spec.placeholder}` : ''}`;
        return `  ${flag.padEnd(26)} ${spec.help}`;
    });
    return [
        `Usage: docker-nest ${command.name} [options]`,
        '',
        `${command.summary[0].toUpperCase()}${command.summary.slice(1)}.`,
        '',
        'Options:',
        ...lines,
        ...(command.notes ? ['', command.notes] : []),
        '',
        EXIT_CODES,
        ''
    ].join('\n');
}
function findCommand(name) {
    const command = [...COMMANDS, ...INTERNAL_COMMANDS].find((c) => c.name === name);
    if (!command)
        throw new UsageError(`Unknown command '${name}'. ${seeHelp()}`);
    return command;
}
/** Parses argv (without node and script); flags win over env vars. */
function parseCommandLine(argv, env = process.env) {
    const [first, ...rest] = argv;
    const none = { values: {}, inputs: {}, stateDir: undefined, debug: false };
    if (first === undefined || first === '--help' || first === '-h') {
        return { command: 'help', ...none };
    }
    if (first === 'help') {
        if (rest.length > 1)
            throw new UsageError(`Unexpected argument '${rest[1]}'. ${seeHelp()}`);
        if (rest[0] !== undefined)
            findCommand(rest[0]);
        return { command: 'help', topic: rest[0], ...none };
    }
    if (first.startsWith('-')) {
        throw new UsageError(`The command comes first (docker-nest <command> [options]), got '${first}'. ${seeHelp()}`);
    }
    const command = findCommand(first);
    const specs = { ...command.options, ...COMMON_OPTIONS };
    let parsed;
    try {
        parsed = (0,external_node_util_namespaceObject.parseArgs)({
            args: rest,
            options: Object.fromEntries(Object.entries(specs).map(([name, s]) => [
                name,
                { type: s.type, multiple: Boolean(s.multiple) }
            ])),
            allowPositionals: true,
            strict: true
        });
    }
    catch (error) {
        throw new UsageError(`${error.message}. ${seeHelp(command.name)}`);
    }
    const { values, positionals } = parsed;
    if (values.help)
        return { command: 'help', topic: command.name, ...none };
    if (positionals.length > 0) {
        throw new UsageError(`Unexpected argument '${positionals[0]}'. ${seeHelp(command.name)}`);
    }
    const inputs = {};
    if (command === up) {
        for (const name of UP_INPUTS) {
            const value = values[name];
            const fromEnv = env[envNameFor(name)];
            if (value !== undefined)
                inputs[name] = Array.isArray(value) ? value.join('\n') : value;
            else if (fromEnv !== undefined)
                inputs[name] = fromEnv;
        }
    }
    return {
        command: command.name,
        values: values,
        inputs,
        stateDir: values['state-dir'],
        debug: Boolean(values.debug)
    };
}
/** Runs one command line; returns the exit code. */
async function main(argv) {
    try {
        const parsed = parseCommandLine(argv);
        if (parsed.command === 'help') {
            process.stdout.write(parsed.topic ? commandHelp(findCommand(parsed.topic)) : HELP);
            return EXIT.ok;
        }
        const logger = createCliLogger(parsed.debug);
        return await findCommand(parsed.command).run({
            ...parsed,
            logger,
            env: process.env
        });
    }
    catch (error) {
        process.stderr.write(`docker-nest: ${errorMessage(error)}\n`);
        return error instanceof UsageError || error instanceof InputError
            ? EXIT.usage
            : EXIT.failed;
    }
}


/***/ }),

/***/ 486:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _cli_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6849);
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
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
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
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
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
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
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
