export const id = 663;
export const ids = [663];
export const modules = {

/***/ 61663:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runArtifactTaskInWorker: () => (/* binding */ runArtifactTaskInWorker)
/* harmony export */ });
/* harmony import */ var _actions_artifact__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(37888);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(75919);
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_worker_threads__WEBPACK_IMPORTED_MODULE_2__);
// Inside the artifact worker (see artifacts.ts): one file uploaded as a
// workflow artifact of its own, as it is (no zip), answered with a message.
// Failures are answers, never thrown: an artifact cannot fail the step.



async function runArtifactTaskInWorker() {
    const task = node_worker_threads__WEBPACK_IMPORTED_MODULE_2__.workerData.artifactTask;
    let answer;
    try {
        const { id } = await new _actions_artifact__WEBPACK_IMPORTED_MODULE_0__/* .DefaultArtifactClient */ .t9().uploadArtifact((0,node_path__WEBPACK_IMPORTED_MODULE_1__.basename)(task.path), [task.path], (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(task.path), { skipArchive: true });
        answer = id === undefined ? { ok: false, error: 'the service gave no artifact id' } : { ok: true, id };
    }
    catch (error) {
        answer = { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
    node_worker_threads__WEBPACK_IMPORTED_MODULE_2__.parentPort?.postMessage(answer);
}


/***/ })

};
