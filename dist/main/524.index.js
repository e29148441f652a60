export const id = 524;
export const ids = [524];
export const modules = {

/***/ 6524:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  CA_BUNDLES: () => (/* binding */ CA_BUNDLES),
  CA_DIRECTORIES: () => (/* binding */ CA_DIRECTORIES),
  MODULES_DIR: () => (/* binding */ MODULES_DIR),
  discoverRunnerEngine: () => (/* binding */ discoverRunnerEngine),
  readOnlyBinds: () => (/* binding */ readOnlyBinds)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
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


/***/ })

};
