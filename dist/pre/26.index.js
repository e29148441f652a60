export const id = 26;
export const ids = [26];
export const modules = {

/***/ 2026:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  EARLY_PULL_ALLOWANCE_MS: () => (/* binding */ EARLY_PULL_ALLOWANCE_MS),
  adoptEarlyStart: () => (/* binding */ adoptEarlyStart)
});

// EXTERNAL MODULE: ./src/action/workflow.ts
var workflow = __webpack_require__(5809);
// EXTERNAL MODULE: ./src/engine/docker/runner-client.ts
var runner_client = __webpack_require__(2537);
// EXTERNAL MODULE: ./src/engine/dood/dood.ts
var dood = __webpack_require__(667);
// EXTERNAL MODULE: ./src/engine/dood/socket-proxy.ts
var socket_proxy = __webpack_require__(621);
// EXTERNAL MODULE: ./src/engine/lifecycle/teardown.ts + 2 modules
var teardown = __webpack_require__(6137);
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
    const docker = (0,runner_client/* hostClient */.E7)(resources.hostDocker, (m) => ctx.logger.debug(m));
    const result = await ctx.logger.group('Remove nest', () => (0,teardown/* teardown */.z)(resources, docker, ctx.logger));
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
            const docker = (0,runner_client/* hostClient */.E7)({
                DOCKER_HOST: `unix://${resources.socket}`,
                DOCKER_TLS_VERIFY: null,
                DOCKER_CERT_PATH: null,
                DOCKER_CONTEXT: null
            }, (m) => ctx.logger.debug(m));
            const removed = await ctx.logger.group(`Remove objects labelled ${(0,dood/* runLabel */.Az)(resources.runId)}`, () => (0,dood/* removeLabelled */.ux)(resources.runId, docker, ctx.logger));
            report.warnings.push(...removed.warnings);
        }
        else if (trigger === 'post') {
            ctx.logger.info('dood: leaving the runner’s daemon as it is. To remove what this job ' +
                `started, label it with $DOCKER_NEST_LABEL (${(0,dood/* runLabel */.Az)(resources.runId)}) ` +
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
            if ((0,socket_proxy/* stopSocketProxy */.i6)(proxy)) {
                ctx.logger.info(`Removed socket proxy ${proxy.socket}`);
            }
            else {
                report.warnings.push(`Could not remove the socket proxy ${proxy.socket}; delete it to stop the proxy.`);
            }
        }
    }
}

// EXTERNAL MODULE: ./src/engine/errors.ts
var errors = __webpack_require__(7679);
// EXTERNAL MODULE: ./src/action/early.ts
var action_early = __webpack_require__(2181);
// EXTERNAL MODULE: ./src/action/logger.ts
var logger = __webpack_require__(8980);
// EXTERNAL MODULE: ./src/action/state.ts
var state = __webpack_require__(3175);
;// CONCATENATED MODULE: ./src/action/adopt.ts
/**
 * Main's side of the early start: wait for what pre started in the
 * background and take it over, or say why not, remove it and let main
 * start afresh.
 */






/**
 * How long main waits for an early start beyond the daemon's own
 * wait-timeout: the image may still be pulling.
 */
const EARLY_PULL_ALLOWANCE_MS = 15 * 60_000;
/** The early start's result once it is ready; undefined when main must start afresh. */
async function adoptEarlyStart(early, options, inputs, hostDocker) {
    if ((0,action_early/* fingerprintOf */.ax)(inputs, hostDocker) !== early.fingerprint) {
        await discardEarlyStart(early, "the inputs or the runner's Docker settings differ from pre's " +
            '(an input that uses the steps context, or DOCKER_HOST changed)');
        return undefined;
    }
    const started = performance.now();
    const outcome = await (0,action_early/* waitForOutcome */.rf)(early, options.waitTimeoutMs + EARLY_PULL_ALLOWANCE_MS);
    const waited = Math.round(performance.now() - started);
    const log = (0,action_early/* readEarlyLog */.qN)(early.dir);
    if (log)
        process.stdout.write(log.endsWith('\n') ? log : `${log}\n`);
    if (!outcome.ok) {
        await discardEarlyStart(early, `it failed: ${outcome.message}`);
        return undefined;
    }
    await state/* stateRecorder */.MN.record(outcome.result.resources);
    if (outcome.privileged !== undefined) {
        workflow/* exportVariable */.dN('DOCKER_NEST_PRIVILEGED', String(outcome.privileged));
    }
    workflow/* info */.pq(`docker-nest: the nest started in pre is ready (main waited ${waited} ms for it).`);
    return outcome.result;
}
/** Stops and removes an early start main does not take over, and says why. */
async function discardEarlyStart(early, why) {
    workflow/* info */.pq(`docker-nest: not using the early start: ${why}. Starting now.`);
    try {
        const record = await (0,action_early/* stopEarly */.i6)(early);
        if (record) {
            const report = await down(record, 'true', 'down', {
                logger: logger/* actionLogger */.v
            });
            for (const warning of report.warnings)
                workflow/* warning */.$e(warning);
        }
    }
    catch (error) {
        workflow/* warning */.$e(`docker-nest: removing the early start: ${(0,errors/* errorMessage */.g)(error)}`);
    }
    // Post must not look at it again.
    workflow/* saveState */.LZ(action_early/* EARLY_STATE_KEY */.EM, '');
    (0,action_early/* removeEarlyDir */.F7)(early);
}


/***/ })

};
