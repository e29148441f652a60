import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 2181:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   EM: () => (/* binding */ EARLY_STATE_KEY),
/* harmony export */   F7: () => (/* binding */ removeEarlyDir),
/* harmony export */   PZ: () => (/* binding */ EARLY_DIR_PREFIX),
/* harmony export */   _S: () => (/* binding */ EARLY_DIR_ENV),
/* harmony export */   ax: () => (/* binding */ fingerprintOf),
/* harmony export */   e0: () => (/* binding */ EARLY_FILES),
/* harmony export */   i6: () => (/* binding */ stopEarly),
/* harmony export */   qN: () => (/* binding */ readEarlyLog),
/* harmony export */   rf: () => (/* binding */ waitForOutcome)
/* harmony export */ });
/* unused harmony exports loadEarlyStart, isRunning, readOutcome */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _workflow_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(5809);
/* harmony import */ var _engine_errors_js__WEBPACK_IMPORTED_MODULE_7__ = __nccwpck_require__(7679);
/* harmony import */ var _engine_util_lazy_builtins_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(6816);
/* harmony import */ var _engine_lifecycle_owner_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(6254);
/* harmony import */ var _engine_lifecycle_resources_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(2012);
/* harmony import */ var _runner_env_js__WEBPACK_IMPORTED_MODULE_6__ = __nccwpck_require__(3716);
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
    return (0,_engine_util_lazy_builtins_js__WEBPACK_IMPORTED_MODULE_3__/* .lazyCrypto */ .yJ)()
        .createHash('sha256')
        .update(JSON.stringify({ inputs, hostDocker }))
        .digest('hex');
}
/** Pre's record, checked: the directory must be one pre makes, the pid a number. */
function loadEarlyStart(saved = core.getState(EARLY_STATE_KEY), root = runnerTemp()) {
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
        dirname(dir) !== root ||
        !basename(dir).startsWith(EARLY_DIR_PREFIX) ||
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
    return (0,_engine_lifecycle_owner_js__WEBPACK_IMPORTED_MODULE_4__/* .ownerOf */ .bf)(early.pid, proc) === early.identity;
}
/** The outcome, once the background process wrote it; undefined before. */
function readOutcome(dir) {
    const file = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, EARLY_FILES.result);
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(file))
        return undefined;
    return JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file, 'utf8'));
}
/** What the background process had created (its record), checked; undefined when nothing. */
function readEarlyRecord(dir) {
    const file = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, EARLY_FILES.record);
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(file))
        return undefined;
    return (0,_engine_lifecycle_resources_js__WEBPACK_IMPORTED_MODULE_5__/* .parseResources */ .tK)((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file, 'utf8'), (0,_runner_env_js__WEBPACK_IMPORTED_MODULE_6__/* .runnerTemp */ .X)());
}
/** The background process's log, for main's output. */
function readEarlyLog(dir) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, EARLY_FILES.log), 'utf8');
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
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(early.dir, { recursive: true, force: true });
    }
    catch (error) {
        _workflow_js__WEBPACK_IMPORTED_MODULE_2__/* .debug */ .Yz(`early start: could not remove ${early.dir}: ${(0,_engine_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .errorMessage */ .g)(error)}`);
    }
}
function sleep(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}


/***/ }),

/***/ 8980:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   v: () => (/* binding */ actionLogger)
/* harmony export */ });
/* harmony import */ var _workflow_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(5809);
/** The engine's logger, printed as workflow commands with collapsible groups. */

const actionLogger = {
    info: (message) => _workflow_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(message),
    debug: (message) => _workflow_js__WEBPACK_IMPORTED_MODULE_0__/* .debug */ .Yz(message),
    warning: (message) => _workflow_js__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(message),
    group: (title, fn) => _workflow_js__WEBPACK_IMPORTED_MODULE_0__/* .group */ .Os(title, fn)
};


/***/ }),

/***/ 2078:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _pre_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(9749);
// Entry of dist/pre: only calls run(), so tests can import run() without side effects.

await (0,_pre_js__WEBPACK_IMPORTED_MODULE_0__/* .run */ .e)();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 9749:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  e: () => (/* binding */ pre_run)
});

// UNUSED EXPORTS: reasonToWait

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
// EXTERNAL MODULE: ./src/action/workflow.ts
var workflow = __nccwpck_require__(5809);
// EXTERNAL MODULE: ./src/engine/cache/cache.ts
var cache = __nccwpck_require__(1597);
// EXTERNAL MODULE: ./src/engine/options/address-pools.ts
var address_pools = __nccwpck_require__(6957);
// EXTERNAL MODULE: ./src/engine/options/clients.ts
var clients = __nccwpck_require__(8627);
// EXTERNAL MODULE: ./src/engine/options/daemon-config.ts
var daemon_config = __nccwpck_require__(2158);
// EXTERNAL MODULE: ./src/engine/options/primitives.ts
var primitives = __nccwpck_require__(4657);
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
                `(e.g. '--debug' or '--default-ulimit nofile=1024:2048'), got ${(0,primitives/* quote */.hD)(line)}.`);
            continue;
        }
        const reserved = dockerdFlagNames(words).find((name) => RESERVED_DOCKERD_FLAGS[name]);
        if (reserved) {
            problems.push(`Input 'dockerd-args' may not set ${reserved} ` +
                `(${RESERVED_DOCKERD_FLAGS[reserved]}), got ${(0,primitives/* quote */.hD)(line)}.`);
            continue;
        }
        args.push(...words);
    }
    return args;
}

// EXTERNAL MODULE: ./src/engine/options/inputs.ts
var options_inputs = __nccwpck_require__(746);
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
            `${MAX_WAIT_SECONDS} (e.g. 60), got ${(0,primitives/* quote */.hD)(value)}.`);
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
        problems.push(`Input 'cleanup' must be 'true', 'false' or 'containers', got ${(0,primitives/* quote */.hD)(value)}.`);
    }
    return {
        cleanup: (0,primitives/* parseBoolean */.yG)('cleanup', parsed ? value : 'true', problems),
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
        problems.push(`Input 'mode' must be one of ${MODES.join(', ')}, got ${(0,primitives/* quote */.hD)(value)}.`);
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
            `'${options_inputs/* DEFAULT_DIND_IMAGE */.GS}' or 'registry:5000/team/dind:26@sha256:…', ` +
            `got ${(0,primitives/* quote */.hD)(value)}.`);
    }
    return value;
}
/** Input `socket`: an absolute path, `unix://` prefix dropped; '' = find it. */
function parseSocket(value, problems) {
    const path = value.replace(/^unix:\/\//, '');
    if (path !== '' && !path.startsWith('/')) {
        problems.push(`Input 'socket' must be an absolute path such as ` +
            `'/var/run/docker.sock' (or unix:///path), got ${(0,primitives/* quote */.hD)(value)}.`);
    }
    return path;
}

// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __nccwpck_require__(7030);
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
            `(e.g. 1360), got ${(0,primitives/* quote */.hD)(value)}.`);
        return 'auto';
    }
    return mtu;
}
/** Input `registry-mirrors`: http(s) URLs without credentials. */
function parseRegistryMirrors(value, problems) {
    const mirrors = (0,primitives/* splitList */.ry)(value);
    for (const mirror of mirrors) {
        const credentials = (0,daemon_config/* mirrorCredentialsProblem */.zy)(mirror, "Input 'registry-mirrors'");
        if (credentials) {
            problems.push(credentials);
        }
        else if (!(0,primitives/* isHttpUrl */.q$)(mirror)) {
            problems.push(`Input 'registry-mirrors' entries must be http(s) URLs such as ` +
                `'https://mirror.example.com', got ${(0,primitives/* quote */.hD)(mirror)}.`);
        }
    }
    return mirrors;
}
function isCidr(value) {
    const [address, bits, extra] = value.split('/');
    if (extra !== undefined || bits === undefined || !/^[0-9]{1,3}$/.test(bits)) {
        return false;
    }
    const family = (0,external_node_net_.isIP)(address);
    return family !== 0 && Number(bits) <= (family === 4 ? 32 : 128);
}
/** Input `insecure-registries`: host[:port] or CIDR entries. */
function parseInsecureRegistries(value, problems) {
    const registries = (0,primitives/* splitList */.ry)(value);
    for (const registry of registries) {
        if (!REGISTRY_HOST.test(registry) && !isCidr(registry)) {
            problems.push(`Input 'insecure-registries' entries must be host[:port] or a CIDR ` +
                `such as 'registry.local:5000' or '10.0.0.0/8', got ${(0,primitives/* quote */.hD)(registry)}.`);
        }
    }
    return registries;
}

// EXTERNAL MODULE: ./src/engine/options/rootless.ts
var rootless = __nccwpck_require__(3290);
// EXTERNAL MODULE: ./src/engine/options/runtime.ts
var runtime = __nccwpck_require__(1951);
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
    if ((0,external_node_net_.isIP)(address) !== 6)
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
    for (const entry of (0,primitives/* splitList */.ry)(value)) {
        const match = /^(DNS|IP):(.+)$/i.exec(entry);
        const type = match?.[1].toUpperCase();
        const name = match?.[2] ?? '';
        if (type === 'DNS' && isHostname(name)) {
            sans.dns.push(name.toLowerCase());
        }
        else if (type === 'IP' && (0,external_node_net_.isIP)(name) !== 0) {
            const problem = ipSanProblem(name);
            if (problem) {
                problems.push(`Input 'tls-san' entry ${(0,primitives/* quote */.hD)(entry)} ${problem}.`);
            }
            else {
                sans.ip.push(name);
            }
        }
        else if (!match) {
            problems.push(`Input 'tls-san' entries need a type prefix: use 'DNS:${entry}' or ` +
                `'IP:<address>', got ${(0,primitives/* quote */.hD)(entry)}.`);
        }
        else {
            problems.push(`Input 'tls-san' entry ${(0,primitives/* quote */.hD)(entry)} is not a valid ` +
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
function config_parseInputs(inputs, env = {}) {
    const problems = [];
    const options = {
        mode: parseMode((0,options_inputs/* inputValue */.UV)(inputs, 'mode'), problems),
        image: '',
        tls: (0,primitives/* parseBoolean */.yG)('tls', (0,options_inputs/* inputValue */.UV)(inputs, 'tls'), problems),
        waitTimeoutMs: parseWaitTimeout((0,options_inputs/* inputValue */.UV)(inputs, 'wait-timeout'), problems),
        dockerdArgs: parseDockerdArgs(inputs['dockerd-args'] ?? '', problems),
        registryMirrors: parseRegistryMirrors((0,options_inputs/* inputValue */.UV)(inputs, 'registry-mirrors'), problems),
        insecureRegistries: parseInsecureRegistries((0,options_inputs/* inputValue */.UV)(inputs, 'insecure-registries'), problems),
        mtu: parseMtu((0,options_inputs/* inputValue */.UV)(inputs, 'mtu'), problems),
        tlsSans: parseTlsSans((0,options_inputs/* inputValue */.UV)(inputs, 'tls-san'), problems),
        ...parseCleanup((0,options_inputs/* inputValue */.UV)(inputs, 'cleanup'), problems),
        socket: parseSocket((0,options_inputs/* inputValue */.UV)(inputs, 'socket'), problems),
        socketProxy: (0,primitives/* parseBoolean */.yG)('socket-proxy', (0,options_inputs/* inputValue */.UV)(inputs, 'socket-proxy'), problems),
        dockerCli: (0,clients/* parseDockerCli */.w0)(inputs, problems),
        clients: (0,clients/* parseClients */.q0)(inputs, problems),
        // Both are left undefined when unset.
        defaultAddressPools: (0,primitives/* optionalList */.R2)((0,address_pools/* parseAddressPools */.dz)((0,options_inputs/* inputValue */.UV)(inputs, 'default-address-pools'), problems)),
        daemonConfig: (0,daemon_config/* parseDaemonConfig */.IK)((0,options_inputs/* inputValue */.UV)(inputs, 'daemon-config'), problems),
        runtime: (0,runtime/* parseRuntime */.Sw)((0,options_inputs/* inputValue */.UV)(inputs, 'runtime'), problems),
        ...(0,rootless/* parseRootless */.DB)((0,options_inputs/* inputValue */.UV)(inputs, 'rootless'), problems),
        cache: (0,cache/* parseCacheOptions */.MZ)((name) => (0,options_inputs/* inputValue */.UV)(inputs, name), env, problems),
        fastStart: (0,primitives/* parseBoolean */.yG)('fast-start', (0,options_inputs/* inputValue */.UV)(inputs, 'fast-start'), problems),
        earlyStart: (0,primitives/* parseBoolean */.yG)('early-start', (0,options_inputs/* inputValue */.UV)(inputs, 'early-start'), problems)
    };
    if (options.daemonConfig) {
        (0,daemon_config/* checkDaemonConfig */.Zk)(options.daemonConfig, options, problems);
    }
    // The default image follows `rootless`.
    options.image = parseImage((0,rootless/* imageFor */.zd)(inputs.image, options.rootless, options_inputs/* AUTO_IMAGE */.mU, options_inputs/* DEFAULT_DIND_IMAGE */.GS), problems);
    (0,rootless/* checkRootless */.S1)(options.rootless, options.runtime, problems);
    if (options.rootless && options.image === options_inputs/* RUNNER_IMAGE */.du) {
        problems.push("Input 'image' is 'runner', which cannot run rootless: the runner's " +
            "engine runs as root. Use 'auto' or a dind-rootless image.");
    }
    if (problems.length > 0)
        throw new options_inputs/* InputError */.dz(problems);
    return options;
}

// EXTERNAL MODULE: ./src/engine/docker/cli.ts
var cli = __nccwpck_require__(6305);
// EXTERNAL MODULE: ./src/engine/errors.ts
var errors = __nccwpck_require__(7679);
// EXTERNAL MODULE: ./src/engine/lifecycle/owner.ts
var lifecycle_owner = __nccwpck_require__(6254);
// EXTERNAL MODULE: ./src/engine/lifecycle/resources.ts
var lifecycle_resources = __nccwpck_require__(2012);
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
        return (0,external_node_fs_.readFileSync)(path, 'utf8');
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

// EXTERNAL MODULE: ./src/engine/dind/plan.ts
var dind_plan = __nccwpck_require__(191);
// EXTERNAL MODULE: ./src/engine/dood/dood.ts
var dood = __nccwpck_require__(667);
// EXTERNAL MODULE: ./src/engine/dind/isolation.ts
var isolation = __nccwpck_require__(3874);
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
            Labels: { [dind_plan/* LABELS */.kg.managed]: 'true', [dind_plan/* LABELS */.kg.run]: runId },
            ExposedPorts: {},
            HostConfig: {
                ...(shape.isolation ?? (0,isolation/* isolationHostConfig */.V)(undefined)),
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
            error instanceof cli/* DockerCommandError */.YJ
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

// EXTERNAL MODULE: ./src/engine/util/lazy-builtins.ts + 1 modules
var lazy_builtins = __nccwpck_require__(6816);
// EXTERNAL MODULE: ./src/engine/cache/scope.ts
var scope = __nccwpck_require__(8803);
// EXTERNAL MODULE: ./src/engine/docker/engine-api.ts + 2 modules
var engine_api = __nccwpck_require__(9987);
// EXTERNAL MODULE: ./src/engine/dind/mtu.ts
var dind_mtu = __nccwpck_require__(590);
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

// EXTERNAL MODULE: ./src/engine/docker/runner-client.ts
var runner_client = __nccwpck_require__(2537);
// EXTERNAL MODULE: ./src/engine/dind/sidecar-log.ts
var sidecar_log = __nccwpck_require__(7898);
// EXTERNAL MODULE: ./src/engine/dind/stdin-delivery.ts
var stdin_delivery = __nccwpck_require__(9893);
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
    return sidecarAccessVia((0,runner_client/* runnerClient */.g9)(docker, debug, env));
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
            const log = new sidecar_log/* SidecarLog */.My();
            try {
                await client.run(request, {
                    onCreating: options.onCreating,
                    onStarting: options.onStarting,
                    onRunOutput: options.onRunOutput,
                    // The start script reads the files from stdin only when told so.
                    ...(options.filesByStdin && {
                        attach: {
                            env: [`${stdin_delivery/* STDIN_DELIVERY_ENV */.MM}=stdin`],
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
                await (await attachment.stream).send((0,stdin_delivery/* encodeForStdin */.Gi)(entries));
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

// EXTERNAL MODULE: ./src/engine/dind/containerd-first.ts + 1 modules
var containerd_first = __nccwpck_require__(3320);
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
            `is in the sidecar's log (lines '${containerd_first/* FAST_START_LOG_PREFIX */.G5} …')`);
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
        .filter((line) => line.startsWith(containerd_first/* FAST_START_LOG_PREFIX */.G5));
}

// EXTERNAL MODULE: ./src/engine/docker/client.ts
var client = __nccwpck_require__(5164);
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
            stdin_delivery/* NON_ROOT_MESSAGE */.Tb
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
        docker.logTail(name, LOG_TAIL_LINES).catch(client/* errorText */.kc),
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

// EXTERNAL MODULE: ./src/engine/docker/run-args.ts
var run_args = __nccwpck_require__(630);
// EXTERNAL MODULE: ./src/engine/dind/startup-script.ts + 3 modules
var startup_script = __nccwpck_require__(6193);
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
async function runSidecar(docker, plan, logger, runDetached = (request) => docker.exec((0,run_args/* runArgsFromCreate */.XA)(request))) {
    for (let attempt = 1;; attempt++) {
        try {
            await runDetached((0,dind_plan/* buildDindCreateRequest */.d7)(plan));
            return;
        }
        catch (error) {
            if (plan.cache &&
                error instanceof cli/* DockerCommandError */.YJ &&
                (0,cache/* isNameConflict */.or)(error.stderr) &&
                attempt < RUN_ATTEMPTS) {
                // Another container holds the cache: break it if its job is gone, else CacheBusyError.
                const lock = { cache: plan.cache.name, container: plan.name };
                const note = await (0,cache/* breakStaleLock */.I_)((0,runner_client/* runnerClient */.g9)(docker), lock, {
                    nowSeconds: Math.floor(Date.now() / 1000),
                    table: (0,lifecycle_owner/* localProcessTable */.$8)()
                });
                if (note)
                    logger.warning(note);
                continue;
            }
            const portTaken = error instanceof cli/* DockerCommandError */.YJ && PORT_TAKEN.test(error.stderr);
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
    if (!(error instanceof cli/* DockerCommandError */.YJ))
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
    const base = startup_script/* CERT_DIR_IN_CONTAINER */.lr.replace(/^\//, '');
    // docker cp (without -a) keeps the tar's owners: uid 1000 for rootless.
    const owner = (0,rootless/* certOwnerFor */.ZU)(plan.rootless);
    const entries = [
        { path: `${base}/`, mode: 0o755 },
        { path: `${base}/server/`, mode: 0o700 },
        { path: `${base}/server/ca.pem`, mode: 0o644, content: ca.certPem },
        { path: `${base}/server/cert.pem`, mode: 0o644, content: server.certPem },
        { path: `${base}/server/key.pem`, mode: 0o600, content: server.keyPem },
        // daemon.json (input daemon-config) rides along, before the marker.
        ...(0,daemon_config/* daemonConfigEntries */.Xb)(plan.daemonConfig, false),
        { path: `${base}/${startup_script/* CERTS_READY_MARKER */.Jn}`, mode: 0o644, content: '' }
    ].map((entry) => ({ ...entry, ...owner }));
    await copyIn(plan.name, entries);
}
/** Without TLS: daemon.json and its own ready-marker, the same way. */
async function deliverDaemonConfig(copyIn, plan) {
    await copyIn(plan.name, (0,daemon_config/* daemonConfigEntries */.Xb)(plan.daemonConfig, true));
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
    return (0,lazy_builtins/* lazyCrypto */.yJ)().generateKeyPairSync('ec', { namedCurve: CURVE });
}
/** 16 random bytes, top bit cleared so the DER INTEGER is positive. */
function randomSerial() {
    const bytes = (0,lazy_builtins/* lazyCrypto */.yJ)().randomBytes(16);
    bytes[0] = (bytes[0] & 0x7f) | 0x01;
    return bytes;
}
/** The address as the iPAddress SAN wants it: 4 or 16 bytes. */
function ipBytes(ip) {
    if ((0,external_node_net_.isIPv4)(ip))
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
        keyId: (0,lazy_builtins/* lazyCrypto */.yJ)().createHash('sha1').update(point).digest()
    };
}
/** Signs a TBSCertificate and returns the certificate as PEM. */
function signCertificate(fields, signingKey) {
    const algorithm = sequence(oid(OID.ecdsaWithSha256));
    const tbs = sequence(explicit(0, smallInteger(2)), // v3
    unsignedInteger(randomSerial()), algorithm, fields.issuer, fields.validity, fields.subject, fields.spki, explicit(3, sequence(...fields.extensions)));
    // dsaEncoding 'der': the Ecdsa-Sig-Value X.509 wants, not r||s.
    const signature = (0,lazy_builtins/* lazyCrypto */.yJ)().sign(SIGNATURE_HASH, tbs, {
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
        const tag = (0,lazy_builtins/* lazyCrypto */.yJ)().randomBytes(8);
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
    (0,external_node_fs_.writeFileSync)(path, data, { mode, flag: 'wx' });
    (0,external_node_fs_.chmodSync)(path, mode);
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
    const dir = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)(parentDir, CERT_DIR_PREFIX));
    try {
        // Before any key is written, so a step killed from here on still has
        // the directory in its record and cleanup can delete it.
        await onCreated(dir);
        (0,external_node_fs_.chmodSync)(dir, 0o700);
        writeWithMode((0,external_node_path_.join)(dir, 'key.pem'), client.keyPem, 0o600);
        writeWithMode((0,external_node_path_.join)(dir, 'cert.pem'), client.certPem, 0o644);
        writeWithMode((0,external_node_path_.join)(dir, 'ca.pem'), caPem, 0o644);
    }
    catch (error) {
        // Leave no half-written key material behind.
        (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
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
    logger.info(`Sidecar: ${(0,runtime/* describeIsolation */.o$)(plan.runtime, plan.rootlessUnprivileged)}${plan.rootless ? ', rootless (uid 1000)' : ''}`);
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
        throw ((await (0,runtime/* explainUnknownRuntime */.oo)(docker, plan.runtime, ran.reason)) ??
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
                `after docker run (${describeState(inspect.State)}).`, await diagnoseContainer((0,runner_client/* runnerClient */.g9)(docker), plan.name));
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

// EXTERNAL MODULE: ./src/engine/docker/wait.ts
var wait = __nccwpck_require__(18);
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
    const result = await (0,wait/* waitFor */.f)((remainingMs) => nest.answer(dind_mtu/* BRIDGE_NETWORK_PATH */.lQ, Math.max(MIN_ATTEMPT_TIMEOUT_MS, Math.min(ATTEMPT_TIMEOUT_MS, remainingMs))), {
        timeoutMs: plan.waitTimeoutMs,
        intervalMs: READY_POLL_INTERVAL_MS,
        stop: exited
    });
    if (result.status === 'ready') {
        deps.logger.info(`Daemon answered GET ${dind_mtu/* BRIDGE_NETWORK_PATH */.lQ} after ${result.attempts} attempts`);
        return result.value;
    }
    const summary = result.status === 'stopped'
        ? `The inner Docker daemon did not start: ${result.reason} after ${result.elapsedMs} ms.`
        : `The inner Docker daemon did not answer within ${plan.waitTimeoutMs / 1000} s ` +
            `(wait-timeout); last error: ${String(result.lastError?.message ?? result.lastError)}.`;
    const diagnosis = await diagnoseContainer((0,runner_client/* runnerClient */.g9)(deps.docker), plan.name);
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
        (await (0,sidecar_log/* daemonFactsFromLog */.kG)(log, DAEMON_LINE_WAIT_MS, () => wholeLog(name)));
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
        const nest = new engine_api/* EngineApi */.PB(endpoint);
        const firstAnswer = await phase(logger, 'Wait for daemon', () => waitForDaemon(plan, nest, container.exited, deps));
        const readyMs = Math.round(performance.now() - started);
        const [facts] = await Promise.all([
            daemonFacts(nest, access, plan.name, logger),
            reportFastStart(access, plan, logger)
        ]);
        const innerMtu = (0,dind_mtu/* bridgeMtu */.M5)(firstAnswer);
        logger.info(`Docker ${facts.serverVersion} is ready after ${readyMs} ms ` +
            `(storage driver ${facts.storageDriver}, cgroup v${facts.cgroupVersion || '?'})`);
        const mtu = innerMtu ?? plan.mtu ?? DOCKERD_DEFAULT_MTU;
        logger.info((0,dind_mtu/* describeMtu */.M1)(plan.mtuSetting, mtu, facts.serverVersion));
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
    const { [cache/* CACHE_LABEL */.qc]: _cache, [scope/* CACHE_SCOPE_LABEL */.j6]: _scope, ...labels } = plan.labels;
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
        if (!(error instanceof cache/* CacheBusyError */.Qe))
            throw error;
        // The container of that name is another job's: teardown must never touch it.
        const certDir = resources.certDir;
        delete resources.container;
        delete resources.cache;
        delete resources.certDir;
        await deps.recorder.record(resources);
        if (certDir)
            await (0,lazy_builtins/* lazyFsPromises */.wc)().rm(certDir, { recursive: true, force: true });
        if (busy === 'fail') {
            throw new Error(`${error.message} Wait for that job, use another cache name, or set ` +
                'cache-busy: fallback to start with an empty data root instead.', { cause: error });
        }
        deps.logger.warning(`${error.message} This job starts with an empty data root instead ` +
            '(cache-busy: fallback); set cache-busy: fail to fail instead.');
        return startDind(withoutCache(plan), resources, deps);
    }
}

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
        ? (0,lifecycle_owner/* ownerState */.N_)(object.owner, options.table)
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
    dind_plan/* LABELS */.kg.run,
    dind_plan/* LABELS */.kg.expires,
    lifecycle_owner/* OWNER_LABEL */.pk,
    cache/* CACHE_LABEL */.qc,
    scope/* CACHE_SCOPE_LABEL */.j6
];
/** Every container and volume carrying the `docker-nest` label. */
async function listNestObjects(docker) {
    // Over the runner's plain socket the listing costs no process: reaping at
    // main start then takes nothing from the nest starting next to it.
    const { containers, volumes } = await docker.listLabelled(dind_plan/* LABELS */.kg.managed, KEYS);
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
        run: labels[dind_plan/* LABELS */.kg.run] ?? '',
        expires: labels[dind_plan/* LABELS */.kg.expires] ?? '',
        owner: labels[lifecycle_owner/* OWNER_LABEL */.pk] ?? '',
        cache: labels[cache/* CACHE_LABEL */.qc] ?? '',
        cacheScope: labels[scope/* CACHE_SCOPE_LABEL */.j6] ?? ''
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
    return (0,cli/* isNoSuchObject */.Eo)(stderr) || /already in progress/i.test(stderr);
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
    const waited = await (0,wait/* waitFor */.f)(async () => {
        const outcome = await remove();
        if (VOLUME_IN_USE.test(outcome.error))
            throw outcome;
        return outcome;
    }, OTHERS_VOLUME_WAIT);
    return waited.status === 'ready'
        ? waited.value
        : waited.lastError;
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
        table: (0,lifecycle_owner/* localProcessTable */.$8)(),
        graceSeconds: START_REAP_GRACE_SECONDS
    }))
        .catch((error) => new Error((0,errors/* errorMessage */.g)(error)));
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
    return root === '/' ? path : external_node_path_.posix.join(root, path);
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
            current = external_node_path_.posix.dirname(current);
            continue;
        }
        const candidate = external_node_path_.posix.join(current, name);
        const stat = tryLstat(inRoot(root, candidate));
        if (!stat)
            return undefined;
        if (stat.isSymbolicLink()) {
            if (links.length >= MAX_LINKS)
                return undefined;
            const target = (0,external_node_fs_.readlinkSync)(inRoot(root, candidate));
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
        return { kind: 'link', target: (0,external_node_fs_.readlinkSync)(inRoot(root, path)) };
    }
    return { kind: stat.isDirectory() ? 'directory' : 'other' };
}
function tryLstat(hostPath) {
    try {
        return (0,external_node_fs_.lstatSync)(hostPath);
    }
    catch {
        return undefined;
    }
}
/** The first 4 KB of a file: enough for a `#!` line or ELF program headers. */
function readHead(hostPath) {
    const fd = (0,external_node_fs_.openSync)(hostPath, 'r');
    try {
        const buffer = Buffer.alloc(4096);
        return buffer.subarray(0, (0,external_node_fs_.readSync)(fd, buffer, 0, buffer.length, 0));
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
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
            const dir = external_node_path_.posix.dirname(link.path);
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
                : external_node_path_.posix.dirname(resolved.path);
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
            const path = external_node_path_.posix.join(dir, name);
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
        if (found.some((tool) => external_node_path_.posix.dirname(tool.path) === dir))
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

// EXTERNAL MODULE: ./src/engine/docker/cli-client.ts
var cli_client = __nccwpck_require__(3113);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
// EXTERNAL MODULE: ./src/engine/lifecycle/labels.ts
var labels = __nccwpck_require__(6414);
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
    [startup_script/* CERT_DIR_IN_CONTAINER */.lr, 0o755],
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
    const digest = (0,external_node_crypto_.createHash)('sha256').update(tar).digest('hex');
    const tag = digest.slice(0, 12);
    return {
        tar,
        digest,
        tag,
        reference: `${ROOT_IMAGE_REPOSITORY}:${tag}`,
        labels: { [labels/* LABELS */.kg.managed]: 'true', [RUNNER_ROOT_LABEL]: digest }
    };
}
/** The `LABEL` instruction that sets the image's labels on import (`changes` / `--change`). */
function labelChange(image) {
    const pairs = Object.entries(image.labels).map(([k, v]) => `${k}=${v}`);
    return `LABEL ${pairs.join(' ')}`;
}

// EXTERNAL MODULE: ./src/engine/docker/api-client.ts + 1 modules
var api_client = __nccwpck_require__(9874);
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
        return (0,cli_client/* cliClient */.c)(daemon.cli);
    return 'socketPath' in daemon
        ? (0,runner_client/* socketClient */.zS)(daemon.socketPath, debug)
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
    const detail = error instanceof engine_api/* EngineApiError */.Z_
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
    if (requested !== options_inputs/* AUTO_IMAGE */.mU && requested !== options_inputs/* RUNNER_IMAGE */.du) {
        return { use: 'pinned', image: requested };
    }
    const why = blocked ??
        (discovery && !discovery.available ? discovery.message : undefined);
    if (why === undefined)
        return { use: 'runner' };
    if (requested === options_inputs/* RUNNER_IMAGE */.du) {
        return {
            use: 'fail',
            message: `Input 'image' is 'runner', but the runner's engine cannot run a nest: ${why}. ` +
                `Set image to a dind image such as '${options_inputs/* DEFAULT_DIND_IMAGE */.GS}', or to 'auto' to fall back to it.`
        };
    }
    return { use: 'dind', image: options_inputs/* DEFAULT_DIND_IMAGE */.GS, why };
}
/** Resolves `requested`; imports the root image when the runner's engine is used. */
async function resolveImage(requested, facts, logger) {
    const blocked = blockedBecause(facts);
    const wanted = requested === options_inputs/* AUTO_IMAGE */.mU || requested === options_inputs/* RUNNER_IMAGE */.du;
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
    await ensureRootImage(image, (0,runner_client/* locateHostClient */.y9)(facts.hostDocker, debug), debug);
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

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(8161);
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
            exit(128 + external_node_os_.constants.signals[signal]);
        });
    };
    for (const signal of SIGNALS)
        process.on(signal, handler);
    return () => {
        for (const signal of SIGNALS)
            process.off(signal, handler);
    };
}

// EXTERNAL MODULE: ./src/engine/lifecycle/teardown.ts + 2 modules
var teardown = __nccwpck_require__(6137);
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
        isolation: (0,isolation/* isolationHostConfig */.V)(runtime, rootlessUnprivileged),
        env: engine ? [`PATH=${engine.searchPath}`] : [],
        binds: engine?.binds ?? []
    };
}
/** A docker CLI for the runner's daemon as it was at the start. */
function runnerDocker(ctx) {
    return cli/* DockerCli */.Vo.locate(ctx.hostDocker, (m) => ctx.logger.debug(m));
}
/** The client for the runner's daemon as it was at the start. */
function runnerClient(ctx) {
    return (0,runner_client/* locateHostClient */.y9)(ctx.hostDocker, (m) => ctx.logger.debug(m));
}
const realSteps = {
    probe: (options, image, runId, ctx) => probePrivileged(runnerClient(ctx), image.image, runId, undefined, probeShape(options, image)),
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
    connectDood: (options, runId, resources, ctx) => (0,dood/* connectDood */.Jj)(options, runId, {
        logger: ctx.logger,
        proxyDir: ctx.proxy.dir,
        cliPath: ctx.proxy.cliPath,
        recordProxy: (proxy) => {
            resources.proxy = proxy;
            return ctx.recorder.record(resources);
        }
    }),
    async removeNest(resources, ctx) {
        const report = await ctx.logger.group('Remove the failed nest', () => (0,teardown/* teardown */.z)(resources, runnerClient(ctx), ctx.logger));
        return report.warnings;
    },
    jobContainer: (ctx) => {
        const docker = runnerClient(ctx);
        // The whole `docker inspect` object, Mounts and HostConfig included.
        // Any failure (no such container above all) means this step does not
        // run in a container of the runner's daemon.
        return detectJobContainer((id) => docker.inspectContainer(id).then((inspect) => inspect, () => undefined));
    },
    doodJobContainer: (socket) => detectJobContainer((id) => (0,dood/* inspectOverSocket */.Y3)(socket, id)),
    uplinkMtu: () => (0,dind_mtu/* detectUplinkMtu */.nV)(),
    startReaping(ctx, after) {
        // Only the docker CLI reaches the daemon and there is none on PATH:
        // nothing to reap with (dood needs none).
        let docker;
        try {
            docker = runnerClient(ctx);
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
async function up_up(options, ctx, steps = realSteps) {
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
            ctx.logger.warning(`mode: auto: dind did not start, using dood instead. ${(0,errors/* errorMessage */.g)(error)}`);
            try {
                return await upDood(options, ctx, steps);
            }
            catch (doodError) {
                throw new Error(`mode: auto: neither mode works here.\ndind: ${(0,errors/* errorMessage */.g)(error)}\n` +
                    `dood: ${(0,errors/* errorMessage */.g)(doodError)}`, { cause: doodError });
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
        const probed = await steps.probe(options, prepared.resolved, `${ctx.runPrefix}-${(0,dind_plan/* randomSuffix */.VH)()}-probe`, ctx);
        ctx.rememberProbe?.(probed.privileged);
        return probed;
    });
    const mode = result.privileged ? 'dind' : 'dood';
    ctx.logger.info(`mode: auto chose ${mode}: ${result.reason}.`);
    return mode;
}
async function upDind(options, prepared, ctx, steps, starting, fallingBack) {
    const { detectedMtu, job, resolved } = prepared;
    const plan = (0,dind_plan/* makePlan */.Cs)({ ...options, image: resolved.image }, {
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
    const plainTcp = (0,dind_plan/* plainTcpWarning */.GR)(plan);
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
    const runId = `${ctx.runPrefix}-${(0,dind_plan/* randomSuffix */.VH)()}`;
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
    const note = (0,dood/* bindMountNote */.H6)(job && ctx.workspace ? hostPathOf(ctx.workspace, job.mounts) : undefined);
    return { mode: 'dood', info, resources, note };
}

// EXTERNAL MODULE: ./src/action/early.ts
var action_early = __nccwpck_require__(2181);
;// CONCATENATED MODULE: ./src/action/inputs.ts
/** Reads the Action inputs declared in action.yml into the engine's raw form. */


/** Every input, as the runner passes it (defaults from action.yml already merged). */
function inputs_readInputs() {
    const inputs = {};
    for (const name of Object.keys(options_inputs/* INPUT_DEFAULTS */.WJ)) {
        // dockerd-args keeps its line structure; core trims only the ends.
        inputs[name] = workflow/* getInput */.V4(name);
    }
    return inputs;
}

// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __nccwpck_require__(3136);
// EXTERNAL MODULE: ./src/action/logger.ts
var logger = __nccwpck_require__(8980);
;// CONCATENATED MODULE: ./src/action/outputs.ts
/** Publishes Docker to later steps: environment variables and step outputs. */

/**
 * The variables main exports for the rest of the job. With `setHost` the
 * ones every docker client reads: DOCKER_HOST, and DOCKER_TLS_VERIFY and
 * DOCKER_CERT_PATH empty rather than unset, since an earlier step's value
 * would otherwise survive (runner env semantics) and a stale
 * DOCKER_TLS_VERIFY breaks a unix connection. Without it none of them, so
 * later steps keep the Docker they had. dood always adds the run label.
 */
function environmentFor(info, setHost) {
    const env = {};
    if (setHost) {
        const dind = info.mode === 'dind' ? info : undefined;
        env.DOCKER_HOST = info.dockerHost;
        env.DOCKER_TLS_VERIFY = dind?.tlsVerify ? '1' : '';
        env.DOCKER_CERT_PATH = dind?.certPath ?? '';
    }
    if (info.mode === 'dood')
        env.DOCKER_NEST_LABEL = info.label;
    return env;
}
/** Exports {@link environmentFor}'s variables and logs the set ones. */
function outputs_exportEnvironment(info, setHost) {
    const env = environmentFor(info, setHost);
    for (const [name, value] of Object.entries(env)) {
        core.exportVariable(name, value);
        if (value)
            core.info(`${name}=${value}`);
    }
    if (!setHost) {
        core.info('set-host: false — DOCKER_HOST, DOCKER_TLS_VERIFY and ' +
            'DOCKER_CERT_PATH left as they were; this daemon is at ' +
            `${info.dockerHost} (output docker-host).`);
    }
}
/**
 * Step output values by name (as declared in action.yml); `cliPath` is the
 * docker CLI used, `context` the docker context created.
 */
function outputsFor(info, cliPath = '', context = '') {
    const outputs = info.mode === 'dood'
        ? {
            'docker-host': info.dockerHost,
            'cert-path': '',
            'tls-verify': '',
            'container-id': '',
            'container-ip': '',
            port: '',
            'server-version': info.serverVersion,
            'storage-driver': info.storageDriver,
            mtu: '',
            'ready-ms': info.readyMs,
            mode: info.mode
        }
        : {
            'docker-host': info.dockerHost,
            'cert-path': info.certPath ?? '',
            'tls-verify': info.tlsVerify ? '1' : '',
            'container-id': info.containerId,
            'container-ip': info.containerIp,
            port: info.port,
            'server-version': info.serverVersion,
            'storage-driver': info.storageDriver,
            mtu: info.mtu,
            'ready-ms': info.readyMs,
            mode: info.mode
        };
    outputs['docker-cli-path'] = cliPath;
    outputs.context = context;
    return Object.fromEntries(Object.entries(outputs).map(([name, value]) => [name, String(value)]));
}
/** Sets every step output. */
function outputs_setOutputs(info, cliPath = '', context = '') {
    const outputs = outputsFor(info, cliPath, context);
    for (const [name, value] of Object.entries(outputs)) {
        core.setOutput(name, value);
    }
}

// EXTERNAL MODULE: ./src/action/state.ts
var state = __nccwpck_require__(3175);
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
    return lazyCrypto().createHash('sha256').update(name).digest('hex');
}
/** The two store directories of one context. */
function contextDirs(configDir, name) {
    const id = contextId(name);
    return {
        meta: join(configDir, 'contexts', 'meta', id),
        tls: join(configDir, 'contexts', 'tls', id)
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
function ownerOf(metaDir) {
    try {
        const meta = JSON.parse(readFileSync(join(metaDir, 'meta.json'), 'utf8'));
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
    if (existsSync(dirs.meta) && ownerOf(dirs.meta) === undefined) {
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
function docker_context_removeDockerContext(record) {
    const warnings = [];
    const dirs = contextDirs(record.configDir, record.name);
    // Only ours: main may have refused to replace the user's context of that
    // name; then neither it nor the current context is ours to change.
    if (existsSync(dirs.meta) && ownerOf(dirs.meta) === undefined)
        return [];
    try {
        rmSync(dirs.meta, { recursive: true, force: true });
        rmSync(dirs.tls, { recursive: true, force: true });
    }
    catch (error) {
        warnings.push(`Could not remove docker context '${record.name}': ${error}`);
    }
    try {
        restoreCurrent(record);
    }
    catch (error) {
        warnings.push(`Could not restore the current docker context in ` +
            `${join(record.configDir, 'config.json')}: ${error}`);
    }
    return warnings;
}
/** Puts `previous` back unless the job switched to another context itself. */
function restoreCurrent(record) {
    if (!existsSync(join(record.configDir, 'config.json')))
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
    const file = join(configDir, 'config.json');
    if (!existsSync(file))
        return {};
    const text = readFileSync(file, 'utf8');
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
    const file = join(configDir, 'config.json');
    const mode = existsSync(file) ? statSync(file).mode & 0o777 : 0o600;
    mkdirSync(configDir, { recursive: true, mode: 0o700 });
    const temp = `${file}.docker-nest-${process.pid}`;
    writeFileSync(temp, `${JSON.stringify(config, null, '\t')}\n`, { mode });
    renameSync(temp, file);
}
/**
 * Checks a record read back from state.
 *
 * @throws Error when it does not look like one {@link createDockerContext} made.
 */
function docker_context_parseContextRecord(text) {
    const value = JSON.parse(text);
    const ok = typeof value?.name === 'string' &&
        CONTEXT_NAME.test(value.name) &&
        typeof value.configDir === 'string' &&
        isAbsolute(value.configDir) &&
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
function clients_setUpClients(options, info, runId) {
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
    const saved = core.getState(STATE_KEYS.context);
    if (!saved)
        return;
    try {
        const record = parseContextRecord(saved);
        const warnings = removeDockerContext(record);
        for (const warning of warnings)
            core.warning(warning);
        if (warnings.length === 0) {
            core.info(`Removed docker context '${record.name}'; current context: ` +
                `${record.previous ?? 'default'}.`);
        }
    }
    catch (error) {
        core.warning(`docker-nest cleanup: ${errorMessage(error)}`);
    }
}

;// CONCATENATED MODULE: ./src/action/summary.ts

/** A Markdown table cell: no pipes or line breaks from the value. */
function cell(value) {
    return value.replace(/\|/g, '\\|').replace(/\s+/g, ' ');
}
/**
 * The summary table (Markdown), pure. Everything in it is already in hand
 * when main exports the environment (the /version, /info and bridge calls
 * run once, right after readiness), so the summary costs no docker call.
 */
function summaryTable(info) {
    const header = [
        'Mode',
        'Image',
        'Server version',
        'Storage driver',
        'Cgroup',
        'MTU',
        'Ready',
        'Endpoint'
    ];
    const dind = info.mode === 'dind' ? info : undefined;
    const row = [
        info.mode,
        dind ? dind.image : '(runner’s daemon)',
        info.serverVersion,
        info.storageDriver,
        dind?.cgroupVersion ? `v${dind.cgroupVersion}` : '',
        dind ? String(dind.mtu) : '',
        `${info.readyMs} ms`,
        `\`${info.dockerHost}\``
    ];
    return [
        '### docker-nest',
        '',
        `| ${header.join(' | ')} |`,
        `| ${header.map(() => '---').join(' | ')} |`,
        `| ${row.map(cell).join(' | ')} |`,
        ''
    ].join('\n');
}
/**
 * The failure summary (Markdown), pure: the first line of the error, then
 * the classified hints (the "Hint: " lines diagnose.ts writes) as a list,
 * then the full message (log tail included) folded away.
 */
function failureSummary(message) {
    const lines = message.split('\n');
    const hints = lines
        .filter((line) => line.startsWith('Hint: '))
        .map((line) => `- ${line.slice('Hint: '.length)}`);
    return [
        '### docker-nest failed',
        '',
        `**${lines[0].trim()}**`,
        '',
        ...(hints.length > 0 ? [...hints, ''] : []),
        ...(lines.length > 1
            ? [
                '<details><summary>Details</summary>',
                '',
                '```',
                message.replace(/```/g, "'''"),
                '```',
                '',
                '</details>',
                ''
            ]
            : [])
    ].join('\n');
}
/** Writes the summary table; a summary that cannot be written is only a warning. */
async function summary_writeSummary(info) {
    try {
        appendSummary(summaryTable(info));
    }
    catch (error) {
        warning(`Could not write the job summary: ${error.message}`);
    }
}
/** On failure, the reason in the summary too, so it shows on the run page. */
async function summary_writeFailureSummary(message) {
    try {
        appendSummary(failureSummary(message));
    }
    catch {
        // The failure itself is already reported; a summary problem must not hide it.
    }
}

// EXTERNAL MODULE: ./src/action/runner-env.ts
var runner_env = __nccwpck_require__(3716);
;// CONCATENATED MODULE: ./src/action/main.ts
/**
 * The Action's main step: validate inputs, choose the mode, give the job
 * Docker (a private nest, or the runner's own daemon), export its
 * environment. Any failure fails the step with a message that explains it;
 * whatever was created is already in the state for post.
 */
















/** Refuses non-Linux runners before anything is created. */
function assertLinux(platform = process.platform) {
    if (platform !== 'linux') {
        throw new Error(`docker-nest needs a Linux runner; this one is ${platform}. ` +
            "Run the job on 'ubuntu-latest' or a Linux self-hosted runner.");
    }
}
async function run() {
    try {
        assertLinux();
        const inputs = readInputs();
        const options = parseInputs(inputs, process.env);
        saveCleanup(options);
        const cliPath = await dockerCliPath(options);
        const hostDocker = captureHostDockerEnv();
        const early = loadEarlyStart();
        const adopted = early
            ? // Loaded only after a pre step: a start without one does not pay for it.
                await (await __nccwpck_require__.e(/* import() */ 26).then(__nccwpck_require__.bind(__nccwpck_require__, 2026))).adoptEarlyStart(early, options, inputs, hostDocker)
            : undefined;
        const result = adopted ?? (await up(options, actionContext(hostDocker)));
        await present(result, options, cliPath);
    }
    catch (error) {
        const message = errorMessage(error);
        core.setFailed(message);
        await writeFailureSummary(message);
    }
}
/** What the engine needs from a GitHub runner. */
function actionContext(hostDocker) {
    return {
        logger: logger/* actionLogger */.v,
        recorder: state/* stateRecorder */.MN,
        runPrefix: (0,runner_env/* runPrefix */.c)(),
        owner: (0,lifecycle_owner/* nestOwner */.aN)('action'),
        hostDocker,
        certParentDir: (0,runner_env/* runnerTemp */.X)(),
        proxy: {
            dir: (0,runner_env/* runnerTemp */.X)(),
            // The proxy runs from the committed CLI bundle next to this one. (Built
            // with join, not new URL(…, import.meta.url), which ncc rewrites.)
            cliPath: (0,external_node_path_.join)((0,external_node_path_.dirname)((0,external_node_url_.fileURLToPath)(import.meta.url)), '..', 'cli', 'index.js')
        },
        workspace: process.env.GITHUB_WORKSPACE,
        cachedPrivileged: process.env.DOCKER_NEST_PRIVILEGED,
        rememberProbe: (privileged) => workflow/* exportVariable */.dN('DOCKER_NEST_PRIVILEGED', String(privileged)),
        // Post removes what a failed start left.
        noPostStep: false
    };
}
/** Exports the environment and outputs, sets up clients, writes the summary. */
async function present(result, options, cliPath) {
    const { info } = result;
    await core.group('Export environment', async () => {
        exportEnvironment(info, options.clients.setHost);
        const context = setUpClients(options.clients, info, result.resources.runId);
        setOutputs(info, cliPath, context);
    });
    if (result.mode === 'dood')
        core.info(result.note);
    await writeSummary(info);
}
/**
 * The CLI on PATH, or one from the tool cache. The tool-cache code is loaded
 * only when needed: it adds ~25 ms of module loading to every main step.
 */
async function dockerCliPath(options) {
    const onPath = findOnPath('docker');
    if (onPath && !options.dockerCli.version)
        return onPath;
    const { ensureDockerCli } = await Promise.all(/* import() */[__nccwpck_require__.e(805), __nccwpck_require__.e(482)]).then(__nccwpck_require__.bind(__nccwpck_require__, 9482));
    return ensureDockerCli(options.dockerCli);
}

;// CONCATENATED MODULE: ./src/action/pre.ts
/**
 * The Action's pre step: start the nest in a background process while the
 * job's first steps (checkout, set-up) run. Pre never fails the job: when
 * it cannot start early it says why and leaves the start to main. The same
 * bundle, started with the early start's directory in its env, is that
 * background process.
 */















/** The owner of an early nest: the job's step runner, as main's would have. */
const OWNER_ENV = 'DOCKER_NEST_EARLY_OWNER';
async function pre_run() {
    const dir = process.env[action_early/* EARLY_DIR_ENV */._S];
    if (dir) {
        await startInBackground(dir);
        // Done: what still watches the sidecar belongs to main now.
        process.exit(0);
    }
    try {
        startEarly();
    }
    catch (error) {
        workflow/* info */.pq(`docker-nest: no early start (${(0,errors/* errorMessage */.g)(error)}); main starts the nest.`);
    }
}
/** Why pre leaves the start to main, or undefined when it starts early. */
function reasonToWait(earlyStart, mode, platform = process.platform) {
    if (platform !== 'linux')
        return 'not a Linux runner';
    if (earlyStart === 'false')
        return 'early-start: false';
    if (mode === undefined)
        return 'the inputs have a problem, which main reports';
    if (mode === 'dood')
        return 'mode: dood has nothing to start';
    return undefined;
}
function startEarly() {
    const inputs = inputs_readInputs();
    let mode;
    try {
        const options = config_parseInputs(inputs, process.env);
        (0,state/* saveCleanup */.Mz)(options);
        mode = options.mode;
    }
    catch {
        mode = undefined;
    }
    const reason = reasonToWait(workflow/* getInput */.V4('early-start'), mode);
    if (reason) {
        workflow/* info */.pq(`docker-nest: no early start (${reason}); main starts the nest.`);
        return;
    }
    const hostDocker = (0,cli/* captureHostDockerEnv */.AW)();
    const dir = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,runner_env/* runnerTemp */.X)(), action_early/* EARLY_DIR_PREFIX */.PZ));
    const log = (0,external_node_fs_.openSync)((0,external_node_path_.join)(dir, action_early/* EARLY_FILES */.e0.log), 'wx', 0o600);
    const env = {
        ...process.env,
        [action_early/* EARLY_DIR_ENV */._S]: dir,
        [OWNER_ENV]: (0,lifecycle_owner/* nestOwner */.aN)('action') ?? ''
    };
    // The step's file commands are processed when pre exits: the background
    // process must not write them (it reports through its directory).
    for (const name of ['GITHUB_ENV', 'GITHUB_OUTPUT', 'GITHUB_STATE']) {
        delete env[name];
    }
    const child = (0,external_node_child_process_namespaceObject.spawn)(process.execPath, [process.argv[1] ?? ''], {
        detached: true,
        stdio: ['ignore', log, log],
        env
    });
    child.unref();
    const pid = child.pid;
    const identity = pid ? (0,lifecycle_owner/* ownerOf */.bf)(pid) : undefined;
    if (!pid || !identity)
        throw new Error('the background process did not start');
    const early = {
        dir,
        pid,
        identity,
        fingerprint: (0,action_early/* fingerprintOf */.ax)(inputs, hostDocker)
    };
    workflow/* saveState */.LZ(action_early/* EARLY_STATE_KEY */.EM, JSON.stringify(early));
    workflow/* info */.pq(`docker-nest: starting the nest in the background (process ${pid}); ` +
        'main waits only for what is left of its start.');
}
/** Writes `name` in the early start's directory all at once (0600). */
function writeFileInDir(dir, name, text) {
    const partial = (0,external_node_path_.join)(dir, `${name}.partial`);
    (0,external_node_fs_.writeFileSync)(partial, text, { mode: 0o600 });
    (0,external_node_fs_.renameSync)(partial, (0,external_node_path_.join)(dir, name));
}
/** The background process: the same start main would make, reported through `dir`. */
async function startInBackground(dir) {
    let outcome;
    try {
        const options = config_parseInputs(inputs_readInputs(), process.env);
        let privileged;
        const recorder = {
            record: (resources) => writeFileInDir(dir, action_early/* EARLY_FILES */.e0.record, (0,lifecycle_resources/* serializeResources */.iF)(resources))
        };
        const result = await up_up(options, {
            ...actionContext((0,cli/* captureHostDockerEnv */.AW)()),
            recorder,
            owner: process.env[OWNER_ENV] || undefined,
            rememberProbe: (answer) => (privileged = answer)
        });
        outcome = { ok: true, result, privileged };
    }
    catch (error) {
        outcome = { ok: false, message: (0,errors/* errorMessage */.g)(error) };
    }
    writeFileInDir(dir, action_early/* EARLY_FILES */.e0.result, JSON.stringify(outcome));
}


/***/ }),

/***/ 3716:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ runnerTemp),
/* harmony export */   c: () => (/* binding */ runPrefix)
/* harmony export */ });
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_os__WEBPACK_IMPORTED_MODULE_0__);
/** Facts about the runner taken from its environment. */

/** Where per-job files go: RUNNER_TEMP (emptied by the runner after each job), else the OS temp dir. */
function runnerTemp() {
    return process.env.RUNNER_TEMP || (0,node_os__WEBPACK_IMPORTED_MODULE_0__.tmpdir)();
}
/** The run's identity for labels: `<run id>-<attempt>`; 'gha' outside a real run. */
function runPrefix() {
    const id = process.env.GITHUB_RUN_ID;
    const attempt = process.env.GITHUB_RUN_ATTEMPT ?? '1';
    return id && /^[0-9]+$/.test(id) && /^[0-9]+$/.test(attempt)
        ? `${id}-${attempt}`
        : 'gha';
}


/***/ }),

/***/ 3175:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   MN: () => (/* binding */ stateRecorder),
/* harmony export */   Mz: () => (/* binding */ saveCleanup)
/* harmony export */ });
/* unused harmony exports STATE_KEYS, loadResources, loadCleanup */
/* harmony import */ var _workflow_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(5809);
/* harmony import */ var _engine_lifecycle_resources_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(2012);
/* harmony import */ var _runner_env_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(3716);
/**
 * State shared between main and post. The nest's resources live in one JSON
 * record under one key and are checked when post reads them back.
 */



/** All state keys, in one place and one style. */
const STATE_KEYS = {
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
        _workflow_js__WEBPACK_IMPORTED_MODULE_0__/* .saveState */ .LZ(STATE_KEYS.resources, (0,_engine_lifecycle_resources_js__WEBPACK_IMPORTED_MODULE_1__/* .serializeResources */ .iF)(resources));
    }
};
/** Saves what post should tear down. */
function saveCleanup(options) {
    const mode = options.cleanupContainers
        ? 'containers'
        : options.cleanup
            ? 'true'
            : 'false';
    _workflow_js__WEBPACK_IMPORTED_MODULE_0__/* .saveState */ .LZ(STATE_KEYS.cleanup, mode);
}
/**
 * The record main saved, or undefined when main created nothing. Throws on
 * a malformed record, and on one whose files are not where main makes them
 * (directly in RUNNER_TEMP).
 */
function loadResources() {
    const saved = core.getState(STATE_KEYS.resources);
    return saved ? parseResources(saved, runnerTemp()) : undefined;
}
/**
 * What to tear down; anything unknown means 'true', so a lost value still
 * removes the nest (and, in dood, still removes nothing of the user's).
 */
function loadCleanup() {
    const saved = core.getState(STATE_KEYS.cleanup);
    return saved === 'false' || saved === 'containers' ? saved : 'true';
}


/***/ }),

/***/ 5809:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $e: () => (/* binding */ warning),
/* harmony export */   LZ: () => (/* binding */ saveState),
/* harmony export */   Os: () => (/* binding */ group),
/* harmony export */   V4: () => (/* binding */ getInput),
/* harmony export */   Yz: () => (/* binding */ debug),
/* harmony export */   dN: () => (/* binding */ exportVariable),
/* harmony export */   pq: () => (/* binding */ info)
/* harmony export */ });
/* unused harmony exports escapeData, keyValueBlock, setOutput, getState, setFailed, appendSummary */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _engine_util_random_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(1828);
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
    process.stdout.write(`::${name}::${escapeData(message)}${node_os__WEBPACK_IMPORTED_MODULE_1__.EOL}`);
}
/** `name<<delimiter` block of a file command (GITHUB_OUTPUT/ENV/STATE). */
function keyValueBlock(name, value) {
    const delimiter = `ghadelimiter_${(0,_engine_util_random_js__WEBPACK_IMPORTED_MODULE_2__/* .randomUuid */ .b)()}`;
    if (name.includes(delimiter) || value.includes(delimiter)) {
        throw new Error(`Unexpected input: value contains the delimiter ${delimiter}`);
    }
    return `${name}<<${delimiter}${node_os__WEBPACK_IMPORTED_MODULE_1__.EOL}${value}${node_os__WEBPACK_IMPORTED_MODULE_1__.EOL}${delimiter}${node_os__WEBPACK_IMPORTED_MODULE_1__.EOL}`;
}
function fileCommand(variable, name, value) {
    const file = process.env[variable];
    if (!file)
        throw new Error(`${variable} is not set: not running in a GitHub Actions step?`);
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.appendFileSync)(file, keyValueBlock(name, value), 'utf8');
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
    process.stdout.write(`${message}${node_os__WEBPACK_IMPORTED_MODULE_1__.EOL}`);
}
function debug(message) {
    command('debug', message);
}
function warning(message) {
    command('warning', message);
}
/** Fails the step: an error annotation and exit code 1. */
function setFailed(message) {
    process.exitCode = 1;
    command('error', message);
}
/** Runs `fn` inside a collapsible log group. */
async function group(name, fn) {
    process.stdout.write(`::group::${escapeData(name)}${node_os__WEBPACK_IMPORTED_MODULE_1__.EOL}`);
    try {
        return await fn();
    }
    finally {
        process.stdout.write(`::endgroup::${node_os__WEBPACK_IMPORTED_MODULE_1__.EOL}`);
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


/***/ }),

/***/ 1597:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   GR: () => (/* binding */ cacheResourceName),
/* harmony export */   I_: () => (/* binding */ breakStaleLock),
/* harmony export */   MZ: () => (/* binding */ parseCacheOptions),
/* harmony export */   Qe: () => (/* binding */ CacheBusyError),
/* harmony export */   aL: () => (/* binding */ cacheLabels),
/* harmony export */   or: () => (/* binding */ isNameConflict),
/* harmony export */   qc: () => (/* reexport safe */ _lifecycle_labels_js__WEBPACK_IMPORTED_MODULE_4__.qc)
/* harmony export */ });
/* unused harmony exports parseCacheName, parseCacheBusy, parseSize, staleReason, findHolder */
/* harmony import */ var _docker_cli_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6305);
/* harmony import */ var _docker_client_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(5164);
/* harmony import */ var _lifecycle_owner_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(6254);
/* harmony import */ var _scope_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(8803);
/* harmony import */ var _lifecycle_labels_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(6414);
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
    const scope = (0,_scope_js__WEBPACK_IMPORTED_MODULE_3__/* .parseCacheScope */ .gO)(input('cache-scope'), problems);
    // A bad cache-scope is one problem, not also an unknown repository.
    const partition = problems.length === before ? (0,_scope_js__WEBPACK_IMPORTED_MODULE_3__/* .cachePartition */ .$5)(name, scope, env, problems) : '';
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
    return `docker-nest-cache-${cache.name}.${(0,_scope_js__WEBPACK_IMPORTED_MODULE_3__/* .partitionHash */ .rv)(cache.partition)}`;
}
/** The labels that name a cache, on its volume and on its nest's container. */
function cacheLabels(cache) {
    return { [_lifecycle_labels_js__WEBPACK_IMPORTED_MODULE_4__/* .CACHE_LABEL */ .qc]: cache.name, [_scope_js__WEBPACK_IMPORTED_MODULE_3__/* .CACHE_SCOPE_LABEL */ .j6]: cache.partition };
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
    if (table && (0,_lifecycle_owner_js__WEBPACK_IMPORTED_MODULE_2__/* .ownerState */ .N_)(holder.owner, table) === 'gone')
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
        throw new Error(`Could not inspect ${container}: ${(0,_docker_client_js__WEBPACK_IMPORTED_MODULE_1__/* .errorText */ .kc)(error)}`, {
            cause: error
        });
    }
    if (!found)
        return undefined;
    const labels = found.Config.Labels ?? {};
    return {
        id: found.Id,
        status: found.State.Status,
        run: labels[_lifecycle_labels_js__WEBPACK_IMPORTED_MODULE_4__/* .LABELS */ .kg.run] ?? '',
        expires: labels[_lifecycle_labels_js__WEBPACK_IMPORTED_MODULE_4__/* .LABELS */ .kg.expires] ?? '',
        owner: labels[_lifecycle_owner_js__WEBPACK_IMPORTED_MODULE_2__/* .OWNER_LABEL */ .pk] ?? ''
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
    if (!removed.ok && !(0,_docker_cli_js__WEBPACK_IMPORTED_MODULE_0__/* .isNoSuchObject */ .Eo)(removed.error)) {
        throw new CacheBusyError(lock.cache, lock.container, holder);
    }
    return `Removed the stale holder of cache '${lock.cache}' (run ${holder.run || 'unknown'}): ${reason}.`;
}


/***/ }),

/***/ 8803:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $5: () => (/* binding */ cachePartition),
/* harmony export */   gO: () => (/* binding */ parseCacheScope),
/* harmony export */   j6: () => (/* reexport safe */ _lifecycle_labels_js__WEBPACK_IMPORTED_MODULE_1__.j6),
/* harmony export */   rv: () => (/* binding */ partitionHash)
/* harmony export */ });
/* unused harmony exports REPOSITORY_ENV, PULL_REQUESTS */
/* harmony import */ var _util_lazy_builtins_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6816);
/* harmony import */ var _lifecycle_labels_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6414);
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
    return (0,_util_lazy_builtins_js__WEBPACK_IMPORTED_MODULE_0__/* .lazyCrypto */ .yJ)()
        .createHash('sha256')
        .update(partition)
        .digest('hex')
        .slice(0, 12);
}


/***/ }),

/***/ 3320:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  wc: () => (/* binding */ CONTAINERD_DIED_LINE),
  Oe: () => (/* binding */ CONTAINERD_SOCKET),
  ix: () => (/* binding */ CONTAINERD_STATE_DIR),
  Pn: () => (/* binding */ DOCKERD_SHIM),
  Sc: () => (/* binding */ FAST_START_ENV),
  G5: () => (/* binding */ FAST_START_LOG_PREFIX)
});

// UNUSED EXPORTS: CONTAINERD_FIRST_FUNCTIONS

// EXTERNAL MODULE: ./src/engine/dind/scripts/containerd-first.generated.ts
var containerd_first_generated = __nccwpck_require__(6380);
// EXTERNAL MODULE: ./src/engine/dind/scripts/containerd-watch.generated.ts
var containerd_watch_generated = __nccwpck_require__(937);
;// CONCATENATED MODULE: ./src/engine/dind/scripts/dockerd-shim.generated.ts
// Generated from dockerd-shim.sh by scripts/embed-shell.mjs; do not edit.
// Edit the .sh file, then run `npm run build` (or the script alone).

/** dockerd-shim.sh as the sidecar runs it, with containerd-watch.sh included, its placeholders filled from `values`. */
function dockerdShimScript(values) {
    return `export PATH
${(0,containerd_watch_generated/* containerdWatchScript */.k)(values)}off() {
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
const CONTAINERD_FIRST_FUNCTIONS = (0,containerd_first_generated/* containerdFirstScript */.L)({
    CONTAINERD_DIED_LINE,
    CONTAINERD_SOCKET,
    CONTAINERD_STATE_DIR,
    DOCKERD_SHIM,
    FAST_START_ENV,
    FAST_START_LOG_PREFIX
});


/***/ }),

/***/ 3874:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ isolationHostConfig)
/* harmony export */ });
/* harmony import */ var _options_runtime_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1951);
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
    if (runtime && (0,_options_runtime_js__WEBPACK_IMPORTED_MODULE_0__/* .isSysbox */ .XC)(runtime))
        return { ...named, Privileged: false };
    return rootlessUnprivileged
        ? { ...named, Privileged: false, ...structuredClone(ROOTLESS_UNPRIVILEGED) }
        : { ...named, Privileged: true };
}


/***/ }),

/***/ 590:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   M1: () => (/* binding */ describeMtu),
/* harmony export */   M5: () => (/* binding */ bridgeMtu),
/* harmony export */   PB: () => (/* binding */ mtuSetting),
/* harmony export */   lQ: () => (/* binding */ BRIDGE_NETWORK_PATH),
/* harmony export */   nV: () => (/* binding */ detectUplinkMtu)
/* harmony export */ });
/* unused harmony exports defaultRouteInterface, MTU_SCRIPT, supportsDefaultNetworkOpts */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _scripts_mtu_flags_generated_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8604);
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
        const iface = defaultRouteInterface((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(`${procRoot}/net/route`, 'utf8'));
        if (!iface)
            return undefined;
        const mtu = Number((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(`${sysRoot}/class/net/${iface}/mtu`, 'utf8').trim());
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
const MTU_SCRIPT = (0,_scripts_mtu_flags_generated_js__WEBPACK_IMPORTED_MODULE_1__/* .mtuFlagsScript */ .h)();
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


/***/ }),

/***/ 191:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   BO: () => (/* binding */ DAEMON_PORT),
/* harmony export */   Cs: () => (/* binding */ makePlan),
/* harmony export */   GR: () => (/* binding */ plainTcpWarning),
/* harmony export */   VH: () => (/* binding */ randomSuffix),
/* harmony export */   be: () => (/* binding */ DEFAULT_TTL_SECONDS),
/* harmony export */   d7: () => (/* binding */ buildDindCreateRequest),
/* harmony export */   kg: () => (/* reexport safe */ _lifecycle_labels_js__WEBPACK_IMPORTED_MODULE_11__.kg)
/* harmony export */ });
/* unused harmony exports chooseMtu, asksForIPv6, buildDaemonArgs, buildDindRunArgs, limitsPlainTcp */
/* harmony import */ var _options_address_pools_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6957);
/* harmony import */ var _options_daemon_config_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(2158);
/* harmony import */ var _mtu_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(590);
/* harmony import */ var _cache_cache_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(1597);
/* harmony import */ var _lifecycle_owner_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(6254);
/* harmony import */ var _containerd_first_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(3320);
/* harmony import */ var _startup_script_js__WEBPACK_IMPORTED_MODULE_6__ = __nccwpck_require__(6193);
/* harmony import */ var _options_rootless_js__WEBPACK_IMPORTED_MODULE_7__ = __nccwpck_require__(3290);
/* harmony import */ var _isolation_js__WEBPACK_IMPORTED_MODULE_8__ = __nccwpck_require__(3874);
/* harmony import */ var _docker_run_args_js__WEBPACK_IMPORTED_MODULE_9__ = __nccwpck_require__(630);
/* harmony import */ var _util_random_js__WEBPACK_IMPORTED_MODULE_10__ = __nccwpck_require__(1828);
/* harmony import */ var _lifecycle_labels_js__WEBPACK_IMPORTED_MODULE_11__ = __nccwpck_require__(6414);
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
    return (0,_util_random_js__WEBPACK_IMPORTED_MODULE_10__/* .randomHex8 */ .t)();
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
    args.push(...(0,_options_address_pools_js__WEBPACK_IMPORTED_MODULE_0__/* .addressPoolArgs */ .wF)(options.defaultAddressPools));
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
    const name = cache ? (0,_cache_cache_js__WEBPACK_IMPORTED_MODULE_3__/* .cacheResourceName */ .GR)(cache) : `docker-nest-${suffix}`;
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
            [_lifecycle_labels_js__WEBPACK_IMPORTED_MODULE_11__/* .LABELS */ .kg.managed]: 'true',
            [_lifecycle_labels_js__WEBPACK_IMPORTED_MODULE_11__/* .LABELS */ .kg.run]: runId,
            [_lifecycle_labels_js__WEBPACK_IMPORTED_MODULE_11__/* .LABELS */ .kg.expires]: String(expires),
            ...(context.owner ? { [_lifecycle_owner_js__WEBPACK_IMPORTED_MODULE_4__/* .OWNER_LABEL */ .pk]: context.owner } : {}),
            ...(cache ? (0,_cache_cache_js__WEBPACK_IMPORTED_MODULE_3__/* .cacheLabels */ .aL)(cache) : {})
        },
        daemonArgs: buildDaemonArgs(options),
        mtu: (0,_options_daemon_config_js__WEBPACK_IMPORTED_MODULE_1__/* .configSetsMtu */ .SV)(options.daemonConfig) ? undefined : mtu,
        mtuSetting: (0,_mtu_js__WEBPACK_IMPORTED_MODULE_2__/* .mtuSetting */ .PB)(options.mtu, context.detectedMtu, (0,_options_daemon_config_js__WEBPACK_IMPORTED_MODULE_1__/* .configSetsMtu */ .SV)(options.daemonConfig)),
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
            Cmd: ['-c', _startup_script_js__WEBPACK_IMPORTED_MODULE_6__/* .STARTUP_SCRIPT */ .MB, 'docker-nest-start', ...plan.daemonArgs],
            Env: [
                `DOCKER_TLS_CERTDIR=${plan.tls ? _startup_script_js__WEBPACK_IMPORTED_MODULE_6__/* .CERT_DIR_IN_CONTAINER */ .lr : ''}`,
                ...scriptEnv(plan),
                ...(plan.runnerEngine ? [`PATH=${plan.runnerEngine.searchPath}`] : []),
                ...(plan.fastStart ? [] : [`${_containerd_first_js__WEBPACK_IMPORTED_MODULE_5__/* .FAST_START_ENV */ .Sc}=false`])
            ],
            Labels: { ...plan.labels },
            ExposedPorts: { [port]: {} },
            HostConfig: {
                // Privileged, or a runtime such as sysbox that isolates without it.
                ...(0,_isolation_js__WEBPACK_IMPORTED_MODULE_8__/* .isolationHostConfig */ .V)(plan.runtime, plan.rootlessUnprivileged),
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
        Target: (0,_options_rootless_js__WEBPACK_IMPORTED_MODULE_7__/* .dataRootFor */ .y8)(plan.rootless),
        VolumeOptions: {
            Labels: plan.cache
                ? { [_lifecycle_labels_js__WEBPACK_IMPORTED_MODULE_11__/* .LABELS */ .kg.managed]: 'true', ...(0,_cache_cache_js__WEBPACK_IMPORTED_MODULE_3__/* .cacheLabels */ .aL)(plan.cache) }
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
        ...(limitsPlainTcp(plan) ? [`${_startup_script_js__WEBPACK_IMPORTED_MODULE_6__/* .PLAIN_TCP_ENV */ .lZ}=runner`] : []),
        ...(plan.daemonConfig
            ? [`DOCKER_NEST_CONFIG_FILE=${_options_daemon_config_js__WEBPACK_IMPORTED_MODULE_1__/* .DAEMON_CONFIG_PATH */ .ix}`]
            : [])
    ];
}


/***/ }),

/***/ 6380:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ containerdFirstScript)
/* harmony export */ });
/* harmony import */ var _containerd_watch_generated_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(937);
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
${(0,_containerd_watch_generated_js__WEBPACK_IMPORTED_MODULE_0__/* .containerdWatchScript */ .k)(values)}nest_ctr_eligible() {
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


/***/ }),

/***/ 937:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   k: () => (/* binding */ containerdWatchScript)
/* harmony export */ });
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


/***/ }),

/***/ 8604:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ mtuFlagsScript)
/* harmony export */ });
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


/***/ }),

/***/ 9417:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ readStdinScript)
/* harmony export */ });
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


/***/ }),

/***/ 7898:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   My: () => (/* binding */ SidecarLog),
/* harmony export */   kG: () => (/* binding */ daemonFactsFromLog),
/* harmony export */   xC: () => (/* binding */ CGROUP_LINE_PREFIX)
/* harmony export */ });
/* unused harmony exports parseDaemonLine, isDaemonLine */
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


/***/ }),

/***/ 6193:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Jn: () => (/* binding */ CERTS_READY_MARKER),
  lr: () => (/* binding */ CERT_DIR_IN_CONTAINER),
  lZ: () => (/* binding */ PLAIN_TCP_ENV),
  MB: () => (/* binding */ STARTUP_SCRIPT)
});

// UNUSED EXPORTS: PREPARE_FUNCTIONS

// EXTERNAL MODULE: ./src/engine/dind/containerd-first.ts + 1 modules
var containerd_first = __nccwpck_require__(3320);
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

// EXTERNAL MODULE: ./src/engine/dind/scripts/containerd-first.generated.ts
var containerd_first_generated = __nccwpck_require__(6380);
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

// EXTERNAL MODULE: ./src/engine/dind/scripts/mtu-flags.generated.ts
var mtu_flags_generated = __nccwpck_require__(8604);
// EXTERNAL MODULE: ./src/engine/dind/scripts/read-stdin.generated.ts
var read_stdin_generated = __nccwpck_require__(9417);
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
${(0,mtu_flags_generated/* mtuFlagsScript */.h)()}unset DOCKER_HOST DOCKER_TLS_VERIFY DOCKER_CERT_PATH DOCKER_DRIVER DOCKER_CONTEXT
${prepareDindScript()}${(0,containerd_first_generated/* containerdFirstScript */.L)(values)}${(0,read_stdin_generated/* readStdinScript */.O)(values)}${limitPlainTcpScript()}nest_official=
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

// EXTERNAL MODULE: ./src/engine/dind/sidecar-log.ts
var sidecar_log = __nccwpck_require__(7898);
// EXTERNAL MODULE: ./src/engine/dind/stdin-delivery.ts
var stdin_delivery = __nccwpck_require__(9893);
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
    CGROUP_LINE_PREFIX: sidecar_log/* CGROUP_LINE_PREFIX */.xC,
    CONTAINERD_DIED_LINE: containerd_first/* CONTAINERD_DIED_LINE */.wc,
    CONTAINERD_SOCKET: containerd_first/* CONTAINERD_SOCKET */.Oe,
    CONTAINERD_STATE_DIR: containerd_first/* CONTAINERD_STATE_DIR */.ix,
    DOCKERD_SHIM: containerd_first/* DOCKERD_SHIM */.Pn,
    FAST_START_ENV: containerd_first/* FAST_START_ENV */.Sc,
    FAST_START_LOG_PREFIX: containerd_first/* FAST_START_LOG_PREFIX */.G5,
    NON_ROOT_MESSAGE: stdin_delivery/* NON_ROOT_MESSAGE */.Tb,
    PLAIN_TCP_ENV,
    STDIN_DELIVERY_ENV: stdin_delivery/* STDIN_DELIVERY_ENV */.MM,
    STDIN_END_LINE: stdin_delivery/* STDIN_END_LINE */.Y4
});


/***/ }),

/***/ 9893:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Gi: () => (/* binding */ encodeForStdin),
/* harmony export */   MM: () => (/* binding */ STDIN_DELIVERY_ENV),
/* harmony export */   Tb: () => (/* binding */ NON_ROOT_MESSAGE),
/* harmony export */   Y4: () => (/* binding */ STDIN_END_LINE)
/* harmony export */ });
/* unused harmony export STDIN_READ_FUNCTION */
/* harmony import */ var _scripts_read_stdin_generated_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(9417);

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
const STDIN_READ_FUNCTION = (0,_scripts_read_stdin_generated_js__WEBPACK_IMPORTED_MODULE_0__/* .readStdinScript */ .O)({
    NON_ROOT_MESSAGE,
    STDIN_END_LINE
});


/***/ }),

/***/ 9874:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  u: () => (/* binding */ apiClient)
});

// UNUSED EXPORTS: streamError

// EXTERNAL MODULE: ./src/engine/docker/cli.ts
var cli = __nccwpck_require__(6305);
// EXTERNAL MODULE: ./src/engine/docker/cli-client.ts
var cli_client = __nccwpck_require__(3113);
// EXTERNAL MODULE: ./src/engine/docker/client.ts
var client = __nccwpck_require__(5164);
// EXTERNAL MODULE: ./src/engine/docker/engine-api.ts + 2 modules
var engine_api = __nccwpck_require__(9987);
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

// EXTERNAL MODULE: ./src/engine/docker/run-args.ts
var run_args = __nccwpck_require__(630);
;// CONCATENATED MODULE: ./src/engine/docker/api-client.ts
/**
 * {@link DockerClient} over the Engine API on the runner's socket. Each
 * call is tracked by the CLI wrapper (DockerCli.track), so a cancelled
 * step refuses new ones and waits for those in flight, as for `docker`
 * processes. An image that is not on the runner is left to `docker run`,
 * which pulls it with the user's registry credentials.
 */






/** How long an image lookup or import may take. */
const IMAGE_TIMEOUT_MS = 30_000;
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
        disconnectNetwork: (network, endpoint) => (0,client/* outcomeOf */.sG)(() => track(['network', 'disconnect', network], () => disconnectNetwork(api, network, endpoint))),
        removeNetwork: (network) => (0,client/* outcomeOf */.sG)(() => track(['network', 'rm', network], () => removeNetwork(api, network))),
        kill: (id, signal) => (0,client/* outcomeOf */.sG)(() => track(['kill', id], () => api.kill(id, signal))),
        waitStopped: (id, timeoutMs) => (0,client/* outcomeOf */.sG)(() => track(['wait', id], () => api.wait(id, timeoutMs))),
        stop: (id, graceSeconds) => (0,client/* outcomeOf */.sG)(() => track(['stop', id], () => api.stop(id, graceSeconds))),
        removeContainer: (id) => (0,client/* outcomeOf */.sG)(() => track(['rm', id], () => api.removeContainer(id))),
        removeVolume: (name, { force = false } = {}) => (0,client/* outcomeOf */.sG)(() => track(['volume', 'rm', name], () => api.removeVolume(name, force))),
        imageExists: (reference) => track(['image', 'inspect', reference], () => api.imageExists(reference, IMAGE_TIMEOUT_MS)),
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
        if (error instanceof engine_api/* EngineApiError */.Z_ && error.status === 404) {
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
        stream = await api.importImage(tar, query, IMAGE_TIMEOUT_MS);
    }
    catch (error) {
        // The status and body as they came: the daemon's log says the rest.
        if (error instanceof engine_api/* EngineApiError */.Z_) {
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
        if (error instanceof engine_api/* EngineApiError */.Z_ && error.status === 404) {
            debug(`docker.run: ${request.body.Image} is not here; docker run pulls it`);
            // The create request was sent already: onCreating has fired.
            await (0,cli_client/* runWithCli */.s)(docker, request, { ...hooks, onCreating: undefined });
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
    if (!(error instanceof engine_api/* EngineApiError */.Z_))
        return error;
    const message = error.message.replace(/^\S+ \S+: HTTP \d+ /, '');
    return new cli/* DockerCommandError */.YJ((0,run_args/* runArgsFromCreate */.XA)(request), 125, `docker: Error response from daemon: ${message}.`);
}


/***/ }),

/***/ 3113:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ cliClient),
/* harmony export */   s: () => (/* binding */ runWithCli)
/* harmony export */ });
/* harmony import */ var _cli_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6305);
/* harmony import */ var _run_args_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(630);


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
            if (/no such image/i.test(found.stderr) || (0,_cli_js__WEBPACK_IMPORTED_MODULE_0__/* .isNoSuchObject */ .Eo)(found.stderr)) {
                return false;
            }
            throw new _cli_js__WEBPACK_IMPORTED_MODULE_0__/* .DockerCommandError */ .YJ(args, found.exitCode, found.stderr);
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
                throw new _cli_js__WEBPACK_IMPORTED_MODULE_0__/* .DockerCommandError */ .YJ(args, logs.exitCode, logs.stderr);
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
    if ((0,_cli_js__WEBPACK_IMPORTED_MODULE_0__/* .isNoSuchObject */ .Eo)(result.stderr))
        return undefined;
    throw new _cli_js__WEBPACK_IMPORTED_MODULE_0__/* .DockerCommandError */ .YJ(args, result.exitCode, result.stderr);
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
    const running = docker.exec((0,_run_args_js__WEBPACK_IMPORTED_MODULE_1__/* .runArgsFromCreate */ .XA)(request), {
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


/***/ }),

/***/ 6305:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   AW: () => (/* binding */ captureHostDockerEnv),
/* harmony export */   Eo: () => (/* binding */ isNoSuchObject),
/* harmony export */   Vo: () => (/* binding */ DockerCli),
/* harmony export */   YJ: () => (/* binding */ DockerCommandError),
/* harmony export */   aY: () => (/* binding */ findOnPath)
/* harmony export */ });
/* unused harmony exports envForHostDaemon, CancelledError */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _util_lazy_builtins_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(6816);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(3171);




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
    for (const dir of pathVar.split(node_path__WEBPACK_IMPORTED_MODULE_1__.delimiter)) {
        if (!dir)
            continue;
        const candidate = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, name);
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.accessSync)(candidate, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.X_OK);
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
    for (const key of _types_js__WEBPACK_IMPORTED_MODULE_3__/* .HOST_DOCKER_ENV_KEYS */ .v)
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
    for (const key of _types_js__WEBPACK_IMPORTED_MODULE_3__/* .HOST_DOCKER_ENV_KEYS */ .v) {
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
        return (0,_util_lazy_builtins_js__WEBPACK_IMPORTED_MODULE_2__/* .lazyChildProcess */ .KO)().spawn(this.binary, args, {
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


/***/ }),

/***/ 5164:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   fi: () => (/* binding */ retryWhileBusy),
/* harmony export */   kc: () => (/* binding */ errorText),
/* harmony export */   sG: () => (/* binding */ outcomeOf)
/* harmony export */ });
/* harmony import */ var _cli_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6305);
/* harmony import */ var _engine_api_error_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(5139);
/* harmony import */ var _wait_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(18);



/** The text of a failed call, as {@link Outcome.error} gives it. */
function errorText(error) {
    if (error instanceof _cli_js__WEBPACK_IMPORTED_MODULE_0__/* .DockerCommandError */ .YJ)
        return error.stderr.trim();
    if (error instanceof _engine_api_error_js__WEBPACK_IMPORTED_MODULE_1__/* .EngineApiError */ .Z)
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
    const waited = await (0,_wait_js__WEBPACK_IMPORTED_MODULE_2__/* .waitFor */ .f)(async () => {
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


/***/ }),

/***/ 7455:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   De: () => (/* binding */ daemonVersion),
/* harmony export */   Hu: () => (/* binding */ getJsonOrText),
/* harmony export */   Xf: () => (/* binding */ daemonInfo),
/* harmony export */   hU: () => (/* binding */ ping)
/* harmony export */ });
/* unused harmony export requestAnswer */
/* harmony import */ var _engine_api_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(9987);
/* harmony import */ var _endpoint_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8546);
/**
 * One-call helpers on a daemon's Engine API (a nest over mutual TLS, or a
 * unix socket for dood), for callers that hold an endpoint rather than an
 * {@link EngineApi}: a `/_ping` costs a handshake instead of a docker CLI
 * process, which is what makes readiness polling cheap. Each goes through
 * the same request code as every other Engine API call (endpoint.ts).
 */


/** Performs one request (GET unless told) and returns the body; rejects on non-2xx or timeout. */
function getJsonOrText(endpoint, path, timeoutMs, method = 'GET') {
    return new _engine_api_js__WEBPACK_IMPORTED_MODULE_0__/* .EngineApi */ .PB(endpoint).text(path, timeoutMs, method);
}
/** Performs one request and resolves with any HTTP answer; rejects only when none comes (refused, reset, timeout). */
function requestAnswer(endpoint, path, timeoutMs, method = 'GET') {
    return new EngineApi(endpoint).answer(path, timeoutMs, method);
}
/** Resolves when the daemon answers `GET /_ping` with OK. */
function ping(endpoint, timeoutMs = 1000) {
    return new _engine_api_js__WEBPACK_IMPORTED_MODULE_0__/* .EngineApi */ .PB(endpoint).ping(timeoutMs);
}
/** `GET /version`. */
function daemonVersion(endpoint) {
    return new _engine_api_js__WEBPACK_IMPORTED_MODULE_0__/* .EngineApi */ .PB(endpoint).version();
}
/** `GET /info`. */
function daemonInfo(endpoint) {
    return new _engine_api_js__WEBPACK_IMPORTED_MODULE_0__/* .EngineApi */ .PB(endpoint).info();
}


/***/ }),

/***/ 8546:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   E7: () => (/* binding */ startRequest),
/* harmony export */   cv: () => (/* binding */ exchange),
/* harmony export */   np: () => (/* binding */ socketEndpoint),
/* harmony export */   rl: () => (/* binding */ verbOf),
/* harmony export */   x8: () => (/* binding */ readBody)
/* harmony export */ });
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_http__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _util_lazy_builtins_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6816);


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
        agent = new ((0,_util_lazy_builtins_js__WEBPACK_IMPORTED_MODULE_1__/* .lazyHttps */ .IN)().Agent)({
            keepAlive: true,
            secureContext: (0,_util_lazy_builtins_js__WEBPACK_IMPORTED_MODULE_1__/* .lazyTls */ .UP)().createSecureContext(tls)
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
    const send = endpoint.tls ? (0,_util_lazy_builtins_js__WEBPACK_IMPORTED_MODULE_1__/* .lazyHttps */ .IN)().request : node_http__WEBPACK_IMPORTED_MODULE_0__.request;
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


/***/ }),

/***/ 5139:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ EngineApiError)
/* harmony export */ });
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


/***/ }),

/***/ 9987:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  PB: () => (/* binding */ EngineApi),
  Z_: () => (/* reexport */ engine_api_error/* EngineApiError */.Z),
  Dn: () => (/* binding */ runnerApi)
});

// EXTERNAL MODULE: ./src/engine/docker/endpoint.ts
var docker_endpoint = __nccwpck_require__(8546);
// EXTERNAL MODULE: ./src/engine/docker/engine-api-error.ts
var engine_api_error = __nccwpck_require__(5139);
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
        const req = (0,docker_endpoint/* startRequest */.E7)(endpoint, {
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
            (0,docker_endpoint/* readBody */.x8)(res).then((body) => reject(new engine_api_error/* EngineApiError */.Z('POST', `/containers/${name}/attach`, res.statusCode ?? 0, body.toString('utf8'))), reject);
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

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
// EXTERNAL MODULE: ./src/engine/dood/socket.ts
var socket = __nccwpck_require__(2992);
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
    const path = dockerHost.replace(/^unix:\/\//, '') || socket/* DEFAULT_SOCKET */.YE;
    try {
        (0,external_node_fs_.accessSync)(path, external_node_fs_.constants.R_OK | external_node_fs_.constants.W_OK);
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
    const dir = env.DOCKER_CONFIG || (0,external_node_path_.join)(env.HOME || (0,external_node_os_.homedir)(), '.docker');
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)((0,external_node_path_.join)(dir, 'config.json'), 'utf8');
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
    return socket ? new EngineApi((0,docker_endpoint/* socketEndpoint */.np)(socket), debug) : undefined;
}
/** The Engine API of one daemon. */
class EngineApi {
    endpoint;
    debug;
    constructor(endpoint, debug = () => undefined) {
        this.endpoint = endpoint;
        this.debug = debug;
    }
    /** Any answer to `method path`; rejects only when none comes (refused, reset, timeout). */
    async answer(path, timeoutMs, method = 'GET') {
        const { status, body } = await (0,docker_endpoint/* exchange */.cv)(this.endpoint, {
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
            req = (0,docker_endpoint/* startRequest */.E7)(this.endpoint, {
                method: 'POST',
                path: `/containers/${encodeURIComponent(name)}/wait`
            }, (res) => {
                (0,docker_endpoint/* readBody */.x8)(res).then((body) => {
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
            if (!(error instanceof engine_api_error/* EngineApiError */.Z && error.status === 304))
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
            if (error instanceof engine_api_error/* EngineApiError */.Z && error.status === 404)
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
        const { status, body } = await (0,docker_endpoint/* exchange */.cv)(this.endpoint, options);
        const ms = Math.round(performance.now() - started);
        const verb = (0,docker_endpoint/* verbOf */.rl)(options.path);
        this.debug(`engine-api: ${verb} ${options.method} -> ${status} (${ms} ms)`);
        if (status >= 200 && status < 300)
            return body;
        throw new engine_api_error/* EngineApiError */.Z(options.method, options.path, status, body.toString('utf8'));
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


/***/ }),

/***/ 630:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   XA: () => (/* binding */ runArgsFromCreate)
/* harmony export */ });
/* unused harmony exports UnrenderableRequestError, mountArg, RENDERED_FIELDS */
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
function runArgsFromCreate(request) {
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


/***/ }),

/***/ 2537:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   E7: () => (/* binding */ hostClient),
/* harmony export */   g9: () => (/* binding */ runnerClient),
/* harmony export */   y9: () => (/* binding */ locateHostClient),
/* harmony export */   zS: () => (/* binding */ socketClient)
/* harmony export */ });
/* harmony import */ var _api_client_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(9874);
/* harmony import */ var _cli_client_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3113);
/* harmony import */ var _cli_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(6305);
/* harmony import */ var _endpoint_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(8546);
/* harmony import */ var _engine_api_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(9987);
/**
 * The client for the runner's daemon: the Engine API when that daemon is a
 * plain unix socket the docker CLI would use too (runner-socket.ts), the
 * docker CLI otherwise.
 */





/** The Engine API over the runner's socket where it may be used, else the CLI. */
function runnerClient(docker, debug = () => undefined, env = process.env) {
    const api = (0,_engine_api_js__WEBPACK_IMPORTED_MODULE_4__/* .runnerApi */ .Dn)(docker.host, debug, env);
    return api ? (0,_api_client_js__WEBPACK_IMPORTED_MODULE_0__/* .apiClient */ .u)(api, docker, debug) : (0,_cli_client_js__WEBPACK_IMPORTED_MODULE_1__/* .cliClient */ .c)(docker);
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
    const binary = (0,_cli_js__WEBPACK_IMPORTED_MODULE_2__/* .findOnPath */ .aY)('docker', env.PATH) ?? 'docker';
    return runnerClient(new _cli_js__WEBPACK_IMPORTED_MODULE_2__/* .DockerCli */ .Vo(binary, host, debug), debug, env);
}
/**
 * {@link hostClient}, but throws DockerCli.locate's explanation when only
 * the docker CLI can reach the daemon and there is none on PATH.
 */
function locateHostClient(host, debug = () => undefined, env = process.env) {
    const client = hostClient(host, debug, env);
    if (client.via === 'docker-cli')
        _cli_js__WEBPACK_IMPORTED_MODULE_2__/* .DockerCli */ .Vo.locate(host, debug);
    return client;
}
/**
 * The Engine API client of one unix socket, whatever the environment says
 * about the runner's daemon (a daemon the caller found itself). The docker
 * CLI it carries only tracks the calls: none need be on PATH.
 */
function socketClient(socketPath, debug = () => undefined) {
    const tracker = new _cli_js__WEBPACK_IMPORTED_MODULE_2__/* .DockerCli */ .Vo((0,_cli_js__WEBPACK_IMPORTED_MODULE_2__/* .findOnPath */ .aY)('docker') ?? 'docker', {
        DOCKER_HOST: `unix://${socketPath}`,
        DOCKER_TLS_VERIFY: null,
        DOCKER_CERT_PATH: null,
        DOCKER_CONTEXT: null
    }, debug);
    return (0,_api_client_js__WEBPACK_IMPORTED_MODULE_0__/* .apiClient */ .u)(new _engine_api_js__WEBPACK_IMPORTED_MODULE_4__/* .EngineApi */ .PB((0,_endpoint_js__WEBPACK_IMPORTED_MODULE_3__/* .socketEndpoint */ .np)(socketPath), debug), tracker, debug);
}


/***/ }),

/***/ 18:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ waitFor)
/* harmony export */ });
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


/***/ }),

/***/ 667:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Az: () => (/* binding */ runLabel),
/* harmony export */   H6: () => (/* binding */ bindMountNote),
/* harmony export */   Jj: () => (/* binding */ connectDood),
/* harmony export */   Y3: () => (/* binding */ inspectOverSocket),
/* harmony export */   ux: () => (/* binding */ removeLabelled)
/* harmony export */ });
/* unused harmony exports SocketPermissionError, startDood */
/* harmony import */ var _docker_daemon_client_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7455);
/* harmony import */ var _docker_client_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(5164);
/* harmony import */ var _dind_plan_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(191);
/* harmony import */ var _socket_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(2992);
/* harmony import */ var _socket_proxy_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(621);





const PING_TIMEOUT_MS = 5000;
/** The `key=value` label of one run, as exported in DOCKER_NEST_LABEL. */
function runLabel(runId) {
    return `${_dind_plan_js__WEBPACK_IMPORTED_MODULE_2__/* .LABELS */ .kg.run}=${runId}`;
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
    const choice = (0,_socket_js__WEBPACK_IMPORTED_MODULE_3__/* .resolveSocket */ .Yw)(socketInput, deps.socketEnv);
    deps.logger.info(`Docker socket ${choice.path} (from ${choice.source})`);
    (0,_socket_js__WEBPACK_IMPORTED_MODULE_3__/* .assertSocket */ ._V)(choice);
    const endpoint = {
        host: 'localhost',
        port: 0,
        socketPath: choice.path
    };
    try {
        await (0,_docker_daemon_client_js__WEBPACK_IMPORTED_MODULE_0__/* .ping */ .hU)(endpoint, PING_TIMEOUT_MS);
    }
    catch (error) {
        throw explainPingFailure(choice.path, error);
    }
    const readyMs = Math.round(performance.now() - started);
    const [version, info] = await Promise.all([
        (0,_docker_daemon_client_js__WEBPACK_IMPORTED_MODULE_0__/* .daemonVersion */ .De)(endpoint),
        (0,_docker_daemon_client_js__WEBPACK_IMPORTED_MODULE_0__/* .daemonInfo */ .Xf)(endpoint)
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
        return new SocketPermissionError(path, (0,_socket_js__WEBPACK_IMPORTED_MODULE_3__/* .permissionMessage */ .Bq)((0,_socket_js__WEBPACK_IMPORTED_MODULE_3__/* .permissionFacts */ .nj)(path)));
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
        return JSON.parse(await (0,_docker_daemon_client_js__WEBPACK_IMPORTED_MODULE_0__/* .getJsonOrText */ .Hu)(endpoint, `/containers/${id}/json`, PING_TIMEOUT_MS));
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
        ['network', (id) => removeNetwork(id, docker, logger)],
        ['volume', (name) => docker.removeVolume(name, { force: true })]
    ];
    for (const [kind, remove] of kinds) {
        let ids;
        try {
            ids = await docker.labelledIds(kind, label);
        }
        catch (error) {
            report.warnings.push(`Could not list ${kind}s labelled ${label}: ${(0,_docker_client_js__WEBPACK_IMPORTED_MODULE_1__/* .errorText */ .kc)(error)}`);
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
function removeNetwork(network, docker, logger) {
    return (0,_docker_client_js__WEBPACK_IMPORTED_MODULE_1__/* .retryWhileBusy */ .fi)(() => docker.removeNetwork(network), ACTIVE_ENDPOINTS, ENDPOINTS_WAIT, () => disconnectEndpoints(network, docker, logger));
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
        const proxy = await (0,_socket_proxy_js__WEBPACK_IMPORTED_MODULE_4__/* .launchSocketProxy */ .VM)({
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


/***/ }),

/***/ 621:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   VM: () => (/* binding */ launchSocketProxy),
/* harmony export */   du: () => (/* binding */ proxySocketPath),
/* harmony export */   i6: () => (/* binding */ stopSocketProxy)
/* harmony export */ });
/* unused harmony exports PROXY_CHECK_INTERVAL_MS, PROXY_MAX_LIFETIME_MS, asOwner, serveSocketProxy, proxyCommand */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(7030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_net__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _docker_daemon_client_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(7455);
/* harmony import */ var _lifecycle_owner_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(6254);
/* harmony import */ var _util_lazy_builtins_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(6816);
/* harmony import */ var _dind_plan_js__WEBPACK_IMPORTED_MODULE_6__ = __nccwpck_require__(191);
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
const PROXY_MAX_LIFETIME_MS = _dind_plan_js__WEBPACK_IMPORTED_MODULE_6__/* .DEFAULT_TTL_SECONDS */ .be * 1000;
/** How long main waits for a new proxy to answer /_ping. */
const PROXY_START_TIMEOUT_MS = 10_000;
/** The socket a run's proxy serves in `dir` (RUNNER_TEMP, or the CLI state dir). */
function proxySocketPath(dir, runId) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(dir), `docker-nest-${runId}.sock`);
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
async function launchSocketProxy(options) {
    const listen = proxySocketPath(options.dir, options.runId);
    const logFile = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(options.dir, `docker-nest-${options.runId}-proxy.log`);
    const [command, ...args] = proxyCommand(options, listen);
    // A new file of this run's name, never one (or a symlink) already there.
    const log = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(logFile, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_WRONLY | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_CREAT | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_EXCL, 0o600);
    const child = (0,_util_lazy_builtins_js__WEBPACK_IMPORTED_MODULE_5__/* .lazyChildProcess */ .KO)().spawn(command, args, {
        detached: true,
        stdio: ['ignore', log, log]
    });
    const exited = new Promise((resolve) => {
        child.on('exit', (code) => resolve(code ?? 1));
        child.on('error', () => resolve(127));
    });
    child.unref();
    const pid = child.pid ?? 0;
    const startTime = (0,_lifecycle_owner_js__WEBPACK_IMPORTED_MODULE_4__/* .readStat */ .BV)(pid)?.startTime;
    const record = { socket: listen, pid, ...(startTime ? { startTime } : {}) };
    const deadline = Date.now() + PROXY_START_TIMEOUT_MS;
    while (Date.now() < deadline) {
        const outcome = await Promise.race([
            exited.then((code) => ({ code })),
            (0,_docker_daemon_client_js__WEBPACK_IMPORTED_MODULE_3__/* .ping */ .hU)({ host: 'localhost', port: 0, socketPath: listen }, 1000).then(() => 'ready', () => undefined)
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
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file, 'utf8').trim().split('\n').slice(-10).join('\n');
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
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(record.socket, { force: true });
    const stat = (0,_lifecycle_owner_js__WEBPACK_IMPORTED_MODULE_4__/* .readStat */ .BV)(record.pid);
    if (record.startTime && stat && stat.startTime === record.startTime) {
        try {
            process.kill(record.pid, 'SIGTERM');
        }
        catch {
            // Started through sudo: not ours to signal; the deleted socket stops it.
        }
    }
    return !(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(record.socket);
}


/***/ }),

/***/ 2992:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Bq: () => (/* binding */ permissionMessage),
/* harmony export */   YE: () => (/* binding */ DEFAULT_SOCKET),
/* harmony export */   Yw: () => (/* binding */ resolveSocket),
/* harmony export */   _V: () => (/* binding */ assertSocket),
/* harmony export */   nj: () => (/* binding */ permissionFacts)
/* harmony export */ });
/* unused harmony export namesById */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
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
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(path);
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
        const rootless = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(env.xdgRuntimeDir, 'docker.sock');
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
        return namesById((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file, 'utf8'));
    }
    catch {
        return new Map();
    }
}
/** Reads the facts for {@link permissionMessage} from the system. */
function permissionFacts(path) {
    const stats = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(path);
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


/***/ }),

/***/ 7679:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ errorMessage)
/* harmony export */ });
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


/***/ }),

/***/ 6414:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   j6: () => (/* binding */ CACHE_SCOPE_LABEL),
/* harmony export */   kg: () => (/* binding */ LABELS),
/* harmony export */   pk: () => (/* binding */ OWNER_LABEL),
/* harmony export */   qc: () => (/* binding */ CACHE_LABEL)
/* harmony export */ });
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


/***/ }),

/***/ 6254:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $8: () => (/* binding */ localProcessTable),
/* harmony export */   BV: () => (/* binding */ readStat),
/* harmony export */   N_: () => (/* binding */ ownerState),
/* harmony export */   aN: () => (/* binding */ nestOwner),
/* harmony export */   bf: () => (/* binding */ ownerOf),
/* harmony export */   pk: () => (/* reexport safe */ _labels_js__WEBPACK_IMPORTED_MODULE_1__.pk)
/* harmony export */ });
/* unused harmony exports formatOwner, parseOwner, parseStat, hidesProcesses, GITHUB_JOB_PROCESS, findAncestor */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _labels_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6414);
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
        return parseStat((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(`${proc}/${pid}/stat`, 'utf8')) ?? null;
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
        const bootId = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(`${proc}/sys/kernel/random/boot_id`, 'utf8').trim();
        const pidNs = /\[([0-9]+)\]/.exec((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readlinkSync)(`${proc}/self/ns/pid`))?.[1];
        if (!bootId || !pidNs)
            return undefined;
        const mountinfo = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(`${proc}/self/mountinfo`, 'utf8');
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


/***/ }),

/***/ 2012:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   iF: () => (/* binding */ serializeResources),
/* harmony export */   tK: () => (/* binding */ parseResources)
/* harmony export */ });
/* unused harmony export ResourcesFormatError */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _dood_socket_proxy_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(621);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(3171);
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
    for (const key of _types_js__WEBPACK_IMPORTED_MODULE_2__/* .HOST_DOCKER_ENV_KEYS */ .v) {
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
    return ((0,node_path__WEBPACK_IMPORTED_MODULE_0__.isAbsolute)(path) &&
        (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(path) === path &&
        (0,node_path__WEBPACK_IMPORTED_MODULE_0__.dirname)(path) === (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(fileRoot) &&
        name.test((0,node_path__WEBPACK_IMPORTED_MODULE_0__.basename)(path)));
}
function parseProxy(value, runId, fileRoot) {
    const proxy = value;
    // The only socket this run's proxy serves (socket-proxy.ts); teardown deletes it.
    const socket = optionalString(proxy?.socket, 'proxy.socket');
    if (socket !== undefined && socket !== (0,_dood_socket_proxy_js__WEBPACK_IMPORTED_MODULE_1__/* .proxySocketPath */ .du)(fileRoot, runId)) {
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


/***/ }),

/***/ 6137:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  z: () => (/* binding */ teardown)
});

// UNUSED EXPORTS: STOP_GRACE_MS

// EXTERNAL MODULE: ./src/engine/util/lazy-builtins.ts + 1 modules
var lazy_builtins = __nccwpck_require__(6816);
// EXTERNAL MODULE: ./src/engine/cache/cache.ts
var cache_cache = __nccwpck_require__(1597);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
// EXTERNAL MODULE: ./src/engine/dind/plan.ts
var plan = __nccwpck_require__(191);
// EXTERNAL MODULE: ./src/engine/docker/cli.ts
var cli = __nccwpck_require__(6305);
// EXTERNAL MODULE: ./src/engine/docker/daemon-client.ts
var daemon_client = __nccwpck_require__(7455);
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
    return JSON.parse(await (0,daemon_client/* getJsonOrText */.Hu)(endpoint, '/system/df', DF_TIMEOUT_MS));
}
async function post(endpoint, path) {
    return (0,daemon_client/* getJsonOrText */.Hu)(endpoint, path, PRUNE_TIMEOUT_MS, 'POST');
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
            await (0,daemon_client/* getJsonOrText */.Hu)(endpoint, `/images/${encodeURIComponent(id)}`, PRUNE_TIMEOUT_MS, 'DELETE');
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
        run: found.Config.Labels?.[plan/* LABELS */.kg.run] ?? '',
        ip: networks.map((n) => n.IPAddress).find((ip) => ip) ?? '',
        // DOCKER_TLS_CERTDIR is empty exactly when TLS is off (see plan.ts).
        tls: !(found.Config.Env ?? []).includes('DOCKER_TLS_CERTDIR=')
    };
}
async function endpointOf(sidecar, certDir) {
    if (!sidecar.ip)
        return undefined;
    if (!sidecar.tls) {
        return { host: sidecar.ip, port: plan/* DAEMON_PORT */.BO.plain };
    }
    if (!certDir)
        return undefined;
    const [ca, cert, key] = await Promise.all(['ca.pem', 'cert.pem', 'key.pem'].map((file) => (0,lazy_builtins/* lazyFsPromises */.wc)().readFile((0,external_node_path_.join)(certDir, file), 'utf8')));
    // By IP from the runner, which the certificate names only on a job
    // network; the name `docker` it always carries.
    return {
        host: sidecar.ip,
        port: plan/* DAEMON_PORT */.BO.tls,
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
    if (removed.ok || (0,cli/* isNoSuchObject */.Eo)(removed.error)) {
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

// EXTERNAL MODULE: ./src/engine/docker/client.ts
var client = __nccwpck_require__(5164);
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
        return { kind, name, running: false, error: (0,client/* errorText */.kc)(error) };
    }
    if (!seen)
        return { kind, name, running: false };
    const { ref, running } = seen;
    const labels = seen.labels ?? {};
    const run = labels[plan/* LABELS */.kg.run];
    const cache = labels[cache_cache/* CACHE_LABEL */.qc];
    const foreign = cache
        ? `it carries ${cache_cache/* CACHE_LABEL */.qc}=${cache}, and a cache outlives every run`
        : run !== runId
            ? `it carries ${plan/* LABELS */.kg.run}=${run || '(none)'}, not this run's ${runId}`
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
    return outcome.ok || (0,cli/* isNoSuchObject */.Eo)(outcome.error);
}
async function removeCertDir(certDir, report) {
    if (!certDir)
        return;
    try {
        // A symlink in its place is removed itself, never what it points to.
        await (0,lazy_builtins/* lazyFsPromises */.wc)().rm(certDir, { recursive: true, force: true });
        report.removed.push(`certificates ${certDir}`);
    }
    catch (error) {
        report.warnings.push(`Could not delete ${certDir}: ${error.message}`);
    }
}


/***/ }),

/***/ 6957:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   dz: () => (/* binding */ parseAddressPools),
/* harmony export */   wF: () => (/* binding */ addressPoolArgs)
/* harmony export */ });
/* unused harmony export parseAddressPool */
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_net__WEBPACK_IMPORTED_MODULE_0__);
/**
 * Input `default-address-pools`: the ranges the inner daemon carves its
 * networks from (`--default-address-pool`), so user networks created in the
 * nest avoid corporate or VPN ranges.
 */

const EXAMPLE = "'base=10.201.0.0/16,size=24'";
/** The address as bits (IPv4: 32, IPv6: 128) in a bigint. */
function addressBits(address) {
    if ((0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIPv4)(address)) {
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
    const family = (0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIPv4)(address) ? 32 : (0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIPv6)(address) ? 128 : 0;
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


/***/ }),

/***/ 8627:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   TJ: () => (/* binding */ DEFAULT_DOCKER_CLI_VERSION),
/* harmony export */   q0: () => (/* binding */ parseClients),
/* harmony export */   w0: () => (/* binding */ parseDockerCli)
/* harmony export */ });
/* unused harmony exports CONTEXT_NAME, dockerCliTrustProblems, contextNameProblem */
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_net__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(746);
/* harmony import */ var _primitives_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(4657);
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
        ((0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIP)(url.hostname) === 4 && url.hostname.startsWith('127.'));
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
    const version = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .inputValue */ .UV)(inputs, 'docker-cli-version');
    const baseUrl = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .inputValue */ .UV)(inputs, 'docker-cli-url').replace(/\/+$/, '');
    const sha256 = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .inputValue */ .UV)(inputs, 'docker-cli-sha256').toLowerCase();
    if (version !== '' &&
        !/^[0-9]+\.[0-9]+\.[0-9]+([-.+][0-9A-Za-z.-]+)?$/.test(version)) {
        problems.push(`Input 'docker-cli-version' must be a release such as '29.0.0', ` +
            `got ${(0,_primitives_js__WEBPACK_IMPORTED_MODULE_2__/* .quote */ .hD)(version)}.`);
    }
    if (!(0,_primitives_js__WEBPACK_IMPORTED_MODULE_2__/* .isHttpUrl */ .q$)(baseUrl)) {
        problems.push(`Input 'docker-cli-url' must be an http(s) URL such as ` +
            `'${_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .INPUT_DEFAULTS */ .WJ['docker-cli-url']}', got ${(0,_primitives_js__WEBPACK_IMPORTED_MODULE_2__/* .quote */ .hD)(baseUrl)}.`);
    }
    else {
        problems.push(...dockerCliTrustProblems({ version, baseUrl, sha256 }));
    }
    if (sha256 !== '' && !/^[a-f0-9]{64}$/.test(sha256)) {
        problems.push(`Input 'docker-cli-sha256' must be 64 hex digits, got ${(0,_primitives_js__WEBPACK_IMPORTED_MODULE_2__/* .quote */ .hD)(sha256)}.`);
    }
    return { version, baseUrl, sha256 };
}
/** `set-host`, `context` (a docker context name or '') and `testcontainers-host-override`. */
function parseClients(inputs, problems) {
    const setHost = (0,_primitives_js__WEBPACK_IMPORTED_MODULE_2__/* .parseBoolean */ .yG)('set-host', (0,_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .inputValue */ .UV)(inputs, 'set-host'), problems);
    const context = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .inputValue */ .UV)(inputs, 'context');
    const contextProblem = contextNameProblem(context);
    if (contextProblem)
        problems.push(contextProblem);
    return {
        setHost,
        context,
        testcontainersHostOverride: (0,_primitives_js__WEBPACK_IMPORTED_MODULE_2__/* .parseBoolean */ .yG)('testcontainers-host-override', (0,_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .inputValue */ .UV)(inputs, 'testcontainers-host-override'), problems)
    };
}


/***/ }),

/***/ 2158:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   IK: () => (/* binding */ parseDaemonConfig),
/* harmony export */   SV: () => (/* binding */ configSetsMtu),
/* harmony export */   Xb: () => (/* binding */ daemonConfigEntries),
/* harmony export */   Zk: () => (/* binding */ checkDaemonConfig),
/* harmony export */   ix: () => (/* binding */ DAEMON_CONFIG_PATH),
/* harmony export */   zy: () => (/* binding */ mirrorCredentialsProblem)
/* harmony export */ });
/* unused harmony exports lineAndColumn, maskUserInfo */
/* harmony import */ var _dind_startup_script_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6193);
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
            ? [{ path: `${dir}${_dind_startup_script_js__WEBPACK_IMPORTED_MODULE_0__/* .CERTS_READY_MARKER */ .Jn}`, mode: 0o644, content: '' }]
            : [])
    ];
}


/***/ }),

/***/ 746:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   GS: () => (/* binding */ DEFAULT_DIND_IMAGE),
/* harmony export */   UV: () => (/* binding */ inputValue),
/* harmony export */   WJ: () => (/* binding */ INPUT_DEFAULTS),
/* harmony export */   du: () => (/* binding */ RUNNER_IMAGE),
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   mU: () => (/* binding */ AUTO_IMAGE)
/* harmony export */ });
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


/***/ }),

/***/ 4657:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   R2: () => (/* binding */ optionalList),
/* harmony export */   hD: () => (/* binding */ quote),
/* harmony export */   q$: () => (/* binding */ isHttpUrl),
/* harmony export */   ry: () => (/* binding */ splitList),
/* harmony export */   yG: () => (/* binding */ parseBoolean)
/* harmony export */ });
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


/***/ }),

/***/ 3290:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   DB: () => (/* binding */ parseRootless),
/* harmony export */   S1: () => (/* binding */ checkRootless),
/* harmony export */   ZU: () => (/* binding */ certOwnerFor),
/* harmony export */   y8: () => (/* binding */ dataRootFor),
/* harmony export */   zd: () => (/* binding */ imageFor)
/* harmony export */ });
/* unused harmony exports DEFAULT_DIND_ROOTLESS_IMAGE, ROOTLESS_UID, ROOTLESS_DATA_ROOT, ROOTFUL_DATA_ROOT */
/* harmony import */ var _runtime_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1951);
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
    if (rootless && (0,_runtime_js__WEBPACK_IMPORTED_MODULE_0__/* .isSysbox */ .XC)(runtime)) {
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


/***/ }),

/***/ 1951:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Sw: () => (/* binding */ parseRuntime),
/* harmony export */   XC: () => (/* binding */ isSysbox),
/* harmony export */   o$: () => (/* binding */ describeIsolation),
/* harmony export */   oo: () => (/* binding */ explainUnknownRuntime)
/* harmony export */ });
/* unused harmony exports ROOTLESS_UNPRIVILEGED_ARGS, isolationArgs, parseRuntimes */
/* harmony import */ var _docker_cli_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6305);
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
        !(error instanceof _docker_cli_js__WEBPACK_IMPORTED_MODULE_0__/* .DockerCommandError */ .YJ) ||
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


/***/ }),

/***/ 3171:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   v: () => (/* binding */ HOST_DOCKER_ENV_KEYS)
/* harmony export */ });
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


/***/ }),

/***/ 6816:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  KO: () => (/* binding */ lazyChildProcess),
  yJ: () => (/* binding */ lazyCrypto),
  wc: () => (/* binding */ lazyFsPromises),
  IN: () => (/* binding */ lazyHttps),
  UP: () => (/* binding */ lazyTls)
});

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


/***/ }),

/***/ 1828:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   b: () => (/* binding */ randomUuid),
/* harmony export */   t: () => (/* binding */ randomHex8)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _lazy_builtins_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6816);
/**
 * Random values for names and file-command delimiters, read from the
 * kernel's generator (/proc/sys/kernel/random/uuid) so the main step does
 * not load node:crypto before its create request (~6 ms of its start);
 * node:crypto where /proc cannot answer.
 */


const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
/** A random (version 4) UUID. */
function randomUuid(readKernelUuid = () => (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)('/proc/sys/kernel/random/uuid', 'utf8')) {
    try {
        const uuid = readKernelUuid().trim();
        if (UUID_V4.test(uuid))
            return uuid;
    }
    catch {
        // no /proc (or not Linux): below
    }
    return (0,_lazy_builtins_js__WEBPACK_IMPORTED_MODULE_1__/* .lazyCrypto */ .yJ)().randomUUID();
}
/** Four random bytes as 8 hex digits (the first group of a UUID is all random). */
function randomHex8() {
    return randomUuid().slice(0, 8);
}


/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 5317:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");

/***/ }),

/***/ 6982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 6928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 2203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 3557:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

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
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
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
/******/ var __webpack_exports__ = __nccwpck_require__(2078);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
