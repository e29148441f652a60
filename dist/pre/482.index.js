export const id = 482;
export const ids = [482];
export const modules = {

/***/ 9482:
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
// EXTERNAL MODULE: ./src/engine/docker/cli.ts
var cli = __webpack_require__(6305);
// EXTERNAL MODULE: ./src/engine/options/clients.ts
var clients = __webpack_require__(8627);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/engine/util/lazy-builtins.ts + 1 modules
var lazy_builtins = __webpack_require__(6816);
;// CONCATENATED MODULE: ./src/action/docker-cli-release.ts
/**
 * The static docker CLI tarballs (`<base>/<arch>/docker-<version>.tgz`, as on
 * download.docker.com): where they are, how to check one, and how to check a
 * directory extracted from one. Downloading and caching are in docker-cli.ts
 * (tool cache); the rules for the `docker-cli-*` inputs are the engine's
 * (options/clients.ts).
 */


// node:crypto and node:fs/promises load on first use: only installing a
// CLI hashes or writes files.

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
        const hash = (0,lazy_builtins/* lazyCrypto */.yJ)().createHash('sha256');
        (0,external_node_fs_.createReadStream)(path)
            .on('data', (chunk) => hash.update(chunk))
            .on('end', () => resolve(hash.digest('hex')))
            .on('error', reject);
    });
}
/**
 * The record written into each CLI directory before it goes into the tool
 * cache: the sha256 of the tarball it came from and of each file in it. A
 * later run that pins `docker-cli-sha256` uses a cache hit only when the
 * record names that tarball and every file still matches.
 */
const CACHE_RECORD = '.docker-nest-sha256.json';
/** Writes {@link CACHE_RECORD} into `dir`, extracted from a tarball with sha256 `tarball`. */
async function writeCacheRecord(dir, tarball) {
    const record = { tarball, files: await hashTree(dir) };
    await (0,lazy_builtins/* lazyFsPromises */.wc)().writeFile((0,external_node_path_.join)(dir, CACHE_RECORD), `${JSON.stringify(record)}\n`);
}
/**
 * Why the CLI directory `dir` (a tool-cache hit) may not stand for the tarball
 * with sha256 `expected`, or undefined when it may: its record must name that
 * tarball, and no file may have changed, gone or been added since.
 */
async function cachedCliProblem(dir, expected) {
    const record = await readCacheRecord(dir);
    if (!record)
        return `it has no valid ${CACHE_RECORD} naming its tarball`;
    if (record.tarball !== expected) {
        return `it was extracted from a tarball with sha256 ${record.tarball}`;
    }
    const actual = await hashTree(dir);
    const paths = new Set([...Object.keys(record.files), ...Object.keys(actual)]);
    for (const path of [...paths].sort()) {
        const [was, is] = [own(record.files, path), own(actual, path)];
        if (was === is)
            continue;
        if (is === undefined)
            return `${path} is missing`;
        if (was === undefined)
            return `${path} was added after it was cached`;
        return `${path} changed after it was cached (now ${is}, recorded ${was})`;
    }
    return undefined;
}
/** `map[key]` when `map` has it as its own key (file names such as `__proto__` included). */
function own(map, key) {
    return Object.hasOwn(map, key) ? map[key] : undefined;
}
async function readCacheRecord(dir) {
    let parsed;
    try {
        parsed = JSON.parse(await (0,lazy_builtins/* lazyFsPromises */.wc)().readFile((0,external_node_path_.join)(dir, CACHE_RECORD), 'utf8'));
    }
    catch {
        return undefined;
    }
    const record = parsed;
    const valid = typeof record?.tarball === 'string' &&
        typeof record.files === 'object' &&
        record.files !== null &&
        Object.values(record.files).every((v) => typeof v === 'string');
    return valid ? record : undefined;
}
/**
 * sha256 of every file under `dir` except the record, by relative path. A
 * symlink stands for its target path; anything that is neither a file, a
 * directory nor a link is recorded as such rather than read.
 */
async function hashTree(dir, prefix = '') {
    // No prototype, so a file named `__proto__` is a key like any other.
    const files = Object.create(null);
    const entries = await (0,lazy_builtins/* lazyFsPromises */.wc)().readdir((0,external_node_path_.join)(dir, prefix), {
        withFileTypes: true
    });
    for (const entry of entries) {
        const path = prefix ? `${prefix}/${entry.name}` : entry.name;
        const full = (0,external_node_path_.join)(dir, path);
        if (path === CACHE_RECORD)
            continue;
        if (entry.isDirectory())
            Object.assign(files, await hashTree(dir, path));
        else if (entry.isFile())
            files[path] = await sha256OfFile(full);
        else if (entry.isSymbolicLink()) {
            files[path] = `symlink to ${await (0,lazy_builtins/* lazyFsPromises */.wc)().readlink(full)}`;
        }
        else
            files[path] = 'not a regular file';
    }
    return files;
}

// EXTERNAL MODULE: ./src/engine/errors.ts
var errors = __webpack_require__(7679);
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
    const onPath = (0,cli/* findOnPath */.aY)('docker');
    if (!options.version && onPath)
        return onPath;
    const version = options.version || clients/* DEFAULT_DOCKER_CLI_VERSION */.TJ;
    const arch = staticArch();
    return core/* group */.Os(`Docker CLI ${version}`, async () => {
        if (!options.version) {
            core/* info */.pq(`No docker CLI on PATH; installing ${version}.`);
        }
        const dir = (await fromToolCache(options.sha256, version, arch)) ||
            (await install(options, version, arch));
        core/* addPath */.fM(dir);
        return (0,external_node_path_.join)(dir, 'docker');
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
    const dir = tool_cache/* find */.I6(DOCKER_CLI_TOOL, version, arch);
    if (!dir)
        return '';
    if (!sha256) {
        core/* info */.pq(`Found in the tool cache: ${dir}`);
        return dir;
    }
    const problem = await cachedCliProblem(dir, sha256);
    if (problem) {
        core/* warning */.$e(`The docker CLI ${version} in the tool cache (${dir}) cannot be ` +
            `verified against input 'docker-cli-sha256' (${sha256}): ${problem}. ` +
            'Downloading it again instead of using it.');
        return '';
    }
    core/* info */.pq(`Found in the tool cache: ${dir} (sha256 ${sha256} verified)`);
    return dir;
}
async function install(options, version, arch) {
    const url = tarballUrl(options.baseUrl, version, arch);
    core/* info */.pq(`Downloading ${url}`);
    const tarball = await download(url, 'the docker CLI tarball');
    let extracted;
    try {
        const sha256 = await verify(tarball, url, options.sha256);
        extracted = await tool_cache/* extractTar */.nN(tarball);
        // Recorded before cacheDir, so no cached copy is ever without it.
        await writeCacheRecord((0,external_node_path_.join)(extracted, 'docker'), sha256);
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
/**
 * Checks the tarball against the input digest, else the `.sha256` file next
 * to it, and returns its sha256.
 */
async function verify(tarball, url, expectedInput) {
    const expected = expectedInput || (await publishedDigest(`${url}.sha256`));
    const actual = await sha256OfFile(tarball);
    if (!expected) {
        core/* warning */.$e(`${url} has no .sha256 file next to it and input 'docker-cli-sha256' ` +
            `is empty, so only the transport protected it (sha256 ${actual}). ` +
            'To fix this, set docker-cli-sha256.');
        return actual;
    }
    if (actual !== expected) {
        throw new Error(`The docker CLI tarball from ${url} has sha256 ${actual}, expected ` +
            `${expected} (from ${expectedInput ? "input 'docker-cli-sha256'" : `${url}.sha256`}). ` +
            'The download is corrupt or the mirror serves another file; nothing was installed.');
    }
    core/* info */.pq(`sha256 ${actual} verified`);
    return actual;
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
