export const id = 124;
export const ids = [124];
export const modules = {

/***/ 1124:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ensureDockerCli: () => (/* binding */ ensureDockerCli)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 8 modules
var core = __webpack_require__(6058);
// EXTERNAL MODULE: ./node_modules/@actions/tool-cache/lib/tool-cache.js + 2 modules
var tool_cache = __webpack_require__(9805);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/core/docker.ts + 1 modules
var docker = __webpack_require__(3481);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./src/core/docker-cli-release.ts
/**
 * The static docker CLI tarballs (`<base>/<arch>/docker-<version>.tgz`, as on
 * download.docker.com): where they are, and how to check one. Downloading and
 * caching are the Action's (tool cache); this part is pure.
 */


/** Installed when `docker-cli-version` is empty and no docker CLI is on PATH. */
const DEFAULT_DOCKER_CLI_VERSION = '29.0.0';
/** The tool-cache name of the CLI. */
const DOCKER_CLI_TOOL = 'docker-cli';
const STATIC_ARCH = {
    x64: 'x86_64',
    arm64: 'aarch64',
    arm: 'armhf',
    s390x: 's390x',
    ppc64: 'ppc64le'
};
/** The folder name the static tarballs use for a Node `process.arch`. */
function staticArch(arch = process.arch) {
    const mapped = STATIC_ARCH[arch];
    if (!mapped) {
        throw new Error(`There is no static docker CLI for this runner's architecture (${arch}); ` +
            'install Docker on the runner instead of setting docker-cli-version.');
    }
    return mapped;
}
/** URL of one release tarball. */
function tarballUrl(baseUrl, version, arch) {
    return `${baseUrl}/${arch}/docker-${version}.tgz`;
}
/** The digest in a `sha256sum`-style file ("<hex>  <name>" or just "<hex>"). */
function parseSha256File(text) {
    const digest = text.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
    if (!/^[a-f0-9]{64}$/.test(digest)) {
        throw new Error(`The .sha256 file does not start with a sha256 digest: '${text.trim().slice(0, 80)}'`);
    }
    return digest;
}
/** sha256 of a file, hex. */
function sha256OfFile(path) {
    return new Promise((resolve, reject) => {
        const hash = (0,external_node_crypto_.createHash)('sha256');
        (0,external_node_fs_.createReadStream)(path)
            .on('data', (chunk) => hash.update(chunk))
            .on('end', () => resolve(hash.digest('hex')))
            .on('error', reject);
    });
}

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
;// CONCATENATED MODULE: ./src/action/docker-cli.ts
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
    const onPath = (0,docker/* findOnPath */.aY)('docker');
    if (!options.version && onPath)
        return onPath;
    const version = options.version || DEFAULT_DOCKER_CLI_VERSION;
    const arch = staticArch();
    return core/* group */.Os(`Docker CLI ${version}`, async () => {
        if (!options.version) {
            core/* info */.pq(`No docker CLI on PATH; installing ${version}.`);
        }
        let dir = tool_cache/* find */.I6(DOCKER_CLI_TOOL, version, arch);
        if (dir)
            core/* info */.pq(`Found in the tool cache: ${dir}`);
        else
            dir = await install(options, version, arch);
        core/* addPath */.fM(dir);
        return (0,external_node_path_.join)(dir, 'docker');
    });
}
async function install(options, version, arch) {
    const url = tarballUrl(options.baseUrl, version, arch);
    core/* info */.pq(`Downloading ${url}`);
    const tarball = await download(url, 'the docker CLI tarball');
    let extracted;
    try {
        await verify(tarball, url, options.sha256);
        extracted = await tool_cache/* extractTar */.nN(tarball);
        const dir = await tool_cache/* cacheDir */.e8((0,external_node_path_.join)(extracted, 'docker'), DOCKER_CLI_TOOL, version, arch);
        core/* info */.pq(`Cached in ${dir}`);
        return dir;
    }
    finally {
        await (0,promises_.rm)(tarball, { force: true });
        if (extracted)
            await (0,promises_.rm)(extracted, { recursive: true, force: true });
    }
}
async function download(url, what) {
    try {
        return await tool_cache/* downloadTool */.bq(url);
    }
    catch (error) {
        const status = error.httpStatusCode;
        const cause = status ? `HTTP ${status}` : (0,errors/* errorMessage */.g)(error);
        throw new Error(`Could not download ${what} from ${url} (${cause}). Check input ` +
            "'docker-cli-version' (a release on the server) and " +
            "'docker-cli-url' (the mirror's base URL).", { cause: error });
    }
}
/** Checks the tarball against the input digest, else the `.sha256` file next to it. */
async function verify(tarball, url, expectedInput) {
    const expected = expectedInput || (await publishedDigest(`${url}.sha256`));
    const actual = await sha256OfFile(tarball);
    if (!expected) {
        core/* warning */.$e(`${url} has no .sha256 file next to it and input 'docker-cli-sha256' ` +
            `is empty, so only the transport protected it (sha256 ${actual}). ` +
            'To fix this, set docker-cli-sha256.');
        return;
    }
    if (actual !== expected) {
        throw new Error(`The docker CLI tarball from ${url} has sha256 ${actual}, expected ` +
            `${expected} (from ${expectedInput ? "input 'docker-cli-sha256'" : `${url}.sha256`}). ` +
            'The download is corrupt or the mirror serves another file; nothing was installed.');
    }
    core/* info */.pq(`sha256 ${actual} verified`);
}
/** The digest from `<url>.sha256`, or '' when the server has none (404). */
async function publishedDigest(url) {
    let file;
    try {
        file = await tool_cache/* downloadTool */.bq(url);
    }
    catch (error) {
        if (error.httpStatusCode === 404)
            return '';
        throw new Error(`Could not download ${url}: ${(0,errors/* errorMessage */.g)(error)}`, {
            cause: error
        });
    }
    try {
        return parseSha256File(await (0,promises_.readFile)(file, 'utf8'));
    }
    finally {
        await (0,promises_.rm)(file, { force: true });
    }
}


/***/ })

};
