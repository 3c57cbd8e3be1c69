export const id = 15;
export const ids = [15];
export const modules = {

/***/ 91015:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S3_SOCKET_TIMEOUT_MS: () => (/* binding */ S3_SOCKET_TIMEOUT_MS),
/* harmony export */   createS3Client: () => (/* binding */ createS3Client)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(53711);
/* harmony import */ var _endpoint_note_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6509);
/* harmony import */ var _user_agent_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5290);
// The S3 client for a plan's settings. Loaded only when a bucket is used
// (clients.ts), with the SDK's S3 module it imports.



/**
 * No request timeout: an upload's timer would run while its body is sent,
 * and a part is 8 MB. Silence for ten minutes still fails a read or a write.
 * Long, because an object streamed into a slow import is silent while the
 * import waits (a 400 KB item under `max-capacity: 1` takes 400 s to write).
 */
const S3_SOCKET_TIMEOUT_MS = 600_000;
/**
 * With `s3-endpoint-url` set the server is S3-compatible, not S3: path-style
 * addressing, and checksums only where S3 requires them, because MinIO,
 * s3rver and others store aws-chunked framing inside the object or reject it.
 */
function createS3Client(settings, socketTimeoutMs = S3_SOCKET_TIMEOUT_MS) {
    const compatible = settings.s3Compatible
        ? {
            forcePathStyle: true,
            requestChecksumCalculation: 'WHEN_REQUIRED',
            responseChecksumValidation: 'WHEN_REQUIRED',
        }
        : {};
    const client = new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_0__.S3Client({
        region: settings.region,
        maxAttempts: 5,
        retryMode: 'standard',
        requestHandler: { socketTimeout: socketTimeoutMs, connectionTimeout: 5_000 },
        customUserAgent: [_user_agent_js__WEBPACK_IMPORTED_MODULE_1__/* .USER_AGENT */ ._],
        ...compatible,
        ...(settings.s3EndpointUrl === undefined ? {} : { endpoint: settings.s3EndpointUrl }),
    });
    (0,_endpoint_note_js__WEBPACK_IMPORTED_MODULE_2__/* .noteEndpoint */ .g)(client.middlewareStack);
    return client;
}


/***/ })

};
