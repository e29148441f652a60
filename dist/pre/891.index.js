export const id = 891;
export const ids = [891];
export const modules = {

/***/ 1891:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ensureDockerCli: () => (/* binding */ ensureDockerCli)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6058);
/* harmony import */ var _actions_tool_cache__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9805);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _engine_docker_cli_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2103);
/* harmony import */ var _engine_clients_docker_cli_release_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8670);
/* harmony import */ var _engine_errors_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7679);
/**
 * The docker CLI for this and later steps: the one on PATH, or a static
 * release from the tool cache (downloaded, verified and cached on a miss),
 * added to PATH. Runners without a docker CLI (many container-job images)
 * get one this way.
 */







/**
 * Path of the docker CLI to use. Without `version`, the CLI on PATH when
 * there is one; otherwise the release from the tool cache, added to PATH.
 */
async function ensureDockerCli(options) {
    const onPath = (0,_engine_docker_cli_js__WEBPACK_IMPORTED_MODULE_4__/* .findOnPath */ .aY)('docker');
    if (!options.version && onPath)
        return onPath;
    const version = options.version || _engine_clients_docker_cli_release_js__WEBPACK_IMPORTED_MODULE_5__/* .DEFAULT_DOCKER_CLI_VERSION */ .TJ;
    const arch = (0,_engine_clients_docker_cli_release_js__WEBPACK_IMPORTED_MODULE_5__/* .staticArch */ .xD)();
    return _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .group */ .Os(`Docker CLI ${version}`, async () => {
        if (!options.version) {
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`No docker CLI on PATH; installing ${version}.`);
        }
        const dir = (await fromToolCache(options.sha256, version, arch)) ||
            (await install(options, version, arch));
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .addPath */ .fM(dir);
        return (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(dir, 'docker');
    });
}
/**
 * The cached CLI directory, or '' on a miss. With a pinned sha256 a hit
 * counts only when its record names that tarball and no file changed since
 * it was cached: a runner's tool cache outlives jobs, and an earlier job may
 * have cached the same version from another mirror or without a pin. Such a
 * hit is downloaded again, and replaced only if the download matches.
 */
async function fromToolCache(sha256, version, arch) {
    const dir = _actions_tool_cache__WEBPACK_IMPORTED_MODULE_1__/* .find */ .I6(_engine_clients_docker_cli_release_js__WEBPACK_IMPORTED_MODULE_5__/* .DOCKER_CLI_TOOL */ .Hs, version, arch);
    if (!dir)
        return '';
    if (!sha256) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Found in the tool cache: ${dir}`);
        return dir;
    }
    const problem = await (0,_engine_clients_docker_cli_release_js__WEBPACK_IMPORTED_MODULE_5__/* .cachedCliProblem */ .sm)(dir, sha256);
    if (problem) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`The docker CLI ${version} in the tool cache (${dir}) cannot be ` +
            `verified against input 'docker-cli-sha256' (${sha256}): ${problem}. ` +
            'Downloading it again instead of using it.');
        return '';
    }
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Found in the tool cache: ${dir} (sha256 ${sha256} verified)`);
    return dir;
}
async function install(options, version, arch) {
    const url = (0,_engine_clients_docker_cli_release_js__WEBPACK_IMPORTED_MODULE_5__/* .tarballUrl */ .oe)(options.baseUrl, version, arch);
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Downloading ${url}`);
    const tarball = await download(url, 'the docker CLI tarball');
    let extracted;
    try {
        const sha256 = await verify(tarball, url, options.sha256);
        extracted = await _actions_tool_cache__WEBPACK_IMPORTED_MODULE_1__/* .extractTar */ .nN(tarball);
        // Recorded before cacheDir, so no cached copy is ever without it.
        await (0,_engine_clients_docker_cli_release_js__WEBPACK_IMPORTED_MODULE_5__/* .writeCacheRecord */ .F3)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(extracted, 'docker'), sha256);
        const dir = await _actions_tool_cache__WEBPACK_IMPORTED_MODULE_1__/* .cacheDir */ .e8((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(extracted, 'docker'), _engine_clients_docker_cli_release_js__WEBPACK_IMPORTED_MODULE_5__/* .DOCKER_CLI_TOOL */ .Hs, version, arch);
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Cached in ${dir}`);
        return dir;
    }
    finally {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(tarball, { force: true });
        if (extracted)
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(extracted, { recursive: true, force: true });
    }
}
async function download(url, what) {
    try {
        return await _actions_tool_cache__WEBPACK_IMPORTED_MODULE_1__/* .downloadTool */ .bq(url);
    }
    catch (error) {
        const status = error.httpStatusCode;
        const cause = status ? `HTTP ${status}` : (0,_engine_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .errorMessage */ .g)(error);
        throw new Error(`Could not download ${what} from ${url} (${cause}). Check input ` +
            "'docker-cli-version' (a release on the server) and " +
            "'docker-cli-url' (the mirror's base URL).", { cause: error });
    }
}
/**
 * Checks the tarball against the input digest, else the `.sha256` file next
 * to it, and returns its sha256.
 */
async function verify(tarball, url, expectedInput) {
    const expected = expectedInput || (await publishedDigest(`${url}.sha256`));
    const actual = await (0,_engine_clients_docker_cli_release_js__WEBPACK_IMPORTED_MODULE_5__/* .sha256OfFile */ .Vq)(tarball);
    if (!expected) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`${url} has no .sha256 file next to it and input 'docker-cli-sha256' ` +
            `is empty, so only the transport protected it (sha256 ${actual}). ` +
            'To fix this, set docker-cli-sha256.');
        return actual;
    }
    if (actual !== expected) {
        throw new Error(`The docker CLI tarball from ${url} has sha256 ${actual}, expected ` +
            `${expected} (from ${expectedInput ? "input 'docker-cli-sha256'" : `${url}.sha256`}). ` +
            'The download is corrupt or the mirror serves another file; nothing was installed.');
    }
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`sha256 ${actual} verified`);
    return actual;
}
/** The digest from `<url>.sha256`, or '' when the server has none (404). */
async function publishedDigest(url) {
    let file;
    try {
        file = await _actions_tool_cache__WEBPACK_IMPORTED_MODULE_1__/* .downloadTool */ .bq(url);
    }
    catch (error) {
        if (error.httpStatusCode === 404)
            return '';
        throw new Error(`Could not download ${url}: ${(0,_engine_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .errorMessage */ .g)(error)}`, {
            cause: error
        });
    }
    try {
        return (0,_engine_clients_docker_cli_release_js__WEBPACK_IMPORTED_MODULE_5__/* .parseSha256File */ .Zo)(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.readFile)(file, 'utf8'));
    }
    finally {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(file, { force: true });
    }
}


/***/ })

};
