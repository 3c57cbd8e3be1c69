export const id = 240;
export const ids = [240];
export const modules = {

/***/ 93240:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runCacheTaskInWorker: () => (/* binding */ runCacheTaskInWorker)
/* harmony export */ });
/* harmony import */ var _actions_cache__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(74151);
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(75919);
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_worker_threads__WEBPACK_IMPORTED_MODULE_1__);
// Inside the cache worker (see cache.ts): one restore or save through
// @actions/cache, answered with a message. The library logs its own lines
// (and a warning when the service fails); its failures are answers, never
// thrown, so a cache cannot fail the step.


async function runCacheTaskInWorker() {
    const task = node_worker_threads__WEBPACK_IMPORTED_MODULE_1__.workerData.cacheTask;
    let answer;
    try {
        if (task.op === 'restore') {
            // restoreCache answers a failure as a miss, having logged it: the log line tells them apart.
            const failure = watchLog(/^::(?:warning|error)::(Failed to restore: .*)$/m);
            const matched = await _actions_cache__WEBPACK_IMPORTED_MODULE_0__/* .restoreCache */ .P3([task.path], task.key, [task.key]);
            const failed = failure.stop();
            answer = failed === undefined ? { ok: true, hit: matched !== undefined } : { ok: false, error: failed };
        }
        else {
            // saveCache answers -1 when it could not save (it has logged why).
            const id = await _actions_cache__WEBPACK_IMPORTED_MODULE_0__/* .saveCache */ .Io([task.path], task.key);
            answer = id === -1 ? { ok: false, error: 'the cache service did not take the entry' } : { ok: true, hit: true };
        }
    }
    catch (error) {
        answer = { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
    node_worker_threads__WEBPACK_IMPORTED_MODULE_1__.parentPort?.postMessage(answer);
}
/** The first line this worker writes to stdout that matches `pattern` (its first group), until stop(). */
function watchLog(pattern) {
    const write = process.stdout.write.bind(process.stdout);
    let found;
    process.stdout.write = ((chunk, ...rest) => {
        found ??= pattern.exec(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString())?.[1];
        return write(chunk, ...rest);
    });
    return {
        stop: () => {
            process.stdout.write = write;
            return found;
        },
    };
}


/***/ })

};
