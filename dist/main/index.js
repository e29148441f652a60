import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 2488:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4894);
// Entry of dist/main: only calls run(), so tests can import run() without side effects.

await (0,_main_js__WEBPACK_IMPORTED_MODULE_0__/* .run */ .e)();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 4894:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  e: () => (/* binding */ run)
});

// UNUSED EXPORTS: assertLinux

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __nccwpck_require__(3136);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
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
    const delimiter = `ghadelimiter_${(0,external_node_crypto_.randomUUID)()}`;
    if (name.includes(delimiter) || value.includes(delimiter)) {
        throw new Error(`Unexpected input: value contains the delimiter ${delimiter}`);
    }
    return `${name}<<${delimiter}${external_node_os_namespaceObject.EOL}${value}${external_node_os_namespaceObject.EOL}${delimiter}${external_node_os_namespaceObject.EOL}`;
}
function fileCommand(variable, name, value) {
    const file = process.env[variable];
    if (!file)
        throw new Error(`${variable} is not set: not running in a GitHub Actions step?`);
    (0,external_node_fs_.appendFileSync)(file, keyValueBlock(name, value), 'utf8');
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
function workflow_info(message) {
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
    (0,external_node_fs_.appendFileSync)(file, markdown.endsWith(external_node_os_namespaceObject.EOL) ? markdown : `${markdown}${external_node_os_namespaceObject.EOL}`, 'utf8');
    return true;
}

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
    return (0,external_node_crypto_.randomBytes)(4).toString('hex');
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

// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __nccwpck_require__(7030);
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
    const family = (0,external_node_net_.isIP)(address);
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
        else if (type === 'IP' && (0,external_node_net_.isIP)(name) !== 0) {
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

;// CONCATENATED MODULE: external "node:https"
const external_node_https_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __nccwpck_require__(7067);
;// CONCATENATED MODULE: ./src/core/daemon-client.ts
/**
 * Talks to a daemon's Engine API straight from Node, over mutual TLS (the
 * nest) or a unix socket (dood): a `/_ping` costs a handshake instead of a
 * docker CLI process, which is what makes 50 ms readiness polling cheap.
 */


/** Performs one GET and returns the body; rejects on non-2xx or timeout. */
function getJsonOrText(endpoint, path, timeoutMs) {
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
        const req = (endpoint.tls ? external_node_https_namespaceObject.request : external_node_http_.request)(options, (res) => {
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
    const body = await getJsonOrText(endpoint, '/_ping', timeoutMs);
    if (body.trim() !== 'OK')
        throw new Error(`GET /_ping answered '${body}'`);
}
/** `GET /version`. */
async function daemonVersion(endpoint) {
    return JSON.parse(await getJsonOrText(endpoint, '/version', 5000));
}
/** `GET /info`. */
async function daemonInfo(endpoint) {
    return JSON.parse(await getJsonOrText(endpoint, '/info', 5000));
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

// EXTERNAL MODULE: ./src/core/docker.ts + 1 modules
var core_docker = __nccwpck_require__(3481);
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
            const portTaken = error instanceof core_docker/* DockerCommandError */.YJ && PORT_TAKEN.test(error.stderr);
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
    if (!(error instanceof core_docker/* DockerCommandError */.YJ))
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

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(1455);
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
    x509.cryptoProvider.set(external_node_crypto_.webcrypto);
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
    const bytes = external_node_crypto_.webcrypto.getRandomValues(new Uint8Array(16));
    bytes[0] = (bytes[0] & 0x7f) | 0x01;
    return Buffer.from(bytes).toString('hex');
}
/**
 * Returns the IP in the form @peculiar/x509 encodes correctly: its IPv6
 * parser reads embedded IPv4 (`::ffff:1.2.3.4`) as hex groups, so IPv6 is
 * first normalised by the WHATWG URL parser, which also rejects zone ids.
 */
function canonicalIp(ip) {
    if ((0,external_node_net_.isIPv4)(ip))
        return ip;
    if ((0,external_node_net_.isIPv6)(ip) && !ip.includes('%')) {
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
        const keys = await external_node_crypto_.webcrypto.subtle.generateKey(KEY_ALGORITHM, false, [
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
        const keys = await external_node_crypto_.webcrypto.subtle.generateKey(KEY_ALGORITHM, true, [
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
        const pkcs8 = await external_node_crypto_.webcrypto.subtle.exportKey('pkcs8', keys.privateKey);
        return {
            certPem: toPem(cert.toString('pem')),
            keyPem: toPem(x509.PemConverter.encode(pkcs8, 'PRIVATE KEY'))
        };
    }
}
async function writeWithMode(path, data, mode) {
    // 'wx' refuses to follow a planted file or symlink; chmod afterwards
    // because the umask can narrow the mode given at creation.
    await (0,promises_.writeFile)(path, data, { mode, flag: 'wx' });
    await (0,promises_.chmod)(path, mode);
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
    const dir = await (0,promises_.mkdtemp)((0,external_node_path_.join)(parentDir, CERT_DIR_PREFIX));
    try {
        // Before any key is written, so a step killed from here on still has
        // the directory in its record and cleanup can delete it.
        await onCreated(dir);
        await (0,promises_.chmod)(dir, 0o700);
        await writeWithMode((0,external_node_path_.join)(dir, 'key.pem'), client.keyPem, 0o600);
        await writeWithMode((0,external_node_path_.join)(dir, 'cert.pem'), client.certPem, 0o644);
        await writeWithMode((0,external_node_path_.join)(dir, 'ca.pem'), caPem, 0o644);
    }
    catch (error) {
        // Leave no half-written key material behind.
        await (0,promises_.rm)(dir, { recursive: true, force: true });
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

;// CONCATENATED MODULE: ./src/core/container-job.ts
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
async function readOrEmpty(path) {
    try {
        return await (0,promises_.readFile)(path, 'utf8');
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
        return (0,external_node_fs_.statSync)(path);
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
        const rootless = (0,external_node_path_.join)(env.xdgRuntimeDir, 'docker.sock');
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
        return namesById((0,external_node_fs_.readFileSync)(file, 'utf8'));
    }
    catch {
        return new Map();
    }
}
/** Reads the facts for {@link permissionMessage} from the system. */
function permissionFacts(path) {
    const stats = (0,external_node_fs_.statSync)(path);
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

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __nccwpck_require__(1421);
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
async function launchSocketProxy(options) {
    const listen = (0,external_node_path_.join)(options.dir, `docker-nest-${options.runId}.sock`);
    const logFile = (0,external_node_path_.join)(options.dir, `docker-nest-${options.runId}-proxy.log`);
    const [command, ...args] = proxyCommand(options, listen);
    const log = (0,external_node_fs_.openSync)(logFile, 'w', 0o600);
    const child = (0,external_node_child_process_.spawn)(command, args, {
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
        return (0,external_node_fs_.readFileSync)(file, 'utf8').trim().split('\n').slice(-10).join('\n');
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
    (0,external_node_fs_.rmSync)(record.socket, { force: true });
    try {
        process.kill(record.pid, 'SIGTERM');
    }
    catch {
        // Started through sudo: not ours to signal; the deleted socket stops it.
    }
    return !(0,external_node_fs_.existsSync)(record.socket);
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
        const iface = defaultRouteInterface(await (0,promises_.readFile)(`${procRoot}/net/route`, 'utf8'));
        if (!iface)
            return undefined;
        const mtu = Number((await (0,promises_.readFile)(`${sysRoot}/class/net/${iface}/mtu`, 'utf8')).trim());
        return Number.isInteger(mtu) && mtu > 0 ? mtu : undefined;
    }
    catch {
        return undefined;
    }
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
    if (term.exitCode !== 0 && (0,core_docker/* isNoSuchObject */.Eo)(term.stderr))
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
        await (0,promises_.rm)(certDir, { recursive: true, force: true });
        report.removed.push(`certificates ${certDir}`);
    }
    catch (error) {
        report.warnings.push(`Could not delete ${certDir}: ${error.message}`);
    }
}

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __nccwpck_require__(4296);
;// CONCATENATED MODULE: ./src/action/inputs.ts
/** Reads the Action inputs declared in action.yml into the engine's raw form. */


/** Every input, as the runner passes it (defaults from action.yml already merged). */
function readInputs() {
    const inputs = {};
    for (const name of Object.keys(INPUT_DEFAULTS)) {
        // dockerd-args keeps its line structure; core trims only the ends.
        inputs[name] = getInput(name);
    }
    return inputs;
}

;// CONCATENATED MODULE: ./src/action/logger.ts
/** The engine's logger, printed as workflow commands with collapsible groups. */

const actionLogger = {
    info: (message) => workflow_info(message),
    debug: (message) => debug(message),
    warning: (message) => workflow_warning(message),
    group: (title, fn) => group(title, fn)
};

;// CONCATENATED MODULE: ./src/action/outputs.ts
/** Publishes Docker to later steps: environment variables and step outputs. */

/** The variables every docker client reads, exported for the rest of the job. */
function exportEnvironment(info) {
    exportVariable('DOCKER_HOST', info.dockerHost);
    // Empty, not unset: an earlier step's value would otherwise survive (runner env semantics).
    exportVariable('DOCKER_TLS_VERIFY', info.tlsVerify ? '1' : '');
    exportVariable('DOCKER_CERT_PATH', info.certPath ?? '');
}
/** dood: the socket, no TLS (a stale DOCKER_TLS_VERIFY breaks a unix connection), and the run label. */
function exportDoodEnvironment(info) {
    exportVariable('DOCKER_HOST', info.dockerHost);
    exportVariable('DOCKER_TLS_VERIFY', '');
    exportVariable('DOCKER_CERT_PATH', '');
    exportVariable('DOCKER_NEST_LABEL', info.label);
}
/** Step output values by name (as declared in action.yml); `cliPath` is the docker CLI used. */
function outputsFor(info, cliPath = '') {
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
    return Object.fromEntries(Object.entries(outputs).map(([name, value]) => [name, String(value)]));
}
/** Sets every step output. */
function setOutputs(info, cliPath = '') {
    for (const [name, value] of Object.entries(outputsFor(info, cliPath))) {
        setOutput(name, value);
    }
}

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
function resources_parseResources(json) {
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
    saveState(STATE_KEYS.cleanup, mode);
}
/** The record main saved, or undefined when main created nothing. Throws on a malformed record. */
function loadResources() {
    const saved = core.getState(STATE_KEYS.resources);
    return saved ? parseResources(saved) : undefined;
}
/**
 * What to tear down; anything unknown means 'true', so a lost value still
 * removes the nest (and, in dood, still removes nothing of the user's).
 */
function loadCleanup() {
    const saved = core.getState(STATE_KEYS.cleanup);
    return saved === 'false' || saved === 'containers' ? saved : 'true';
}

;// CONCATENATED MODULE: ./src/action/summary.ts

/** A Markdown table cell: no pipes or line breaks from the value. */
function cell(value) {
    return value.replace(/\|/g, '\\|').replace(/\s+/g, ' ');
}
/** The summary table (Markdown), pure. */
function summaryTable(info) {
    const header = [
        'Mode',
        'Image',
        'Server version',
        'Storage driver',
        'MTU',
        'Ready',
        'Endpoint'
    ];
    const row = [
        info.mode,
        info.mode === 'dood' ? '(runner’s daemon)' : info.image,
        info.serverVersion,
        info.storageDriver,
        info.mode === 'dood' ? '' : String(info.mtu),
        `${info.readyMs} ms`,
        info.dockerHost
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
/** Writes the summary table; a summary that cannot be written is only a warning. */
async function writeSummary(info) {
    try {
        appendSummary(summaryTable(info));
    }
    catch (error) {
        workflow_warning(`Could not write the job summary: ${error.message}`);
    }
}
/** On failure, the reason in the summary too, so it shows on the run page. */
async function writeFailureSummary(message) {
    try {
        appendSummary(['### docker-nest failed', '', '```', message, '```', ''].join('\n'));
    }
    catch {
        // The failure itself is already reported; a summary problem must not hide it.
    }
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
        const options = parseInputs(readInputs());
        saveCleanup(options);
        const cliPath = await dockerCliPath(options);
        const step = { options, hostDocker: (0,core_docker/* captureHostDockerEnv */.AW)(), cliPath };
        const mode = options.mode === 'auto' ? await chooseMode(step) : options.mode;
        if (mode === 'dood')
            await runDood(step);
        else if (options.mode === 'auto')
            await runDindOrDood(step);
        else
            await runDind(step);
    }
    catch (error) {
        const message = (0,errors/* errorMessage */.g)(error);
        setFailed(message);
        await writeFailureSummary(message);
    }
}
/**
 * The CLI on PATH, or one from the tool cache. The tool-cache code is loaded
 * only when needed: it adds ~25 ms of module loading to every main step.
 */
async function dockerCliPath(options) {
    const onPath = (0,core_docker/* findOnPath */.aY)('docker');
    if (onPath && !options.dockerCli.version)
        return onPath;
    const { ensureDockerCli } = await Promise.all(/* import() */[__nccwpck_require__.e(805), __nccwpck_require__.e(124)]).then(__nccwpck_require__.bind(__nccwpck_require__, 1124));
    return ensureDockerCli(options.dockerCli);
}
/** `mode: auto`: probe once per job (the answer is exported), then log the choice and why. */
async function chooseMode(step) {
    const { options, hostDocker } = step;
    const result = await group('Choose mode (auto)', async () => {
        const cached = cachedProbe(process.env.DOCKER_NEST_PRIVILEGED);
        if (cached)
            return cached;
        const docker = core_docker/* DockerCli */.Vo.locate(hostDocker, actionLogger.debug);
        const probed = await probePrivileged(docker, options.image, `${runPrefix()}-${randomSuffix()}-probe`);
        exportVariable('DOCKER_NEST_PRIVILEGED', String(probed.privileged));
        return probed;
    });
    const mode = result.privileged ? 'dind' : 'dood';
    workflow_info(`mode: auto chose ${mode}: ${result.reason}.`);
    return mode;
}
/**
 * auto chose dind: if the nest still does not come up, remove what it left
 * and use the runner's daemon, so auto never fails where dood would work.
 */
async function runDindOrDood(step) {
    const { options, hostDocker } = step;
    const attempt = {};
    try {
        await runDind(step, attempt);
    }
    catch (error) {
        const resources = attempt.resources;
        if (resources && options.cleanup) {
            const docker = core_docker/* DockerCli */.Vo.locate(hostDocker, actionLogger.debug);
            const report = await group('Remove the failed nest', () => teardown(resources, docker, actionLogger));
            for (const warning of report.warnings)
                workflow_warning(warning);
        }
        workflow_warning(`mode: auto: dind did not start, using dood instead. ${(0,errors/* errorMessage */.g)(error)}`);
        try {
            await runDood(step);
        }
        catch (doodError) {
            throw new Error(`mode: auto: neither mode works here.\ndind: ${(0,errors/* errorMessage */.g)(error)}\n` +
                `dood: ${(0,errors/* errorMessage */.g)(doodError)}`, { cause: doodError });
        }
    }
}
async function runDood(step) {
    const { options, hostDocker } = step;
    const runId = `${runPrefix()}-${randomSuffix()}`;
    const resources = {
        version: 1,
        runId,
        hostDocker,
        mode: 'dood'
    };
    await stateRecorder.record(resources);
    const info = await group('Check the Docker socket', () => connectDood(options, runId, {
        logger: actionLogger,
        proxyDir: runnerTemp(),
        // The proxy runs from the committed CLI bundle next to this one. (Built
        // with join, not new URL(…, import.meta.url), which ncc rewrites.)
        cliPath: (0,external_node_path_.join)((0,external_node_path_.dirname)((0,external_node_url_.fileURLToPath)(import.meta.url)), '..', 'cli', 'index.js'),
        recordProxy: (proxy) => {
            resources.proxy = proxy;
            return stateRecorder.record(resources);
        }
    }));
    resources.socket = info.socket;
    await stateRecorder.record(resources);
    await group('Export environment', async () => {
        exportDoodEnvironment(info);
        setOutputs(info, step.cliPath);
        workflow_info(`DOCKER_HOST=${info.dockerHost}`);
        workflow_info(`DOCKER_NEST_LABEL=${info.label}`);
    });
    const job = await detectJobContainer((id) => inspectOverSocket(info.socket, id));
    const workspace = process.env.GITHUB_WORKSPACE;
    workflow_info(bindMountNote(job && workspace ? hostPathOf(workspace, job.mounts) : undefined));
    await writeSummary(info);
}
/** Starts the nest; `attempt.resources` is the record of what it created, even when it throws. */
async function runDind(step, attempt = {}) {
    const docker = core_docker/* DockerCli */.Vo.locate(step.hostDocker, actionLogger.debug);
    // From here on a cancelled step may have docker calls in flight.
    const uninstall = exitOnCancel(docker, actionLogger);
    try {
        await startNest(step, docker, attempt);
    }
    finally {
        uninstall();
    }
}
async function startNest(step, docker, attempt) {
    const { options, hostDocker } = step;
    const [detectedMtu, job] = await Promise.all([
        options.mtu === 'auto' ? detectUplinkMtu() : undefined,
        detectJobContainer((id) => inspectWithCli(docker, id))
    ]);
    const plan = makePlan(options, {
        runPrefix: runPrefix(),
        detectedMtu,
        now: new Date()
    });
    if (job?.network) {
        plan.jobNetwork = { name: job.network, alias: job.aliasResolves };
        workflow_info(`This step runs in container ${job.id.slice(0, 12)}: the sidecar joins ` +
            `its network ${job.network}${job.aliasResolves ? " as 'docker'" : ''}.`);
    }
    if (!options.tls) {
        workflow_warning('tls: false — the daemon accepts unauthenticated API calls on ' +
            '127.0.0.1. Anything on this runner can use it.');
    }
    const resources = { version: 1, runId: plan.runId, hostDocker };
    attempt.resources = resources;
    await stateRecorder.record(resources);
    const info = await startDind(plan, resources, {
        docker,
        logger: actionLogger,
        recorder: stateRecorder,
        certParentDir: runnerTemp()
    });
    await group('Export environment', async () => {
        exportEnvironment(info);
        setOutputs(info, step.cliPath);
        workflow_info(`DOCKER_HOST=${info.dockerHost}`);
        if (info.certPath)
            workflow_info(`DOCKER_CERT_PATH=${info.certPath}`);
    });
    await writeSummary(info);
}
/** `docker inspect` of the job container through the CLI; undefined when the daemon does not know it. */
async function inspectWithCli(docker, id) {
    const result = await docker.tryExec(['inspect', '--type', 'container', id]);
    if (result.exitCode !== 0)
        return undefined;
    return JSON.parse(result.stdout)[0];
}


/***/ }),

/***/ 3481:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Vo: () => (/* binding */ DockerCli),
  YJ: () => (/* binding */ DockerCommandError),
  AW: () => (/* binding */ captureHostDockerEnv),
  aY: () => (/* binding */ findOnPath),
  Eo: () => (/* binding */ isNoSuchObject)
});

// UNUSED EXPORTS: CancelledError, envForHostDaemon

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __nccwpck_require__(1421);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
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
    for (const dir of pathVar.split(external_node_path_.delimiter)) {
        if (!dir)
            continue;
        const candidate = (0,external_node_path_.join)(dir, name);
        try {
            (0,external_node_fs_.accessSync)(candidate, external_node_fs_.constants.X_OK);
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
        return (0,external_node_child_process_.spawn)(this.binary, args, {
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

/***/ 4296:
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

/***/ 1421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

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
/******/ var __webpack_exports__ = __nccwpck_require__(2488);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
