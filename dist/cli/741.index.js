export const id = 741;
export const ids = [741,724];
export const modules = {

/***/ 741:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ensureRootImage: () => (/* binding */ ensureRootImage),
/* harmony export */   streamError: () => (/* reexport safe */ _docker_api_client_js__WEBPACK_IMPORTED_MODULE_0__.z)
/* harmony export */ });
/* harmony import */ var _docker_api_client_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(599);
/* harmony import */ var _docker_cli_client_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(113);
/* harmony import */ var _docker_cli_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(305);
/* harmony import */ var _docker_endpoint_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(860);
/* harmony import */ var _docker_engine_api_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(792);
/* harmony import */ var _root_image_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(724);
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
        return (0,_docker_cli_client_js__WEBPACK_IMPORTED_MODULE_1__/* .cliClient */ .c)(daemon.cli);
    if (!('socketPath' in daemon))
        return daemon;
    // The CLI only tracks the calls here: none need be on PATH.
    const tracker = new _docker_cli_js__WEBPACK_IMPORTED_MODULE_2__/* .DockerCli */ .Vo((0,_docker_cli_js__WEBPACK_IMPORTED_MODULE_2__/* .findOnPath */ .aY)('docker') ?? 'docker', {
        DOCKER_HOST: `unix://${daemon.socketPath}`,
        DOCKER_TLS_VERIFY: null,
        DOCKER_CERT_PATH: null,
        DOCKER_CONTEXT: null
    }, debug);
    return (0,_docker_api_client_js__WEBPACK_IMPORTED_MODULE_0__/* .apiClient */ .u)(new _docker_engine_api_js__WEBPACK_IMPORTED_MODULE_4__/* .EngineApi */ .PB((0,_docker_endpoint_js__WEBPACK_IMPORTED_MODULE_3__/* .socketEndpoint */ .np)(daemon.socketPath), debug), tracker, debug);
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
        await client.importImage(image.tar, image.reference, [(0,_root_image_js__WEBPACK_IMPORTED_MODULE_5__.labelChange)(image)]);
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
    const detail = error instanceof _docker_engine_api_js__WEBPACK_IMPORTED_MODULE_4__/* .EngineApiError */ .Z_
        ? `HTTP ${error.status} ${error.body}`
        : error instanceof Error
            ? error.message
            : String(error);
    return new Error(`Could not put the runner-engine root image ${image.reference} on the runner's daemon ` +
        `(${client.daemon}): ${detail.trim()}. The image is a ${image.tar.length}-byte tar of ` +
        'directories and links, imported with POST /images/create; the daemon’s log says why it refused it.', { cause: error });
}


/***/ }),

/***/ 724:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ROOT_IMAGE_REPOSITORY: () => (/* binding */ ROOT_IMAGE_REPOSITORY),
/* harmony export */   RUNNER_ROOT_LABEL: () => (/* binding */ RUNNER_ROOT_LABEL),
/* harmony export */   labelChange: () => (/* binding */ labelChange),
/* harmony export */   rootImage: () => (/* binding */ rootImage),
/* harmony export */   rootImageEntries: () => (/* binding */ rootImageEntries)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _dind_startup_script_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(193);
/* harmony import */ var _docker_tar_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(452);
/* harmony import */ var _lifecycle_labels_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(414);
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
    [_dind_startup_script_js__WEBPACK_IMPORTED_MODULE_1__/* .CERT_DIR_IN_CONTAINER */ .lr, 0o755],
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
    const tar = (0,_docker_tar_js__WEBPACK_IMPORTED_MODULE_3__/* .createTar */ .a)(rootImageEntries(links), MTIME);
    const digest = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(tar).digest('hex');
    const tag = digest.slice(0, 12);
    return {
        tar,
        digest,
        tag,
        reference: `${ROOT_IMAGE_REPOSITORY}:${tag}`,
        labels: { [_lifecycle_labels_js__WEBPACK_IMPORTED_MODULE_2__/* .LABELS */ .kg.managed]: 'true', [RUNNER_ROOT_LABEL]: digest }
    };
}
/** The `LABEL` instruction that sets the image's labels on import (`changes` / `--change`). */
function labelChange(image) {
    const pairs = Object.entries(image.labels).map(([k, v]) => `${k}=${v}`);
    return `LABEL ${pairs.join(' ')}`;
}


/***/ })

};
