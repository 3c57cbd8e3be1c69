export const id = 853;
export const ids = [853];
export const modules = {

/***/ 3853:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runInWorker: () => (/* binding */ runInWorker)
/* harmony export */ });
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5919);
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_worker_threads__WEBPACK_IMPORTED_MODULE_0__);
// Starts the action in a worker thread with a small young generation, passes
// SIGTERM and SIGINT on as an abort, and ends with the worker's exit code.

/** Young-generation size for the worker: enough for throughput, small enough to keep the heap flat. */
const YOUNG_GENERATION_MB = 12;
async function runInWorker(entry) {
    const worker = new node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.Worker(entry, {
        resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
        stdout: false,
        stderr: false,
    });
    for (const signal of ['SIGTERM', 'SIGINT']) {
        process.once(signal, () => worker.postMessage({ abort: signal }));
    }
    const exitCode = await new Promise((resolve) => {
        worker.once('exit', resolve);
        worker.once('error', (error) => {
            process.stdout.write(`::error::${error instanceof Error ? error.message : String(error)}\n`);
            resolve(1);
        });
    });
    process.exitCode = exitCode;
}


/***/ })

};
