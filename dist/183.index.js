export const id = 183;
export const ids = [183];
export const modules = {

/***/ 6509:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ noteEndpoint)
/* harmony export */ });
// A request that failed notes the endpoint it was sent to (`endpoint` on the
// error), so that a connection refused, reset or timed out can be reported
// naming it (errors.ts), for DynamoDB and S3 alike.
function noteEndpoint(stack) {
    const middleware = (next) => async (args) => {
        try {
            return await next(args);
        }
        catch (error) {
            const request = args.request;
            if (typeof error === 'object' && error !== null && request?.hostname !== undefined && !('endpoint' in error)) {
                const port = request.port === undefined ? '' : `:${request.port}`;
                Object.assign(error, { endpoint: `${request.protocol ?? 'https:'}//${request.hostname}${port}` });
            }
            throw error;
        }
    };
    // Inside the SDK's retries, beside the request as it was sent.
    stack.add(middleware, { step: 'finalizeRequest', priority: 'low', name: 'noteEndpointMiddleware' });
}


/***/ }),

/***/ 5290:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ USER_AGENT)
/* harmony export */ });
/** What every client adds to the SDK's user agent: AWS's logs show which requests came from the action. */
const USER_AGENT = ['dynamodb-s3-transfer', '1.0.0'];


/***/ }),

/***/ 27242:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   YJ: () => (/* binding */ InputDefault),
/* harmony export */   k7: () => (/* binding */ Output),
/* harmony export */   pd: () => (/* binding */ Input)
/* harmony export */ });
// Public names of the action's inputs and outputs. action.yml is the source of
// truth; test/action-yml.test.ts checks that the two agree.
const Input = {
    Mode: 'mode',
    Engine: 'engine',
    TableName: 'table-name',
    TableArn: 'table-arn',
    Bucket: 'bucket',
    Prefix: 'prefix',
    Path: 'path',
    BucketOwner: 'bucket-owner',
    Format: 'format',
    Compression: 'compression',
    CsvDelimiter: 'csv-delimiter',
    CsvHeader: 'csv-header',
    TableCreationParameters: 'table-creation-parameters',
    PartitionKey: 'partition-key',
    SortKey: 'sort-key',
    ExistingTable: 'existing-table',
    ExportType: 'export-type',
    ExportTime: 'export-time',
    IncrementalFrom: 'incremental-from',
    IncrementalTo: 'incremental-to',
    ExportViewType: 'export-view-type',
    FilterExpression: 'filter-expression',
    ProjectionExpression: 'projection-expression',
    KeyConditionExpression: 'key-condition-expression',
    ExpressionAttributeNames: 'expression-attribute-names',
    ExpressionAttributeValues: 'expression-attribute-values',
    SseAlgorithm: 's3-sse-algorithm',
    SseKmsKeyId: 's3-sse-kms-key-id',
    Region: 'aws-region',
    EndpointUrl: 'endpoint-url',
    S3EndpointUrl: 's3-endpoint-url',
    Concurrency: 'concurrency',
    MaxCapacity: 'max-capacity',
    Wait: 'wait',
    Timeout: 'timeout',
    PollInterval: 'poll-interval',
    MaxErrors: 'max-errors',
    RejectedItems: 'rejected-items',
    ClientToken: 'client-token',
    Verify: 'verify',
    RestoreTo: 'restore-to',
    Changes: 'changes',
    ChangesOntoTable: 'changes-onto-table',
    Resume: 'resume',
    MaxDuration: 'max-duration',
    Checkpoint: 'checkpoint',
    UploadArtifacts: 'upload-artifacts',
};
/**
 * The defaults declared in action.yml, the one place they are decided. The
 * runner fills them in before the action starts; the reader
 * (src/inputs/reader.ts) fills them in too when an input is given as an empty
 * string (`${{ inputs.x }}` of an unset workflow input). No other code repeats
 * them, and test/action-yml.test.ts proves this table equal to action.yml's.
 */
const InputDefault = {
    [Input.Engine]: 'auto',
    [Input.Prefix]: '',
    [Input.Format]: 'DYNAMODB_JSON',
    [Input.Compression]: 'auto',
    [Input.CsvDelimiter]: ',',
    [Input.ExistingTable]: 'fail',
    [Input.ExportType]: 'FULL_EXPORT',
    [Input.ExportViewType]: 'NEW_AND_OLD_IMAGES',
    [Input.Concurrency]: '16',
    [Input.Wait]: 'true',
    [Input.Timeout]: '6h',
    [Input.PollInterval]: '10s',
    [Input.MaxErrors]: '0',
    [Input.Verify]: 'false',
    [Input.RestoreTo]: 'latest',
    [Input.Changes]: 'apply',
    [Input.ChangesOntoTable]: 'false',
    [Input.Resume]: 'auto',
    [Input.UploadArtifacts]: 'true',
};
const Output = {
    Engine: 'engine',
    JobArn: 'job-arn',
    Status: 'status',
    TableName: 'table-name',
    TableArn: 'table-arn',
    ItemCount: 'item-count',
    ProcessedItemCount: 'processed-item-count',
    ImportedItemCount: 'imported-item-count',
    ErrorCount: 'error-count',
    UnwrittenItemCount: 'unwritten-item-count',
    ProcessedSizeBytes: 'processed-size-bytes',
    ExportManifest: 'export-manifest',
    DataUrl: 'data-url',
    RejectedItems: 'rejected-items',
    DurationSeconds: 'duration-seconds',
    ConsumedReadCapacity: 'consumed-read-capacity',
    ConsumedWriteCapacity: 'consumed-write-capacity',
    MatchedCount: 'matched-count',
    MissingCount: 'missing-count',
    ExtraCount: 'extra-count',
    DifferentCount: 'different-count',
    Differences: 'differences',
    PutCount: 'put-count',
    DeleteCount: 'delete-count',
    RestoredTo: 'restored-to',
    ExportsApplied: 'exports-applied',
    Resumed: 'resumed',
};


/***/ }),

/***/ 83916:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   aG: () => (/* binding */ TransferError),
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   oh: () => (/* binding */ failureMessage)
/* harmony export */ });
// The action's error family: a stable code for docs and tests, and a sentence
// a person can act on that says where it happened. Every failure message the
// step prints starts with its code, the key of the README's Troubleshooting
// table.
class TransferError extends Error {
    code;
    constructor(code, message) {
        super(message);
        this.name = 'TransferError';
        this.code = code;
    }
    /** `CODE: sentence`, as the log, the summary and the step's failure show it. */
    get shown() {
        return `${this.code}: ${this.message}`;
    }
}
/** Every bad input found, reported together before any work starts. */
class InputError extends TransferError {
    problems;
    constructor(problems) {
        super('INVALID_INPUT', formatProblems(problems));
        this.name = 'InputError';
        this.problems = problems;
    }
}
function formatProblems(problems) {
    const lines = problems.map((p) => p.message);
    if (lines.length === 1)
        return lines[0] ?? '';
    return `${lines.length} inputs are not valid:\n${lines.map((l) => `- ${l}`).join('\n')}`;
}
/** What the one catch at the top shows for any thrown value: always with a code. */
function failureMessage(error) {
    if (error instanceof TransferError)
        return error.shown;
    const aws = error;
    if (aws.$metadata !== undefined)
        return `AWS_ERROR: ${aws.name}: ${aws.message}`;
    const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return `UNEXPECTED_ERROR: ${text} (this is a bug in the action; please report it with the log)`;
}


/***/ }),

/***/ 9066:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ inputVariable),
/* harmony export */   i: () => (/* binding */ InputReader)
/* harmony export */ });
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(27242);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
/* harmony import */ var _parsing_values_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(12704);
// Reads inputs the way @actions/core does (INPUT_<NAME> with the hyphens
// kept, trimmed) and collects every problem, so all are reported together.
// An input that action.yml gives a default is read with `parseDefaulted`:
// the reader fills in that default itself, so no caller repeats it.



function inputVariable(name) {
    return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}
class InputReader {
    problems = [];
    env;
    constructor(env) {
        this.env = env;
    }
    /** The value without trimming (a space or a tab can be the CSV delimiter), or action.yml's default when empty. */
    untrimmed(name) {
        const value = this.env[inputVariable(name)] ?? '';
        return value === '' ? this.defaultOf(name) : value;
    }
    /** The trimmed value, or action.yml's default when empty. */
    get(name) {
        const value = (this.env[inputVariable(name)] ?? '').trim();
        return value === '' ? this.defaultOf(name) : value;
    }
    /** Whether the workflow gave a value (a default does not count). */
    given(name) {
        return (this.env[inputVariable(name)] ?? '').trim() !== '';
    }
    /** Whether the workflow gave a value other than the default (compared as enums are). */
    changedFromDefault(name) {
        const normalize = (v) => v.trim().toUpperCase().replace(/-/g, '_');
        return this.given(name) && normalize(this.get(name)) !== normalize(this.defaultOf(name));
    }
    /** Whether the untrimmed value differs from the default, for inputs where spaces count. */
    untrimmedChangedFromDefault(name) {
        return this.untrimmed(name) !== this.defaultOf(name);
    }
    /** The value if given, else undefined. */
    optional(name) {
        const value = this.get(name);
        return value === '' ? undefined : value;
    }
    /** Parses an input that has no default; a bad value becomes a problem and undefined. */
    parse(name, parser) {
        const value = this.optional(name);
        if (value === undefined)
            return undefined;
        return this.parseValue(name, value, parser);
    }
    /**
     * Parses an input that has a default in action.yml: the value given, or
     * the default when none was. A bad value becomes a problem, and the parsed
     * default stands in for it so that the other inputs can still be checked.
     */
    parseDefaulted(name, parser, options = {}) {
        const value = options.untrimmed === true ? this.untrimmed(name) : this.get(name);
        const parsed = this.parseValue(name, value, parser);
        return parsed === undefined ? this.parsedDefault(name, parser) : parsed;
    }
    parsedDefault(name, parser) {
        try {
            return parser(this.defaultOf(name));
        }
        catch (error) {
            const reason = error instanceof _parsing_values_js__WEBPACK_IMPORTED_MODULE_2__/* .InvalidValue */ .h6 ? `expected ${error.expected}` : String(error);
            throw new Error(`The default of input ${name}, ${quote(this.defaultOf(name))}, does not parse: ${reason}`);
        }
    }
    parseValue(name, value, parser) {
        try {
            return parser(value);
        }
        catch (error) {
            if (!(error instanceof _parsing_values_js__WEBPACK_IMPORTED_MODULE_2__/* .InvalidValue */ .h6))
                throw error;
            this.reject(name, value, `expected ${error.expected}`);
            return undefined;
        }
    }
    /** Records `Input "name" is "value"; <reason>.` */
    reject(name, value, reason) {
        this.problems.push({ input: name, value, message: `Input "${name}" is ${quote(value)}; ${reason}.` });
    }
    /** Records a problem with an input that is missing. */
    missing(name, reason) {
        this.problems.push({ input: name, value: '', message: `Input "${name}" is not set; ${reason}.` });
    }
    /** Records that an input was given where it has no effect, which is almost always a mistake. */
    notApplicable(name, reason) {
        if (this.given(name))
            this.reject(name, this.get(name), reason);
    }
    /** Whether a problem with this input has been recorded. */
    hasProblem(name) {
        return this.problems.some((p) => p.input === name);
    }
    throwIfAny() {
        if (this.problems.length > 0)
            throw this.error();
    }
    /** Every problem recorded, as the one error the step fails with. */
    error() {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz([...this.problems]);
    }
    defaultOf(name) {
        return _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .InputDefault */ .YJ[name] ?? '';
    }
}
function quote(value) {
    const shown = value.length > 80 ? `${value.slice(0, 77)}...` : value;
    return JSON.stringify(shown);
}


/***/ }),

/***/ 12704:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E9: () => (/* binding */ parseDuration),
/* harmony export */   a3: () => (/* binding */ formatDuration),
/* harmony export */   cG: () => (/* binding */ parseInteger),
/* harmony export */   h6: () => (/* binding */ InvalidValue),
/* harmony export */   nL: () => (/* binding */ parseEnum),
/* harmony export */   pe: () => (/* binding */ parseTime),
/* harmony export */   yG: () => (/* binding */ parseBoolean)
/* harmony export */ });
// Parsers for single input values. Each returns the parsed value or throws
// InvalidValue with the words that complete "expected ...".
class InvalidValue extends Error {
    expected;
    constructor(expected) {
        super(expected);
        this.name = 'InvalidValue';
        this.expected = expected;
    }
}
/** Case-insensitive, with `-` and `_` alike: `dynamodb-json` is `DYNAMODB_JSON`. */
function parseEnum(raw, accepted) {
    const wanted = normalizeEnum(raw);
    const match = accepted.find((a) => normalizeEnum(a) === wanted);
    if (match === undefined)
        throw new InvalidValue(`one of ${accepted.join(', ')}`);
    return match;
}
function normalizeEnum(value) {
    return value.trim().toUpperCase().replace(/-/g, '_');
}
function parseInteger(raw, min, max) {
    const expected = `a whole number from ${min} to ${max}`;
    if (!/^\d+$/.test(raw))
        throw new InvalidValue(expected);
    const value = Number(raw);
    if (value < min || value > max)
        throw new InvalidValue(expected);
    return value;
}
/** The YAML 1.2 core booleans, as `core.getBooleanInput` accepts them. */
function parseBoolean(raw) {
    if (['true', 'True', 'TRUE'].includes(raw))
        return true;
    if (['false', 'False', 'FALSE'].includes(raw))
        return false;
    throw new InvalidValue('true or false');
}
const UNIT_MS = {
    ms: 1,
    s: 1000,
    m: 60_000,
    h: 3_600_000,
    d: 86_400_000,
};
/** `90m`, `1h30m`, `10s`, `500ms`; a bare number is seconds. Returns milliseconds. */
function parseDuration(raw, minMs, maxMs, range) {
    const expected = `a duration such as 10s, 90m, 2h or 1h30m, ${range}`;
    const value = raw.trim().toLowerCase();
    let ms;
    if (/^\d+(\.\d+)?$/.test(value)) {
        ms = Number(value) * 1000;
    }
    else if (/^(\d+(\.\d+)?(ms|s|m|h|d))+$/.test(value)) {
        ms = 0;
        for (const [, amount, unit] of value.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d)/g)) {
            ms += Number(amount) * (UNIT_MS[unit ?? ''] ?? Number.NaN);
        }
    }
    else {
        throw new InvalidValue(expected);
    }
    if (!Number.isFinite(ms) || ms < minMs || ms > maxMs)
        throw new InvalidValue(expected);
    return Math.round(ms);
}
const ISO_8601 = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
/**
 * A point in time: ISO 8601 (UTC when no offset is given), epoch seconds,
 * `now`, or relative to now (`-24h`, `-1h30m`).
 */
function parseTime(raw, now) {
    const expected = 'an ISO 8601 time (2026-01-31T12:00:00Z), epoch seconds (1767225600), now, or a time relative to now (-24h, -90m)';
    const value = raw.trim();
    if (value.toLowerCase() === 'now')
        return new Date(now.getTime());
    if (value.startsWith('-')) {
        const ago = parseDuration(value.slice(1), 0, Number.MAX_SAFE_INTEGER, 'before now');
        return new Date(now.getTime() - ago);
    }
    if (/^\d+(\.\d+)?$/.test(value)) {
        // Milliseconds would be a date tens of thousands of years ahead: refuse them.
        if (value.split('.')[0].length > 11)
            throw new InvalidValue(`${expected}; this looks like milliseconds`);
        return new Date(Number(value) * 1000);
    }
    if (ISO_8601.test(value)) {
        const [datePart, timePart] = value.toUpperCase().split(/[T ]/);
        // No offset means UTC, whatever the runner's time zone.
        const zoned = timePart === undefined ? 'T00:00:00Z' : /(Z|[+-][\d:]+)$/.test(timePart) ? `T${timePart}` : `T${timePart}Z`;
        const date = new Date(`${datePart}${zoned}`);
        if (!Number.isNaN(date.getTime()))
            return date;
    }
    throw new InvalidValue(expected);
}
/** `1h30m` for messages and summaries. */
function formatDuration(ms) {
    if (ms < 1000)
        return `${ms}ms`;
    let seconds = Math.round(ms / 1000);
    const parts = [];
    for (const [unit, size] of [
        ['d', 86_400],
        ['h', 3_600],
        ['m', 60],
    ]) {
        if (seconds >= size) {
            parts.push(`${Math.floor(seconds / size)}${unit}`);
            seconds %= size;
        }
    }
    if (seconds > 0 || parts.length === 0)
        parts.push(`${seconds}s`);
    return parts.join('');
}


/***/ }),

/***/ 7183:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runInsideWorker: () => (/* binding */ runInsideWorker)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 7 modules
var core = __webpack_require__(33838);
// EXTERNAL MODULE: external "node:worker_threads"
var external_node_worker_threads_ = __webpack_require__(75919);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
;// CONCATENATED MODULE: ./src/runner.ts
// Facts about the runner the step is on, from its environment.
/** github.com or a GHE.com data-residency host (GitHub Enterprise Server is neither). */
function onGitHubDotCom(env) {
    const host = new URL(env.GITHUB_SERVER_URL || 'https://github.com').hostname.toUpperCase();
    return host === 'GITHUB.COM' || host.endsWith('.GHE.COM') || host.endsWith('.LOCALHOST');
}

// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(73136);
;// CONCATENATED MODULE: ./src/task-worker.ts
// A GitHub toolkit call (@actions/cache, @actions/artifact) in a worker
// thread of its own, ended at a timeout: a service that hangs must neither
// hold the step nor keep the process alive afterwards, and the libraries
// (with the Azure SDK they bring) stay out of the worker that moves the data.


/**
 * Runs the action's own entry in a worker with `workerData` (src/index.ts
 * picks the task from it) and resolves with the message it posts; a
 * timeout, an error or an exit without a message is an answer too.
 */
function runTaskWorker(workerData, timeoutMs, what) {
    const entry = (0,external_node_url_.pathToFileURL)(process.argv[1] ?? '');
    return new Promise((resolve) => {
        const worker = new external_node_worker_threads_.Worker(entry, { workerData, stdout: false, stderr: false });
        const timer = setTimeout(() => {
            finish({ ok: false, error: `no answer within ${timeoutMs / 1000} s` });
            void worker.terminate();
        }, timeoutMs);
        let settled = false;
        function finish(answer) {
            if (settled)
                return;
            settled = true;
            clearTimeout(timer);
            resolve(answer);
        }
        worker.once('message', (answer) => finish(answer));
        worker.once('error', (error) => finish({ ok: false, error: error.message }));
        worker.once('exit', () => finish({ ok: false, error: `the ${what} worker ended without an answer` }));
    });
}

;// CONCATENATED MODULE: ./src/artifacts.ts
// The rejected-items and differences files outlive the job: a local one
// (RUNNER_TEMP by default, gone when the job ends) is uploaded as a workflow
// artifact of its own on GitHub, and the summary links it. An upload that
// fails or hangs is a warning, never a failed step.




/** An upload that takes longer is abandoned, with a warning. */
const ARTIFACT_TIMEOUT_MS = 60_000;
/** Artifacts (v4) are offered by github.com's results service, not by GitHub Enterprise Server. */
function artifactsOffered(env) {
    return Boolean(env.ACTIONS_RUNTIME_TOKEN && env.ACTIONS_RESULTS_URL) && onGitHubDotCom(env);
}
async function uploadArtifacts(result, env, log, timeoutMs = ARTIFACT_TIMEOUT_MS) {
    if (!artifactsOffered(env))
        return result;
    const files = [
        ['rejected items', result.rejectedItems],
        ['differences', result.verification?.differences],
    ];
    const artifacts = [];
    for (const [what, path] of files) {
        if (path === undefined || path.startsWith('s3://') || !(0,external_node_fs_.existsSync)(path))
            continue;
        const answer = await runTaskWorker({ artifactTask: { path } }, timeoutMs, 'artifact');
        if (!answer.ok) {
            log.warning(`The ${what} file could not be uploaded as a workflow artifact (${answer.error}); it is at ${path} until the job ends.`);
            continue;
        }
        const name = (0,external_node_path_.basename)(path);
        const url = `${env.GITHUB_SERVER_URL || 'https://github.com'}/${env.GITHUB_REPOSITORY ?? ''}/actions/runs/${env.GITHUB_RUN_ID ?? ''}/artifacts/${answer.id}`;
        log.info(`The ${what} file is kept as the workflow artifact ${name}: ${url}`);
        artifacts.push({ what, name, url });
    }
    return artifacts.length === 0 ? result : { ...result, artifacts };
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-dynamodb/dist-cjs/index.js
var dist_cjs = __webpack_require__(64305);
;// CONCATENATED MODULE: ./src/aws/lazy-clients.ts
// The S3 and CloudWatch Logs clients, with the SDK modules their commands
// come from, loaded at their first use: a run that touches no bucket never
// loads S3's (about 11 MB of the worker's memory with CloudWatch's, measured
// on Node 24), and only a failed managed import reads CloudWatch Logs.
// DynamoDB's client is used by every run and is made at once (clients.ts).
function lazyClient(load, make) {
    let loaded;
    return () => {
        loaded ??= load()
            .then(async (sdk) => ({ client: await make(sdk), sdk }))
            .catch((error) => {
            // Not kept: the next use tries again rather than failing the same way for the rest of the run.
            loaded = undefined;
            throw error;
        });
        return loaded;
    };
}
const loadS3Sdk = () => __webpack_require__.e(/* import() */ 711).then(__webpack_require__.t.bind(__webpack_require__, 53711, 19));
const loadLogsSdk = () => __webpack_require__.e(/* import() */ 303).then(__webpack_require__.t.bind(__webpack_require__, 70303, 19));
/** Access to an S3 client already made (tests, benchmarks). */
const s3Of = (client) => lazyClient(loadS3Sdk, () => client);
/** Access to a CloudWatch Logs client already made (tests). */
const logsOf = (client) => lazyClient(loadLogsSdk, () => client);

// EXTERNAL MODULE: ./src/aws/endpoint-note.ts
var endpoint_note = __webpack_require__(6509);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
;// CONCATENATED MODULE: ./src/aws/retry.ts
// The one retry policy for every AWS call the action repeats: job polls,
// Scan and Query pages, BatchWriteItem. One list of what is worth another
// try, one jittered backoff, one abort signal, and a breaker shared by all
// workers: when the endpoint is gone (every request failing, nothing getting
// through) the work stops with one message instead of retrying item by item.

const MAX_ATTEMPTS = 10;
const BASE_DELAY_MS = 50;
const MAX_DELAY_MS = 10_000;
/** Throttling, server trouble and dropped connections: another try may succeed. */
const RETRYABLE = new Set([
    'ProvisionedThroughputExceededException',
    'ThrottlingException',
    'RequestLimitExceeded',
    'LimitExceededException',
    'InternalServerError',
    'InternalFailure',
    'ServiceUnavailable',
    'TransactionConflictException',
    'TimeoutError',
    'RequestTimeout',
    'ECONNRESET',
    'ECONNREFUSED',
    'ECONNABORTED',
    'EPIPE',
    'ETIMEDOUT',
    'EHOSTUNREACH',
    'ENOTFOUND',
    'EAI_AGAIN',
]);
/** Failures of the endpoint rather than of one request: they count towards the breaker. */
const THROTTLING = new Set([
    'ProvisionedThroughputExceededException',
    'ThrottlingException',
    'RequestLimitExceeded',
    'LimitExceededException',
]);
/** The error's name, or the system error code (ECONNREFUSED) under a generic name. */
function errorName(error) {
    const e = error;
    const code = e.code ?? e.cause?.code;
    if (code !== undefined && RETRYABLE.has(code))
        return code;
    return e.name ?? 'Error';
}
function messageOf(error) {
    return error instanceof Error ? error.message : String(error);
}
function isRetryable(error) {
    if (RETRYABLE.has(errorName(error)))
        return true;
    const e = error;
    if (e.$retryable !== undefined)
        return true;
    const status = e.$metadata?.httpStatusCode;
    return status !== undefined && (status >= 500 || status === 429);
}
function isThrottling(error) {
    return THROTTLING.has(errorName(error));
}
/**
 * No answer in time: a request, socket or connect timeout. A request that
 * timed out was silent for the whole timeout (60 s for DynamoDB), so one is
 * evidence enough that the endpoint is frozen when nothing else got through.
 */
function isSilence(error) {
    const e = error;
    return e?.name === 'TimeoutError' || e?.code === 'ETIMEDOUT';
}
/** The endpoint a failed request was for, when the client noted it (clients.ts), as ` at http://host:port`. */
function atEndpoint(error) {
    const endpoint = error?.endpoint;
    return typeof endpoint === 'string' ? ` at ${endpoint}` : '';
}
/** Full jitter: a random delay up to an exponentially growing cap. */
function backoff(attempt, random = Math.random) {
    return Math.round(random() * Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** attempt));
}
/** Consecutive failed attempts, across every worker, after which the endpoint counts as gone. */
const BREAKER_THRESHOLD = 3 * MAX_ATTEMPTS;
/**
 * Failures with nothing getting through for this long also count as gone: a
 * frozen endpoint fails slowly (each request only after its timeout), so
 * three such failures, or a single timed-out request, are enough.
 */
const SILENCE_MS = 30_000;
const SILENCE_FAILURES = 3;
/**
 * Shared by every worker of one run. Any success closes it again; a run of
 * failures with nothing getting through, or one request that used all its
 * attempts on endpoint failures, opens it, and every worker then stops: those
 * waiting out a backoff at once, not when their wait ends.
 */
class Breaker {
    failures = 0;
    opened;
    tripped = new AbortController();
    now;
    lastSuccess;
    constructor(now = Date.now) {
        this.now = now;
        this.lastSuccess = now();
    }
    /** Aborted when the breaker opens: cuts every backoff short. */
    get signal() {
        return this.tripped.signal;
    }
    succeeded() {
        this.failures = 0;
        this.lastSuccess = this.now();
    }
    failed(what, error) {
        if (isThrottling(error))
            return; // throttling says the endpoint is there and busy
        this.failures += 1;
        const silent = this.now() - this.lastSuccess;
        if (this.failures >= BREAKER_THRESHOLD)
            this.open(what, error, `${this.failures} requests in a row failed`);
        else if ((this.failures >= SILENCE_FAILURES || isSilence(error)) && silent >= SILENCE_MS)
            this.open(what, error, `no request got through for ${Math.round(silent / 1000)} s`);
    }
    open(what, error, why) {
        if (this.opened === undefined) {
            this.opened = new errors/* TransferError */.aG('ENDPOINT_UNAVAILABLE', `${what} failed with ${errorName(error)}${atEndpoint(error)} (${messageOf(error)}); ${why}, so the endpoint is taken as gone and the work stopped.`);
            this.tripped.abort();
        }
        return this.opened;
    }
    throwIfOpen() {
        if (this.opened !== undefined)
            throw this.opened;
    }
}
/**
 * Thrown when the step was cancelled while a call waited to be tried again. A
 * TransferError, so that one escaping a caller still reads `CANCELLED: ...`.
 */
class Aborted extends errors/* TransferError */.aG {
    constructor() {
        super('CANCELLED', 'The step was cancelled');
        this.name = 'Aborted';
    }
}
/** One call until it succeeds; throttling, server errors and dropped connections are retried. */
async function withRetries(what, call, deps, failure = 'READ_FAILED') {
    for (let attempt = 1;; attempt++) {
        deps.breaker?.throwIfOpen();
        if (deps.signal?.aborted)
            throw new Aborted();
        try {
            const result = await call();
            deps.breaker?.succeeded();
            return result;
        }
        catch (error) {
            // A request the cancel abandoned fails with the SDK's AbortError: the cancel is the reason.
            if (deps.signal?.aborted)
                throw new Aborted();
            if (!isRetryable(error))
                throw error;
            deps.breaker?.failed(what, error);
            deps.breaker?.throwIfOpen(); // this failure may have been the one too many
            if (attempt >= MAX_ATTEMPTS) {
                if (deps.breaker !== undefined && !isThrottling(error))
                    throw deps.breaker.open(what, error, `still failing after ${MAX_ATTEMPTS} attempts`);
                throw new errors/* TransferError */.aG(failure, `${what} still failed with ${errorName(error)} after ${MAX_ATTEMPTS} attempts: ${messageOf(error)}`);
            }
            await pause(backoff(attempt, deps.random), deps);
        }
    }
}
/**
 * A backoff sleep that a cancel cuts short (Aborted), and so does the breaker
 * opening (its ENDPOINT_UNAVAILABLE error): a worker never sleeps on after the
 * work has stopped.
 */
async function pause(ms, deps) {
    const signals = [deps.signal, deps.breaker?.signal].filter((s) => s !== undefined);
    const signal = signals.length > 1 ? AbortSignal.any(signals) : signals[0];
    try {
        await deps.sleep(ms, signal);
    }
    catch (error) {
        if (deps.signal?.aborted)
            throw new Aborted();
        deps.breaker?.throwIfOpen();
        throw error;
    }
}

;// CONCATENATED MODULE: ./src/aws/sdk-retry.ts
// The SDK's own retries, declared beside the action's (retry.ts) so that the
// two layers do not multiply. At the wire the SDK tries a request at most
// SDK_ATTEMPTS times, with its standard backoff, after throttling, a server
// error or a refused or reset connection; after silence (a request, socket or connect timeout) it
// never tries again: silence is the action's alone to judge, once a request,
// with its breaker. The action's policy wraps this one: a BatchWriteItem, a
// Scan page or a poll is tried up to MAX_ATTEMPTS times. Before, the SDK's
// three attempts of 60 s each sat inside the action's retries, and a frozen
// DynamoDB held the step for 6 minutes without a word.

const SDK_ATTEMPTS = 3;
/**
 * The SDK's standard backoff, kept: full jitter from 1 s for throttling (so a
 * throttled request leaves the endpoint alone for a while, which the
 * throttling tests rely on) and from 50 ms otherwise, doubling, at most 20 s.
 */
const THROTTLING_DELAY_MS = 1000;
const DELAY_MS = 50;
const sdk_retry_MAX_DELAY_MS = 20_000;
function sdkRetryStrategy(attempts = SDK_ATTEMPTS, random = Math.random) {
    const token = (count, delay) => ({
        getRetryCount: () => count,
        getRetryDelay: () => delay,
    });
    return {
        acquireInitialRetryToken: () => Promise.resolve(token(0, 0)),
        refreshRetryTokenForRetry: (previous, info) => {
            const retries = previous.getRetryCount();
            const retryable = info.errorType === 'THROTTLING' || info.errorType === 'TRANSIENT';
            // Refused: the SDK then throws the request's own error.
            if (retries + 1 >= attempts || !retryable || isSilence(info.error))
                return Promise.reject(info.error ?? new Error('not retried'));
            const base = info.errorType === 'THROTTLING' ? THROTTLING_DELAY_MS : DELAY_MS;
            const delay = Math.floor(random() * Math.min(base * 2 ** retries, sdk_retry_MAX_DELAY_MS));
            const hinted = info.retryAfterHint === undefined ? 0 : info.retryAfterHint.getTime() - Date.now();
            return Promise.resolve(token(retries + 1, Math.max(delay, Math.min(hinted, delay + 5000))));
        },
        recordSuccess: () => undefined,
    };
}

// EXTERNAL MODULE: ./src/aws/user-agent.ts
var user_agent = __webpack_require__(5290);
;// CONCATENATED MODULE: ./src/aws/clients.ts
// SDK clients with the region, endpoints, retries and user agent of a plan.
// Without endpoint inputs the SDK's own AWS_ENDPOINT_URL_* variables apply.
// S3 and CloudWatch Logs are loaded when first used (lazy-clients.ts).





function createClients(settings) {
    return {
        dynamodb: createDynamoDbClient(settings),
        s3: lazyClient(loadS3Sdk, async () => (await Promise.all(/* import() */[__webpack_require__.e(711), __webpack_require__.e(15)]).then(__webpack_require__.bind(__webpack_require__, 91015))).createS3Client(settings)),
        // Honours AWS_ENDPOINT_URL_CLOUDWATCH_LOGS and AWS_ENDPOINT_URL through the SDK.
        logs: lazyClient(loadLogsSdk, (sdk) => new sdk.CloudWatchLogsClient({ region: settings.region, maxAttempts: 5, customUserAgent: [user_agent/* USER_AGENT */._] })),
    };
}
/**
 * Generous, because DynamoDB Local on a busy 2-core runner was measured
 * taking 28 s for one 1 MB Scan page; AWS answers in milliseconds.
 */
const DYNAMODB_TIMEOUTS = { requestMs: 60_000, socketMs: 60_000 };
/**
 * Standard retries, not adaptive: adaptive mode throttles the whole client
 * after a few throttled requests, which starves a bulk load. The direct
 * engine retries throttled and unprocessed writes itself, with backoff; the
 * SDK's own attempts, and why a timeout is never one of them, are in sdk-retry.ts.
 */
function createDynamoDbClient(settings, timeouts = DYNAMODB_TIMEOUTS) {
    const client = new dist_cjs/* DynamoDBClient */.MGV({
        region: settings.region,
        maxAttempts: SDK_ATTEMPTS,
        retryStrategy: sdkRetryStrategy(),
        requestHandler: {
            requestTimeout: timeouts.requestMs,
            socketTimeout: timeouts.socketMs,
            connectionTimeout: 5_000,
            throwOnRequestTimeout: true,
        },
        customUserAgent: [user_agent/* USER_AGENT */._],
        ...(settings.endpointUrl === undefined ? {} : { endpoint: settings.endpointUrl }),
    });
    // The SDK's logger middleware copies every request (each item of each
    // BatchWriteItem, filtered for sensitive fields) for its default logger,
    // which discards it: 8% of the CPU of applying changes. The action logs itself.
    client.middlewareStack.remove('loggerMiddleware');
    (0,endpoint_note/* noteEndpoint */.g)(client.middlewareStack);
    return client;
}

// EXTERNAL MODULE: ./src/constants.ts
var constants = __webpack_require__(27242);
;// CONCATENATED MODULE: ./src/aws/errors.ts
// AWS exceptions as sentences a person can act on, for both engines: what
// was asked of which resource, what AWS said, and what to do about it.


const ADVICE = {
    AccessDeniedException: 'the role running this step lacks a permission; see the Permissions section of the README for the policy each mode needs',
    AccessDenied: 'the role running this step lacks a permission on the bucket; see the Permissions section of the README for the policy each mode needs',
    UnrecognizedClientException: 'the credentials are not valid for this region; check aws-region and the credentials step',
    InvalidAccessKeyId: 'the credentials are not valid; check the credentials step',
    ResourceInUseException: 'the table already exists, and ImportTable only creates new tables; delete it, choose another table-name, or use engine: direct with existing-table: merge',
    TableNotFoundException: 'the table does not exist in this account and region',
    ResourceNotFoundException: 'the table or job does not exist in this account and region',
    NoSuchBucket: 'the bucket does not exist, or is in another account; check bucket (and bucket-owner)',
    PointInTimeRecoveryUnavailableException: 'point-in-time recovery is not enabled on the table, and exports need it',
    InvalidExportTimeException: 'the export time is outside the table\u2019s point-in-time recovery window',
    ExportConflictException: 'an export with the same client token but a different request exists; change client-token or leave it empty',
    ImportConflictException: 'an import with the same client token but a different request exists; change client-token or leave it empty',
    LimitExceededException: 'too many imports or exports are running in this account; wait for some to finish',
    ValidationException: 'AWS refused the request as invalid',
    UnknownOperationException: 'this endpoint does not implement the operation: the managed engine needs AWS itself (DynamoDB Local and LocalStack lack ImportTable and ExportTableToPointInTime); use engine: direct',
};
/** A connection that could not be made, or was cut: the endpoint is at fault, not the request. */
const CONNECTION_FAILURES = new Set([
    'ECONNREFUSED',
    'ECONNRESET',
    'ECONNABORTED',
    'EPIPE',
    'EHOSTUNREACH',
    'ENETUNREACH',
    'ENOTFOUND',
    'EAI_AGAIN',
]);
function isConnectionFailure(error) {
    if (CONNECTION_FAILURES.has(errorName(error)))
        return true;
    const e = error;
    if (e?.code !== undefined && CONNECTION_FAILURES.has(e.code))
        return true;
    if (e?.cause?.code !== undefined && CONNECTION_FAILURES.has(e.cause.code))
        return true;
    // The SDK's connect timeout: no connection within its 5 s.
    return e?.name === 'TimeoutError' && /establish a connection/.test(e.message ?? '');
}
/**
 * A connection failure that outlived the retries as ENDPOINT_UNAVAILABLE,
 * naming the endpoint (as the README promises); anything else as it is.
 */
function unreachable(error, operation = 'A request') {
    if (error instanceof errors/* TransferError */.aG || !isConnectionFailure(error))
        return error;
    return new errors/* TransferError */.aG('ENDPOINT_UNAVAILABLE', `${operation} failed with ${errorName(error)}${atEndpoint(error)} (${messageOf(error)}) after every retry: the endpoint could not be reached, or dropped the connection. Check that the service is up and that endpoint-url, s3-endpoint-url or the region name it.`);
}
/** Wraps an AWS error thrown by `operation` (such as `DescribeTable of Orders`) in a TransferError with advice. */
function explain(error, operation, code = 'AWS_ERROR') {
    if (error instanceof errors/* TransferError */.aG)
        return error;
    if (isConnectionFailure(error))
        return unreachable(error, operation);
    const name = errorName(error);
    const advice = ADVICE[name];
    return new errors/* TransferError */.aG(name === 'NoSuchBucket' ? 'BUCKET_NOT_FOUND' : code, `${operation} failed with ${name}: ${messageOf(error)}${advice === undefined ? '' : ` (${advice}).`}`);
}

;// CONCATENATED MODULE: ./src/aws/poll.ts
// One poll loop for AWS's jobs and for a table becoming ACTIVE: exponential
// backoff with jitter from the first interval up to a cap, a deadline checked
// before every sleep, an AbortSignal, and a progress callback. Unlike the
// SDK's waiters it fails fast on errors that cannot get better, and retries
// those that can (the one retry policy's list), remembering the last one so
// a poll that stays throttled says so.

async function pollUntil(options) {
    const random = options.random ?? Math.random;
    const maxInterval = options.maxIntervalMs ?? 60_000;
    let interval = options.firstIntervalMs;
    let state;
    let lastError;
    let errorsInARow = 0;
    const ended = (kind) => ({
        kind,
        state,
        ...(lastError === undefined ? {} : { lastError }),
    });
    for (;;) {
        if (options.signal?.aborted)
            return ended('aborted');
        try {
            state = await options.describe();
            lastError = undefined;
            errorsInARow = 0;
            options.onPoll(state);
            if (options.isFinal(state))
                return { kind: 'final', state };
        }
        catch (error) {
            if (!isRetryable(error))
                throw error;
            errorsInARow += 1;
            if (errorsInARow >= (options.maxConsecutiveErrors ?? Number.POSITIVE_INFINITY))
                throw error;
            lastError = `${errorName(error)}: ${messageOf(error)}`;
        }
        // Jitter between half and the whole interval, so parallel jobs do not poll in step.
        const delay = Math.round(interval * (0.5 + random() / 2));
        if (options.now() + delay > options.deadline)
            return ended('deadline');
        try {
            await options.sleep(delay, options.signal);
        }
        catch {
            return ended('aborted');
        }
        interval = Math.min(maxInterval, interval * 2);
    }
}
/** A sleep that ends early, with a rejection, when the signal aborts. */
function abortableSleep(ms, signal) {
    return new Promise((resolve, reject) => {
        if (signal?.aborted)
            return reject(new Error('aborted'));
        const timer = setTimeout(() => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
        }, ms);
        const onAbort = () => {
            clearTimeout(timer);
            reject(new Error('aborted'));
        };
        signal?.addEventListener('abort', onAbort, { once: true });
    });
}

;// CONCATENATED MODULE: ./src/aws/table.ts
// Table operations both engines and the engine choice share: describe,
// create and wait until ACTIVE, and the key schema in the forms the action
// uses.





/** The table, or undefined when it does not exist; any other failure is explained. */
async function describeTable(dynamodb, name) {
    try {
        return (await dynamodb.send(new dist_cjs/* DescribeTableCommand */.h8C({ TableName: name }))).Table;
    }
    catch (error) {
        if (errorName(error) === 'ResourceNotFoundException')
            return undefined;
        if (isRetryable(error))
            throw error; // for the caller's retries and polls
        throw explain(error, `DescribeTable of ${name}`);
    }
}
/** The table's own key attribute names: HASH first, then RANGE. */
function primaryKeyNames(table) {
    const keys = table.KeySchema ?? [];
    return ['HASH', 'RANGE'].flatMap((type) => keys.filter((k) => k.KeyType === type).map((k) => k.AttributeName ?? ''));
}
/** `pk:S`, `sk:N`: the table's keys as the partition-key and sort-key inputs take them. */
function keySchemaOf(table) {
    const type = (name) => table.AttributeDefinitions?.find((d) => d.AttributeName === name)?.AttributeType ?? 'S';
    return primaryKeyNames(table).map((name) => `${name}:${type(name)}`);
}
async function createTable(parameters, deps, timeoutMs) {
    if (parameters.KeySchema === undefined || parameters.AttributeDefinitions === undefined) {
        throw new errors/* TransferError */.aG('NO_KEY_SCHEMA', `Table ${parameters.TableName} does not exist, and there is no key schema to create it with: give partition-key (and sort-key) or table-creation-parameters.`);
    }
    deps.log(`Creating table ${parameters.TableName} (${describeKeys(parameters)})`);
    try {
        await deps.dynamodb.send(new dist_cjs/* CreateTableCommand */.IxS({
            ...parameters,
            TableName: parameters.TableName,
            KeySchema: parameters.KeySchema,
            AttributeDefinitions: parameters.AttributeDefinitions,
        }));
    }
    catch (error) {
        throw explain(error, `CreateTable of ${parameters.TableName}`);
    }
    return waitUntilActive(parameters.TableName, deps, timeoutMs);
}
function describeKeys(parameters) {
    const type = (name) => parameters.AttributeDefinitions?.find((d) => d.AttributeName === name)?.AttributeType;
    const keys = (parameters.KeySchema ?? [])
        .map((k) => `${k.AttributeName}:${type(k.AttributeName)} ${k.KeyType}`)
        .join(', ');
    const indexes = parameters.GlobalSecondaryIndexes?.length ?? 0;
    return `${keys}${indexes > 0 ? `, ${indexes} global secondary index(es)` : ''}, ${parameters.BillingMode ?? 'PAY_PER_REQUEST'}`;
}
/** Polls until the table and every global secondary index are ACTIVE. */
async function waitUntilActive(name, deps, timeoutMs) {
    const outcome = await pollUntil({
        describe: () => describeTable(deps.dynamodb, name),
        isFinal: (table) => table?.TableStatus === 'ACTIVE' &&
            (table.GlobalSecondaryIndexes ?? []).every((index) => index.IndexStatus === 'ACTIVE'),
        onPoll: () => undefined,
        firstIntervalMs: 250,
        maxIntervalMs: 5000,
        // A table being created is polled for minutes at most; an endpoint that stops answering is not waited on for hours.
        maxConsecutiveErrors: 10,
        deadline: deps.now() + timeoutMs,
        signal: deps.signal,
        sleep: deps.sleep,
        now: deps.now,
    }).catch((error) => {
        throw explain(error, `DescribeTable of ${name}, waiting for it to become ACTIVE`, 'ENDPOINT_UNAVAILABLE');
    });
    if (outcome.kind === 'final' && outcome.state !== undefined)
        return outcome.state;
    throw new errors/* TransferError */.aG(outcome.kind === 'aborted' ? 'CANCELLED' : 'TABLE_NOT_ACTIVE', outcome.kind === 'aborted'
        ? `The step was cancelled while table ${name} was being created; nothing was written.`
        : `Table ${name} is not ACTIVE after ${Math.round(timeoutMs / 1000)}s (status ${outcome.state?.TableStatus ?? 'missing'}); nothing was written.`);
}

;// CONCATENATED MODULE: ./src/aws/capacity.ts
// The capacity budget (max-capacity): one token bucket shared by every worker
// of a run. A request is charged its estimate before it is sent and settled
// with what DynamoDB reports after, so the rate holds whatever the item sizes.
// A request waits until the bucket holds its whole estimate, never overdrawing
// it: a batch of 400 KB items worth many seconds of the budget waits those
// seconds before it goes, rather than going at once and leaving the debt to
// the requests after it (8 items of 395 KB once took 3,168 units in 0.59 s
// under a budget of 200 a second).
class TokenBucket {
    /** Units available; negative is debt that later requests wait out. */
    tokens = 0;
    last;
    queue = Promise.resolve();
    /** Units per second. */
    rate;
    clock;
    constructor(rate, clock) {
        this.rate = rate;
        this.clock = clock;
        // Starts empty, not full: a run's first second must not be a burst of a second's worth on top of the rate.
        this.last = clock.now();
    }
    /** Waits its turn (first come, first served) until the bucket holds `units`, then takes them. */
    take(units) {
        const turn = this.queue.then(async () => {
            // Idle time before this turn saves at most a second's worth; time spent waiting in it, all the request needs.
            this.refill(this.rate);
            // A hair under: the wait is rounded up to whole milliseconds, the units are not.
            while (this.tokens < units - 1e-9) {
                await this.clock.wait(Math.max(1, Math.ceil(((units - this.tokens) / this.rate) * 1000)));
                this.refill(Math.max(this.rate, units));
            }
            this.tokens -= units;
        });
        this.queue = turn.catch(() => undefined);
        return turn;
    }
    /** What DynamoDB reported against what was charged: the difference goes back (or is owed). */
    settle(charged, consumed) {
        this.refill(this.rate);
        this.tokens += charged - consumed;
    }
    /**
     * Idle time saves at most one second's worth (`cap`), so a pause is never
     * followed by a long burst; a request larger than that saves up for itself
     * alone while it waits its turn (the queue holds the others back meanwhile).
     */
    refill(cap) {
        const now = this.clock.now();
        this.tokens = Math.min(cap, this.tokens + ((now - this.last) / 1000) * this.rate);
        this.last = now;
    }
}
/** Write units of one item: 1 KB units rounded up per item. */
function writeUnits(bytes) {
    return Math.max(1, Math.ceil(bytes / 1024));
}
/** Read units of a page of `bytes`: 4 KB units rounded up over the page; eventually consistent reads cost half. */
function readUnits(bytes, consistent) {
    const units = Math.max(1, Math.ceil(bytes / 4096));
    return consistent ? units : units / 2;
}

;// CONCATENATED MODULE: ./src/aws/rate.ts
// AIMD concurrency, with or without a budget: a throttled request halves the
// requests allowed in flight, each success raises the limit by 1/limit (about
// one more request per round of successes), as TCP does. A burst of throttled
// answers to requests sent together halves the limit once, not once each.
class Aimd {
    limit;
    inFlight = 0;
    sent = 0;
    /** Requests sent up to this one saw the last halving already. */
    halvedAt = 0;
    waiting = [];
    max;
    constructor(max) {
        this.max = max;
        this.limit = max;
    }
    /** Requests allowed in flight now. */
    get allowed() {
        return Math.max(1, Math.floor(this.limit));
    }
    /** Waits for a place; returns the request's ticket for `throttled` and `succeeded`. */
    async acquire() {
        while (this.inFlight >= this.allowed)
            await new Promise((resolve) => this.waiting.push(resolve));
        this.inFlight += 1;
        this.sent += 1;
        return this.sent;
    }
    release() {
        this.inFlight -= 1;
        this.wake();
    }
    throttled(ticket) {
        if (ticket <= this.halvedAt)
            return; // sent before the last halving: already accounted for
        this.limit = Math.max(1, this.limit / 2);
        this.halvedAt = this.sent;
    }
    succeeded() {
        if (this.limit >= this.max)
            return;
        this.limit = Math.min(this.max, this.limit + 1 / this.limit);
        this.wake();
    }
    wake() {
        // Every waiter checks the limit again; the ones without a place wait on.
        for (const next of this.waiting.splice(0))
            next();
    }
}

;// CONCATENATED MODULE: ./src/aws/meter.ts
// Every metered request goes through here: AIMD decides how many are in
// flight, the budget's bucket (when max-capacity is set) how fast they start,
// and what DynamoDB reports as consumed is added up by kind and by second for
// the outputs and the summary's chart.



class Meter {
    budget;
    bucket;
    aimd;
    now;
    started;
    consumed = { read: 0, write: 0 };
    perSecond = [];
    throttled = 0;
    constructor(options) {
        this.budget = options.budget;
        this.now = options.now;
        this.started = options.now();
        this.aimd = new Aimd(options.concurrency);
        this.bucket =
            options.budget === undefined
                ? undefined
                : new TokenBucket(options.budget, { now: options.now, wait: options.wait });
    }
    /** True when estimates matter: without a budget nothing is charged, so nothing is estimated. */
    get budgeted() {
        return this.bucket !== undefined;
    }
    /** One request: a place in flight, its estimate charged, then settled with what DynamoDB reported. */
    async send(kind, estimate, call) {
        const ticket = await this.aimd.acquire();
        let charged = 0;
        try {
            if (this.bucket !== undefined) {
                await this.bucket.take(estimate);
                charged = estimate;
            }
            const { result, consumed, throttled, attempts } = await call();
            if (consumed !== undefined)
                this.record(kind, consumed);
            this.bucket?.settle(charged, consumed ?? charged);
            // The SDK retries a throttled request itself before answering: those attempts count too.
            const refused = Math.max(0, (attempts ?? 1) - 1) + (throttled === true ? 1 : 0);
            if (refused > 0)
                this.throttle(ticket, refused);
            else
                this.aimd.succeeded();
            return result;
        }
        catch (error) {
            this.bucket?.settle(charged, 0); // a refused request consumes nothing
            if (isThrottling(error))
                this.throttle(ticket, attemptsOf(error));
            throw error;
        }
        finally {
            this.aimd.release();
        }
    }
    report() {
        return {
            readUnits: round(this.consumed.read),
            writeUnits: round(this.consumed.write),
            throttled: this.throttled,
            ...(this.budget === undefined ? {} : { budget: this.budget }),
            perSecond: Array.from(this.perSecond, (units) => round(units ?? 0)),
            seconds: (this.now() - this.started) / 1000,
        };
    }
    throttle(ticket, requests) {
        this.throttled += requests;
        this.aimd.throttled(ticket);
    }
    record(kind, units) {
        this.consumed[kind] += units;
        const second = Math.max(0, Math.floor((this.now() - this.started) / 1000));
        this.perSecond[second] = (this.perSecond[second] ?? 0) + units;
    }
}
function attemptsOf(error) {
    return Math.max(1, sdkAttempts(error) ?? 1);
}
/** The SDK's attempts for an answer or an error; undefined when it carries no metadata (a stand-in, a mock). */
function sdkAttempts(answer) {
    return answer?.$metadata?.attempts;
}
/** Half units (eventually consistent reads) add up exactly; anything finer is float noise. */
function round(units) {
    return Math.round(units * 1000) / 1000;
}
/** The units of a ConsumedCapacity answer (one object, or one per table). */
function unitsOf(consumed) {
    if (consumed === undefined)
        return undefined;
    const list = Array.isArray(consumed) ? consumed : [consumed];
    if (list.length === 0)
        return undefined;
    return list.reduce((sum, c) => sum + (c.CapacityUnits ?? 0), 0);
}
/** No budget: AIMD and the tally only (tests and callers that pass no meter). */
function unmetered(concurrency, now) {
    return new Meter({ budget: undefined, concurrency, now, wait: () => Promise.resolve() });
}

;// CONCATENATED MODULE: ./src/direct/budget.ts
// max-capacity as units per second: a number as given, or a share of the
// table's provisioned capacity (reads for an export or a comparison, writes
// for an import or a restore), or of its on-demand maximum throughput.
// Settled before any work of its phase, since a share needs DescribeTable.




/**
 * Units per second, or undefined without a budget. `table` is the table as it
 * is (or as the import would create it); undefined when neither is known.
 */
function resolveBudget(max, kind, table) {
    if (max === undefined)
        return undefined;
    if ('units' in max)
        return max.units;
    const name = table.TableName ?? 'the table';
    const provisioned = kind === 'read' ? table.ProvisionedThroughput?.ReadCapacityUnits : table.ProvisionedThroughput?.WriteCapacityUnits;
    const onDemand = (table.BillingModeSummary?.BillingMode ?? table.BillingMode) === 'PAY_PER_REQUEST' ||
        provisioned === undefined ||
        provisioned <= 0;
    let base = provisioned ?? 0;
    let what = `${kind} capacity`;
    if (onDemand) {
        const limit = kind === 'read' ? table.OnDemandThroughput?.MaxReadRequestUnits : table.OnDemandThroughput?.MaxWriteRequestUnits;
        // -1 (or nothing) means the on-demand table has no maximum to take a share of.
        if (limit === undefined || limit <= 0) {
            throw new errors/* TransferError */.aG('INVALID_INPUT', `Input "max-capacity" is "${max.percent}%", but ${name} is on-demand (no provisioned ${kind} capacity and no on-demand maximum throughput) so a share means nothing; give a number of ${kind} units per second instead, such as "100". Nothing was read or written.`);
        }
        base = limit;
        what = `on-demand maximum ${kind} throughput`;
    }
    const units = (base * max.percent) / 100;
    if (units < 0.5) {
        throw new errors/* TransferError */.aG('INVALID_INPUT', `Input "max-capacity" is "${max.percent}%" of ${name}'s ${base} ${what}, under half a unit per second; give a larger share or a number. Nothing was read or written.`);
    }
    return units;
}
function describeBudget(max, units, kind) {
    const given = 'units' in max ? `max-capacity: ${max.units}` : `max-capacity: ${max.percent}%`;
    return `Capacity budget: ${units} ${kind} unit(s) per second (${given}).`;
}
/**
 * The meter of one phase of work on `tableName` (an import or restore writes,
 * an export or a comparison reads): its budget settled before any work; a
 * share is refused when the table has nothing to share. `planned` stands in
 * for a table the work will create.
 */
async function meterFor(plan, kind, tableName, deps, planned) {
    let budget;
    if (plan.maxCapacity !== undefined) {
        const table = 'percent' in plan.maxCapacity
            ? ((await describeTable(deps.dynamodb, tableName)) ?? { ...planned, TableName: tableName })
            : { TableName: tableName };
        budget = resolveBudget(plan.maxCapacity, kind, table);
        if (budget !== undefined)
            deps.log(describeBudget(plan.maxCapacity, budget, kind));
    }
    return new Meter({ budget, concurrency: plan.concurrency, now: deps.now, wait: (ms) => pause(ms, deps) });
}
/** A second phase's capacity (a comparison after the work) added to the first's; the chart runs on. */
function addCapacity(first, then) {
    if (first === undefined)
        return then;
    const budget = first.budget ?? then.budget;
    return {
        readUnits: first.readUnits + then.readUnits,
        writeUnits: first.writeUnits + then.writeUnits,
        throttled: first.throttled + then.throttled,
        ...(budget === undefined ? {} : { budget }),
        perSecond: [...first.perSecond, ...then.perSecond],
        seconds: first.seconds + then.seconds,
    };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
;// CONCATENATED MODULE: ./src/formats/item-checks.ts
// The checks DynamoDB makes on every item before writing it, with AWS's own
// wording, so a bad item is caught here with its location instead of failing
// a whole batch later.
const MAX_ITEM_BYTES = 400 * 1024;
/** The most bytes a key value may have: a partition key's, and a sort key's (the table's or an index's). */
const MAX_PARTITION_KEY_BYTES = 2048;
const MAX_SORT_KEY_BYTES = 1024;
function keyChecksFrom(definitions) {
    const typeOf = (name) => (definitions.AttributeDefinitions?.find((d) => d.AttributeName === name)?.AttributeType ??
        'S');
    const checks = (definitions.KeySchema ?? []).map((k) => ({
        name: k.AttributeName ?? '',
        type: typeOf(k.AttributeName),
    }));
    const indexes = [...(definitions.GlobalSecondaryIndexes ?? []), ...(definitions.LocalSecondaryIndexes ?? [])];
    for (const index of indexes) {
        for (const key of index.KeySchema ?? []) {
            if (checks.some((c) => c.name === key.AttributeName))
                continue;
            checks.push({ name: key.AttributeName ?? '', type: typeOf(key.AttributeName), index: index.IndexName ?? '' });
        }
    }
    // A sort key anywhere, the table's or an index's, holds at most 1024 bytes.
    const sortKeys = [definitions, ...indexes].flatMap((d) => (d.KeySchema ?? []).filter((k) => k.KeyType === 'RANGE').map((k) => k.AttributeName));
    for (const check of checks)
        if (sortKeys.includes(check.name))
            check.maxBytes = MAX_SORT_KEY_BYTES;
    return checks;
}
/** The first problem with an item, or undefined when DynamoDB would accept it. */
function checkItem(item, keys, textLength) {
    for (const key of keys) {
        const value = item[key.name];
        if (value === undefined) {
            if (key.index !== undefined)
                continue;
            return {
                code: 'MISSING_KEY',
                message: `One or more parameter values were invalid: Missing the key ${key.name} in the item`,
            };
        }
        const actual = scalarType(value);
        if (actual !== key.type) {
            return {
                code: 'KEY_TYPE_MISMATCH',
                message: key.index === undefined
                    ? `One or more parameter values were invalid: Type mismatch for key ${key.name} expected: ${key.type} actual: ${actual}`
                    : `One or more parameter values were invalid: Type mismatch for Index Key ${key.name} Expected: ${key.type} Actual: ${actual} IndexName: ${key.index}`,
            };
        }
        if ((value.S !== undefined && value.S.length === 0) || (value.B !== undefined && value.B.byteLength === 0)) {
            return {
                code: 'EMPTY_KEY',
                message: `One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty ${value.S === undefined ? 'binary' : 'string'} value. Key: ${key.name}`,
            };
        }
        const over = keyOverLimit(value, key);
        if (over !== undefined)
            return { code: 'KEY_TOO_LARGE', message: over };
    }
    // The source text is never smaller than a fifth of the item's size, so
    // short records cannot be over the limit and skip the exact count.
    if (textLength * 5 < MAX_ITEM_BYTES)
        return undefined;
    const size = itemSize(item);
    if (size > MAX_ITEM_BYTES) {
        return {
            code: 'ITEM_TOO_LARGE',
            message: `Item size has exceeded the maximum allowed size (${size} bytes; the limit is ${MAX_ITEM_BYTES})`,
        };
    }
    return undefined;
}
/** Why a key value is larger than DynamoDB takes, or undefined when it is not (numbers never are). */
function keyOverLimit(value, key) {
    const max = key.maxBytes ?? MAX_PARTITION_KEY_BYTES;
    // A character is at most 3 UTF-8 bytes (a surrogate pair 4 for 2): a short string needs no count.
    const size = value.B !== undefined
        ? value.B.byteLength
        : value.S !== undefined && value.S.length * 3 > max
            ? utf8Length(value.S)
            : 0;
    if (size <= max)
        return undefined;
    const what = max === MAX_SORT_KEY_BYTES ? 'a sort key' : 'a partition key';
    const index = key.index === undefined ? '' : ` of index ${key.index}`;
    return `One or more parameter values were invalid: the key ${key.name}${index} is ${size} bytes, over DynamoDB's limit of ${max} bytes for ${what}`;
}
function scalarType(value) {
    return Object.keys(value).find((k) => value[k] !== undefined) ?? '?';
}
const utf8 = new TextEncoder();
/** An item's size as DynamoDB counts it: names and values, with container overheads. */
function itemSize(item) {
    let size = 0;
    for (const [name, value] of Object.entries(item))
        size += utf8Length(name) + valueSize(value);
    return size;
}
function valueSize(value) {
    if (value.S !== undefined)
        return utf8Length(value.S);
    if (value.N !== undefined)
        return numberSize(value.N);
    if (value.B !== undefined)
        return value.B.byteLength;
    if (value.BOOL !== undefined || value.NULL !== undefined)
        return 1;
    if (value.SS !== undefined)
        return value.SS.reduce((sum, s) => sum + utf8Length(s), 0);
    if (value.NS !== undefined)
        return value.NS.reduce((sum, n) => sum + numberSize(n), 0);
    if (value.BS !== undefined)
        return value.BS.reduce((sum, b) => sum + b.byteLength, 0);
    if (value.L !== undefined)
        return 3 + value.L.reduce((sum, v) => sum + 1 + valueSize(v), 0);
    if (value.M !== undefined)
        return 3 + Object.entries(value.M).reduce((sum, [k, v]) => sum + 1 + utf8Length(k) + valueSize(v), 0);
    return 0;
}
/** One byte per two significant digits, plus one. */
function numberSize(text) {
    const digits = text
        .replace(/[eE].*$/, '')
        .replace(/[^0-9]/g, '')
        .replace(/^0+/, '')
        .replace(/0+$/, '');
    return Math.ceil(digits.length / 2) + 1;
}
function utf8Length(text) {
    // Most names and values are ASCII: count without encoding when they are.
    // eslint-disable-next-line no-control-regex
    return /^[\x00-\x7f]*$/.test(text) ? text.length : utf8.encode(text).byteLength;
}

;// CONCATENATED MODULE: ./src/markdown.ts
// Escaping for text from the data (table names, keys, messages) placed in
// the job summary, so that a `|` or `<script>` in a name cannot break it.
const HTML = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
/** Text safe inside a Markdown table cell or a heading. */
function escapeMarkdown(text) {
    return text
        .replace(/[&<>"]/g, (c) => HTML[c] ?? c)
        .replace(/([\\`*_[\]#|~])/g, '\\$1')
        .replace(/\r?\n/g, '<br>');
}
const CODE_ENTITIES = {
    ...HTML,
    '|': '&#124;',
    '`': '&#96;',
    '*': '&#42;',
    '[': '&#91;',
    ']': '&#93;',
    '~': '&#126;',
    '\\': '&#92;',
};
/**
 * Text shown as code. HTML `<code>` rather than backticks, because a backtick
 * in the text would end a code span; Markdown still applies inside HTML, so
 * every character it would act on becomes an entity.
 */
function code(text) {
    // An underscore inside a word (MISSING_KEY) cannot start emphasis and stays readable.
    const escaped = text
        .replace(/[&<>"|`*[\]~\\]/g, (c) => CODE_ENTITIES[c] ?? c)
        .replace(/(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g, '&#95;');
    return `<code>${escaped.replace(/\r?\n/g, ' ')}</code>`;
}
function table(header, rows) {
    const line = (cells) => `| ${cells.join(' | ')} |`;
    return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
/**
 * Two columns of names and values: the first pair is the header row, so
 * GitHub draws no empty header above them.
 */
function keyValueTable(rows) {
    const [first, ...rest] = rows;
    return first === undefined ? '' : table(first, rest);
}
/**
 * Text from the data cut to a length a person can read: item content echoed
 * in a message (a 400 MB number, a 10,000-level map) must never reach the log,
 * an annotation or the summary whole.
 */
function clip(text, max = MAX_SHOWN_CHARACTERS) {
    if (text.length <= max)
        return text;
    return `${text.slice(0, max - 1)}… (${(text.length - max + 1).toLocaleString('en-US')} more characters)`;
}
const MAX_SHOWN_CHARACTERS = 500;

;// CONCATENATED MODULE: ./src/summary-capacity.ts
// The summary's capacity section (direct engine): the units consumed as
// DynamoDB reported them, the average rate, the throttled requests, and a
// Mermaid xychart of units per second against the budget line, which GitHub
// renders in a job summary.

/** A chart of more seconds than this shows each point as the average of several seconds. */
const MAX_POINTS = 60;
function capacitySection(c) {
    const units = c.readUnits + c.writeUnits;
    const average = c.seconds > 0 ? units / c.seconds : 0;
    const rows = [
        ['**Read units consumed**', format(c.readUnits)],
        ['**Write units consumed**', format(c.writeUnits)],
        [
            '**Average rate**',
            `${format(average)} units/s${c.budget === undefined ? '' : ` (budget ${format(c.budget)} units/s)`}`,
        ],
        ['**Throttled requests**', c.throttled.toLocaleString('en-US')],
    ];
    const parts = [`### Capacity\n\n${keyValueTable(rows)}`];
    const chart = capacityChart(c);
    if (chart !== undefined)
        parts.push(chart);
    return parts.join('\n\n');
}
/** Units per second over the run, with the budget as a line; undefined for a run too short to chart. */
function capacityChart(c) {
    if (c.perSecond.length < 2)
        return undefined;
    const step = Math.ceil(c.perSecond.length / MAX_POINTS);
    const points = [];
    const labels = [];
    for (let i = 0; i < c.perSecond.length; i += step) {
        const slice = c.perSecond.slice(i, i + step);
        points.push(Math.round((slice.reduce((sum, u) => sum + u, 0) / slice.length) * 10) / 10);
        labels.push(String(i));
    }
    const top = Math.max(...points, c.budget ?? 0) * 1.1 || 1;
    const title = c.budget === undefined
        ? 'Capacity units consumed per second'
        : `Units consumed per second (bars) against the budget of ${format(c.budget)} (line)`;
    const lines = [
        '```mermaid',
        // GitHub's default palette draws the bars in a pale grey; a saturated blue and a red budget line read at a glance.
        '%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "#0969da, #cf222e"}}}}%%',
        'xychart-beta',
        `  title "${title}"`,
        `  x-axis "seconds" [${labels.join(', ')}]`,
        `  y-axis "units per second" 0 --> ${Math.ceil(top)}`,
        `  bar [${points.join(', ')}]`,
    ];
    if (c.budget !== undefined)
        lines.push(`  line [${points.map(() => c.budget).join(', ')}]`);
    lines.push('```');
    return lines.join('\n');
}
function format(n) {
    return n.toLocaleString('en-US', { maximumFractionDigits: 1 });
}

;// CONCATENATED MODULE: ./src/summary-chain.ts
// The job summary's part for a restore from exports: the counts of changes,
// the chain as a timeline table (export, type, window, engine, puts, deletes,
// errors) and as a Mermaid gantt chart of the windows, which GitHub renders
// in job summaries, with any gap marked. Text from manifests (table ARNs,
// folders) goes only into escaped table cells; the chart holds only export
// ids (checked against AWS's pattern when found), times and fixed words.

/** A month of hourly exports fits; past this, the table and chart show the last ones and say how many are left out. */
const MAX_ROWS = 200;
const MAX_BARS = 100;
const n = (value) => (value === undefined ? '' : value.toLocaleString('en-US'));
function renderChain(result) {
    const chain = result.chain;
    if (chain === undefined)
        return undefined;
    const parts = [`### ${chain.direction === 'apply' ? 'Restore chain' : 'Reverted windows'}`, headline(result, chain)];
    if (chain.notes.length > 0)
        parts.push(chain.notes.map((note) => `- ${escapeMarkdown(clip(note, 2000))}`).join('\n'));
    parts.push(timeline(chain));
    const leftOut = leftOutTable(chain);
    if (leftOut !== undefined)
        parts.push(leftOut);
    parts.push(gantt(chain));
    return parts.join('\n\n');
}
function headline(result, chain) {
    const counts = `**${n(result.putCount)}** put, **${n(result.deleteCount)}** deleted, **${n(result.errorCount)}** error(s) of ${n(result.processedItemCount)} record(s)`;
    const target = chain.gap !== undefined ? 'Not restored' : result.restoredTo === undefined ? 'Restore point' : 'Restored to';
    const requested = chain.requested === undefined ? 'restore-to: latest' : `restore-to: ${chain.requested}`;
    return `${target}: **${chain.restoredTo}** (${requested}), exports of ${code(clip(chain.tableArn, 300))}. ${counts}.`;
}
function timeline(chain) {
    const shown = chain.rows.slice(-MAX_ROWS);
    const rows = shown.map((r, i) => [
        String(chain.rows.length - shown.length + i + 1),
        code(r.id),
        r.type === 'FULL_EXPORT' ? 'full' : `incremental (${r.view ?? ''})`,
        r.type === 'FULL_EXPORT' ? `as of ${r.from}` : `${r.from} → ${r.to}`,
        r.action,
        r.engine ?? '',
        n(r.counts?.puts),
        n(r.counts?.deletes),
        n(r.counts?.errors),
        r.state,
    ]);
    const header = ['#', 'Export', 'Type', 'Window (UTC)', 'Action', 'Engine', 'Puts', 'Deletes', 'Errors', 'State'];
    const more = chain.rows.length > shown.length
        ? `\n\nThe first ${n(chain.rows.length - shown.length)} export(s) are not shown; the log lists them all.`
        : '';
    const gap = chain.gap === undefined
        ? ''
        : `\n\n**Gap:** no export covers ${chain.gap.from} → ${chain.gap.to}, between ${code(chain.gap.after)} and ${code(chain.gap.before)}.`;
    return `${table(header, rows)}${more}${gap}`;
}
function leftOutTable(chain) {
    if (chain.leftOut.length === 0 && chain.unfinished.length === 0)
        return undefined;
    const rows = [
        ...chain.leftOut.map((l) => [code(l.id), code(clip(l.folder)), escapeMarkdown(clip(l.why))]),
        ...chain.unfinished.map((u) => ['', code(clip(u)), 'an export that has not finished (no manifest-summary.json)']),
    ];
    const shown = rows.slice(0, MAX_ROWS);
    const more = rows.length > shown.length ? `\n\nand ${n(rows.length - shown.length)} more.` : '';
    return `**Left out**\n\n${table(['Export', 'Folder', 'Why'], shown)}${more}`;
}
/** `2026-03-01T00:00:00.000Z` as the chart's dateFormat reads it. */
function chartTime(iso) {
    return iso.slice(0, 19).replace('T', ' ');
}
/** A Mermaid gantt of the windows applied, the full export as a milestone, a gap as a critical bar. */
function gantt(chain) {
    const bars = chain.rows.slice(-MAX_BARS);
    const lines = [
        '```mermaid',
        'gantt',
        `    title ${chain.direction === 'apply' ? 'Exports applied' : 'Windows reverted'} (UTC)`,
        '    dateFormat YYYY-MM-DD HH:mm:ss',
        '    axisFormat %m-%d %H:%M',
        '    section Exports',
        ...bars.map((row, i) => `    ${bar(row, i)}`),
    ];
    if (chain.gap !== undefined) {
        lines.push('    section Gap', `    no export :crit, gap, ${chartTime(chain.gap.from)}, ${chartTime(chain.gap.to)}`);
    }
    lines.push('```');
    return lines.join('\n');
}
function bar(row, index) {
    const state = row.state === 'failed' ? 'crit, ' : row.state === 'not applied' ? '' : 'done, ';
    if (row.type === 'FULL_EXPORT')
        return `full ${row.id} :milestone, ${state}e${index}, ${chartTime(row.from)}, 0d`;
    return `${row.id} :${state}e${index}, ${chartTime(row.from)}, ${chartTime(row.to)}`;
}

// EXTERNAL MODULE: ./src/parsing/values.ts
var parsing_values = __webpack_require__(12704);
;// CONCATENATED MODULE: ./src/summary-verify.ts
// The comparison of a table with a source in the job summary: a plain
// verdict, the counts, and the first differences with the attributes that
// differ. Keys and names are item content: clipped, and shown as code.

const summary_verify_n = (value) => value.toLocaleString('en-US');
/** Attribute names shown per difference before "and N more". */
const NAMES_SHOWN = 10;
const KEY_CHARS = 200;
const NAME_CHARS = 60;
/** One sentence: "the table matches the export: 1,000,000 items, 0 differences". */
function verdict(v) {
    const what = v.against === 'export' ? 'the export' : 'the source';
    const differences = v.missing + v.extra + v.different;
    const unreadable = v.unreadable === 0 ? '' : `; ${summary_verify_n(v.unreadable)} source record(s) could not be read as items and were not compared`;
    if (v.status === 'CANCELLED') {
        return `The comparison was cancelled after ${v.partitions.done} of ${v.partitions.total} partition(s): ${summary_verify_n(differences)} difference(s) so far${unreadable}.`;
    }
    if (v.status === 'FAILED') {
        return `The comparison did not finish (${v.failure ?? 'it failed'}): ${summary_verify_n(differences)} difference(s) so far${unreadable}.`;
    }
    if (differences === 0) {
        return `The table matches ${what}: ${summary_verify_n(v.matched)} item(s), 0 differences${unreadable}.`;
    }
    return `The table does not match ${what}: ${summary_verify_n(v.missing)} missing, ${summary_verify_n(v.extra)} extra, ${summary_verify_n(v.different)} different, ${summary_verify_n(v.matched)} matched${unreadable}.`;
}
function verificationSection(v) {
    const differences = v.missing + v.extra + v.different;
    const what = v.against === 'export' ? 'the export' : 'the source';
    const [mark, headline] = v.status === 'CANCELLED'
        ? ['⚠️', 'cancelled']
        : v.status === 'FAILED'
            ? ['❌', 'did not finish']
            : differences === 0 && v.unreadable === 0
                ? ['✅', `the table matches ${what}`]
                : differences === 0
                    ? ['❌', `${what} has unreadable records`]
                    : ['❌', `the table does not match ${what}`];
    const rows = [
        ['Compared with', code(v.source)],
        ['Items in the table', summary_verify_n(v.tableItems)],
        ['Records in the source', summary_verify_n(v.sourceRecords)],
        ['Matched', summary_verify_n(v.matched)],
        ['Missing from the table', summary_verify_n(v.missing)],
        ['Extra in the table', summary_verify_n(v.extra)],
        ['Different', summary_verify_n(v.different)],
        ['Unreadable source records', v.unreadable === 0 ? undefined : summary_verify_n(v.unreadable)],
        [
            'Repeated keys in the source',
            v.duplicateKeys === 0 ? undefined : `${summary_verify_n(v.duplicateKeys)} (the last one compared)`,
        ],
        ['Differences file', v.differences === undefined ? undefined : code(v.differences)],
    ];
    const shown = rows.filter((row) => row[1] !== undefined);
    const parts = [
        `### ${mark} Verification: ${headline}`,
        escapeMarkdown(clip(verdict(v), 2000)),
        keyValueTable(shown.map(([k, value]) => [`**${k}**`, value])),
    ];
    if (v.first.length > 0)
        parts.push(firstDifferences(v, differences));
    return parts.join('\n\n');
}
function firstDifferences(v, total) {
    const rows = v.first.map((d) => [d.kind, code(clip(d.key, KEY_CHARS)), attributeNames(d.attributes)]);
    const where = v.differences === undefined ? '' : `; all are in ${code(v.differences)}`;
    const rest = total > v.first.length ? `\n\n${summary_verify_n(total - v.first.length)} more not shown${where}.` : '';
    return `#### First differences (${v.first.length} of ${summary_verify_n(total)})\n\n${table(['Kind', 'Key', 'Attributes that differ'], rows)}${rest}`;
}
function attributeNames(names) {
    if (names.length === 0)
        return '';
    const shown = names.slice(0, NAMES_SHOWN).map((name) => code(clip(name, NAME_CHARS)));
    const more = names.length - shown.length;
    return `${shown.join(', ')}${more > 0 ? ` and ${summary_verify_n(more)} more` : ''}`;
}

;// CONCATENATED MODULE: ./src/summary.ts
// The job summary as Markdown: a pure function of the result, tested on its
// own against stored expected Markdown. Names and values from the data are
// escaped; links go to the AWS console only when the endpoints are AWS's.





const MAX_ERRORS_SHOWN = 10;
const WHAT = { export: 'Export', import: 'Import', validate: 'Validation', verify: 'Verification' };
/** GitHub refuses a step summary over 1 MiB; what the action writes stays well under it, whatever the input. */
const MAX_SUMMARY_BYTES = 512 * 1024;
const MAX_WARNINGS_SHOWN = 20;
function renderSummary(result, outcome) {
    const parts = [heading(result, outcome.ok), keyValueTable(detailRows(result))];
    if (result.capacity !== undefined)
        parts.push(capacitySection(result.capacity));
    // Whole, with its "what to do" half: the action's own sentences, whose data is clipped where it is quoted.
    if (!outcome.ok)
        parts.push(`**Why the step failed:** ${escapeMarkdown(clip(outcome.message, 1500))}`);
    const chain = renderChain(result);
    if (chain !== undefined)
        parts.push(chain);
    if (result.errors.length > 0)
        parts.push(errorSection(result));
    if (result.verification !== undefined)
        parts.push(verificationSection(result.verification));
    if (result.warnings !== undefined && result.warnings.length > 0) {
        const shown = result.warnings.slice(0, MAX_WARNINGS_SHOWN).map((w) => `- ${escapeMarkdown(clip(w))}`);
        const more = result.warnings.length - shown.length;
        parts.push(`### Warnings\n\n${shown.join('\n')}${more > 0 ? `\n- and ${count(more)} more` : ''}`);
    }
    if (result.checkpoint !== undefined && result.checkpoint.lines.length > 0)
        parts.push(checkpointSection(result.checkpoint));
    if (result.note !== undefined && result.note !== '')
        parts.push(escapeMarkdown(clip(result.note, 2000)));
    const snippet = importBackSnippet(result);
    if (snippet !== undefined)
        parts.push(snippet);
    return capped(`${parts.join('\n\n')}\n`);
}
/** A direct import's checkpoint: resumed from or not, and what was skipped. */
function checkpointSection(checkpoint) {
    const title = checkpoint.resumed ? '### Resumed' : '### Checkpoint';
    return `${title}\n\n${checkpoint.lines.map((line) => `- ${escapeMarkdown(clip(line))}`).join('\n')}`;
}
/** The last guard: names and locations are not clipped one by one, so the whole is. */
function capped(markdown) {
    if (Buffer.byteLength(markdown) <= MAX_SUMMARY_BYTES)
        return markdown;
    const cut = Buffer.from(markdown)
        .subarray(0, MAX_SUMMARY_BYTES - 200)
        .toString('utf8')
        .replace(/\uFFFD$/, '');
    return `${cut}\n\n_The summary was cut at ${formatBytes(MAX_SUMMARY_BYTES)}; the log has the rest._\n`;
}
/** The summary of a step that stopped before any work, such as on bad inputs. */
function renderStartFailure(message) {
    return `## ❌ dynamodb-s3-transfer did not start\n\n${escapeMarkdown(clip(message, 20_000))}\n\nNothing was read or written.\n`;
}
/** The summary of a step that failed during the work: what was done before stays, and a re-run is safe. */
function renderWorkFailure(mode, message) {
    const what = WHAT[mode] ?? mode;
    return `## ❌ ${what} failed\n\n${escapeMarkdown(clip(message, 20_000))}\n\nWhat was written before this point stays; the step can be re-run safely.\n`;
}
function heading(result, ok) {
    const what = WHAT[result.mode];
    const table = result.tableName === undefined ? '' : ` of ${code(result.tableName)}`;
    if (ok && result.status === 'IN_PROGRESS')
        return `## ⏳ ${what}${table} is in progress`;
    if (!ok)
        return `## ❌ ${what}${table} failed`;
    // Differences within max-errors pass the step, but a ✅ over a ❌ comparison would say there were none.
    const v = result.verification;
    const differences = v === undefined ? 0 : v.missing + v.extra + v.different + v.unreadable;
    if (differences > 0)
        return `## ⚠️ ${what}${table} completed, with ${count(differences)} difference(s) within max-errors`;
    return `## ✅ ${what}${table} completed`;
}
function detailRows(r) {
    // Verify's counts are in its own section.
    const counted = r.mode !== 'verify';
    const rows = [
        ['Mode', r.mode],
        ['Engine', `${r.engine} (${escapeMarkdown(r.engineReason)})`],
        ['Table', r.tableName === undefined ? undefined : code(r.tableName)],
        ['Source', place(r.source, r)],
        ['Destination', place(r.destination, r)],
        ['Job', r.jobArn === undefined ? undefined : linked(code(r.jobArn), jobLink(r))],
        ['Status', r.status],
        ['Items', counted ? count(r.itemCount) : undefined],
        ['Items processed', counted ? count(r.processedItemCount) : undefined],
        // Changes applied are puts and deletes: "imported" would count a delete as an item brought in.
        [
            r.mode === 'validate' ? 'Items valid' : 'Items imported',
            r.putCount === undefined ? count(r.importedItemCount) : undefined,
        ],
        ['Items put', count(r.putCount)],
        ['Items deleted', count(r.deleteCount)],
        ['Errors', counted ? count(r.errorCount) : undefined],
        [bytesLabel(r), r.processedSizeBytes === undefined ? undefined : formatBytes(r.processedSizeBytes)],
        ['Duration', (0,parsing_values/* formatDuration */.a3)(Math.round(r.durationSeconds * 1000))],
        ['Throughput', throughput(r)],
        ['Manifest', place(r.exportManifest, r)],
        ['Data', place(r.dataUrl, r)],
        ['Data files', count(r.fileCount)],
        ['Rejected items', place(r.rejectedItems, r)],
        ...(r.artifacts ?? []).map((a) => [`Artifact (${a.what})`, linked(code(a.name), a.url)]),
    ];
    return rows
        .filter((row) => row[1] !== undefined)
        .map(([k, v]) => [`**${k}**`, v]);
}
/** The byte counts of each mode and engine measure different things: say which. */
function bytesLabel(r) {
    if (r.engine === 'managed')
        return r.mode === 'export' ? 'Billed size' : 'Bytes processed by AWS';
    if (r.mode === 'verify')
        return 'Source bytes read (decompressed)';
    return r.mode === 'export' ? 'Bytes written (compressed)' : 'Bytes read (decompressed)';
}
/** A location as code, linked to the S3 console when it is an s3:// URL on AWS. */
function place(location, r) {
    if (location === undefined)
        return undefined;
    const s3 = /^s3:\/\/([^/]+)\/?(.*)$/.exec(location);
    if (s3 === null || r.consoleRegion === undefined)
        return code(location);
    const [, bucket, key] = s3;
    const page = key === undefined || key === '' || key.endsWith('/') ? 'buckets' : 'object';
    const url = `https://s3.console.aws.amazon.com/s3/${page}/${bucket}?region=${r.consoleRegion}&prefix=${encodeURIComponent(key ?? '')}`;
    return linked(code(location), url);
}
function jobLink(r) {
    if (r.consoleRegion === undefined || r.jobArn === undefined)
        return undefined;
    const page = r.mode === 'export' ? 'export-to-s3' : 'import-from-s3';
    return `https://${r.consoleRegion}.console.aws.amazon.com/dynamodbv2/home?region=${r.consoleRegion}#${page}`;
}
function linked(text, url) {
    return url === undefined ? text : `<a href="${url.replace(/"/g, '%22')}">${text}</a>`;
}
/**
 * The first errors as the summary and the log show them: a title, at most
 * MAX_ERRORS_SHOWN errors, and how many more there are and where they all
 * are (`quote` marks up that place).
 */
function firstErrors(r, quote) {
    const shown = r.errors.slice(0, MAX_ERRORS_SHOWN);
    const total = r.errorCount ?? r.errors.length;
    const where = r.rejectedItems === undefined ? '' : `; all are in ${quote(r.rejectedItems)}`;
    return {
        title: `First errors (${shown.length} of ${count(total)})`,
        shown,
        rest: total > shown.length ? `${count(total - shown.length)} more not shown${where}.` : undefined,
    };
}
function errorSection(r) {
    const { title, shown, rest } = firstErrors(r, code);
    const rows = shown.map((e) => [code(clip(e.location)), code(e.code), escapeMarkdown(clip(e.message))]);
    return `### ${title}\n\n${table(['Where', 'Code', 'Reason'], rows)}${rest === undefined ? '' : `\n\n${rest}`}`;
}
/**
 * For a completed export: the step that imports it back, ready to paste. An
 * incremental export holds change records, which ImportTable cannot read: its
 * step applies them with the direct engine, through its manifest, to the table
 * restored from the full export.
 */
function importBackSnippet(r) {
    if (r.mode !== 'export' || r.status !== 'COMPLETED' || r.dataUrl === undefined)
        return undefined;
    const changes = r.exportType === 'INCREMENTAL_EXPORT';
    const engine = changes ? 'direct' : r.engine;
    // The direct engine reads an export through its manifest; AWS's ImportTable reads its data/ folder.
    const folder = engine === 'managed' ? r.dataUrl : exportFolderUrl(r);
    const s3 = /^s3:\/\/([^/]+)\/(.*)$/.exec(folder);
    const where = s3 === null ? [`path: ${yamlScalar(folder)}`] : [`bucket: ${s3[1]}`, `prefix: ${yamlScalar(s3[2] ?? '')}`];
    const keys = r.keySchema ?? ['id:S'];
    const lines = [
        `- uses: ${r.uses ?? 'your-org/dynamodb-s3-transfer@v1'}`,
        '  with:',
        '    mode: import',
        `    table-name: ${yamlScalar(`${r.tableName ?? 'table'}-restored`)}`,
        ...where.map((w) => `    ${w}`),
        // Changes apply to an existing table, whose key schema is its own.
        ...(changes ? [] : [`    partition-key: ${yamlScalar(keys[0] ?? 'id:S')}`]),
        ...(changes || keys[1] === undefined ? [] : [`    sort-key: ${yamlScalar(keys[1])}`]),
        // Named either way: with auto, an S3 source would go to AWS's ImportTable, which reads data/ only.
        `    engine: ${engine}`,
        ...(r.endpointUrl === undefined ? [] : [`    endpoint-url: ${yamlScalar(r.endpointUrl)}`]),
        ...(s3 === null || r.s3EndpointUrl === undefined ? [] : [`    s3-endpoint-url: ${yamlScalar(r.s3EndpointUrl)}`]),
    ];
    const title = changes ? 'Apply it to a restored table' : 'Import it back';
    return `### ${title}\n\n\`\`\`yaml\n${lines.join('\n')}\n\`\`\``;
}
/** Where the export's manifests are, as a URL or path: the managed engine says; a direct export's is data/'s parent. */
function exportFolderUrl(r) {
    const folder = r.exportFolder;
    if (folder === undefined || r.engine === 'direct')
        return (r.dataUrl ?? '').replace(/data\/$/, '');
    return folder.kind === 's3' ? `s3://${folder.bucket}/${folder.prefix}` : folder.path;
}
function yamlScalar(text) {
    return /^[\w./:#-]+$/.test(text) && !/^[-:#]/.test(text) ? text : JSON.stringify(text);
}
function count(n) {
    return n === undefined ? undefined : n.toLocaleString('en-US');
}
function formatBytes(bytes) {
    const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
    let value = bytes;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit += 1;
    }
    return unit === 0 ? `${bytes} B` : `${value.toFixed(1)} ${units[unit]}`;
}
function throughput(r) {
    const items = r.processedItemCount ?? r.itemCount;
    if (items === undefined || r.durationSeconds <= 0)
        return undefined;
    const perSecond = `${Math.round(items / r.durationSeconds).toLocaleString('en-US')} items/s`;
    if (r.processedSizeBytes === undefined)
        return perSecond;
    return `${perSecond}, ${formatBytes(Math.round(r.processedSizeBytes / r.durationSeconds))}/s`;
}

;// CONCATENATED MODULE: ./src/report.ts
// Outputs, annotations, job summary and pass/fail from a result. Writing the
// summary never fails the step: a missing or unwritable GITHUB_STEP_SUMMARY
// is a warning.




/** At most this many annotations of each kind; GitHub shows only ten per step anyway. */
const MAX_ANNOTATIONS = 10;
/** Failed when the job did not complete, or when more items failed than max-errors allows. */
function decideOutcome(result, maxErrors) {
    const errors = result.errorCount ?? 0;
    if (result.failure !== undefined)
        return { ok: false, message: result.failure };
    if (result.timedOut || result.aborted) {
        if (result.engine === 'direct') {
            const note = result.note ?? '';
            if (result.timedOut)
                return { ok: false, message: `WAIT_TIMED_OUT: ${note}` };
            const why = note.startsWith('The step was cancelled') ? note : `The step was cancelled; ${note}`;
            return { ok: false, message: `CANCELLED: ${why}`.trim() };
        }
        const why = result.timedOut ? 'WAIT_TIMED_OUT: The wait timed out' : 'CANCELLED: The step was cancelled';
        return {
            ok: false,
            message: `${why} with the ${result.mode} still running; it goes on server-side: ${result.jobArn ?? ''}`,
        };
    }
    if (result.status === 'FAILED' || result.status === 'CANCELLED') {
        const code = result.status === 'FAILED' ? 'JOB_FAILED' : 'CANCELLED';
        return { ok: false, message: `${code}: The ${result.mode} ended with status ${result.status}.` };
    }
    const verification = result.verification;
    if (verification !== undefined && verification.status !== 'COMPLETED') {
        return {
            ok: false,
            message: verification.failure ??
                `CANCELLED: The step was cancelled while comparing the table with the ${verification.against}, after the ${result.mode} completed; run mode: verify to compare them.`,
        };
    }
    // Verify's own errors are unreadable source records, counted with its differences below.
    if (errors > maxErrors && result.mode !== 'verify') {
        const what = result.mode === 'validate' ? 'would be rejected' : 'could not be imported';
        return {
            ok: false,
            message: `TOO_MANY_ERRORS: ${errors} item(s) ${what}, more than max-errors (${maxErrors}).`,
        };
    }
    if (verification !== undefined) {
        const differences = verification.missing + verification.extra + verification.different;
        const unreadable = verification.unreadable;
        if (differences + unreadable > maxErrors) {
            const counts = `${differences} difference(s) (${verification.missing} missing, ${verification.extra} extra, ${verification.different} different)${unreadable > 0 ? ` and ${unreadable} unreadable source record(s)` : ''}`;
            const where = verification.differences === undefined ? '' : `; the differences are in ${verification.differences}`;
            return {
                ok: false,
                message: differences > 0
                    ? `DIFFERENCES_FOUND: The table does not match the ${verification.against}: ${counts}, more than max-errors (${maxErrors})${where}.`
                    : `TOO_MANY_ERRORS: ${unreadable} record(s) of the ${verification.against} could not be read as items to compare, more than max-errors (${maxErrors}).`,
            };
        }
    }
    return { ok: true, message: `The ${result.mode} ended with status ${result.status}.` };
}
function setOutputs(result, reporter) {
    const values = [
        [constants/* Output */.k7.Engine, result.engine],
        [constants/* Output */.k7.JobArn, result.jobArn],
        [constants/* Output */.k7.Status, result.status],
        [constants/* Output */.k7.TableName, result.tableName],
        [constants/* Output */.k7.TableArn, result.tableArn],
        [constants/* Output */.k7.ItemCount, result.itemCount],
        [constants/* Output */.k7.ProcessedItemCount, result.processedItemCount],
        [constants/* Output */.k7.ImportedItemCount, result.importedItemCount],
        [constants/* Output */.k7.ErrorCount, result.errorCount],
        [constants/* Output */.k7.UnwrittenItemCount, result.unwrittenItemCount],
        [constants/* Output */.k7.ProcessedSizeBytes, result.processedSizeBytes],
        [constants/* Output */.k7.ExportManifest, result.exportManifest],
        [constants/* Output */.k7.DataUrl, result.dataUrl],
        [constants/* Output */.k7.RejectedItems, result.rejectedItems],
        [constants/* Output */.k7.DurationSeconds, Math.round(result.durationSeconds * 1000) / 1000],
        [constants/* Output */.k7.ConsumedReadCapacity, result.capacity?.readUnits],
        [constants/* Output */.k7.ConsumedWriteCapacity, result.capacity?.writeUnits],
        [constants/* Output */.k7.MatchedCount, result.verification?.matched],
        [constants/* Output */.k7.MissingCount, result.verification?.missing],
        [constants/* Output */.k7.ExtraCount, result.verification?.extra],
        [constants/* Output */.k7.DifferentCount, result.verification?.different],
        [constants/* Output */.k7.Differences, result.verification?.differences],
        [constants/* Output */.k7.PutCount, result.putCount],
        [constants/* Output */.k7.DeleteCount, result.deleteCount],
        [constants/* Output */.k7.RestoredTo, result.restoredTo],
        [constants/* Output */.k7.ExportsApplied, result.exportsApplied],
        [constants/* Output */.k7.Resumed, result.resumed === undefined ? undefined : String(result.resumed)],
    ];
    for (const [name, value] of values) {
        if (value !== undefined)
            reporter.setOutput(name, value);
    }
}
/** Warnings, and rejected items on their file and line: the first ten of each kind, then a count. */
function annotate(result, reporter) {
    const warnings = result.warnings ?? [];
    for (const warning of warnings.slice(0, MAX_ANNOTATIONS))
        reporter.warning(clip(warning));
    if (warnings.length > MAX_ANNOTATIONS)
        reporter.warning(`${warnings.length - MAX_ANNOTATIONS} more warning(s) not shown.`);
    const annotations = result.annotations ?? [];
    // Validate writes nothing: its items would be rejected, not "not imported".
    const title = result.mode === 'validate' ? 'Item would be rejected' : 'Item not imported';
    for (const a of annotations.slice(0, MAX_ANNOTATIONS)) {
        reporter.error(clip(a.message), { file: a.file, startLine: a.line, title });
    }
    const omitted = Math.max(0, annotations.length - MAX_ANNOTATIONS) + (result.annotationsOmitted ?? 0);
    if (omitted > 0) {
        const where = result.rejectedItems === undefined ? '' : `; all are in ${result.rejectedItems}`;
        reporter.error(`${omitted} more rejected item(s) not annotated${where}.`);
    }
}
/**
 * The first rejected items in the log, as the summary lists them: an
 * annotation carries its code and place only for a file in the repository.
 */
function logErrors(result, reporter) {
    if (result.errors.length === 0)
        return;
    const { title, shown, rest } = firstErrors(result, (place) => place);
    reporter.info(`${title}:`);
    for (const e of shown)
        reporter.info(`- ${oneLine(clip(e.location))} ${e.code}: ${oneLine(clip(e.message))}`);
    if (rest !== undefined)
        reporter.info(oneLine(rest));
}
/** Control characters escaped: a name or key from the source must not start a line (a `::` command) of its own. */
function oneLine(text) {
    // eslint-disable-next-line no-control-regex
    return text.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
function report(result, maxErrors, reporter, summaryFile) {
    const outcome = decideOutcome(result, maxErrors);
    // A step that fails on max-errors has not completed what it was asked to do.
    const shown = !outcome.ok && result.status === 'COMPLETED' ? { ...result, status: 'FAILED' } : result;
    setOutputs(shown, reporter);
    annotate(result, reporter);
    logErrors(result, reporter);
    writeSummary(renderSummary(shown, outcome), summaryFile, reporter);
    if (!outcome.ok)
        reporter.setFailed(clip(outcome.message, 20_000));
    return outcome;
}
function writeSummary(markdown, summaryFile, reporter) {
    if (summaryFile === undefined || summaryFile === '')
        return;
    try {
        (0,external_node_fs_.appendFileSync)(summaryFile, markdown, 'utf8');
    }
    catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        reporter.warning(`Could not write the job summary to ${summaryFile}: ${reason}`);
    }
}

;// CONCATENATED MODULE: ./src/direct/ledger.ts
// The one owner of what happened to every record of an import or validate:
// counts, the first errors for the summary, annotations on repository files,
// and the rejected-items file. Workers report here; nothing else counts.


const MAX_SAMPLES = 10;
class Ledger {
    /** Records read from the source, good or bad. */
    processed = 0;
    /** Records rejected, by the checks or by DynamoDB. */
    errors = 0;
    /** Of those, the ones written to this run's rejected-items file (not those an earlier run's file holds). */
    filed = 0;
    /** Bytes read from the source, after decompression. */
    bytes = 0;
    /** Ion annotations other than DynamoDB's on the items read, dropped (see ion.ts). */
    annotationsDropped = 0;
    samples = [];
    annotations = [];
    annotationsOmitted = 0;
    /** Each with whether an earlier run's rejected-items file already holds it. */
    pending = [];
    rejects;
    workspace;
    constructor(rejects, workspace) {
        this.rejects = rejects;
        this.workspace = workspace;
    }
    /** A rejection from a callback that cannot wait; written at the next drain. */
    queue(rejected, written = false) {
        this.pending.push([rejected, written]);
    }
    /** `written`: an earlier run's rejected-items file already holds it (a resumed import): counted, not written again. */
    async reject(rejected, count = 1, written = false) {
        this.errors += count;
        // A repository file by its path in the repository, as annotations name it, not the runner's absolute path.
        const inRepo = inRepository(rejected.object, this.workspace);
        if (this.samples.length < MAX_SAMPLES) {
            const shown = inRepo ?? rejected.object;
            this.samples.push({
                location: rejected.line === undefined ? shown : `${shown}:${rejected.line}`,
                code: rejected.code,
                message: rejected.message,
            });
        }
        const file = rejected.line === undefined ? undefined : inRepo;
        if (file !== undefined && this.annotations.length < MAX_ANNOTATIONS)
            this.annotations.push({ file, line: rejected.line, message: `${rejected.code}: ${rejected.message}` });
        else if (file !== undefined)
            this.annotationsOmitted += 1;
        if (written)
            return;
        this.filed += 1;
        await this.rejects.add(rejected);
    }
    async drain() {
        for (let next = this.pending.shift(); next !== undefined; next = this.pending.shift())
            await this.reject(next[0], 1, next[1]);
    }
    /** Writes what is queued and finishes the rejected-items file; its location if anything was rejected. */
    async close() {
        await this.drain();
        return this.rejects.close();
    }
}
/** A path inside the repository checkout, relative to it, with / separators. */
function inRepository(object, workspace) {
    if (workspace === undefined)
        return undefined;
    const root = (0,external_node_path_.resolve)(workspace);
    if (!object.startsWith(`${root}${external_node_path_.sep}`))
        return undefined;
    return (0,external_node_path_.relative)(root, object).split(external_node_path_.sep).join('/');
}

;// CONCATENATED MODULE: ./src/direct/progress.ts
// A progress line at most every 10 seconds: items, rate, bytes, errors and,
// when the total is known, percent done and time left.


class Progress {
    last;
    started;
    verb;
    total;
    log;
    now;
    intervalMs;
    constructor(options) {
        this.verb = options.verb;
        this.total = options.total;
        this.log = options.log;
        this.now = options.now;
        this.intervalMs = options.intervalMs ?? 10_000;
        this.started = this.now();
        this.last = this.started;
    }
    update(counts) {
        const now = this.now();
        if (now - this.last < this.intervalMs)
            return;
        this.last = now;
        this.log(this.line(counts, now));
    }
    line(counts, now = this.now()) {
        const seconds = Math.max((now - this.started) / 1000, 0.001);
        const rate = counts.items / seconds;
        let text = `${this.verb} ${counts.items.toLocaleString('en-US')} items (${Math.round(rate).toLocaleString('en-US')}/s, ${formatBytes(counts.bytes)}), ${counts.errors} error(s)`;
        if (this.total !== undefined && this.total > 0 && rate > 0) {
            const percent = Math.min(100, (counts.items / this.total) * 100);
            const left = Math.max(0, this.total - counts.items) / rate;
            text += `, about ${percent.toFixed(0)}% done, ${(0,parsing_values/* formatDuration */.a3)(left * 1000)} left`;
        }
        return text;
    }
}

// EXTERNAL MODULE: external "node:events"
var external_node_events_ = __webpack_require__(78474);
;// CONCATENATED MODULE: ./src/storage/store.ts
// Where objects are read and written: an S3 bucket or a local folder, behind
// one small interface so the engines do not care which. Both are confined to
// their root: a key never reaches outside it.
/** A key that would reach outside the store's root (`..`, a leading `/`, a symbolic link out), or is not a regular file. */
class OutsideRootError extends Error {
    key;
    constructor(key, message) {
        super(message);
        this.name = 'OutsideRootError';
        this.key = key;
    }
}
/** An object larger than the caller allows for it (a manifest or a checksum file is small). */
class TooLargeError extends Error {
    key;
    constructor(key, message) {
        super(message);
        this.name = 'TooLargeError';
        this.key = key;
    }
}
/**
 * Why a key cannot name an object inside a store's root, or undefined when it
 * can: no empty, `.` or `..` segment, no leading `/`, no backslash (a
 * separator on Windows), no control character.
 */
function unsafeKey(key) {
    if (key === '')
        return 'it is empty';
    if (key.startsWith('/'))
        return 'it starts with /';
    if (key.includes('\\'))
        return 'it holds a backslash';
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f]/.test(key))
        return 'it holds a control character';
    const segments = key.split('/');
    // A trailing `/` (a folder) leaves one empty last segment, which is fine.
    const inner = key.endsWith('/') ? segments.slice(0, -1) : segments;
    if (inner.some((s) => s === '..'))
        return 'it has a .. segment';
    if (inner.some((s) => s === '.'))
        return 'it has a . segment';
    if (inner.some((s) => s === ''))
        return 'it has an empty segment (//)';
    return undefined;
}

;// CONCATENATED MODULE: ./src/storage/read-size.ts
/**
 * How much a file read gives at a time. Below glibc's first mmap threshold
 * (128 KiB): a larger buffer is mapped on its own, and freeing it raises the
 * threshold, after which every buffer of that size comes from malloc's
 * arenas, which fragment and keep freed memory. With 256 KiB reads, about one
 * import in four at the client's ceiling peaked 30-60 MB above the others
 * (205-228 MB; /proc/<pid>/smaps put the difference in the arenas); with
 * 64 KiB reads none of eight did (159-183 MB). zlib's and the sockets' chunks
 * are 64 KiB too.
 */
const READ_CHUNK_BYTES = 64 * 1024;

;// CONCATENATED MODULE: ./src/storage/local.ts
// A local folder as a store: fixtures kept in the repository, or an export
// written into the workspace. ETags are the MD5 hex of the content, as S3
// gives for objects written in one part.
//
// Confined to its root: a key with `..` or a leading `/` is refused, a file is
// read only when its real path (symbolic links resolved) is inside the root's
// real path and it is a regular file, and at most as many bytes as the
// listing gave are read. Listings never follow a symbolic link: they skip it
// and say so (`skipped`).







class LocalStore {
    root;
    realRoot;
    skippedEntries = [];
    constructor(root) {
        this.root = root;
    }
    describe(key) {
        return key === '' ? this.root : (0,external_node_path_.join)(this.root, key);
    }
    /** Entries the listings skipped, each once, in the order met. */
    get skippedDetails() {
        return this.skippedEntries;
    }
    get skipped() {
        return this.skippedEntries.map((e) => e.kind === 'symbolic link' ? `${e.path} (symbolic link to ${e.target ?? '?'})` : `${e.path} (${e.kind})`);
    }
    async *list(prefix, limit) {
        let count = 0;
        for await (const object of this.walk(this.root, prefix)) {
            if (!object.key.startsWith(prefix))
                continue;
            if (count++ >= limit)
                return;
            yield object;
        }
    }
    /** Regular files under `folder` whose keys can start with `prefix`; folders that cannot are not opened. */
    async *walk(folder, prefix) {
        let entries;
        try {
            entries = await (0,promises_.readdir)(folder, { withFileTypes: true });
        }
        catch (error) {
            if (error.code === 'ENOENT')
                return;
            throw error;
        }
        entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        for (const entry of entries) {
            const path = (0,external_node_path_.join)(folder, entry.name);
            const key = (0,external_node_path_.relative)(this.root, path).split(external_node_path_.sep).join('/');
            // Dirents describe the entry itself: a symbolic link is neither a file nor a folder here.
            if (entry.isDirectory()) {
                if (key.startsWith(prefix) || prefix.startsWith(`${key}/`))
                    yield* this.walk(path, prefix);
            }
            else if (key.startsWith(prefix) || prefix.startsWith(`${key}/`)) {
                if (entry.isFile()) {
                    if (key.startsWith(prefix)) {
                        const info = await (0,promises_.lstat)(path);
                        yield { key, size: info.size, etag: modifiedTag(info.mtimeMs) };
                    }
                }
                else if (entry.isSymbolicLink()) {
                    this.skip({ path, target: await (0,promises_.readlink)(path).catch(() => '?'), kind: 'symbolic link' });
                }
                else {
                    this.skip({ path, kind: 'not a regular file' });
                }
            }
        }
    }
    skip(entry) {
        if (!this.skippedEntries.some((e) => e.path === entry.path))
            this.skippedEntries.push(entry);
    }
    /** The regular file at this key, with its size; undefined when nothing is there; OutsideRootError when it leaves the root. */
    async stat(key) {
        const handle = await this.openInside(key);
        if (handle === undefined)
            return undefined;
        try {
            const info = await handle.stat();
            return { key, size: info.size, etag: modifiedTag(info.mtimeMs) };
        }
        finally {
            await handle.close();
        }
    }
    async *read(key, limit) {
        const handle = await this.openInside(key);
        if (handle === undefined) {
            throw Object.assign(new Error(`ENOENT: no such file, open '${this.describe(key)}'`), { code: 'ENOENT' });
        }
        const size = (await handle.stat()).size;
        const end = Math.min(size, limit ?? size);
        if (end === 0) {
            await handle.close();
            return;
        }
        // Never past the size the listing gave: a file that grows (or lies) cannot fill the disk.
        yield* handle.createReadStream({ start: 0, end: end - 1, highWaterMark: READ_CHUNK_BYTES, autoClose: true });
    }
    async readText(key, maxBytes) {
        const handle = await this.openInside(key);
        if (handle === undefined)
            return undefined;
        try {
            const size = (await handle.stat()).size;
            if (size > maxBytes) {
                throw new TooLargeError(key, `${this.describe(key)} is ${size} bytes, more than the ${maxBytes} allowed for it`);
            }
            const buffer = Buffer.alloc(size);
            let read = 0;
            while (read < size) {
                const { bytesRead } = await handle.read(buffer, read, size - read, read);
                if (bytesRead === 0)
                    break;
                read += bytesRead;
            }
            return buffer.subarray(0, read).toString('utf8');
        }
        finally {
            await handle.close();
        }
    }
    async write(key, chunks, options = {}) {
        const path = this.pathOf(key);
        await (0,promises_.mkdir)((0,external_node_path_.dirname)(path), { recursive: true });
        // O_CREAT|O_EXCL: fails when anything, a symbolic link included, is already there.
        const handle = await (0,promises_.open)(path, options.exclusive ? 'wx' : 'w');
        const hash = (0,external_node_crypto_.createHash)('md5');
        const out = handle.createWriteStream();
        let bytes = 0;
        try {
            for await (const chunk of chunks) {
                hash.update(chunk);
                bytes += chunk.byteLength;
                if (!out.write(chunk))
                    await (0,external_node_events_.once)(out, 'drain');
            }
        }
        finally {
            out.end();
            await (0,external_node_events_.once)(out, 'close');
        }
        return { etag: hash.digest('hex'), bytes };
    }
    async writeText(key, text) {
        const path = this.pathOf(key);
        await (0,promises_.mkdir)((0,external_node_path_.dirname)(path), { recursive: true });
        // Written beside it, then renamed over it: a run killed half-way leaves the old text whole (a checkpoint).
        const temporary = `${path}.${(0,external_node_crypto_.randomBytes)(6).toString('hex')}.tmp`;
        try {
            await (0,promises_.writeFile)(temporary, text, { encoding: 'utf8', flag: 'wx' });
            await (0,promises_.rename)(temporary, path);
        }
        catch (error) {
            await (0,promises_.rm)(temporary, { force: true });
            throw error;
        }
        return { etag: (0,external_node_crypto_.createHash)('md5').update(text).digest('hex'), bytes: Buffer.byteLength(text) };
    }
    async delete(key) {
        // rm removes a symbolic link itself, never what it points to.
        await (0,promises_.rm)(this.pathOf(key), { force: true });
    }
    /** The key's path under the root, refusing keys that name something outside it. */
    pathOf(key) {
        const why = unsafeKey(key);
        if (why !== undefined)
            throw new OutsideRootError(key, `${JSON.stringify(key)} cannot name a file under ${this.root}: ${why}`);
        return (0,external_node_path_.join)(this.root, key);
    }
    /**
     * Opens the key's file for reading when its real path is inside the root's
     * real path and it is a regular file; undefined when nothing is there.
     */
    async openInside(key) {
        const path = this.pathOf(key);
        let real;
        try {
            real = await (0,promises_.realpath)(path);
        }
        catch (error) {
            const code = error.code;
            if (code === 'ENOENT' || code === 'ENOTDIR')
                return undefined;
            throw error;
        }
        this.realRoot ??= (0,promises_.realpath)(this.root);
        const root = await this.realRoot;
        if (real !== root && !real.startsWith(root.endsWith(external_node_path_.sep) ? root : `${root}${external_node_path_.sep}`)) {
            throw new OutsideRootError(key, `${path} leads to ${real} through a symbolic link, outside ${this.root}`);
        }
        // O_NONBLOCK: opening a named pipe must not wait for a writer; it is refused below.
        const handle = await (0,promises_.open)(real, external_node_fs_.constants.O_RDONLY | external_node_fs_.constants.O_NONBLOCK);
        const info = await handle.stat();
        if (!info.isFile()) {
            await handle.close();
            throw new OutsideRootError(key, `${path} is not a regular file`);
        }
        return handle;
    }
}
/** A local file's stand-in for an ETag: its modification time, which a rewrite changes. */
function modifiedTag(mtimeMs) {
    return `mtime:${mtimeMs}`;
}

;// CONCATENATED MODULE: ./src/storage/s3-read.ts
// An object's bytes from S3, read so that a faulty network neither hangs nor
// fails the work: every wait for the next bytes (and for an answer's
// headers) is bounded by an idle timeout and cut short by a cancel; a body
// that stalls, or whose connection is reset, is asked for again from the
// first byte not yet read (a ranged GetObject), and only from the object the
// read began with (If-Match its ETag), under the action's backoff. The idle
// timer runs only while the reader waits for bytes, never while the import
// it feeds is busy (a 400 KB item under `max-capacity: 1` takes minutes).
// Before, a body stalled after 64 KB held the step for ever, deaf to a
// cancel, and a reset failed the import at once.



/** Silence while waiting for bytes after which a read is tried again from where it stopped. */
const READ_IDLE_MS = 60_000;
/** Failures in a row, without a byte gained between them, after which a read is given up. */
const READ_ATTEMPTS = 4;
/** For tests only: a short idle timeout (DYNAMODB_S3_TRANSFER_READ_IDLE_MS), so a stall is seen in seconds. */
function readGuard(deps) {
    const idle = Number(deps.env?.DYNAMODB_S3_TRANSFER_READ_IDLE_MS ?? '');
    return { signal: deps.signal, ...(Number.isSafeInteger(idle) && idle > 0 && { idleMs: idle }) };
}
/** The object's bytes, at most `limit`; `where` names it (s3://bucket/key) in errors. */
async function* resumableRead(get, where, guard, limit = Number.POSITIVE_INFINITY) {
    const idleMs = guard.idleMs ?? READ_IDLE_MS;
    let reached = 0;
    let etag;
    for (let failures = 0; reached < limit;) {
        const request = new AbortController();
        const cancel = () => request.abort();
        guard.signal?.addEventListener('abort', cancel, { once: true });
        let body;
        try {
            if (guard.signal?.aborted)
                throw new Aborted();
            const answer = await within(get(reached, etag, request.signal), idleMs, request, guard.signal);
            if (answer === undefined)
                return;
            if (etag !== undefined && answer.etag !== undefined && answer.etag !== etag)
                throw changed(where, etag);
            etag ??= answer.etag;
            body = answer.body;
            const chunks = body[Symbol.asyncIterator]();
            for (;;) {
                const next = await within(chunks.next(), idleMs, request, guard.signal);
                if (next.done === true)
                    return;
                failures = 0;
                const chunk = next.value.byteLength > limit - reached ? next.value.subarray(0, limit - reached) : next.value;
                reached += chunk.byteLength;
                if (chunk.byteLength > 0)
                    yield chunk;
            }
        }
        catch (error) {
            if (guard.signal?.aborted)
                throw new Aborted();
            if (errorName(error) === 'PreconditionFailed' && etag !== undefined)
                throw changed(where, etag);
            // Asked again for bytes past the end: the body had all of them before it broke.
            if (reached > 0 && errorName(error) === 'InvalidRange')
                return;
            if (!(error instanceof ReadStalled) && !isRetryable(error))
                throw error;
            failures += 1;
            if (failures >= READ_ATTEMPTS) {
                throw new errors/* TransferError */.aG('READ_FAILED', `Reading ${where} failed ${failures} times in a row at byte ${reached}, the last time with ${reason(error)}; each time it was read again from there, and then given up. Run the step again when the bucket's endpoint answers.`);
            }
            await abortableSleep(backoff(failures), guard.signal).catch(() => {
                throw new Aborted();
            });
        }
        finally {
            guard.signal?.removeEventListener('abort', cancel);
            body?.destroy();
            request.abort();
        }
    }
}
/** No bytes came for the idle timeout while the reader waited for them. */
class ReadStalled extends Error {
    constructor(ms) {
        super(`no data for ${ms / 1000} s`);
        this.name = 'ReadStalled';
    }
}
function reason(error) {
    return error instanceof ReadStalled ? error.message : `${errorName(error)} (${messageOf(error)})`;
}
function changed(where, etag) {
    return new errors/* TransferError */.aG('READ_FAILED', `${where} changed while it was being read (its ETag is no longer ${etag}): nothing more of it is read, as its bytes would mix two versions. Run the step again once the object stays as it is.`);
}
/**
 * The promise, or ReadStalled once `ms` pass first (the request is then
 * aborted, its body torn down), or Aborted on a cancel.
 */
function within(promise, ms, request, cancel) {
    return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
            reject(new ReadStalled(ms));
            request.abort();
        }, ms);
        const onCancel = () => reject(new Aborted());
        cancel?.addEventListener('abort', onCancel, { once: true });
        const done = () => {
            clearTimeout(timer);
            cancel?.removeEventListener('abort', onCancel);
        };
        // Whatever settles first wins; a later rejection of `promise` (once its request is torn down) is ignored.
        promise.then((value) => {
            done();
            resolve(value);
        }, (error) => {
            done();
            reject(error);
        });
    });
}

;// CONCATENATED MODULE: ./src/storage/s3-upload.ts
// Streams an object of unknown length into S3 with memory that does not grow
// with the number of objects written at once. An export writes one data file
// per scan segment at the same time; lib-storage's Upload holds up to three
// parts in memory for each of them (403 MB measured for 16 segments). Here
// each part is filled on disk, and only the parts being sent are in memory,
// a few at a time across every upload of the store.



/** Parts sent at once by every upload that shares it; each holds one part in memory. */
class PartSlots {
    free;
    waiting = [];
    constructor(count) {
        this.free = count;
    }
    async use(work) {
        if (this.free > 0)
            this.free -= 1;
        else
            await new Promise((resolve) => this.waiting.push(resolve));
        try {
            return await work();
        }
        finally {
            const next = this.waiting.shift();
            if (next === undefined)
                this.free += 1;
            else
                next();
        }
    }
}
/** An object smaller than one part is a single PutObject; a larger one a multipart upload, aborted on failure. */
async function uploadSpooled(s3, chunks, options) {
    const { params, partSize, slots } = options;
    const { IfNoneMatch: ifNoneMatch, ...created } = params;
    const target = {
        Bucket: params.Bucket,
        Key: params.Key,
        ...(params.ExpectedBucketOwner === undefined ? {} : { ExpectedBucketOwner: params.ExpectedBucketOwner }),
    };
    const parts = [];
    let uploadId;
    // At most one part of this object is being sent while the next one fills.
    let sending = Promise.resolve();
    let spool = await PartFile.create(options.spoolDir);
    let bytes = 0;
    const send = (file, partNumber, id) => slots.use(async () => {
        const body = await file.contents();
        const response = await s3.client.send(new s3.sdk.UploadPartCommand({
            ...target,
            UploadId: id,
            PartNumber: partNumber,
            Body: body,
            ContentLength: body.byteLength,
        }));
        if (response.ETag === undefined)
            throw new Error(`S3 gave no ETag for part ${partNumber} of ${params.Key}`);
        parts.push({
            PartNumber: partNumber,
            ETag: response.ETag,
            // With checksums on (real S3), the completion lists each part's checksum.
            ...(response.ChecksumCRC32 === undefined ? {} : { ChecksumCRC32: response.ChecksumCRC32 }),
            ...(response.ChecksumCRC32C === undefined ? {} : { ChecksumCRC32C: response.ChecksumCRC32C }),
            ...(response.ChecksumSHA1 === undefined ? {} : { ChecksumSHA1: response.ChecksumSHA1 }),
            ...(response.ChecksumSHA256 === undefined ? {} : { ChecksumSHA256: response.ChecksumSHA256 }),
        });
    });
    try {
        for await (const chunk of chunks) {
            await spool.write(chunk);
            bytes += chunk.byteLength;
            if (spool.size < partSize)
                continue;
            uploadId ??= await createUpload(s3, created);
            const full = spool;
            spool = await PartFile.create(options.spoolDir);
            await sending;
            const id = uploadId;
            sending = send(full, parts.length + 1, id).finally(() => full.remove());
            sending.catch(() => undefined); // awaited before the next part or at the end
        }
        await sending;
        if (uploadId === undefined) {
            const last = spool;
            const response = await slots.use(async () => {
                const body = await last.contents();
                return s3.client.send(new s3.sdk.PutObjectCommand({ ...params, Body: body, ContentLength: body.byteLength }));
            });
            return { etag: unquote(response.ETag ?? ''), bytes };
        }
        if (spool.size > 0)
            await send(spool, parts.length + 1, uploadId);
        const response = await s3.client.send(new s3.sdk.CompleteMultipartUploadCommand({
            ...target,
            UploadId: uploadId,
            MultipartUpload: { Parts: parts }, // in order: one part is sent at a time
            ...(ifNoneMatch === undefined ? {} : { IfNoneMatch: ifNoneMatch }),
        }));
        return { etag: unquote(response.ETag ?? ''), bytes };
    }
    catch (error) {
        await sending.catch(() => undefined);
        if (uploadId !== undefined) {
            // Parts left behind are billed until a lifecycle rule removes them.
            await s3.client
                .send(new s3.sdk.AbortMultipartUploadCommand({ ...target, UploadId: uploadId }))
                .catch(() => undefined);
        }
        throw error;
    }
    finally {
        await spool.remove();
    }
}
/** As lib-storage does: with the SDK's default checksums, the upload is declared CRC32 so S3 checks every part. */
async function createUpload(s3, params) {
    const checksums = (await s3.client.config.requestChecksumCalculation()) === 'WHEN_SUPPORTED';
    const response = await s3.client.send(new s3.sdk.CreateMultipartUploadCommand({
        ...params,
        ...(checksums ? { ChecksumAlgorithm: 'CRC32' } : {}),
    }));
    if (response.UploadId === undefined)
        throw new Error(`S3 gave no UploadId for ${params.Key}`);
    return response.UploadId;
}
/** One part, filling on disk. */
class PartFile {
    path;
    handle;
    size = 0;
    constructor(path, handle) {
        this.path = path;
        this.handle = handle;
    }
    static async create(folder) {
        const path = (0,external_node_path_.join)(folder, `dynamodb-s3-transfer-part-${(0,external_node_crypto_.randomUUID)()}`);
        return new PartFile(path, await (0,promises_.open)(path, 'w+'));
    }
    async write(chunk) {
        for (let offset = 0; offset < chunk.byteLength;) {
            const { bytesWritten } = await this.handle.write(chunk, offset);
            offset += bytesWritten;
        }
        this.size += chunk.byteLength;
    }
    async contents() {
        return (0,promises_.readFile)(this.path);
    }
    async remove() {
        await this.handle.close().catch(() => undefined);
        await (0,promises_.rm)(this.path, { force: true });
    }
}
/** S3 quotes ETags; the manifests and outputs carry them bare. */
function unquote(etag) {
    return etag.replace(/^"|"$/g, '');
}

;// CONCATENATED MODULE: ./src/storage/s3.ts
// An S3 bucket as a store. Streams up in parts filled on disk (s3-upload.ts)
// and down with GetObject; the bucket owner is checked on every call when
// `bucket-owner` is given. Every AWS error names the bucket and key it was
// about (a missing bucket is BUCKET_NOT_FOUND).






/** S3's smallest part: a part waits on disk, and only the parts being sent are in memory. */
const PART_SIZE = 5 * 1024 * 1024;
/** Parts in memory at once, across every object the store writes. */
const PARTS_IN_MEMORY = 2;
class S3Store {
    /** S3 has no symbolic links: listings skip nothing. */
    skipped = [];
    s3;
    bucket;
    options;
    slots = new PartSlots(PARTS_IN_MEMORY);
    constructor(s3, bucket, options = {}) {
        this.s3 = s3;
        this.bucket = bucket;
        this.options = options;
    }
    describe(key) {
        return `s3://${this.bucket}/${key}`;
    }
    async *list(prefix, limit) {
        const { client, sdk } = await this.s3();
        let token;
        let count = 0;
        do {
            const page = await client
                .send(new sdk.ListObjectsV2Command({
                Bucket: this.bucket,
                Prefix: prefix,
                ContinuationToken: token,
                ...this.owner(),
            }))
                .catch((error) => {
                throw explain(error, `ListObjectsV2 of bucket ${this.bucket}, prefix ${JSON.stringify(prefix)}`);
            });
            for (const object of page.Contents ?? []) {
                if (object.Key === undefined)
                    continue;
                if (count++ >= limit)
                    return;
                yield { key: object.Key, size: object.Size ?? 0, ...(object.ETag === undefined ? {} : { etag: object.ETag }) };
            }
            token = page.IsTruncated ? page.NextContinuationToken : undefined;
        } while (token !== undefined);
    }
    async stat(key) {
        const { client, sdk } = await this.s3();
        try {
            const head = await client.send(new sdk.HeadObjectCommand({ Bucket: this.bucket, Key: key, ...this.owner() }));
            return { key, size: head.ContentLength ?? 0, ...(head.ETag === undefined ? {} : { etag: head.ETag }) };
        }
        catch (error) {
            const e = error;
            if (e.name === 'NotFound' || e.name === 'NoSuchKey' || e.$metadata?.httpStatusCode === 404)
                return undefined;
            throw explain(error, this.about('HeadObject', key));
        }
    }
    /** The object's bytes, never more than `limit` (the size its listing gave); a stall or a reset is read on from where it stopped. */
    async *read(key, limit) {
        try {
            yield* resumableRead(this.ranged(key), this.describe(key), this.options.guard ?? {}, limit);
        }
        catch (error) {
            throw explain(error, this.about('GetObject', key));
        }
    }
    /** The first bytes of an object, to sample it without reading it all. */
    async *readHead(key, bytes) {
        const { client, sdk } = await this.s3();
        const response = await client
            .send(new sdk.GetObjectCommand({ Bucket: this.bucket, Key: key, Range: `bytes=0-${bytes - 1}`, ...this.owner() }))
            .catch((error) => {
            throw explain(error, this.about('GetObject', key));
        });
        const body = response.Body;
        if (body === undefined)
            return;
        yield* body;
    }
    async readText(key, maxBytes) {
        const { sdk } = await this.s3();
        const tooLarge = () => new TooLargeError(key, `${this.describe(key)} is larger than the ${maxBytes} bytes allowed for it`);
        const parts = [];
        let size = 0;
        try {
            // One byte past the limit is enough to know it is too large.
            for await (const chunk of resumableRead(this.ranged(key), this.describe(key), this.options.guard ?? {}, maxBytes + 1)) {
                size += chunk.byteLength;
                if (size > maxBytes)
                    throw tooLarge();
                parts.push(chunk);
            }
        }
        catch (error) {
            if (error instanceof TooLargeError)
                throw error;
            if (error instanceof sdk.NoSuchKey || error.name === 'NoSuchKey')
                return undefined;
            throw explain(error, this.about('GetObject', key));
        }
        return Buffer.concat(parts).toString('utf8');
    }
    async write(key, chunks, options = {}) {
        try {
            return await uploadSpooled(await this.s3(), chunks, {
                params: {
                    Bucket: this.bucket,
                    Key: key,
                    ...this.encryption(),
                    ...this.owner(),
                    // S3 refuses the write (412) when an object is already there.
                    ...(options.exclusive ? { IfNoneMatch: '*' } : {}),
                },
                partSize: PART_SIZE,
                spoolDir: this.options.spoolDir ?? (0,external_node_os_.tmpdir)(),
                slots: this.slots,
            });
        }
        catch (error) {
            if (options.exclusive && error.name === 'PreconditionFailed') {
                throw new errors/* TransferError */.aG('WRITE_FAILED', `${this.describe(key)} already exists, and it was not written over: this run writes only objects it creates. Remove it or choose another key.`);
            }
            throw explain(error, this.about('PutObject', key));
        }
    }
    async writeText(key, text) {
        const { client, sdk } = await this.s3();
        const result = await client
            .send(new sdk.PutObjectCommand({
            Bucket: this.bucket,
            Key: key,
            Body: text,
            // Given even when it is 0 (the empty _started marker), so the SDK knows the length.
            ContentLength: Buffer.byteLength(text),
            ContentType: 'application/json',
            ...this.encryption(),
            ...this.owner(),
        }))
            .catch((error) => {
            throw explain(error, this.about('PutObject', key));
        });
        return { etag: unquote(result.ETag ?? ''), bytes: Buffer.byteLength(text) };
    }
    async delete(key) {
        const { client, sdk } = await this.s3();
        await client
            .send(new sdk.DeleteObjectCommand({ Bucket: this.bucket, Key: key, ...this.owner() }))
            .catch((error) => {
            throw explain(error, this.about('DeleteObject', key));
        });
    }
    /**
     * Aborts the multipart uploads under a prefix that a killed run left
     * unfinished (their parts are stored, and billed, until then); returns how
     * many, or undefined when the server cannot list them.
     */
    async abortUploads(prefix) {
        const { client, sdk } = await this.s3();
        let aborted = 0;
        let keyMarker;
        let uploadIdMarker;
        do {
            let page;
            try {
                page = await client.send(new sdk.ListMultipartUploadsCommand({
                    Bucket: this.bucket,
                    Prefix: prefix,
                    KeyMarker: keyMarker,
                    UploadIdMarker: uploadIdMarker,
                    ...this.owner(),
                }));
            }
            catch (error) {
                if (error.name === 'NotImplemented')
                    return undefined;
                throw explain(error, `ListMultipartUploads of bucket ${this.bucket}, prefix ${JSON.stringify(prefix)}`);
            }
            for (const upload of page.Uploads ?? []) {
                if (upload.Key === undefined || upload.UploadId === undefined || !upload.Key.startsWith(prefix))
                    continue;
                await client
                    .send(new sdk.AbortMultipartUploadCommand({
                    Bucket: this.bucket,
                    Key: upload.Key,
                    UploadId: upload.UploadId,
                    ...this.owner(),
                }))
                    .catch((error) => {
                    throw explain(error, this.about('AbortMultipartUpload', upload.Key ?? ''));
                });
                aborted += 1;
            }
            keyMarker = page.IsTruncated ? page.NextKeyMarker : undefined;
            uploadIdMarker = page.IsTruncated ? page.NextUploadIdMarker : undefined;
        } while (keyMarker !== undefined);
        return aborted;
    }
    /** GetObject of the key from a byte on, of the version with that ETag. */
    ranged(key) {
        return async (from, etag, signal) => {
            const { client, sdk } = await this.s3();
            const response = await client.send(new sdk.GetObjectCommand({
                Bucket: this.bucket,
                Key: key,
                ...(from > 0 && { Range: `bytes=${from}-` }),
                ...(etag !== undefined && { IfMatch: etag }),
                ...this.owner(),
            }), { abortSignal: signal });
            const body = response.Body;
            return body === undefined ? undefined : { body, etag: response.ETag };
        };
    }
    /** `GetObject of key k in bucket b`: what a failure message starts with. */
    about(operation, key) {
        return `${operation} of key ${key} in bucket ${this.bucket}`;
    }
    owner() {
        return this.options.owner === undefined ? {} : { ExpectedBucketOwner: this.options.owner };
    }
    encryption() {
        const sse = this.options.encryption;
        if (sse === undefined)
            return {};
        return sse.algorithm === 'AES256'
            ? { ServerSideEncryption: 'AES256' }
            : { ServerSideEncryption: 'aws:kms', ...(sse.kmsKeyId === undefined ? {} : { SSEKMSKeyId: sse.kmsKeyId }) };
    }
}

// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
;// CONCATENATED MODULE: ./src/formats/byte-reader.ts
// Reads a stream of byte chunks in pieces of the reader's choosing, and takes
// back bytes it did not use: the gzip and zstd readers parse headers and
// trailers themselves and hand what lies between to zlib, which may stop
// before the end of what it was given.
class ByteReader {
    /** Offset in the whole stream of the next byte `next` or `read` gives. */
    position = 0;
    iterator;
    /** Bytes given back, in stream order, before the iterator's next chunk. */
    returned = [];
    done = false;
    constructor(source) {
        this.iterator = source[Symbol.asyncIterator]();
    }
    /** The next chunk as it comes (bytes given back first); undefined at the end of the stream. */
    async next() {
        let chunk = this.returned.shift();
        while (chunk === undefined || chunk.length === 0) {
            if (this.done)
                return undefined;
            const result = await this.iterator.next();
            if (result.done === true) {
                this.done = true;
                return undefined;
            }
            chunk = result.value;
        }
        this.position += chunk.length;
        return chunk;
    }
    /** Gives back bytes, which `next` and `read` then give again: the latest given back comes first. */
    unread(bytes) {
        if (bytes.length === 0)
            return;
        this.returned.unshift(bytes);
        this.position -= bytes.length;
    }
    /** The next `count` bytes, or fewer when the stream ends first. */
    async read(count) {
        const parts = [];
        let length = 0;
        while (length < count) {
            const chunk = await this.next();
            if (chunk === undefined)
                break;
            const wanted = count - length;
            if (chunk.length > wanted) {
                this.unread(chunk.subarray(wanted));
                parts.push(chunk.subarray(0, wanted));
                length = count;
            }
            else {
                parts.push(chunk);
                length += chunk.length;
            }
        }
        return parts.length === 1 ? parts[0] : Buffer.concat(parts);
    }
    /** Passes over `count` bytes; false when the stream ends first. */
    async skip(count) {
        let left = count;
        while (left > 0) {
            const chunk = await this.next();
            if (chunk === undefined)
                return false;
            if (chunk.length > left)
                this.unread(chunk.subarray(left));
            left -= Math.min(left, chunk.length);
        }
        return true;
    }
    /**
     * Stops the source, as a `for await` loop left early would, without waiting
     * for a read still under way (zlib's feeder may be waiting on the network).
     */
    close() {
        this.done = true;
        this.iterator.return?.()?.catch(() => undefined);
    }
}

;// CONCATENATED MODULE: ./src/formats/records.ts
// What decoders yield: an item with where it came from, or an error for one
// record with a stable code. Decoders never stop at a bad record.
function newStats() {
    return { bytes: 0, lines: 0, items: 0, errors: 0, annotationsDropped: 0 };
}
/**
 * A whole object cannot be read further: a truncated or corrupt stream, data
 * after its end, or a CSV header that no row can be read with.
 */
class ObjectReadError extends Error {
    code;
    constructor(code, message) {
        super(message);
        this.name = 'ObjectReadError';
        this.code = code;
    }
}

;// CONCATENATED MODULE: ./src/formats/zlib-pump.ts
// Runs one of Node's zlib streams over chunks from a reader and yields its
// output. zlib works on its own thread, alongside the parsing of the output
// already yielded. A stream that ends by itself (raw deflate at the end of a
// gzip member's data, zstd at the end of a frame) leaves the bytes after that
// point unread; they go back to the reader, in order, for the next member or
// frame.
async function* pump(stream, source) {
    // Chunks written but perhaps not all taken, and where the first one starts.
    const written = [];
    let writtenFrom = 0;
    let outputEnded = false;
    const writing = (async () => {
        for (;;) {
            const chunk = await source.next();
            if (outputEnded || stream.destroyed) {
                if (chunk !== undefined)
                    source.unread(chunk);
                return;
            }
            if (chunk === undefined) {
                stream.end();
                return;
            }
            while (written.length > 0 && writtenFrom + written[0].length <= stream.bytesWritten)
                writtenFrom += written.shift().length;
            written.push(chunk);
            if (!stream.write(chunk))
                await drainedOrClosed(stream);
        }
    })();
    // A failing source (a network read) fails the stream, and so this generator, with its own error.
    writing.catch((error) => stream.destroy(error));
    let complete = false;
    try {
        for await (const chunk of stream)
            yield chunk;
        complete = true;
    }
    finally {
        outputEnded = true;
        const taken = stream.bytesWritten;
        stream.destroy();
        if (complete) {
            await writing;
            giveBack(source, written, writtenFrom, taken);
        }
    }
}
/** Gives back what was written beyond the `taken` bytes, latest first so that the source keeps their order. */
function giveBack(source, written, from, taken) {
    let start = from;
    const untaken = [];
    for (const chunk of written) {
        const end = start + chunk.length;
        if (end > taken)
            untaken.push(chunk.subarray(Math.max(0, taken - start)));
        start = end;
    }
    for (let i = untaken.length - 1; i >= 0; i--)
        source.unread(untaken[i]);
}
function drainedOrClosed(stream) {
    return new Promise((resolve) => {
        const done = () => {
            stream.off('drain', done);
            stream.off('close', done);
            resolve();
        };
        stream.on('drain', done);
        stream.on('close', done);
    });
}

;// CONCATENATED MODULE: ./src/formats/gzip.ts
// GZIP members read one by one (RFC 1952): the header and trailer here, the
// deflate data between them in zlib. Node's Gunzip cannot be used as it is:
// it drops the output it holds when the stream ends early, and any bytes
// after the last member fail the whole stream with the last part of the
// data. Here every byte zlib could inflate is yielded first; then the damage
// is one error: the stream ends early (TRUNCATED_OBJECT), a member's CRC or
// length is wrong or its data cannot be inflated (CORRUPT_OBJECT), or bytes
// that are not another member follow the data (TRAILING_DATA). Zero bytes
// after the last member are padding, as gzip(1) accepts.



const ID1 = 0x1f;
const ID2 = 0x8b;
const DEFLATE = 8;
const FHCRC = 0x02;
const FEXTRA = 0x04;
const FNAME = 0x08;
const FCOMMENT = 0x10;
const RESERVED = 0xe0;
async function* gunzip(reader) {
    for (let member = 0;; member++) {
        const start = reader.position;
        const magic = await reader.read(2);
        if (member > 0 && (magic.length === 0 || (magic[0] === 0 && (await zerosToTheEnd(reader, magic)))))
            return;
        if (magic.length < 2 || magic[0] !== ID1 || magic[1] !== ID2) {
            if (member > 0)
                throw new ObjectReadError('TRAILING_DATA', `the GZIP data ends at byte ${start.toLocaleString('en-US')}, and the bytes after it are not GZIP: they were not read`);
            if (magic.length === 0 || (magic.length === 1 && magic[0] === ID1))
                throw truncated();
            throw new ObjectReadError('CORRUPT_OBJECT', 'the object is not GZIP data (it has no GZIP header)');
        }
        await readHeader(reader);
        let crc = 0;
        let size = 0;
        // Z_SYNC_FLUSH at the end: a cut stream gives all it holds instead of an error.
        const inflate = (0,external_node_zlib_.createInflateRaw)({ chunkSize: 65536, finishFlush: external_node_zlib_.constants.Z_SYNC_FLUSH });
        try {
            for await (const chunk of pump(inflate, reader)) {
                crc = (0,external_node_zlib_.crc32)(chunk, crc);
                size += chunk.length;
                yield chunk;
            }
        }
        catch (error) {
            throw zlibError(error);
        }
        const trailer = Buffer.from(await reader.read(8));
        if (trailer.length < 8)
            throw truncated();
        if (trailer.readUInt32LE(0) !== crc >>> 0)
            throw corrupt(`member ${member + 1}'s CRC-32 does not match its data: the data is damaged`);
        if (trailer.readUInt32LE(4) !== size % 2 ** 32)
            throw corrupt(`member ${member + 1}'s length does not match its data: the data is damaged`);
    }
}
/** The rest of a member's header after ID1 ID2 (RFC 1952 2.3). */
async function readHeader(reader) {
    const fixed = await reader.read(8); // CM FLG MTIME(4) XFL OS
    if (fixed.length < 8)
        throw truncated();
    const flags = fixed[1];
    if (fixed[0] !== DEFLATE || (flags & RESERVED) !== 0)
        throw corrupt('a member header is not one zlib can read');
    if ((flags & FEXTRA) !== 0) {
        const length = await reader.read(2);
        if (length.length < 2 || !(await reader.skip(length[0] | (length[1] << 8))))
            throw truncated();
    }
    if ((flags & FNAME) !== 0 && !(await skipPastZero(reader)))
        throw truncated();
    if ((flags & FCOMMENT) !== 0 && !(await skipPastZero(reader)))
        throw truncated();
    if ((flags & FHCRC) !== 0 && !(await reader.skip(2)))
        throw truncated();
}
async function skipPastZero(reader) {
    for (let chunk = await reader.next(); chunk !== undefined; chunk = await reader.next()) {
        const zero = chunk.indexOf(0);
        if (zero !== -1) {
            reader.unread(chunk.subarray(zero + 1));
            return true;
        }
    }
    return false;
}
/** Whether `first` and every byte after it are zeros (padding). */
async function zerosToTheEnd(reader, first) {
    if (first.some((byte) => byte !== 0))
        return false;
    for (let chunk = await reader.next(); chunk !== undefined; chunk = await reader.next()) {
        if (chunk.some((byte) => byte !== 0))
            return false;
    }
    return true;
}
function truncated() {
    return new ObjectReadError('TRUNCATED_OBJECT', 'the GZIP stream ends early: the object is truncated');
}
function corrupt(why) {
    return new ObjectReadError('CORRUPT_OBJECT', `the GZIP stream is corrupt (${why})`);
}
function zlibError(error) {
    const code = error.code;
    return typeof code === 'string' && code.startsWith('Z_') ? corrupt(error.message) : error;
}

;// CONCATENATED MODULE: ./src/formats/zstd.ts
// ZSTD frames read one by one (RFC 8878). Node's ZstdDecompress stops after
// the first frame and ignores whatever follows it (a second frame, garbage),
// and cannot tell a cut frame from a whole one without failing and dropping
// its output. So each frame's extent is found here from its header and
// block headers, which are plain lengths, and only the frame's bytes go to
// zlib: a cut frame gives every block it holds, then TRUNCATED_OBJECT; bytes
// after the last frame that are not another frame are TRAILING_DATA. Frames
// carry a checksum of their content when written with one (as this action
// writes them), which zstd checks.



const FRAME_MAGIC = 0xfd2fb528;
/** Skippable frames (0x184D2A50 to 0x184D2A5F) hold data that is not content. */
const SKIPPABLE_MASK = 0xfffffff0;
const SKIPPABLE_MAGIC = 0x184d2a50;
const MAX_BLOCK = 128 * 1024;
async function* unzstd(reader, report) {
    for (let frame = 0;; frame++) {
        const start = reader.position;
        const magicBytes = Buffer.from(await reader.read(4));
        if (magicBytes.length === 0) {
            if (frame === 0)
                throw zstd_truncated();
            return;
        }
        const magic = magicBytes.length === 4 ? magicBytes.readUInt32LE(0) : -1;
        if ((magic & SKIPPABLE_MASK) >>> 0 === SKIPPABLE_MAGIC) {
            const size = Buffer.from(await reader.read(4));
            if (size.length < 4 || !(await reader.skip(size.readUInt32LE(0))))
                throw zstd_truncated();
            continue;
        }
        if (magic !== FRAME_MAGIC) {
            if (frame > 0)
                throw new ObjectReadError('TRAILING_DATA', `the ZSTD data ends at byte ${start.toLocaleString('en-US')}, and the bytes after it are not ZSTD: they were not read`);
            if (magicBytes.length < 4 &&
                magicBytes.equals(Buffer.from([0x28, 0xb5, 0x2f, 0xfd]).subarray(0, magicBytes.length)))
                throw zstd_truncated();
            throw new ObjectReadError('CORRUPT_OBJECT', 'the object is not ZSTD data (it has no ZSTD frame header)');
        }
        const walk = new FrameWalk(reader, magicBytes);
        // ZSTD_e_continue at the end: a cut frame gives its whole blocks instead of an error.
        const decompress = (0,external_node_zlib_.createZstdDecompress)({ chunkSize: 65536, finishFlush: external_node_zlib_.constants.ZSTD_e_continue });
        try {
            yield* pump(decompress, walk);
        }
        catch (error) {
            throw zstdError(error);
        }
        if (walk.cut)
            throw zstd_truncated();
        if (walk.problem !== undefined)
            throw zstd_corrupt(walk.problem);
        if (report !== undefined) {
            if (walk.checksum)
                report.checksummed += 1;
            else
                report.unchecked += 1;
        }
    }
}
/**
 * Gives zlib one frame's bytes, exactly: the header, each block (a 3-byte
 * header with the block's type and size, then its bytes), and the checksum.
 */
class FrameWalk {
    /** The reader ended inside the frame. */
    cut = false;
    /** Set when the frame's structure is wrong. */
    problem;
    /** The frame carries a checksum of its content. */
    checksum = false;
    header;
    /** Bytes of the current block (or checksum) still to give. */
    left = 0;
    lastBlock = false;
    finished = false;
    reader;
    constructor(reader, magic) {
        this.reader = reader;
        this.header = magic;
    }
    async next() {
        if (this.header !== undefined)
            return this.frameHeader();
        if (this.left === 0) {
            if (this.finished)
                return undefined;
            if (this.lastBlock) {
                this.finished = true;
                if (!this.checksum)
                    return undefined;
                this.left = 4;
            }
            else {
                return this.blockHeader();
            }
        }
        const chunk = await this.reader.next();
        if (chunk === undefined)
            return this.end();
        if (chunk.length > this.left) {
            this.reader.unread(chunk.subarray(this.left));
            const part = chunk.subarray(0, this.left);
            this.left = 0;
            return part;
        }
        this.left -= chunk.length;
        return chunk;
    }
    /** zlib stopped before the frame's end: the frame's sizes disagree with its content. */
    unread(bytes) {
        this.reader.unread(bytes);
        this.problem ??= 'the frame ends before its blocks do';
    }
    async frameHeader() {
        const magic = this.header;
        this.header = undefined;
        const descriptor = await this.reader.read(1);
        if (descriptor.length === 0)
            return this.end(magic);
        const flags = descriptor[0];
        const singleSegment = (flags & 0x20) !== 0;
        this.checksum = (flags & 0x04) !== 0;
        const contentSizeBytes = [singleSegment ? 1 : 0, 2, 4, 8][flags >> 6];
        const dictionaryBytes = [0, 1, 2, 4][flags & 0x03];
        const rest = await this.reader.read((singleSegment ? 0 : 1) + dictionaryBytes + contentSizeBytes);
        const header = Buffer.concat([magic, descriptor, rest]);
        if (rest.length < (singleSegment ? 0 : 1) + dictionaryBytes + contentSizeBytes)
            return this.end(header);
        return header;
    }
    async blockHeader() {
        const header = await this.reader.read(3);
        if (header.length < 3)
            return this.end(header);
        const value = header[0] | (header[1] << 8) | (header[2] << 16);
        this.lastBlock = (value & 1) === 1;
        const type = (value >> 1) & 3;
        const size = value >>> 3;
        if (type === 3 || size > MAX_BLOCK) {
            // zstd refuses it too; give no more so that it fails on what it has.
            this.problem = type === 3 ? 'a block has the reserved type' : 'a block is larger than 128 KiB';
            this.finished = true;
            this.lastBlock = true;
            return header;
        }
        this.left = type === 1 ? 1 : size; // an RLE block is one byte repeated `size` times
        return header;
    }
    /** The reader ended inside the frame: give zlib what there is, and say so. */
    end(partial) {
        this.cut = true;
        this.finished = true;
        this.left = 0;
        this.lastBlock = true;
        return partial !== undefined && partial.length > 0 ? partial : undefined;
    }
}
function zstd_truncated() {
    return new ObjectReadError('TRUNCATED_OBJECT', 'the ZSTD stream ends early: the object is truncated');
}
function zstd_corrupt(why) {
    return new ObjectReadError('CORRUPT_OBJECT', `the ZSTD stream is corrupt (${why})`);
}
function zstdError(error) {
    const code = error.code;
    return typeof code === 'string' && (code.startsWith('ZSTD_error_') || code.startsWith('Z_'))
        ? zstd_corrupt(error.message)
        : error;
}

;// CONCATENATED MODULE: ./src/formats/compression.ts
// NONE, GZIP and ZSTD streams with Node's own zlib (zstd since Node 22.15),
// and detection from an object's first bytes for `compression: auto`.
// Reading keeps every byte a damaged stream still gives (gzip.ts, zstd.ts);
// writing puts a checksum in every ZSTD frame, so that damage is found.





const GZIP_MAGIC = [0x1f, 0x8b];
const ZSTD_MAGIC = [0x28, 0xb5, 0x2f, 0xfd];
function detectCompression(firstBytes) {
    const starts = (magic) => magic.every((byte, i) => firstBytes[i] === byte);
    if (starts(GZIP_MAGIC))
        return 'GZIP';
    if (starts(ZSTD_MAGIC))
        return 'ZSTD';
    return 'NONE';
}
/** Detects the compression from the first chunk and gives back a stream that still starts with it. */
async function peekCompression(chunks) {
    const iterator = chunks[Symbol.asyncIterator]();
    const first = await iterator.next();
    const head = first.done ? new Uint8Array() : first.value;
    async function* replay() {
        try {
            if (!first.done)
                yield head;
            for (let next = await iterator.next(); !next.done; next = await iterator.next())
                yield next.value;
        }
        finally {
            // A reader that stops early closes the file or the connection now, not when it is collected.
            await iterator.return?.();
        }
    }
    return { compression: detectCompression(head), chunks: replay() };
}
/** The compression of a stream from its first chunk; the stream is closed. */
async function compressionOf(chunks) {
    for await (const chunk of chunks)
        return detectCompression(chunk);
    return 'NONE';
}
/** The file name ending AWS uses for each compression. */
function compressionExtension(compression) {
    return { NONE: '', GZIP: '.gz', ZSTD: '.zst' }[compression];
}
/**
 * The decompressed bytes. A damaged stream gives all it can first, then
 * throws one ObjectReadError: TRUNCATED_OBJECT, CORRUPT_OBJECT, or
 * TRAILING_DATA (after all of the data, which is whole).
 */
async function* decompress(chunks, compression, report) {
    if (compression === 'NONE') {
        yield* chunks;
        return;
    }
    const reader = new ByteReader(chunks);
    try {
        yield* compression === 'GZIP' ? gunzip(reader) : unzstd(reader, report);
    }
    finally {
        reader.close();
    }
}
async function* compress(chunks, compression) {
    if (compression === 'NONE') {
        yield* chunks;
        return;
    }
    const stream = compression === 'GZIP' ? (0,external_node_zlib_.createGzip)() : (0,external_node_zlib_.createZstdCompress)({ params: { [external_node_zlib_.constants.ZSTD_c_checksumFlag]: 1 } });
    const source = external_node_stream_.Readable.from(chunks, { objectMode: false });
    source.on('error', (error) => stream.destroy(error));
    source.pipe(stream);
    try {
        for await (const chunk of stream)
            yield chunk;
    }
    finally {
        source.destroy();
        stream.destroy();
    }
}

;// CONCATENATED MODULE: ./src/formats/manifest.ts
// The export layout AWS writes, for both engines to write and to read:
// <prefix>/AWSDynamoDB/<exportId>/{manifest-summary.json, manifest-summary.md5,
// manifest-files.json, manifest-files.md5, _started, data/<name>.json.gz}.


/** An export id in AWS's shape: 14 digits of epoch milliseconds, a dash, 8 hex digits. */
function newExportId(now, random = external_node_crypto_.randomBytes) {
    return `${String(now.getTime()).padStart(14, '0')}-${random(4).toString('hex')}`;
}
const EXPORT_ID = /^\d{14}-[0-9a-f]{8}$/;
/** Keys (or relative paths) of an export's files under a prefix that may or may not end in `/`. */
function exportPaths(prefix, exportId) {
    const root = prefix === '' || prefix.endsWith('/') ? prefix : `${prefix}/`;
    const folder = `${root}AWSDynamoDB/${exportId}/`;
    return {
        folder,
        manifestSummary: `${folder}manifest-summary.json`,
        manifestSummaryMd5: `${folder}manifest-summary.md5`,
        manifestFiles: `${folder}manifest-files.json`,
        manifestFilesMd5: `${folder}manifest-files.md5`,
        started: `${folder}_started`,
        dataFolder: `${folder}data/`,
    };
}
/** A data file's key: AWS names them with random lowercase letters and digits. */
function dataFileKey(paths, format, compression, random = external_node_crypto_.randomBytes) {
    const name = random(16)
        .toString('base64')
        .replace(/[^a-z0-9]/gi, '')
        .toLowerCase()
        .slice(0, 20)
        .padEnd(20, '0');
    return `${paths.dataFolder}${name}${format === 'ION' ? '.ion' : '.json'}${compressionExtension(compression)}`;
}
function md5Base64(content) {
    return (0,external_node_crypto_.createHash)('md5').update(content).digest('base64');
}
/** manifest-files.json: one JSON object a line. */
function formatManifestFiles(entries) {
    return entries.map((entry) => `${JSON.stringify(entry)}\n`).join('');
}
function formatManifestSummary(summary) {
    return `${JSON.stringify(summary)}\n`;
}
class ManifestError extends Error {
    constructor(message) {
        super(message);
        this.name = 'ManifestError';
    }
}
function parseManifestSummary(text, where) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (error) {
        throw new ManifestError(`${where} is not valid JSON: ${error.message}`);
    }
    const summary = value;
    if (typeof summary !== 'object' ||
        summary === null ||
        typeof summary.manifestFilesS3Key !== 'string' ||
        typeof summary.outputFormat !== 'string') {
        throw new ManifestError(`${where} is not an export's manifest-summary.json (no manifestFilesS3Key or outputFormat)`);
    }
    return summary;
}
function parseManifestFiles(text, where) {
    return text
        .split('\n')
        .map((line, i) => [line.trim(), i + 1])
        .filter(([line]) => line !== '')
        .map(([line, number]) => {
        let entry;
        try {
            entry = JSON.parse(line);
        }
        catch (error) {
            throw new ManifestError(`${where} line ${number} is not valid JSON: ${error.message}`);
        }
        if (typeof entry.dataFileS3Key !== 'string' || typeof entry.md5Checksum !== 'string') {
            throw new ManifestError(`${where} line ${number} has no dataFileS3Key or md5Checksum`);
        }
        return {
            itemCount: Number(entry.itemCount ?? 0),
            md5Checksum: entry.md5Checksum,
            etag: String(entry.etag ?? ''),
            dataFileS3Key: entry.dataFileS3Key,
        };
    });
}
/** Whether a `.md5` file's content (base64 or hex, as tools differ) matches the content it covers. */
function md5Matches(md5File, content) {
    const expected = md5File.trim();
    const digest = (0,external_node_crypto_.createHash)('md5').update(content).digest();
    return expected === digest.toString('base64') || expected.toLowerCase() === digest.toString('hex');
}
/** Computes a stream's MD5 as it passes, for the check of each data file before its items are trusted. */
class Md5Tracker {
    hash = (0,external_node_crypto_.createHash)('md5');
    async *track(chunks) {
        for await (const chunk of chunks) {
            this.hash.update(chunk);
            yield chunk;
        }
    }
    base64() {
        return this.hash.copy().digest('base64');
    }
}

;// CONCATENATED MODULE: ./src/sources/export-folder.ts
// Recognises the layout AWS's export writes, in one place:
// <root>AWSDynamoDB/<exportId>/{manifest-summary.json, manifest-files.json,
// _started, data/...}, for keys in S3 and paths in a local folder alike.


const ID = EXPORT_ID.source.replace(/^\^|\$$/g, '');
const IN_EXPORT = new RegExp(`^(.*?)AWSDynamoDB/(${ID})/(.*)$`);
const ID_ONLY = new RegExp(`^${ID}$`);
/** Where a key (or a local path with `/` separators) sits in an export's folder, if it does. */
function exportFileOf(key) {
    const match = IN_EXPORT.exec(key);
    if (match === null)
        return undefined;
    return { root: match[1], exportId: match[2], file: match[3] };
}
/** The export's own folder: `<root>AWSDynamoDB/<exportId>/`. */
function exportFolder(root, exportId) {
    return `${root}AWSDynamoDB/${exportId}/`;
}
/** The files that make an export's folder an export rather than data. */
const MANIFEST_FILE_NAMES = ['manifest-summary.json', 'manifest-files.json', '_started'];
/**
 * The key a manifest's `dataFileS3Key` names inside the export's root, or why
 * it names nothing there. AWS writes full keys from the bucket root
 * (`<prefix>/AWSDynamoDB/<id>/data/x.json.gz`, or an incremental export's
 * `<prefix>/AWSDynamoDB/data/x.json.gz`), tools that copy an export write
 * them relative to its prefix, and the export may since have been moved: the
 * part from the `AWSDynamoDB/` segment on is kept under `root`, so both
 * spellings name the same file and neither can reach outside the source. A key without that segment, with a leading `/`, or with a
 * `.` or `..` segment anywhere could point anywhere, and names nothing.
 */
function dataFileKeyIn(root, dataFileS3Key) {
    if (dataFileS3Key.startsWith('/'))
        return { why: 'it starts with /' };
    const segments = dataFileS3Key.split('/');
    if (segments.includes('..'))
        return { why: 'it has a .. segment' };
    if (segments.includes('.'))
        return { why: 'it has a . segment' };
    // The export's own AWSDynamoDB/ segment, followed by `data` (an incremental
    // export's shared folder) or the export id, even when the prefix has one too.
    const own = segments.findIndex((s, i) => s === 'AWSDynamoDB' && (segments[i + 1] === 'data' || ID_ONLY.test(segments[i + 1] ?? '')));
    const at = own === -1 ? segments.indexOf('AWSDynamoDB') : own;
    if (at === -1 || at === segments.length - 1)
        return { why: 'it has no AWSDynamoDB/ folder' };
    const rest = segments.slice(at).join('/');
    const why = unsafeKey(rest);
    if (why !== undefined)
        return { why };
    if (rest.endsWith('/'))
        return { why: 'it names a folder' };
    return { key: `${root}${rest}` };
}

;// CONCATENATED MODULE: ./src/sources/open.ts
// Opens what an import reads: an S3 prefix (S3's own prefix meaning), a local
// file (that file alone, never its siblings), or a local folder (the files
// under it). A local folder or file inside an export's layout is opened at the
// export's root, so its keys read as they do in S3 and the export is
// recognised by its manifests.







/** `guard`: the cancel and idle timeout every read of an S3 source honours. */
async function openSource(location, s3, guard) {
    if (location.kind === 's3') {
        const store = new S3Store(s3, location.bucket, {
            ...(location.owner !== undefined && { owner: location.owner }),
            ...(guard !== undefined && { guard }),
        });
        return { store, prefix: location.prefix };
    }
    // lstat: a symbolic link given as path is looked at as a link first (see openFile).
    const info = await (0,promises_.lstat)(location.path).catch((error) => {
        if (error.code === 'ENOENT' || error.code === 'ENOTDIR')
            return undefined;
        throw error;
    });
    if (info === undefined) {
        throw new errors/* TransferError */.aG('SOURCE_NOT_FOUND', `path ${location.path} does not exist; nothing was created or written. Check path (relative paths start at the repository checkout).`);
    }
    // The folder given as path is opened even when it is a symbolic link (it was named); nothing under it is followed.
    const isFolder = info.isDirectory() || (info.isSymbolicLink() && (await isFolderBehindLink(location.path)));
    if (!isFolder)
        return openFile(location.path);
    const folder = location.path.split(external_node_path_.sep).join('/').replace(/\/?$/, '/');
    const inExport = exportFileOf(folder);
    if (inExport !== undefined) {
        // Open at the export's root: `<root>AWSDynamoDB/<id>/...` as in S3.
        return { store: new LocalStore(inExport.root), prefix: folder.slice(inExport.root.length) };
    }
    return { store: new LocalStore(location.path), prefix: '' };
}
/**
 * One file: that file alone. It is read only when it is a regular file whose
 * real path is in its own folder, or in its export's root for a file inside an
 * export (a symbolic link to a sibling is followed, one leading elsewhere is
 * refused). A file inside an export is opened at the export's root so that
 * its manifest is found.
 */
async function openFile(path) {
    const unix = path.split(external_node_path_.sep).join('/');
    const inExport = exportFileOf(unix);
    const store = new LocalStore(inExport === undefined ? (0,external_node_path_.dirname)(path) : inExport.root);
    const key = inExport === undefined ? (0,external_node_path_.basename)(path) : unix.slice(inExport.root.length);
    let file;
    try {
        file = await store.stat(key);
    }
    catch (error) {
        if (!(error instanceof OutsideRootError))
            throw error;
        throw new errors/* TransferError */.aG('INVALID_INPUT', `path ${path} cannot be read: ${error.message}. Nothing was created or written. Give the path of a regular file (a symbolic link is followed only to a file in the same folder).`);
    }
    if (file === undefined) {
        throw new errors/* TransferError */.aG('SOURCE_NOT_FOUND', `path ${path} does not exist (a symbolic link to nothing); nothing was created or written.`);
    }
    return { store, prefix: key, file };
}
async function isFolderBehindLink(path) {
    return (await (0,promises_.stat)(path).catch(() => undefined))?.isDirectory() === true;
}

;// CONCATENATED MODULE: ./src/sources/manifest-checksum.ts
// A manifest checked against the checksum file beside it. AWS's documentation
// names that file both `<name>.md5` and `<name>.checksum` (the incremental
// export layout shows `manifest-files.checksum`), and tools write the MD5 in
// hex or base64: either name and either spelling is read. A manifest with no
// checksum file is used as it is, as before.

/** `.md5` and `.checksum` files are a few dozen bytes. */
const MAX_CHECKSUM_BYTES = 1024 * 1024;
/** Throws ManifestError when the checksum file beside `key` (`x.json` -> `x.md5`, `x.checksum`) does not match `text`. */
async function checkManifest(store, key, text) {
    const base = key.replace(/\.json$/, '');
    for (const checksumKey of [`${base}.md5`, `${base}.checksum`]) {
        const checksum = await store.readText(checksumKey, MAX_CHECKSUM_BYTES);
        if (checksum === undefined)
            continue;
        if (!md5Matches(checksum, text)) {
            throw new ManifestError(`${store.describe(key)} does not match ${store.describe(checksumKey)}: the manifest is damaged or was changed`);
        }
        return;
    }
}

;// CONCATENATED MODULE: ./src/sources/resolve.ts
// What an import reads: every object under the source prefix, or, when the
// source holds an export written by AWS or by this action (its folder, its
// root, or its data folder and the files in it), the data files its manifest
// lists, each to be checked against its MD5 before use. Everything here is
// settled before any data file is read or any table is touched: an unfinished
// export, a damaged manifest, or a manifest naming a file outside the export
// stops the import here.





/** AWS's ImportTable reads at most this many objects; the direct engine keeps the same limit. */
const MAX_SOURCE_OBJECTS = 50_000;
/** manifest-files.json lists up to 50,000 files of about 200 bytes each: 64 MiB is far more than any needs. */
const MAX_MANIFEST_FILES_BYTES = 64 * 1024 * 1024;
/** manifest-summary.json and the `.md5` files are a few hundred bytes. */
const MAX_SMALL_MANIFEST_BYTES = 1024 * 1024;
/** Data files looked up at once when the listing did not show them. */
const STAT_CONCURRENCY = 8;
/** Names shown in one log line before "and N more". */
const resolve_NAMES_SHOWN = 20;
async function resolveSource(opened) {
    const { store, prefix } = opened;
    const listed = [];
    const exports = new Map();
    if (opened.file !== undefined)
        listed.push(opened.file);
    else {
        for await (const object of store.list(prefix, MAX_SOURCE_OBJECTS + 1)) {
            if (object.key.endsWith('/'))
                continue; // folder markers
            const inExport = exportFileOf(object.key);
            // Any of an export's own files makes its folder an export, finished or not.
            if (inExport !== undefined && MANIFEST_FILE_NAMES.includes(inExport.file)) {
                exports.set(`${inExport.root}\u0000${inExport.exportId}`, { root: inExport.root, exportId: inExport.exportId });
            }
            listed.push(object);
        }
    }
    if (exports.size > 1) {
        const found = [...exports.values()].sort((a, b) => (a.exportId < b.exportId ? -1 : 1));
        const first = found[0];
        throw new errors/* TransferError */.aG('SOURCE_HAS_SEVERAL_EXPORTS', `${store.describe(prefix)} holds ${found.length} exports (${found.map((e) => e.exportId).join(', ')}); point prefix or path at one of them, such as ${store.describe(exportPaths(first.root, first.exportId).folder)}`);
    }
    const [only] = exports.values();
    if (only !== undefined) {
        const resolved = await readExport(store, only, listed, { kind: 'all' });
        return { ...resolved, notes: [...resolved.notes, ...skippedNotes(store, prefix)] };
    }
    if (listed.length === 0) {
        const skipped = skippedNotes(store, prefix).map((note) => ` ${note}`);
        throw new errors/* TransferError */.aG('SOURCE_EMPTY', `No objects found under ${store.describe(prefix)}; nothing was created or written. Check bucket, prefix or path.${skipped.join('')}`);
    }
    // An export's data folder, or a file in it (the export's data-url output): its manifest decides.
    const inData = exportFileOf(opened.file?.key ?? prefix);
    if (inData !== undefined && (inData.file === 'data' || inData.file.startsWith('data/'))) {
        const scope = opened.file === undefined ? { kind: 'prefix', prefix } : { kind: 'file', key: opened.file.key };
        if (await hasManifests(store, inData)) {
            const resolved = await readExport(store, inData, listed, scope);
            return { ...resolved, notes: [...resolved.notes, ...skippedNotes(store, prefix)] };
        }
    }
    if (listed.length > MAX_SOURCE_OBJECTS) {
        throw new errors/* TransferError */.aG('SOURCE_TOO_MANY_OBJECTS', `More than ${MAX_SOURCE_OBJECTS.toLocaleString('en-US')} objects under ${store.describe(prefix)}; an import reads at most ${MAX_SOURCE_OBJECTS.toLocaleString('en-US')}. Consolidate them into larger objects or narrow the prefix.`);
    }
    const notes = skippedNotes(store, prefix);
    if (inData !== undefined && (inData.file === 'data' || inData.file.startsWith('data/'))) {
        notes.unshift(`${store.describe(exportPaths(inData.root, inData.exportId).folder)} has no manifests: its data files are read without MD5 checks.`);
    }
    return { objects: listed, notes };
}
/** Whether the export's folder has any of its own files (a data folder copied alone has none). */
async function hasManifests(store, at) {
    const paths = exportPaths(at.root, at.exportId);
    for (const key of [paths.manifestSummary, paths.manifestFiles, paths.started]) {
        if ((await store.stat(key).catch(rethrowAsManifestError)) !== undefined)
            return true;
    }
    return false;
}
async function readExport(store, at, listed, scope) {
    const paths = exportPaths(at.root, at.exportId);
    const folder = store.describe(paths.folder);
    try {
        const summaryText = await store.readText(paths.manifestSummary, MAX_SMALL_MANIFEST_BYTES);
        if (summaryText === undefined)
            throw await incomplete(store, at, listed);
        await checkManifest(store, paths.manifestSummary, summaryText);
        const summary = parseManifestSummary(summaryText, store.describe(paths.manifestSummary));
        const filesText = await store.readText(paths.manifestFiles, MAX_MANIFEST_FILES_BYTES);
        if (filesText === undefined) {
            throw new ManifestError(`${store.describe(paths.manifestFiles)} is missing, though ${store.describe(paths.manifestSummary)} is there: the export is damaged or was copied in part`);
        }
        await checkManifest(store, paths.manifestFiles, filesText);
        const entries = parseManifestFiles(filesText, store.describe(paths.manifestFiles));
        // Every key is placed inside the export's root before anything is read.
        const all = entries.map((entry, index) => {
            const placed = dataFileKeyIn(at.root, entry.dataFileS3Key);
            if ('why' in placed) {
                throw new errors/* TransferError */.aG('MANIFEST_OUTSIDE_SOURCE', `${store.describe(paths.manifestFiles)} (entry ${index + 1}) lists the data file ${shown(entry.dataFileS3Key)}, which could point outside the export: ${placed.why}. An export's data files are under ${store.describe(`${at.root}AWSDynamoDB/`)}. Nothing was read, created or written.`);
            }
            return { key: placed.key, md5: entry.md5Checksum, itemCount: entry.itemCount };
        });
        const chosen = all.filter((o) => scope.kind === 'all' ? true : scope.kind === 'file' ? o.key === scope.key : o.key.startsWith(scope.prefix));
        const notes = unlistedNotes(store, paths.dataFolder, listed, all);
        if (chosen.length === 0) {
            throw new errors/* TransferError */.aG('SOURCE_EMPTY', `${store.describe(scope.kind === 'file' ? scope.key : scope.kind === 'prefix' ? scope.prefix : paths.folder)} holds no data file that the export's manifest (${store.describe(paths.manifestFiles)}) lists; nothing was created or written.`);
        }
        const objects = await sized(store, chosen, listed, paths.manifestFiles);
        const format = summary.outputFormat === 'ION' ? 'ION' : 'DYNAMODB_JSON';
        const itemCount = scope.kind === 'all' ? summary.itemCount : chosen.reduce((sum, o) => sum + o.itemCount, 0);
        if (scope.kind !== 'all') {
            notes.unshift(`${scope.kind === 'file' ? store.describe(scope.key) : store.describe(scope.prefix)} is in the export ${folder}: its manifest is used, and each data file is checked against its MD5 before any of its items are written.`);
        }
        return { objects, export: { folder, format, itemCount }, notes };
    }
    catch (error) {
        return rethrowAsManifestError(error);
    }
}
/** The sizes of the manifest's files: from the listing, or looked up; a file that is not there stops the import. */
async function sized(store, chosen, listed, manifest) {
    const sizes = new Map(listed.map((o) => [o.key, o.size]));
    const objects = new Array(chosen.length);
    let next = 0;
    const worker = async () => {
        for (let i = next++; i < chosen.length; i = next++) {
            const { key, md5, itemCount } = chosen[i];
            const size = sizes.get(key) ?? (await store.stat(key))?.size;
            if (size === undefined) {
                throw new ManifestError(`${store.describe(manifest)} lists ${store.describe(key)}, which is not there: the export is damaged or was copied in part`);
            }
            objects[i] = { key, size, md5, itemCount };
        }
    };
    await Promise.all(Array.from({ length: Math.min(STAT_CONCURRENCY, chosen.length) }, worker));
    return objects;
}
/** EXPORT_INCOMPLETE: the folder has an export's files but not the summary, which an export writes last. */
async function incomplete(store, at, listed) {
    const paths = exportPaths(at.root, at.exportId);
    const keys = new Set(listed.map((o) => o.key));
    const present = [];
    for (const key of [paths.started, paths.manifestFiles]) {
        if (keys.has(key) || (await store.stat(key)) !== undefined)
            present.push(key.slice(paths.folder.length));
    }
    const dataFiles = listed.filter((o) => o.key.startsWith(paths.dataFolder)).length;
    if (dataFiles > 0)
        present.push(`${dataFiles} data file(s)`);
    return new errors/* TransferError */.aG('EXPORT_INCOMPLETE', `${store.describe(paths.folder)} is an export that has not finished: it has ${present.join(', ') || 'some of its files'} but no manifest-summary.json, which an export writes last. Nothing was created or written. Wait until the export has finished (run a failed direct export again) and import that.`);
}
/** Objects in the export's data folder that its manifest does not list: never read, but said. */
function unlistedNotes(store, dataFolder, listed, inManifest) {
    const known = new Set(inManifest.map((o) => o.key));
    const unlisted = listed.filter((o) => o.key.startsWith(dataFolder) && !known.has(o.key));
    if (unlisted.length === 0)
        return [];
    return [
        `${unlisted.length} object(s) in ${store.describe(dataFolder)} are not in the export's manifest and were not read: ${names(unlisted.map((o) => store.describe(o.key)))}.`,
    ];
}
/** What the listing skipped, for the log. */
function skippedNotes(store, prefix) {
    if (store.skipped.length === 0)
        return [];
    return [
        `Skipped ${store.skipped.length} entr${store.skipped.length === 1 ? 'y' : 'ies'} under ${store.describe(prefix)} that ${store.skipped.length === 1 ? 'is' : 'are'} not a regular file (symbolic links are never followed): ${names(store.skipped)}.`,
    ];
}
function names(all) {
    const shownNames = all.slice(0, resolve_NAMES_SHOWN).join(', ');
    return all.length > resolve_NAMES_SHOWN ? `${shownNames} and ${all.length - resolve_NAMES_SHOWN} more` : shownNames;
}
/** A key from a file, quoted and cut short: manifests are not trusted to be small or printable. */
function shown(key) {
    return JSON.stringify(key.length > 200 ? `${key.slice(0, 200)}...` : key);
}
function rethrowAsManifestError(error) {
    if (error instanceof ManifestError || error instanceof TooLargeError)
        throw new errors/* TransferError */.aG('MANIFEST_INVALID', error.message);
    if (error instanceof OutsideRootError)
        throw new errors/* TransferError */.aG('MANIFEST_OUTSIDE_SOURCE', `${error.message}: an export's files must be regular files inside the source. Nothing was read, created or written.`);
    throw error;
}

;// CONCATENATED MODULE: ./src/formats/excerpt.ts
// Item content quoted in an error message is cut short: a message goes to the
// log, the job summary, annotations and the rejects file, so a hostile value
// (a 4 MB attribute name, a 10 MB exponent) must not make it huge.
/** The most characters of item content one message quotes. */
const EXCERPT_CHARS = 100;
/** The most characters a whole message may have, whatever it quotes. */
const MESSAGE_CHARS = 1000;
/** `text` cut to `max` characters with an ellipsis, never between the halves of a surrogate pair. */
function excerpt(text, max = EXCERPT_CHARS) {
    if (text.length <= max)
        return text;
    const end = isHighSurrogate(text.charCodeAt(max - 1)) ? max - 1 : max;
    return `${text.slice(0, end)}…`;
}
function isHighSurrogate(code) {
    return code >= 0xd800 && code <= 0xdbff;
}

// EXTERNAL MODULE: ./node_modules/csv-parse/lib/index.js + 9 modules
var lib = __webpack_require__(56070);
;// CONCATENATED MODULE: ./src/formats/attribute-value.ts
// DynamoDB JSON <-> AttributeValue, checked the way DynamoDB checks them.
// Numbers stay decimal strings; binary becomes bytes, never a base64 string
// that the SDK would encode a second time.

/**
 * DynamoDB's nesting limit. An item's attributes are at level 1 and a map's
 * or list's contents one level below it; DynamoDB refuses a map or list at
 * level 32, even an empty one, while a scalar or set there is accepted.
 */
const MAX_NESTING = 32;
/** A bad value; `path` (such as `Credits.Takes[2]`) is filled in as the error leaves each container. */
class AttributeValueError extends Error {
    code;
    reason;
    segments = [];
    constructor(code, reason) {
        super(reason);
        this.name = 'AttributeValueError';
        this.code = code;
        this.reason = reason;
    }
    /** Adds the enclosing attribute name or list index, as the error leaves it. */
    within(segment) {
        this.segments.unshift(segment);
        this.message = `${this.path}: ${this.reason}`;
        return this;
    }
    /** Where the value is, with each name and the whole path cut short: names are item content. */
    get path() {
        const path = this.segments
            .map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? excerpt(s) : `.${excerpt(s)}`))
            .join('');
        return excerpt(path, 2 * EXCERPT_CHARS);
    }
}
/** Sets an attribute as an own property, even one named `__proto__` (which plain assignment would swallow). */
function setAttribute(map, name, value) {
    if (name === '__proto__')
        Object.defineProperty(map, name, { value, enumerable: true, writable: true, configurable: true });
    else
        map[name] = value;
}
/** DynamoDB refuses an empty attribute name at any depth ("Empty attribute name"), a map's keys included. */
function checkName(name) {
    if (name === '')
        throw new AttributeValueError('EMPTY_ATTRIBUTE_NAME', 'an attribute name is empty, which DynamoDB refuses');
}
function newWalk() {
    return { keys: 0, chars: 0 };
}
function tooDeep() {
    return new AttributeValueError('TOO_DEEPLY_NESTED', `maps and lists are nested more than ${MAX_NESTING} levels deep, beyond DynamoDB's limit`);
}
function hasDuplicates(members) {
    if (members.length > 8)
        return new Set(members).size !== members.length;
    for (let i = 1; i < members.length; i++) {
        for (let j = 0; j < i; j++)
            if (members[i] === members[j])
                return true;
    }
    return false;
}
const TYPE_TAGS = 'S, N, B, BOOL, NULL, L, M, SS, NS, BS';
/**
 * One attribute value in DynamoDB JSON (`{"N": "1"}`) to an AttributeValue.
 * Takes ownership of the parsed value and converts it in place: only binary
 * values are replaced, so a parsed line becomes an item without copying.
 */
function fromDynamoJson(value, walk = newWalk(), level = 1) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw new AttributeValueError('INVALID_TYPE', 'expected a type-tagged object such as {"S": "text"}');
    }
    let tag;
    for (const key in value) {
        if (tag !== undefined)
            throw new AttributeValueError('INVALID_TYPE', `expected exactly one type tag (${TYPE_TAGS}), not ${Object.keys(value).length}`);
        tag = key;
    }
    walk.keys += 1;
    walk.chars += (tag?.length ?? 0) + 5; // {"tag":...}
    const record = value;
    const inner = tag === undefined ? undefined : record[tag];
    switch (tag) {
        case 'S':
            walk.chars += expectString(inner, tag).length + 2;
            return value;
        case 'N':
            walk.chars += checkNumber(expectString(inner, tag)).length + 2;
            return value;
        case 'B': {
            const text = expectString(inner, tag);
            walk.chars += text.length + 2;
            return { B: decodeBase64(text) };
        }
        case 'BOOL':
            if (typeof inner !== 'boolean')
                throw new AttributeValueError('INVALID_TYPE', 'expected BOOL to hold true or false');
            walk.chars += inner ? 4 : 5;
            return value;
        case 'NULL':
            if (inner !== true)
                throw new AttributeValueError('INVALID_TYPE', 'expected NULL to hold true');
            walk.chars += 4;
            return value;
        case 'L':
            if (!Array.isArray(inner))
                throw new AttributeValueError('INVALID_TYPE', 'expected L to hold a list');
            if (level >= MAX_NESTING)
                throw tooDeep();
            walk.chars += listChars(inner.length);
            for (let i = 0; i < inner.length; i++) {
                try {
                    const converted = fromDynamoJson(inner[i], walk, level + 1);
                    if (converted !== inner[i])
                        inner[i] = converted;
                }
                catch (error) {
                    throw error instanceof AttributeValueError ? error.within(i) : error;
                }
            }
            return value;
        case 'M':
            if (level >= MAX_NESTING && typeof inner === 'object' && inner !== null)
                throw tooDeep();
            fromDynamoJsonMap(inner, walk, level);
            return value;
        case 'SS':
            checkSet(expectStrings(inner, tag, walk), tag);
            return value;
        case 'NS':
            for (const n of expectStrings(inner, tag, walk))
                checkNumber(n);
            checkSet(inner, tag);
            return value;
        case 'BS': {
            const members = checkSet(expectStrings(inner, tag, walk), tag).map(decodeBase64);
            // "AA==" and "AB==" are one byte: DynamoDB compares members by their bytes.
            checkSet(members.map(toBase64), tag);
            return { BS: members };
        }
        case undefined:
            throw new AttributeValueError('INVALID_TYPE', `expected exactly one type tag (${TYPE_TAGS}), not 0`);
        default:
            throw new AttributeValueError('INVALID_TYPE', `expected a type tag of ${TYPE_TAGS}, not "${excerpt(tag)}"`);
    }
}
/**
 * A map of attribute name to DynamoDB JSON value, such as an item (level 0)
 * or an `M`, converted in place; its values are one level below it.
 */
function fromDynamoJsonMap(value, walk = newWalk(), level = 0) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw new AttributeValueError('INVALID_TYPE', 'expected an object of attribute names to values');
    }
    const map = value;
    let names = 0;
    for (const name in map) {
        names += 1;
        walk.chars += name.length + 3; // "name":
        checkName(name);
        try {
            const value = map[name];
            const converted = fromDynamoJson(value, walk, level + 1);
            if (converted !== value)
                setAttribute(map, name, converted); // only binary values are replaced
        }
        catch (error) {
            throw error instanceof AttributeValueError ? error.within(name) : error;
        }
    }
    walk.keys += names;
    walk.chars += listChars(names);
    return map;
}
/** Brackets and commas around `count` members. */
function listChars(count) {
    return count === 0 ? 2 : count + 1;
}
function expectString(value, tag) {
    if (typeof value !== 'string')
        throw new AttributeValueError('INVALID_TYPE', `expected ${tag} to hold a string`);
    return value;
}
function expectStrings(value, tag, walk) {
    if (!Array.isArray(value))
        throw new AttributeValueError('INVALID_TYPE', `expected ${tag} to hold a list of strings`);
    walk.chars += listChars(value.length);
    for (const v of value) {
        if (typeof v !== 'string')
            throw new AttributeValueError('INVALID_TYPE', `expected ${tag} to hold a list of strings`);
        walk.chars += v.length + 2;
    }
    return value;
}
/**
 * Sets are non-empty and without duplicates, in AWS's words. Numbers are
 * compared by value, as DynamoDB does: 1, 1.0 and 1E0 are one member.
 */
function checkSet(members, tag) {
    if (members.length === 0) {
        throw new AttributeValueError('INVALID_SET', `One or more parameter values were invalid: An ${tag} set may not be empty`);
    }
    const compared = tag === 'NS' ? members.map(numberValue) : members;
    if (members.length > 1 && hasDuplicates(compared)) {
        throw new AttributeValueError('INVALID_SET', `Input collection ${tag} contains duplicates`);
    }
    return members;
}
const PLAIN_NUMBER = /^-?(?:\d+(?:\.\d*)?|\.\d+)$/;
const NUMBER = /^[+-]?(?=\.?\d)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;
const NON_ZERO = /[1-9]/;
/**
 * DynamoDB numbers: 38 significant digits, magnitude 1E-130 to under 1E+126.
 * One pass over the characters: this runs for every number of every item.
 */
function checkNumber(text) {
    // At most 38 digits and no exponent is always in range: most numbers stop here.
    if (text.length <= 38 && PLAIN_NUMBER.test(text))
        return text;
    const match = NUMBER.exec(text);
    if (match === null)
        throw invalidNumber(text, 'expected digits with an optional sign, point and exponent');
    const value = significant(match);
    if (value === undefined)
        return checkZero(text, match);
    if (value.digits.length > 38)
        throw invalidNumber(text, 'more than 38 significant digits');
    if (value.magnitude > 125)
        throw invalidNumber(text, 'larger than 9.9999999999999999999999999999999999999E+125');
    if (value.magnitude < -130)
        throw invalidNumber(text, 'smaller than 1E-130');
    return text;
}
const INT_MAX = 2 ** 31 - 1;
/**
 * Zero has no magnitude to check, but DynamoDB reads its exponent, and its
 * scale (digits after the point less the exponent), as 32-bit integers:
 * 0e2147483647 is 0, while 0e2147483648 and 0.0e-2147483647 are refused ("A
 * value provided cannot be converted into a number"). Any other number with
 * such an exponent is out of range anyway.
 */
function checkZero(text, match) {
    if (match[3] === undefined)
        return text;
    const exponent = Number(match[3]);
    if (exponent > INT_MAX || (match[2]?.length ?? 0) - exponent > INT_MAX)
        throw invalidNumber(text, 'zero with an exponent beyond what DynamoDB can read');
    return text;
}
/** A checked number as `digits e exponent` without padding zeros, so equal values give equal strings. */
function numberValue(text) {
    const integer = plainInteger(text);
    if (integer !== undefined)
        return integer;
    const match = NUMBER.exec(text);
    if (match === null)
        return text;
    const value = significant(match);
    if (value === undefined)
        return '0';
    return `${text.startsWith('-') ? '-' : ''}${value.digits}e${value.magnitude}`;
}
/**
 * The same for an integer without a sign, point or leading zero (`1200`:
 * `12e3`), without a regular expression: the usual key of every item.
 */
function plainInteger(text) {
    const from = text.charCodeAt(0) === 45 ? 1 : 0; // -
    const first = text.charCodeAt(from);
    if (text.length === from || first < 49 || first > 57)
        return undefined;
    let last = from;
    for (let i = from + 1; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c < 48 || c > 57)
            return undefined;
        if (c !== 48)
            last = i;
    }
    return `${text.slice(0, last + 1)}e${text.length - from - 1}`;
}
/** The significant digits and the decimal exponent of the first (123.40 -> 1234, 2; 0.05 -> 5, -2); none for zero. */
function significant(match) {
    const whole = match[1] ?? '';
    const digits = whole + (match[2] ?? '');
    const first = digits.search(NON_ZERO);
    if (first === -1)
        return undefined;
    let last = digits.length - 1;
    while (digits.charCodeAt(last) === 48)
        last -= 1;
    const magnitude = whole.length - first - 1 + (match[3] === undefined ? 0 : Number(match[3]));
    return { digits: digits.slice(first, last + 1), magnitude };
}
function invalidNumber(text, why) {
    return new AttributeValueError('INVALID_NUMBER', `"${excerpt(text)}" is not a valid DynamoDB number (${why})`);
}
/**
 * Strict base64 (standard alphabet, padded). Node's decoder skips characters
 * it does not know, so any such character shows as a shorter result.
 */
function decodeBase64(text) {
    const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
    const buffer = Buffer.from(text, 'base64');
    const valid = text.length % 4 === 0 &&
        buffer.byteLength === (text.length / 4) * 3 - padding &&
        text.indexOf('-') === -1 &&
        text.indexOf('_') === -1;
    if (!valid) {
        throw new AttributeValueError('INVALID_BINARY', `"${excerpt(text, 40)}" is not valid base64`);
    }
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
function toBase64(bytes) {
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}
/** AttributeValue to DynamoDB JSON, as AWS's export writes it. */
function toDynamoJson(value) {
    if (value.S !== undefined)
        return { S: value.S };
    if (value.N !== undefined)
        return { N: value.N };
    if (value.B !== undefined)
        return { B: Buffer.from(value.B).toString('base64') };
    if (value.BOOL !== undefined)
        return { BOOL: value.BOOL };
    if (value.NULL !== undefined)
        return { NULL: true };
    if (value.L !== undefined)
        return { L: value.L.map(toDynamoJson) };
    if (value.M !== undefined)
        return { M: toDynamoJsonMap(value.M) };
    if (value.SS !== undefined)
        return { SS: value.SS };
    if (value.NS !== undefined)
        return { NS: value.NS };
    if (value.BS !== undefined)
        return { BS: value.BS.map((b) => Buffer.from(b).toString('base64')) };
    throw new AttributeValueError('INVALID_TYPE', `unsupported attribute value: ${excerpt(Object.keys(value).join(', '))}`);
}
function toDynamoJsonMap(item) {
    const out = {};
    // setAttribute: an attribute named __proto__ stays an attribute (JSON.parse makes it one, too).
    for (const name in item)
        setAttribute(out, name, toDynamoJson(item[name]));
    return out;
}

// EXTERNAL MODULE: external "node:buffer"
var external_node_buffer_ = __webpack_require__(4573);
;// CONCATENATED MODULE: ./src/formats/utf8-lines.ts
// Finds the lines of a byte stream that are not UTF-8, as the bytes pass on
// unchanged to a parser that would decode them with U+FFFD in their place
// (csv-parse). Each chunk is checked at once; only a chunk that fails is
// checked line by line, to find which.

const NEWLINE = 0x0a;
class Utf8LineCheck {
    /** Numbers (1-based, ascending) of the lines found so far that are not UTF-8. */
    bad = [];
    /** The line the next byte belongs to. */
    line = 1;
    /** The start of a character cut at the end of the last chunk. */
    carry;
    push(chunk) {
        let bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
        if (this.carry !== undefined) {
            bytes = Buffer.concat([this.carry, bytes]);
            this.carry = undefined;
        }
        const cut = incompleteTail(bytes);
        if (cut > 0)
            this.carry = Buffer.from(bytes.subarray(bytes.length - cut));
        const whole = bytes.subarray(0, bytes.length - cut);
        if ((0,external_node_buffer_.isUtf8)(whole)) {
            for (let i = whole.indexOf(NEWLINE); i !== -1; i = whole.indexOf(NEWLINE, i + 1))
                this.line += 1;
            return;
        }
        let start = 0;
        for (;;) {
            const end = whole.indexOf(NEWLINE, start);
            if (!(0,external_node_buffer_.isUtf8)(whole.subarray(start, end === -1 ? whole.length : end)))
                this.mark();
            if (end === -1)
                return;
            this.line += 1;
            start = end + 1;
        }
    }
    /** The stream ended: a character still cut is not UTF-8. */
    end() {
        if (this.carry !== undefined)
            this.mark();
        this.carry = undefined;
    }
    mark() {
        if (this.bad.at(-1) !== this.line)
            this.bad.push(this.line);
    }
}
/** How many bytes at the end start a character that the next chunk may finish (0 to 3). */
function incompleteTail(bytes) {
    for (let back = 1; back <= Math.min(3, bytes.length); back++) {
        const byte = bytes[bytes.length - back];
        if ((byte & 0xc0) === 0x80)
            continue; // a continuation byte: look further back
        const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
        return length > back ? back : 0;
    }
    return 0;
}

;// CONCATENATED MODULE: ./src/formats/csv.ts
// CSV as AWS imports it: a header from the first line or given, one of
// `, ; : | \t` or space as delimiter, `""` escaping a quote, empty columns
// omitted, key columns typed from the key schema and every other column a
// string. A bad row (one that is not UTF-8 included) is an error for that
// row; the rows after it still decode. A header that names a column twice,
// or is not UTF-8, leaves no row readable: one error for the object.






async function* decodeCsv(chunks, options, stats) {
    let batch = [];
    try {
        for await (const decoded of decodeCsvRecords(chunks, options, stats)) {
            batch.push(decoded);
            if (batch.length >= BATCH) {
                yield batch;
                batch = [];
            }
        }
    }
    catch (error) {
        // A truncated or corrupt object: the rows read before it still count.
        if (batch.length > 0)
            yield batch;
        throw error;
    }
    if (batch.length > 0)
        yield batch;
}
/** Batches of this many records: csv-parse hands records over one at a time. */
const BATCH = 512;
async function* decodeCsvRecords(chunks, options, stats) {
    // The parser runs ahead of the records read so far: bad rows are queued by
    // line and numbered as they are reported, in line order with the good ones.
    const skipped = [];
    let itemIndex = 0;
    const utf8 = new Utf8LineCheck();
    let badLine = 0; // the next of utf8.bad to consider
    /** Whether a line up to `line` that no earlier record took is not UTF-8 (rows end at their last line). */
    const notUtf8 = (line) => {
        let found = false;
        while (badLine < utf8.bad.length && utf8.bad[badLine] <= line) {
            found = true;
            badLine += 1;
        }
        return found;
    };
    function* drain(beforeLine = Infinity) {
        while (skipped.length > 0 && (skipped[0]?.line ?? 0) < beforeLine) {
            const { message, line } = skipped.shift();
            notUtf8(line);
            yield { error: { code: 'MALFORMED_CSV', message, line, itemIndex: itemIndex++ } };
        }
    }
    const parser = (0,lib/* parse */.qg)({
        delimiter: options.delimiter,
        bom: true,
        info: true,
        skip_empty_lines: true,
        relax_column_count: true, // counted here, so the message can name both counts
        skip_records_with_error: true,
        on_skip: (error) => {
            const line = Number(error?.lines ?? 0);
            // One bad row can raise several errors; report it once.
            if (error !== undefined && skipped.at(-1)?.line !== line)
                skipped.push({ message: csvMessage(error), line });
            return undefined;
        },
    });
    let header = options.header;
    if (header !== undefined)
        checkHeader(header);
    const source = external_node_stream_.Readable.from(counted(chunks, utf8, stats), { objectMode: false });
    source.on('error', (error) => parser.destroy(error));
    source.pipe(parser);
    try {
        for await (const { record, info } of parser) {
            yield* drain(info.lines);
            if (header === undefined) {
                if (notUtf8(info.lines))
                    throw new ObjectReadError('INVALID_UTF8', 'the header line is not valid UTF-8, so no row can be read');
                header = checkDelimiter(checkHeader(record.map((name) => name.trim())), options.delimiter, options.keyTypes ?? {});
                if (stats)
                    stats.lines = info.lines;
                continue;
            }
            if (stats)
                stats.lines = info.lines; // where a truncated object is reported
            const index = itemIndex++;
            if (notUtf8(info.lines)) {
                yield {
                    error: { code: 'INVALID_UTF8', message: 'the row is not valid UTF-8', line: info.lines, itemIndex: index },
                };
                continue;
            }
            if (record.length !== header.length) {
                yield {
                    error: {
                        code: 'CSV_COLUMN_COUNT',
                        message: `the row has ${record.length} columns but the header has ${header.length}`,
                        line: info.lines,
                        itemIndex: index,
                    },
                };
                continue;
            }
            try {
                const textLength = record.reduce((sum, field) => sum + field.length, header.length);
                yield { item: toItem(header, record, options.keyTypes ?? {}), line: info.lines, itemIndex: index, textLength };
            }
            catch (error) {
                if (!(error instanceof AttributeValueError))
                    throw error;
                yield {
                    error: { code: error.code, message: error.message, line: info.lines, itemIndex: index },
                    text: csvRow(record, options.delimiter),
                };
            }
        }
    }
    catch (error) {
        yield* drain();
        if (!isCsvError(error))
            throw error;
        yield {
            error: {
                code: 'MALFORMED_CSV',
                message: csvMessage(error),
                line: Number(error.lines ?? 0) || parser.info.lines,
                itemIndex: itemIndex++,
            },
        };
    }
    finally {
        source.destroy();
    }
    yield* drain();
    if (stats)
        stats.lines = parser.info.lines;
}
/** The delimiters AWS's CSV import takes but space, which column names often hold. */
const OTHER_DELIMITERS = [',', ';', ':', '|', '\t'];
/**
 * A header line read as one column that holds another delimiter: the file's
 * delimiter is not csv-delimiter, and every row would be "missing" its key.
 * A one-column file of the key itself is left alone.
 */
function checkDelimiter(header, delimiter, keyTypes) {
    const only = header.length === 1 ? header[0] : undefined;
    if (only === undefined || keyTypes[only] !== undefined)
        return header;
    const seen = OTHER_DELIMITERS.filter((d) => d !== delimiter && only.includes(d)).sort((a, b) => only.split(b).length - only.split(a).length);
    const likely = seen[0];
    if (likely === undefined)
        return header;
    throw new ObjectReadError('WRONG_CSV_DELIMITER', `the header line is one column, "${excerpt(only)}", which holds ${JSON.stringify(likely)} but not csv-delimiter ${JSON.stringify(delimiter)}, so no row can be read: set csv-delimiter: ${JSON.stringify(likely)}`);
}
/** A header that names a column twice would put two columns in one attribute. */
function checkHeader(header) {
    const seen = new Map();
    header.forEach((name, column) => {
        const first = seen.get(name);
        if (first !== undefined)
            throw new ObjectReadError('DUPLICATE_ATTRIBUTE', `the header names the column "${excerpt(name)}" twice (columns ${first + 1} and ${column + 1}), so no row can be read`);
        seen.set(name, column);
    });
    return header;
}
function toItem(header, record, keyTypes) {
    const item = {};
    for (let i = 0; i < header.length; i++) {
        const value = record[i];
        if (value === '')
            continue; // empty columns are omitted, as AWS does
        const name = header[i];
        checkName(name); // a value under a column without a name
        try {
            switch (keyTypes[name]) {
                case 'N':
                    setAttribute(item, name, { N: checkNumber(value) });
                    break;
                case 'B':
                    setAttribute(item, name, { B: decodeBase64(value) });
                    break;
                default:
                    setAttribute(item, name, { S: value });
            }
        }
        catch (error) {
            throw error instanceof AttributeValueError ? error.within(name) : error;
        }
    }
    return item;
}
/** A row's fields as a CSV line again, quoted where they must be: the text a refused row is kept as. */
function csvRow(fields, delimiter) {
    const quoted = (field) => field.includes('"') || field.includes(delimiter) || /[\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
    return fields.map(quoted).join(delimiter);
}
/** The bytes as they are, counted and checked for UTF-8 before the parser sees them. */
async function* counted(chunks, utf8, stats) {
    for await (const chunk of chunks) {
        if (stats)
            stats.bytes += chunk.byteLength;
        utf8.push(chunk);
        yield chunk;
    }
    utf8.end();
}
function isCsvError(error) {
    const code = error?.code;
    return typeof code === 'string' && (code.startsWith('CSV_') || code === 'INVALID_OPENING_QUOTE');
}
/** csv-parse's message without its option dump, in words about the row. */
function csvMessage(error) {
    switch (error.code) {
        case 'INVALID_OPENING_QUOTE':
            return 'a quote inside an unquoted field must be escaped: quote the whole field and double the quote ("")';
        case 'CSV_INVALID_CLOSING_QUOTE':
            return 'a quote inside a quoted field must be doubled ("")';
        case 'CSV_QUOTE_NOT_CLOSED':
            return 'a quoted field is never closed';
        default:
            return excerpt(error.message.replace(/^Invalid Record Length: /, ''), 2 * EXCERPT_CHARS);
    }
}

;// CONCATENATED MODULE: ./src/formats/json-keys.ts
// Duplicate names in a JSON object: JSON.parse keeps the last value of a
// duplicated name and says nothing, so `{"id":{"S":"a"},"id":{"S":"b"}}` would
// import as one attribute. Finding them costs almost nothing on the usual
// line, because a duplicate leaves text that the parsed value does not
// account for: a compact line exactly as long as its parsed value written
// out (escapes counted) has none, and neither has a line with no more colons
// after quotes than its parsed value has keys (every name is followed by
// one). Only a line that passes neither is read token by token.
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const LETTER_U = 0x75;
/** The first name that appears twice in one object of `text` (valid JSON), or undefined. */
function duplicateName(text, parsed) {
    if (parsed.chars !== undefined && text.length === parsed.chars + escapeOverhead(text))
        return undefined;
    if (colonsAfterQuotes(text) === parsed.keys)
        return undefined;
    return scanForDuplicate(text);
}
/** Characters that escapes add to the strings they spell: 1 for `\n`, 5 for `\u00e9`. */
function escapeOverhead(text) {
    let extra = 0;
    for (let i = text.indexOf('\\'); i !== -1; i = text.indexOf('\\', i)) {
        const unicode = text.charCodeAt(i + 1) === LETTER_U;
        extra += unicode ? 5 : 1;
        i += unicode ? 6 : 2;
    }
    return extra;
}
/** Colons whose previous non-space character is a quote: every name's, and a few inside strings. */
function colonsAfterQuotes(text) {
    let count = 0;
    for (let i = text.indexOf(':'); i !== -1; i = text.indexOf(':', i + 1)) {
        let j = i - 1;
        let c = text.charCodeAt(j);
        while (isSpace(c))
            c = text.charCodeAt(--j);
        if (c === QUOTE)
            count += 1;
    }
    return count;
}
/** Reads the (already parsed, so valid) JSON text token by token, keeping each open object's names. */
function scanForDuplicate(text) {
    const open = []; // a set of names per object, undefined per array
    let i = 0;
    while (i < text.length) {
        const c = text.charCodeAt(i);
        if (c === QUOTE) {
            const end = stringEnd(text, i);
            let next = end;
            while (isSpace(text.charCodeAt(next)))
                next += 1;
            if (text.charCodeAt(next) === COLON) {
                const raw = text.slice(i + 1, end - 1);
                // Escapes spell one name many ways ("a" and "\u0061"): compare what they mean.
                const name = raw.includes('\\') ? JSON.parse(text.slice(i, end)) : raw;
                const names = open[open.length - 1];
                if (names?.has(name))
                    return name;
                names?.add(name);
                i = next + 1;
            }
            else {
                i = end;
            }
            continue;
        }
        if (c === OPEN_BRACE)
            open.push(new Set());
        else if (c === OPEN_BRACKET)
            open.push(undefined);
        else if (c === CLOSE_BRACE || c === CLOSE_BRACKET)
            open.pop();
        i += 1;
    }
    return undefined;
}
/** Index just past the string whose opening quote is at `start`. */
function stringEnd(text, start) {
    let i = start + 1;
    for (;;) {
        const quote = text.indexOf('"', i);
        if (quote === -1)
            return text.length;
        let backslashes = 0;
        while (text.charCodeAt(quote - 1 - backslashes) === BACKSLASH)
            backslashes += 1;
        if (backslashes % 2 === 0)
            return quote + 1;
        i = quote + 1;
    }
}
function isSpace(code) {
    return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

;// CONCATENATED MODULE: ./src/formats/lines.ts
// Splits a byte stream into text lines, in linear time whatever the line
// lengths, holding at most one line of bytes and one chunk. Lines are cut at
// newline bytes before decoding, so a character split across chunks is kept
// whole, and a line whose bytes are not UTF-8 is an error at that line rather
// than text with U+FFFD in it. A line longer than MAX_LINE_BYTES cannot be an
// item: its bytes are dropped as they arrive and it comes out as an error.
// Lines come in one batch per chunk: a hop through an async generator per
// line would cost more than parsing it.

/**
 * Well above the text of the largest item DynamoDB accepts (400 KB, which
 * DynamoDB JSON can spell in a few times that: `{"NULL":true}` is 13
 * characters for 2 bytes of item), and small enough to hold.
 */
const MAX_LINE_BYTES = 4 * 1024 * 1024;
async function* splitLines(chunks, stats, maxLineBytes = MAX_LINE_BYTES, asBytes = false) {
    const splitter = new LineSplitter(maxLineBytes, asBytes);
    for await (const chunk of chunks) {
        if (stats)
            stats.bytes += chunk.byteLength;
        const lines = splitter.push(chunk);
        if (stats)
            stats.lines = splitter.count;
        if (lines.length > 0)
            yield lines;
    }
    const last = splitter.end();
    if (stats)
        stats.lines = splitter.count;
    if (last !== undefined)
        yield [last];
}
const lines_NEWLINE = 0x0a;
class LineSplitter {
    /** Lines ended so far. */
    count = 0;
    decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    /** The start of the line that the next chunk continues, as views of earlier chunks. */
    pending = [];
    pendingBytes = 0;
    /** Bytes of an over-long line dropped so far; -1 while the line is being kept. */
    dropped = -1;
    maxLineBytes;
    /** Lines are checked as UTF-8 and kept as bytes, not decoded. */
    asBytes;
    constructor(maxLineBytes, asBytes) {
        this.maxLineBytes = maxLineBytes;
        this.asBytes = asBytes;
    }
    push(chunk) {
        const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
        const lines = [];
        const first = bytes.indexOf(lines_NEWLINE);
        if (first === -1) {
            this.hold(bytes);
            return lines;
        }
        let start = 0;
        if (this.pendingBytes > 0 || this.dropped >= 0) {
            this.hold(bytes.subarray(0, first));
            lines.push(this.takePending());
            start = first + 1;
        }
        const last = bytes.lastIndexOf(lines_NEWLINE);
        if (last >= start)
            this.wholeLines(bytes.subarray(start, last), lines);
        this.hold(bytes.subarray(last + 1));
        return lines;
    }
    /** The last line when the stream does not end with a newline. */
    end() {
        return this.pendingBytes > 0 || this.dropped >= 0 ? this.takePending() : undefined;
    }
    /** Keeps bytes of the unfinished line, or counts them once it is too long to keep. */
    hold(bytes) {
        if (bytes.length === 0)
            return;
        if (this.dropped >= 0) {
            this.dropped += bytes.length;
        }
        else if (this.pendingBytes + bytes.length > this.maxLineBytes) {
            this.dropped = this.pendingBytes + bytes.length;
            this.pending = [];
            this.pendingBytes = 0;
        }
        else {
            // A copy: a view would keep the whole chunk alive, and a source may reuse its buffers.
            this.pending.push(Buffer.from(bytes));
            this.pendingBytes += bytes.length;
        }
    }
    takePending() {
        const number = ++this.count;
        if (this.dropped >= 0) {
            const line = tooLong(number, this.dropped);
            this.dropped = -1;
            return line;
        }
        const bytes = this.pending.length === 1 ? this.pending[0] : Buffer.concat(this.pending);
        this.pending = [];
        this.pendingBytes = 0;
        return this.decodeLine(bytes, number);
    }
    /** Lines that start and end in this chunk (`region` ends before its last newline), decoded at once. */
    wholeLines(region, lines) {
        if (this.asBytes) {
            if ((0,external_node_buffer_.isUtf8)(region))
                this.byteLines(region, lines);
            else
                this.eachLine(region, lines);
            return;
        }
        let text;
        try {
            text = this.decoder.decode(region);
        }
        catch {
            this.eachLine(region, lines);
            return;
        }
        let start = 0;
        for (;;) {
            const end = text.indexOf('\n', start);
            const number = ++this.count;
            const line = trimLine(text, start, end === -1 ? text.length : end, number);
            // A line's bytes are at most three per UTF-16 unit: only a long one needs counting.
            const long = line.text.length * 3 > this.maxLineBytes;
            lines.push(long ? this.checkLength(line) : line);
            if (end === -1)
                return;
            start = end + 1;
        }
    }
    /** Some line in `region` is not UTF-8: decodes each on its own to find which. */
    eachLine(region, lines) {
        let start = 0;
        for (;;) {
            const end = region.indexOf(lines_NEWLINE, start);
            lines.push(this.decodeLine(region.subarray(start, end === -1 ? region.length : end), ++this.count));
            if (end === -1)
                return;
            start = end + 1;
        }
    }
    /** Lines of a region known to be UTF-8, as views of it. */
    byteLines(region, lines) {
        let start = 0;
        for (;;) {
            const end = region.indexOf(lines_NEWLINE, start);
            const to = end === -1 ? region.length : end;
            const number = ++this.count;
            lines.push(to - start > this.maxLineBytes ? tooLong(number, to - start) : byteLine(region, start, to, number));
            if (end === -1)
                return;
            start = end + 1;
        }
    }
    decodeLine(bytes, number) {
        if (bytes.length > this.maxLineBytes)
            return tooLong(number, bytes.length);
        if (this.asBytes) {
            const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
            if ((0,external_node_buffer_.isUtf8)(buffer))
                return byteLine(buffer, 0, buffer.length, number);
            return { text: '', number, error: { code: 'INVALID_UTF8', message: invalidUtf8(bytes) } };
        }
        let text;
        try {
            text = this.decoder.decode(bytes);
        }
        catch {
            return { text: '', number, error: { code: 'INVALID_UTF8', message: invalidUtf8(bytes) } };
        }
        return trimLine(text, 0, text.length, number);
    }
    checkLength(line) {
        const bytes = Buffer.byteLength(line.text);
        return bytes > this.maxLineBytes ? tooLong(line.number, bytes) : line;
    }
}
/** The line's text without a carriage return before its newline, nor a byte order mark at the file's start. */
function trimLine(text, start, end, number) {
    const from = number === 1 && text.charCodeAt(start) === 0xfeff ? start + 1 : start;
    const to = end > from && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    return { text: from === 0 && to === text.length ? text : text.slice(from, to), number };
}
/** The same trimming on bytes: a carriage return before the newline, the byte order mark (EF BB BF) on line 1. */
function byteLine(region, start, end, number) {
    const bom = number === 1 && region[start] === 0xef && region[start + 1] === 0xbb && region[start + 2] === 0xbf;
    const from = bom ? start + 3 : start;
    const to = end > from && region[end - 1] === 13 ? end - 1 : end;
    return { text: '', number, bytes: region.subarray(from, to) };
}
function tooLong(number, bytes) {
    return {
        text: '',
        number,
        error: {
            code: 'ITEM_TOO_LARGE',
            message: `the line is ${bytes.toLocaleString('en-US')} bytes long, more than any item can take (DynamoDB's limit is 400 KB); it was skipped unread`,
        },
    };
}
/** Says where the first bad byte is, without quoting the line. */
function invalidUtf8(bytes) {
    const offset = firstInvalidByte(bytes);
    const byte = bytes[offset] ?? 0;
    return `the line is not valid UTF-8 (byte 0x${byte.toString(16).padStart(2, '0')} at byte ${offset + 1} of the line)`;
}
/** The offset of the first byte that does not start a well-formed UTF-8 sequence (RFC 3629). */
function firstInvalidByte(bytes) {
    let i = 0;
    while (i < bytes.length) {
        const lead = bytes[i];
        if (lead < 0x80) {
            i += 1;
            continue;
        }
        const extra = lead >= 0xc2 && lead <= 0xdf ? 1 : lead >= 0xe0 && lead <= 0xef ? 2 : lead >= 0xf0 && lead <= 0xf4 ? 3 : 0;
        if (extra === 0)
            return i;
        // The second byte's range also rules out overlong forms, surrogates and code points past U+10FFFF.
        const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
        const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
        for (let k = 1; k <= extra; k++) {
            const byte = bytes[i + k];
            if (byte === undefined || byte < (k === 1 ? low : 0x80) || byte > (k === 1 ? high : 0xbf))
                return i;
        }
        i += extra + 1;
    }
    return bytes.length;
}

;// CONCATENATED MODULE: ./src/formats/ddb-json.ts
// DynamoDB JSON lines: `{"Item": {...}}` per line, as AWS imports and exports
// them. Decoders yield a batch per chunk read: per-item hops through async
// generators would cost more than the parsing.




async function* decodeDynamoJson(chunks, stats) {
    let itemIndex = 0;
    for await (const lines of splitLines(chunks, stats)) {
        const batch = [];
        for (const line of lines) {
            if (line.error === undefined && isBlank(line.text))
                continue;
            batch.push(decodeLine(line, itemIndex++));
        }
        yield batch;
    }
}
/** One non-blank line: an item, or an error that says why it is not one. */
function decodeLine(line, itemIndex) {
    const { text, number } = line;
    const error = (code, message, kept) => ({
        error: { code, message, line: number, itemIndex },
        ...(kept !== undefined && { text: kept }),
    });
    if (line.error !== undefined)
        return error(line.error.code, line.error.message);
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (parseError) {
        return error('MALFORMED_JSON', `the line is not valid JSON: ${excerpt(parseError.message, 2 * EXCERPT_CHARS)}`);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value))
        return error('NOT_AN_ITEM', notAnItem(value));
    const item = value.Item;
    if (item === undefined)
        return error('NOT_AN_ITEM', notAnItem(value));
    const walk = newWalk();
    let converted;
    try {
        converted = fromDynamoJsonMap(item, walk);
    }
    catch (conversionError) {
        if (!(conversionError instanceof AttributeValueError))
            throw conversionError;
        return error(conversionError.code, conversionError.message, text);
    }
    // The wrapper's keys too; its length is known when Item is all it holds.
    const wrapperKeys = Object.keys(value).length;
    const twice = duplicateName(text, {
        keys: walk.keys + wrapperKeys,
        chars: wrapperKeys === 1 ? walk.chars + WRAPPER_CHARS : undefined,
    });
    if (twice !== undefined)
        return error('DUPLICATE_ATTRIBUTE', `the name "${excerpt(twice)}" appears more than once in the same object; JSON would keep only the last`, text);
    return { item: converted, line: number, itemIndex, textLength: text.length };
}
/** `{"Item":` and `}` */
const WRAPPER_CHARS = 9;
function isBlank(text) {
    return text.length === 0 || (ddb_json_isSpace(text.charCodeAt(0)) && text.trim().length === 0);
}
function ddb_json_isSpace(code) {
    return code === 32 || code === 9 || code === 13 || code === 0xfeff;
}
/** What the line holds instead of an item, named without quoting it. */
function notAnItem(value) {
    const found = typeof value === 'object' && value !== null && !Array.isArray(value)
        ? `an object with ${excerpt(Object.keys(value).join(', ')) || 'no keys'}`
        : Array.isArray(value)
            ? 'an array'
            : value === null
                ? 'null'
                : `a ${typeof value}`;
    return `expected {"Item": {...}} on each line, found ${found}`;
}
const ITEM_OPEN = Buffer.from('{"Item":');
const ITEM_CLOSE = Buffer.from('}\n');
const ddb_json_NEWLINE = 0x0a;
/**
 * `{"Item":{...}}` lines, as AWS's export writes them, around items that are
 * already DynamoDB JSON (as DynamoDB's API sends them), in one buffer.
 */
function dynamoJsonLines(items) {
    // DynamoDB sends compact JSON; anything spread over lines is made compact.
    const compacted = items.map((item) => (item.includes(ddb_json_NEWLINE) ? compact(item) : item));
    let size = 0;
    for (const item of compacted)
        size += ITEM_OPEN.length + item.length + ITEM_CLOSE.length;
    // Written straight into one buffer: the export's hot path, an item at a time.
    const lines = Buffer.allocUnsafe(size);
    let at = 0;
    for (const item of compacted) {
        lines.set(ITEM_OPEN, at);
        lines.set(item, at + ITEM_OPEN.length);
        at += ITEM_OPEN.length + item.length;
        lines.set(ITEM_CLOSE, at);
        at += ITEM_CLOSE.length;
    }
    return lines;
}
function compact(json) {
    return Buffer.from(JSON.stringify(JSON.parse(json.toString('utf8'))), 'utf8');
}

;// CONCATENATED MODULE: ./src/formats/json-bytes.ts
// The bytes of JSON's punctuation, for the readers that work on bytes
// without parsing (json-members.ts, dynamodb-json-check.ts).
const json_bytes_QUOTE = 0x22;
const json_bytes_BACKSLASH = 0x5c;
const COMMA = 0x2c;
const json_bytes_COLON = 0x3a;
const json_bytes_OPEN_BRACE = 0x7b;
const json_bytes_CLOSE_BRACE = 0x7d;
const json_bytes_OPEN_BRACKET = 0x5b;
const json_bytes_CLOSE_BRACKET = 0x5d;

;// CONCATENATED MODULE: ./src/formats/dynamodb-json-check.ts
// Checks one DynamoDB JSON line, `{"Item":{...}}`, as its bytes, without
// building the item as objects: the item's bytes can then go into a
// BatchWriteItem body as they are. It accepts only what the full decoder
// (ddb-json.ts with item-checks.ts) accepts: valid JSON, one known type tag
// per value, valid numbers, strict base64, sets non-empty and without
// duplicates, no duplicate or empty names, nesting within DynamoDB's limit,
// the key attributes present with their types, not empty and within
// DynamoDB's key size limits, and the size under 400 KB by DynamoDB's rules.
// Whatever it does not accept, or is not sure of (escaped names, other
// members beside Item, base64 with bits set past its last byte), it hands
// back undefined, and the caller asks the full decoder, which gives the
// error and its code.



const ITEM_NAME = Buffer.from('"Item"');
const NO_LINE = Buffer.alloc(0);
/** The key names as bytes, once per key schema rather than once per line. */
const keyNameBytes = new WeakMap();
function keyNamesOf(keys) {
    let names = keyNameBytes.get(keys);
    if (names === undefined) {
        names = keys.map((k) => Buffer.from(k.name));
        keyNameBytes.set(keys, names);
    }
    return names;
}
/** Thrown inside the scan when the line is not one the fast path accepts. */
class NotAccepted extends Error {
}
const notAccepted = new NotAccepted();
/** One scanner per key schema, used for line after line: nothing is allocated for a line but what it gives back. */
const scanners = new WeakMap();
/** The line's item, checked, or undefined when only the full decoder can say what is wrong (or right) with it. */
function checkItemLine(line, keys) {
    let scan = scanners.get(keys);
    if (scan === undefined) {
        scan = new LineScan(keys);
        scanners.set(keys, scan);
    }
    try {
        return scan.line(line);
    }
    catch (error) {
        if (error === notAccepted)
            return undefined;
        throw error;
    }
    finally {
        scan.release();
    }
}
class LineScan {
    i = 0;
    b = NO_LINE;
    keys;
    /** Where each key attribute's value is, valid where `seen` says so. */
    found;
    seen;
    keyNames;
    /** The names of the object being read at each depth. */
    names = [];
    /** Set by readString: whether the string just read holds an escape. */
    escaped = false;
    constructor(keys) {
        this.keys = keys;
        this.found = keys.map(() => ({ tag: '', start: 0, end: 0, escaped: false }));
        this.seen = keys.map(() => false);
        this.keyNames = keyNamesOf(keys);
    }
    line(b) {
        this.b = b;
        this.i = 0;
        this.escaped = false;
        this.seen.fill(false);
        this.space();
        this.expect(json_bytes_OPEN_BRACE);
        this.space();
        if (!sameBytes(this.b, this.i, this.i + ITEM_NAME.length, ITEM_NAME))
            throw notAccepted;
        this.i += ITEM_NAME.length;
        this.space();
        this.expect(json_bytes_COLON);
        this.space();
        const start = this.i;
        const size = this.map(0, true);
        const end = this.i;
        this.space();
        this.expect(json_bytes_CLOSE_BRACE);
        this.space();
        if (this.i !== this.b.length || size > MAX_ITEM_BYTES)
            throw notAccepted;
        return { bytes: this.b.subarray(start, end), key: this.keyAttributes(), size };
    }
    /** Lets go of the line, so that the chunk it was read from is not kept. */
    release() {
        this.b = NO_LINE;
        for (const names of this.names)
            names?.reset(NO_LINE);
    }
    /** The key checks item-checks.ts makes, on the values found; the key attributes as the SDK holds them. */
    keyAttributes() {
        const key = {};
        for (let k = 0; k < this.keys.length; k++) {
            const check = this.keys[k];
            const found = this.seen[k] ? this.found[k] : undefined;
            if (found === undefined) {
                if (check.index !== undefined)
                    continue;
                throw notAccepted;
            }
            if (found.tag !== check.type || found.end === found.start)
                throw notAccepted;
            const value = this.keyValue(found);
            if (keyOverLimit(value, check) !== undefined)
                throw notAccepted;
            key[check.name] = value;
        }
        return key;
    }
    keyValue(found) {
        const text = this.text(found.start, found.end, found.escaped);
        if (found.tag === 'S')
            return { S: text };
        if (found.tag === 'N')
            return { N: text };
        return { B: new Uint8Array(Buffer.from(text, 'base64')) };
    }
    /** An object of attribute names to values (`level` 0: the item); its size, without the 3 bytes a map adds. */
    map(level, top) {
        this.expect(json_bytes_OPEN_BRACE);
        this.space();
        let size = 0;
        const names = (this.names[level] ??= new Names());
        names.reset(this.b);
        if (this.b[this.i] === json_bytes_CLOSE_BRACE) {
            this.i += 1;
            return 0;
        }
        for (;;) {
            const nameStart = this.i + 1;
            this.string();
            if (this.escaped)
                throw notAccepted; // "a" and "\u0061" are one name: the full decoder compares them
            const nameEnd = this.i - 1;
            if (nameEnd === nameStart)
                throw notAccepted; // DynamoDB refuses an empty name: the full decoder says so
            if (!names.add(nameStart, nameEnd))
                throw notAccepted;
            this.space();
            this.expect(json_bytes_COLON);
            this.space();
            const key = top ? this.keyAt(nameStart, nameEnd) : -1;
            size += nameEnd - nameStart + this.value(level + 1, key);
            if (!top)
                size += 1;
            if (this.more(json_bytes_CLOSE_BRACE))
                continue;
            return size;
        }
    }
    /** The key check whose name these bytes spell, or -1. */
    keyAt(start, end) {
        for (let k = 0; k < this.keyNames.length; k++)
            if (sameBytes(this.b, start, end, this.keyNames[k]))
                return k;
        return -1;
    }
    /** One type-tagged value at `level` (1: an item's attribute); its size. `key`: the key check it answers, or -1. */
    value(level, key) {
        this.expect(json_bytes_OPEN_BRACE);
        this.space();
        const tag = this.tag();
        this.space();
        this.expect(json_bytes_COLON);
        this.space();
        // A key attribute of another type is a type mismatch: the full decoder words it.
        if (key !== -1 && tag !== 'S' && tag !== 'N' && tag !== 'B')
            throw notAccepted;
        let size;
        switch (tag) {
            case 'S':
            case 'N':
            case 'B': {
                const start = this.i + 1;
                size = this.scalar(tag);
                if (key !== -1) {
                    const found = this.found[key];
                    found.tag = tag;
                    found.start = start;
                    found.end = this.i - 1;
                    found.escaped = this.escaped;
                    this.seen[key] = true;
                }
                break;
            }
            case 'BOOL':
                if (!this.literal('true') && !this.literal('false'))
                    throw notAccepted;
                size = 1;
                break;
            case 'NULL':
                if (!this.literal('true'))
                    throw notAccepted;
                size = 1;
                break;
            case 'L':
                if (level >= MAX_NESTING)
                    throw notAccepted;
                size = this.list(level);
                break;
            case 'M':
                if (level >= MAX_NESTING)
                    throw notAccepted;
                size = 3 + this.map(level, false);
                break;
            case 'SS':
            case 'NS':
            case 'BS':
                size = this.set(tag);
                break;
            default:
                throw notAccepted;
        }
        this.space();
        this.expect(json_bytes_CLOSE_BRACE);
        return size;
    }
    /** A type tag's name, read as bytes: one of the ten, or not accepted. */
    tag() {
        const b = this.b;
        const i = this.i;
        if (b[i] !== json_bytes_QUOTE)
            throw notAccepted;
        let end = i + 1;
        while (end < i + 6 && b[end] !== json_bytes_QUOTE)
            end += 1;
        if (b[end] !== json_bytes_QUOTE)
            throw notAccepted;
        this.i = end + 1;
        const first = b[i + 1];
        const length = end - i - 1;
        if (length === 1) {
            if (first === 0x53)
                return 'S';
            if (first === 0x4e)
                return 'N';
            if (first === 0x42)
                return 'B';
            if (first === 0x4c)
                return 'L';
            if (first === 0x4d)
                return 'M';
        }
        else if (length === 2 && b[i + 2] === 0x53) {
            if (first === 0x53)
                return 'SS';
            if (first === 0x4e)
                return 'NS';
            if (first === 0x42)
                return 'BS';
        }
        else if (length === 4 && first === 0x42 && b[i + 2] === 0x4f && b[i + 3] === 0x4f && b[i + 4] === 0x4c) {
            return 'BOOL';
        }
        else if (length === 4 && first === 0x4e && b[i + 2] === 0x55 && b[i + 3] === 0x4c && b[i + 4] === 0x4c) {
            return 'NULL';
        }
        throw notAccepted;
    }
    list(level) {
        this.expect(json_bytes_OPEN_BRACKET);
        this.space();
        let size = 3;
        if (this.b[this.i] === json_bytes_CLOSE_BRACKET) {
            this.i += 1;
            return size;
        }
        for (;;) {
            size += 1 + this.value(level + 1, -1);
            if (this.more(json_bytes_CLOSE_BRACKET))
                continue;
            return size;
        }
    }
    /** SS, NS or BS: non-empty, members unique (numbers by value, binary by its base64 text, as the decoder compares). */
    set(tag) {
        this.expect(json_bytes_OPEN_BRACKET);
        this.space();
        const member = tag === 'SS' ? 'S' : tag === 'NS' ? 'N' : 'B';
        const members = [];
        let escaped = false;
        let size = 0;
        for (;;) {
            const start = this.i + 1;
            size += this.scalar(member);
            members.push(start, this.i - 1);
            escaped ||= this.escaped;
            if (this.more(json_bytes_CLOSE_BRACKET))
                continue;
            if (members.length > 2 && this.hasDuplicates(members, member === 'N', escaped))
                throw notAccepted;
            return size;
        }
    }
    /** Members as start, end pairs; compared as text when escapes or numbers make bytes differ for equal values. */
    hasDuplicates(members, numbers, escaped) {
        if ((numbers && !members.every((_, m) => m % 2 === 1 || this.isCanonicalInteger(members, m))) ||
            escaped ||
            members.length > 32) {
            const texts = [];
            for (let m = 0; m < members.length; m += 2) {
                const text = this.text(members[m], members[m + 1], escaped);
                texts.push(numbers ? numberValue(text) : text);
            }
            return new Set(texts).size !== texts.length;
        }
        for (let m = 2; m < members.length; m += 2) {
            const start = members[m];
            const length = members[m + 1] - start;
            for (let o = 0; o < m; o += 2) {
                const other = members[o];
                if (members[o + 1] - other === length && sameRanges(this.b, start, other, length))
                    return true;
            }
        }
        return false;
    }
    /** `0` or digits without a leading zero, maybe negative: equal values are equal bytes. */
    isCanonicalInteger(members, m) {
        const b = this.b;
        let i = members[m];
        const end = members[m + 1];
        if (b[i] === 0x30)
            return end === i + 1;
        if (b[i] === 0x2d)
            i += 1;
        if (i === end || b[i] === 0x30)
            return false;
        for (; i < end; i++)
            if (b[i] < 0x30 || b[i] > 0x39)
                return false;
        return true;
    }
    /** A string holding an S, N or B value; its size. */
    scalar(tag) {
        const start = this.i + 1;
        this.string();
        const end = this.i - 1;
        if (tag === 'S')
            return this.escaped ? Buffer.byteLength(this.text(start, end, true)) : end - start;
        if (this.escaped)
            throw notAccepted;
        if (tag === 'N')
            return numberBytes(this.b, start, end);
        return base64Bytes(this.b, start, end);
    }
    /** Reads a JSON string from its opening quote to past its closing one; escapes are checked by JSON.parse. */
    string() {
        const b = this.b;
        if (b[this.i] !== json_bytes_QUOTE)
            throw notAccepted;
        const open = this.i;
        let i = open + 1;
        let escaped = false;
        for (;;) {
            const c = b[i];
            if (c === undefined || c < 0x20)
                throw notAccepted;
            if (c === json_bytes_QUOTE)
                break;
            if (c === json_bytes_BACKSLASH) {
                escaped = true;
                i += 2;
            }
            else
                i += 1;
        }
        this.i = i + 1;
        this.escaped = escaped;
        if (escaped)
            this.text(open + 1, i, true); // throws on a bad escape
    }
    /** A string's content as text; with escapes, as JSON reads them. */
    text(start, end, escaped) {
        if (!escaped)
            return this.b.toString('utf8', start, end);
        try {
            return JSON.parse(this.b.toString('utf8', start - 1, end + 1));
        }
        catch {
            throw notAccepted;
        }
    }
    /** After a member: true past a comma (another follows), false past `close` (the last). */
    more(close) {
        this.space();
        if (this.b[this.i] === COMMA) {
            this.i += 1;
            this.space();
            return true;
        }
        this.expect(close);
        return false;
    }
    literal(word) {
        for (let k = 0; k < word.length; k++)
            if (this.b[this.i + k] !== word.charCodeAt(k))
                return false;
        this.i += word.length;
        return true;
    }
    space() {
        let c = this.b[this.i];
        while (c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a)
            c = this.b[++this.i];
    }
    expect(byte) {
        if (this.b[this.i] !== byte)
            throw notAccepted;
        this.i += 1;
    }
}
/** The names of one object, as byte ranges of the line while few, as text beyond. */
class Names {
    b = NO_LINE;
    ranges = [];
    set;
    /** Starts an object again: used for one object after another at the same depth. */
    reset(b) {
        this.b = b;
        this.ranges.length = 0;
        this.set = undefined;
    }
    /** False when the name is already there. */
    add(start, end) {
        if (this.set === undefined && this.ranges.length >= 32) {
            this.set = new Set();
            for (let r = 0; r < this.ranges.length; r += 2)
                this.set.add(this.b.toString('utf8', this.ranges[r], this.ranges[r + 1]));
        }
        if (this.set !== undefined) {
            const name = this.b.toString('utf8', start, end);
            if (this.set.has(name))
                return false;
            this.set.add(name);
            return true;
        }
        const length = end - start;
        for (let r = 0; r < this.ranges.length; r += 2) {
            const from = this.ranges[r];
            if (this.ranges[r + 1] - from === length && sameRanges(this.b, start, from, length))
                return false;
        }
        this.ranges.push(start, end);
        return true;
    }
}
function sameRanges(b, one, other, length) {
    for (let k = 0; k < length; k++)
        if (b[one + k] !== b[other + k])
            return false;
    return true;
}
function sameBytes(b, start, end, other) {
    if (end - start !== other.length)
        return false;
    for (let k = 0; k < other.length; k++)
        if (b[start + k] !== other[k])
            return false;
    return true;
}
/**
 * A number's size; not accepted unless valid. A plain number of at most 38
 * characters (`-12.50`) is always valid and is counted here; any other
 * (exponents, long ones) goes through the decoder's own check.
 */
function numberBytes(b, start, end) {
    let i = start;
    if (b[i] === 0x2d)
        i += 1;
    let first = -1; // the first and last non-zero digits
    let last = -1;
    let digits = 0;
    let point = false;
    let plain = end - start <= 38 && i < end;
    for (; plain && i < end; i++) {
        const c = b[i];
        if (c >= 0x30 && c <= 0x39) {
            digits += 1;
            if (c !== 0x30) {
                if (first === -1)
                    first = digits;
                last = digits;
            }
        }
        else if (c === 0x2e && !point)
            point = true;
        else
            plain = false;
    }
    if (plain && digits > 0)
        return first === -1 ? 1 : Math.ceil((last - first + 1) / 2) + 1;
    const text = b.toString('latin1', start, end);
    try {
        checkNumber(text);
    }
    catch {
        throw notAccepted;
    }
    return numberSize(text);
}
/** The bytes strict base64 (standard alphabet, padded) decodes to; not accepted otherwise. */
function base64Bytes(b, start, end) {
    const length = end - start;
    if (length % 4 !== 0)
        throw notAccepted;
    let padding = 0;
    if (length > 0 && b[end - 1] === 0x3d)
        padding = b[end - 2] === 0x3d ? 2 : 1;
    for (let i = start; i < end - padding; i++) {
        const c = b[i];
        const ok = (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2f;
        if (!ok)
            throw notAccepted;
    }
    // Bits past the last byte set ("AB==" for "AA=="): the same bytes under another text, which
    // DynamoDB reads as those bytes, so a set of both is refused; the full decoder compares bytes.
    if (padding > 0 && base64Digit(b[end - padding - 1]) % (padding === 2 ? 16 : 4) !== 0)
        throw notAccepted;
    return (length / 4) * 3 - padding;
}
function base64Digit(c) {
    if (c >= 0x61)
        return c - 0x61 + 26;
    if (c >= 0x41)
        return c - 0x41;
    if (c >= 0x30)
        return c - 0x30 + 52;
    return c === 0x2b ? 62 : 63;
}

;// CONCATENATED MODULE: ./src/formats/ddb-json-raw.ts
// DynamoDB JSON lines read as bytes for the pass-through import: each line
// the byte check accepts comes out as its item's bytes, checked; any other
// line goes to the full decoder, so an error has the code, message and
// location it always had, and a line only the full decoder can read (an
// escaped name, members beside Item) still comes out as an item.



async function* decodeDynamoJsonRaw(chunks, keys, stats) {
    let itemIndex = 0;
    for await (const lines of splitLines(chunks, stats, undefined, true)) {
        const batch = [];
        for (const line of lines) {
            const bytes = line.bytes;
            if (line.error !== undefined || bytes === undefined) {
                batch.push(decodeLine(line, itemIndex++));
                continue;
            }
            const raw = checkItemLine(bytes, keys);
            if (raw !== undefined) {
                batch.push({ raw, line: line.number, itemIndex: itemIndex++ });
                continue;
            }
            const text = bytes.toString('utf8');
            if (!isBlank(text))
                batch.push(decodeLine({ text, number: line.number }, itemIndex++));
        }
        yield batch;
    }
}

// EXTERNAL MODULE: ./node_modules/ion-js/dist/commonjs/es6/Ion.js
var Ion = __webpack_require__(97177);
;// CONCATENATED MODULE: ./src/formats/ion-values.ts
// Splits Ion text into top-level values without parsing them, so that ion-js
// (which reads whole buffers only) gets one value at a time and a file of any
// size streams. A top-level list, as in AWS's pretty-printed import example,
// is split into its elements. The text comes as lines (see lines.ts); a line
// that could not be read breaks the value it is part of.
const MAX_VALUE_CHARS = 16 * 1024 * 1024;
const IVM = '$ion_1_0';
/** The values found in each batch of lines, as one batch of values per batch of lines. */
async function* splitIonValues(batches) {
    const scanner = new IonScanner();
    for await (const lines of batches) {
        const values = [...scanner.feedLines(lines)];
        if (values.length > 0)
            yield values;
    }
    const rest = [...scanner.end()];
    if (rest.length > 0)
        yield rest;
}
/**
 * Tracks strings, symbols, comments, lobs and bracket depth. A value ends at
 * a newline or a closing bracket at the top level, or before a comma or the
 * closing bracket inside a top-level list.
 */
class IonScanner {
    mode = 'code';
    depth = 0;
    inTopList = false;
    escaped = false;
    skip = 0;
    current = '';
    text = '';
    start = 0;
    startLine = 1;
    hasContent = false;
    line = 1;
    brokenReason = '';
    /** Characters held back from the last chunk: a step may look two characters ahead. */
    carry = '';
    /** Every line is fed, so that the scanner's line count stays the lines' numbers. */
    *feedLines(lines) {
        let texts = [];
        for (const line of lines) {
            if (line.error === undefined) {
                texts.push(line.text, '\n');
                continue;
            }
            yield* this.feed(texts.join(''));
            texts = [];
            yield* this.unreadable(line.number, line.error);
        }
        if (texts.length > 0)
            yield* this.feed(texts.join(''));
    }
    /** A line that could not be read breaks the value it is part of; the scan starts over after it. */
    *unreadable(number, error) {
        yield* this.feed('', true); // the characters held back end before this line
        const within = this.hasContent && this.startLine !== number;
        yield {
            text: '',
            line: within ? this.startLine : number,
            broken: within ? `line ${number}: ${error.message}` : error.message,
            code: error.code,
        };
        this.restart();
        this.skip = 0;
        this.line = number + 1;
    }
    *feed(chunk, final = false) {
        const text = this.carry + chunk;
        const limit = final ? text.length : Math.max(0, text.length - 2);
        this.text = text;
        this.start = 0;
        for (let i = 0; i < limit; i++) {
            const boundary = this.skip > 0 ? this.skipOne() : this.step(text, i);
            if (boundary === 'broken') {
                this.current += text.slice(this.start, i + 1);
                this.start = i + 1;
                yield { text: this.current, line: this.startLine, broken: this.brokenReason };
                this.restart();
            }
            else if (boundary !== undefined) {
                const end = boundary === 'before' ? i : i + 1;
                this.current += text.slice(this.start, end);
                this.start = end;
                const value = this.take();
                if (value !== undefined)
                    yield value;
            }
            if (text.charCodeAt(i) === 10)
                this.line += 1;
        }
        this.current += text.slice(this.start, limit);
        this.carry = text.slice(limit);
        if (this.current.length > MAX_VALUE_CHARS) {
            yield {
                text: '',
                line: this.startLine,
                broken: `an Ion value of over ${MAX_VALUE_CHARS} characters (unbalanced brackets or quotes?)`,
            };
            this.restart();
        }
    }
    *end() {
        yield* this.feed('', true);
        if (this.mode !== 'code' && this.mode !== 'lineComment') {
            const inside = {
                lob: 'a blob',
                blockComment: 'a comment',
                string: 'a string',
                longString: 'a string',
                quotedSymbol: 'a quoted symbol',
            }[this.mode];
            yield { text: this.current, line: this.startLine, broken: `the Ion text ends inside ${inside}` };
        }
        else if (this.depth > 0 || this.inTopList) {
            yield { text: this.current, line: this.startLine, broken: 'the Ion text ends before its brackets close' };
        }
        else {
            const value = this.take();
            if (value !== undefined)
                yield value;
        }
    }
    restart() {
        this.mode = 'code';
        this.depth = 0;
        this.inTopList = false;
        this.escaped = false;
        this.current = '';
        this.hasContent = false;
    }
    skipOne() {
        this.skip -= 1;
        return undefined;
    }
    step(text, i) {
        const c = text[i];
        switch (this.mode) {
            case 'code':
                return this.stepCode(c, text, i);
            case 'string':
            case 'quotedSymbol':
                if (c === '\n') {
                    // Short strings and symbols never span lines: resynchronise on the next one.
                    this.brokenReason = `a ${this.mode === 'string' ? 'string' : 'quoted symbol'} is not closed on its line`;
                    return 'broken';
                }
                if (this.escaped)
                    this.escaped = false;
                else if (c === '\\')
                    this.escaped = true;
                else if (c === (this.mode === 'string' ? '"' : "'"))
                    this.mode = 'code';
                return undefined;
            case 'longString':
                if (this.escaped)
                    this.escaped = false;
                else if (c === '\\')
                    this.escaped = true;
                else if (text.startsWith("'''", i))
                    this.close(2);
                return undefined;
            case 'lineComment':
                if (c !== '\n')
                    return undefined;
                this.mode = 'code';
                return this.stepCode(c, text, i);
            case 'blockComment':
                if (c === '*' && text[i + 1] === '/')
                    this.close(1);
                return undefined;
            case 'lob':
                if (c === '}' && text[i + 1] === '}') {
                    this.close(1);
                    return this.depth === 0 && !this.inTopList ? 'after' : undefined;
                }
                return undefined;
        }
    }
    close(charsToSkip) {
        this.mode = 'code';
        this.skip = charsToSkip;
    }
    stepCode(c, text, i) {
        const next = text[i + 1];
        switch (c) {
            case '"':
                this.open('string', 0);
                return undefined;
            case "'":
                if (text.startsWith("'''", i))
                    this.open('longString', 2);
                else
                    this.open('quotedSymbol', 0);
                return undefined;
            case '/':
                if (next === '/')
                    this.mode = 'lineComment';
                else if (next === '*') {
                    this.mode = 'blockComment';
                    this.skip = 1;
                }
                else
                    this.begin();
                return undefined;
            case '{':
                if (next === '{')
                    this.open('lob', 1);
                else
                    this.opened();
                return undefined;
            case '[':
                if (this.depth === 0 && !this.inTopList && this.onlyVersionMarkerBefore(i)) {
                    // A top-level list of items: its elements become the values.
                    this.inTopList = true;
                    this.current = '';
                    this.start = i + 1;
                    this.hasContent = false;
                    return undefined;
                }
                this.opened();
                return undefined;
            case '(':
                this.opened();
                return undefined;
            case ']':
                if (this.inTopList && this.depth === 0) {
                    this.inTopList = false;
                    return 'before';
                }
                return this.closed();
            case '}':
            case ')':
                return this.closed();
            case ',':
                return this.inTopList && this.depth === 0 ? 'before' : undefined;
            case '\n':
                if (this.depth > 0 && !this.inTopList && text.startsWith(IVM, i + 1)) {
                    // A new line-delimited value begins while brackets are still open.
                    this.brokenReason = 'the brackets of this value do not close before the next $ion_1_0 line';
                    return 'broken';
                }
                return this.depth === 0 && !this.inTopList ? 'after' : undefined;
            case ' ':
            case '\t':
            case '\r':
                return undefined;
            default:
                this.begin();
                return undefined;
        }
    }
    open(mode, charsToSkip) {
        this.begin();
        this.mode = mode;
        this.skip = charsToSkip;
    }
    opened() {
        this.begin();
        this.depth += 1;
    }
    closed() {
        this.depth = Math.max(0, this.depth - 1);
        return this.depth === 0 && !this.inTopList ? 'after' : undefined;
    }
    onlyVersionMarkerBefore(i) {
        const pending = (this.current + this.text.slice(this.start, i)).trim();
        return pending === '' || pending === IVM;
    }
    begin() {
        if (!this.hasContent) {
            this.hasContent = true;
            this.startLine = this.line;
        }
    }
    take() {
        const text = this.current.replace(/^[\s,]*/, '');
        const value = this.hasContent && text.trim() !== '' ? { text, line: this.startLine } : undefined;
        this.current = '';
        this.hasContent = false;
        return value;
    }
}

;// CONCATENATED MODULE: ./src/formats/ion.ts
// Amazon Ion text as AWS imports and exports it: `$ion_1_0 {Item:{...}}` per
// line (or a list of such structs), decimals for numbers, blobs for binary,
// `$dynamodb_SS::[...]` for sets. Every digit of a decimal is kept; nothing
// DynamoDB would refuse or silently change is let through (duplicate fields,
// set annotations on other values, nesting past DynamoDB's limit).





const SET_ANNOTATIONS = new Map([
    ['$dynamodb_SS', 'SS'],
    ['$dynamodb_NS', 'NS'],
    ['$dynamodb_BS', 'BS'],
]);
async function* decodeIon(chunks, stats) {
    const counter = { next: 0 };
    for await (const values of splitIonValues(splitLines(chunks, stats))) {
        const batch = [];
        for (const value of values)
            decodeValueText(value, counter, batch, stats);
        yield batch;
    }
}
/** The items in one piece of Ion text: usually one, several for `$ion_1_0 {...} {...}`. */
function decodeValueText(value, counter, batch, stats) {
    const malformed = (message, code = 'MALFORMED_ION') => {
        batch.push({ error: { code, message, line: value.line, itemIndex: counter.next++ } });
    };
    if (value.broken !== undefined)
        return malformed(value.broken, value.code);
    let reader;
    try {
        reader = (0,Ion.makeReader)(value.text);
    }
    catch (error) {
        return malformed(notIon(error));
    }
    for (;;) {
        let type;
        try {
            type = reader.next();
        }
        catch (error) {
            return malformed(notIon(error));
        }
        if (type === null)
            return;
        const itemIndex = counter.next++;
        try {
            const dropped = { annotations: 0 };
            const item = readItemStruct(reader, type, dropped);
            if (stats !== undefined)
                stats.annotationsDropped += dropped.annotations;
            batch.push({ item, line: value.line, itemIndex, textLength: value.text.length });
        }
        catch (error) {
            const decodeError = toDecodeError(error, value.line, itemIndex);
            // A value DynamoDB would refuse keeps its text; text ion-js could not read is not an item to keep.
            batch.push({ error: decodeError, ...(decodeError.code !== 'MALFORMED_ION' && { text: value.text }) });
            return; // the reader's position inside a bad value is unknown
        }
    }
}
class NotAnItem extends Error {
}
function readItemStruct(reader, type, dropped) {
    if (type.name !== 'struct' || reader.isNull())
        throw new NotAnItem(`expected a struct {Item: {...}}, found ${reader.isNull() ? 'null' : type.name}`);
    countOthers(reader, dropped);
    reader.stepIn();
    try {
        let item;
        const fields = [];
        for (let t = reader.next(); t !== null; t = reader.next()) {
            const name = reader.fieldName() ?? '';
            fields.push(name);
            if (name === 'Item') {
                if (item !== undefined)
                    throw duplicate('Item');
                if (t.name !== 'struct' || reader.isNull())
                    throw new NotAnItem(`expected Item to be a struct, found ${t.name}`);
                countOthers(reader, dropped);
                item = readStruct(reader, 0, dropped);
            }
        }
        if (item === undefined)
            throw new NotAnItem(`expected a struct {Item: {...}}, found one with ${excerpt(fields.join(', ')) || 'no fields'}`);
        return item;
    }
    finally {
        reader.stepOut();
    }
}
/** A struct of attributes at `level` (the item's is 0); its values are one level below it. */
function readStruct(reader, level, dropped = { annotations: 0 }) {
    const map = {};
    reader.stepIn();
    for (let t = reader.next(); t !== null; t = reader.next()) {
        const name = reader.fieldName() ?? '';
        checkName(name);
        try {
            // ion-js gives every field, where a JSON parser would keep the last of duplicates.
            if (Object.hasOwn(map, name))
                throw duplicate(name);
            setAttribute(map, name, readValue(reader, t, level + 1, dropped));
        }
        catch (error) {
            throw error instanceof AttributeValueError ? error.within(name) : error;
        }
    }
    reader.stepOut();
    return map;
}
function duplicate(name) {
    return new AttributeValueError('DUPLICATE_ATTRIBUTE', `the field "${excerpt(name)}" appears more than once in the same struct`);
}
function readValue(reader, type, level, dropped) {
    const set = setAnnotation(reader, type, dropped);
    if (reader.isNull()) {
        if (set !== undefined)
            throw new AttributeValueError('INVALID_SET', `a $dynamodb_${set} set cannot be null`);
        return { NULL: true };
    }
    switch (type.name) {
        case 'bool':
            return { BOOL: reader.booleanValue() === true };
        case 'int':
        case 'decimal':
        case 'float':
            return { N: readNumber(reader, type) };
        case 'string':
        case 'symbol':
            return { S: reader.stringValue() ?? '' };
        case 'blob':
        case 'clob':
            return { B: reader.uInt8ArrayValue() ?? new Uint8Array() };
        case 'struct':
            if (level >= MAX_NESTING)
                throw ion_tooDeep();
            return { M: readStruct(reader, level, dropped) };
        case 'list':
            if (set !== undefined)
                return readSet(reader, set, level, dropped);
            if (level >= MAX_NESTING)
                throw ion_tooDeep();
            return { L: readList(reader, level, dropped) };
        default:
            throw new AttributeValueError('INVALID_TYPE', `Ion ${type.name} has no DynamoDB type (expected string, bool, decimal, int, float, blob, list, struct or null)`);
    }
}
/**
 * The set a value's `$dynamodb_` annotation makes of it. Other annotations
 * mean nothing to DynamoDB and are dropped, and counted so the summary says
 * so; an unknown `$dynamodb_` one, or a set annotation on anything but a
 * list, would lose what the writer meant.
 */
function setAnnotation(reader, type, dropped) {
    const annotations = reader.annotations();
    if (annotations.length === 0)
        return undefined;
    let set;
    for (const annotation of annotations) {
        if (!annotation.startsWith('$dynamodb_')) {
            dropped.annotations += 1;
            continue;
        }
        const named = SET_ANNOTATIONS.get(annotation);
        if (named === undefined)
            throw new AttributeValueError('INVALID_TYPE', `unknown annotation ${excerpt(annotation)} (DynamoDB's are $dynamodb_SS, $dynamodb_NS and $dynamodb_BS)`);
        if (set !== undefined)
            throw new AttributeValueError('INVALID_SET', 'a value has more than one set annotation');
        set = named;
    }
    if (set !== undefined && type.name !== 'list' && type.name !== 'null')
        throw new AttributeValueError('INVALID_SET', `$dynamodb_${set} annotates a ${type.name}; a set must be a list`);
    return set;
}
/** The annotations on the item's own structs, none of them DynamoDB's: dropped with the others. */
function countOthers(reader, dropped) {
    for (const annotation of reader.annotations())
        if (!annotation.startsWith('$dynamodb_'))
            dropped.annotations += 1;
}
function ion_tooDeep() {
    return new AttributeValueError('TOO_DEEPLY_NESTED', `structs and lists are nested more than ${MAX_NESTING} levels deep, beyond DynamoDB's limit`);
}
/** A list at `level`; its elements are one level below it. */
function readList(reader, level, dropped) {
    const values = [];
    reader.stepIn();
    for (let t = reader.next(); t !== null; t = reader.next()) {
        try {
            values.push(readValue(reader, t, level + 1, dropped));
        }
        catch (error) {
            throw error instanceof AttributeValueError ? error.within(values.length) : error;
        }
    }
    reader.stepOut();
    return values;
}
function readSet(reader, set, level, dropped) {
    const members = readList(reader, level, dropped);
    const wanted = { SS: 'S', NS: 'N', BS: 'B' }[set];
    const values = members.map((m, i) => {
        const v = m[wanted];
        if (v === undefined)
            throw new AttributeValueError('INVALID_TYPE', `expected only ${wanted} members in a $dynamodb_${set} set`).within(i);
        return v;
    });
    if (set === 'BS') {
        checkSet(values.map((b) => Buffer.from(b).toString('base64')), set);
        return { BS: values };
    }
    checkSet(values, set);
    return set === 'SS' ? { SS: values } : { NS: values };
}
function readNumber(reader, type) {
    if (type.name === 'int')
        return checkNumber((reader.bigIntValue() ?? 0n).toString());
    if (type.name === 'decimal') {
        const decimal = reader.decimalValue();
        // Checked in exponent form first: 1d400000000 written out would be 400 million zeros.
        const coefficient = decimal.getCoefficient();
        // Written as 0 whatever its exponent: DynamoDB never sees the exponent.
        if (coefficient === 0n)
            return '0';
        const digits = (coefficient < 0n ? -coefficient : coefficient).toString();
        checkNumber(`${decimal.isNegative() ? '-' : ''}${digits}E${decimal.getExponent()}`);
        return checkNumber(decimalToString(decimal));
    }
    const float = reader.numberValue() ?? Number.NaN;
    if (!Number.isFinite(float))
        throw new AttributeValueError('INVALID_NUMBER', `${float} is not a valid DynamoDB number`);
    return checkNumber(String(float));
}
/** An Ion decimal as a plain decimal string with every digit: 6d2 -> 600, 1.50 -> 1.50. */
function decimalToString(decimal) {
    const coefficient = decimal.getCoefficient();
    const digits = (coefficient < 0n ? -coefficient : coefficient).toString();
    const exponent = decimal.getExponent();
    if (digits === '0')
        return '0';
    const sign = decimal.isNegative() ? '-' : '';
    if (exponent >= 0)
        return `${sign}${digits}${'0'.repeat(exponent)}`;
    const point = digits.length + exponent;
    return point > 0
        ? `${sign}${digits.slice(0, point)}.${digits.slice(point)}`
        : `${sign}0.${'0'.repeat(-point)}${digits}`;
}
function notIon(error) {
    return `not valid Ion: ${excerpt(error.message, 2 * EXCERPT_CHARS)}`;
}
function toDecodeError(error, line, itemIndex) {
    if (error instanceof AttributeValueError)
        return { code: error.code, message: error.message, line, itemIndex };
    if (error instanceof NotAnItem)
        return { code: 'NOT_AN_ITEM', message: error.message, line, itemIndex };
    return { code: 'MALFORMED_ION', message: notIon(error), line, itemIndex };
}
// ---- encoding ----
/** `$ion_1_0 {Item:{...}}` lines, as AWS's export writes them, from items in DynamoDB JSON, in one buffer. */
function ionLines(items) {
    let text = '';
    for (const item of items) {
        text += `$ion_1_0 {Item:${ionStruct(fromDynamoJsonMap(JSON.parse(item.toString('utf8'))))}}\n`;
    }
    return Buffer.from(text, 'utf8');
}
function ionStruct(map) {
    const fields = [];
    for (const name in map)
        fields.push(`${ionSymbol(name)}:${ionValue(map[name])}`);
    return `{${fields.join(',')}}`;
}
function ionValue(value) {
    if (value.S !== undefined)
        return JSON.stringify(value.S);
    if (value.N !== undefined)
        return ionDecimal(value.N);
    if (value.B !== undefined)
        return ionBlob(value.B);
    if (value.BOOL !== undefined)
        return value.BOOL ? 'true' : 'false';
    if (value.NULL !== undefined)
        return 'null';
    if (value.L !== undefined)
        return `[${value.L.map(ionValue).join(',')}]`;
    if (value.M !== undefined)
        return ionStruct(value.M);
    if (value.SS !== undefined)
        return `$dynamodb_SS::[${value.SS.map((s) => JSON.stringify(s)).join(',')}]`;
    if (value.NS !== undefined)
        return `$dynamodb_NS::[${value.NS.map(ionDecimal).join(',')}]`;
    if (value.BS !== undefined)
        return `$dynamodb_BS::[${value.BS.map(ionBlob).join(',')}]`;
    throw new AttributeValueError('INVALID_TYPE', `unsupported attribute value: ${Object.keys(value).join(', ')}`);
}
/** A DynamoDB number as an Ion decimal (never an int or a float): 103 -> 103., 1e5 -> 1.d5. */
function ionDecimal(number) {
    const match = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(number);
    if (match === null)
        throw new AttributeValueError('INVALID_NUMBER', `"${number}" is not a valid DynamoDB number`);
    const [, sign, whole, fraction, exponent] = match;
    const digits = (whole ?? '').replace(/^0+(?=\d)/, '') || '0';
    const decimal = `${sign === '-' ? '-' : ''}${digits}.${fraction ?? ''}`;
    return exponent === undefined ? decimal : `${decimal}d${exponent}`;
}
function ionBlob(bytes) {
    return `{{${Buffer.from(bytes).toString('base64')}}}`;
}
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_$]*$/;
const KEYWORDS = new Set(['null', 'true', 'false', 'nan']);
function ionSymbol(name) {
    if (IDENTIFIER.test(name) && !KEYWORDS.has(name))
        return name;
    const escaped = JSON.stringify(name).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'");
    return `'${escaped}'`;
}

;// CONCATENATED MODULE: ./src/formats/json-lines-shape.ts
// DynamoDB JSON is one item a line. The fixtures people write first are a
// JSON array of items or an item pretty-printed over several lines; read as
// lines, every one of them is "not valid JSON". Seen in the object's first
// line, either is one error for the object that says what to write instead.

/** How far the first line is looked for; a longer first line is an item's, not a `[` or a `{` alone. */
const PEEK_BYTES = 64 * 1024;
async function* refuseNonLineJson(chunks) {
    const iterator = chunks[Symbol.asyncIterator]();
    const held = [];
    let bytes = 0;
    let first;
    let ended = false;
    // A refusal, or a consumer that stops early, lets go of the source (an S3 body, a decompressor) too.
    let finished = false;
    try {
        while (first === undefined && !ended && bytes < PEEK_BYTES) {
            const next = await iterator.next();
            ended = next.done === true;
            const chunk = next.value;
            if (chunk !== undefined) {
                held.push(chunk);
                bytes += chunk.length;
            }
            // Only a line break (or the end, after which the last line is whole) can complete the first line.
            if (ended || chunk?.includes(0x0a) === true)
                first = firstLine(`${Buffer.concat(held).toString('utf8')}${ended ? '\n' : ''}`);
        }
        if (first !== undefined)
            refuse(first);
        yield* held;
        if (!ended)
            yield* { [Symbol.asyncIterator]: () => iterator };
        finished = true;
    }
    finally {
        if (!finished && !ended)
            await iterator.return?.();
    }
}
/** The first line that holds more than white space, once its end is in `text`. */
function firstLine(text) {
    const lines = text.replace(/^\uFEFF/, '').split('\n');
    lines.pop(); // not known to be whole yet
    return lines.map((line) => line.trim()).find((line) => line !== '');
}
function refuse(line) {
    const write = 'DynamoDB JSON is one item a line, such as {"Item": {"id": {"S": "a1"}, "n": {"N": "5"}}}, with no [ ], commas or line breaks between items (jq -c ".[]" turns an array into lines)';
    // A line that is a whole array on its own is one bad line among others, reported as such.
    if (line.startsWith('[') && !line.endsWith(']'))
        throw new ObjectReadError('NOT_JSON_LINES', `the object is a JSON array (its first line starts with [ and the array goes on past it): ${write}`);
    if (line === '{' || line === '{"Item": {' || line === '{"Item":{')
        throw new ObjectReadError('NOT_JSON_LINES', `an item spans several lines (the first line is ${JSON.stringify(line)}): ${write}`);
}

;// CONCATENATED MODULE: ./src/formats/decode.ts
// One object's bytes to checked items: decompress, decode the format, check
// each item against the key schema. Counts everything; a truncated or
// corrupt object ends with one error after the items read before it, and so
// does data after the end of a compressed stream, after all the items.









/** Batches of decoded and checked records, in source order. */
function decodeObject(bytes, options, stats) {
    return decodeRecords(bytes, options, stats, false);
}
/** The same, with DynamoDB JSON items kept as their checked bytes (other formats are decoded as ever). */
function decodeObjectRaw(bytes, options, stats) {
    return decodeRecords(bytes, options, stats, true);
}
async function* decodeRecords(bytes, options, stats, raw) {
    let source = bytes;
    let compression = options.compression;
    if (compression === 'auto')
        ({ compression, chunks: source } = await peekCompression(bytes));
    // Data after the end of the compressed stream leaves the data before it whole:
    // the decoder reads it to the end (its last line included), then the error follows.
    const after = {};
    const chunks = untilTrailingData(decompress(source, compression), after);
    const keyTypes = Object.fromEntries(options.keys.map((k) => [k.name, k.type]));
    const batches = options.format === 'CSV'
        ? decodeCsv(chunks, {
            delimiter: options.csv?.delimiter ?? ',',
            ...(options.csv?.header && { header: options.csv.header }),
            keyTypes,
        }, stats)
        : options.format === 'ION'
            ? decodeIon(chunks, stats)
            : raw
                ? decodeDynamoJsonRaw(refuseNonLineJson(chunks), options.keys, stats)
                : decodeDynamoJson(refuseNonLineJson(chunks), stats);
    let records = 0;
    try {
        for await (const batch of batches) {
            records += batch.length;
            yield checked(batch, options.keys, stats);
        }
    }
    catch (error) {
        if (!(error instanceof ObjectReadError))
            throw error;
        yield [objectError(error, stats, records)];
        return;
    }
    if (after.error !== undefined)
        yield [objectError(after.error, stats, records)];
}
/** One error for the rest of the object, at the line where reading stopped; how many items that lost is unknown. */
function objectError(error, stats, records) {
    stats.errors += 1;
    const message = `${error.message}; the ${stats.items} item(s) before this point were read`;
    return { error: { code: error.code, message, line: stats.lines + 1, itemIndex: records } };
}
async function* untilTrailingData(chunks, found) {
    try {
        yield* chunks;
    }
    catch (error) {
        if (!(error instanceof ObjectReadError) || error.code !== 'TRAILING_DATA')
            throw error;
        found.error = error;
    }
}
/** Each item checked against the keys and its size (raw items were, as they were read); a failing item becomes an error in its place. */
function checked(batch, keys, stats) {
    for (let i = 0; i < batch.length; i++) {
        const record = batch[i];
        if ('raw' in record) {
            stats.items += 1;
            continue;
        }
        if ('error' in record) {
            stats.errors += 1;
            // Decoders cut what they quote; this bounds whatever else a message holds.
            if (record.error.message.length > MESSAGE_CHARS)
                record.error.message = excerpt(record.error.message, MESSAGE_CHARS);
            continue;
        }
        const problem = checkItem(record.item, keys, record.textLength);
        if (problem === undefined) {
            stats.items += 1;
        }
        else {
            stats.errors += 1;
            batch[i] = { error: { ...problem, line: record.line, itemIndex: record.itemIndex }, item: record.item };
        }
    }
    return batch;
}

;// CONCATENATED MODULE: ./src/sources/sample.ts
// The first records of a source, read before anything is created, emptied or
// started: a source that cannot be imported at all (wrong format, wrong
// compression, a CSV header without the table's key) is refused while the
// table is still as it was.




const SAMPLE_BYTES = 1024 * 1024;
const SAMPLE_ITEMS = 100;
/**
 * Up to 100 records from the first MiB of an object; a record cut by the 1 MiB
 * limit proves nothing and is left out. Given the object as the source lists
 * it, no more than its size is read, and an export's data file none of whose
 * first records reads is checked against its MD5: a damaged file proves
 * nothing about the source (its items are rejected, counted, when it is
 * imported), so its sample is empty.
 */
async function sampleObject(store, object, options) {
    const { key, size, md5 } = typeof object === 'string' ? { key: object, size: undefined, md5: undefined } : object;
    const head = await readHead(store.read(key, size), SAMPLE_BYTES);
    const cut = head.length >= SAMPLE_BYTES;
    const records = [];
    for await (const batch of decodeObject(once(head), options, newStats())) {
        records.push(...batch.filter((r) => !('error' in r && r.error.code === 'TRUNCATED_OBJECT' && cut)));
        if (records.length > SAMPLE_ITEMS)
            break;
    }
    const sample = records.slice(0, cut ? Math.min(SAMPLE_ITEMS, records.length - 1) : SAMPLE_ITEMS);
    const errors = sample.flatMap((r) => ('error' in r ? [r.error] : []));
    if (md5 !== undefined && errors.length > 0 && errors.length === sample.length) {
        const tracker = new Md5Tracker();
        for await (const chunk of tracker.track(store.read(key, size)))
            void chunk;
        if (tracker.base64() !== md5)
            return { records: [], errors: [] };
    }
    return { records: sample, errors };
}
/** Refuses a source none of whose first records can be imported. */
function refuseUnreadable(sample, where, how, consequence) {
    const first = sample.errors[0];
    if (first === undefined || sample.errors.length < sample.records.length)
        return;
    const line = first.line === undefined ? '' : `line ${first.line}: `;
    throw new errors/* TransferError */.aG('SOURCE_SAMPLE_INVALID', `None of the first ${sample.records.length} record(s) of ${where} can be imported as ${how}: ${line}${first.message}. ${consequence} Check format, compression, csv-header and the key schema.`);
}
async function readHead(chunks, limit) {
    const parts = [];
    let size = 0;
    for await (const chunk of chunks) {
        parts.push(chunk);
        size += chunk.byteLength;
        if (size >= limit)
            break;
    }
    return Buffer.concat(parts).subarray(0, limit);
}
async function* once(bytes) {
    yield bytes;
}

;// CONCATENATED MODULE: ./src/verify/equality.ts
// DynamoDB's equality of attribute values: numbers by value (1.0 equals 1,
// 1.50 equals 1.5), sets without order, binary by bytes, maps without key
// order, lists in order. Values come either as the SDK holds them (binary as
// bytes) or as DynamoDB JSON parsed (binary as base64 text): the comparison
// reads partition files of DynamoDB JSON, and tests give AttributeValues.

function bytesOf(value) {
    return typeof value === 'string'
        ? Buffer.from(value, 'base64')
        : Buffer.from(value.buffer, value.byteOffset, value.byteLength);
}
function binaryEqual(a, b) {
    // Text equal is bytes equal; unequal text may still be one value written two ways.
    if (typeof a === 'string' && typeof b === 'string' && a === b)
        return true;
    return bytesOf(a).equals(bytesOf(b));
}
/** A binary set member as text that is equal for equal bytes. */
function binaryKey(value) {
    return bytesOf(value).toString('base64');
}
function numberEqual(a, b) {
    return a === b || numberValue(a) === numberValue(b);
}
function sameSet(a, b, key) {
    // A valid set has no repeated member, but a hand-made one might: compare distinct members.
    const left = new Set(a.map(key));
    const right = new Set(b.map(key));
    if (left.size !== right.size)
        return false;
    for (const member of left)
        if (!right.has(member))
            return false;
    return true;
}
const own = (record, name) => Object.prototype.hasOwnProperty.call(record, name);
/** Whether two attribute values are equal as DynamoDB compares them. */
function valuesEqual(a, b) {
    if (a.S !== undefined)
        return b.S !== undefined && a.S === b.S;
    if (a.N !== undefined)
        return b.N !== undefined && numberEqual(a.N, b.N);
    if (a.B !== undefined)
        return b.B !== undefined && binaryEqual(a.B, b.B);
    if (a.BOOL !== undefined)
        return b.BOOL !== undefined && a.BOOL === b.BOOL;
    if (a.NULL !== undefined)
        return b.NULL !== undefined;
    if (a.SS !== undefined)
        return b.SS !== undefined && sameSet(a.SS, b.SS, (s) => s);
    if (a.NS !== undefined)
        return b.NS !== undefined && sameSet(a.NS, b.NS, numberValue);
    if (a.BS !== undefined)
        return b.BS !== undefined && sameSet(a.BS, b.BS, binaryKey);
    if (a.L !== undefined) {
        if (b.L === undefined || a.L.length !== b.L.length)
            return false;
        for (let i = 0; i < a.L.length; i++) {
            if (!valuesEqual(a.L[i], b.L[i]))
                return false;
        }
        return true;
    }
    if (a.M !== undefined)
        return b.M !== undefined && mapsEqual(a.M, b.M);
    return false; // an unknown type tag equals nothing
}
function mapsEqual(a, b) {
    const names = Object.keys(a);
    if (names.length !== Object.keys(b).length)
        return false;
    for (const name of names) {
        if (!own(b, name) || !valuesEqual(a[name], b[name]))
            return false;
    }
    return true;
}
/**
 * The names of the attributes that differ between two items: on one side
 * only, or on both with unequal values. Sorted, so the same two items always
 * give the same list.
 */
function differingAttributes(a, b) {
    const names = [];
    for (const name of Object.keys(a)) {
        if (!own(b, name) || !valuesEqual(a[name], b[name]))
            names.push(name);
    }
    for (const name of Object.keys(b))
        if (!own(a, name))
            names.push(name);
    return names.sort();
}

;// CONCATENATED MODULE: ./src/verify/partition.ts
// Both sides of a comparison are spread over files by a hash of each item's
// key, so that the two items of one key land in files of the same number and
// one pair of files at a time fits in memory, whatever the table's size.
//
// A record in a partition file is framed by lengths, not by newlines (a key
// or an item may hold any character): u32 key bytes, u32 item bytes, the key
// text (key.ts), the item's DynamoDB JSON. Records are copied into a buffer
// per partition and written when it fills: a Scan page's items are slices of
// the whole 1 MB page, and keeping them would keep every page.



/** What one partition of one side should hold: small enough to be read into memory whole. */
const PARTITION_BYTES = 4 * 1024 * 1024;
/** At most this many partitions per side (two open files each): larger ones are split when compared. */
const MAX_PARTITIONS = 256;
/** Bytes one side buffers in memory across all its partitions: a chunk per partition, smaller when there are more. */
const BUFFER_BUDGET = 4 * 1024 * 1024;
/** Bytes of one side being written before the reader waits. */
const IN_FLIGHT_BYTES = 2 * 1024 * 1024;
const MIN_CHUNK = 16 * 1024;
const MAX_CHUNK = 256 * 1024;
const HEADER = 8;
/** A 32-bit hash of text (FNV-1a, then murmur3's finaliser so every bit counts); `seed` gives another spread. */
function hashText(text, seed) {
    let h = (0x811c9dc5 ^ seed) >>> 0;
    for (let i = 0; i < text.length; i++) {
        h ^= text.charCodeAt(i);
        h = Math.imul(h, 0x01000193);
    }
    return finish(h);
}
/** The same hash of bytes `[start, end)` of a buffer. */
function hashBytes(buffer, start, end, seed) {
    let h = (0x811c9dc5 ^ seed) >>> 0;
    for (let i = start; i < end; i++) {
        h ^= buffer[i];
        h = Math.imul(h, 0x01000193);
    }
    return finish(h);
}
function finish(hash) {
    let h = hash;
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    return h >>> 0;
}
/** How many partitions for sides of about these many bytes each. */
function partitionCount(...sideBytes) {
    const largest = Math.max(0, ...sideBytes.filter((b) => Number.isFinite(b)));
    return Math.min(MAX_PARTITIONS, Math.max(1, Math.ceil(largest / PARTITION_BYTES)));
}
/** One side's partition files, `<dir>/<name>-<n>`, created as records arrive. */
class PartitionWriter {
    count;
    records = 0;
    dir;
    name;
    seed;
    chunkBytes;
    partitions;
    inFlight = 0;
    failure;
    pending = new Set();
    /** Chunks whose write is done, used again: no allocation per chunk, and no memory left in pieces. */
    spare = [];
    constructor(dir, name, count, seed) {
        this.dir = dir;
        this.name = name;
        this.count = count;
        this.seed = seed;
        this.chunkBytes = Math.min(MAX_CHUNK, Math.max(MIN_CHUNK, Math.floor(BUFFER_BUDGET / count)));
        this.partitions = Array.from({ length: count }, () => ({
            chunk: undefined,
            used: 0,
            handle: undefined,
            tail: Promise.resolve(),
            bytes: 0,
        }));
    }
    /** Which partition a key goes to. */
    partitionOf(key) {
        return this.count === 1 ? 0 : hashText(key, this.seed) % this.count;
    }
    /** Copies one record into its partition's buffer; writes the buffer when it is full. Call `drain` now and then. */
    add(key, item) {
        this.throwIfFailed();
        const p = this.partitionOf(key);
        const partition = this.partitions[p];
        const keyBytes = Buffer.byteLength(key);
        const itemBytes = typeof item === 'string' ? Buffer.byteLength(item) : item.byteLength;
        const size = HEADER + keyBytes + itemBytes;
        if (partition.chunk !== undefined && partition.used + size > partition.chunk.byteLength)
            this.flush(p);
        // A record larger than a chunk (items reach 400 KB) gets a buffer of its own.
        partition.chunk ??=
            size <= this.chunkBytes ? (this.spare.pop() ?? Buffer.allocUnsafe(this.chunkBytes)) : Buffer.allocUnsafe(size);
        const chunk = partition.chunk;
        let at = partition.used;
        at = chunk.writeUInt32LE(keyBytes, at);
        at = chunk.writeUInt32LE(itemBytes, at);
        at += chunk.write(key, at, 'utf8');
        at += typeof item === 'string' ? chunk.write(item, at, 'utf8') : item.copy(chunk, at);
        partition.used = at;
        this.records += 1;
    }
    /** Waits while more than IN_FLIGHT_BYTES are being written. */
    async drain() {
        while (this.inFlight > IN_FLIGHT_BYTES && this.pending.size > 0)
            await Promise.race(this.pending);
        this.throwIfFailed();
    }
    /** Writes what is buffered, closes every file, and says what each partition holds. */
    async close() {
        for (let p = 0; p < this.count; p++)
            this.flush(p);
        await Promise.all(this.partitions.map((partition) => partition.tail));
        await Promise.all(this.partitions.map(async (partition) => {
            if (partition.handle !== undefined)
                await (await partition.handle).close();
        }));
        this.throwIfFailed();
        return this.partitions.map((partition, p) => ({ path: this.pathOf(p), bytes: partition.bytes }));
    }
    /** After a failure or a cancel: waits for what is being written and closes the files, without more writes. */
    async abandon() {
        await Promise.allSettled(this.partitions.map((partition) => partition.tail));
        await Promise.allSettled(this.partitions.map(async (partition) => {
            if (partition.handle !== undefined)
                await (await partition.handle).close();
        }));
    }
    pathOf(p) {
        return (0,external_node_path_.join)(this.dir, `${this.name}-${p}`);
    }
    flush(p) {
        const partition = this.partitions[p];
        const chunk = partition.chunk;
        if (chunk === undefined || partition.used === 0)
            return;
        const data = chunk.subarray(0, partition.used);
        partition.chunk = undefined;
        partition.used = 0;
        partition.bytes += data.byteLength;
        // `wx`: the folder is this run's own, and a file is never written twice over.
        partition.handle ??= (0,promises_.open)(this.pathOf(p), 'wx');
        const handle = partition.handle;
        this.inFlight += data.byteLength;
        const write = partition.tail.then(async () => {
            const file = await handle;
            let written = 0;
            while (written < data.byteLength) {
                written += (await file.write(data, written, data.byteLength - written)).bytesWritten;
            }
        });
        const done = write
            .catch((error) => {
            const why = error instanceof Error ? error.message : String(error);
            this.failure ??= new errors/* TransferError */.aG('WRITE_FAILED', `The partition file ${this.pathOf(p)} could not be written (${why}); verify needs about as much free space in RUNNER_TEMP as the table and the source take as DynamoDB JSON.`);
        })
            .finally(() => {
            this.inFlight -= data.byteLength;
            this.pending.delete(done);
            if (chunk.byteLength === this.chunkBytes)
                this.spare.push(chunk);
        });
        this.pending.add(done);
        partition.tail = done;
    }
    throwIfFailed() {
        if (this.failure !== undefined)
            throw this.failure;
    }
}
const READ_BYTES = 1024 * 1024;
/**
 * Buffers read into again and again, partition after partition: a fresh one
 * per file would be memory outside V8's heap that only a full collection
 * frees, and many of them pile up before one runs.
 */
class ReadBuffers {
    stream = Buffer.allocUnsafe(0);
    whole = Buffer.allocUnsafe(0);
}
/** A whole partition file in `buffers.whole` (grown when too small); valid until the next call. */
async function readWhole(path, bytes, buffers) {
    // A quarter more than asked: partitions are of about one size, so it grows once or twice, not at every larger one.
    if (buffers.whole.byteLength < bytes)
        buffers.whole = Buffer.allocUnsafe(Math.ceil(bytes * 1.25));
    const file = await (0,promises_.open)(path, 'r');
    try {
        let filled = 0;
        while (filled < bytes) {
            const { bytesRead } = await file.read(buffers.whole, filled, bytes - filled, filled);
            if (bytesRead === 0)
                throw new Error(`${path} ends after ${filled} of ${bytes} bytes`);
            filled += bytesRead;
        }
        return buffers.whole.subarray(0, bytes);
    }
    finally {
        await file.close();
    }
}
/** Where the record that starts at `at` ends (past the end of `data` when the bytes end inside it). */
function recordEnd(data, at) {
    if (at + HEADER > data.byteLength)
        return Number.POSITIVE_INFINITY;
    return at + HEADER + data.readUInt32LE(at) + data.readUInt32LE(at + 4);
}
/** The key's bytes of the record at `at`: [start, end). */
function keyStart(at) {
    return at + HEADER;
}
function keyEnd(data, at) {
    return at + HEADER + data.readUInt32LE(at);
}
/** The item of the record at `at`, a view of `data`. */
function itemOf(data, at) {
    return data.subarray(keyEnd(data, at), recordEnd(data, at));
}
/**
 * The records of a partition file, a run of whole records per read of about
 * 1 MiB. One buffer is read into again and again: each run is valid until the
 * next is asked for, so whoever keeps a record copies it.
 */
async function* readRecordRuns(path, buffers = new ReadBuffers()) {
    const file = await (0,promises_.open)(path, 'r');
    try {
        if (buffers.stream.byteLength < READ_BYTES)
            buffers.stream = Buffer.allocUnsafe(READ_BYTES);
        let buffer = buffers.stream;
        let filled = 0;
        for (;;) {
            const { bytesRead } = await file.read(buffer, filled, buffer.byteLength - filled, null);
            if (bytesRead === 0)
                break;
            filled += bytesRead;
            const data = buffer.subarray(0, filled);
            let at = 0;
            while (recordEnd(data, at) <= filled)
                at = recordEnd(data, at);
            if (at > 0)
                yield { data, end: at };
            // The start of a record cut by the read moves to the front; a record larger than the buffer grows it.
            const rest = filled - at;
            const needed = rest >= HEADER ? recordEnd(data, at) - at : HEADER;
            if (needed > buffer.byteLength) {
                const larger = Buffer.allocUnsafe(needed);
                buffer.copy(larger, 0, at, filled);
                buffer = larger;
                buffers.stream = larger;
            }
            else {
                buffer.copy(buffer, 0, at, filled);
            }
            filled = rest;
        }
        if (filled > 0)
            throw new Error(`${path} ends inside a record (${filled} bytes left)`);
    }
    finally {
        await file.close();
    }
}
/** The records of a partition file as keys and items, a batch per read (for splitting, where each is written again). */
async function* readPartition(path, buffers = new ReadBuffers()) {
    for await (const { data, end } of readRecordRuns(path, buffers)) {
        const records = [];
        for (let at = 0; at < end; at = recordEnd(data, at)) {
            records.push({ key: data.toString('utf8', keyStart(at), keyEnd(data, at)), item: itemOf(data, at) });
        }
        yield records;
    }
}

;// CONCATENATED MODULE: ./src/verify/key-index.ts
// The records of one source partition, indexed by their key's bytes, with no
// object or string per record: an open-addressing table of offsets into the
// partition's buffer. A Map of key strings lived through a whole partition,
// so every collection of the young generation promoted a few MB of it, and the
// heap grew by 40 MB in each partition's second before the next full
// collection (1,000,000 items: the run's peak, 198 MB). Key texts are
// canonical (key.ts), so equal keys are equal bytes. The hash is seeded, as
// the partitions are: no chosen set of keys can make every probe collide.

const EMPTY = -1;
/**
 * Mixed into the seed: with the partitions' own seed, every key of partition
 * p would hash to p modulo the count, and with a count of 64 the six bits
 * that pick a slot would be the same for all of them.
 */
const INDEX_SALT = 0x27d4eb2f;
class KeyIndex {
    /** Records whose key an earlier record had: the last one is the one indexed, as an import writes it. */
    duplicates;
    data;
    /** A record's offset in `data` per slot, or EMPTY. */
    slots;
    /** Per slot: the other side had that key. */
    found;
    mask;
    seed;
    /** `data`: whole records (partition.ts), as `readWhole` gives them. */
    constructor(data, seed) {
        this.data = data;
        this.seed = (seed ^ INDEX_SALT) >>> 0;
        // Offsets are 32-bit; a partition is split long before (compare.ts), this only keeps a bunched one from wrapping.
        if (data.byteLength > 0x7fffffff)
            throw new Error(`a partition of ${data.byteLength} bytes is too large to index`);
        let records = 0;
        for (let at = 0; at < data.byteLength; at = recordEnd(data, at)) {
            if (recordEnd(data, at) > data.byteLength)
                throw new Error('a partition file ends inside a record');
            records += 1;
        }
        // At most half full: probes stay short.
        let size = 16;
        while (size < records * 2)
            size *= 2;
        this.mask = size - 1;
        this.slots = new Int32Array(size).fill(EMPTY);
        this.found = new Uint8Array(size);
        let duplicates = 0;
        for (let at = 0; at < data.byteLength; at = recordEnd(data, at)) {
            const slot = this.slotOf(data, at);
            if (this.slots[slot] !== EMPTY)
                duplicates += 1;
            this.slots[slot] = at;
        }
        this.duplicates = duplicates;
    }
    /** The slot holding the record with the key of `other`'s record at `at`, or -1. */
    find(other, at) {
        const slot = this.slotOf(other, at);
        return this.slots[slot] === EMPTY ? -1 : slot;
    }
    /** Where the slot's record starts in the indexed buffer. */
    offset(slot) {
        return this.slots[slot];
    }
    /** Marks the slot's key as found on the other side; false when it already was. */
    markFound(slot) {
        if (this.found[slot] === 1)
            return false;
        this.found[slot] = 1;
        return true;
    }
    /** Offsets of the indexed records whose key was never found, in the order they are in the buffer. */
    *notFound() {
        const data = this.data;
        for (let at = 0; at < data.byteLength; at = recordEnd(data, at)) {
            const slot = this.slotOf(data, at);
            // A repeated key is reported once, by its last record: the one indexed.
            if (this.slots[slot] === at && this.found[slot] === 0)
                yield at;
        }
    }
    /** The slot of the key of `buffer`'s record at `at`: where it is, or the empty slot where it would go. */
    slotOf(buffer, at) {
        const start = keyStart(at);
        const end = keyEnd(buffer, at);
        let slot = hashBytes(buffer, start, end, this.seed) & this.mask;
        for (;;) {
            const held = this.slots[slot];
            if (held === EMPTY)
                return slot;
            if (this.data.compare(buffer, start, end, keyStart(held), keyEnd(this.data, held)) === 0)
                return slot;
            slot = (slot + 1) & this.mask;
        }
    }
}

;// CONCATENATED MODULE: ./src/verify/compare.ts
// Compares the two sides one partition at a time: the source's records of a
// partition are indexed by key (the last record of a key wins, as an import
// writes it), the table's records stream past the index, and what the table
// never gave is missing from it. Only one partition's source records are in
// memory; each pair of files is removed once compared. A partition that came
// out larger than memory should hold (DescribeTable's size is hours old, keys
// may bunch) is split again with another seed first.





/** A source partition larger than this is split before it is read into memory. */
const MAX_LOADED_BYTES = 3 * PARTITION_BYTES;
/** Splits of one partition: past this, keys are so bunched (one key written again and again) that splitting cannot help. */
const MAX_SPLITS = 3;
function newCounts() {
    return { matched: 0, missing: 0, extra: 0, different: 0, duplicateKeys: 0, partitions: 0 };
}
async function comparePartitions(pairs, options, counts = newCounts()) {
    let splits = 0;
    const buffers = new ReadBuffers();
    const compare = async (pair, depth) => {
        if (pair.source.bytes > (options.maxLoadedBytes ?? MAX_LOADED_BYTES) && depth < MAX_SPLITS) {
            splits += 1;
            const parts = await split(pair, options, depth + 1, `split${splits}`, buffers);
            for (const part of parts)
                await compare(part, depth + 1);
            return;
        }
        await comparePair(pair, options, counts, buffers);
    };
    for (const pair of pairs) {
        if (options.signal?.aborted)
            throw new Aborted();
        await compare(pair, 0);
        counts.partitions += 1;
        options.onPartition?.(counts);
    }
    return counts;
}
async function comparePair(pair, options, counts, buffers) {
    // The source's records in one buffer, indexed by key without an object per record (key-index.ts).
    const source = pair.source.bytes > 0 ? await readWhole(pair.source.path, pair.source.bytes, buffers) : Buffer.alloc(0);
    await (0,promises_.rm)(pair.source.path, { force: true });
    const expected = new KeyIndex(source, options.seed);
    counts.duplicateKeys += expected.duplicates;
    if (pair.table.bytes > 0) {
        for await (const { data, end } of readRecordRuns(pair.table.path, buffers)) {
            if (options.signal?.aborted)
                throw new Aborted();
            for (let at = 0; at < end; at = recordEnd(data, at)) {
                const slot = expected.find(data, at);
                // Not in the source, or a second record of a key the table already gave.
                if (slot === -1 || !expected.markFound(slot)) {
                    counts.extra += 1;
                    await options.emit({ kind: 'extra', table: itemOf(data, at), attributes: [] });
                    continue;
                }
                const from = expected.offset(slot);
                // The same bytes are the same item; otherwise compare as DynamoDB would (1.50 equals 1.5).
                if (source.compare(data, keyEnd(data, at), recordEnd(data, at), keyEnd(source, from), recordEnd(source, from)) ===
                    0) {
                    counts.matched += 1;
                    continue;
                }
                const expectedItem = itemOf(source, from);
                const item = itemOf(data, at);
                const parsed = JSON.parse(expectedItem.toString('utf8'));
                const attributes = differingAttributes(parsed, JSON.parse(item.toString('utf8')));
                if (attributes.length === 0) {
                    counts.matched += 1;
                }
                else {
                    counts.different += 1;
                    await options.emit({ kind: 'different', source: expectedItem, table: item, parsed, attributes });
                }
            }
        }
    }
    await (0,promises_.rm)(pair.table.path, { force: true });
    for (const at of expected.notFound()) {
        counts.missing += 1;
        await options.emit({ kind: 'missing', source: itemOf(source, at), attributes: [] });
    }
}
/** Both files of a pair spread over new files by another seed; the originals removed. */
async function split(pair, options, depth, name, buffers) {
    const count = Math.max(2, partitionCount(pair.source.bytes, pair.table.bytes));
    const seed = (options.seed + depth * 0x9e3779b9) >>> 0;
    // One side after the other: they share the read buffer.
    const source = await splitFile(pair.source, new PartitionWriter(options.dir, `${name}-source`, count, seed), buffers);
    const table = await splitFile(pair.table, new PartitionWriter(options.dir, `${name}-table`, count, seed), buffers);
    return source.map((s, i) => ({ source: s, table: table[i] }));
}
async function splitFile(file, writer, buffers) {
    try {
        if (file.bytes > 0) {
            for await (const records of readPartition(file.path, buffers)) {
                for (const { key, item } of records)
                    writer.add(key, item);
                await writer.drain();
            }
        }
        const files = await writer.close();
        await (0,promises_.rm)(file.path, { force: true });
        return files;
    }
    catch (error) {
        await writer.abandon();
        throw error;
    }
}

;// CONCATENATED MODULE: ./src/direct/rejects.ts
// The one rejected-item type, and the rejected-items file: one DynamoDB JSON
// line per item that could not be imported, with the reason and the place it
// came from beside it, so it can be fixed and imported again. Created only
// when something is rejected, and then exclusively: a file (or a symbolic
// link) already at its place is never written over or through.




class RejectsFile {
    stream;
    writing;
    store;
    key;
    options;
    constructor(store, key, options = {}) {
        this.store = store;
        this.key = key;
        this.options = options;
    }
    get location() {
        return this.store.describe(this.key);
    }
    async add(rejected) {
        const line = JSON.stringify({
            ...(rejected.item === undefined ? {} : { Item: toDynamoJsonMap(rejected.item) }),
            error: { code: rejected.code, message: rejected.message },
            source: {
                object: rejected.object,
                ...(rejected.line === undefined ? {} : { line: rejected.line }),
                ...(rejected.itemIndex === undefined ? {} : { itemIndex: rejected.itemIndex }),
                ...(rejected.text === undefined ? {} : { text: rejected.text }),
            },
        });
        await this.addLine(line);
    }
    /** One line of JSON (without its newline); the file is created with the first. */
    async addLine(line) {
        if (this.stream === undefined) {
            this.options.check?.();
            this.stream = new external_node_stream_.PassThrough();
            this.writing = this.store
                .write(this.key, this.stream, this.options.exclusive ? { exclusive: true } : {})
                .catch((error) => {
                throw this.explain(error);
            });
            // Kept from becoming an unhandled rejection; add() and close() rethrow it.
            this.writing.catch(() => undefined);
        }
        // A failed upload stops reading the stream: wait for a drain or that failure, never forever.
        if (!this.stream.write(`${line}\n`))
            await Promise.race([(0,external_node_events_.once)(this.stream, 'drain'), this.writing]);
    }
    /** A file that appeared at the place after the check: said as such, not as a raw EEXIST. */
    explain(error) {
        if (error.code !== 'EEXIST')
            return error;
        return new errors/* TransferError */.aG('WRITE_FAILED', `${this.location} already exists: ${this.options.holds ?? 'rejected items'} are never written over a file (or through a symbolic link) this run did not create. Remove it or choose another rejected-items.`);
    }
    /** Finishes the file; the location if anything was written. */
    async close() {
        if (this.stream === undefined)
            return undefined;
        this.stream.end();
        await this.writing;
        return this.location;
    }
}

;// CONCATENATED MODULE: ./src/direct/rejects-location.ts
// The rejected-items file at the place the plan names: an S3 object or a
// local file. The place is checked before any work: nothing may be there yet
// (a file this run did not create is never written over), and a local path
// must not go through a symbolic link inside the workspace or the runner's
// temp folder (where a checkout or an earlier step could have put one).






/**
 * The rejected-items file, created only when an item is rejected, exclusively.
 * A local place is checked here (synchronously, a few lstat calls) and again
 * right before the file is created; throws InputError naming the path.
 */
function openRejects(location, deps, holds = 'rejected items') {
    if (location.kind === 's3')
        return new RejectsFile(new S3Store(deps.s3, location.bucket, {
            spoolDir: deps.tempDir,
            ...(location.owner === undefined ? {} : { owner: location.owner }),
        }), location.prefix, { exclusive: true, holds });
    checkLocalRejects(location.path, deps, holds);
    return new RejectsFile(new LocalStore((0,external_node_path_.dirname)(location.path)), (0,external_node_path_.basename)(location.path), {
        exclusive: true,
        holds,
        check: () => checkLocalRejects(location.path, deps, holds),
    });
}
/**
 * openRejects with the S3 place checked too (one HeadObject): what the engine
 * calls at the start of an import or validate, before the source is read or
 * the table touched.
 */
async function prepareRejects(location, deps, holds = 'rejected items') {
    if (location.kind === 's3')
        await checkS3Rejects(location, deps, holds);
    return openRejects(location, deps, holds);
}
function rejects_location_refuse(place, why, holds) {
    const name = holds === 'rejected items' ? 'rejected-items' : `The ${holds} file (rejected-items)`;
    return new errors/* InputError */.dz([
        {
            input: 'rejected-items',
            value: place,
            message: `${name} ${place} ${why}; nothing was created or written. Choose a new file (the default is a new file under RUNNER_TEMP).`,
        },
    ]);
}
/** Nothing at the path (not even a dangling link), and no symbolic link on its way inside the workspace or temp folder. */
function checkLocalRejects(path, deps, holds) {
    const target = (0,external_node_path_.resolve)(path);
    const existing = lstatOrUndefined(target);
    if (existing !== undefined) {
        const what = existing.isSymbolicLink()
            ? `is a symbolic link (to ${(0,external_node_fs_.readlinkSync)(target)})`
            : existing.isDirectory()
                ? 'is a folder'
                : 'already exists';
        throw rejects_location_refuse(target, `${what}, and ${holds} are never written over or through what this run did not create`, holds);
    }
    // Below the workspace or the temp folder, each folder on the way is a real folder.
    const base = [deps.workspace, deps.tempDir]
        .filter((b) => b !== undefined && b !== '')
        .map((b) => (0,external_node_path_.resolve)(b))
        .filter((b) => inside(target, b))
        .sort((a, b) => b.length - a.length)[0];
    const parent = (0,external_node_path_.dirname)(target);
    const steps = base === undefined ? [parent] : folderSteps(base, parent);
    for (const folder of steps) {
        const info = lstatOrUndefined(folder);
        if (info === undefined)
            return; // the rest is created by this run
        if (info.isSymbolicLink()) {
            throw rejects_location_refuse(target, `goes through the symbolic link ${folder} (to ${(0,external_node_fs_.readlinkSync)(folder)}), and ${holds} are never written through one`, holds);
        }
        if (!info.isDirectory())
            throw rejects_location_refuse(target, `goes through ${folder}, which is not a folder`, holds);
    }
}
/** HeadObject: an object already there is refused; anything else (no access to read it) is left to If-None-Match. */
async function checkS3Rejects(location, deps, holds) {
    const { client, sdk } = await deps.s3();
    const exists = await client
        .send(new sdk.HeadObjectCommand({
        Bucket: location.bucket,
        Key: location.prefix,
        ...(location.owner === undefined ? {} : { ExpectedBucketOwner: location.owner }),
    }))
        .then(() => true, () => false);
    if (exists) {
        throw rejects_location_refuse(`s3://${location.bucket}/${location.prefix}`, `already exists, and ${holds} are never written over an object this run did not create`, holds);
    }
}
/** The folders from just below `base` down to `folder`, in order. */
function folderSteps(base, folder) {
    const rel = (0,external_node_path_.relative)(base, folder);
    if (rel === '')
        return [];
    const steps = [];
    let at = base;
    for (const part of rel.split(external_node_path_.sep)) {
        at = (0,external_node_path_.join)(at, part);
        steps.push(at);
    }
    return steps;
}
function inside(path, base) {
    const rel = (0,external_node_path_.relative)(base, path);
    return rel !== '' && rel !== '..' && !rel.startsWith(`..${external_node_path_.sep}`) && !(0,external_node_path_.isAbsolute)(rel);
}
function lstatOrUndefined(path) {
    try {
        return (0,external_node_fs_.lstatSync)(path);
    }
    catch (error) {
        const code = error.code;
        if (code === 'ENOENT' || code === 'ENOTDIR')
            return undefined;
        throw error;
    }
}

;// CONCATENATED MODULE: ./src/verify/key.ts
// An item's primary key as text that is equal exactly when DynamoDB would
// take the two keys as one: numbers by value (an import of `1.0` writes the
// key `1`), binary by bytes. Both sides pass through here as DynamoDB JSON
// (binary as base64 text), the table's as DynamoDB sent it.

/**
 * The key's values, each tagged with its type, as a JSON array: unambiguous
 * whatever the strings hold (a separator character could appear in a key).
 */
function keyText(item, keyNames) {
    const parts = [];
    for (const name of keyNames) {
        const value = Object.prototype.hasOwnProperty.call(item, name) ? item[name] : undefined;
        parts.push(scalar(value));
    }
    return JSON.stringify(parts);
}
function scalar(value) {
    if (value === undefined)
        return '';
    if (typeof value.S === 'string')
        return `S${value.S}`;
    if (typeof value.N === 'string')
        return `N${numberValue(value.N)}`;
    // Re-encoded: the same bytes always give the same text.
    if (typeof value.B === 'string')
        return `B${Buffer.from(value.B, 'base64').toString('base64')}`;
    return `?${JSON.stringify(value)}`;
}
/** The key attributes of an item, as DynamoDB JSON text, for the differences file. */
function keyImage(item, keyNames) {
    const key = {};
    for (const name of keyNames) {
        const value = item[name];
        if (value !== undefined && Object.prototype.hasOwnProperty.call(item, name)) {
            Object.defineProperty(key, name, { value, enumerable: true, writable: true, configurable: true });
        }
    }
    return JSON.stringify(key);
}

;// CONCATENATED MODULE: ./src/verify/differences.ts
// The differences file: one JSON line per difference, `{"kind", "key",
// "source", "table", "attributes"}`, with both images in DynamoDB JSON as
// each side holds them. It is placed by the rejected-items rules (a new file,
// never written over or through a symbolic link) and created with the first
// difference; the first few are kept for the summary.


/** Differences shown in the summary. */
const differences_MAX_SAMPLES = 10;
const differences_NEWLINE = 0x0a;
class DifferencesFile {
    samples = [];
    file;
    keyNames;
    constructor(file, keyNames) {
        this.file = file;
        this.keyNames = keyNames;
    }
    /** The place checked first (InputError naming it when something is there), as for rejected items. */
    static async open(location, keyNames, deps) {
        return new DifferencesFile(await prepareRejects(location, deps, 'differences'), keyNames);
    }
    get location() {
        return this.file.location;
    }
    async add(difference) {
        const image = difference.source ?? difference.table;
        const parsed = difference.parsed ?? JSON.parse(image.toString('utf8'));
        const key = keyImage(parsed, this.keyNames);
        if (this.samples.length < differences_MAX_SAMPLES) {
            this.samples.push({ kind: difference.kind, key, attributes: difference.attributes });
        }
        await this.file.addLine(`{"kind":"${difference.kind}","key":${key},"source":${json(difference.source)},"table":${json(difference.table)},"attributes":${JSON.stringify(difference.attributes)}}`);
    }
    /** Finishes the file; its location when anything was written. */
    close() {
        return this.file.close();
    }
}
/** An item's DynamoDB JSON as it is (it is JSON already), on one line. */
function json(item) {
    if (item === undefined)
        return 'null';
    const text = item.toString('utf8');
    return item.includes(differences_NEWLINE) ? JSON.stringify(JSON.parse(text)) : text;
}

;// CONCATENATED MODULE: ./src/verify/pace.ts
// Keeps the two sides of a comparison in step: neither reads more than
// `lead` items ahead of the other. Reading the source flat out (60,000 items
// a second from a local export) beside a Scan that gives a few thousand made
// the heap grow to three times its size in the first seconds, and the memory
// stays with the process. Paced, the whole takes as long as the slower side,
// as before, and allocates at its speed. A side that has finished, or a stop,
// holds nobody back.
class Pace {
    read = { table: 0, source: 0 };
    done = { table: false, source: false };
    lead;
    waiters = [];
    stopped = false;
    constructor(lead, signal) {
        this.lead = lead;
        if (signal?.aborted)
            this.stopped = true;
        signal?.addEventListener('abort', () => this.stop(), { once: true });
    }
    /** Counts `items` read by `side`, and waits while that side is more than `lead` items ahead. */
    async step(side, items) {
        this.read[side] += items;
        this.wake();
        const other = side === 'table' ? 'source' : 'table';
        while (!this.stopped && !this.done[other] && this.read[side] > this.read[other] + this.lead) {
            await new Promise((resolve) => this.waiters.push(resolve));
        }
    }
    /** `side` has read all it will (or failed): the other goes on at its own speed. */
    finish(side) {
        this.done[side] = true;
        this.wake();
    }
    stop() {
        this.stopped = true;
        this.wake();
    }
    wake() {
        const waiting = this.waiters;
        this.waiters = [];
        for (const resolve of waiting)
            resolve();
    }
}

;// CONCATENATED MODULE: ./src/formats/integrity.ts
// Whether a whole compressed object is intact, read to its end before any of
// its items is used: for an object with no MD5 to check against, a damaged
// stream must reject the object, not write what it decodes to.


/** Reads the whole stream; a read error of the source itself (the network) is thrown, not reported. */
async function checkIntegrity(chunks, compression) {
    const frames = { checksummed: 0, unchecked: 0 };
    try {
        for await (const chunk of decompress(chunks, compression, frames))
            void chunk;
    }
    catch (error) {
        if (error instanceof ObjectReadError)
            return { ok: false, code: error.code, message: error.message };
        throw error;
    }
    const checksummed = compression === 'GZIP' || (compression === 'ZSTD' && frames.unchecked === 0);
    return { ok: true, checksummed };
}

;// CONCATENATED MODULE: ./src/sources/verified-copy.ts
// An object is copied to a temporary file before any of its items are used,
// when something must be checked first: an export's data file against the MD5
// in its manifest (hashed while it is copied), a compressed object without one
// by reading its whole stream (open-object.ts). It is read from the copy only
// when the check passes; at most the size its listing gave is copied, so an
// object that grows cannot fill the disk.







/** Copies the chunks to a file of its own under `tempDir`; removed again when the copy fails or the step is cancelled. */
async function copyToTemp(chunks, tempDir, signal) {
    const folder = await (0,promises_.mkdtemp)((0,external_node_path_.join)(tempDir, 'dynamodb-s3-transfer-'));
    const path = (0,external_node_path_.join)(folder, 'data');
    const remove = () => (0,promises_.rm)(folder, { recursive: true, force: true });
    const out = (0,external_node_fs_.createWriteStream)(path);
    try {
        try {
            for await (const chunk of chunks) {
                // A data file can be hundreds of MB: a cancel does not wait for the whole of it.
                if (signal?.aborted)
                    throw new Aborted();
                if (!out.write(chunk))
                    await (0,external_node_events_.once)(out, 'drain');
            }
        }
        finally {
            out.end();
            await (0,external_node_events_.once)(out, 'close');
        }
    }
    catch (error) {
        await remove();
        throw error;
    }
    return { chunks: () => (0,external_node_fs_.createReadStream)(path, { highWaterMark: READ_CHUNK_BYTES }), remove };
}
async function verifiedCopy(store, key, expectedMd5, tempDir, 
/** The size the listing gave: no more is copied. */
limit, signal) {
    const tracker = new Md5Tracker();
    const copy = await copyToTemp(tracker.track(store.read(key, limit)), tempDir, signal);
    const actualMd5 = tracker.base64();
    return { ok: actualMd5 === expectedMd5, actualMd5, chunks: copy.chunks(), remove: copy.remove };
}

;// CONCATENATED MODULE: ./src/sources/open-object.ts
// An object's bytes, ready to decode, never more than its listed size. Its
// items are used only once the object is known to be whole: an export's data
// file when its MD5 matches the manifest, a compressed object without an MD5
// when its whole GZIP or ZSTD stream checks out (each gzip member's CRC-32 and
// length, each zstd frame's checksum). A damaged object's items are never
// written: every one of them is rejected, counted.
//
// A stream that is cut short or followed by other bytes is not damaged data:
// it is handed on, and the decoder keeps every record before the cut and
// reports the cut as one located error.





/**
 * `decode`, when given (the engine's decode options), says the compression
 * (`auto` by default) and lets a damaged object's records be counted as the
 * decoder reads them; without it, its lines are counted.
 */
async function openObject(store, object, tempDir, decode, signal) {
    if (object.md5 !== undefined)
        return checkedAgainstMd5(store, object, object.md5, tempDir, signal);
    const read = store.read(object.key, object.size);
    const given = decode?.compression ?? 'auto';
    const { compression, chunks } = given === 'auto' ? await peekCompression(read) : { compression: given, chunks: read };
    // Nothing to check an uncompressed object against: it is read as it comes.
    if (compression === 'NONE')
        return { chunks, remove: async () => undefined };
    const copy = await copyToTemp(chunks, tempDir, signal);
    try {
        const integrity = await checkIntegrity(copy.chunks(), compression);
        if (integrity.ok || integrity.code !== 'CORRUPT_OBJECT')
            return { chunks: copy.chunks(), remove: copy.remove };
        const items = await countRecords(copy, compression, decode);
        await copy.remove();
        return {
            damaged: {
                code: integrity.code,
                message: `${integrity.message}; with no MD5 to compare with, none of its data can be trusted, so none of the ${items} record(s) read from it (nor whatever its damaged part held) were imported`,
                items,
            },
        };
    }
    catch (error) {
        await copy.remove();
        throw error;
    }
}
async function checkedAgainstMd5(store, object, md5, tempDir, signal) {
    const copy = await verifiedCopy(store, object.key, md5, tempDir, object.size, signal);
    if (copy.ok)
        return copy;
    await copy.remove();
    return {
        damaged: {
            code: 'CHECKSUM_MISMATCH',
            message: `the data file's MD5 is ${copy.actualMd5} but the manifest says ${md5}: the file is damaged or was changed, so none of its ${object.itemCount ?? 'unknown number of'} item(s) were imported`,
            // Each of the file's items counts as one not imported; the manifest says how many.
            items: Math.max(1, object.itemCount ?? 1),
        },
    };
}
/**
 * The records a damaged object gives before its damage (at least one: the
 * object is counted even when nothing could be read from it; how many items
 * its damaged part held is unknown and not guessed).
 */
async function countRecords(copy, compression, decode) {
    let count = 0;
    if (decode !== undefined) {
        for await (const batch of decodeObject(copy.chunks(), { ...decode, compression }, newStats())) {
            // The decoder's own error for the damage is not a record.
            count += batch.filter((r) => !('error' in r && r.error.code === 'CORRUPT_OBJECT')).length;
        }
        return Math.max(1, count);
    }
    // Without the decoder: the complete lines (one record each in DynamoDB JSON and Ion).
    try {
        for await (const chunk of decompress(copy.chunks(), compression)) {
            for (const byte of chunk)
                if (byte === 0x0a)
                    count += 1;
        }
    }
    catch (error) {
        if (!(error instanceof ObjectReadError))
            throw error;
    }
    return Math.max(1, count);
}

;// CONCATENATED MODULE: ./src/aws/estimate.ts
// Before the work: about how many capacity units it will consume and, under
// a budget, how long it will take; a warning when that passes `timeout`, so a
// nightly job that cannot finish says so before it starts.
/** A full export reads the whole table with consistent reads: 4 KB a unit. */
function exportEstimate(tableSizeBytes, itemCount) {
    if (tableSizeBytes === undefined || tableSizeBytes <= 0)
        return undefined;
    return {
        units: Math.ceil(tableSizeBytes / 4096),
        basis: `DescribeTable's ${tableSizeBytes.toLocaleString('en-US')} bytes in ${(itemCount ?? 0).toLocaleString('en-US')} item(s), updated about every six hours`,
    };
}
/** An import writes each item at 1 KB a unit, rounded up per item: the source's bytes give a floor. */
function importEstimate(sourceBytes, itemCount, compressed) {
    if (sourceBytes <= 0)
        return undefined;
    const units = Math.max(Math.ceil(sourceBytes / 1024), itemCount ?? 0);
    const basis = `the source's ${sourceBytes.toLocaleString('en-US')} bytes${compressed ? ' (compressed: the items weigh more, so this is a floor)' : ''}`;
    return { units, basis };
}
function logEstimate(estimate, kind, budget, timeoutMs, deps) {
    if (estimate === undefined)
        return;
    const units = `about ${estimate.units.toLocaleString('en-US')} ${kind} unit(s), from ${estimate.basis}`;
    if (budget === undefined) {
        deps.log(`Estimated capacity: ${units}.`);
        return;
    }
    const seconds = estimate.units / budget;
    deps.log(`Estimated capacity: ${units}; at max-capacity ${budget} a second, about ${duration(seconds)}.`);
    if (seconds * 1000 > timeoutMs)
        deps.warn(`At max-capacity ${budget} ${kind} unit(s) a second, the work needs about ${duration(seconds)}, more than timeout (${duration(timeoutMs / 1000)}): raise max-capacity or timeout.`);
}
function duration(seconds) {
    if (seconds < 120)
        return `${Math.ceil(seconds)} s`;
    if (seconds < 7200)
        return `${Math.ceil(seconds / 60)} min`;
    return `${(seconds / 3600).toFixed(1)} h`;
}

;// CONCATENATED MODULE: ./src/direct/import-result.ts
// What an import or validate reports: the counts from the ledger and the
// sink, checked against each other, and what a failure or a cancel left.
const import_result_n = (value) => value.toLocaleString('en-US');
function importResult(plan, engineReason, table, ledger, stats, outcome, where) {
    const verb = plan.mode === 'import' ? 'imported' : 'valid';
    // Read but neither acknowledged nor rejected: only after a failure or a cancel.
    const unwritten = ledger.processed - stats.written - ledger.errors;
    const finished = outcome.failure === undefined && !outcome.cancelled;
    const balanced = finished ? unwritten === 0 : unwritten >= 0;
    const counts = `${import_result_n(ledger.processed)} processed = ${import_result_n(stats.written)} ${verb} + ${import_result_n(ledger.errors)} error(s)${unwritten === 0 ? '' : ` + ${import_result_n(unwritten)} read but not written`}`;
    const notes = [balanced ? `Checked: ${counts}.` : `Counts do not add up: ${counts}. Please report this.`];
    if (where.rejectedItems !== undefined)
        notes.push(`Rejected items are in ${where.rejectedItems}.`);
    if (plan.mode === 'validate')
        notes.push('Nothing was written: mode validate only reads and checks.');
    else if (!finished)
        notes.push(`The ${import_result_n(stats.written)} item(s) written to ${plan.tableName} stay; a re-run with existing-table: merge is safe.`);
    const tableName = plan.mode === 'import' ? plan.tableName : (table.TableName ?? plan.tableName);
    return {
        mode: plan.mode,
        engine: 'direct',
        engineReason,
        status: outcome.failure !== undefined || !balanced ? 'FAILED' : outcome.cancelled ? 'CANCELLED' : 'COMPLETED',
        ...(outcome.failure === undefined ? {} : { failure: outcome.failure.shown }),
        ...(outcome.cancelled ? { aborted: true } : {}),
        ...(tableName === undefined ? {} : { tableName }),
        ...(table.TableArn === undefined ? {} : { tableArn: table.TableArn }),
        source: where.source,
        ...(plan.mode === 'import' ? { destination: `table ${plan.tableName}` } : {}),
        processedItemCount: ledger.processed,
        importedItemCount: stats.written,
        errorCount: ledger.errors,
        unwrittenItemCount: unwritten,
        processedSizeBytes: ledger.bytes,
        ...(where.rejectedItems === undefined ? {} : { rejectedItems: where.rejectedItems }),
        durationSeconds: where.durationSeconds,
        errors: ledger.samples,
        note: notes.join(' '),
        ...(ledger.annotations.length > 0 && { annotations: ledger.annotations }),
        ...(ledger.annotationsOmitted > 0 && { annotationsOmitted: ledger.annotationsOmitted }),
    };
}
/** AWS recommends mid-sized objects (about 4,000,000 items under 1 KB each). */
const LARGE_OBJECT_BYTES = 4 * 1024 ** 3;
/** `droppedAnnotations`: Ion annotations other than DynamoDB's, which an item has no place for. */
function importWarnings(objects, store, duplicateKeys, droppedAnnotations = 0) {
    const warnings = objects
        .filter((o) => o.size > LARGE_OBJECT_BYTES)
        .map((o) => `${store.describe(o.key)} is ${(o.size / 1024 ** 3).toFixed(1)} GiB; objects of up to about 4 GiB import faster, in parallel.`);
    if (duplicateKeys > 0) {
        warnings.push(`${import_result_n(duplicateKeys)} item(s) had the key of an item written just before them and overwrote it (the last one in the source wins, as in AWS's import).`);
    }
    if (droppedAnnotations > 0) {
        warnings.push(`${import_result_n(droppedAnnotations)} Ion annotation(s) other than $dynamodb_SS, $dynamodb_NS and $dynamodb_BS were dropped: an item has no place for them, so the values they annotate were read without them.`);
    }
    return warnings;
}

;// CONCATENATED MODULE: ./src/direct/sink.ts
// Where decoded items go: a table (puts and deletes through BatchWriteItem),
// or, for validate, nowhere but a count. The import pipeline does not care
// which.
function newSinkStats() {
    return { written: 0, deleted: 0, rejected: 0, abandoned: 0, duplicateKeys: 0 };
}
/** mode: validate: every item that reaches the sink has passed the checks; nothing is written. */
class CountingSink {
    stats = newSinkStats();
    put() {
        this.stats.written += 1;
        return undefined;
    }
    putRaw() {
        this.stats.written += 1;
        return undefined;
    }
    delete() {
        this.stats.written += 1;
        this.stats.deleted += 1;
        return undefined;
    }
    async flush() { }
    async settle() { }
}

;// CONCATENATED MODULE: ./src/direct/page-limit.ts
// Scan and Query pages under a budget: each page's Limit is sized so that it
// costs about a quarter of a second's worth of the budget, so one page never
// overdraws it by more than a second's worth, and the rate stays smooth. The
// read units per item are learnt from what each page really cost.

/** A page is at most 1 MB: 256 read units strongly consistent. */
const PAGE_BYTES = 1024 * 1024;
const PAGES_PER_SECOND = 4;
class PageSizer {
    unitsPerItem;
    budget;
    consistent;
    constructor(budget, table, consistent) {
        this.budget = budget;
        this.consistent = consistent;
        const count = table.ItemCount ?? 0;
        const bytes = table.TableSizeBytes ?? 0;
        // DescribeTable's average item, or, for a table it calls empty, one read unit an item until a page says better.
        const average = count > 0 && bytes > 0 ? bytes / count : 4096;
        this.unitsPerItem = (average / 4096) * (consistent ? 1 : 0.5);
    }
    /** The next page's Limit; undefined without a budget (DynamoDB's own 1 MB pages). */
    limit() {
        if (this.budget === undefined)
            return undefined;
        return Math.max(1, Math.floor(this.budget / PAGES_PER_SECOND / this.unitsPerItem));
    }
    /** What a page of `limit` items is charged before it is read. */
    estimate(limit) {
        const most = readUnits(PAGE_BYTES, this.consistent);
        return limit === undefined ? most : Math.min(most, Math.max(0.5, limit * this.unitsPerItem));
    }
    /** A page read: its real cost per item scanned. */
    learn(consumed, scanned) {
        if (consumed !== undefined && scanned !== undefined && scanned > 0)
            this.unitsPerItem = consumed / scanned;
    }
}

;// CONCATENATED MODULE: ./src/direct/batch-write.ts
// One BatchWriteItem request until every write in it is acknowledged or has a
// reason why not: UnprocessedItems and throttling are retried under the one
// retry policy; an item DynamoDB rejects is found by retrying alone, so one
// bad item never takes its batch down with it. An endpoint that is gone stops
// the work (the breaker) rather than rejecting every item in turn. Whatever
// stops a request, the outcome still says which writes DynamoDB acknowledged
// before it, so the counts stay exact.






/** The SDK's own BatchWriteItemCommand. */
function sdkChannel(dynamodb, table) {
    return {
        async send(requests) {
            const command = new dist_cjs/* BatchWriteItemCommand */.SZm({
                RequestItems: { [table]: requests },
                ReturnConsumedCapacity: 'TOTAL',
            });
            const output = await dynamodb.send(command);
            return { unprocessed: output.UnprocessedItems?.[table] ?? [], output };
        },
        // A delete is charged one unit until DynamoDB says what the item weighed.
        units: (request) => (request.PutRequest?.Item === undefined ? 1 : writeUnits(itemSize(request.PutRequest.Item))),
    };
}
/** Errors about one item's content: retrying it alone finds which item. */
const ITEM_ERRORS = new Set([
    'ValidationException',
    'SerializationException',
    'ItemCollectionSizeLimitExceededException',
]);
async function writeAll(channel, table, requests, deps) {
    const outcome = { failed: [], abandoned: [] };
    let pending = requests;
    let lastReason = '';
    const what = `BatchWriteItem on ${table}`;
    const stop = (error) => ({ ...outcome, stopped: { error, requests: pending } });
    for (let attempt = 1; pending.length > 0; attempt++) {
        if (deps.signal?.aborted) {
            outcome.abandoned.push(...pending);
            return outcome;
        }
        try {
            deps.breaker.throwIfOpen();
        }
        catch (error) {
            return stop(error);
        }
        try {
            const unprocessed = await sendMetered(channel, pending, deps.meter);
            deps.breaker.succeeded();
            pending = unprocessed;
            lastReason = 'returned as UnprocessedItems';
        }
        catch (error) {
            if (error instanceof Aborted) {
                // Cancelled while waiting for the budget: nothing of this attempt was sent.
                outcome.abandoned.push(...pending);
                return outcome;
            }
            const name = errorName(error);
            if (ITEM_ERRORS.has(name)) {
                if (pending.length === 1) {
                    outcome.failed.push({ request: pending[0], code: name, reason: messageOf(error) });
                    return outcome;
                }
                return writeOneByOne(channel, table, pending, deps, outcome);
            }
            if (!isRetryable(error))
                return stop(explain(error, what, 'WRITE_FAILED'));
            deps.breaker.failed(what, error);
            if (attempt >= MAX_ATTEMPTS && !isThrottling(error))
                return stop(deps.breaker.open(what, error, `still failing after ${MAX_ATTEMPTS} attempts`));
            lastReason = `failed with ${name}`;
        }
        if (pending.length === 0)
            break;
        if (attempt >= MAX_ATTEMPTS) {
            const reason = `still ${lastReason} after ${MAX_ATTEMPTS} attempts`;
            outcome.failed.push(...pending.map((request) => ({ request, code: 'RETRIES_EXHAUSTED', reason })));
            return outcome;
        }
        try {
            await pause(backoff(attempt, deps.random), deps);
        }
        catch (error) {
            if (!(error instanceof Aborted))
                return stop(error);
            outcome.abandoned.push(...pending);
            return outcome;
        }
    }
    return outcome;
}
/** One BatchWriteItem, metered: charged its items' write units, settled with what DynamoDB reports. */
async function sendMetered(channel, requests, meter) {
    if (meter === undefined)
        return (await channel.send(requests)).unprocessed;
    // Only a budget needs an estimate.
    const estimate = meter.budgeted ? requests.reduce((sum, r) => sum + channel.units(r), 0) : 0;
    return meter.send('write', estimate, async () => {
        const { unprocessed, output } = await channel.send(requests);
        const consumed = unitsOf(output.ConsumedCapacity);
        return { result: unprocessed, consumed, throttled: unprocessed.length > 0, attempts: sdkAttempts(output) };
    });
}
/** Each request alone, to find the one DynamoDB refuses; a stop leaves the rest unsent. */
async function writeOneByOne(channel, table, requests, deps, outcome) {
    for (const [index, request] of requests.entries()) {
        const alone = await writeAll(channel, table, [request], deps);
        outcome.failed.push(...alone.failed);
        outcome.abandoned.push(...alone.abandoned);
        if (alone.stopped !== undefined) {
            const unsent = [...alone.stopped.requests, ...requests.slice(index + 1)];
            return { ...outcome, stopped: { error: alone.stopped.error, requests: unsent } };
        }
    }
    return outcome;
}

;// CONCATENATED MODULE: ./src/direct/item-key.ts
// An item's primary key as a string, equal for equal keys, so that two
// writes of one key are never in flight together (the last must win).

function keyString(item, keyNames) {
    let text = '';
    for (const name of keyNames)
        text += `${item_key_scalar(item[name])}\u0000`;
    return text;
}
function item_key_scalar(value) {
    if (value === undefined)
        return '';
    if (value.S !== undefined)
        return `S${value.S}`;
    if (value.N !== undefined)
        return `N${numberValue(value.N)}`; // 1, 1.0 and 1E0 are one key
    if (value.B !== undefined)
        return `B${Buffer.from(value.B).toString('base64')}`;
    return '?';
}

;// CONCATENATED MODULE: ./src/direct/raw-bodies.ts
// BatchWriteItem bodies for items passed through as bytes. Each batch writes
// its body as its items arrive, so an item is copied once, out of the
// decompressed chunk it was read from, into the body. Bodies are buffers
// outside the JavaScript heap, freed only when the collector gets to them:
// new ones for every request held tens of MB at a time, so a body's buffer
// goes back to a pool when its request is answered and the next batch takes it.
const PUT_OPEN = Buffer.from('{"PutRequest":{"Item":');
const PUT_CLOSE = Buffer.from('}}');
const raw_bodies_COMMA = 0x2c;
/** The pooled size: 25 items of 2.5 KB of DynamoDB JSON. Larger bodies get a buffer of their own. */
const BODY_BYTES = 64 * 1024;
/** Buffers kept for use again, at most: enough for every request of concurrency 64, and 4 MiB. */
const POOLED = 64;
class BodyPool {
    free = [];
    take() {
        return this.free.pop() ?? Buffer.allocUnsafeSlow(BODY_BYTES);
    }
    give(buffer) {
        if (buffer.length === BODY_BYTES && this.free.length < POOLED)
            this.free.push(buffer);
    }
}
/** One request's puts and its body so far, `open` written first. */
class RawBatch {
    /** The puts, each `bytes` now a view of the body. */
    puts = [];
    buffer;
    length;
    pool;
    constructor(pool, open) {
        this.pool = pool;
        this.buffer = pool.take();
        this.length = open.copy(this.buffer, 0);
    }
    add(put) {
        const item = put.bytes;
        this.reserve(1 + PUT_OPEN.length + item.length + PUT_CLOSE.length);
        if (this.puts.length > 0)
            this.buffer[this.length++] = raw_bodies_COMMA;
        // set, not copy: for a few hundred bytes the typed array's own copy costs a fraction of Buffer's.
        this.buffer.set(PUT_OPEN, this.length);
        const start = this.length + PUT_OPEN.length;
        this.buffer.set(item, start);
        this.buffer.set(PUT_CLOSE, start + item.length);
        this.length = start + item.length + PUT_CLOSE.length;
        put.bytes = this.buffer.subarray(start, start + item.length);
        this.puts.push(put);
    }
    /** The whole body, `close` written after the puts (again, unchanged, when asked again). */
    body(close) {
        this.reserve(close.length);
        close.copy(this.buffer, this.length);
        return this.buffer.subarray(0, this.length + close.length);
    }
    /** Once the request is answered: the buffer is used again, so nothing may read the puts' bytes after this. */
    release() {
        this.pool.give(this.buffer);
    }
    reserve(bytes) {
        if (this.length + bytes <= this.buffer.length)
            return;
        // Earlier puts keep their views of the old buffer, which is left to the collector rather than pooled.
        const larger = Buffer.allocUnsafeSlow(Math.max(2 * this.buffer.length, this.length + bytes));
        this.buffer.copy(larger, 0, 0, this.length);
        this.buffer = larger;
    }
}
/** A body for some puts, written afresh (a retry of part of a batch): `open`, each put, `close`. */
function requestBody(open, puts, close) {
    let length = open.length + close.length + Math.max(0, puts.length - 1);
    for (const put of puts)
        length += PUT_OPEN.length + put.bytes.length + PUT_CLOSE.length;
    const body = Buffer.allocUnsafe(length);
    let at = open.copy(body, 0);
    for (const [n, put] of puts.entries()) {
        if (n > 0)
            body[at++] = raw_bodies_COMMA;
        at += PUT_OPEN.copy(body, at);
        at += put.bytes.copy(body, at);
        at += PUT_CLOSE.copy(body, at);
    }
    close.copy(body, at);
    return body;
}

;// CONCATENATED MODULE: ./src/direct/raw-batch-write.ts
// BatchWriteItem with items passed through as the DynamoDB JSON bytes they
// were read as: the body `{"RequestItems":{"T":[{"PutRequest":{"Item":...}}]}}`
// is written here, and the SDK sends it as it sends its own (endpoint,
// credentials, signing, retries, user agent) because a small middleware only
// swaps the body the SDK serialized for an empty request. Only the response
// is parsed; the items it returns as unprocessed are matched to the bytes
// they were sent as by their key, so a retry sends the same bytes again.
// A batch's body is written as its items arrive, into a buffer used again
// once the request is answered (raw-bodies.ts).






class RawWrites {
    pool = new BodyPool();
    open;
    /** The same member the SDK's own requests carry: the meter settles with what DynamoDB reports. */
    close = Buffer.from(']},"ReturnConsumedCapacity":"TOTAL"}');
    dynamodb;
    table;
    keyNames;
    constructor(dynamodb, table, keyNames) {
        this.dynamodb = dynamodb;
        this.table = table;
        this.keyNames = keyNames;
        this.open = Buffer.from(`{"RequestItems":{${JSON.stringify(table)}:[`);
    }
    /** A batch whose body is written as its puts are added. */
    start() {
        return new RawBatch(this.pool, this.open);
    }
    /** Sends the batch's own body while the batch goes whole, a body written afresh for any part of it. */
    channel(batch) {
        return {
            send: (puts) => this.send(puts, puts === batch.puts ? batch.body(this.close) : requestBody(this.open, puts, this.close)),
            // The size was counted when the line was checked.
            units: (put) => writeUnits(put.size),
        };
    }
    async send(puts, body) {
        // An empty list for the table: the endpoint rules see the table's name, and the body is replaced anyway.
        const command = new dist_cjs/* BatchWriteItemCommand */.SZm({ RequestItems: { [this.table]: [] }, ReturnConsumedCapacity: 'TOTAL' });
        command.middlewareStack.add((next) => (args) => {
            const request = args.request;
            request.body = body;
            for (const name of Object.keys(request.headers))
                if (name.toLowerCase() === 'content-length')
                    delete request.headers[name];
            request.headers['content-length'] = String(body.length);
            return next(args);
        }, 
        // After the serializer, before the content length is set and the request signed.
        { step: 'build', priority: 'high', name: 'rawBatchBodyMiddleware' });
        const output = await this.dynamodb.send(command);
        const unprocessed = output.UnprocessedItems?.[this.table] ?? [];
        return { unprocessed: unprocessed.length === 0 ? [] : matchUnprocessed(unprocessed, puts, this.keyNames), output };
    }
}
/** The puts DynamoDB returned; one it changed beyond recognition is sent again from what it returned. */
function matchUnprocessed(unprocessed, puts, keyNames) {
    const byKey = new Map(puts.map((p) => [keyString(p.key, keyNames), p]));
    return unprocessed.map((request) => {
        const item = request.PutRequest?.Item ?? {};
        return byKey.get(keyString(item, keyNames)) ?? rawPutOf(item);
    });
}
function rawPutOf(item) {
    return { bytes: Buffer.from(JSON.stringify(toDynamoJsonMap(item))), key: item, size: itemSize(item) };
}

;// CONCATENATED MODULE: ./src/direct/writer.ts
// Writes puts and deletes with BatchWriteItem: 25 a request, `concurrency`
// requests in flight and at most MAX_BYTES_IN_FLIGHT of them, so that large
// items at a high concurrency stay within the memory budget. Two writes of
// the same key are never in flight together, so the last one in the source
// wins, as AWS's import documents. Puts passed through as bytes go in
// requests of their own (raw-batch-write.ts).
// Once the step is cancelled nothing more is sent: what is queued is
// abandoned, and what is in flight lands or is abandoned at its next retry.





const BATCH_SIZE = 25;
/**
 * Request bodies built and not yet acknowledged, at most (one request larger
 * than this still goes, alone). 64 requests of 25 items of 400 KB would be
 * 640 MB; this keeps what the writes hold far under the 200 MB budget.
 */
const MAX_BYTES_IN_FLIGHT = 16 * 1024 * 1024;
/** A decoded item in flight weighs its text several times over: the objects, then the SDK's serialized body. */
const DECODED_WEIGHT = 4;
/** What a decoded item whose text length is unknown is taken to weigh. */
const UNKNOWN_TEXT_LENGTH = 1024;
class BatchWriter {
    stats = newSinkStats();
    batch = [];
    batchKeys = new Set();
    inFlight = new Set();
    bytesInFlight = 0;
    keysInFlight = new Map();
    failure;
    dynamodb;
    table;
    keyNames;
    concurrency;
    deps;
    onRejected;
    onSettled;
    sdk;
    raw;
    /** The body of the passed-through puts in `batch`, written as they come. */
    rawBatch;
    constructor(options) {
        this.dynamodb = options.dynamodb;
        this.table = options.table;
        this.keyNames = options.keyNames;
        this.concurrency = options.concurrency;
        this.deps = options.deps;
        this.onRejected = options.onRejected;
        this.onSettled = options.onSettled;
        this.sdk = sdkChannel(this.dynamodb, this.table);
        this.raw = new RawWrites(this.dynamodb, this.table, this.keyNames);
    }
    put(item, origin) {
        return this.add({ PutRequest: { Item: item } }, item, origin);
    }
    putRaw(put, origin) {
        return this.add(PASSED_THROUGH, put.key, origin, put);
    }
    delete(key, origin) {
        return this.add({ DeleteRequest: { Key: key } }, key, origin);
    }
    /**
     * Queues a write. Most writes only join the batch, and give nothing to wait
     * for (no promise an item: this is the import's hot path); one that fills
     * the batch, or must wait for it to go first, gives the send to wait for,
     * which waits while `concurrency` requests, or MAX_BYTES_IN_FLIGHT, are in flight.
     */
    add(request, item, origin, raw) {
        this.throwIfFailed();
        const key = keyString(item, this.keyNames);
        // Passed-through puts and decoded writes go in separate requests; the same key twice in one request is an error to DynamoDB.
        const otherKind = this.batch.length > 0 && (this.batch[0]?.raw === undefined) !== (raw === undefined);
        if (otherKind || this.batchKeys.has(key))
            return this.addAfterSend(request, key, origin, raw, otherKind);
        if (this.keysInFlight.has(key))
            this.stats.duplicateKeys += 1;
        this.queue(request, key, origin, raw);
        return this.batch.length >= BATCH_SIZE ? this.send() : undefined;
    }
    /** A write that cannot join the batch: the batch goes first. */
    async addAfterSend(request, key, origin, raw, otherKind) {
        if (otherKind)
            await this.send();
        if (this.batchKeys.has(key)) {
            this.stats.duplicateKeys += 1;
            await this.send();
        }
        else if (this.keysInFlight.has(key)) {
            this.stats.duplicateKeys += 1;
        }
        this.queue(request, key, origin, raw);
        if (this.batch.length >= BATCH_SIZE)
            await this.send();
    }
    queue(request, key, origin, raw) {
        if (raw !== undefined) {
            // Copied into the request body: the bytes were a view of a decompressed chunk.
            this.rawBatch ??= this.raw.start();
            this.rawBatch.add(raw);
        }
        this.batch.push({ request, origin, key, raw });
        this.batchKeys.add(key);
    }
    async flush() {
        await this.send();
        await this.settle();
        this.throwIfFailed();
    }
    async settle() {
        while (this.inFlight.size > 0)
            await Promise.race(this.inFlight);
    }
    async send() {
        if (this.batch.length === 0)
            return;
        const batch = this.batch;
        const body = this.rawBatch;
        this.batch = [];
        this.batchKeys = new Set();
        this.rawBatch = undefined;
        const bytes = batch.reduce((sum, p) => sum + weight(p), 0);
        while (this.inFlight.size >= this.concurrency ||
            (this.inFlight.size > 0 && this.bytesInFlight + bytes > MAX_BYTES_IN_FLIGHT))
            await Promise.race(this.inFlight);
        this.throwIfFailed();
        if (this.deps.signal?.aborted) {
            this.stats.abandoned += batch.length;
            return;
        }
        // A key still being written by an earlier request must land first.
        let earlier;
        for (const p of batch) {
            const writing = this.keysInFlight.get(p.key);
            if (writing !== undefined)
                (earlier ??= new Set()).add(writing);
        }
        const request = (async () => {
            if (earlier !== undefined)
                await Promise.all(earlier);
            await this.write(batch, body);
        })();
        const tracked = request.catch((error) => {
            this.failure ??= error;
        });
        this.inFlight.add(tracked);
        this.bytesInFlight += bytes;
        for (const p of batch)
            this.keysInFlight.set(p.key, tracked);
        void tracked.finally(() => {
            this.inFlight.delete(tracked);
            this.bytesInFlight -= bytes;
            for (const p of batch)
                if (this.keysInFlight.get(p.key) === tracked)
                    this.keysInFlight.delete(p.key);
        });
    }
    async write(batch, body) {
        if (body !== undefined) {
            try {
                const outcome = await writeAll(this.raw.channel(body), this.table, body.puts, this.deps);
                this.settleWrite(batch, outcome, (put) => put.key, itemOfRaw);
            }
            finally {
                body.release();
            }
        }
        else {
            const requests = batch.map((p) => p.request);
            this.settleWrite(batch, await writeAll(this.sdk, this.table, requests, this.deps), writer_itemOf, writer_itemOf);
        }
    }
    /** Counts what a request's writes came to and hands on the failures; `keyItem` finds a request's key, `itemOf` its item for the rejects file. */
    settleWrite(batch, { failed, abandoned, stopped }, keyItem, fullItem) {
        const unsent = stopped?.requests ?? [];
        // Counted before a stop is passed on: what DynamoDB acknowledged stays counted.
        this.stats.written += batch.length - failed.length - abandoned.length - unsent.length;
        this.stats.abandoned += abandoned.length;
        if (failed.length === 0 && abandoned.length === 0 && unsent.length === 0) {
            // All acknowledged, as nearly every request is: nothing to match.
            this.acknowledge(batch, []);
            if (stopped !== undefined)
                throw stopped.error;
            return;
        }
        // Unprocessed requests come back as new objects: match them by key.
        const byKey = new Map(batch.map((p) => [p.key, p]));
        const pendingOf = (request) => byKey.get(keyString(keyItem(request), this.keyNames));
        const unsettled = new Set([...abandoned, ...unsent].map(pendingOf));
        const rejected = new Set();
        for (const failure of failed) {
            const pending = pendingOf(failure.request);
            if (pending !== undefined)
                rejected.add(pending);
            this.stats.rejected += 1;
            this.onRejected({
                item: fullItem(failure.request),
                code: failure.code,
                message: failure.reason,
                // A request DynamoDB changed beyond recognition is still rejected, with the batch's first origin.
                ...(pending ?? batch[0]).origin,
            });
        }
        this.acknowledge(batch.filter((p) => !unsettled.has(p) && !rejected.has(p)), [...rejected]);
        if (stopped !== undefined)
            throw stopped.error;
    }
    acknowledge(acknowledged, rejected) {
        for (const p of acknowledged)
            if (p.request.DeleteRequest !== undefined)
                this.stats.deleted += 1;
        this.onSettled?.(acknowledged.map((p) => p.origin), rejected.map((p) => p.origin));
    }
    throwIfFailed() {
        if (this.failure !== undefined)
            throw this.failure;
    }
}
function writer_itemOf(request) {
    return request.PutRequest?.Item ?? request.DeleteRequest?.Key ?? {};
}
/** Stands for a passed-through put in `Pending.request`: it is a put, not a delete. */
const PASSED_THROUGH = { PutRequest: { Item: {} } };
/** A passed-through item as the rejects file takes it: the bytes were checked, so they parse. */
function itemOfRaw(put) {
    return fromDynamoJsonMap(JSON.parse(put.bytes.toString('utf8')));
}
/** What a write holds in memory while it is in flight. */
function weight(pending) {
    if (pending.raw !== undefined)
        return pending.raw.bytes.length;
    return (pending.origin.textLength ?? UNKNOWN_TEXT_LENGTH) * DECODED_WEIGHT;
}

;// CONCATENATED MODULE: ./src/direct/empty-table.ts
// existing-table: replace: every item deleted through the same sink as the
// import's writes (retries, breaker, cancel), keeping the table and its key
// schema. A cancel or a failure stops every segment at its next key, and the
// count of items deleted is exact either way.








async function emptyTable(table, dynamodb, deps, segments) {
    const name = table.TableName ?? '';
    const keys = primaryKeyNames(table);
    const names = Object.fromEntries(keys.map((k, i) => [`#k${i}`, k]));
    const meter = deps.meter ?? unmetered(segments, Date.now);
    const sizer = new PageSizer(meter.budget, table, true);
    const failures = [];
    const writer = new BatchWriter({
        dynamodb,
        table: name,
        keyNames: keys,
        concurrency: segments,
        deps: { ...deps, meter },
        onRejected: (r) => failures.push(r),
    });
    const origin = { object: `table ${name}`, line: 0, itemIndex: 0 };
    let stopped;
    const stop = () => deps.signal?.aborted === true || stopped !== undefined;
    const settled = await Promise.allSettled(Array.from({ length: segments }, async (_, segment) => {
        let start;
        do {
            const from = start;
            const limit = sizer.limit();
            const scan = () => dynamodb.send(new dist_cjs/* ScanCommand */.Zy5({
                TableName: name,
                Segment: segment,
                TotalSegments: segments,
                ProjectionExpression: Object.keys(names).join(', '),
                ExpressionAttributeNames: names,
                ExclusiveStartKey: from,
                ConsistentRead: true,
                ReturnConsumedCapacity: 'TOTAL',
                ...(limit === undefined ? {} : { Limit: limit }),
            }));
            // The Scan is charged to the same budget as the deletes: both take capacity from the table.
            const page = await withRetries(`Scan of ${name}`, () => meter.send('read', sizer.estimate(limit), async () => {
                const result = await scan();
                return { result, consumed: unitsOf(result.ConsumedCapacity), attempts: sdkAttempts(result) };
            }), deps);
            sizer.learn(unitsOf(page.ConsumedCapacity), page.ScannedCount);
            for (const key of page.Items ?? []) {
                if (stop())
                    return;
                await writer.delete(key, origin);
            }
            start = page.LastEvaluatedKey;
        } while (start !== undefined && !stop());
    }).map((segment) => segment.catch((error) => {
        stopped ??= error;
        throw error;
    })));
    // Every segment has stopped; what is queued and in flight lands or fails before anything is counted.
    const flushed = await writer.flush().then(() => undefined, (error) => error);
    const failure = settled.find((s) => s.status === 'rejected' && !(s.reason instanceof Aborted));
    const deleted = `${writer.stats.deleted.toLocaleString('en-US')} item(s) were deleted`;
    if (deps.signal?.aborted) {
        throw new errors/* TransferError */.aG('CANCELLED', `Table ${name} was being emptied (existing-table: replace): ${deleted} and nothing was imported; run again to finish.`);
    }
    const error = failure?.reason ?? flushed;
    if (error !== undefined) {
        const cause = explain(error, `Emptying table ${name}`, 'WRITE_FAILED');
        throw new errors/* TransferError */.aG(cause.code, `${cause.message} Table ${name} was being emptied (existing-table: replace): ${deleted}; nothing was imported; run again to finish.`);
    }
    if (failures.length > 0 || writer.stats.abandoned > 0) {
        const why = failures[0] === undefined ? 'the step was cancelled' : `${failures[0].code}: ${failures[0].message}`;
        throw new errors/* TransferError */.aG('WRITE_FAILED', `Could not empty table ${name}: ${failures.length + writer.stats.abandoned} delete(s) did not go through (${why}). ${deleted}; nothing was imported; run again to finish.`);
    }
    return writer.stats.deleted;
}

;// CONCATENATED MODULE: ./src/direct/target-table.ts
// The table an import writes into, or validate checks against: found first,
// and created, emptied (existing-table: replace) or refused only once the
// source's first records have been read, so a source that cannot be imported
// never leaves a new table behind or an old one empty.



/** `resuming`: an earlier run of this import created or emptied the table, which is written into as it is. */
async function findTargetTable(plan, deps, resuming = false) {
    if (plan.mode === 'validate') {
        const given = plan.tableParameters?.KeySchema === undefined ? undefined : plan.tableParameters;
        const table = given ?? (await describeTable(deps.dynamodb, plan.tableName ?? ''));
        if (table === undefined)
            throw new errors/* TransferError */.aG('TABLE_NOT_FOUND', `Table ${plan.tableName} does not exist, so it cannot give the key schema to check against; give partition-key or table-creation-parameters instead.`);
        return { keys: table, prepare: async () => table };
    }
    const tableDeps = { dynamodb: deps.dynamodb, sleep: deps.sleep, now: deps.now, log: deps.log, signal: deps.signal };
    const existing = await describeTable(deps.dynamodb, plan.tableName);
    if (existing === undefined) {
        const parameters = { ...plan.tableParameters, TableName: plan.tableName };
        if (parameters.KeySchema === undefined) {
            throw new errors/* TransferError */.aG('NO_KEY_SCHEMA', `Table ${plan.tableName} does not exist, and there is no key schema to create it with: give partition-key (and sort-key) or table-creation-parameters.`);
        }
        return {
            keys: parameters,
            creates: true,
            prepare: () => createTable(parameters, tableDeps, plan.waiting.timeoutMs),
        };
    }
    if (resuming) {
        return {
            keys: existing,
            prepare: async () => {
                deps.log(`Writing on into ${plan.tableName}, which earlier runs of this import created or wrote into (resumed from the checkpoint, whatever existing-table says)`);
                return existing;
            },
        };
    }
    if (plan.existingTable === 'fail') {
        throw new errors/* TransferError */.aG('TABLE_EXISTS', `Table ${plan.tableName} already exists and existing-table is fail, so nothing was written. Use existing-table: merge to write into it, or replace to empty it first.`);
    }
    if (plan.existingTable === 'merge') {
        return {
            keys: existing,
            prepare: async () => {
                deps.log(`Writing into the existing table ${plan.tableName} (existing-table: merge): items with the same key are overwritten`);
                return existing;
            },
        };
    }
    return {
        keys: existing,
        prepare: async () => {
            deps.log(`Emptying table ${plan.tableName} (existing-table: replace), keeping its key schema`);
            const deleted = await emptyTable(existing, deps.dynamodb, deps, plan.concurrency);
            deps.log(`Deleted ${deleted.toLocaleString('en-US')} item(s) from ${plan.tableName}`);
            return existing;
        },
    };
}

;// CONCATENATED MODULE: ./src/checkpoint/state.ts
// What a direct import's checkpoint holds, and reading one back without
// trusting it: the import it belongs to (table, source, format), the table it
// writes into by identity, the source's objects as they were (sizes and ETags
// or MD5s), how far the import got (the objects finished, the records each
// held, and how many records of the next one DynamoDB has acknowledged), the
// counts so far and where rejected items went. Pure: no I/O here.
const CHECKPOINT_KIND = 'dynamodb-s3-transfer import checkpoint';
const CHECKPOINT_VERSION = 2;
/** The checkpoint text could not be read as one: said as a sentence. */
class CorruptCheckpoint extends Error {
}
/** Parses and checks every field; throws CorruptCheckpoint saying what is wrong. */
function parseCheckpoint(text) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (error) {
        throw new CorruptCheckpoint(`it is not JSON (${error.message}); it may have been cut short`);
    }
    const c = value;
    if (typeof c !== 'object' || c === null || c.kind !== CHECKPOINT_KIND)
        throw new CorruptCheckpoint('it is not an import checkpoint of this action');
    if (c.version !== CHECKPOINT_VERSION)
        throw new CorruptCheckpoint(`it is version ${String(c.version)}, and this action reads version ${CHECKPOINT_VERSION}`);
    const identity = c.identity;
    if (!isRecordOf(identity, ['table', 'source', 'reading'], 'string'))
        throw new CorruptCheckpoint('its identity is malformed');
    if (c.table !== null && !isTableIdentity(c.table))
        throw new CorruptCheckpoint('its table identity is malformed');
    if (!Array.isArray(c.objects) || !c.objects.every(isFingerprint))
        throw new CorruptCheckpoint('its list of source objects is malformed');
    if (!isRecordOf(c.position, ['finished', 'records'], 'count'))
        throw new CorruptCheckpoint('its position is malformed');
    if (!isRecordOf(c.counts, ['processed', 'imported', 'errors'], 'count'))
        throw new CorruptCheckpoint('its counts are malformed');
    if (!isStrings(c.rejectedItems) || !isStrings(c.rejectsPlaces))
        throw new CorruptCheckpoint('its rejected-items list is malformed');
    if (!Array.isArray(c.objectRecords) || !c.objectRecords.every(isCount))
        throw new CorruptCheckpoint('its records per object are malformed');
    if (!Array.isArray(c.rejectedAhead) ||
        !c.rejectedAhead.every((r) => Array.isArray(r) && r.length === 2 && r.every(isCount)))
        throw new CorruptCheckpoint('its list of rejected records is malformed');
    if (!isCount(c.runs) || typeof c.completed !== 'boolean' || typeof c.savedAt !== 'string')
        throw new CorruptCheckpoint('its run fields are malformed');
    const checkpoint = c;
    const { finished, records } = checkpoint.position;
    if (finished > checkpoint.objects.length || (finished === checkpoint.objects.length && records > 0))
        throw new CorruptCheckpoint(`its position (${finished} object(s) finished) is beyond its own list of ${checkpoint.objects.length} object(s)`);
    checkAccounted(checkpoint);
    return checkpoint;
}
/**
 * Every record before the position is in the counts, once: a position moved
 * by hand past what the runs read (or counts that do not add up) is refused.
 */
function checkAccounted(c) {
    const { processed, imported, errors } = c.counts;
    if (processed !== imported + errors)
        throw new CorruptCheckpoint(`its counts do not add up (${processed} processed, ${imported} imported, ${errors} error(s))`);
    if (c.objectRecords.length !== c.position.finished)
        throw new CorruptCheckpoint(`it says ${c.position.finished} object(s) are finished, but gives the records of ${c.objectRecords.length}`);
    const before = c.objectRecords.reduce((sum, n) => sum + n, 0) + c.position.records;
    if (before !== processed)
        throw new CorruptCheckpoint(`its position is ${before} record(s) in, but its counts say ${processed} were read: it claims work no run did`);
    if (c.table === null && before > 0)
        throw new CorruptCheckpoint('it has records done but no table they were written into');
}
function isCount(value) {
    return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}
function isStrings(value) {
    return Array.isArray(value) && value.every((r) => typeof r === 'string');
}
function isTableIdentity(value) {
    const t = value;
    return (typeof t === 'object' &&
        t !== null &&
        typeof t.arn === 'string' &&
        typeof t.created === 'string' &&
        (t.id === undefined || typeof t.id === 'string'));
}
function isFingerprint(value) {
    const o = value;
    return (typeof o === 'object' &&
        o !== null &&
        typeof o.key === 'string' &&
        isCount(o.size) &&
        (o.tag === undefined || typeof o.tag === 'string'));
}
function isRecordOf(value, fields, kind) {
    if (typeof value !== 'object' || value === null)
        return false;
    const record = value;
    return fields.every((f) => (kind === 'string' ? typeof record[f] === 'string' : isCount(record[f])));
}

;// CONCATENATED MODULE: ./src/checkpoint/checkpointer.ts
// Saves an import's checkpoint: before the table is created and once it is
// ready (so a run killed at once is resumed, its table and rejected-items
// place known as its own), every few seconds while it runs (in the
// background, one save at a time, never holding the writes up), at the end
// of each object, and once more when the import stops, however it stops. A
// place that fails is warned about once and not used again: a checkpoint
// never fails the step.

class Checkpointer {
    lastSave;
    saving;
    broken = false;
    place;
    base;
    table;
    watermark;
    deps;
    /** `disabled`: the place could not even be read; nothing is saved to it. */
    constructor(place, base, watermark, deps, disabled = false) {
        this.broken = disabled;
        this.place = place;
        this.base = base;
        this.table = base.table;
        this.watermark = watermark;
        this.deps = deps;
        this.lastSave = deps.now();
    }
    get description() {
        return this.place.description;
    }
    /**
     * Starts a save in the background when the place's interval has passed
     * (at an object's end, its shorter gap) and none is under way; a save at
     * an object's end is logged.
     */
    tick(objectEnd = false) {
        if (this.broken || this.saving !== undefined)
            return;
        const gap = objectEnd ? this.place.objectGapMs : this.place.intervalMs;
        if (this.deps.now() - this.lastSave < gap)
            return;
        this.lastSave = this.deps.now();
        const state = this.state(false);
        const saved = this.attempt(() => this.place.save(JSON.stringify(state)));
        this.saving = saved
            .then((ok) => {
            if (ok && objectEnd)
                this.deps.log(`Checkpoint saved to ${this.place.description}: ${describePosition(state)}.`);
        })
            .finally(() => {
            this.saving = undefined;
        });
    }
    /**
     * Saved at once, awaited: before the table is created (`table` null) and as
     * soon as it is ready, before anything is written into it or the
     * rejected-items file.
     */
    async saveNow(table) {
        this.table = table;
        await this.saving;
        if (this.broken)
            return;
        this.lastSave = this.deps.now();
        await this.attempt(() => this.place.save(this.text(false)));
    }
    /**
     * The last save: the checkpoint as the import stopped, or, when it
     * completed, nothing left to resume. `rejectsClosed`: the rejected-items
     * file is whole, so the records rejected past the position are in it.
     */
    async finish(completed, rejectsClosed = false) {
        await this.saving;
        if (this.broken)
            return;
        const text = JSON.stringify(this.state(completed, rejectsClosed));
        await this.attempt(() => (completed ? this.place.complete(text) : this.place.save(text)));
    }
    state(completed, rejectsClosed = false) {
        const rejectedItems = this.deps.rejectedItems();
        const { earlier } = this.base;
        // Those of the records before the position: the ones after it are done again by a resumed run.
        const counts = this.watermark.counts;
        const places = this.base.rejectsPlaces;
        return {
            kind: CHECKPOINT_KIND,
            version: CHECKPOINT_VERSION,
            identity: this.base.identity,
            table: this.table,
            objects: this.base.objects,
            position: this.watermark.position,
            objectRecords: this.watermark.finishedRecords,
            counts: {
                processed: earlier.processed + counts.processed,
                imported: earlier.imported + counts.imported,
                errors: earlier.errors + counts.errors,
            },
            rejectedItems: rejectedItems === undefined ? this.base.rejectedItems : [...this.base.rejectedItems, rejectedItems],
            rejectsPlaces: places.includes(this.deps.rejectsPlace) ? places : [...places, this.deps.rejectsPlace],
            // This run's only from a whole file: a killed run's file may lack its last lines, so they are rejected again.
            rejectedAhead: this.watermark.rejectedAhead(rejectsClosed),
            runs: this.base.runs + 1,
            completed,
            savedAt: new Date(this.deps.now()).toISOString(),
        };
    }
    text(completed) {
        return JSON.stringify(this.state(completed));
    }
    /** True when saved; a failure is warned about once, and the place is not used again. */
    async attempt(save) {
        try {
            await save();
            return true;
        }
        catch (error) {
            this.broken = true;
            this.deps.warn(`The checkpoint could not be saved to ${this.place.description} (${error instanceof Error ? error.message : String(error)}); the import goes on without saving it again, so a re-run resumes from an earlier checkpoint or starts over.`);
            return false;
        }
    }
}
/** `3 of 8 object(s) done, and 950 record(s) of the next`. */
function describePosition(state) {
    const { finished, records } = state.position;
    const within = records > 0 ? `, and ${records.toLocaleString('en-US')} record(s) of the next` : '';
    return `${finished.toLocaleString('en-US')} of ${state.objects.length.toLocaleString('en-US')} object(s) done${within}`;
}

;// CONCATENATED MODULE: ./src/checkpoint/decide.ts
// Whether a checkpoint found for an import is resumed from: only when it is
// readable, unfinished, for the same table (by identity, not only by name),
// source and format, and the source's objects are exactly as they were.
// Otherwise the import starts over, and the reason is a sentence for the log
// and the summary. What is at the place but is no checkpoint of this action
// is never used, written over or deleted.

/** How far the runner's clock and DynamoDB's may disagree, for a table created just after a checkpoint was saved. */
const CLOCK_ALLOWANCE_MS = 5 * 60_000;
/**
 * Why the text at a checkpoint place is not one this action wrote (not even
 * a damaged one), or undefined. Each save writes the kind first, so a
 * checkpoint cut short still starts with it.
 */
function notOurs(text) {
    if (text.startsWith(`{"kind":${JSON.stringify(CHECKPOINT_KIND)}`))
        return undefined;
    let value;
    try {
        value = JSON.parse(text);
    }
    catch {
        return text.trim() === '' ? 'it is empty' : 'it is not JSON';
    }
    const kind = value?.kind;
    if (kind === CHECKPOINT_KIND)
        return undefined;
    return typeof kind === 'string'
        ? `it is JSON of another kind (${JSON.stringify(kind)})`
        : 'it is JSON of another kind';
}
/**
 * Why the table is not the one the checkpoint's runs wrote into, or
 * undefined. A checkpoint saved just before its run created the table
 * (`table` null) takes the table made since: that run's.
 */
function otherTable(checkpoint, name, now) {
    const saved = checkpoint.table;
    if (saved === null) {
        if (now === undefined)
            return undefined;
        const before = Date.parse(checkpoint.savedAt) - CLOCK_ALLOWANCE_MS;
        const created = Date.parse(now.created);
        return Number.isNaN(created) || created >= before
            ? undefined
            : `table ${name} was created ${now.created}, before the run that saved the checkpoint was to create it`;
    }
    if (now === undefined)
        return `table ${name}, which earlier runs wrote into, no longer exists`;
    if (now.arn !== saved.arn || now.id !== saved.id || now.created !== saved.created)
        return `table ${name} is not the table earlier runs wrote into: it was deleted and created again (created ${now.created}, ${now.arn}${now.id === undefined ? '' : `, id ${now.id}`}; the checkpoint's was created ${saved.created}, ${saved.arn}${saved.id === undefined ? '' : `, id ${saved.id}`})`;
    return undefined;
}
function decideResume(text, identity, objects) {
    if (text === undefined)
        return { kind: 'none' };
    let checkpoint;
    try {
        checkpoint = parseCheckpoint(text);
    }
    catch (error) {
        if (!(error instanceof CorruptCheckpoint))
            throw error;
        return { kind: 'start-over', reason: `the checkpoint cannot be used: ${error.message}`, warn: true };
    }
    if (checkpoint.completed)
        return { kind: 'start-over', reason: 'the run that saved the checkpoint completed the import', warn: false };
    const other = otherImport(checkpoint.identity, identity);
    if (other !== undefined)
        return { kind: 'start-over', reason: `the checkpoint is for ${other}`, warn: true };
    const change = sourceChange(checkpoint.objects, objects);
    if (change !== undefined)
        return { kind: 'start-over', reason: `the source changed since the checkpoint was saved: ${change}`, warn: true };
    return { kind: 'resume', checkpoint };
}
function otherImport(saved, now) {
    if (saved.table !== now.table)
        return `table ${saved.table}, not ${now.table}`;
    if (saved.source !== now.source)
        return `the source ${saved.source}, not ${now.source}`;
    if (saved.reading !== now.reading)
        return `reading the source as ${saved.reading}, not ${now.reading}`;
    return undefined;
}
/** The first difference between the objects then and now, as a phrase. */
function sourceChange(then, now) {
    const before = new Map(then.map((o) => [o.key, o]));
    for (const object of now) {
        const old = before.get(object.key);
        if (old === undefined)
            return `${object.key} is new`;
        if (old.size !== object.size)
            return `${object.key} was ${old.size} bytes and is now ${object.size}`;
        if (old.tag !== object.tag)
            return `${object.key} was rewritten (${old.tag ?? 'no tag'}, now ${object.tag ?? 'no tag'})`;
        before.delete(object.key);
    }
    const [gone] = before.keys();
    if (gone !== undefined)
        return `${gone} is gone`;
    // Same objects in another order would be read in another order.
    if (then.some((o, i) => o.key !== now[i]?.key))
        return 'its objects are listed in another order';
    return undefined;
}

;// CONCATENATED MODULE: ./src/checkpoint/watermark.ts
// How far an import got, with writes landing out of order: records are handed
// to the writers in order, and several batches are in flight at once, so a
// later batch can be acknowledged before an earlier one. The position is the
// first record not yet acknowledged (or rejected): everything before it is
// done, whatever is after it may not be. The counts are those of the records
// before the position only: a record in flight when a run is killed is done
// again, and counted, by the run that resumes, not by both. Records rejected
// past the position are remembered, so that a resumed run does not write
// them to a rejected-items file a second time.
const IMPORTED = { processed: 1, imported: 1, errors: 0 };
const REJECTED = { processed: 1, imported: 0, errors: 1 };
class Watermark {
    open = new Map();
    first;
    last;
    nextTicket = 0;
    /** Just after the last record handed on: its object, and the records of it before that point. */
    endObject;
    endRecords;
    /** What the records before the position came to. */
    settledCounts = { processed: 0, imported: 0, errors: 0 };
    /** The records each object held, once read to its end (by index; earlier runs' from their checkpoint). */
    objectRecords;
    /** Records rejected by this run, as [object, record], until the position passes them. */
    rejected = [];
    /** Those earlier runs rejected past their position and wrote to their (closed) rejected-items files. */
    earlierRejected;
    earlierKeys;
    constructor(start, earlier = {}) {
        this.endObject = start.finished;
        this.endRecords = start.records;
        this.objectRecords = [...(earlier.objectRecords ?? [])];
        this.earlierRejected = [...(earlier.rejectedAhead ?? [])];
        this.earlierKeys = new Set(this.earlierRejected.map(([o, r]) => `${o}:${r}`));
    }
    /** The record of an open ticket was rejected by an earlier run, which wrote it to its rejected-items file. */
    ticketRejectedBefore(ticket) {
        const entry = this.open.get(ticket);
        return entry !== undefined && this.rejectedBefore(entry.object, entry.record);
    }
    /** An earlier run rejected this record and wrote it to its rejected-items file. */
    rejectedBefore(object, record) {
        return this.earlierKeys.has(`${object}:${record}`);
    }
    /** A record handed to the writers; `done(ticket, ...)` when DynamoDB acknowledged or rejected it. */
    issue(object, record) {
        const ticket = this.nextTicket++;
        const entry = { object, record, after: undefined, previous: this.last, next: undefined };
        if (this.last === undefined)
            this.first = entry;
        else
            this.last.next = entry;
        this.last = entry;
        this.open.set(ticket, entry);
        this.endObject = object;
        this.endRecords = record + 1;
        return ticket;
    }
    /** DynamoDB acknowledged (`imported`) or rejected the record. */
    done(ticket, imported) {
        const entry = this.open.get(ticket);
        if (entry === undefined)
            return;
        this.open.delete(ticket);
        if (!imported)
            this.rejected.push([entry.object, entry.record]);
        // Its counts, and those waiting behind it, now wait behind the open record before it, if any.
        const into = entry.previous === undefined ? this.settledCounts : behind(entry.previous);
        add(into, imported ? IMPORTED : REJECTED);
        if (entry.after !== undefined)
            add(into, entry.after);
        if (entry.previous === undefined)
            this.first = entry.next;
        else
            entry.previous.next = entry.next;
        if (entry.next === undefined)
            this.last = entry.previous;
        else
            entry.next.previous = entry.previous;
    }
    /** A record that needs no write (rejected by the checks): done as soon as it is read. */
    passed(object, record) {
        this.settle(REJECTED);
        this.rejected.push([object, record]);
        this.endObject = object;
        this.endRecords = record + 1;
    }
    /** Object `object`, none of whose `items` could be used (damaged): each counted as an error, the object as one rejection. */
    rejectedWhole(object, items) {
        this.settle({ processed: items, imported: 0, errors: items });
        this.rejected.push([object, 0]);
    }
    /** Every one of the `records` of the object was read (handed on, rejected or skipped). */
    objectRead(object, records) {
        this.objectRecords[object] = records;
        this.endObject = object + 1;
        this.endRecords = 0;
    }
    /** The records each object before the position held. */
    get finishedRecords() {
        return this.objectRecords.slice(0, this.position.finished);
    }
    /**
     * The rejections at or past the position that are in a rejected-items
     * file: earlier runs', and this run's too when `mine` (its file is closed).
     * Those before the position are dropped: the position never goes back.
     */
    rejectedAhead(mine) {
        const { finished, records } = this.position;
        const ahead = ([o, r]) => o > finished || (o === finished && r >= records);
        this.rejected = this.rejected.filter(ahead);
        this.earlierRejected = this.earlierRejected.filter(ahead);
        if (!mine)
            return [...this.earlierRejected];
        const all = new Map([...this.earlierRejected, ...this.rejected].map((p) => [`${p[0]}:${p[1]}`, p]));
        return [...all.values()].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    }
    get position() {
        const first = this.first;
        return first === undefined
            ? { finished: this.endObject, records: this.endRecords }
            : { finished: first.object, records: first.record };
    }
    /** What the records before the position came to. */
    get counts() {
        return { ...this.settledCounts };
    }
    /** Counts that need no write: they wait behind the last open record, if any. */
    settle(counts) {
        add(this.last === undefined ? this.settledCounts : behind(this.last), counts);
    }
}
/** The counts waiting behind an open record. */
function behind(entry) {
    entry.after ??= { processed: 0, imported: 0, errors: 0 };
    return entry.after;
}
function add(to, counts) {
    to.processed += counts.processed;
    to.imported += counts.imported;
    to.errors += counts.errors;
}

;// CONCATENATED MODULE: ./src/managed/client-token.ts
// Idempotent starts: the client token comes from the repository, the run,
// the job, the step and a hash of the request (not the run attempt), so a
// re-run of a step cut off while waiting finds the job it already started
// instead of paying for a second one, and a changed request never gets the
// old job back.

function deriveClientToken(request, context) {
    const { env } = context;
    const parts = [
        env.GITHUB_REPOSITORY,
        env.GITHUB_RUN_ID,
        env.GITHUB_JOB,
        env.GITHUB_ACTION,
        requestHash(request),
        context.attempt ?? '',
    ];
    // 36 characters at most, as ImportTable allows; no `$`.
    return `dst-${(0,external_node_crypto_.createHash)('sha256')
        .update(parts.map((p) => p ?? '').join('\u0000'))
        .digest('hex')
        .slice(0, 32)}`;
}
/** A hash of the request that does not depend on key order. */
function requestHash(request) {
    return (0,external_node_crypto_.createHash)('sha256').update(canonical(request)).digest('hex');
}
function canonical(value) {
    if (value instanceof Date)
        return JSON.stringify(value.toISOString());
    if (value instanceof Uint8Array)
        return JSON.stringify(Buffer.from(value).toString('base64'));
    if (Array.isArray(value))
        return `[${value.map(canonical).join(',')}]`;
    if (typeof value === 'object' && value !== null) {
        const entries = Object.entries(value)
            .filter(([, v]) => v !== undefined)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
        return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
    }
    return JSON.stringify(value) ?? 'null';
}

;// CONCATENATED MODULE: ./src/checkpoint/places.ts
// Where a checkpoint is kept: a local file (the `checkpoint` input's path, or
// a file under RUNNER_TEMP), or an S3 object. A local file is replaced
// atomically (written beside, then renamed over), and never read through a
// symbolic link; an S3 object is replaced whole by each PutObject.




/** A checkpoint of 50,000 objects is a few MB: anything far larger is not one. */
const MAX_CHECKPOINT_BYTES = 64 * 1024 * 1024;
class FileCheckpoint {
    description;
    intervalMs = 5_000;
    objectGapMs = 1_000;
    path;
    constructor(path) {
        this.path = path;
        this.description = path;
    }
    async load() {
        const info = await (0,promises_.lstat)(this.path).catch((error) => {
            if (error.code === 'ENOENT' || error.code === 'ENOTDIR')
                return undefined;
            throw error;
        });
        if (info === undefined)
            return undefined;
        if (!info.isFile())
            throw new Error(`${this.path} is not a regular file (a symbolic link is never followed)`);
        if (info.size > MAX_CHECKPOINT_BYTES)
            throw new Error(`${this.path} is ${info.size} bytes, too large for a checkpoint`);
        return (0,promises_.readFile)(this.path, 'utf8');
    }
    async save(text) {
        await (0,promises_.mkdir)((0,external_node_path_.dirname)(this.path), { recursive: true });
        const temporary = `${this.path}.${(0,external_node_crypto_.randomBytes)(6).toString('hex')}.tmp`;
        // wx: a file (or link) already at the temporary name is never written through.
        const handle = await (0,promises_.open)(temporary, 'wx');
        try {
            await handle.writeFile(text);
            await handle.sync();
        }
        finally {
            await handle.close();
        }
        // rename replaces whatever is at the path (a link itself, never its target) in one step.
        await (0,promises_.rename)(temporary, this.path).catch(async (error) => {
            await (0,promises_.rm)(temporary, { force: true });
            throw error;
        });
    }
    async complete() {
        await (0,promises_.rm)(this.path, { force: true });
    }
}
class S3Checkpoint {
    description;
    intervalMs = 5_000;
    objectGapMs = 1_000;
    store;
    key;
    constructor(s3, bucket, key, owner) {
        this.key = key;
        this.store = new S3Store(s3, bucket, owner === undefined ? {} : { owner });
        this.description = this.store.describe(key);
    }
    load() {
        return this.store.readText(this.key, MAX_CHECKPOINT_BYTES);
    }
    async save(text) {
        await this.store.writeText(this.key, text);
    }
    async complete() {
        await this.store.delete(this.key);
    }
}

;// CONCATENATED MODULE: ./src/checkpoint/cache.ts
// The checkpoint in the GitHub Actions cache, so that a re-run on a fresh
// runner finds it. Cache entries cannot be overwritten: each save is a new
// entry whose key ends with the time, and a restore takes the newest entry
// under the key's prefix (the client token: the same on a re-run of the
// step). @actions/cache runs in a worker thread of its own (task-worker.ts).


/** A restore or a save that takes longer is abandoned, with a warning. */
const CACHE_TIMEOUT_MS = 30_000;
class CacheCheckpoint {
    description;
    /** Each save is a new cache entry (an archive and an upload): far less often than to a file. */
    intervalMs = 60_000;
    objectGapMs = 60_000;
    file;
    path;
    keyPrefix;
    timeoutMs;
    constructor(path, keyPrefix, timeoutMs = CACHE_TIMEOUT_MS) {
        this.path = path;
        this.keyPrefix = keyPrefix;
        this.timeoutMs = timeoutMs;
        this.file = new FileCheckpoint(path);
        this.description = `the GitHub Actions cache (key ${keyPrefix}*)`;
    }
    async load() {
        const answer = await runCacheTask({ op: 'restore', path: this.path, key: this.keyPrefix }, this.timeoutMs);
        if (!answer.ok)
            throw new Error(`the cache could not be read: ${answer.error}`);
        return answer.hit ? this.file.load() : undefined;
    }
    async save(text) {
        await this.file.save(text);
        const answer = await runCacheTask({ op: 'save', path: this.path, key: `${this.keyPrefix}${Date.now()}` }, this.timeoutMs);
        if (!answer.ok)
            throw new Error(`the cache could not be written: ${answer.error}`);
    }
    /** A cache entry cannot be deleted: a completed checkpoint is saved, and a later run starts over. */
    async complete(text) {
        await this.save(text);
        await this.file.complete();
    }
}
/** Runs one task in a worker thread (the action's own entry, which sees workerData.cacheTask); ends it at the timeout. */
function runCacheTask(task, timeoutMs) {
    return runTaskWorker({ cacheTask: task }, timeoutMs, 'cache');
}

;// CONCATENATED MODULE: ./src/checkpoint/where.ts
// Where an import's checkpoint is kept: the `checkpoint` input when given;
// otherwise the GitHub Actions cache when the runner offers one, so that a
// re-run on a fresh runner finds it; otherwise a file under RUNNER_TEMP
// (self-hosted runners keep it between runs). The cache key and the file name
// come from the client token, the same on a re-run of the step.






function checkpointPlace(given, identity, context) {
    if (given?.kind === 's3')
        return new S3Checkpoint(context.s3, given.bucket, given.prefix, given.owner);
    if (given?.kind === 'local')
        return new FileCheckpoint(given.path);
    const token = context.clientToken ?? deriveClientToken({ importCheckpoint: identity }, { env: context.env });
    const file = (0,external_node_path_.join)(context.env.RUNNER_TEMP || (0,external_node_os_.tmpdir)(), 'dynamodb-s3-transfer-checkpoints', `${token}.json`);
    if (cacheOffered(context.env))
        return new CacheCheckpoint(file, `dynamodb-s3-transfer-checkpoint-${token}-`);
    return new FileCheckpoint(file);
}
/**
 * @actions/cache's isFeatureAvailable, without loading the library (and the
 * Azure SDK it brings) into the worker that moves the data: the v2 service
 * on github.com, the legacy one on GitHub Enterprise Server.
 */
function cacheOffered(env) {
    if (!env.ACTIONS_RUNTIME_TOKEN)
        return false;
    return onGitHubDotCom(env) && env.ACTIONS_CACHE_SERVICE_V2
        ? Boolean(env.ACTIONS_RESULTS_URL)
        : Boolean(env.ACTIONS_CACHE_URL);
}

;// CONCATENATED MODULE: ./src/checkpoint/session.ts
// An import's checkpoint from start to end: where it is kept, whether the
// one found there is resumed from (or why not), the watermark of what
// DynamoDB acknowledged, and what the log and the summary say about it.





async function openCheckpoint(options) {
    const fingerprints = options.objects.map((o) => ({
        key: o.key,
        size: o.size,
        ...(o.md5 !== undefined ? { tag: `md5:${o.md5}` } : o.etag !== undefined ? { tag: o.etag } : {}),
    }));
    const place = checkpointPlace(options.given, options.identity, options);
    const decision = await load(place, options, fingerprints);
    // A place that could not be read (a cache service down or hanging) is not written to either.
    const unreachable = decision.kind === 'start-over' && decision.unreachable === true;
    const resumed = decision.kind === 'resume' ? decision.checkpoint : undefined;
    const startedOver = decision.kind === 'start-over' ? decision.reason : undefined;
    if (startedOver !== undefined) {
        const line = unreachable
            ? `No checkpoint could be read from ${place.description}: ${startedOver}. The import starts at the beginning.`
            : `Starting over, not from the checkpoint in ${place.description}: ${startedOver}.`;
        if (decision.kind === 'start-over' && decision.warn)
            options.warn(line);
        else
            options.log(line);
    }
    const start = resumed?.position ?? { finished: 0, records: 0 };
    if (resumed !== undefined)
        options.log(resumeLine(place, resumed));
    const watermark = new Watermark(start, resumed ?? {});
    return {
        place,
        resumed,
        startedOver,
        start,
        watermark,
        begin: (deps) => new Checkpointer(place, {
            identity: options.identity,
            table: resumed?.table ?? null,
            objects: fingerprints,
            rejectedItems: resumed?.rejectedItems ?? [],
            rejectsPlaces: resumed?.rejectsPlaces ?? [],
            runs: resumed?.runs ?? 0,
            earlier: resumed?.counts ?? { processed: 0, imported: 0, errors: 0 },
        }, watermark, deps, unreachable),
        report: (skipped, completed) => [
            ...reportLines(place, resumed, startedOver, skipped),
            ...(completed || unreachable
                ? []
                : [`A re-run of this step resumes from the checkpoint in ${place.description}.`]),
        ],
    };
}
async function load(place, options, objects) {
    let text;
    try {
        text = await place.load();
    }
    catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        return {
            kind: 'start-over',
            reason: `${why}; none is saved there this run`,
            warn: true,
            unreachable: true,
        };
    }
    // Even with resume: never: what is there is replaced as the import goes, and removed at its end.
    const foreign = text === undefined ? undefined : notOurs(text);
    if (foreign !== undefined)
        throw refusal(place, foreign);
    if (options.resume === 'never') {
        options.log(`resume: never: any checkpoint in ${place.description} is ignored, and replaced as the import goes.`);
        return { kind: 'none' };
    }
    const decision = decideResume(text, options.identity, objects);
    if (decision.kind !== 'resume' || options.tableNow === undefined)
        return decision;
    const other = otherTable(decision.checkpoint, options.identity.table, await options.tableNow());
    return other === undefined ? decision : { kind: 'start-over', reason: other, warn: true };
}
/** A checkpoint place holding what this action did not write: never written over or deleted. */
function refusal(place, why) {
    return new errors/* InputError */.dz([
        {
            input: 'checkpoint',
            value: place.description,
            message: `checkpoint ${place.description} is not a checkpoint of this action (${why}); nothing was created, written or deleted. The checkpoint is written over as the import goes and removed at its end, so it must be a new place or one an earlier run of this action wrote: choose a new path or object key, or remove what is there.`,
        },
    ]);
}
const session_n = (value) => value.toLocaleString('en-US');
function resumeLine(place, c) {
    return `Resuming from the checkpoint in ${place.description} (saved ${c.savedAt}, run ${c.runs}): ${describePosition(c)}; skipped without writing.`;
}
function reportLines(place, resumed, startedOver, skipped) {
    if (resumed === undefined)
        return startedOver === undefined ? [] : [`Started over: ${startedOver}.`];
    const { counts } = resumed;
    const lines = [
        `Resumed from the checkpoint in ${place.description}, saved ${resumed.savedAt} by run ${resumed.runs} of this import.`,
        `Skipped, done by earlier runs: ${session_n(skipped.objects)} whole object(s) and ${session_n(skipped.records)} record(s) of the next one, without writing them (earlier runs: ${session_n(counts.processed)} processed, ${session_n(counts.imported)} imported, ${session_n(counts.errors)} error(s)).`,
    ];
    if (resumed.rejectedItems.length > 0)
        lines.push(`Rejected items of earlier runs are in ${resumed.rejectedItems.join(', ')}.`);
    return lines;
}

;// CONCATENATED MODULE: ./src/direct/import-checkpoint.ts
// The direct import's side of the checkpoint (src/checkpoint/): opened once
// the source is known and before the table is touched, it says where to
// start (only into the very table earlier runs wrote into), saves before the
// table is created and once it is ready, follows each record to its
// acknowledgement, saves as the import goes and once more at its end, and
// gives the summary its lines.



/**
 * The rejected-items place of a resumed run whose given place an earlier run
 * of the same import filled: `<name>.run-<n>.jsonl` beside it (an S3 object
 * cannot be appended to, and a file this run did not create is never written
 * over). Any other refusal of the place stands.
 */
function rejectsAfter(given, checkpoint, refusal) {
    const place = given.kind === 's3' ? `s3://${given.bucket}/${given.prefix}` : (0,external_node_path_.resolve)(given.path);
    if (checkpoint?.resuming !== true || !checkpoint.earlier.rejectsPlaces.includes(place))
        throw refusal;
    const run = checkpoint.earlier.runs + 1;
    const next = (name) => name.replace(/(\.jsonl)?$/, `.run-${run}$1`);
    return given.kind === 's3' ? { ...given, prefix: next(given.prefix) } : { kind: 'local', path: next(given.path) };
}
/** Format, compression and CSV options: a checkpoint is resumed only by an import that reads the source the same way. */
function describeReading(reading) {
    const csv = reading.csv === undefined
        ? ''
        : `, delimiter ${JSON.stringify(reading.csv.delimiter)}, header ${reading.csv.header?.join(',') ?? '(first line)'}`;
    return `${reading.format}, compression ${reading.compression}${csv}`;
}
async function openImportCheckpoint(plan, source, describedSource, reading, deps) {
    const session = await openCheckpoint({
        given: plan.checkpoint,
        resume: plan.resume,
        identity: { table: plan.tableName, source: describedSource, reading: describeReading(reading) },
        objects: source.objects,
        env: deps.env ?? {},
        s3: deps.s3,
        clientToken: plan.clientToken,
        log: deps.log,
        warn: deps.warn,
        tableNow: async () => {
            const table = await describeTable(deps.dynamodb, plan.tableName);
            return table === undefined ? undefined : tableIdentity(table);
        },
    });
    const { watermark, start } = session;
    const settled = (acknowledged, rejected) => {
        for (const origin of acknowledged)
            if (origin.ticket !== undefined)
                watermark.done(origin.ticket, true);
        for (const origin of rejected)
            if (origin.ticket !== undefined)
                watermark.done(origin.ticket, false);
    };
    return {
        resuming: session.resumed !== undefined,
        earlier: { rejectsPlaces: session.resumed?.rejectsPlaces ?? [], runs: session.resumed?.runs ?? 0 },
        settled,
        rejectedBefore: (origin) => origin.ticket !== undefined && watermark.ticketRejectedBefore(origin.ticket),
        start: ({ ledger, rejects }) => {
            const checkpointer = session.begin({
                now: deps.now,
                log: deps.log,
                warn: deps.warn,
                rejectedItems: () => (ledger.filed > 0 ? rejects.location : undefined),
                rejectsPlace: rejects.location,
            });
            let skippedRecords = 0;
            const warnings = [];
            return {
                table: (table) => checkpointer.saveNow(table === null ? null : tableIdentity(table)),
                firstObject: start.finished,
                warnings,
                object: (index, object, fromStart = false) => {
                    const skip = index === start.finished && !fromStart ? start.records : 0;
                    let damaged;
                    const tracking = {
                        skip,
                        shorter: false,
                        issued: (record) => watermark.issue(index, record),
                        passed: (record) => {
                            watermark.passed(index, record);
                            return watermark.rejectedBefore(index, record);
                        },
                        rejectedWhole: (items) => {
                            damaged = items;
                            watermark.rejectedWhole(index, items);
                            return watermark.rejectedBefore(index, 0);
                        },
                        batchDone: () => checkpointer.tick(),
                        objectRead: (records) => {
                            skippedRecords += Math.min(skip, records);
                            if (records < skip) {
                                tracking.shorter = true;
                                // Shown once, as a warning of the result (the annotation and the summary).
                                warnings.push(`The checkpoint said the first ${skip} record(s) of ${object.key} were done, but it holds ${records}: the checkpoint is wrong about it, so it was imported again from its start.`);
                                return;
                            }
                            watermark.objectRead(index, damaged ?? records);
                            checkpointer.tick(true);
                        },
                    };
                    return tracking;
                },
                finish: async (completed, rejectsClosed) => {
                    await checkpointer.finish(completed, rejectsClosed);
                    return {
                        resumed: session.resumed !== undefined,
                        place: session.place.description,
                        lines: session.report({ objects: start.finished, records: skippedRecords }, completed),
                    };
                },
            };
        },
    };
}
/** The table by identity: a table deleted and created again under its name is another. */
function tableIdentity(table) {
    return {
        arn: table.TableArn ?? '',
        ...(table.TableId === undefined ? {} : { id: table.TableId }),
        created: table.CreationDateTime?.toISOString() ?? '',
    };
}

;// CONCATENATED MODULE: ./src/direct/import.ts
// The direct import and validate: source objects -> decode -> check -> sink
// (a table, or a count for validate). Every record is either acknowledged by
// the sink or rejected with its location and reason in the ledger; a failure
// or a cancel after the work started still reports exact counts and flushes
// the rejected items.




















async function runImport(plan, deps, engineReason) {
    const started = deps.now();
    // The rejected-items place is checked (never overwritten, no symlink followed) before anything else;
    // one an earlier run of a resumed import filled is settled once its checkpoint is read.
    const checked = await prepareRejects(plan.rejectedItems, deps).then((file) => ({ file }), (error) => ({ error }));
    if ('error' in checked && (plan.mode !== 'import' || plan.resume === 'never'))
        throw checked.error;
    const opened = await openSource(plan.source.location, deps.s3, readGuard(deps));
    const { store } = opened;
    // Everything about the source is settled before a table is touched.
    const source = await resolveSource(opened);
    logSource(source, store, opened.prefix, deps);
    const breaker = new Breaker(deps.now);
    const retry = { ...deps, breaker };
    const reading = {
        format: source.export?.format ?? plan.source.format,
        compression: source.export === undefined ? plan.source.compression : 'auto',
        ...(plan.source.csv === undefined ? {} : { csv: plan.source.csv }),
    };
    const checkpoint = plan.mode === 'import'
        ? await openImportCheckpoint(plan, source, store.describe(opened.prefix), reading, deps)
        : undefined;
    const rejects = 'file' in checked
        ? checked.file
        : await prepareRejects(rejectsAfter(plan.rejectedItems, checkpoint, checked.error), deps);
    // A resumed import writes into the table its earlier runs created or emptied, as it is.
    const target = await findTargetTable(plan, retry, checkpoint?.resuming === true);
    const options = { ...reading, keys: keyChecksFrom(target.keys) };
    // Validate reports every record; an import refuses a source it cannot read before touching the table.
    if (plan.mode === 'import') {
        await checkSample(store, source, options, plan.tableName);
        const bytes = source.objects.reduce((sum, o) => sum + o.size, 0);
        const estimate = importEstimate(bytes, source.export?.itemCount, options.compression !== 'NONE');
        logEstimate(estimate, 'write', deps.meter?.budget, plan.waiting.timeoutMs, deps);
    }
    const ledger = new Ledger(rejects, deps.workspace);
    const where = () => ({ durationSeconds: (deps.now() - started) / 1000, source: store.describe(opened.prefix) });
    // Cancelled before the table was touched, or while it was being created or emptied: what was done is said.
    const cancelled = (note) => {
        const outcome = { failure: undefined, cancelled: true };
        const done = { rejectedItems: undefined, ...where() };
        const result = importResult(plan, engineReason, { TableName: plan.tableName }, ledger, newSinkStats(), outcome, done);
        return { ...result, note };
    };
    if (deps.signal?.aborted)
        return cancelled('Nothing was created, emptied or written.');
    const tracking = checkpoint?.start({ ledger, rejects });
    // Saved before the table is created and once it is ready: a run killed at once is resumed, not refused.
    if (target.creates === true)
        await tracking?.table(null);
    let table;
    try {
        table = await target.prepare();
    }
    catch (error) {
        if (error instanceof errors/* TransferError */.aG && error.code === 'CANCELLED' && deps.signal?.aborted)
            return cancelled(error.message);
        throw error;
    }
    await tracking?.table(table);
    const sink = plan.mode === 'import'
        ? new BatchWriter({
            dynamodb: deps.dynamodb,
            table: plan.tableName,
            keyNames: primaryKeyNames(table),
            concurrency: plan.concurrency,
            deps: retry,
            // The rejection carries its origin, ticket included.
            onRejected: (r) => ledger.queue(r, checkpoint?.rejectedBefore(r) === true),
            ...(checkpoint && { onSettled: checkpoint.settled }),
        })
        : new CountingSink();
    deps.phase(plan.mode === 'import' ? 'Import' : 'Validate');
    const progress = new Progress({
        verb: plan.mode === 'import' ? 'Imported' : 'Checked',
        log: deps.log,
        now: deps.now,
        total: source.export?.itemCount,
    });
    let failure;
    let everythingRead = true;
    const pipeline = { sink, ledger, progress, deps };
    try {
        for (const [index, object] of source.objects.entries()) {
            if (tracking !== undefined && index < tracking.firstObject)
                continue;
            const track = tracking?.object(index, object);
            let read = !deps.signal?.aborted && (await importObject(store, object, options, { ...pipeline, ...(track && { track }) }));
            // The checkpoint claimed more records than the object holds: nothing of it is trusted.
            if (read && track?.shorter) {
                const again = tracking?.object(index, object, true);
                read = await importObject(store, object, options, { ...pipeline, ...(again && { track: again }) });
            }
            if (!read) {
                everythingRead = false;
                break;
            }
        }
        await sink.flush();
    }
    catch (error) {
        // A cancel during a read (Aborted): the object was not read to its end.
        if (error instanceof Aborted)
            everythingRead = false;
        else
            failure = asTransferError(error);
        // What is still in flight lands or fails before anything is counted.
        await sink.settle();
    }
    let rejectsClosed = true;
    const rejectedItems = await ledger.close().catch((error) => {
        failure ??= new errors/* TransferError */.aG('WRITE_FAILED', `The rejected items could not be written: ${String(error)}`);
        rejectsClosed = false;
        return undefined;
    });
    const completed = everythingRead && failure === undefined && sink.stats.abandoned === 0;
    const checkpointReport = await tracking?.finish(completed, rejectsClosed);
    deps.phase('Counts');
    // A cancel that came after the last write changed nothing: the import completed.
    const cut = !everythingRead || sink.stats.abandoned > 0;
    const outcome = { failure, cancelled: deps.signal?.aborted === true && cut && failure === undefined };
    const result = importResult(plan, engineReason, table, ledger, sink.stats, outcome, { rejectedItems, ...where() });
    deps.log(result.note ?? '');
    const warnings = [
        ...importWarnings(source.objects, store, sink.stats.duplicateKeys, ledger.annotationsDropped),
        ...(tracking?.warnings ?? []),
    ];
    return {
        ...result,
        ...(warnings.length > 0 && { warnings }),
        ...(checkpointReport && { checkpoint: checkpointReport, resumed: checkpointReport.resumed }),
    };
}
/** One object through the decoder into the sink; stops between batches when the step is cancelled. Also a chain's full export (src/restore/). */
async function importObject(store, object, options, { sink, ledger, progress, deps, track }) {
    const name = store.describe(object.key);
    const input = await openObject(store, object, deps.tempDir, options, deps.signal);
    if ('damaged' in input) {
        ledger.processed += input.damaged.items;
        const before = track?.rejectedWhole(input.damaged.items) === true;
        await ledger.reject({ code: input.damaged.code, message: input.damaged.message, object: name }, input.damaged.items, before);
        track?.objectRead(Number.POSITIVE_INFINITY);
        return true;
    }
    const stats = newStats();
    // A sink that takes items as bytes gets DynamoDB JSON passed through, checked but never built.
    const putRaw = sink.putRaw?.bind(sink);
    const batches = putRaw === undefined ? decodeObject(input.chunks, options, stats) : decodeObjectRaw(input.chunks, options, stats);
    let records = 0;
    try {
        for await (const batch of batches) {
            for (const record of batch) {
                // A cancel stops at the next record: what is read after it is not handed on.
                if (deps.signal?.aborted)
                    break;
                const index = records++;
                // Done by an earlier run: read past, neither counted nor written.
                if (track !== undefined && index < track.skip)
                    continue;
                ledger.processed += 1;
                if ('error' in record) {
                    // Rejected by an earlier run after its checkpoint's position and in its rejected-items file: counted, not written again.
                    const before = track?.passed(index) === true;
                    const { code, message, line, itemIndex } = record.error;
                    const rejected = {
                        ...(record.item && { item: record.item }),
                        ...(record.text !== undefined && { text: record.text }),
                        code,
                        message,
                        object: name,
                        ...(line === undefined ? {} : { line }),
                        ...(itemIndex === undefined ? {} : { itemIndex }),
                    };
                    await ledger.reject(rejected, 1, before);
                }
                else {
                    const origin = { object: name, line: record.line, itemIndex: record.itemIndex };
                    // The watermark's ticket: the checkpoint passes this record once DynamoDB has settled it.
                    const ticket = track?.issued(index);
                    if (ticket !== undefined)
                        origin.ticket = ticket;
                    // Waited for only when the sink gives something to wait for: most items just join a batch.
                    const wait = 'raw' in record
                        ? putRaw(record.raw, origin)
                        : sink.put(record.item, { ...origin, textLength: record.textLength });
                    if (wait !== undefined)
                        await wait;
                }
            }
            await ledger.drain();
            progress.update({ items: sink.stats.written, bytes: ledger.bytes + stats.bytes, errors: ledger.errors });
            if (deps.signal?.aborted)
                return false;
            track?.batchDone();
        }
        track?.objectRead(records);
        return true;
    }
    finally {
        ledger.bytes += stats.bytes;
        ledger.annotationsDropped += stats.annotationsDropped;
        await input.remove();
    }
}
function logSource(source, store, prefix, deps) {
    if (source.export !== undefined) {
        deps.log(`The source is an export (${source.export.folder}): reading the ${source.objects.length} data file(s) its manifest lists, ${source.export.format}.`);
    }
    else {
        deps.log(`Reading ${source.objects.length} object(s) under ${store.describe(prefix)}.`);
    }
    for (const note of source.notes)
        deps.log(note);
}
/** The first records of the first object, before the table is created or emptied. */
async function checkSample(store, source, options, tableName) {
    const first = source.objects[0];
    if (first === undefined)
        return;
    const sample = await sampleObject(store, first, options);
    const consequence = `Table ${tableName} was not created, emptied or written.`;
    refuseUnreadable(sample, store.describe(first.key), `${options.format} (${options.compression})`, consequence);
}
function asTransferError(error) {
    if (error instanceof errors/* TransferError */.aG)
        return error;
    const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return new errors/* TransferError */.aG('WRITE_FAILED', text);
}

;// CONCATENATED MODULE: ./src/verify/source-side.ts
// The source's side, read exactly as an import reads it: the same objects
// (an export through its manifest, each data file checked against its MD5),
// the same decoders and item checks, one object after another in order (so
// the last record of a key is the one compared, as an import writes it).
// Items go to their partition files instead of a table; records an import
// would reject are counted in the ledger, with their location.




/** Items the source reads between two looks at the table's progress. */
const PACE_STEP = 500;
/** Items to partition files, as DynamoDB JSON: the form the table's side has. */
class PartitionSink {
    stats = newSinkStats();
    writer;
    keyNames;
    pace;
    constructor(writer, keyNames, pace) {
        this.writer = writer;
        this.keyNames = keyNames;
        this.pace = pace;
    }
    async put(item) {
        const json = toDynamoJsonMap(item);
        this.writer.add(keyText(json, this.keyNames), JSON.stringify(json));
        this.stats.written += 1;
        await this.writer.drain();
        if (this.stats.written % PACE_STEP === 0)
            await this.pace.step('source', PACE_STEP);
    }
    async delete() {
        throw new Error('A verify source holds items, not deletes');
    }
    async flush() {
        await this.writer.drain();
    }
    async settle() { }
}
async function readIntoPartitions(store, source, options, keyNames, writer, ledger, progress, pace, deps) {
    const sink = new PartitionSink(writer, keyNames, pace);
    for (const object of source.objects) {
        if (deps.signal?.aborted)
            return;
        await importObject(store, object, options, { sink, ledger, progress, deps });
    }
    await sink.flush();
}

;// CONCATENATED MODULE: ./src/storage/open.ts
// Opens the store an export writes into: an S3 prefix, or a local folder
// (created as needed).


function openDestination(location, s3, options = {}) {
    if (location.kind === 's3') {
        return {
            store: new S3Store(s3, location.bucket, {
                ...options,
                ...(location.owner === undefined ? {} : { owner: location.owner }),
            }),
            prefix: location.prefix,
        };
    }
    return { store: new LocalStore(location.path), prefix: '' };
}

;// CONCATENATED MODULE: ./src/direct/data-files.ts
// Writes a stream of Scan or Query pages into an export's data files: encoded,
// compressed, hashed on the way, streamed into the store, and rolled over to a
// new file at a size limit. Returns the manifest entry of each file.




/**
 * Items are encoded this many bytes at a time: the compressor reads one chunk
 * ahead, and a chunk the size of a whole page would hold two pages per segment.
 */
const CHUNK_BYTES = 64 * 1024;
/**
 * Writes every page the iterator gives (each item's DynamoDB JSON, as
 * DynamoDB sent it); at least one file, even when there are no items (as AWS
 * does). A file rolls over between pages.
 */
async function writeDataFiles(pages, options, totals) {
    const encode = options.format === 'ION' ? ionLines : dynamoJsonLines;
    const entries = [];
    // A file is started only once its first page is in hand, so none ends up empty but the one AWS writes.
    let ahead = await pages.next();
    let done = ahead.done === true;
    if (done && options.emptyFile === false)
        return entries;
    do {
        const key = dataFileKey(options.paths, options.format, options.compression);
        let count = 0;
        async function* encoded() {
            let size = 0;
            while (size < options.maxBytes) {
                const next = ahead ?? (await pages.next());
                ahead = undefined;
                if (next.done) {
                    done = true;
                    return;
                }
                for (const group of groups(next.value)) {
                    const chunk = encode(group);
                    size += chunk.byteLength;
                    yield chunk;
                }
                count += next.value.length;
                totals.items += next.value.length;
            }
        }
        async function* counted(chunks) {
            for await (const chunk of chunks) {
                totals.bytes += chunk.byteLength;
                yield chunk;
            }
        }
        const md5 = new Md5Tracker();
        const written = await options.store.write(key, counted(md5.track(compress(encoded(), options.compression))));
        const entry = { itemCount: count, md5Checksum: md5.base64(), etag: written.etag, dataFileS3Key: key };
        entries.push(entry);
        await options.onFile?.(entry);
        if (!done) {
            ahead = await pages.next();
            done = ahead.done === true;
        }
    } while (!done);
    return entries;
}
/** Consecutive runs of items of about CHUNK_BYTES each. */
function* groups(items) {
    let start = 0;
    let bytes = 0;
    for (let i = 0; i < items.length; i++) {
        bytes += items[i].length;
        if (bytes >= CHUNK_BYTES) {
            yield items.slice(start, i + 1);
            start = i + 1;
            bytes = 0;
        }
    }
    if (start < items.length)
        yield items.slice(start);
}

;// CONCATENATED MODULE: ./src/direct/export-checkpoint.ts
// An unfinished direct export's checkpoint, AWSDynamoDB/<exportId>/_checkpoint.json:
// what the export was asked for, where each scan segment stands after its
// last complete and stored data file, and those files with their item counts
// and MD5s. Written whole (a single PutObject, or a local file renamed into
// place) after each data file, read back by the next run to continue.

const CHECKPOINT_NAME = '_checkpoint.json';
/** Far above what a checkpoint of thousands of data files takes; a larger file is not ours. */
const CHECKPOINT_MAX_BYTES = 32 * 1024 * 1024;
function exportRequest(plan, table) {
    return {
        tableName: table.TableName ?? '',
        tableArn: table.TableArn ?? '',
        tableId: table.TableId ?? '',
        tableCreated: table.CreationDateTime?.toISOString() ?? '',
        format: plan.format,
        compression: plan.compression,
        expressions: JSON.stringify(plan.expressions ?? {}),
    };
}
/** The checkpoint of an export just started: every segment at its start, no file yet. */
function freshCheckpoint(request, exportId, startTime, exportTime, segments) {
    return {
        version: 1,
        exportId,
        ...request,
        startTime,
        exportTime: exportTime.toISOString(),
        segments: Array.from({ length: segments }, () => ({ lastEvaluatedKey: null, done: false })),
        files: [],
    };
}
function sumItems(files) {
    return files.reduce((sum, file) => sum + file.itemCount, 0);
}
/** A checkpoint that cannot be used, and why, in words for the log. */
class CheckpointRefused extends Error {
    /** `other-table`: not this table's export at all, so not a reason to say "starting over". */
    kind;
    constructor(kind, message) {
        super(message);
        this.name = 'CheckpointRefused';
        this.kind = kind;
    }
}
/**
 * The checkpoint, checked: it parses, it is of this table and this request,
 * its segments agree with its files, and every file it names is a data file
 * directly inside this export's data/ folder. The files' content is checked
 * by the caller, against the store.
 */
function export_checkpoint_parseCheckpoint(text, paths, request) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (error) {
        throw new CheckpointRefused('unusable', `it is not valid JSON (${error.message})`);
    }
    const c = value;
    if (typeof c !== 'object' || c === null || c.version !== 1 || !Array.isArray(c.segments) || !Array.isArray(c.files))
        throw new CheckpointRefused('unusable', 'it is not a checkpoint of this version (no version 1, segments or files)');
    if (c.tableName !== request.tableName ||
        c.tableArn !== request.tableArn ||
        c.tableId !== request.tableId ||
        c.tableCreated !== request.tableCreated) {
        throw new CheckpointRefused('other-table', `it is of table ${JSON.stringify(c.tableName)} (${JSON.stringify(c.tableArn)}${c.tableCreated ? `, created ${c.tableCreated}` : ''}, id ${JSON.stringify(c.tableId)}), not this one`);
    }
    for (const name of ['format', 'compression', 'expressions']) {
        if (c[name] !== request[name])
            throw new CheckpointRefused('unusable', `it was written with ${name} ${c[name]}, and this run asks for ${request[name]}`);
    }
    const folderId = paths.folder.split('/').at(-2);
    if (c.exportId !== folderId)
        throw new CheckpointRefused('unusable', `it names export ${c.exportId}, not ${folderId}`);
    if (typeof c.startTime !== 'string' || typeof c.exportTime !== 'string')
        throw new CheckpointRefused('unusable', 'it has no startTime or exportTime');
    const count = c.segments.length;
    if (count < 1 || count > 256)
        throw new CheckpointRefused('unusable', `it has ${count} segments, not 1 to 256`);
    for (const [i, s] of c.segments.entries()) {
        const key = s?.lastEvaluatedKey;
        if (typeof s?.done !== 'boolean' || (key !== null && (typeof key !== 'object' || Array.isArray(key))))
            throw new CheckpointRefused('unusable', `segment ${i} has no done flag or a lastEvaluatedKey that is not a key`);
    }
    const seen = new Set();
    for (const f of c.files)
        checkFile(f, paths, count, seen);
    checkSegmentsAgainstFiles(c);
    return c;
}
/**
 * A segment's position is saved only with a data file of it (one, empty, at
 * least for a segment that ends without items): a segment marked done, or
 * moved on, without any file claims work no run did, and one with files but
 * at its start would read them again.
 */
function checkSegmentsAgainstFiles(c) {
    const withFiles = new Set(c.files.map((f) => f.segment));
    for (const [i, s] of c.segments.entries()) {
        const has = withFiles.has(i);
        if (s.done && !has)
            throw new CheckpointRefused('unusable', `segment ${i} is marked done but has no data file`);
        if (!s.done && s.lastEvaluatedKey !== null && !has)
            throw new CheckpointRefused('unusable', `segment ${i} has a position but no data file`);
        if (!s.done && s.lastEvaluatedKey === null && has)
            throw new CheckpointRefused('unusable', `segment ${i} has data files but is at its start`);
    }
}
function checkFile(f, paths, segments, seen) {
    const key = f?.dataFileS3Key;
    if (typeof key !== 'string')
        throw new CheckpointRefused('unusable', 'a data file has no dataFileS3Key');
    const name = key.startsWith(paths.dataFolder) ? key.slice(paths.dataFolder.length) : '';
    const why = unsafeKey(key);
    if (why !== undefined || name === '' || name.includes('/'))
        throw new CheckpointRefused('unusable', `it names data file ${JSON.stringify(key)}, which is not a file directly inside ${paths.dataFolder}${why === undefined ? '' : ` (${why})`}`);
    if (seen.has(key))
        throw new CheckpointRefused('unusable', `it names data file ${key} twice`);
    seen.add(key);
    if (!Number.isSafeInteger(f.itemCount) ||
        (f.itemCount ?? -1) < 0 ||
        typeof f.md5Checksum !== 'string' ||
        typeof f.etag !== 'string' ||
        !Number.isInteger(f.segment) ||
        (f.segment ?? -1) < 0 ||
        (f.segment ?? segments) >= segments)
        throw new CheckpointRefused('unusable', `data file ${key} has no item count, MD5, ETag or segment of its export`);
}
/**
 * Keeps the checkpoint of the export being written: each data file is added
 * with where its segment then stood, and the whole checkpoint is written
 * again, one write at a time and in order, so the last one written is the
 * newest.
 */
class CheckpointKeeper {
    write;
    state;
    writing = Promise.resolve();
    constructor(initial, write) {
        this.write = write;
        this.state = structuredClone(initial);
    }
    get files() {
        return this.state.files;
    }
    /** Where each segment starts: from the checkpoint, or from the beginning. */
    positions() {
        return this.state.segments.map((s) => ({ lastEvaluatedKey: s.lastEvaluatedKey ?? undefined, done: s.done }));
    }
    /** A data file is complete and stored: record it with where its segment stands now. */
    fileDone(segment, entry, position) {
        this.state.files.push({ ...entry, segment });
        this.state.segments[segment] = { lastEvaluatedKey: position.lastEvaluatedKey ?? null, done: position.done };
        return this.save();
    }
    /** Writes the checkpoint as it is now, after any write under way. */
    save() {
        const text = `${JSON.stringify(this.state)}\n`;
        this.writing = this.writing.then(() => this.write(text)).then(() => undefined);
        return this.writing;
    }
}

;// CONCATENATED MODULE: ./src/direct/export-resume.ts
// Finds the unfinished direct export a run continues (`resume: auto`): under
// the destination's prefix, the newest export folder of this table with a
// `_started` and a checkpoint and no manifest-summary.json. Its checkpoint is
// checked (see export-checkpoint.ts), and so is every data file it names
// (there, the same size, the same MD5) and every segment's position (DynamoDB
// takes it as a start key of that segment); what a killed run left beside them
// (a data file it did not finish, a multipart upload) is removed. A folder
// that fails a check is left as it is, and the export starts over.



/** Keys listed under AWSDynamoDB/ at most, to find unfinished exports. */
const LIST_LIMIT = 1_000_000;
function checkpointKey(paths) {
    return `${paths.folder}${CHECKPOINT_NAME}`;
}
/** The export to continue, or undefined (each folder passed over is said in the log). */
async function findResumePoint(store, prefix, request, log, check) {
    let candidates;
    try {
        candidates = await unfinishedExports(store, prefix);
    }
    catch (error) {
        // Without s3:ListBucket an export still works; it only cannot be continued.
        log(`Could not look for an unfinished export to continue, so a new one starts: ${error.message}`);
        return undefined;
    }
    for (const exportId of candidates) {
        const paths = exportPaths(prefix, exportId);
        try {
            const checkpoint = await readCheckpoint(store, paths, request);
            await checkDataFiles(store, paths, checkpoint);
            const refused = check === undefined ? undefined : await checkPositions(checkpoint, check.probe);
            if (refused !== undefined) {
                check?.warn(`Not continuing the unfinished export ${exportId}, starting over: in its checkpoint ${store.describe(checkpointKey(paths))}, ${refused}. Its folder is left as it is; resume: never starts a new export without looking for one to continue.`);
                return undefined;
            }
            await removeLeftovers(store, paths, checkpoint, log);
            return { paths, checkpoint };
        }
        catch (error) {
            if (!(error instanceof CheckpointRefused))
                throw error;
            const where = store.describe(checkpointKey(paths));
            if (error.kind === 'other-table') {
                log(`Not continuing ${where}: ${error.message}.`);
                continue;
            }
            log(`Not continuing the unfinished export ${exportId}, starting over: ${where} cannot be used, as ${error.message}. Its folder is left as it is.`);
            return undefined;
        }
    }
    return undefined;
}
/** The log line of a continued export: what the earlier runs did, and what is left. */
function continuing(checkpoint, folder) {
    const left = checkpoint.segments.filter((s) => !s.done).length;
    const items = sumItems(checkpoint.files).toLocaleString('en-US');
    return `Continuing the unfinished export ${checkpoint.exportId} in ${folder} (resume: auto): ${checkpoint.files.length} data file(s) with ${items} item(s) were finished by an earlier run; ${left} of ${checkpoint.segments.length} segment(s) left.`;
}
/** The summary's sentence on a continued export: what earlier runs had done. */
function continuedNote(checkpoint, items) {
    return `This run continued the unfinished export ${checkpoint.exportId} (resume: auto): its ${checkpoint.files.length} data file(s) with ${items.toLocaleString('en-US')} item(s) from earlier runs were checked against their MD5s and kept.`;
}
/**
 * Each unfinished segment's position, tried as its start key (one item read
 * each): a key DynamoDB refuses would fail every run of the step.
 */
async function checkPositions(checkpoint, probe) {
    const total = checkpoint.segments.length;
    for (const [i, segment] of checkpoint.segments.entries()) {
        if (segment.done || segment.lastEvaluatedKey === null)
            continue;
        const refused = await probe(i, total, segment.lastEvaluatedKey);
        if (refused !== undefined)
            return `segment ${i} of ${total} stands at ${JSON.stringify(segment.lastEvaluatedKey)}, which DynamoDB refuses as a start key of that segment (${refused})`;
    }
    return undefined;
}
/** Export ids with a _started and a checkpoint and no manifest-summary.json, newest first. */
async function unfinishedExports(store, prefix) {
    const root = exportPaths(prefix, 'x').folder.slice(0, -'x/'.length);
    const found = new Map();
    for await (const object of store.list(root, LIST_LIMIT)) {
        const [id, name, ...rest] = object.key.slice(root.length).split('/');
        if (id === undefined || name === undefined || rest.length > 0 || !EXPORT_ID.test(id))
            continue;
        const names = found.get(id) ?? new Set();
        names.add(name);
        found.set(id, names);
    }
    return [...found]
        .filter(([, n]) => n.has('_started') && n.has(CHECKPOINT_NAME) && !n.has('manifest-summary.json'))
        .map(([id]) => id)
        .sort()
        .reverse();
}
async function readCheckpoint(store, paths, request) {
    let text;
    try {
        text = await store.readText(checkpointKey(paths), CHECKPOINT_MAX_BYTES);
    }
    catch (error) {
        throw new CheckpointRefused('unusable', `it could not be read (${error.message})`);
    }
    if (text === undefined)
        throw new CheckpointRefused('unusable', 'it is gone');
    return export_checkpoint_parseCheckpoint(text, paths, request);
}
/** Every data file the checkpoint names is there with its MD5 (read back in full: an S3 ETag of a multipart upload is no MD5). */
async function checkDataFiles(store, paths, checkpoint) {
    const sizes = new Map();
    for await (const object of store.list(paths.dataFolder, LIST_LIMIT))
        sizes.set(object.key, object.size);
    for (const file of checkpoint.files) {
        const size = sizes.get(file.dataFileS3Key);
        if (size === undefined)
            throw new CheckpointRefused('unusable', `data file ${file.dataFileS3Key} it names does not exist`);
        const md5 = new Md5Tracker();
        let read = 0;
        try {
            for await (const chunk of md5.track(store.read(file.dataFileS3Key, size)))
                read += chunk.byteLength;
        }
        catch (error) {
            throw new CheckpointRefused('unusable', `data file ${file.dataFileS3Key} could not be read (${error.message})`);
        }
        if (read !== size)
            throw new CheckpointRefused('unusable', `data file ${file.dataFileS3Key} gave ${read} of its ${size} bytes`);
        if (md5.base64() !== file.md5Checksum)
            throw new CheckpointRefused('unusable', `data file ${file.dataFileS3Key} has MD5 ${md5.base64()}, not the ${file.md5Checksum} it recorded`);
    }
}
/** Data files the checkpoint does not name (written when the run was killed), and unfinished multipart uploads. */
async function removeLeftovers(store, paths, checkpoint, log) {
    const named = new Set(checkpoint.files.map((f) => f.dataFileS3Key));
    const leftovers = [];
    for await (const object of store.list(paths.dataFolder, LIST_LIMIT)) {
        if (!named.has(object.key))
            leftovers.push(object.key);
    }
    for (const key of leftovers) {
        await store.delete(key).catch((error) => {
            throw new CheckpointRefused('unusable', `data file ${key}, which the stopped run had not finished, could not be removed (${error.message})`);
        });
    }
    if (leftovers.length > 0)
        log(`Removed ${leftovers.length} data file(s) the stopped run had not finished: ${leftovers.map((k) => store.describe(k)).join(', ')}`);
    if (store instanceof S3Store) {
        // An unfinished upload is in no listing, so it cannot end up in the export: one that cannot be aborted is only said.
        const aborted = await store.abortUploads(paths.folder).catch((error) => {
            log(`Could not abort the multipart uploads the stopped run left: ${error.message}`);
            return 0;
        });
        if (aborted === undefined)
            log(`The S3 server cannot list multipart uploads: any the stopped run left under ${store.describe(paths.folder)} stay until a lifecycle rule removes them.`);
        else if (aborted > 0)
            log(`Aborted ${aborted} multipart upload(s) the stopped run left unfinished.`);
    }
}

;// CONCATENATED MODULE: ./src/formats/json-members.ts
// Cuts one array member out of a JSON object without parsing it: the array's
// elements come back as views of the original bytes, and the object's other
// members as a small JSON object of their own. A Scan page's Items can then go
// to an export file byte for byte while only Count and LastEvaluatedKey are
// parsed.

class JsonCutError extends Error {
    constructor(reason, offset) {
        super(`${reason} at byte ${offset}`);
        this.name = 'JsonCutError';
    }
}
/** Splits `{"a":1,"Items":[{...},{...}],"b":{...}}` into the Items elements and `{"a":1,"b":{...}}`. */
function cutArrayMember(json, name) {
    const elements = [];
    const others = [];
    let i = skipSpace(json, 0);
    expect(json, i, json_bytes_OPEN_BRACE, 'expected an object');
    i = skipSpace(json, i + 1);
    while (json[i] !== json_bytes_CLOSE_BRACE) {
        expect(json, i, json_bytes_QUOTE, 'expected a member name');
        const memberStart = i;
        const nameEnd = json_members_stringEnd(json, i);
        const memberName = json.toString('utf8', i + 1, nameEnd - 1);
        i = skipSpace(json, nameEnd);
        expect(json, i, json_bytes_COLON, 'expected ":"');
        const valueStart = skipSpace(json, i + 1);
        const valueEnd = valueEndAt(json, valueStart);
        if (memberName === name) {
            expect(json, valueStart, json_bytes_OPEN_BRACKET, `expected "${name}" to be an array`);
            arrayElements(json, valueStart, elements);
        }
        else {
            others.push(json.subarray(memberStart, valueEnd));
        }
        i = skipSpace(json, valueEnd);
        if (json[i] === COMMA)
            i = skipSpace(json, i + 1);
        else
            expect(json, i, json_bytes_CLOSE_BRACE, 'expected "," or "}"');
    }
    const rest = Buffer.concat([
        Buffer.from('{'),
        ...others.flatMap((member, n) => (n === 0 ? [member] : [Buffer.from(','), member])),
        Buffer.from('}'),
    ]);
    return { elements, rest };
}
function arrayElements(json, start, into) {
    let i = skipSpace(json, start + 1);
    while (json[i] !== json_bytes_CLOSE_BRACKET) {
        const end = valueEndAt(json, i);
        into.push(json.subarray(i, end));
        i = skipSpace(json, end);
        if (json[i] === COMMA)
            i = skipSpace(json, i + 1);
        else
            expect(json, i, json_bytes_CLOSE_BRACKET, 'expected "," or "]"');
    }
}
/** Index just past the value that starts at `start`. */
function valueEndAt(json, start) {
    const first = json[start];
    if (first === json_bytes_QUOTE)
        return json_members_stringEnd(json, start);
    if (first !== json_bytes_OPEN_BRACE && first !== json_bytes_OPEN_BRACKET)
        return scalarEnd(json, start);
    let depth = 0;
    let i = start;
    while (i < json.length) {
        const byte = json[i];
        if (byte === json_bytes_QUOTE) {
            i = json_members_stringEnd(json, i);
            continue;
        }
        if (byte === json_bytes_OPEN_BRACE || byte === json_bytes_OPEN_BRACKET)
            depth += 1;
        else if ((byte === json_bytes_CLOSE_BRACE || byte === json_bytes_CLOSE_BRACKET) && --depth === 0)
            return i + 1;
        i += 1;
    }
    throw new JsonCutError('unterminated object or array', start);
}
/** Index just past the string whose opening quote is at `start`. */
function json_members_stringEnd(json, start) {
    let i = start + 1;
    while (i < json.length) {
        const byte = json[i];
        if (byte === json_bytes_QUOTE)
            return i + 1;
        i += byte === json_bytes_BACKSLASH ? 2 : 1;
    }
    throw new JsonCutError('unterminated string', start);
}
/** A number, true, false or null ends at the next delimiter or space. */
function scalarEnd(json, start) {
    let i = start;
    while (i < json.length && !isDelimiter(json[i]))
        i += 1;
    if (i === start)
        throw new JsonCutError('expected a value', start);
    return i;
}
function isDelimiter(byte) {
    return byte === COMMA || byte === json_bytes_CLOSE_BRACE || byte === json_bytes_CLOSE_BRACKET || json_members_isSpace(byte);
}
function json_members_isSpace(byte) {
    return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}
function skipSpace(json, start) {
    let i = start;
    while (json_members_isSpace(json[i]))
        i += 1;
    return i;
}
function expect(json, at, byte, reason) {
    if (json[at] !== byte)
        throw new JsonCutError(reason, at);
}

;// CONCATENATED MODULE: ./src/direct/raw-pages.ts
// Scan and Query pages whose items stay as the DynamoDB JSON bytes DynamoDB
// sent. The SDK would turn each 1 MB page into objects, eight pages at a time
// in a parallel export, only for the export to write them out again as the
// same DynamoDB JSON. A small middleware takes the body of a successful
// response before the SDK parses it, cuts the Items array out, and leaves the
// SDK the rest (Count, LastEvaluatedKey) to parse as usual. Error responses and
// retries go through the SDK untouched: only a whole 200 body is cut.



/** The size of a pooled page buffer: a 1 MB page of items, as JSON with its type names, and room to spare. */
const PAGE_BUFFER_BYTES = 2 * 1024 * 1024;
/** Buffers kept for use again, at most (an export never has more out at once than its limit). */
const POOLED_PAGES = 64;
/**
 * Page bodies used again once their items are written out, and how many
 * pages may be out at once. A page is held while its items are encoded and
 * compressed, long enough for the collector to move it to the old
 * generation, whose buffers it frees only at a full collection: a new buffer
 * per page held up to ~100 MB of read pages outside the heap at the client's
 * ceiling. A page larger than a pooled buffer gets one of its own.
 */
class PageBuffers {
    free = [];
    out = 0;
    waiting = [];
    /** Pages being read or held, at most. */
    limit;
    constructor(limit = Number.POSITIVE_INFINITY) {
        this.limit = limit;
    }
    /** Waits for room for one more page; the function it gives frees that room (once, however often it is called). */
    async reserve() {
        if (this.out >= this.limit)
            await new Promise((resolve) => this.waiting.push(resolve));
        else
            this.out += 1;
        let freed = false;
        return () => {
            if (freed)
                return;
            freed = true;
            // The room passes straight to the next one waiting, if any.
            const next = this.waiting.shift();
            if (next === undefined)
                this.out -= 1;
            else
                next();
        };
    }
    take(length) {
        if (length > PAGE_BUFFER_BYTES)
            return Buffer.allocUnsafeSlow(length);
        const memory = this.free.pop() ?? Buffer.allocUnsafeSlow(PAGE_BUFFER_BYTES).buffer;
        return Buffer.from(memory, 0, length);
    }
    give(page) {
        if (page.buffer.byteLength === PAGE_BUFFER_BYTES && this.free.length < POOLED_PAGES)
            this.free.push(page.buffer);
    }
}
/** A cancel abandons the page on the wire: a read is safe to drop, and a loaded endpoint may take a minute. */
function scanRaw(client, input, signal, buffers) {
    return sendRaw(client, new dist_cjs/* ScanCommand */.Zy5(input), signal, buffers);
}
function queryRaw(client, input, signal, buffers) {
    return sendRaw(client, new dist_cjs/* QueryCommand */.sfZ(input), signal, buffers);
}
async function sendRaw(client, command, signal, buffers) {
    // Set by the last attempt that got a 200; earlier attempts are overwritten.
    let items;
    let body;
    // The middleware touches only the HTTP response, the same for both commands.
    command.middlewareStack.add((next) => async (args) => {
        const result = await next(args);
        const response = result.response;
        if (response.statusCode === 200) {
            const length = Number(response.headers?.['content-length'] ?? Number.NaN);
            body = await bodyBytes(response.body, length, buffers);
            const cut = cutArrayMember(body, 'Items');
            items = cut.elements;
            response.body = cut.rest;
        }
        return result;
    }, 
    // Inside the SDK's deserializer, so it sees the raw HTTP response first.
    { step: 'deserialize', priority: 'low', name: 'rawItemsMiddleware' });
    const output = await client.send(command, signal === undefined ? {} : { abortSignal: signal });
    const received = items ?? [];
    if (received.length !== (output.Count ?? 0)) {
        const operation = command instanceof dist_cjs/* ScanCommand */.Zy5 ? 'Scan' : 'Query';
        throw new Error(`A ${operation} page said Count ${output.Count} but held ${received.length} items`);
    }
    const whole = body;
    return {
        items: received,
        release: buffers === undefined || whole === undefined ? undefined : () => buffers.give(whole),
        lastEvaluatedKey: output.LastEvaluatedKey,
        consumed: output.ConsumedCapacity?.CapacityUnits,
        scanned: output.ScannedCount,
        attempts: sdkAttempts(output),
    };
}
/** The whole body; with its length known, read into one buffer instead of chunks joined afterwards. */
async function bodyBytes(body, length, buffers) {
    if (body instanceof Uint8Array)
        return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
    const chunks = [];
    const known = Number.isSafeInteger(length) && length >= 0;
    const whole = known ? (buffers?.take(length) ?? Buffer.allocUnsafe(length)) : undefined;
    let received = 0;
    for await (const chunk of body) {
        if (whole === undefined)
            chunks.push(chunk);
        else if (received + chunk.length <= length)
            chunk.copy(whole, received);
        received += chunk.length;
    }
    if (whole === undefined)
        return Buffer.concat(chunks);
    if (received !== length)
        throw new Error(`the response ended after ${received} of ${length} bytes`);
    return whole;
}

;// CONCATENATED MODULE: ./src/direct/segment-pages.ts
// The pages of one scan segment (or of the Query), as the export writes them
// into a data file, and what stops every segment of an export at once: a
// cancel or one segment's failure. A stopped segment ends its pages rather
// than throwing, so the data file being written is finished with exactly the
// items read.


/** Shared by the segments of one export: once the step is cancelled or one segment fails, every segment ends its file. */
class SegmentStop {
    failure;
    /** Set when a segment ended before its last page. */
    cut = false;
    signal;
    constructor(signal) {
        this.signal = signal;
    }
    /** Asked before each page: true when the segment must end now, cut short. */
    endsHere() {
        if (this.failure !== undefined || this.signal?.aborted === true)
            this.cut = true;
        return this.cut;
    }
    /** A segment's failure (a cancel is none): every segment ends at its next page. */
    fail(error) {
        this.cut = true;
        if (error instanceof Aborted)
            return;
        this.failure ??=
            error instanceof errors/* TransferError */.aG
                ? error
                : new errors/* TransferError */.aG('READ_FAILED', error instanceof Error ? `${error.name}: ${error.message}` : String(error));
    }
}
/**
 * One scan segment's pages (each item's DynamoDB JSON), from `position` when
 * given (a resumed export) and keeping it up to date. It ends, rather than
 * throws, when the step is cancelled or a read fails, so that the data file
 * being written is finished with exactly the items read.
 */
async function* readSegment(read, segment, segments, onPage, stop, position = { lastEvaluatedKey: undefined, done: false }) {
    let start = position.lastEvaluatedKey;
    const first = segment === 0 ? segments.firstPage : undefined;
    let page = start === undefined && !position.done ? first : undefined;
    if (page !== first)
        first?.release?.(); // segment 0 starts elsewhere: the page read to plan the segments is not used
    if (position.done)
        return;
    try {
        do {
            if (stop.endsHere())
                return;
            if (page === undefined) {
                try {
                    page = await read(segment, segments.count, start);
                }
                catch (error) {
                    stop.fail(error);
                    return;
                }
            }
            start = page.lastEvaluatedKey;
            // Set before the items are handed on: a file that ends after them ends at this key.
            position.lastEvaluatedKey = start;
            position.done = start === undefined;
            yield page.items;
            // Asked for the next page: the consumer is done with this one's items.
            page.release?.();
            page = undefined;
            onPage();
        } while (start !== undefined);
    }
    finally {
        // Ended early (a stop, or a consumer that gave up): the page held goes back too.
        page?.release?.();
    }
}

;// CONCATENATED MODULE: ./src/direct/segments.ts
// How many scan segments an export reads in parallel: enough for the table's
// size, never more than `concurrency`, and one for a table that fits in a
// single page, so a five-item table is one data file, not sixteen mostly
// empty ones.
/** Bytes of table per segment: each segment reads a few 1 MB pages at least. */
const SEGMENT_BYTES = 4 * 1024 * 1024;
async function planSegments(table, plan, read) {
    if (plan.expressions?.keyCondition !== undefined)
        return { count: 1 }; // a Query has no segments
    const size = table.TableSizeBytes ?? 0;
    if (size >= SEGMENT_BYTES)
        return { count: Math.min(plan.concurrency, Math.ceil(size / SEGMENT_BYTES)) };
    // DescribeTable's size is up to six hours old: a small or empty figure is checked with one page.
    const first = await read(0, 1, undefined);
    if (first.lastEvaluatedKey === undefined)
        return { count: 1, firstPage: first };
    first.release?.(); // read again by the segments
    return { count: plan.concurrency };
}

;// CONCATENATED MODULE: ./src/direct/export.ts
// The direct export: parallel Scan (or a Query with key-condition-expression)
// into the layout AWS writes: _started, data files, manifest-files.json,
// manifest-summary.json and their .md5 files. A cancel or a failure stops
// every segment between pages, each finishing the data file it was writing;
// the result counts the items in those files, and without manifests the
// unfinished export is never taken for a whole one.


















/**
 * Scan pages being read or waiting to be written, across every segment, at
 * most: each is up to ~1.6 MB of JSON held outside the heap, so 64 segments'
 * pages alone would take 100 MB of the 200 MB budget. Two cores compress
 * about 100 MB of JSON a second, which 16 pages in flight supply even from
 * AWS (bench/README.md, "The export's pages"); more would only wait in memory.
 */
const PAGES_OUT = 16;
/** Uncompressed bytes per data file before a new one starts: what a stopped export redoes at most, per segment. */
const DATA_FILE_MAX_BYTES = 64 * 1024 * 1024;
async function runExport(plan, deps, engineReason) {
    if (plan.exportType.kind === 'INCREMENTAL_EXPORT') {
        throw new errors/* TransferError */.aG('INVALID_INPUT', 'export-type: INCREMENTAL_EXPORT is not supported by the direct engine in this version; use engine: managed on AWS, or a full export.');
    }
    const started = deps.now();
    const tableName = plan.table.name ?? '';
    const table = await describeTable(deps.dynamodb, tableName);
    if (table === undefined)
        throw new errors/* TransferError */.aG('TABLE_NOT_FOUND', `Table ${tableName} does not exist; nothing was exported.`);
    const meter = deps.meter ?? unmetered(plan.concurrency, deps.now);
    const retry = { ...deps, breaker: new Breaker(deps.now), meter };
    const full = plan.expressions?.keyCondition === undefined;
    if (full)
        logEstimate(exportEstimate(table.TableSizeBytes, table.ItemCount), 'read', meter.budget, plan.waiting.timeoutMs, deps);
    // The data files copy each page's items as they encode them: its buffer is used again for a later page.
    const reader = pageReader(plan, table, retry, new PageBuffers(PAGES_OUT));
    const { store, prefix } = openDestination(plan.destination, deps.s3, {
        spoolDir: deps.tempDir,
        ...(plan.encryption === undefined ? {} : { encryption: plan.encryption }),
    });
    const request = exportRequest(plan, table);
    const check = { probe: positionProbe(table, retry), warn: deps.warn };
    const resumed = plan.resume === 'auto' ? await findResumePoint(store, prefix, request, deps.log, check) : undefined;
    // A continued export keeps its id, times and segment count: its checkpoint's positions are of those segments.
    const segments = resumed === undefined ? await planSegments(table, plan, reader) : { count: resumed.checkpoint.segments.length };
    const exportTime = new Date(resumed?.checkpoint.exportTime ?? deps.now());
    const exportId = resumed?.checkpoint.exportId ?? newExportId(exportTime);
    const paths = exportPaths(prefix, exportId);
    const startTime = resumed?.checkpoint.startTime ?? new Date(started).toISOString();
    const keeper = new CheckpointKeeper(resumed?.checkpoint ?? freshCheckpoint(request, exportId, startTime, exportTime, segments.count), (text) => store.writeText(checkpointKey(paths), text));
    deps.phase('Export');
    if (resumed === undefined) {
        await store.writeText(paths.started, '');
        await keeper.save();
        deps.log(`Exporting ${tableName} to ${store.describe(paths.folder)} (${plan.format}, ${plan.compression})`);
    }
    else {
        deps.log(continuing(resumed.checkpoint, store.describe(paths.folder)));
    }
    const earlier = sumItems(keeper.files);
    const totals = { items: earlier, bytes: 0 };
    const progress = new Progress({ verb: 'Exported', total: table.ItemCount, log: deps.log, now: deps.now });
    const maxBytes = deps.dataFileMaxBytes ?? DATA_FILE_MAX_BYTES;
    const options = { store, paths, format: plan.format, compression: plan.compression, maxBytes };
    const onPage = () => progress.update({ items: totals.items, bytes: totals.bytes, errors: 0 });
    const stop = new SegmentStop(deps.signal);
    const positions = keeper.positions();
    await Promise.allSettled(positions.map((position, segment) => {
        const pages = readSegment(reader, segment, segments, onPage, stop, position);
        const onFile = (entry) => keeper.fileDone(segment, entry, position);
        // A continued segment writes no empty file when its earlier files hold its items; every segment done has a file.
        const emptyFile = !keeper.files.some((f) => f.segment === segment);
        const segmentOptions = { ...options, onFile, emptyFile };
        return writeDataFiles(pages[Symbol.asyncIterator](), segmentOptions, totals)
            .catch((error) => {
            stop.fail(explain(error, `Writing a data file to ${store.describe(paths.dataFolder)}`, 'WRITE_FAILED'));
            throw error;
        })
            .finally(() => pages.return(undefined)); // a page still held goes back, for the segments waiting for room
    }));
    // Every segment has ended its data file, each recorded in the checkpoint; a failure or a cancel leaves no manifest.
    const entries = keeper.files.map(({ segment: _segment, ...entry }) => entry);
    // A cancel that came after the last page changed nothing: the export goes on to its manifests.
    if (stop.failure !== undefined || stop.cut) {
        const where = { folder: store.describe(paths.folder), files: entries, started };
        return unfinished(plan, engineReason, table, totals, where, deps, stop.failure, resumed !== undefined);
    }
    deps.phase('Counts');
    const manifestFiles = formatManifestFiles(entries);
    await store.writeText(paths.manifestFiles, manifestFiles);
    await store.writeText(paths.manifestFilesMd5, md5Base64(manifestFiles));
    const tableArn = table.TableArn ?? plan.table.arn ?? '';
    const summary = {
        version: '2020-06-30',
        exportArn: `${tableArn}/export/${exportId}`,
        startTime,
        endTime: new Date(deps.now()).toISOString(),
        tableArn,
        tableId: table.TableId ?? '',
        exportTime: exportTime.toISOString(),
        s3Bucket: plan.destination.kind === 's3' ? plan.destination.bucket : '',
        s3Prefix: prefix === '' ? null : prefix,
        s3SseAlgorithm: plan.encryption?.algorithm ?? null,
        s3SseKmsKeyId: plan.encryption?.kmsKeyId ?? null,
        manifestFilesS3Key: paths.manifestFiles,
        billedSizeBytes: 0,
        itemCount: sumItems(entries),
        outputFormat: plan.format,
        exportType: 'FULL_EXPORT',
    };
    const summaryText = formatManifestSummary(summary);
    await store.writeText(paths.manifestSummary, summaryText);
    await store.writeText(paths.manifestSummaryMd5, md5Base64(summaryText));
    // The export is whole: it ends as AWS's do, without a checkpoint (one left behind is harmless: the manifest wins).
    await store.delete(checkpointKey(paths)).catch((error) => {
        deps.warn(`The export is complete, but its checkpoint ${store.describe(checkpointKey(paths))} could not be removed: ${error.message}`);
    });
    deps.log(`Wrote ${entries.length} data file(s) with ${summary.itemCount.toLocaleString('en-US')} item(s) and the manifests`);
    return {
        mode: 'export',
        engine: 'direct',
        engineReason,
        status: 'COMPLETED',
        tableName,
        tableArn,
        source: `table ${tableName}`,
        destination: store.describe(paths.folder),
        itemCount: summary.itemCount,
        processedSizeBytes: totals.bytes,
        resumed: resumed !== undefined,
        exportManifest: store.describe(paths.manifestSummary),
        dataUrl: store.describe(paths.dataFolder),
        fileCount: entries.length,
        keySchema: keySchemaOf(table),
        exportFolder: folderLocation(plan.destination, paths.folder),
        durationSeconds: (deps.now() - started) / 1000,
        errors: [],
        note: `${resumed === undefined ? '' : `${continuedNote(resumed.checkpoint, earlier)} `}Each data file's MD5 is in manifest-files.json; an import checks them before using the items.`,
    };
}
/** The export's folder as a place to read it back from (`verify: true`). */
function folderLocation(destination, folder) {
    return destination.kind === 's3'
        ? { ...destination, prefix: folder }
        : { kind: 'local', path: (0,external_node_path_.join)(destination.path, folder) };
}
/**
 * What an export stopped by a cancel or a failure reports: the items in the
 * data files it finished, and no manifest, so no import takes the folder for
 * a whole export.
 */
function unfinished(plan, engineReason, table, totals, where, deps, failure, resumed) {
    const items = sumItems(where.files);
    const written = `${items.toLocaleString('en-US')} item(s) are in the ${where.files.length} data file(s) finished before the ${failure === undefined ? 'stop' : 'failure'}`;
    return {
        mode: 'export',
        engine: 'direct',
        engineReason,
        status: failure === undefined ? 'CANCELLED' : 'FAILED',
        ...(failure === undefined ? { aborted: true } : { failure: failure.shown }),
        tableName: table.TableName ?? plan.table.name ?? '',
        ...(table.TableArn === undefined ? {} : { tableArn: table.TableArn }),
        source: `table ${table.TableName}`,
        destination: where.folder,
        itemCount: items,
        processedSizeBytes: totals.bytes,
        fileCount: where.files.length,
        resumed,
        durationSeconds: (deps.now() - where.started) / 1000,
        errors: [],
        note: `${written}; ${where.folder} has no manifest, so no import takes it for a whole export. Its checkpoint lets the next run of this step continue it (resume: auto).`,
    };
}
/** One item of a segment read from a checkpoint's position: DynamoDB's ValidationException says the key is not of it. */
function positionProbe(table, deps) {
    return async (segment, total, key) => {
        const scan = new dist_cjs/* ScanCommand */.Zy5({
            TableName: table.TableName,
            Segment: segment,
            TotalSegments: total,
            ExclusiveStartKey: key,
            Limit: 1,
            ProjectionExpression: '#k',
            ExpressionAttributeNames: { '#k': primaryKeyNames(table)[0] ?? '' },
        });
        try {
            await withRetries(`Scan of ${table.TableName}`, () => deps.dynamodb.send(scan), deps);
            return undefined;
        }
        catch (error) {
            if (errorName(error) !== 'ValidationException')
                throw explain(error, `Scan of ${table.TableName}`, 'READ_FAILED');
            return `ValidationException: ${error.message}`;
        }
    };
}
/**
 * One page of a scan segment (or of the Query), with consistent reads, under
 * the one retry policy; a failure says what was read and why it failed.
 */
function pageReader(plan, table, deps, buffers) {
    const meter = deps.meter ?? unmetered(plan.concurrency, deps.now);
    const expressions = plan.expressions;
    const common = {
        TableName: table.TableName,
        ConsistentRead: true,
        ReturnConsumedCapacity: 'TOTAL',
        ...(expressions?.filter === undefined ? {} : { FilterExpression: expressions.filter }),
        ...(expressions?.projection === undefined ? {} : { ProjectionExpression: expressions.projection }),
        ...(expressions?.names === undefined ? {} : { ExpressionAttributeNames: expressions.names }),
        ...(expressions?.values === undefined ? {} : { ExpressionAttributeValues: expressions.values }),
    };
    const what = `${expressions?.keyCondition === undefined ? 'Scan' : 'Query'} of ${table.TableName}`;
    const sizer = new PageSizer(meter.budget, table, true);
    const read = async (segment, total, from) => {
        // Room for the page before it is asked for: the pages out at once are most of what an export holds.
        const free = await buffers?.reserve();
        try {
            const page = await readPage(segment, total, from);
            if (free === undefined)
                return page;
            const release = page.release;
            return {
                ...page,
                release: () => {
                    release?.();
                    free();
                },
            };
        }
        catch (error) {
            free?.();
            throw error;
        }
    };
    const readPage = async (segment, total, from) => {
        const limit = sizer.limit();
        const paging = { ExclusiveStartKey: from, ...(limit === undefined ? {} : { Limit: limit }) };
        const page = await meter.send('read', sizer.estimate(limit), async () => {
            const result = expressions?.keyCondition === undefined
                ? await scanRaw(deps.dynamodb, { ...common, ...paging, Segment: segment, TotalSegments: total }, deps.signal, buffers)
                : await queryRaw(deps.dynamodb, { ...common, ...paging, KeyConditionExpression: expressions.keyCondition }, deps.signal, buffers);
            return { result, consumed: result.consumed, attempts: result.attempts };
        });
        sizer.learn(page.consumed, page.scanned);
        return page;
    };
    return (segment, total, from) => withRetries(what, () => read(segment, total, from), deps).catch((error) => {
        throw explain(error, what, 'READ_FAILED');
    });
}

;// CONCATENATED MODULE: ./src/verify/table-side.ts
// The table's side: a parallel Scan with consistent reads, through the same
// raw pages, segments and retry policy as the direct export, each item's
// DynamoDB JSON (as DynamoDB sent it) into its partition file.





async function scanIntoPartitions(table, read, keyNames, writer, progress, pace, deps) {
    const plan = { concurrency: read.concurrency, ...(read.expressions && { expressions: read.expressions }) };
    const reader = pageReader(plan, table, deps);
    const segments = await planSegments(table, plan, reader);
    const totals = { items: 0, bytes: 0, segments: segments.count };
    const onPage = () => progress.update({ items: totals.items, bytes: totals.bytes, errors: 0 });
    // Segments end rather than throw when one fails or the step is cancelled; then the whole read stops.
    const stop = new SegmentStop(deps.signal);
    await Promise.all(Array.from({ length: segments.count }, async (_, segment) => {
        for await (const items of readSegment(reader, segment, segments, onPage, stop)) {
            for (const raw of items) {
                // Parsed only for its key; the bytes go to the file as they came.
                const item = JSON.parse(raw.toString('utf8'));
                writer.add(keyText(item, keyNames), raw);
                totals.bytes += raw.byteLength;
            }
            totals.items += items.length;
            await writer.drain();
            await pace.step('table', items.length);
        }
    }));
    if (stop.failure !== undefined)
        throw stop.failure;
    if (stop.cut)
        throw new Aborted();
    return totals;
}

;// CONCATENATED MODULE: ./src/verify/verify.ts
// A table compared with a source, item by item: both sides read at once into
// partition files under RUNNER_TEMP, then compared one partition at a time.
// Everything about the source and the differences file is settled before the
// first read; once the work has started, a failure or a cancel still reports
// exact counts, and the partition files are removed whatever happens.




















/** Items either side may read ahead of the other (see pace.ts): a few Scan pages. */
const PACE_LEAD = 20_000;
/** Uncompressed bytes per stored byte, to size partitions from compressed objects (DynamoDB JSON gzips about 8:1). */
const COMPRESSION_RATIO = 8;
/** DynamoDB JSON of an item per byte of DynamoDB's own size of it (TableSizeBytes). */
const JSON_RATIO = 2;
async function compareTable(job, deps) {
    const started = deps.now();
    const tableName = job.table.TableName ?? '';
    const opened = await openSource(job.source.location, deps.s3, readGuard(deps));
    const { store } = opened;
    const source = await resolveSource(opened);
    const against = source.export === undefined ? 'source' : 'export';
    const where = store.describe(opened.prefix);
    deps.log(source.export === undefined
        ? `Comparing table ${tableName} with the ${source.objects.length} object(s) under ${where}.`
        : `Comparing table ${tableName} with the export ${source.export.folder}: the ${source.objects.length} data file(s) its manifest lists, ${source.export.format}, each checked against its MD5.`);
    for (const note of source.notes)
        deps.log(note);
    const keyNames = primaryKeyNames(job.table);
    const options = {
        format: source.export?.format ?? job.source.format,
        compression: source.export === undefined ? job.source.compression : 'auto',
        keys: keyChecksFrom(job.table),
        ...(job.source.csv === undefined ? {} : { csv: job.source.csv }),
    };
    await verify_checkSample(store, source, options);
    const differences = await DifferencesFile.open(job.differences, keyNames, deps);
    // Counted, with their location, but written nowhere: `mode: validate` lists every one with its reason.
    const ledger = new Ledger({ add: async () => undefined, close: async () => undefined }, deps.workspace);
    const count = partitionCount((job.table.TableSizeBytes ?? 0) * JSON_RATIO, estimatedBytes(source, options));
    const seed = job.seed ?? (0,external_node_crypto_.randomBytes)(4).readUInt32LE(0);
    const dir = await (0,promises_.mkdtemp)((0,external_node_path_.join)(deps.tempDir, 'dynamodb-s3-transfer-verify-'));
    const counts = newCounts();
    let read = { items: 0, bytes: 0, segments: 0 };
    let failure;
    let differencesFile;
    try {
        deps.log(`Reading both sides into ${count} partition(s) under ${dir}, removed as they are compared.`);
        const sides = await readBothSides(job, { store, source, options, keyNames, ledger, dir, count, seed }, deps);
        read = sides.read;
        failure = sides.failure;
        if (failure === undefined && !deps.signal?.aborted && sides.pairs !== undefined) {
            deps.log(`Read ${verify_n(read.items)} item(s) from the table and ${verify_n(ledger.processed)} record(s) from the source; comparing ${count} partition(s).`);
            failure = await compareAll(sides.pairs, { dir, seed, differences, counts }, deps);
        }
    }
    finally {
        await (0,promises_.rm)(dir, { recursive: true, force: true });
        differencesFile = await differences.close().catch((error) => {
            failure ??= `WRITE_FAILED: The differences file could not be written: ${(0,errors/* failureMessage */.oh)(error)}`;
            return undefined;
        });
    }
    const cancelled = failure === undefined && deps.signal?.aborted === true;
    const verification = {
        status: failure !== undefined ? 'FAILED' : cancelled ? 'CANCELLED' : 'COMPLETED',
        ...(failure === undefined ? {} : { failure }),
        against,
        source: where,
        tableName,
        tableItems: read.items,
        sourceRecords: ledger.processed,
        unreadable: ledger.errors,
        duplicateKeys: counts.duplicateKeys,
        matched: counts.matched,
        missing: counts.missing,
        extra: counts.extra,
        different: counts.different,
        ...(differencesFile === undefined ? {} : { differences: differencesFile }),
        first: differences.samples,
        partitions: { done: counts.partitions, total: count },
        durationSeconds: (deps.now() - started) / 1000,
    };
    deps.log(verdict(verification));
    return { verification, ledger };
}
/**
 * The table and the source read at the same time, each into its partition
 * files; when one fails the other is stopped. The pairs of files, or why
 * there are none (a failure; or a cancel, which the signal says).
 */
async function readBothSides(job, sides, deps) {
    const stop = new AbortController();
    const onCancel = () => stop.abort();
    if (deps.signal?.aborted)
        stop.abort();
    deps.signal?.addEventListener('abort', onCancel, { once: true });
    const inner = { ...deps, signal: stop.signal };
    const tableWriter = new PartitionWriter(sides.dir, 'table', sides.count, sides.seed);
    const sourceWriter = new PartitionWriter(sides.dir, 'source', sides.count, sides.seed);
    const tableName = job.table.TableName ?? '';
    const tableProgress = new Progress({ verb: `Scanned ${tableName}:`, total: job.table.ItemCount, ...clock(deps) });
    const sourceProgress = new Progress({
        verb: 'Read from the source:',
        total: sides.source.export?.itemCount,
        ...clock(deps),
    });
    const stopOnFailure = (error) => {
        stop.abort();
        throw error;
    };
    const pace = new Pace(PACE_LEAD, stop.signal);
    const [table, source] = await Promise.allSettled([
        scanIntoPartitions(job.table, { concurrency: job.concurrency, ...(job.expressions && { expressions: job.expressions }) }, sides.keyNames, tableWriter, tableProgress, pace, { ...inner, breaker: new Breaker() })
            .catch(stopOnFailure)
            .finally(() => pace.finish('table')),
        readIntoPartitions(sides.store, sides.source, sides.options, sides.keyNames, sourceWriter, sides.ledger, sourceProgress, pace, inner)
            .catch(stopOnFailure)
            .finally(() => pace.finish('source')),
    ]);
    deps.signal?.removeEventListener('abort', onCancel);
    const read = table.status === 'fulfilled' ? table.value : { items: 0, bytes: 0, segments: 0 };
    const failed = [table, source].find((r) => r.status === 'rejected' && !(r.reason instanceof Aborted));
    if (failed !== undefined || stop.signal.aborted) {
        await Promise.all([tableWriter.abandon(), sourceWriter.abandon()]);
        const reason = failed?.status === 'rejected' ? failed.reason : undefined;
        return { read, ...(reason === undefined ? {} : { failure: readFailure(reason) }) };
    }
    const [tableFiles, sourceFiles] = await Promise.all([tableWriter.close(), sourceWriter.close()]);
    return { read, pairs: sourceFiles.map((s, i) => ({ source: s, table: tableFiles[i] ?? { path: '', bytes: 0 } })) };
}
/** The pairs compared in turn, differences to the file; why it stopped early, if it did. */
async function compareAll(pairs, context, deps) {
    let last = deps.now();
    try {
        await comparePartitions(pairs, {
            dir: context.dir,
            seed: context.seed,
            emit: (difference) => context.differences.add(difference),
            signal: deps.signal,
            onPartition: (counts) => {
                if (deps.now() - last < 10_000)
                    return;
                last = deps.now();
                deps.log(`Compared ${counts.partitions} of ${pairs.length} partition(s): ${verify_n(counts.matched)} matched, ${verify_n(counts.missing)} missing, ${verify_n(counts.extra)} extra, ${verify_n(counts.different)} different`);
            },
        }, context.counts);
        return undefined;
    }
    catch (error) {
        if (error instanceof Aborted)
            return undefined;
        return readFailure(error);
    }
}
/** The first records of the first object: a source none of which reads (wrong format or compression) is refused. */
async function verify_checkSample(store, source, options) {
    const first = source.objects[0];
    if (first === undefined)
        return;
    const sample = await sampleObject(store, first, options);
    refuseUnreadable(sample, store.describe(first.key), `${options.format} (${options.compression})`, 'Nothing was compared.');
}
/** The source's size once decompressed, roughly: objects that look compressed count eight times. */
function estimatedBytes(source, options) {
    const compressed = (key) => options.compression === 'GZIP' ||
        options.compression === 'ZSTD' ||
        (options.compression === 'auto' && !/\.(json|jsonl|ion|csv|txt)$/i.test(key));
    return source.objects.reduce((sum, o) => sum + o.size * (compressed(o.key) ? COMPRESSION_RATIO : 1), 0);
}
function readFailure(error) {
    if (error instanceof errors/* TransferError */.aG)
        return error.shown;
    const aws = error;
    if (aws.$metadata !== undefined)
        return (0,errors/* failureMessage */.oh)(error);
    const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return `READ_FAILED: ${text}`;
}
function clock(deps) {
    return { log: deps.log, now: deps.now };
}
const verify_n = (value) => value.toLocaleString('en-US');

;// CONCATENATED MODULE: ./src/verify/run.ts
// mode: verify, and `verify: true` after an import or export: the table is
// described first (its key schema is the one compared by), then compared with
// the source, and the result reported as a whole step's or beside the work's.




async function runVerify(plan, deps, engineReason) {
    const started = deps.now();
    const table = await describeTable(deps.dynamodb, plan.tableName);
    if (table === undefined) {
        throw new errors/* TransferError */.aG('TABLE_NOT_FOUND', `Table ${plan.tableName} does not exist; nothing was compared.`);
    }
    checkKeyInputs(plan, table);
    deps.phase('Verify');
    const { verification: v, ledger } = await compareTable({ table, source: plan.source, differences: plan.differences, concurrency: plan.concurrency }, deps);
    const notes = [];
    if (v.unreadable > 0) {
        notes.push(`${v.unreadable.toLocaleString('en-US')} source record(s) would be rejected by an import and were not compared (the first are listed above); mode: validate on the source writes every one, with its reason, to rejected-items.`);
    }
    if (v.status === 'CANCELLED')
        notes.push('Nothing was written but the differences found so far; run it again.');
    return {
        mode: 'verify',
        engine: 'direct',
        engineReason,
        status: v.status,
        ...(v.failure === undefined ? {} : { failure: v.failure }),
        ...(v.status === 'CANCELLED' ? { aborted: true } : {}),
        tableName: plan.tableName,
        ...(table.TableArn === undefined ? {} : { tableArn: table.TableArn }),
        source: v.source,
        itemCount: v.tableItems,
        processedItemCount: v.sourceRecords,
        errorCount: v.unreadable,
        processedSizeBytes: ledger.bytes,
        durationSeconds: (deps.now() - started) / 1000,
        errors: ledger.samples,
        ...(ledger.annotations.length > 0 && { annotations: ledger.annotations }),
        ...(ledger.annotationsOmitted > 0 && { annotationsOmitted: ledger.annotationsOmitted }),
        keySchema: keySchemaOf(table),
        verification: v,
        ...(notes.length > 0 && { note: notes.join(' ') }),
    };
}
/**
 * partition-key and sort-key, when given, must be the table's: verify
 * compares by the table's key, and a different one given means the wrong
 * table or the wrong source. Said before anything is read.
 */
function checkKeyInputs(plan, table) {
    if (plan.keys === undefined)
        return;
    const actual = keySchemaOf(table);
    const given = (key) => key === undefined ? undefined : `${key.name}:${key.type}`;
    const problems = [];
    const check = (input, value, real) => {
        if (value === real)
            return;
        const what = input === 'partition-key' ? 'partition key' : 'sort key';
        const shown = value === undefined ? 'is not set' : `is "${value}"`;
        problems.push({
            input,
            value: value ?? '',
            message: `Input "${input}" ${shown}, but table ${plan.tableName}'s ${what} is ${real ?? 'none'} (its key schema is ${actual.join(', ')}); verify compares by the table's key, so give the table's key schema, or neither partition-key nor sort-key. Nothing was read.`,
        });
    };
    check('partition-key', given(plan.keys.partition), actual[0]);
    check('sort-key', given(plan.keys.sort), actual[1]);
    if (problems.length > 0)
        throw new errors/* InputError */.dz(problems);
}
/**
 * `verify: true`: once an import or export has completed, the table compared
 * with the source or with the export just written. A comparison that cannot
 * run or finish fails the step, but the work's own result stands beside it.
 */
async function verifyAfter(plan, result, deps) {
    if (plan.verification === undefined)
        return result;
    const against = plan.mode === 'export' ? 'export' : 'source';
    const tableName = result.tableName ?? (plan.mode === 'import' ? plan.tableName : (plan.table.name ?? ''));
    if (result.status !== 'COMPLETED' || result.aborted === true || result.timedOut === true) {
        const skipped = `The comparison with the ${against} did not run, because the ${plan.mode} did not complete.`;
        return { ...result, note: [result.note, skipped].filter((t) => t !== undefined && t !== '').join(' ') };
    }
    deps.phase(`Verify: compare ${tableName} with the ${against}`);
    const started = deps.now();
    let verification;
    let capacity = result.capacity;
    try {
        const source = sourceOf(plan, result);
        const table = await describeTable(deps.dynamodb, tableName);
        if (table === undefined)
            throw new errors/* TransferError */.aG('TABLE_NOT_FOUND', `Table ${tableName} does not exist.`);
        const expressions = plan.mode === 'export' ? plan.expressions : undefined;
        // The comparison reads the table: under max-capacity too, as read units of its own.
        const meter = await meterFor(plan, 'read', tableName, deps);
        ({ verification } = await compareTable({
            table,
            source,
            ...(expressions && { expressions }),
            differences: plan.verification.differences,
            concurrency: plan.concurrency,
        }, { ...deps, meter }));
        capacity = addCapacity(capacity, meter.report());
    }
    catch (error) {
        const failure = (0,errors/* failureMessage */.oh)(error);
        deps.log(`The comparison could not run: ${failure}`);
        verification = notRun(against, tableName, failure, (deps.now() - started) / 1000);
    }
    return {
        ...result,
        status: verification.status === 'CANCELLED' ? 'CANCELLED' : result.status,
        verification,
        ...(capacity && { capacity }),
        durationSeconds: result.durationSeconds + verification.durationSeconds,
    };
}
/** What was just written (the export's folder, read by its manifest), or the import's source. */
function sourceOf(plan, result) {
    if (plan.mode === 'import')
        return plan.source;
    if (result.exportFolder === undefined) {
        throw new errors/* TransferError */.aG('EXPORT_INCOMPLETE', `The ${plan.mode} did not say where its export's folder is.`);
    }
    return { location: result.exportFolder, format: plan.format, compression: 'auto' };
}
function notRun(against, tableName, failure, seconds) {
    return {
        status: 'FAILED',
        failure,
        against,
        source: '',
        tableName,
        tableItems: 0,
        sourceRecords: 0,
        unreadable: 0,
        duplicateKeys: 0,
        matched: 0,
        missing: 0,
        extra: 0,
        different: 0,
        first: [],
        partitions: { done: 0, total: 0 },
        durationSeconds: seconds,
    };
}

;// CONCATENATED MODULE: ./src/direct/engine.ts
// The direct engine: this action reads and writes the data itself, within
// the capacity budget (max-capacity), settled here before any work.




async function runDirect(plan, deps, engineReason) {
    // Validate writes nothing and reads no table: nothing to meter.
    if (plan.mode === 'validate')
        return runImport(plan, deps, engineReason);
    const meter = plan.mode === 'import'
        ? await meterFor(plan, 'write', plan.tableName, deps, plan.tableParameters)
        : await meterFor(plan, 'read', plan.mode === 'export' ? (plan.table.name ?? '') : plan.tableName, deps);
    const metered = { ...deps, meter };
    const result = await (plan.mode === 'verify'
        ? runVerify(plan, metered, engineReason)
        : plan.mode === 'export'
            ? runExport(plan, metered, engineReason)
            : runImport(plan, metered, engineReason));
    return { ...result, capacity: meter.report() };
}

;// CONCATENATED MODULE: ./src/engine-choice.ts
// Settles `engine: auto` where it depends on whether the import's table exists.
async function chooseEngine(plan, tableExists) {
    const { engine, reason } = plan.engine;
    if (engine !== 'table-exists')
        return { engine, reason };
    const name = plan.mode === 'import' ? plan.tableName : '';
    return (await tableExists(name))
        ? {
            engine: 'direct',
            reason: `table ${name} exists and existing-table is ${plan.mode === 'import' ? plan.existingTable : ''}, so this action writes into it`,
        }
        : { engine: 'managed', reason: `table ${name} does not exist yet, so AWS's ImportTable creates and fills it` };
}

;// CONCATENATED MODULE: ./src/aws/table-elsewhere.ts
// TABLE_NOT_FOUND says where it looked. DynamoDB Local keeps each region's
// tables apart (and each access key's, unless started with -sharedDb), so a
// table created with another region is "not found": at a local endpoint the
// usual regions are asked, and the one that has the table is named.



/** The regions DynamoDB Local users most often create tables with: SDK and CLI defaults, and the docs' `local`. */
const LIKELY_REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-southeast-1', 'local', 'localhost'];
async function explainTableNotFound(error, aws, tableName, env) {
    if (!(error instanceof errors/* TransferError */.aG) || error.code !== 'TABLE_NOT_FOUND')
        return error;
    const endpoint = aws.endpointUrl ?? env.AWS_ENDPOINT_URL_DYNAMODB ?? env.AWS_ENDPOINT_URL;
    const looked = `Looked in region ${aws.region} ${endpoint === undefined ? 'on AWS' : `at ${endpoint}`}.`;
    let hint;
    if (endpoint === undefined) {
        hint = 'A table lives in one region: check aws-region (or AWS_REGION) against the region that holds it.';
    }
    else {
        const region = tableName === undefined ? undefined : await regionHolding(tableName, aws);
        hint =
            region !== undefined
                ? `A table named ${tableName} is in region ${region} at this endpoint: set aws-region: ${region}.`
                : "DynamoDB Local keeps each region's tables (and each access key's, unless started with -sharedDb) apart: give the aws-region and credentials that created the table.";
    }
    return new errors/* TransferError */.aG('TABLE_NOT_FOUND', `${error.message} ${looked} ${hint}`);
}
async function regionHolding(tableName, aws) {
    const answers = await Promise.all(LIKELY_REGIONS.filter((region) => region !== aws.region).map(async (region) => {
        const client = createDynamoDbClient({ ...aws, region }, { requestMs: 5_000, socketMs: 5_000 });
        try {
            return (await describeTable(client, tableName)) === undefined ? undefined : region;
        }
        catch {
            return undefined; // only a hint: any failure means no answer
        }
        finally {
            client.destroy();
        }
    }));
    return answers.find((region) => region !== undefined);
}

;// CONCATENATED MODULE: ./src/optional.ts
/** `{ key: value }` when value is defined, `{}` otherwise, for exactOptionalPropertyTypes. */
function optional(key, value) {
    return (value === undefined ? {} : { [key]: value });
}

;// CONCATENATED MODULE: ./src/parsing/names.ts
// Checks for AWS names and addresses given as inputs.

const TABLE_NAME = /^[a-zA-Z0-9_.-]{3,255}$/;
const TABLE_NAME_RULE = 'a table name of 3 to 255 letters, digits, underscores, hyphens or dots';
function checkTableName(value) {
    if (!TABLE_NAME.test(value))
        throw new parsing_values/* InvalidValue */.h6(TABLE_NAME_RULE);
    return value;
}
function parseTableArn(value) {
    const match = /^arn:aws[a-z-]*:dynamodb:[a-z0-9-]+:\d{12}:table\/([a-zA-Z0-9_.-]{3,255})$/.exec(value);
    if (!match?.[1])
        throw new parsing_values/* InvalidValue */.h6('a table ARN such as arn:aws:dynamodb:us-east-1:123456789012:table/Orders');
    return { arn: value, name: match[1] };
}
function checkBucket(value) {
    if (value.startsWith('s3://') || value.includes('/')) {
        throw new parsing_values/* InvalidValue */.h6('a bucket name only, such as my-backups; put the key path in prefix');
    }
    if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(value)) {
        throw new parsing_values/* InvalidValue */.h6('an S3 bucket name: 3 to 63 characters from a-z, 0-9, . and -');
    }
    return value;
}
function checkPrefix(value) {
    const problem = keyProblem(value);
    if (problem !== undefined)
        throw new parsing_values/* InvalidValue */.h6(`a key prefix ${problem}`);
    if (value.length > 1024)
        throw new parsing_values/* InvalidValue */.h6('a key prefix of at most 1024 characters');
    return value;
}
/**
 * What is wrong with an S3 key or key prefix given as an input, as the end of
 * "expected a key ..."; undefined when nothing is. S3 itself takes any key,
 * but a leading `/` or a `..` segment is a path mistake or an attempt to
 * reach outside the folder meant (and escapes it on a local store), and a
 * control character is never meant.
 */
function keyProblem(key) {
    if (key.startsWith('/'))
        return 'without a leading / (S3 keys do not start with one)';
    if (key.split('/').includes('..')) {
        return 'without .. segments (S3 keys are names, not paths; a .. would reach outside the folder meant)';
    }
    return controlCharacterProblem(key);
}
/** A local path given as an input: any path, but without control characters. */
function checkLocalPath(value) {
    const problem = controlCharacterProblem(value);
    if (problem !== undefined)
        throw new parsing_values/* InvalidValue */.h6(`a local path ${problem}`);
    return value;
}
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;
function controlCharacterProblem(value) {
    const match = CONTROL.exec(value);
    if (match === null)
        return undefined;
    const code = match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    return `without control characters (U+0000 to U+001F and U+007F); it has U+${code} at character ${match.index + 1}`;
}
function checkAccountId(value) {
    if (!/^\d{12}$/.test(value))
        throw new parsing_values/* InvalidValue */.h6('a 12-digit AWS account id');
    return value;
}
function checkUrl(value) {
    const expected = 'an http:// or https:// URL such as http://127.0.0.1:8000';
    let url;
    try {
        url = new URL(value);
    }
    catch {
        throw new parsing_values/* InvalidValue */.h6(expected);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
        throw new parsing_values/* InvalidValue */.h6(expected);
    return value;
}
function checkRegion(value) {
    if (!/^[a-z0-9-]{2,32}$/.test(value))
        throw new parsing_values/* InvalidValue */.h6('an AWS region such as us-east-1');
    return value;
}
function checkClientToken(value) {
    if (value.length > 36 || value.includes('$'))
        throw new parsing_values/* InvalidValue */.h6('1 to 36 characters without $');
    return value;
}

;// CONCATENATED MODULE: ./src/parsing/templates.ts
// Prefix placeholders: `backups/{table}/{date}/{run_id}` becomes a fixed key
// prefix before any work starts, so that every later step sees one value.

const PLACEHOLDERS = {
    date: { resolve: ({ now }) => now.toISOString().slice(0, 10), source: 'the clock' },
    time: {
        resolve: ({ now }) => now.toISOString().slice(11, 19).replace(/:/g, ''),
        source: 'the clock',
    },
    run_id: { resolve: ({ env }) => env.GITHUB_RUN_ID, source: 'GITHUB_RUN_ID' },
    run_attempt: { resolve: ({ env }) => env.GITHUB_RUN_ATTEMPT, source: 'GITHUB_RUN_ATTEMPT' },
    sha: { resolve: ({ env }) => env.GITHUB_SHA, source: 'GITHUB_SHA' },
    ref_name: { resolve: ({ env }) => env.GITHUB_REF_NAME, source: 'GITHUB_REF_NAME' },
    table: { resolve: ({ table }) => table, source: 'table-name' },
};
const PLACEHOLDER_NAMES = Object.keys(PLACEHOLDERS).map((name) => `{${name}}`);
function expandTemplate(template, context) {
    return template.replace(/\{([^{}]*)\}/g, (whole, name) => {
        const placeholder = PLACEHOLDERS[name];
        if (placeholder === undefined) {
            throw new parsing_values/* InvalidValue */.h6(`only the placeholders ${PLACEHOLDER_NAMES.join(' ')}; ${whole} is not one of them`);
        }
        const value = placeholder.resolve(context);
        if (value === undefined || value === '') {
            throw new parsing_values/* InvalidValue */.h6(`${whole} to have a value, but ${placeholder.source} is not set`);
        }
        return value;
    });
}

;// CONCATENATED MODULE: ./src/inputs/capacity.ts
// max-capacity: a number of capacity units per second, or a share of the
// table's provisioned capacity (`25%`), which the engine settles against the
// table (src/direct/budget.ts). Direct engine only: AWS's managed jobs use no
// table capacity.


const MAX_UNITS = 1_000_000;
function parseMaxCapacity(raw) {
    const expected = `a number of capacity units per second above 0 (up to ${MAX_UNITS.toLocaleString('en-US')}), or a share of the table's provisioned capacity from 1% to 100%, such as 25%`;
    const share = /^(\d+(?:\.\d+)?)\s*%$/.exec(raw);
    if (share !== null) {
        const percent = Number(share[1]);
        if (percent < 1 || percent > 100)
            throw new parsing_values/* InvalidValue */.h6(expected);
        return { percent };
    }
    if (!/^\d+(?:\.\d+)?$/.test(raw))
        throw new parsing_values/* InvalidValue */.h6(expected);
    const units = Number(raw);
    if (units <= 0 || units > MAX_UNITS)
        throw new parsing_values/* InvalidValue */.h6(expected);
    return { units };
}
function readMaxCapacity(r, engine) {
    if (engine.engine === 'managed') {
        r.notApplicable(constants/* Input */.pd.MaxCapacity, "expected no max-capacity with the managed engine, whose jobs use none of the table's capacity; use engine: direct");
        return undefined;
    }
    return r.parse(constants/* Input */.pd.MaxCapacity, parseMaxCapacity);
}

;// CONCATENATED MODULE: ./src/inputs/common.ts
// The inputs every mode shares: AWS settings, concurrency, waiting, max-errors,
// the client token, where the data is (bucket + prefix, or path), and the
// format and compression, each parsed once here.







function readCommon(r, context, engine) {
    return {
        engine,
        aws: readAwsSettings(r, context.env),
        concurrency: r.parseDefaulted(constants/* Input */.pd.Concurrency, (v) => (0,parsing_values/* parseInteger */.cG)(v, 1, 256)),
        ...optional('maxCapacity', readMaxCapacity(r, engine)),
        waiting: {
            wait: r.parseDefaulted(constants/* Input */.pd.Wait, parsing_values/* parseBoolean */.yG),
            timeoutMs: r.parseDefaulted(constants/* Input */.pd.Timeout, (v) => (0,parsing_values/* parseDuration */.E9)(v, 1000, 72 * 3_600_000, 'from 1s to 72h')),
            pollIntervalMs: r.parseDefaulted(constants/* Input */.pd.PollInterval, (v) => (0,parsing_values/* parseDuration */.E9)(v, 1000, 60_000, 'from 1s to 60s')),
        },
        maxErrors: r.parseDefaulted(constants/* Input */.pd.MaxErrors, (v) => (0,parsing_values/* parseInteger */.cG)(v, 0, Number.MAX_SAFE_INTEGER)),
        ...optional('clientToken', r.parse(constants/* Input */.pd.ClientToken, checkClientToken)),
        uploadArtifacts: r.parseDefaulted(constants/* Input */.pd.UploadArtifacts, parsing_values/* parseBoolean */.yG),
    };
}
function nonEmpty(value) {
    return value === undefined || value.trim() === '' ? undefined : value.trim();
}
function readAwsSettings(r, env) {
    const endpointUrl = r.parse(constants/* Input */.pd.EndpointUrl, checkUrl);
    const s3EndpointUrl = r.parse(constants/* Input */.pd.S3EndpointUrl, checkUrl);
    let region = r.parse(constants/* Input */.pd.Region, checkRegion) ?? nonEmpty(env.AWS_REGION) ?? nonEmpty(env.AWS_DEFAULT_REGION);
    if (region === undefined) {
        const local = endpointUrl !== undefined ||
            nonEmpty(env.AWS_ENDPOINT_URL) !== undefined ||
            nonEmpty(env.AWS_ENDPOINT_URL_DYNAMODB) !== undefined ||
            nothingRemote(r);
        if (local)
            region = 'us-east-1';
        else if (!r.given(constants/* Input */.pd.Region)) {
            r.missing(constants/* Input */.pd.Region, 'no AWS_REGION or AWS_DEFAULT_REGION is set either; give aws-region, or run aws-actions/configure-aws-credentials first');
        }
    }
    const s3Compatible = s3EndpointUrl !== undefined ||
        nonEmpty(env.AWS_ENDPOINT_URL_S3) !== undefined ||
        nonEmpty(env.AWS_ENDPOINT_URL) !== undefined;
    return {
        // Empty only when a problem is recorded, and then no plan is made.
        region: region ?? '',
        ...optional('endpointUrl', endpointUrl),
        ...optional('s3EndpointUrl', s3EndpointUrl),
        s3Compatible,
    };
}
/** Validating a local folder with the key schema given: no call leaves the runner, so no region is needed. */
function nothingRemote(r) {
    return r.get(constants/* Input */.pd.Mode) === 'validate' && givenLocalPath(r) && !r.given(constants/* Input */.pd.TableName);
}
/** The folder relative paths start from: the repository checkout, or the working directory outside a runner. */
function workspace(context) {
    return nonEmpty(context.env.GITHUB_WORKSPACE) ?? context.cwd;
}
/** Stands in for a location that could not be read; the problem is recorded, so no plan is made. */
const placeholderLocation = { kind: 'local', path: '' };
/** bucket + prefix, or path: exactly one of the two. */
function readLocation(r, context, mode, table) {
    const bucket = r.parse(constants/* Input */.pd.Bucket, checkBucket);
    const path = r.optional(constants/* Input */.pd.Path);
    if (r.given(constants/* Input */.pd.Bucket) && path !== undefined) {
        r.reject(constants/* Input */.pd.Path, path, 'expected either bucket or path, not both (bucket is set too)');
        return undefined;
    }
    if (path !== undefined && isS3Url(path)) {
        r.notApplicable(constants/* Input */.pd.Prefix, 'expected no prefix with an s3:// path, which holds its prefix after the bucket');
        const owner = r.parse(constants/* Input */.pd.BucketOwner, checkAccountId);
        const url = r.parse(constants/* Input */.pd.Path, (value) => parseS3Url(value, { now: context.now, env: context.env, table }));
        return url === undefined ? undefined : { kind: 's3', ...url, ...optional('owner', owner) };
    }
    if (path !== undefined) {
        r.notApplicable(constants/* Input */.pd.Prefix, 'expected no prefix with path; put the whole folder or file in path');
        r.notApplicable(constants/* Input */.pd.BucketOwner, 'expected no bucket-owner with path, which is a local folder');
        const checked = r.parse(constants/* Input */.pd.Path, checkLocalPath);
        return checked === undefined ? undefined : { kind: 'local', path: (0,external_node_path_.resolve)(workspace(context), checked) };
    }
    if (!r.given(constants/* Input */.pd.Bucket)) {
        r.missing(constants/* Input */.pd.Bucket, `mode: ${mode} needs bucket (S3) or path (a local file or folder)`);
        return undefined;
    }
    const prefix = r.parseDefaulted(constants/* Input */.pd.Prefix, (v) => expandPrefix(v, { now: context.now, env: context.env, table }));
    const owner = r.parse(constants/* Input */.pd.BucketOwner, checkAccountId);
    return bucket === undefined || r.hasProblem(constants/* Input */.pd.Prefix)
        ? undefined
        : { kind: 's3', bucket, prefix, ...optional('owner', owner) };
}
/** `path: s3://bucket/prefix`, as export outputs (`data-url`, `export-manifest`) and the S3 console give a place. */
function isS3Url(value) {
    return value.startsWith('s3://');
}
/** Whether `path` names a local file or folder (not an s3:// URL). */
function givenLocalPath(r) {
    return r.given(constants/* Input */.pd.Path) && !isS3Url(r.get(constants/* Input */.pd.Path));
}
function parseS3Url(value, context) {
    const match = /^s3:\/\/([^/]*)(?:\/([\s\S]*))?$/.exec(value);
    const bucket = match?.[1] ?? '';
    try {
        checkBucket(bucket);
    }
    catch (error) {
        if (!(error instanceof parsing_values/* InvalidValue */.h6))
            throw error;
        throw new parsing_values/* InvalidValue */.h6(`a local path, or an s3://bucket/prefix URL whose bucket is ${error.expected}`);
    }
    try {
        return { bucket, prefix: expandPrefix(match?.[2] ?? '', context) };
    }
    catch (error) {
        if (!(error instanceof parsing_values/* InvalidValue */.h6))
            throw error;
        throw new parsing_values/* InvalidValue */.h6(`an s3://bucket/prefix URL with ${error.expected}`);
    }
}
/** The prefix with its placeholders filled in, checked as the key prefix it then is. */
function expandPrefix(template, context) {
    const expanded = expandTemplate(template, context);
    try {
        return checkPrefix(expanded);
    }
    catch (error) {
        if (!(error instanceof parsing_values/* InvalidValue */.h6) || expanded === template)
            throw error;
        throw new parsing_values/* InvalidValue */.h6(`${error.expected}; with its placeholders filled in it is ${JSON.stringify(expanded)}`);
    }
}
/** Whether `path` is `folder` or inside it (both absolute and resolved). */
function isInside(path, folder) {
    const rel = (0,external_node_path_.relative)(folder, path);
    return rel === '' || (rel !== '..' && !rel.startsWith(`..${external_node_path_.sep}`) && !(0,external_node_path_.isAbsolute)(rel));
}
const FORMATS = ['DYNAMODB_JSON', 'ION', 'CSV'];
const COMPRESSIONS = ['NONE', 'GZIP', 'ZSTD', 'auto'];
/** `format` and `compression`, parsed once against every value either mode knows; each mode then checks what it accepts. */
function readFormat(r) {
    return r.parseDefaulted(constants/* Input */.pd.Format, (v) => (0,parsing_values/* parseEnum */.nL)(v, FORMATS));
}
function readCompression(r) {
    return r.parseDefaulted(constants/* Input */.pd.Compression, (v) => (0,parsing_values/* parseEnum */.nL)(v, COMPRESSIONS));
}

;// CONCATENATED MODULE: ./src/inputs/engine.ts
// Which engine runs, decided from the inputs alone; `table-exists` when
// `engine: auto` depends on whether the import's table exists, which
// src/engine-choice.ts settles once AWS can be asked.



const ENGINES = ['auto', 'managed', 'direct'];
/** The SDK's own variables that send DynamoDB calls elsewhere than AWS (the LocalStack habit), as endpoint-url does. */
const ENDPOINT_VARIABLES = ['AWS_ENDPOINT_URL_DYNAMODB', 'AWS_ENDPOINT_URL'];
function decideEngine(r, mode, existingTable, env) {
    const requested = r.parseDefaulted(constants/* Input */.pd.Engine, (v) => (0,parsing_values/* parseEnum */.nL)(v, ENGINES));
    if (requested === 'direct')
        return { engine: 'direct', reason: 'engine: direct was asked for' };
    if (requested === 'managed') {
        if (mode === 'validate' || mode === 'verify') {
            r.reject(constants/* Input */.pd.Engine, r.get(constants/* Input */.pd.Engine), mode === 'validate'
                ? 'expected auto or direct with mode: validate, which reads the source itself and has no AWS job'
                : 'expected auto or direct with mode: verify, which reads the table and the source itself and has no AWS job');
            return { engine: 'direct', reason: `mode: ${mode}` };
        }
        if (givenLocalPath(r))
            r.notApplicable(constants/* Input */.pd.Path, 'expected no path with engine: managed, because AWS reads and writes only S3; use bucket, or engine: direct');
        return { engine: 'managed', reason: 'engine: managed was asked for' };
    }
    if (mode === 'validate')
        return { engine: 'direct', reason: 'mode: validate reads the source here and starts no AWS job' };
    if (mode === 'verify')
        return { engine: 'direct', reason: 'mode: verify reads the table and the source here and starts no AWS job' };
    if (r.given(constants/* Input */.pd.EndpointUrl)) {
        return {
            engine: 'direct',
            reason: "endpoint-url is set, and AWS's managed import and export exist only on AWS itself",
        };
    }
    const variable = ENDPOINT_VARIABLES.find((name) => nonEmpty(env[name]) !== undefined);
    if (variable !== undefined) {
        return {
            engine: 'direct',
            reason: `${variable} is set (${nonEmpty(env[variable])}), and AWS's managed import and export exist only on AWS itself`,
        };
    }
    if (givenLocalPath(r))
        return { engine: 'direct', reason: 'path is a local folder, which only the direct engine can read or write' };
    if (mode === 'import' && existingTable !== 'fail') {
        return {
            engine: 'table-exists',
            reason: `existing-table: ${existingTable} writes into the table if it exists (direct); a new table is created by AWS's ImportTable (managed)`,
        };
    }
    return mode === 'export'
        ? { engine: 'managed', reason: 'AWS exports the table itself (ExportTableToPointInTime), without reading capacity' }
        : { engine: 'managed', reason: "the table is new, so AWS's ImportTable creates and fills it" };
}

;// CONCATENATED MODULE: ./src/inputs/resume.ts
// `resume` and `max-duration`: how a direct export or import survives the
// runner. Both apply to those two only; a managed job runs (and resumes)
// server-side, and validate and verify write nothing to continue.



const RESUME = ['auto', 'never'];
const MAX_DURATION_RANGE = { min: 1000, max: 72 * 3_600_000, text: 'from 1s to 72h' };
/** Export and import: the two inputs, refused with the managed engine, which cannot stop itself and resume. */
function readResume(r, engine) {
    const resume = r.parseDefaulted(constants/* Input */.pd.Resume, (v) => (0,parsing_values/* parseEnum */.nL)(v, RESUME));
    const maxDurationMs = r.parse(constants/* Input */.pd.MaxDuration, (v) => (0,parsing_values/* parseDuration */.E9)(v, MAX_DURATION_RANGE.min, MAX_DURATION_RANGE.max, MAX_DURATION_RANGE.text));
    if (engine.engine === 'managed') {
        const why = `the managed engine (${engine.reason}) runs its job server-side; use engine: direct, or timeout to stop waiting`;
        r.notApplicable(constants/* Input */.pd.MaxDuration, `expected it only with the direct engine, but ${why}`);
        if (r.changedFromDefault(constants/* Input */.pd.Resume))
            r.reject(constants/* Input */.pd.Resume, r.get(constants/* Input */.pd.Resume), `expected it only with the direct engine, but ${why}`);
    }
    return { resume, ...optional('maxDurationMs', maxDurationMs) };
}
/** Validate and verify: nothing is written, so there is nothing to continue. */
function rejectResumeInputs(r) {
    const why = `expected it only with mode: export or import, which can be continued; mode: ${r.get(constants/* Input */.pd.Mode)} writes nothing to continue`;
    r.notApplicable(constants/* Input */.pd.MaxDuration, why);
    if (r.changedFromDefault(constants/* Input */.pd.Resume))
        r.reject(constants/* Input */.pd.Resume, r.get(constants/* Input */.pd.Resume), why);
}

;// CONCATENATED MODULE: ./src/inputs/export.ts
// The export inputs: table, format, point in time or incremental window,
// filter expressions and encryption; and the inputs that apply to export only,
// refused in the other modes.







const MIN_WINDOW_MS = 15 * 60_000;
const MAX_WINDOW_MS = 24 * 3_600_000;
// A runner's clock may run a little ahead of AWS's; allow it.
const CLOCK_SKEW_MS = 60_000;
function readExportPlan(r, context, common) {
    const engine = common.engine;
    const table = readTable(r);
    const format = exportFormat(r, readFormat(r));
    const compression = exportCompression(r, readCompression(r), engine);
    const expressions = readExpressions(r);
    const encryption = readEncryption(r);
    const exportType = readExportType(r, context.now, engine);
    const destination = readLocation(r, context, 'export', table.name) ?? placeholderLocation;
    return {
        mode: 'export',
        ...common,
        ...readResume(r, engine),
        table,
        format,
        compression,
        exportType,
        ...optional('expressions', expressions),
        ...optional('encryption', encryption),
        destination,
    };
}
const EXPORT_ONLY = [
    constants/* Input */.pd.TableArn,
    constants/* Input */.pd.ExportTime,
    constants/* Input */.pd.IncrementalFrom,
    constants/* Input */.pd.IncrementalTo,
    constants/* Input */.pd.FilterExpression,
    constants/* Input */.pd.ProjectionExpression,
    constants/* Input */.pd.KeyConditionExpression,
    constants/* Input */.pd.ExpressionAttributeNames,
    constants/* Input */.pd.ExpressionAttributeValues,
    constants/* Input */.pd.SseAlgorithm,
    constants/* Input */.pd.SseKmsKeyId,
];
/** Refuses the export-only inputs with mode: import or validate. */
function rejectExportOnlyInputs(r) {
    for (const name of EXPORT_ONLY)
        r.notApplicable(name, `expected no ${name} with mode: ${r.get(constants/* Input */.pd.Mode)}; it applies to mode: export only`);
    for (const name of [constants/* Input */.pd.ExportType, constants/* Input */.pd.ExportViewType]) {
        if (r.changedFromDefault(name))
            r.reject(name, r.get(name), 'expected it only with mode: export');
    }
}
function readTable(r) {
    const name = r.parse(constants/* Input */.pd.TableName, checkTableName);
    const arn = r.parse(constants/* Input */.pd.TableArn, parseTableArn);
    if (!r.given(constants/* Input */.pd.TableName) && !r.given(constants/* Input */.pd.TableArn)) {
        r.missing(constants/* Input */.pd.TableName, 'mode: export needs table-name or table-arn');
    }
    if (name !== undefined && arn !== undefined && arn.name !== name) {
        r.reject(constants/* Input */.pd.TableArn, arn.arn, `expected the ARN of table ${name} (table-name), but it names ${arn.name}`);
    }
    return { ...optional('name', name ?? arn?.name), ...optional('arn', arn?.arn) };
}
/** DynamoDB exports write DynamoDB JSON or Ion. */
function exportFormat(r, format) {
    if (format !== 'CSV')
        return format;
    r.reject(constants/* Input */.pd.Format, r.get(constants/* Input */.pd.Format), 'expected DYNAMODB_JSON or ION with mode: export (DynamoDB exports do not write CSV)');
    return 'DYNAMODB_JSON';
}
/** `auto` writes GZIP, as AWS does; AWS's own export writes nothing else. */
function exportCompression(r, value, engine) {
    const compression = value === 'auto' ? 'GZIP' : value;
    if (engine.engine === 'managed' && compression !== 'GZIP') {
        r.reject(constants/* Input */.pd.Compression, r.get(constants/* Input */.pd.Compression), "expected GZIP or auto with engine: managed, because AWS's export writes GZIP only; use engine: direct for ZSTD or NONE");
    }
    return compression;
}
const EXPORT_TYPES = ['FULL_EXPORT', 'INCREMENTAL_EXPORT'];
const VIEW_TYPES = ['NEW_AND_OLD_IMAGES', 'NEW_IMAGE'];
function readExportType(r, now, engine) {
    const kind = r.parseDefaulted(constants/* Input */.pd.ExportType, (v) => (0,parsing_values/* parseEnum */.nL)(v, EXPORT_TYPES));
    if (kind === 'INCREMENTAL_EXPORT' && engine.engine === 'direct') {
        r.reject(constants/* Input */.pd.ExportType, r.get(constants/* Input */.pd.ExportType), `expected FULL_EXPORT with the direct engine (${engine.reason}), which cannot export incrementally yet; incremental exports run on AWS with engine: managed`);
    }
    const time = (name) => r.parse(name, (v) => notInFuture((0,parsing_values/* parseTime */.pe)(v, now), now));
    if (kind === 'FULL_EXPORT') {
        for (const name of [constants/* Input */.pd.IncrementalFrom, constants/* Input */.pd.IncrementalTo]) {
            r.notApplicable(name, 'expected it only with export-type: INCREMENTAL_EXPORT');
        }
        if (r.changedFromDefault(constants/* Input */.pd.ExportViewType)) {
            r.reject(constants/* Input */.pd.ExportViewType, r.get(constants/* Input */.pd.ExportViewType), 'expected it only with export-type: INCREMENTAL_EXPORT');
        }
        return { kind, ...optional('exportTime', time(constants/* Input */.pd.ExportTime)) };
    }
    r.notApplicable(constants/* Input */.pd.ExportTime, 'expected no export-time with export-type: INCREMENTAL_EXPORT; give incremental-from and incremental-to');
    const viewType = r.parseDefaulted(constants/* Input */.pd.ExportViewType, (v) => (0,parsing_values/* parseEnum */.nL)(v, VIEW_TYPES));
    const from = time(constants/* Input */.pd.IncrementalFrom);
    // No incremental-to means now (action.yml: "Default: now"), a time only known here.
    const to = time(constants/* Input */.pd.IncrementalTo) ?? (r.given(constants/* Input */.pd.IncrementalTo) ? undefined : now);
    if (!r.given(constants/* Input */.pd.IncrementalFrom))
        r.missing(constants/* Input */.pd.IncrementalFrom, 'export-type: INCREMENTAL_EXPORT needs the start of its window');
    if (from !== undefined && to !== undefined)
        checkWindow(r, from, to);
    // `now` stands in only where a problem is recorded, and then no plan is made.
    return { kind, from: from ?? now, to: to ?? now, viewType };
}
function notInFuture(date, now) {
    if (date.getTime() > now.getTime() + CLOCK_SKEW_MS) {
        throw new parsing_values/* InvalidValue */.h6(`a time that is not in the future (it is ${date.toISOString()}, now is ${now.toISOString()})`);
    }
    return date;
}
function checkWindow(r, from, to) {
    const length = to.getTime() - from.getTime();
    const shown = `${from.toISOString()} to ${to.toISOString()}`;
    if (length <= 0) {
        r.reject(constants/* Input */.pd.IncrementalTo, r.get(constants/* Input */.pd.IncrementalTo) || 'now', `expected an end after incremental-from (the window is ${shown})`);
    }
    else if (length < MIN_WINDOW_MS || length > MAX_WINDOW_MS) {
        r.reject(constants/* Input */.pd.IncrementalFrom, r.get(constants/* Input */.pd.IncrementalFrom), `expected a window of 15 minutes to 24 hours, but ${shown} is ${(0,parsing_values/* formatDuration */.a3)(length)}`);
    }
}
function readExpressions(r) {
    const filter = r.optional(constants/* Input */.pd.FilterExpression);
    const projection = r.optional(constants/* Input */.pd.ProjectionExpression);
    const keyCondition = r.optional(constants/* Input */.pd.KeyConditionExpression);
    const names = r.parse(constants/* Input */.pd.ExpressionAttributeNames, parseNames);
    const values = r.parse(constants/* Input */.pd.ExpressionAttributeValues, parseValues);
    const expressions = { filter, projection, keyCondition };
    checkPlaceholders(r, expressions, names, values);
    const result = {
        ...optional('filter', filter),
        ...optional('projection', projection),
        ...optional('keyCondition', keyCondition),
        ...optional('names', names),
        ...optional('values', values),
    };
    return Object.keys(result).length === 0 ? undefined : result;
}
function parseJsonObject(value, example) {
    let parsed;
    try {
        parsed = JSON.parse(value);
    }
    catch {
        throw new parsing_values/* InvalidValue */.h6(`a JSON object such as ${example}`);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
        throw new parsing_values/* InvalidValue */.h6(`a JSON object such as ${example}`);
    return parsed;
}
function parseNames(value) {
    const example = '{"#y": "year"}';
    const object = parseJsonObject(value, example);
    for (const [key, name] of Object.entries(object)) {
        if (!key.startsWith('#') || typeof name !== 'string')
            throw new parsing_values/* InvalidValue */.h6(`a JSON object of "#placeholder": "attribute name" pairs such as ${example}`);
    }
    return object;
}
function parseValues(value) {
    const example = '{":y": {"N": "2020"}}';
    const object = parseJsonObject(value, example);
    const values = {};
    for (const [key, attribute] of Object.entries(object)) {
        if (!key.startsWith(':'))
            throw new parsing_values/* InvalidValue */.h6(`a JSON object of ":placeholder": DynamoDB JSON value pairs such as ${example}`);
        try {
            values[key] = fromDynamoJson(attribute);
        }
        catch (error) {
            throw new parsing_values/* InvalidValue */.h6(`values in DynamoDB JSON such as ${example} (${key}: ${error instanceof Error ? error.message : String(error)})`);
        }
    }
    return values;
}
/** DynamoDB rejects placeholders that are used but not defined, and defined but not used. */
function checkPlaceholders(r, expressions, names, values) {
    const text = Object.values(expressions)
        .filter((e) => e !== undefined)
        .join(' ');
    for (const [input, prefix, defined] of [
        [constants/* Input */.pd.ExpressionAttributeNames, '#', names],
        [constants/* Input */.pd.ExpressionAttributeValues, ':', values],
    ]) {
        if (defined === undefined && r.given(input))
            continue; // already reported as unreadable
        const used = new Set(text.match(prefix === '#' ? /#[A-Za-z0-9_]+/g : /:[A-Za-z0-9_]+/g) ?? []);
        const keys = Object.keys(defined ?? {});
        const undefinedOnes = [...used].filter((p) => !keys.includes(p));
        const unused = keys.filter((k) => !used.has(k));
        if (undefinedOnes.length > 0) {
            r.reject(input, r.get(input), `expected a definition of ${undefinedOnes.join(', ')}, used in the expressions`);
        }
        else if (defined !== undefined && unused.length > 0) {
            r.reject(input, r.get(input), `expected only placeholders the expressions use; ${unused.join(', ')} is not used`);
        }
    }
}
function readEncryption(r) {
    const algorithm = r.parse(constants/* Input */.pd.SseAlgorithm, (v) => (0,parsing_values/* parseEnum */.nL)(v, ['AES256', 'KMS']));
    const kmsKeyId = r.optional(constants/* Input */.pd.SseKmsKeyId);
    if (kmsKeyId !== undefined && algorithm !== 'KMS') {
        r.reject(constants/* Input */.pd.SseKmsKeyId, kmsKeyId, 'expected it only with s3-sse-algorithm: KMS');
    }
    return algorithm === undefined ? undefined : { algorithm, ...optional('kmsKeyId', kmsKeyId) };
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
;// CONCATENATED MODULE: ./src/parsing/table-parameters.ts
// Key schema inputs: the `name:S` shorthand and `table-creation-parameters`
// (JSON or YAML), checked here so a typo fails before a table is created.


const KEY_TYPES = ['S', 'N', 'B'];
function parseKeyShorthand(raw) {
    const match = /^(.+):([a-zA-Z])$/.exec(raw.trim());
    const type = match?.[2]?.toUpperCase();
    const name = match?.[1]?.trim() ?? '';
    if (!match || type === undefined || !KEY_TYPES.includes(type) || name === '' || name.length > 255) {
        throw new parsing_values/* InvalidValue */.h6('name:S, name:N or name:B (an attribute name of 1 to 255 characters and its type)');
    }
    return { name, type };
}
const TOP_LEVEL_FIELDS = [
    'TableName',
    'AttributeDefinitions',
    'KeySchema',
    'BillingMode',
    'ProvisionedThroughput',
    'OnDemandThroughput',
    'SSESpecification',
    'GlobalSecondaryIndexes',
];
/**
 * Parses JSON or YAML and checks the shape DynamoDB requires. Text that
 * starts with `{` is JSON, read strictly: YAML would quietly take a trailing
 * comma or an unquoted key, so a JSON typo would be read as something else.
 */
function parseTableCreationParameters(raw) {
    const value = raw.trimStart().startsWith('{')
        ? readJson(raw)
        : readYaml(raw, 'YAML because it does not start with {');
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw new parsing_values/* InvalidValue */.h6('a JSON or YAML object in the shape of TableCreationParameters');
    }
    const unknown = Object.keys(value).filter((k) => !TOP_LEVEL_FIELDS.includes(k));
    if (unknown.length > 0) {
        throw new parsing_values/* InvalidValue */.h6(`only the fields ${TOP_LEVEL_FIELDS.join(', ')}; ${unknown.join(', ')} is not one of them`);
    }
    const params = value;
    checkKeyDefinitions(params);
    if (params.BillingMode !== undefined && !['PROVISIONED', 'PAY_PER_REQUEST'].includes(params.BillingMode)) {
        throw new parsing_values/* InvalidValue */.h6(`BillingMode PROVISIONED or PAY_PER_REQUEST, not ${String(params.BillingMode)}`);
    }
    if (params.BillingMode === 'PROVISIONED' && params.ProvisionedThroughput === undefined) {
        throw new parsing_values/* InvalidValue */.h6('ProvisionedThroughput (ReadCapacityUnits, WriteCapacityUnits) with BillingMode PROVISIONED');
    }
    return params;
}
const READ_AS_JSON = 'JSON because it starts with { (YAML flow style such as {a: b} is not taken)';
function readJson(raw) {
    try {
        JSON.parse(raw);
    }
    catch (error) {
        throw unparsable(READ_AS_JSON, error);
    }
    // The YAML reader takes any JSON, and refuses the duplicate keys JSON.parse keeps quiet about.
    return readYaml(raw, READ_AS_JSON);
}
function readYaml(raw, readAs) {
    try {
        return (0,dist/* parse */.qg)(raw);
    }
    catch (error) {
        throw unparsable(readAs, error);
    }
}
function unparsable(readAs, error) {
    const reason = (error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error)).replace(/:$/, '');
    return new parsing_values/* InvalidValue */.h6(`JSON or YAML in the shape of TableCreationParameters (it does not parse: read as ${readAs}; ${reason})`);
}
function checkKeyDefinitions(params) {
    const definitions = params.AttributeDefinitions ?? [];
    if (!Array.isArray(definitions))
        throw new parsing_values/* InvalidValue */.h6('AttributeDefinitions as a list');
    for (const d of definitions) {
        if (typeof d?.AttributeName !== 'string' || !KEY_TYPES.includes(d.AttributeType)) {
            throw new parsing_values/* InvalidValue */.h6('each AttributeDefinitions entry to have an AttributeName and an AttributeType of S, N or B');
        }
    }
    const schemas = [];
    if (params.KeySchema !== undefined)
        schemas.push({ where: 'KeySchema', keys: params.KeySchema });
    for (const index of params.GlobalSecondaryIndexes ?? []) {
        schemas.push({ where: `the KeySchema of index ${String(index?.IndexName)}`, keys: index?.KeySchema });
    }
    for (const { where, keys } of schemas)
        checkKeySchema(where, keys, definitions);
}
function checkKeySchema(where, keys, definitions) {
    const list = keys;
    const shapeOk = Array.isArray(list) &&
        (list.length === 1 || list.length === 2) &&
        list[0]?.KeyType === 'HASH' &&
        (list.length === 1 || list[1]?.KeyType === 'RANGE');
    if (!shapeOk)
        throw new parsing_values/* InvalidValue */.h6(`${where} to be a HASH key, optionally followed by a RANGE key`);
    for (const key of list) {
        if (!definitions.some((d) => d.AttributeName === key.AttributeName)) {
            throw new parsing_values/* InvalidValue */.h6(`an AttributeDefinitions entry for ${String(key.AttributeName)}, used in ${where}`);
        }
    }
}
/** Table parameters from the shorthand and/or the full input; on-demand unless they say otherwise. */
function buildTableParameters(params, partitionKey, sortKey) {
    if (params === undefined && partitionKey === undefined)
        return undefined;
    const result = { ...params };
    if (partitionKey !== undefined) {
        const keys = sortKey === undefined ? [partitionKey] : [partitionKey, sortKey];
        result.KeySchema = keys.map((k, i) => ({ AttributeName: k.name, KeyType: i === 0 ? 'HASH' : 'RANGE' }));
        const others = (params?.AttributeDefinitions ?? []).filter((d) => !keys.some((k) => k.name === d.AttributeName));
        result.AttributeDefinitions = [...keys.map((k) => ({ AttributeName: k.name, AttributeType: k.type })), ...others];
    }
    if (result.BillingMode === undefined) {
        result.BillingMode = result.ProvisionedThroughput === undefined ? 'PAY_PER_REQUEST' : 'PROVISIONED';
    }
    return result;
}

;// CONCATENATED MODULE: ./src/inputs/restore.ts
// The inputs of a restore from exports: `restore-to`, `changes` and
// `changes-onto-table`, for import and validate; refused with export. Whether the source is a chain or
// an incremental export is known only once it is listed (src/restore/), so
// here they are only parsed.




const DIRECTIONS = ['apply', 'revert'];
function readRestore(r, context) {
    const changes = r.parseDefaulted(constants/* Input */.pd.Changes, (v) => (0,parsing_values/* parseEnum */.nL)(v, DIRECTIONS));
    const restoreTo = r.parseDefaulted(constants/* Input */.pd.RestoreTo, (v) => parseRestoreTo(v, context.now));
    const ontoTable = r.parseDefaulted(constants/* Input */.pd.ChangesOntoTable, parsing_values/* parseBoolean */.yG);
    if (ontoTable && changes === 'revert')
        r.reject(constants/* Input */.pd.ChangesOntoTable, r.get(constants/* Input */.pd.ChangesOntoTable), 'expected it only with changes: apply; changes: revert always works on the table as it is');
    return { changes, ...optional('restoreTo', restoreTo), ontoTable };
}
/**
 * existing-table: replace is never ignored in a restore: changes: revert
 * undoes the windows' changes on the table as it is, and an emptied table
 * would be left holding only the old images of the items they changed.
 */
function rejectReplaceWithRevert(r, restore, existingTable) {
    if (restore.changes !== 'revert' || existingTable !== 'replace')
        return;
    r.reject(constants/* Input */.pd.ExistingTable, existingTable, 'expected fail or merge with changes: revert, which undoes the changes of the windows on the table as it is; emptied first, the table would hold only the old images of the items the windows changed');
}
function parseRestoreTo(value, now) {
    if (value.trim().toLowerCase() === 'latest')
        return undefined;
    try {
        const time = (0,parsing_values/* parseTime */.pe)(value, now);
        if (time.getTime() > now.getTime())
            throw new parsing_values/* InvalidValue */.h6('a time not in the future');
        return time;
    }
    catch (error) {
        if (!(error instanceof parsing_values/* InvalidValue */.h6))
            throw error;
        throw new parsing_values/* InvalidValue */.h6(`latest, or ${error.expected}`);
    }
}
/**
 * Whether a new table's key schema can wait until the source is read: the
 * source is an export's folder (an incremental export changes a table that
 * exists), or restore inputs were given. A chain into a new table, or a full
 * export, still needs it, and says so (NO_KEY_SCHEMA) before anything is
 * created or written.
 */
function keySchemaCanWait(r, location) {
    const where = location.kind === 's3' ? location.prefix : location.path.replace(/\\/g, '/');
    return (r.changedFromDefault(constants/* Input */.pd.RestoreTo) ||
        r.changedFromDefault(constants/* Input */.pd.Changes) ||
        exportFileOf(where.endsWith('/') ? where : `${where}/`) !== undefined);
}
/** Refuses the restore inputs with mode: export. */
function rejectRestoreInputs(r) {
    for (const name of [constants/* Input */.pd.RestoreTo, constants/* Input */.pd.Changes, constants/* Input */.pd.ChangesOntoTable]) {
        if (r.changedFromDefault(name))
            r.reject(name, r.get(name), 'expected it only with mode: import or validate');
    }
}

;// CONCATENATED MODULE: ./src/inputs/import.ts
// The import and validate inputs: the source and how to read it (format,
// compression, CSV options), the table and its key schema, and where rejected
// items go; and the inputs that apply to import only, refused with export.










function isValid(check, value) {
    try {
        check(value);
        return true;
    }
    catch {
        return false;
    }
}
function readImportPlan(r, context, mode, common, existingTable) {
    const tableName = r.parse(constants/* Input */.pd.TableName, checkTableName);
    const [tableParameters, keyInputUnreadable] = readTableParameters(r);
    const source = readImportSource(r, context, mode, tableName ?? tableParameters?.TableName);
    const rejectedItems = readRejectedItems(r, context, source.location);
    const restore = readRestore(r, context);
    if (mode === 'validate') {
        rejectResumeInputs(r);
        if (tableParameters?.KeySchema === undefined && tableName === undefined && !keyInputUnreadable) {
            r.missing(constants/* Input */.pd.PartitionKey, 'mode: validate needs the key schema to check against: partition-key (and sort-key), table-creation-parameters with a KeySchema, or the table-name of an existing table');
        }
        return {
            mode,
            ...common,
            ...optional('tableName', tableName),
            source,
            ...optional('tableParameters', tableParameters),
            rejectedItems,
            restore,
        };
    }
    rejectReplaceWithRevert(r, restore, existingTable);
    const importTable = tableName ?? tableParameters?.TableName;
    // table-creation-parameters that do not parse are reported once: not again as a missing TableName.
    const parametersUnreadable = r.hasProblem(constants/* Input */.pd.TableCreationParameters);
    if (importTable === undefined && !r.given(constants/* Input */.pd.TableName) && !parametersUnreadable) {
        r.missing(constants/* Input */.pd.TableName, 'mode: import needs the table to import into: table-name, or TableName in table-creation-parameters');
    }
    else if (tableName === undefined && importTable !== undefined && !isValid(checkTableName, importTable)) {
        r.reject(constants/* Input */.pd.TableCreationParameters, importTable, `expected TableName to be ${TABLE_NAME_RULE}`);
    }
    if (existingTable === 'fail' &&
        tableParameters?.KeySchema === undefined &&
        !keyInputUnreadable &&
        !keySchemaCanWait(r, source.location)) {
        r.missing(constants/* Input */.pd.PartitionKey, 'mode: import with existing-table: fail creates the table, so it needs partition-key (and sort-key) or table-creation-parameters with a KeySchema');
    }
    if (common.engine.engine === 'managed' && existingTable !== 'fail') {
        r.reject(constants/* Input */.pd.ExistingTable, existingTable, "expected fail with engine: managed, because AWS's ImportTable always creates a new table; use engine: direct (or auto) to write into an existing table");
    }
    const parameters = tableParameters === undefined ? undefined : { ...tableParameters, ...optional('TableName', importTable) };
    return {
        mode,
        ...common,
        ...readResume(r, common.engine),
        // Empty only when a problem is recorded, and then no plan is made.
        tableName: importTable ?? '',
        source,
        ...optional('tableParameters', parameters),
        existingTable,
        rejectedItems,
        restore,
    };
}
const IMPORT_ONLY = [
    constants/* Input */.pd.TableCreationParameters,
    constants/* Input */.pd.PartitionKey,
    constants/* Input */.pd.SortKey,
    constants/* Input */.pd.RejectedItems,
    constants/* Input */.pd.CsvHeader,
];
/** Refuses the import-only inputs with mode: export; `rejected-items` is allowed with `verify: true` (it names the differences file). */
function rejectImportOnlyInputs(r, options = {}) {
    for (const name of IMPORT_ONLY) {
        if (name === constants/* Input */.pd.RejectedItems && options.verify === true)
            continue;
        r.notApplicable(name, 'expected it only with mode: import or validate');
    }
    rejectRestoreInputs(r);
    if (r.changedFromDefault(constants/* Input */.pd.ExistingTable)) {
        r.reject(constants/* Input */.pd.ExistingTable, r.get(constants/* Input */.pd.ExistingTable), 'expected it only with mode: import');
    }
}
function readImportSource(r, context, mode, table) {
    const location = readLocation(r, context, mode, table) ?? placeholderLocation;
    const format = readFormat(r);
    const compression = readCompression(r);
    const csv = readCsvOptions(r, format);
    return { location, format, compression, ...optional('csv', csv) };
}
const CSV_DELIMITERS = {
    ',': ',',
    ';': ';',
    ':': ':',
    '|': '|',
    '\t': '\t',
    '\\t': '\t',
    tab: '\t',
    ' ': ' ',
    space: ' ',
};
function parseCsvDelimiter(value) {
    const delimiter = CSV_DELIMITERS[value] ?? CSV_DELIMITERS[value.trim().toLowerCase()];
    if (delimiter === undefined)
        throw new parsing_values/* InvalidValue */.h6('one of , ; : | \\t (tab) and a single space');
    return delimiter;
}
function readCsvOptions(r, format) {
    const header = r.parse(constants/* Input */.pd.CsvHeader, parseCsvHeader);
    if (format !== 'CSV') {
        if (r.untrimmedChangedFromDefault(constants/* Input */.pd.CsvDelimiter)) {
            r.reject(constants/* Input */.pd.CsvDelimiter, r.untrimmed(constants/* Input */.pd.CsvDelimiter), `expected no csv-delimiter with format ${format}; it applies to CSV only`);
        }
        if (r.given(constants/* Input */.pd.CsvHeader))
            r.reject(constants/* Input */.pd.CsvHeader, r.get(constants/* Input */.pd.CsvHeader), `expected no csv-header with format ${format}; it applies to CSV only`);
        return undefined;
    }
    const delimiter = r.parseDefaulted(constants/* Input */.pd.CsvDelimiter, parseCsvDelimiter, { untrimmed: true });
    return { delimiter, ...optional('header', header) };
}
function parseCsvHeader(value) {
    const names = value.split(',').map((n) => n.trim());
    if (names.some((n) => n === ''))
        throw new parsing_values/* InvalidValue */.h6('comma-separated column names, none of them empty');
    const duplicate = names.find((n, i) => names.indexOf(n) !== i);
    if (duplicate !== undefined)
        throw new parsing_values/* InvalidValue */.h6(`comma-separated column names, each once; ${duplicate} appears twice`);
    return names;
}
/** The table parameters, and whether a key schema input was given but could not be read (already reported). */
function readTableParameters(r) {
    const params = r.parse(constants/* Input */.pd.TableCreationParameters, parseTableCreationParameters);
    const partitionKey = r.parse(constants/* Input */.pd.PartitionKey, parseKeyShorthand);
    const unreadable = (r.given(constants/* Input */.pd.TableCreationParameters) && params === undefined) ||
        (r.given(constants/* Input */.pd.PartitionKey) && partitionKey === undefined);
    const sortKey = r.parse(constants/* Input */.pd.SortKey, parseKeyShorthand);
    if (r.given(constants/* Input */.pd.SortKey) && !r.given(constants/* Input */.pd.PartitionKey)) {
        r.missing(constants/* Input */.pd.PartitionKey, 'sort-key is set, and a sort key needs a partition key');
    }
    if (partitionKey !== undefined && params?.KeySchema !== undefined) {
        r.reject(constants/* Input */.pd.PartitionKey, r.get(constants/* Input */.pd.PartitionKey), 'expected no partition-key when table-creation-parameters has a KeySchema; give the key schema in one place');
    }
    return [buildTableParameters(params, partitionKey, sortKey), unreadable];
}
/**
 * Where rejected items go: never where the source would list them, or a
 * re-import would read them back; a relative path stays in the workspace.
 */
function readRejectedItems(r, context, source, what = 'rejected') {
    const given = r.parse(constants/* Input */.pd.RejectedItems, parseFileLocation((0,external_node_path_.resolve)(workspace(context))));
    if (given === undefined)
        return defaultFileInTemp(context, what);
    if (listedBy(source, given)) {
        r.reject(constants/* Input */.pd.RejectedItems, r.get(constants/* Input */.pd.RejectedItems), 'expected a place outside the source, or a re-import would read the rejected items back');
    }
    return given;
}
/** An s3://bucket/key URL or a local file path (a relative one inside `base`): rejected-items, checkpoint. */
function parseFileLocation(base) {
    return (value) => {
        if (!value.startsWith('s3://')) {
            checkLocalPath(value);
            const path = (0,external_node_path_.resolve)(base, value);
            if (!(0,external_node_path_.isAbsolute)(value) && !isInside(path, base)) {
                throw new parsing_values/* InvalidValue */.h6(`a local path inside the workspace (${base}) when it is relative, or an absolute path; this one resolves to ${path}`);
            }
            return { kind: 'local', path };
        }
        const match = /^s3:\/\/([^/]+)\/([\s\S]+)$/.exec(value);
        if (!match?.[1] || !match[2])
            throw new parsing_values/* InvalidValue */.h6('an s3://bucket/key URL or a local file path');
        const [, bucket, key] = match;
        if (!isValid(checkBucket, bucket)) {
            throw new parsing_values/* InvalidValue */.h6('an s3://bucket/key URL whose bucket is an S3 bucket name: 3 to 63 characters from a-z, 0-9, . and -');
        }
        const problem = keyProblem(key);
        if (problem !== undefined)
            throw new parsing_values/* InvalidValue */.h6(`an s3://bucket/key URL with a key ${problem}`);
        return { kind: 's3', bucket, prefix: key };
    };
}
/** The default place of the rejected-items or differences file: a new file under RUNNER_TEMP. */
function defaultFileInTemp(context, what) {
    return {
        kind: 'local',
        path: (0,external_node_path_.resolve)(nonEmpty(context.env.RUNNER_TEMP) ?? (0,external_node_os_.tmpdir)(), `dynamodb-s3-transfer-${what}-${context.now.getTime()}.jsonl`),
    };
}
/**
 * Whether reading the source would list `target`: an S3 key under the
 * source's prefix (S3 prefixes match any key that starts with them) in the
 * same bucket, or a local path that is the source or inside it. A local
 * source file means that file alone, so a file beside it whose name starts
 * with the source's (`items.json.rejected.jsonl`) is not listed.
 */
function listedBy(source, target) {
    if (target.kind === 's3' && source.kind === 's3') {
        return target.bucket === source.bucket && target.prefix.startsWith(source.prefix);
    }
    if (target.kind === 'local' && source.kind === 'local' && source.path !== '') {
        return isInside(target.path, source.path);
    }
    return false;
}

;// CONCATENATED MODULE: ./src/inputs/checkpoint.ts
// The `checkpoint` input: where a direct import keeps its checkpoint, an
// s3:// URL or a local path (relative paths stay in the workspace), never
// where the source would list it (a re-import would read it as data) and
// never the rejected-items place.




function checkpoint_readCheckpoint(r, context, plan) {
    const given = r.parse(constants/* Input */.pd.Checkpoint, parseFileLocation((0,external_node_path_.resolve)(workspace(context))));
    if (given === undefined)
        return undefined;
    const value = r.get(constants/* Input */.pd.Checkpoint);
    if (plan.engine.engine === 'managed') {
        r.reject(constants/* Input */.pd.Checkpoint, value, "expected it only with engine: direct (or auto); AWS's ImportTable keeps no checkpoint");
    }
    else if (listedBy(plan.source.location, given)) {
        r.reject(constants/* Input */.pd.Checkpoint, value, 'expected a place outside the source (a different bucket or prefix, or a path outside the source folder): a checkpoint inside it would be read back as data');
    }
    else if (sameLocation(given, plan.rejectedItems)) {
        r.reject(constants/* Input */.pd.Checkpoint, value, 'expected a place other than rejected-items');
    }
    return given;
}
function rejectCheckpoint(r, mode) {
    r.notApplicable(constants/* Input */.pd.Checkpoint, `expected it only with mode: import (mode ${mode} writes no table)`);
}
function sameLocation(a, b) {
    if (a.kind === 's3' && b.kind === 's3')
        return a.bucket === b.bucket && a.prefix === b.prefix;
    return a.kind === 'local' && b.kind === 'local' && (0,external_node_path_.resolve)(a.path) === (0,external_node_path_.resolve)(b.path);
}

// EXTERNAL MODULE: ./src/inputs/reader.ts
var reader = __webpack_require__(9066);
;// CONCATENATED MODULE: ./src/inputs/verify.ts
// The verify inputs: `mode: verify` (a table and a source, read as an import
// reads it; the differences file where `rejected-items` says, since verify
// rejects nothing) and `verify: true` on an import or export.






function readVerifyPlan(r, context, common) {
    const tableName = r.parse(constants/* Input */.pd.TableName, checkTableName);
    if (!r.given(constants/* Input */.pd.TableName))
        r.missing(constants/* Input */.pd.TableName, 'mode: verify needs the table to compare');
    const partition = r.parse(constants/* Input */.pd.PartitionKey, parseKeyShorthand);
    const sort = r.parse(constants/* Input */.pd.SortKey, parseKeyShorthand);
    if (r.given(constants/* Input */.pd.SortKey) && !r.given(constants/* Input */.pd.PartitionKey)) {
        r.missing(constants/* Input */.pd.PartitionKey, 'sort-key is set, and a sort key needs a partition key');
    }
    r.notApplicable(constants/* Input */.pd.TableCreationParameters, 'expected no table-creation-parameters with mode: verify, which takes the key schema from the table (partition-key and sort-key, when given, are checked against it)');
    if (r.changedFromDefault(constants/* Input */.pd.ExistingTable)) {
        r.reject(constants/* Input */.pd.ExistingTable, r.get(constants/* Input */.pd.ExistingTable), 'expected it only with mode: import');
    }
    if (r.changedFromDefault(constants/* Input */.pd.Verify)) {
        r.reject(constants/* Input */.pd.Verify, r.get(constants/* Input */.pd.Verify), 'expected it only with mode: import or export; mode: verify is the comparison itself');
    }
    const source = readImportSource(r, context, 'verify', tableName);
    const differences = readRejectedItems(r, context, source.location, 'differences');
    return {
        mode: 'verify',
        ...common,
        // Empty only when a problem is recorded, and then no plan is made.
        tableName: tableName ?? '',
        source,
        ...optional('keys', partition === undefined ? undefined : { partition, ...optional('sort', sort) }),
        differences,
    };
}
/** `verify`, read once; what it allows is checked by `withVerification`. */
function readVerifyFlag(r) {
    return r.parseDefaulted(constants/* Input */.pd.Verify, parsing_values/* parseBoolean */.yG);
}
/** An import or export plan with `verify: true` checked and its differences file placed. */
function withVerification(r, context, plan, verify) {
    if (!verify)
        return plan;
    const refuse = (why) => {
        r.reject(constants/* Input */.pd.Verify, r.get(constants/* Input */.pd.Verify), why);
        return plan;
    };
    if (!plan.waiting.wait) {
        return refuse('expected false with wait: false, because the comparison needs the work to have finished');
    }
    if (plan.mode === 'export') {
        if (plan.exportType.kind === 'INCREMENTAL_EXPORT') {
            return refuse('expected false with an incremental export, which holds changes rather than the table');
        }
        if (plan.expressions?.projection !== undefined) {
            return refuse('expected false with projection-expression: the export holds part of each item, and verify compares whole items');
        }
        // An export rejects nothing: rejected-items, when given, names the differences file.
        const given = r.given(constants/* Input */.pd.RejectedItems)
            ? readRejectedItems(r, context, plan.destination, 'differences')
            : defaultFileInTemp(context, 'differences');
        return { ...plan, verification: { differences: given } };
    }
    const differences = r.given(constants/* Input */.pd.RejectedItems)
        ? besideRejects(plan.rejectedItems)
        : defaultFileInTemp(context, 'differences');
    if (listedBy(plan.source.location, differences)) {
        return refuse(`expected a rejected-items place whose differences file (${describe(differences)}) the source would not list`);
    }
    return { ...plan, verification: { differences } };
}
/** `<name>.differences.jsonl` beside the rejected-items file (`.jsonl` replaced when it has it). */
function besideRejects(rejects) {
    const name = (path) => `${path.replace(/\.jsonl$/, '')}.differences.jsonl`;
    return rejects.kind === 'local'
        ? { kind: 'local', path: name(rejects.path) }
        : { ...rejects, prefix: name(rejects.prefix) };
}
function describe(location) {
    return location.kind === 's3' ? `s3://${location.bucket}/${location.prefix}` : location.path;
}

;// CONCATENATED MODULE: ./src/inputs/index.ts
// Every input read and checked in one place into one typed Plan. All checks
// that need no network happen here, and all problems are reported together.
//
// reader.ts reads one input at a time and collects problems; common.ts has
// the inputs every mode shares; import.ts and export.ts the ones of each
// mode; engine.ts decides the engine. Only this file knows them all.










const MODES = ['export', 'import', 'validate', 'verify'];
const EXISTING_TABLE = ['fail', 'merge', 'replace'];
function readPlan(context) {
    const r = new reader/* InputReader */.i(context.env);
    const mode = r.parse(constants/* Input */.pd.Mode, (v) => (0,parsing_values/* parseEnum */.nL)(v, MODES));
    if (mode === undefined) {
        if (!r.given(constants/* Input */.pd.Mode))
            r.missing(constants/* Input */.pd.Mode, `expected one of ${MODES.join(', ')}`);
        // Without a mode only the inputs every mode shares can be checked.
        readCommon(r, context, { engine: 'direct', reason: '' });
        throw r.error();
    }
    const plan = buildPlan(r, context, mode);
    r.throwIfAny();
    return plan;
}
function buildPlan(r, context, mode) {
    const plan = buildModePlan(r, context, mode);
    if (plan.mode !== 'import') {
        rejectCheckpoint(r, mode);
        return plan;
    }
    const checkpoint = checkpoint_readCheckpoint(r, context, plan);
    return checkpoint === undefined ? plan : { ...plan, checkpoint };
}
function buildModePlan(r, context, mode) {
    const existingTable = r.parseDefaulted(constants/* Input */.pd.ExistingTable, (v) => (0,parsing_values/* parseEnum */.nL)(v, EXISTING_TABLE));
    const common = readCommon(r, context, decideEngine(r, mode, existingTable, context.env));
    if (mode === 'verify') {
        rejectExportOnlyInputs(r);
        rejectResumeInputs(r);
        return readVerifyPlan(r, context, common);
    }
    const verify = readVerifyFlag(r);
    if (mode === 'export') {
        rejectImportOnlyInputs(r, { verify });
        return withVerification(r, context, readExportPlan(r, context, common), verify);
    }
    rejectExportOnlyInputs(r);
    const plan = readImportPlan(r, context, mode, common, existingTable);
    if (plan.mode === 'validate') {
        if (verify)
            r.reject(constants/* Input */.pd.Verify, r.get(constants/* Input */.pd.Verify), 'expected it only with mode: import or export');
        return plan;
    }
    return withVerification(r, context, plan, verify);
}

;// CONCATENATED MODULE: ./src/inputs/undeclared.ts
// Inputs the workflow gave that action.yml does not declare: the runner
// passes `with: { tabel-name: Orders }` on as INPUT_TABEL-NAME without a
// word, and the action would then say only that table-name is not set.


const DECLARED = new Map(Object.values(constants/* Input */.pd).map((name) => [(0,reader/* inputVariable */.L)(name), name]));
function undeclaredInputs(env) {
    return Object.keys(env)
        .filter((variable) => variable.startsWith('INPUT_') && !DECLARED.has(variable))
        .map((variable) => {
        const name = variable.slice('INPUT_'.length).toLowerCase();
        const closest = closestDeclared(name);
        return closest === undefined ? { name } : { name, closest };
    });
}
/** A sentence for the log, naming the declared input meant when one is close. */
function undeclaredWarning({ name, closest }) {
    const meant = closest === undefined ? '' : `; did you mean "${closest}"?`;
    return `Input "${name}" is not an input of this action, so it is ignored${meant}`;
}
/** A typo or a swapped pair of letters: within a third of the name's length in edits, and at most 3. */
function closestDeclared(name) {
    let best;
    for (const declared of DECLARED.values()) {
        const distance = editDistance(name.replace(/_/g, '-'), declared);
        if (best === undefined || distance < best.distance)
            best = { name: declared, distance };
    }
    return best !== undefined && best.distance <= Math.min(3, Math.ceil(name.length / 3)) ? best.name : undefined;
}
/** Levenshtein distance with adjacent transpositions counted as one edit. */
function editDistance(a, b) {
    const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
    for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
            const row = rows[i];
            const above = rows[i - 1];
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            row[j] = Math.min(above[j] + 1, row[j - 1] + 1, above[j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
                row[j] = Math.min(row[j], rows[i - 2][j - 2] + 1);
        }
    }
    return rows[a.length][b.length];
}

;// CONCATENATED MODULE: ./src/managed/follow.ts
// Follows a started job: returns at once with wait: false, else polls until a
// final status, the timeout or a cancellation, logging each poll.


const FINAL = new Set(['COMPLETED', 'FAILED', 'CANCELLED']);
async function followJob(options) {
    const { plan, deps } = options;
    if (!plan.waiting.wait) {
        return {
            state: options.initial,
            timedOut: false,
            aborted: false,
            note: 'wait is false: the job goes on server-side; follow it with its ARN.',
        };
    }
    const outcome = await pollUntil({
        describe: options.describe,
        isFinal: (state) => FINAL.has(options.statusOf(state) ?? ''),
        onPoll: (state) => deps.log(`${options.statusOf(state)}: ${options.progressOf(state)}`),
        firstIntervalMs: plan.waiting.pollIntervalMs,
        deadline: deps.now() + plan.waiting.timeoutMs,
        signal: deps.signal,
        sleep: deps.sleep,
        now: deps.now,
    });
    const state = outcome.state ?? options.initial;
    if (outcome.kind === 'final')
        return { state, timedOut: false, aborted: false, note: '' };
    if (outcome.kind === 'deadline') {
        // A job whose status could not be read for the last polls is not known to be running.
        const status = outcome.lastError === undefined
            ? 'Still running'
            : `The status could not be read at the last poll (${outcome.lastError}), so it is unknown,`;
        return {
            state,
            timedOut: true,
            aborted: false,
            note: `${status} after ${(0,parsing_values/* formatDuration */.a3)(plan.waiting.timeoutMs)} (timeout); the job goes on server-side.`,
        };
    }
    return {
        state,
        timedOut: false,
        aborted: true,
        note: 'The step was cancelled while waiting; the job goes on server-side.',
    };
}
function consoleLink(region, kind, arn) {
    const page = kind === 'import' ? 'import-from-s3' : 'export-to-s3';
    return `https://${region}.console.aws.amazon.com/dynamodbv2/home?region=${region}#${page}/${encodeURIComponent(arn)}`;
}

;// CONCATENATED MODULE: ./src/managed/preflight-export.ts
// Before a paid export: the table's ARN, point-in-time recovery enabled, and
// the export time or window inside the recovery window.




async function preflightExport(plan, dynamodb, now) {
    const tableName = plan.table.name ?? '';
    let tableArn = plan.table.arn;
    if (tableArn === undefined) {
        const table = await describeTable(dynamodb, tableName).catch((error) => {
            throw explain(error, 'DescribeTable');
        });
        if (table?.TableArn === undefined)
            throw new errors/* TransferError */.aG('TABLE_NOT_FOUND', `Table ${tableName} does not exist in ${plan.aws.region}; nothing was exported.`);
        tableArn = table.TableArn;
    }
    let backups;
    try {
        backups = await dynamodb.send(new dist_cjs/* DescribeContinuousBackupsCommand */.NXH({ TableName: tableArn }));
    }
    catch (error) {
        throw explain(error, 'DescribeContinuousBackups');
    }
    const pitr = backups.ContinuousBackupsDescription?.PointInTimeRecoveryDescription;
    if (pitr?.PointInTimeRecoveryStatus !== 'ENABLED') {
        throw new errors/* TransferError */.aG('PITR_DISABLED', `Point-in-time recovery is not enabled on ${tableName}, and exports need it. Enable it once with: aws dynamodb update-continuous-backups --table-name ${tableName} --point-in-time-recovery-specification PointInTimeRecoveryEnabled=true`);
    }
    const earliest = pitr.EarliestRestorableDateTime;
    const latest = pitr.LatestRestorableDateTime ?? now;
    const window = `${earliest?.toISOString() ?? '?'} to ${latest.toISOString()}`;
    const check = (what, time) => {
        if (time === undefined)
            return;
        if ((earliest !== undefined && time < earliest) || time > now) {
            throw new errors/* TransferError */.aG('OUTSIDE_PITR_WINDOW', `The ${what} ${time.toISOString()} is outside the point-in-time recovery window of ${tableName} (${window}).`);
        }
    };
    if (plan.exportType.kind === 'FULL_EXPORT')
        check('export time', plan.exportType.exportTime);
    else
        check('start of the incremental window', plan.exportType.from);
    return { tableArn, tableName: tableName || (tableArn.split('/').pop() ?? '') };
}

;// CONCATENATED MODULE: ./src/managed/start.ts
// Starting a job idempotently: the derived client token finds a job this
// step already started; a job found that way which FAILED or was CANCELLED
// is started afresh with the run attempt in the token, and the log says so.

async function startIdempotently(options) {
    const { deps } = options;
    const token = options.givenToken ?? deriveClientToken(options.request, { env: deps.env });
    const job = await options.start(token);
    const status = options.statusOf(job);
    if (options.givenToken !== undefined || (status !== 'FAILED' && status !== 'CANCELLED')) {
        return { job, token, restarted: false };
    }
    const attempt = deps.env.GITHUB_RUN_ATTEMPT ?? String(deps.now());
    deps.log(`This step already started this ${options.what} before, and it ended ${status}; starting a new one (run attempt ${attempt}).`);
    const retryToken = deriveClientToken(options.request, { env: deps.env, attempt });
    return { job: await options.start(retryToken), token: retryToken, restarted: true };
}

;// CONCATENATED MODULE: ./src/managed/export.ts
// The managed export: AWS's ExportTableToPointInTime, full or incremental,
// started safely and followed to a final status.





async function runManagedExport(plan, deps, engineReason) {
    const started = deps.now();
    const preflight = await preflightExport(plan, deps.dynamodb, new Date(started));
    deps.phase('Export');
    const request = export_exportRequest(plan, preflight.tableArn);
    const { job, restarted } = await startIdempotently({
        request,
        givenToken: plan.clientToken,
        deps,
        what: 'export',
        start: async (token) => {
            try {
                return ((await deps.dynamodb.send(new dist_cjs/* ExportTableToPointInTimeCommand */.JUe({ ...request, ClientToken: token })))
                    .ExportDescription ?? {});
            }
            catch (error) {
                throw explain(error, 'ExportTableToPointInTime');
            }
        },
        statusOf: (description) => description.ExportStatus,
    });
    const arn = job.ExportArn ?? '';
    deps.log(`Export ${arn} is ${job.ExportStatus}${restarted ? ' (restarted)' : ''}: ${consoleLink(plan.aws.region, 'export', arn)}`);
    const final = await followJob({
        plan,
        deps,
        initial: job,
        describe: async () => (await deps.dynamodb.send(new dist_cjs/* DescribeExportCommand */.XIc({ ExportArn: arn }))).ExportDescription ?? {},
        statusOf: (d) => d.ExportStatus,
        progressOf: (d) => `${d.ItemCount ?? 0} item(s), ${d.BilledSizeBytes ?? 0} billed bytes`,
    });
    deps.phase('Counts');
    const description = final.state;
    const status = (description.ExportStatus ?? 'IN_PROGRESS');
    const bucket = plan.destination.kind === 's3' ? plan.destination.bucket : '';
    const exportId = arn.split('/').pop() ?? '';
    const root = plan.destination.kind === 's3' && plan.destination.prefix !== ''
        ? `${plan.destination.prefix.replace(/\/$/, '')}/`
        : '';
    const dataFolder = plan.exportType.kind === 'FULL_EXPORT' ? `${root}AWSDynamoDB/${exportId}/data/` : `${root}AWSDynamoDB/data/`;
    const notes = [final.note];
    if (description.FailureCode !== undefined)
        notes.push(`AWS says ${description.FailureCode}: ${description.FailureMessage ?? ''}`);
    return {
        mode: 'export',
        engine: 'managed',
        engineReason,
        status,
        ...(final.timedOut ? { timedOut: true } : {}),
        ...(final.aborted ? { aborted: true } : {}),
        exportType: plan.exportType.kind,
        tableName: preflight.tableName,
        tableArn: preflight.tableArn,
        jobArn: arn,
        source: `table ${preflight.tableName}`,
        destination: `s3://${bucket}/${root}`,
        ...(description.ItemCount === undefined ? {} : { itemCount: description.ItemCount }),
        ...(description.BilledSizeBytes === undefined ? {} : { processedSizeBytes: description.BilledSizeBytes }),
        ...(status === 'COMPLETED' && description.ExportManifest !== undefined
            ? {
                exportManifest: `s3://${bucket}/${description.ExportManifest}`,
                dataUrl: `s3://${bucket}/${dataFolder}`,
                // The export's own folder holds its manifests, whichever data/ folder its files are in.
                ...(plan.destination.kind === 's3' && {
                    exportFolder: { ...plan.destination, prefix: `${root}AWSDynamoDB/${exportId}/` },
                }),
            }
            : {}),
        durationSeconds: (deps.now() - started) / 1000,
        errors: [],
        note: notes.filter((n) => n !== '').join(' '),
    };
}
function export_exportRequest(plan, tableArn) {
    const destination = plan.destination;
    const type = plan.exportType;
    const expressions = plan.expressions;
    return {
        TableArn: tableArn,
        S3Bucket: destination.kind === 's3' ? destination.bucket : '',
        ...(destination.kind === 's3' && destination.prefix !== '' ? { S3Prefix: destination.prefix } : {}),
        ...(destination.kind === 's3' && destination.owner !== undefined ? { S3BucketOwner: destination.owner } : {}),
        ...(plan.encryption === undefined
            ? {}
            : {
                S3SseAlgorithm: plan.encryption.algorithm,
                ...(plan.encryption.kmsKeyId === undefined ? {} : { S3SseKmsKeyId: plan.encryption.kmsKeyId }),
            }),
        ExportFormat: plan.format,
        ExportType: type.kind,
        ...(type.kind === 'FULL_EXPORT'
            ? type.exportTime === undefined
                ? {}
                : { ExportTime: type.exportTime }
            : {
                IncrementalExportSpecification: {
                    ExportFromTime: type.from,
                    ExportToTime: type.to,
                    ExportViewType: type.viewType,
                },
            }),
        ...(expressions === undefined
            ? {}
            : {
                FilterSpecification: {
                    ...(expressions.filter === undefined ? {} : { FilterExpression: expressions.filter }),
                    ...(expressions.projection === undefined ? {} : { ProjectionExpression: expressions.projection }),
                    ...(expressions.keyCondition === undefined ? {} : { KeyConditionExpression: expressions.keyCondition }),
                    ...(expressions.names === undefined ? {} : { ExpressionAttributeNames: expressions.names }),
                    ...(expressions.values === undefined ? {} : { ExpressionAttributeValues: expressions.values }),
                },
            }),
    };
}

;// CONCATENATED MODULE: ./src/managed/cloudwatch.ts
// For a failed import, the first error events AWS wrote to CloudWatch Logs
// (/aws-dynamodb/imports, stream <importId>/error), with the S3 object and
// item index each one names, so nobody has to go digging.
const IMPORT_LOG_GROUP = '/aws-dynamodb/imports';
async function readImportErrors(logs, importArn, limit = 10) {
    const importId = importArn.split('/').pop() ?? '';
    const stream = `${importId}/error`;
    try {
        const { client, sdk } = await logs();
        const response = await client.send(new sdk.GetLogEventsCommand({
            logGroupName: IMPORT_LOG_GROUP,
            logStreamName: stream,
            limit,
            startFromHead: true,
        }));
        return { samples: (response.events ?? []).map((event) => toSample(event.message ?? '')) };
    }
    catch (error) {
        const name = error.name ?? 'Error';
        const why = name === 'AccessDeniedException'
            ? `reading ${IMPORT_LOG_GROUP} ${stream} needs logs:GetLogEvents, which this role does not have`
            : `${name} reading ${IMPORT_LOG_GROUP} ${stream}: ${error.message}`;
        return { samples: [], unavailable: why };
    }
}
/** `{"itemS3Pointer":{"bucket","key","itemIndex"},"errorMessages":[...]}` as AWS logs it. */
function toSample(message) {
    try {
        const event = JSON.parse(message);
        const pointer = event.itemS3Pointer ?? {};
        return {
            location: `s3://${pointer.bucket ?? ''}/${pointer.key ?? ''} item ${pointer.itemIndex ?? '?'}`,
            code: 'ItemValidationError',
            message: (event.errorMessages ?? []).join('; ') || message,
        };
    }
    catch {
        return { location: IMPORT_LOG_GROUP, code: 'ItemValidationError', message };
    }
}

;// CONCATENATED MODULE: ./src/managed/preflight-import.ts
// Checks that cost nothing and save a failed paid import: the prefix holds
// objects (AWS completes with an empty table otherwise), no more than 50,000,
// it is not an export's root, the table does not exist yet, the compression
// is known, and the first items parse with their keys present.








async function preflightImport(plan, dynamodb, s3, guard) {
    const location = plan.source.location;
    if (location.kind !== 's3')
        throw new errors/* TransferError */.aG('INVALID_INPUT', 'The managed engine imports from S3 only; use bucket and prefix, or engine: direct for a local path.');
    const store = new S3Store(s3, location.bucket, {
        ...(location.owner !== undefined && { owner: location.owner }),
        ...(guard !== undefined && { guard }),
    });
    let objectCount = 0;
    let firstKey;
    const warnings = [];
    for await (const object of store.list(location.prefix, MAX_SOURCE_OBJECTS + 1)) {
        const inExport = exportFileOf(object.key);
        if (inExport !== undefined && MANIFEST_FILE_NAMES.includes(inExport.file)) {
            throw new errors/* TransferError */.aG('SOURCE_IS_EXPORT_ROOT', `${store.describe(location.prefix)} holds an export's manifests (${object.key}); AWS's ImportTable reads data files only: set prefix to ${exportFolder(inExport.root, inExport.exportId)}data/`);
        }
        if (object.key.endsWith('/'))
            continue;
        objectCount += 1;
        firstKey ??= object.key;
        if (object.size > preflight_import_LARGE_OBJECT_BYTES) {
            warnings.push(`${store.describe(object.key)} is ${(object.size / 1024 ** 3).toFixed(1)} GiB; AWS recommends mid-sized objects (about 4,000,000 items of under 1 KB each), which import in parallel.`);
        }
    }
    if (firstKey === undefined) {
        throw new errors/* TransferError */.aG('SOURCE_EMPTY', `No objects found under ${store.describe(location.prefix)}; AWS would complete the import with an empty table. Nothing was started.`);
    }
    if (objectCount > MAX_SOURCE_OBJECTS) {
        throw new errors/* TransferError */.aG('SOURCE_TOO_MANY_OBJECTS', `More than ${MAX_SOURCE_OBJECTS.toLocaleString('en-US')} objects under ${store.describe(location.prefix)}; ImportTable reads at most ${MAX_SOURCE_OBJECTS.toLocaleString('en-US')}. Consolidate them or narrow the prefix.`);
    }
    if ((await describeTable(dynamodb, plan.tableName)) !== undefined) {
        throw new errors/* TransferError */.aG('TABLE_EXISTS', `Table ${plan.tableName} already exists, and AWS's ImportTable only creates new tables (it would fail with ResourceInUseException). Choose another table-name, delete the table, or use engine: direct with existing-table: merge.`);
    }
    // Sample the first object: the compression, then the first items.
    const compression = plan.source.compression === 'auto' ? await compressionOf(store.read(firstKey)) : plan.source.compression;
    const keys = keyChecksFrom(plan.tableParameters ?? {});
    const options = {
        format: plan.source.format,
        compression,
        keys,
        ...(plan.source.csv === undefined ? {} : { csv: plan.source.csv }),
    };
    const sample = await sampleObject(store, firstKey, options);
    refuseUnreadable(sample, store.describe(firstKey), `${plan.source.format} (${compression})`, 'Nothing was started.');
    const partitionKey = keys[0]?.name;
    const partitionValues = sample.records.flatMap((r) => 'error' in r || partitionKey === undefined ? [] : [JSON.stringify(r.item[partitionKey] ?? null)]);
    if (partitionKey !== undefined && looksSorted(partitionValues)) {
        warnings.push(`The first items of ${store.describe(firstKey)} are in order of their partition key ${partitionKey}: sorted data makes a rolling hot partition during the import. AWS recommends shuffling it first.`);
    }
    return {
        warnings,
        objectCount,
        firstKey,
        compression,
        sampled: sample.records.length,
        sampleErrors: sample.errors,
    };
}
/** AWS recommends mid-sized objects; past about 4 GiB an object is imported by one worker. */
const preflight_import_LARGE_OBJECT_BYTES = 4 * 1024 ** 3;
/** Sorted by partition key: mostly runs of equal keys, or keys in ascending order. */
function looksSorted(values) {
    if (values.length < 10)
        return false;
    let repeats = 0;
    let ascending = 0;
    for (let i = 1; i < values.length; i++) {
        if (values[i] === values[i - 1])
            repeats += 1;
        else if (values[i] > values[i - 1])
            ascending += 1;
    }
    const pairs = values.length - 1;
    return repeats / pairs >= 0.5 || (repeats + ascending) / pairs >= 0.95;
}

;// CONCATENATED MODULE: ./src/managed/import.ts
// The managed import: AWS's ImportTable, started safely, followed to a final
// status, and explained (the first CloudWatch errors for a failed import).







async function runManagedImport(plan, deps, engineReason) {
    const started = deps.now();
    const preflight = await preflightImport(plan, deps.dynamodb, deps.s3, readGuard(deps));
    deps.log(`Pre-flight: ${preflight.objectCount} object(s), ${preflight.compression}; the first ${preflight.sampled} item(s) of ${preflight.firstKey} parse with their keys${preflight.sampleErrors.length > 0 ? ` except ${preflight.sampleErrors.length}` : ''}.`);
    for (const error of preflight.sampleErrors.slice(0, 3))
        deps.warn(`${preflight.firstKey} line ${error.line}: ${error.message}`);
    deps.phase('Import');
    const request = importRequest(plan, preflight.compression);
    const { job, restarted } = await startIdempotently({
        request,
        givenToken: plan.clientToken,
        deps,
        what: 'import',
        start: async (token) => {
            try {
                const response = await deps.dynamodb.send(new dist_cjs/* ImportTableCommand */.Lni({ ...request, ClientToken: token }));
                return response.ImportTableDescription ?? {};
            }
            catch (error) {
                throw explain(error, 'ImportTable');
            }
        },
        statusOf: (description) => description.ImportStatus,
    });
    const arn = job.ImportArn ?? '';
    deps.log(`Import ${arn} is ${job.ImportStatus}${restarted ? ' (restarted)' : ''}: ${consoleLink(plan.aws.region, 'import', arn)}`);
    const final = await followJob({
        plan,
        deps,
        initial: job,
        describe: async () => (await deps.dynamodb.send(new dist_cjs/* DescribeImportCommand */.kIG({ ImportArn: arn }))).ImportTableDescription ?? {},
        statusOf: (d) => d.ImportStatus,
        progressOf: (d) => `processed ${d.ProcessedItemCount ?? 0} item(s), imported ${d.ImportedItemCount ?? 0}, ${d.ErrorCount ?? 0} error(s), ${d.ProcessedSizeBytes ?? 0} bytes`,
    });
    deps.phase('Counts');
    const description = final.state;
    const status = (description.ImportStatus === 'CANCELLING' ? 'IN_PROGRESS' : (description.ImportStatus ?? 'IN_PROGRESS'));
    const errors = status === 'FAILED' ? await readImportErrors(deps.logs, arn) : { samples: [] };
    const notes = [final.note];
    if (description.FailureCode !== undefined)
        notes.push(`AWS says ${description.FailureCode}: ${description.FailureMessage ?? ''}`);
    if ('unavailable' in errors && errors.unavailable !== undefined)
        notes.push(`The error events could not be read: ${errors.unavailable}.`);
    if (status === 'FAILED' && errors.samples.length > 0)
        notes.push(`All errors are in CloudWatch Logs, /aws-dynamodb/imports, stream ${arn.split('/').pop()}/error.`);
    return {
        mode: 'import',
        engine: 'managed',
        engineReason,
        status,
        ...(final.timedOut ? { timedOut: true } : {}),
        ...(final.aborted ? { aborted: true } : {}),
        tableName: plan.tableName,
        ...(description.TableArn === undefined ? {} : { tableArn: description.TableArn }),
        jobArn: arn,
        source: plan.source.location.kind === 's3' ? `s3://${plan.source.location.bucket}/${plan.source.location.prefix}` : '',
        destination: `table ${plan.tableName}`,
        ...(description.ProcessedItemCount === undefined ? {} : { processedItemCount: description.ProcessedItemCount }),
        ...(description.ImportedItemCount === undefined ? {} : { importedItemCount: description.ImportedItemCount }),
        ...(description.ErrorCount === undefined ? {} : { errorCount: description.ErrorCount }),
        ...(description.ProcessedSizeBytes === undefined ? {} : { processedSizeBytes: description.ProcessedSizeBytes }),
        durationSeconds: (deps.now() - started) / 1000,
        errors: errors.samples,
        note: notes.filter((n) => n !== '').join(' '),
        ...(preflight.warnings.length > 0 && { warnings: preflight.warnings }),
    };
}
function importRequest(plan, compression) {
    const location = plan.source.location;
    const csv = plan.source.csv;
    return {
        S3BucketSource: {
            S3Bucket: location.kind === 's3' ? location.bucket : '',
            ...(location.kind === 's3' && location.prefix !== '' ? { S3KeyPrefix: location.prefix } : {}),
            ...(location.kind === 's3' && location.owner !== undefined ? { S3BucketOwner: location.owner } : {}),
        },
        InputFormat: plan.source.format === 'ION' ? 'ION' : plan.source.format,
        ...(csv === undefined
            ? {}
            : {
                InputFormatOptions: {
                    Csv: { Delimiter: csv.delimiter, ...(csv.header === undefined ? {} : { HeaderList: csv.header }) },
                },
            }),
        InputCompressionType: compression,
        TableCreationParameters: {
            ...plan.tableParameters,
            TableName: plan.tableName,
        },
    };
}

;// CONCATENATED MODULE: ./src/managed/engine.ts
// The managed engine: AWS does the work server-side; this action starts it
// right, waits well and explains the result.



async function runManaged(plan, deps, engineReason) {
    if (plan.mode === 'validate' || plan.mode === 'verify')
        throw new errors/* TransferError */.aG('INVALID_INPUT', `mode: ${plan.mode} runs on the direct engine only.`);
    return plan.mode === 'export'
        ? runManagedExport(plan, deps, engineReason)
        : runManagedImport(plan, deps, engineReason);
}

;// CONCATENATED MODULE: ./src/max-duration.ts
// `max-duration` and `timeout`: the direct engine stops itself the way a
// cancel stops it, through the same AbortSignal, but with a reason. After
// max-duration the run ends green with status IN_PROGRESS and a hint to run
// the step again, which continues it; after `timeout` it ends the same way
// but red (WAIT_TIMED_OUT), as a managed job still running at `timeout` does.

/** The abort reason when max-duration or timeout ran out; any other reason is a cancel. */
class DeadlineReached extends Error {
    limitMs;
    constructor(input, limitMs) {
        super(`${input} (${(0,parsing_values/* formatDuration */.a3)(limitMs)}) reached`);
        this.limitMs = limitMs;
    }
}
class MaxDurationReached extends DeadlineReached {
    constructor(limitMs) {
        super('max-duration', limitMs);
        this.name = 'MaxDurationReached';
    }
}
class TimeoutReached extends DeadlineReached {
    constructor(limitMs) {
        super('timeout', limitMs);
        this.name = 'TimeoutReached';
    }
}
/**
 * A signal that aborts when `cancel` does (SIGTERM, SIGINT), when `limitMs`
 * (max-duration) has passed since `startedAt`, with a MaxDurationReached
 * reason, or when `timeoutMs` has, with a TimeoutReached one; the earlier
 * wins, max-duration on a tie.
 */
function workSignal(cancel, limitMs, startedAt, now, onReached, timeoutMs) {
    const controller = new AbortController();
    const onCancel = () => controller.abort(cancel?.reason);
    if (cancel?.aborted)
        onCancel();
    else
        cancel?.addEventListener('abort', onCancel, { once: true });
    let timer;
    const deadline = limitMs !== undefined && (timeoutMs === undefined || limitMs <= timeoutMs)
        ? () => new MaxDurationReached(limitMs)
        : timeoutMs !== undefined
            ? () => new TimeoutReached(timeoutMs)
            : undefined;
    if (deadline !== undefined) {
        const reason = deadline();
        timer = setTimeout(() => {
            if (controller.signal.aborted)
                return;
            onReached(reason);
            controller.abort(reason);
        }, Math.max(0, startedAt + reason.limitMs - now()));
    }
    return {
        signal: controller.signal,
        dispose: () => {
            clearTimeout(timer);
            cancel?.removeEventListener('abort', onCancel);
        },
    };
}
/**
 * A direct run stopped by max-duration or timeout is not a cancel: it has
 * status IN_PROGRESS, and its note says how to go on; after timeout it is
 * `timedOut`, which fails the step. Any other result is returned as it is.
 */
function afterMaxDuration(result, signal) {
    const reason = signal.reason;
    if (!(reason instanceof DeadlineReached) || result.aborted !== true || result.engine !== 'direct')
        return result;
    const rest = { ...result };
    delete rest.aborted;
    return {
        ...rest,
        status: 'IN_PROGRESS',
        ...(reason instanceof TimeoutReached && { timedOut: true }),
        note: `${reason.message}: the ${result.mode} stopped, and a run of this step with the same inputs continues it where it stopped (resume: auto). ${result.note ?? ''}`.trim(),
    };
}

;// CONCATENATED MODULE: ./src/plan-text.ts
// The plan in plain words, printed before any work starts.

function describeLocation(location) {
    return location.kind === 's3' ? `s3://${location.bucket}/${location.prefix}` : location.path;
}
function describeSource(source) {
    const compression = source.compression === 'auto' ? 'compression: auto, told from the first bytes of each object' : source.compression;
    return `${source.format} (${compression}) from ${describeLocation(source.location)}`;
}
function describePlan(plan, choice) {
    const lines = [];
    if (plan.mode === 'export') {
        const table = plan.table.name ?? plan.table.arn ?? '';
        const when = plan.exportType.kind === 'FULL_EXPORT'
            ? `as of ${plan.exportType.exportTime?.toISOString() ?? 'now'}`
            : `changes from ${plan.exportType.from.toISOString()} to ${plan.exportType.to.toISOString()} (${plan.exportType.viewType})`;
        lines.push(`Read: table ${table}, ${when}.`);
        lines.push(`Write: ${plan.format} files, ${plan.compression}, under ${describeLocation(plan.destination)}.`);
    }
    else if (plan.mode === 'verify') {
        lines.push(`Read: table ${plan.tableName} (parallel Scan, consistent reads) and ${describeSource(plan.source)}, as an import would read it.`);
        lines.push(`Write: nothing but the differences file, at ${describeLocation(plan.differences)}, if anything differs.`);
    }
    else {
        const source = plan.source;
        lines.push(`Read: ${describeSource(source)}.`);
        if (plan.mode === 'validate') {
            lines.push('Write: nothing; every item is checked against the key schema.');
        }
        else {
            const existing = {
                fail: 'stop if it exists',
                merge: 'merge into it if it exists',
                replace: 'empty it first if it exists',
            }[plan.existingTable];
            lines.push(`Write: table ${plan.tableName} (${existing}).`);
        }
        // AWS's ImportTable keeps its rejected items in CloudWatch Logs, not in the action's file.
        if (choice.engine === 'managed')
            lines.push("Rejected items: AWS's import writes them to CloudWatch Logs; a failed import shows the first ones.");
        else
            lines.push(`Rejected items go to ${describeLocation(plan.rejectedItems)}.`);
    }
    if (plan.mode !== 'verify' && plan.mode !== 'validate' && plan.verification !== undefined) {
        lines.push(`Verify: then compare the table with ${plan.mode === 'export' ? 'the export' : 'the source'}, item by item; differences go to ${describeLocation(plan.verification.differences)}.`);
    }
    lines.push(`Engine: ${choice.engine}, because ${choice.reason}.`);
    const waiting = choice.engine === 'direct'
        ? `stop after ${(0,parsing_values/* formatDuration */.a3)(plan.waiting.timeoutMs)} at the latest (timeout), keeping where the work stopped`
        : plan.waiting.wait
            ? `wait up to ${(0,parsing_values/* formatDuration */.a3)(plan.waiting.timeoutMs)}`
            : 'return once the job has started';
    const failing = plan.mode === 'verify' ? 'differ or cannot be read' : 'cannot be moved';
    lines.push(`Then: ${waiting}; fail when more than ${plan.maxErrors} item(s) ${failing}.`);
    return lines;
}

;// CONCATENATED MODULE: ./src/sources/chain.ts
// Which exports restore a table to a point in time, and in what order: a
// pure function of the exports found and the restore inputs.
//
// Applying: the newest full export at or before restore-to, then every
// incremental export of the same table whose window ends at or before it,
// in order of exportToTime. Reverting: every incremental export that starts
// at or after restore-to, newest first. The windows must leave no gap (from
// the full export's time, when there is one, to the restore point); overlaps
// are fine, since each window holds each item's final state in it. A gap is
// returned, not thrown, so that the summary can draw it before the step fails.
// Two full exports of one exportTime as the base are refused: which holds the
// table as it was then cannot be told.

/** The exports' point in time: a full export's, or the end of an incremental export's window. */
function endOf(e) {
    return (e.type === 'FULL_EXPORT' ? e.exportTime : e.to);
}
function startOf(e) {
    return (e.type === 'FULL_EXPORT' ? e.exportTime : e.from);
}
const iso = (d) => d.toISOString();
const t = (d) => d.getTime();
function planChain(found, options) {
    if (found.length === 0)
        throw new errors/* TransferError */.aG('CHAIN_UNUSABLE', 'The source holds no finished export.');
    return options.changes === 'revert' ? planRevert(found, options.restoreTo) : planApply(found, options.restoreTo);
}
function planApply(found, requested) {
    const inReach = (e) => requested === undefined || t(endOf(e)) <= t(requested);
    const candidates = found.filter(inReach);
    if (candidates.length === 0) {
        const earliest = found.reduce((a, b) => (t(endOf(a)) <= t(endOf(b)) ? a : b));
        throw new errors/* TransferError */.aG('CHAIN_UNUSABLE', `restore-to ${iso(requested)} is before every export in the source: the earliest, ${earliest.shown}, reaches ${iso(endOf(earliest))}. Nothing was created or written.`);
    }
    const tableArn = chosenTable(candidates);
    const fulls = candidates.filter((e) => e.type === 'FULL_EXPORT' && e.tableArn === tableArn);
    const base = newest(fulls, endOf);
    const twin = fulls.find((e) => e !== base && base !== undefined && t(endOf(e)) === t(endOf(base)));
    if (base !== undefined && twin !== undefined)
        throw tie(tableArn, base, twin);
    const leftOut = [];
    const chainIncrementals = [];
    for (const e of found) {
        if (e === base)
            continue;
        if (e.tableArn !== tableArn)
            leftOut.push({ export: e, why: `an export of another table (${e.tableArn})` });
        else if (!inReach(e))
            leftOut.push({ export: e, why: `${e.type === 'FULL_EXPORT' ? 'made' : 'ends'} after restore-to` });
        else if (e.type === 'FULL_EXPORT')
            leftOut.push({ export: e, why: `an older full export; ${base?.id ?? ''} is the newest at or before restore-to` });
        else if (base !== undefined && t(endOf(e)) <= t(endOf(base)))
            leftOut.push({ export: e, why: `its window ends at or before the full export ${base.id} was made` });
        else
            chainIncrementals.push(e);
    }
    // Applied in order of their window's end: each leaves every item it holds as it was at that end.
    chainIncrementals.sort((a, b) => t(endOf(a)) - t(endOf(b)) || t(startOf(a)) - t(startOf(b)));
    const steps = [
        ...(base === undefined ? [] : [{ export: base, action: 'import' }]),
        ...chainIncrementals.map((e) => ({ export: e, action: 'apply' })),
    ];
    const start = base === undefined ? new Date(Math.min(...chainIncrementals.map((e) => t(startOf(e))))) : endOf(base);
    const gap = firstGap(base, chainIncrementals, start);
    const restoredTo = new Date(Math.max(t(start), ...chainIncrementals.map((e) => t(endOf(e)))));
    const notes = tablesNote(found, tableArn);
    if (base === undefined)
        notes.push(`No full export of this table is at or before the restore point: the changes can only be applied onto the table as it is (changes-onto-table: true), which must hold its state as of ${iso(start)}.`);
    if (requested !== undefined && t(restoredTo) < t(requested))
        notes.push(shortOfApply(found, tableArn, requested, restoredTo));
    return {
        tableArn,
        direction: 'apply',
        steps,
        leftOut,
        restoredTo,
        ...(requested === undefined ? {} : { requested }),
        notes,
        ...(gap === undefined ? {} : { gap }),
    };
}
function shortOfApply(found, tableArn, requested, restoredTo) {
    const inside = found.find((e) => e.tableArn === tableArn &&
        e.type === 'INCREMENTAL_EXPORT' &&
        t(startOf(e)) < t(requested) &&
        t(requested) < t(endOf(e)));
    if (inside !== undefined)
        return `restore-to ${iso(requested)} is inside the window of ${inside.id} (${iso(startOf(inside))} to ${iso(endOf(inside))}): an incremental export holds each item's state at its window's end only, so the table is restored to ${iso(restoredTo)}, the end of the last window that ends at or before restore-to.`;
    return `The exports reach only to ${iso(restoredTo)}, before restore-to ${iso(requested)}: the table is restored to ${iso(restoredTo)}.`;
}
function planRevert(found, requested) {
    const incrementals = found.filter((e) => e.type === 'INCREMENTAL_EXPORT');
    if (incrementals.length === 0)
        throw new errors/* TransferError */.aG('CHANGES_NOT_REVERTIBLE', 'changes: revert undoes incremental exports, and the source holds only full exports, which record no changes. Nothing was written.');
    const inReach = (e) => requested === undefined || t(startOf(e)) >= t(requested);
    const reachable = incrementals.filter(inReach);
    const tableArn = chosenTable(reachable.length > 0 ? reachable : incrementals);
    const leftOut = [];
    const reverted = [];
    for (const e of found) {
        if (e.tableArn !== tableArn)
            leftOut.push({ export: e, why: `an export of another table (${e.tableArn})` });
        else if (e.type === 'FULL_EXPORT')
            leftOut.push({ export: e, why: 'a full export records no changes to revert' });
        else if (!inReach(e))
            leftOut.push({ export: e, why: 'starts before restore-to' });
        else
            reverted.push(e);
    }
    if (reverted.length === 0)
        throw new errors/* TransferError */.aG('CHAIN_UNUSABLE', `No incremental export of ${tableArn} starts at or after restore-to ${iso(requested)}; nothing was written.`);
    const newImageOnly = reverted.filter((e) => e.view !== 'NEW_AND_OLD_IMAGES');
    if (newImageOnly.length > 0)
        throw new errors/* TransferError */.aG('CHANGES_NOT_REVERTIBLE', `changes: revert puts back each item's OldImage, and ${newImageOnly.map((e) => e.shown).join(', ')} ${newImageOnly.length === 1 ? 'was' : 'were'} exported with view NEW_IMAGE, which records no old images: what those items were before the window is not in the export. Nothing was written. Revert needs exports made with export-view-type: NEW_AND_OLD_IMAGES.`);
    const ascending = [...reverted].sort((a, b) => t(startOf(a)) - t(startOf(b)) || t(endOf(a)) - t(endOf(b)));
    const gap = firstGap(undefined, ascending, startOf(ascending[0]));
    // Newest first: the window that starts last is undone first, so each earlier one puts back what was before it.
    const steps = [...ascending].reverse().map((e) => ({ export: e, action: 'revert' }));
    const restoredTo = startOf(ascending[0]);
    const notes = tablesNote(found, tableArn);
    if (requested !== undefined && t(restoredTo) > t(requested)) {
        const inside = incrementals.find((e) => e.tableArn === tableArn && t(startOf(e)) < t(requested) && t(requested) < t(endOf(e)));
        notes.push(inside === undefined
            ? `No window starts at restore-to ${iso(requested)}: the table goes back to ${iso(restoredTo)}, the start of the earliest window reverted.`
            : `restore-to ${iso(requested)} is inside the window of ${inside.id} (${iso(startOf(inside))} to ${iso(endOf(inside))}): reverting it would go back past restore-to, so the table goes back to ${iso(restoredTo)}, the start of the earliest window reverted.`);
    }
    return {
        tableArn,
        direction: 'revert',
        steps,
        leftOut,
        restoredTo,
        ...(requested === undefined ? {} : { requested }),
        notes,
        ...(gap === undefined ? {} : { gap }),
    };
}
/** The first time from `start` on that no window covers, with the exports on either side of it. */
function firstGap(base, incrementals, start) {
    const byStart = [...incrementals].sort((a, b) => t(startOf(a)) - t(startOf(b)) || t(endOf(a)) - t(endOf(b)));
    let covered = t(start);
    let reachedBy = base ?? byStart[0];
    for (const e of byStart) {
        if (t(startOf(e)) > covered && reachedBy !== undefined)
            return { after: reachedBy, before: e, from: new Date(covered), to: startOf(e) };
        if (t(endOf(e)) > covered) {
            covered = t(endOf(e));
            reachedBy = e;
        }
    }
    return undefined;
}
/**
 * The table whose exports make the chain, when a prefix holds exports of
 * several: the one with the most exports in reach (a stray export of another
 * table is the exception), then the one exported last.
 */
function chosenTable(exports) {
    const byTable = new Map();
    for (const e of exports)
        byTable.set(e.tableArn, [...(byTable.get(e.tableArn) ?? []), e]);
    const ranked = [...byTable.entries()].sort(([arnA, a], [arnB, b]) => b.length - a.length ||
        t(endOf(newest(b, endOf))) - t(endOf(newest(a, endOf))) ||
        (arnA < arnB ? -1 : 1));
    return ranked[0][0];
}
function tablesNote(found, tableArn) {
    const tables = new Set(found.map((e) => e.tableArn)).size;
    if (tables === 1)
        return [];
    return [
        `The source holds exports of ${tables} tables: this restores ${tableArn}, which has the most exports in reach; the exports of the others are left out. Point prefix or path at the exports of one table to choose another.`,
    ];
}
function newest(exports, time) {
    let best;
    for (const e of exports) {
        if (best === undefined || t(time(e)) > t(time(best)) || (t(time(e)) === t(time(best)) && e.id > best.id))
            best = e;
    }
    return best;
}
function tie(tableArn, a, b) {
    const [first, second] = [a, b].sort((x, y) => (x.id < y.id ? -1 : 1));
    return new errors/* TransferError */.aG('CHAIN_UNUSABLE', `Two full exports of ${tableArn} have the same exportTime ${iso(endOf(a))}: ${first.shown} and ${second.shown}. Which of them holds the table as it was then cannot be told, so neither is used. Nothing was created or written. Move the one that does not belong out of the prefix, or set restore-to before ${iso(endOf(a))}.`);
}
/** CHAIN_GAP: the sentence that refuses a chain with a gap, naming both exports and the missing window. */
function gapMessage(gap) {
    return `No export covers ${iso(gap.from)} to ${iso(gap.to)}: ${gap.after.shown} reaches ${iso(gap.from)}, and the next, ${gap.before.shown}, starts at ${iso(gap.to)}. The changes made in between are in no export, so the table cannot be restored past ${iso(gap.from)}. Nothing was created or written. Export that window (export-type: INCREMENTAL_EXPORT, incremental-from: ${iso(gap.from)}, incremental-to: ${iso(gap.to)}) into the same prefix, or set restore-to at or before ${iso(gap.from)}.`;
}

;// CONCATENATED MODULE: ./src/sources/exports-found.ts
// Every export under a source, found by its folder (`AWSDynamoDB/<exportId>/`)
// and described by its manifest-summary.json: which table, full or
// incremental, the point in time or the window, the view. What is read here
// is only manifests, inside the source, each checked against its checksum
// file; a summary that does not say what a chain needs, or dates the export
// after now, is MANIFEST_INVALID, before anything is written.






/** A chain root may hold many exports and a shared data folder: more than an import reads, but still bounded. */
const MAX_LISTED = 1_000_000;
const READ_CONCURRENCY = 8;
/**
 * How far a manifest's time may be after this machine's clock: AWS says its
 * export times can differ from a caller's clock by about a minute.
 */
const exports_found_CLOCK_ALLOWANCE_MS = 5 * 60 * 1000;
/** A summary that dates its export after now: refused in a chain and alone, since its time would decide the chain. */
class FromTheFuture extends ManifestError {
}
/** Every export under `prefix`, or undefined when there is none (an ordinary source); `now` dates what a manifest may claim. */
async function findExports(store, prefix, now) {
    const folders = new Map();
    let listed = 0;
    for await (const object of store.list(prefix, MAX_LISTED + 1)) {
        listed += 1;
        // Past an import's limit with no export seen, it is an ordinary source: its import says what is wrong.
        if (listed > MAX_SOURCE_OBJECTS && folders.size === 0)
            return undefined;
        const at = exportFileOf(object.key);
        if (at === undefined || !MANIFEST_FILE_NAMES.includes(at.file))
            continue;
        const folder = exportPaths(at.root, at.exportId).folder;
        const known = folders.get(folder) ?? { root: at.root, id: at.exportId, summary: false };
        if (at.file === 'manifest-summary.json')
            known.summary = true;
        folders.set(folder, known);
    }
    if (listed > MAX_LISTED) {
        throw new errors/* TransferError */.aG('SOURCE_TOO_MANY_OBJECTS', `More than ${MAX_LISTED.toLocaleString('en-US')} objects under ${store.describe(prefix)}; point prefix or path at the folder that holds the exports of one table.`);
    }
    if (folders.size === 0)
        return undefined;
    const finished = [...folders.entries()].filter(([, f]) => f.summary);
    const unfinished = [...folders.entries()].filter(([, f]) => !f.summary).map(([key]) => store.describe(key));
    const read = new Array(finished.length);
    let next = 0;
    const worker = async () => {
        for (let i = next++; i < finished.length; i = next++) {
            const [folder, f] = finished[i];
            read[i] = await readSummary(store, f.root, f.id, folder, now);
        }
    };
    await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, finished.length) }, worker));
    const exports = read.filter((r) => !(r instanceof Unusable));
    const unusable = read.filter((r) => r instanceof Unusable).map((u) => ({ ...u }));
    return { exports, unfinished, unusable };
}
class Unusable {
    shown;
    message;
    constructor(shown, message) {
        this.shown = shown;
        this.message = message;
    }
}
async function readSummary(store, root, id, folder, now) {
    const key = exportPaths(root, id).manifestSummary;
    const where = store.describe(key);
    try {
        const text = await store.readText(key, MAX_SMALL_MANIFEST_BYTES);
        if (text === undefined)
            throw new ManifestError(`${where} is gone: it was listed a moment ago`);
        await checkManifest(store, key, text);
        const summary = parseManifestSummary(text, where);
        try {
            return describeExport(summary, { id, root, folder, shown: store.describe(folder), where }, now);
        }
        catch (error) {
            // A full export's summary need not say more than its import reads: only a chain needs the rest.
            if (error instanceof ManifestError &&
                !(error instanceof FromTheFuture) &&
                summary.exportType !== 'INCREMENTAL_EXPORT')
                return new Unusable(store.describe(folder), `${error.message}, which a restore chain needs`);
            throw error;
        }
    }
    catch (error) {
        if (error instanceof ManifestError || error instanceof TooLargeError)
            throw new errors/* TransferError */.aG('MANIFEST_INVALID', `${error.message}. Nothing was created or written.`);
        if (error instanceof OutsideRootError)
            throw new errors/* TransferError */.aG('MANIFEST_OUTSIDE_SOURCE', `${error.message}: an export's files must be regular files inside the source. Nothing was read, created or written.`);
        throw error;
    }
}
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
/**
 * The summary's fields a chain is built from, each checked: a manifest is not
 * trusted to hold what it should. A time after `now` (past the clock
 * allowance) is refused: a stale export dated 2099 would otherwise win the
 * chain and leave the real one out.
 */
function describeExport(summary, at, now) {
    const bad = (field, expected) => {
        const value = summary[field];
        const shown = value === undefined ? 'missing' : JSON.stringify(value).slice(0, 80);
        return new ManifestError(`${at.where} has ${field} ${shown}; expected ${expected}`);
    };
    const time = (field) => {
        const value = summary[field];
        const date = typeof value === 'string' && ISO_TIME.test(value) ? new Date(value) : undefined;
        if (date === undefined || Number.isNaN(date.getTime()))
            throw bad(field, 'an ISO 8601 time');
        if (date.getTime() > now.getTime() + exports_found_CLOCK_ALLOWANCE_MS)
            throw new FromTheFuture(`${at.where} has ${field} ${date.toISOString()}, after now (${now.toISOString()}, with ${exports_found_CLOCK_ALLOWANCE_MS / 60_000} minutes allowed for clocks that differ): no export is made in the future, so the manifest was changed or this machine's clock is wrong`);
        return date;
    };
    const type = summary.exportType ?? 'FULL_EXPORT';
    if (type !== 'FULL_EXPORT' && type !== 'INCREMENTAL_EXPORT')
        throw bad('exportType', 'FULL_EXPORT or INCREMENTAL_EXPORT');
    if (typeof summary.tableArn !== 'string' || summary.tableArn === '')
        throw bad('tableArn', "the table's ARN");
    const format = summary.outputFormat === 'ION' ? 'ION' : 'DYNAMODB_JSON';
    const itemCount = typeof summary.itemCount === 'number' && summary.itemCount >= 0 ? summary.itemCount : 0;
    const common = {
        id: at.id,
        root: at.root,
        folder: at.folder,
        shown: at.shown,
        tableArn: summary.tableArn,
        format,
        itemCount,
    };
    if (type === 'FULL_EXPORT')
        return { ...common, type, exportTime: time('exportTime') };
    const from = time('exportFromTime');
    const to = time('exportToTime');
    if (from.getTime() >= to.getTime())
        throw bad('exportToTime', `a time after exportFromTime (${from.toISOString()})`);
    const view = summary.outputView;
    if (view !== 'NEW_IMAGE' && view !== 'NEW_AND_OLD_IMAGES')
        throw bad('outputView', 'NEW_IMAGE or NEW_AND_OLD_IMAGES');
    return { ...common, type, from, to, view };
}

;// CONCATENATED MODULE: ./src/restore/detect.ts
// Whether an import or validate source is restored rather than imported: it
// holds an incremental export, several exports (a chain), an unfinished
// export beside a finished one, or the restore inputs ask for a point in time
// or a revert. An ordinary source (data files, or one full export) goes on to
// the engines as before.





/** `now`: the clock a manifest's times are checked against (none may be in the future). */
async function findRestore(plan, s3, now, guard) {
    const asked = plan.restore.restoreTo !== undefined || plan.restore.changes === 'revert';
    const opened = await openSource(plan.source.location, s3, guard);
    const found = opened.file === undefined ? await findExports(opened.store, opened.prefix, now) : undefined;
    if (found !== undefined && found.unusable.length > 0) {
        // One full export alone imports as before; in a chain, every export must say where it belongs.
        const alone = found.exports.length === 0 && found.unusable.length === 1 && found.unfinished.length === 0;
        if (alone && !asked)
            return undefined;
        throw new errors/* TransferError */.aG('MANIFEST_INVALID', `${found.unusable[0]?.message}. Nothing was created or written.`);
    }
    if (found === undefined || found.exports.length === 0) {
        if (!asked || found !== undefined)
            return undefined;
        throw new errors/* TransferError */.aG('INVALID_INPUT', `restore-to and changes: revert apply to a source that holds DynamoDB exports, and ${describeLocation(plan.source.location)} holds none. Nothing was created or written.`);
    }
    const [only] = found.exports;
    const ordinary = found.exports.length === 1 && only?.type === 'FULL_EXPORT' && found.unfinished.length === 0 && !asked;
    if (ordinary)
        return undefined;
    return { store: opened.store, prefix: opened.prefix, found, chain: planChain(found.exports, plan.restore) };
}

;// CONCATENATED MODULE: ./src/restore/engine.ts
// Which engine restores from exports. AWS has no API that applies an
// incremental export, so this action applies them (direct). A chain's full
// export into a new table on AWS still goes through ImportTable (managed),
// when the engine choice says managed; everything else runs direct.
function restoreEngine(choice, chain) {
    const changes = chain.steps.filter((s) => s.action !== 'import').length;
    const hasBase = chain.steps[0]?.action === 'import';
    if (choice.engine === 'managed' && hasBase) {
        if (changes === 0)
            return choice;
        return {
            engine: 'managed',
            reason: `${choice.reason}; then this action applies the ${changes} incremental export(s) (direct engine: AWS has no API that applies them)`,
        };
    }
    if (choice.engine === 'direct')
        return choice;
    return {
        engine: 'direct',
        reason: 'incremental exports are applied by this action: AWS has no API that applies them, and they change a table that exists',
    };
}

;// CONCATENATED MODULE: ./src/direct/change-order.ts
// Which change record of a key an incremental export leaves: the one with the
// newest WriteTimestampMicros, whatever the order of its files and lines.
// AWS writes each changed item once per export ("the item will only appear
// once in the export even if it has multiple updates"), so in its exports
// every key is new here; a key seen again (an export changed or put together
// by hand) is decided by the timestamps, not by where its records sit. An
// older record after a newer one is skipped (counted as superseded); a newer
// one after an older one is written, and lands after it (the sink never has
// two writes of one key in flight); two of one timestamp cannot be told apart.
//
// Memory: per key, 12 bytes of a salted SHA-256 digest of its key text and its
// timestamp as 8, in a table at most half full with no object per key (a Map
// of strings would hold about 100 bytes a key, see src/verify/key-index.ts):
// 2^21 slots of 20 bytes (about 40 MB) at MAX_KEYS keys. Past that, further keys are
// applied in file order, and a warning names the export.

/** Keys one export's order is kept for. */
const MAX_KEYS = 1_000_000;
const MAX_SLOTS = 2 ** 21;
const FIRST_SLOTS = 1024;
const WORDS = 3;
/** Mixed into every digest: no export can be made with two keys whose digests are chosen to agree. */
const SALT = (0,external_node_crypto_.randomBytes)(16).toString('hex');
function newTally() {
    return { repeated: 0, superseded: 0, untracked: [] };
}
class ChangeOrder {
    slots = FIRST_SLOTS;
    digests = new Uint32Array(FIRST_SLOTS * WORDS);
    /** Microseconds after the window's start; NaN for an empty slot. */
    times = new Float64Array(FIRST_SLOTS).fill(Number.NaN);
    keys = 0;
    start;
    tally;
    shown;
    maxKeys;
    /** `from`: the window's start (records outside the window are refused before they come here). */
    constructor(from, tally, shown, maxKeys = MAX_KEYS) {
        this.start = BigInt(from.getTime()) * 1000n;
        this.tally = tally;
        this.shown = shown;
        this.maxKeys = Math.min(maxKeys, MAX_KEYS);
    }
    /** Where a record of `key` written at `micros` stands against the records of its key seen before. */
    see(key, micros) {
        const digest = (0,external_node_crypto_.hash)('sha256', SALT + key, 'buffer');
        const time = Number(BigInt(micros) - this.start);
        const slot = this.slotOf(digest);
        const held = this.times[slot];
        if (Number.isNaN(held)) {
            if (this.keys >= this.maxKeys) {
                if (!this.tally.untracked.includes(this.shown))
                    this.tally.untracked.push(this.shown);
                return 'untracked';
            }
            this.put(slot, digest, time);
            this.keys += 1;
            if (this.keys * 2 > this.slots && this.slots < MAX_SLOTS)
                this.grow();
            return 'first';
        }
        this.tally.repeated += 1;
        if (time > held) {
            this.times[slot] = time;
            return 'newer';
        }
        if (time < held) {
            this.tally.superseded += 1;
            return 'older';
        }
        return 'tie';
    }
    /** The slot holding the digest, or the empty one where it would go. */
    slotOf(digest) {
        const mask = this.slots - 1;
        let slot = digest.readUInt32LE(0) & mask;
        for (;;) {
            if (Number.isNaN(this.times[slot]))
                return slot;
            const at = slot * WORDS;
            if (this.digests[at] === digest.readUInt32LE(0) &&
                this.digests[at + 1] === digest.readUInt32LE(4) &&
                this.digests[at + 2] === digest.readUInt32LE(8))
                return slot;
            slot = (slot + 1) & mask;
        }
    }
    put(slot, digest, time) {
        const at = slot * WORDS;
        this.digests[at] = digest.readUInt32LE(0);
        this.digests[at + 1] = digest.readUInt32LE(4);
        this.digests[at + 2] = digest.readUInt32LE(8);
        this.times[slot] = time;
    }
    grow() {
        const [digests, times, slots] = [this.digests, this.times, this.slots];
        this.slots = slots * 2;
        this.digests = new Uint32Array(this.slots * WORDS);
        this.times = new Float64Array(this.slots).fill(Number.NaN);
        const digest = Buffer.alloc(WORDS * 4);
        for (let i = 0; i < slots; i++) {
            const time = times[i];
            if (Number.isNaN(time))
                continue;
            for (let w = 0; w < WORDS; w++)
                digest.writeUInt32LE(digests[i * WORDS + w], w * 4);
            this.put(this.slotOf(digest), digest, time);
        }
    }
}
const change_order_n = (value) => value.toLocaleString('en-US');
/** The summary's warnings about records of one key in one export. */
function changeWarnings(tally) {
    const warnings = [];
    if (tally.repeated > 0)
        warnings.push(`${change_order_n(tally.repeated)} change record(s) had the key of another record of the same incremental export, which AWS's exports never hold (each changed item appears once): for each key the record with the newest WriteTimestampMicros was applied, whatever its place in the files, and ${change_order_n(tally.superseded)} older record(s) were skipped. Check where the export came from.`);
    for (const shown of tally.untracked)
        warnings.push(`${shown} changes more than ${change_order_n(MAX_KEYS)} keys: records of one key are put in the order of their timestamps for the first ${change_order_n(MAX_KEYS)} keys only, and the export's other records are applied in the order of its files.`);
    return warnings;
}

;// CONCATENATED MODULE: ./src/restore/chain-report.ts
// What a restore reports about its exports, for the log, the outputs and the
// summary's timeline and chart: each export in the order applied, with its
// window, engine and counts, what was left out and why, and any gap.

function chainReport(chain, unfinished) {
    return {
        direction: chain.direction,
        tableArn: chain.tableArn,
        rows: chain.steps.map((step) => ({
            ...chain_report_window(step.export),
            ...(step.export.view === undefined ? {} : { view: step.export.view }),
            action: step.action,
            state: 'not applied',
        })),
        leftOut: chain.leftOut.map((l) => ({ ...chain_report_window(l.export), why: l.why })),
        unfinished: [...unfinished],
        restoredTo: chain.restoredTo.toISOString(),
        ...(chain.requested === undefined ? {} : { requested: chain.requested.toISOString() }),
        notes: [...chain.notes],
        ...(chain.gap === undefined
            ? {}
            : {
                gap: {
                    after: chain.gap.after.id,
                    before: chain.gap.before.id,
                    from: chain.gap.from.toISOString(),
                    to: chain.gap.to.toISOString(),
                },
            }),
    };
}
function chain_report_window(e) {
    return { id: e.id, folder: e.shown, type: e.type, from: startOf(e).toISOString(), to: endOf(e).toISOString() };
}
function totals(report) {
    const sum = { processed: 0, puts: 0, deletes: 0, errors: 0 };
    for (const row of report.rows) {
        if (row.counts === undefined)
            continue;
        sum.processed += row.counts.processed;
        sum.puts += row.counts.puts;
        sum.deletes += row.counts.deletes;
        sum.errors += row.counts.errors;
        if (row.counts.superseded !== undefined)
            sum.superseded = (sum.superseded ?? 0) + row.counts.superseded;
    }
    return sum;
}
/** The log's account of the chain, before any work. */
function describeChain(report) {
    const verb = report.direction === 'apply' ? 'Apply' : 'Revert';
    const lines = [
        `${report.rows.length} export(s) of ${report.tableArn}, ${report.direction === 'apply' ? 'applied oldest first' : 'reverted newest first'}, to ${report.restoredTo}${report.requested === undefined ? '' : ` (restore-to ${report.requested})`}:`,
        ...report.rows.map((r, i) => `  ${i + 1}. ${r.action === 'import' ? 'Import' : verb} ${r.folder}: ${r.type === 'FULL_EXPORT' ? `full export as of ${r.from}` : `changes from ${r.from} to ${r.to} (${r.view ?? ''})`}`),
        ...report.leftOut.map((l) => `  Left out: ${l.folder}, ${l.why}.`),
        ...report.unfinished.map((u) => `  Left out: ${u}, an export that has not finished (no manifest-summary.json).`),
        ...report.notes,
    ];
    return lines;
}

;// CONCATENATED MODULE: ./src/formats/change-records.ts
// Incremental export records in DynamoDB JSON, one per line, as AWS writes
// them: {"Metadata":{"WriteTimestampMicros":...},"Keys":{...},"NewImage":{...},
// "OldImage":{...}}. A record is read, never trusted: a line that is not one
// is an error at its line (located, its content cut short in the message),
// the next line goes on. What to write for a record is decided in
// change-writes.ts, which knows the table's keys.




/** Batches of records (or errors in their place), one batch per chunk read, in source order. */
async function* decodeChangeRecords(chunks, stats) {
    let itemIndex = 0;
    for await (const lines of splitLines(chunks, stats)) {
        let batch = [];
        for (const line of lines) {
            if (line.error === undefined && line.text.trim() === '')
                continue;
            batch.push(decodeChangeLine(line, itemIndex++));
            // Small batches: the writes they feed go out (and answers come in) between them, not after a whole chunk.
            if (batch.length === MAX_BATCH) {
                yield batch;
                batch = [];
            }
        }
        if (batch.length > 0)
            yield batch;
    }
}
/** Records decoded at a time: about two BatchWriteItem requests' worth. */
const MAX_BATCH = 50;
/** A record that is not what an incremental export writes; its code says how. */
class NotAChange extends Error {
    code;
    constructor(message, code = 'NOT_A_CHANGE') {
        super(message);
        this.name = 'NotAChange';
        this.code = code;
    }
}
const SHAPE = 'expected an incremental export record {"Metadata": {"WriteTimestampMicros": ...}, "Keys": {...}, "NewImage": {...}, "OldImage": {...}}';
function decodeChangeLine(line, itemIndex) {
    const error = (code, message) => ({
        error: { code, message, line: line.number, itemIndex },
    });
    if (line.error !== undefined)
        return error(line.error.code, line.error.message);
    let value;
    try {
        value = JSON.parse(line.text);
    }
    catch (parseError) {
        return error('MALFORMED_JSON', `the line is not valid JSON: ${excerpt(parseError.message, 2 * EXCERPT_CHARS)}`);
    }
    const walk = newWalk();
    let change;
    try {
        change = readRecord(value, walk);
    }
    catch (readError) {
        if (readError instanceof NotAChange)
            return error(readError.code, readError.message);
        if (readError instanceof AttributeValueError)
            return error(readError.code, readError.message);
        throw readError;
    }
    const twice = duplicateName(line.text, { keys: walk.keys });
    if (twice !== undefined)
        return error('DUPLICATE_ATTRIBUTE', `the name "${excerpt(twice)}" appears more than once in the same object; JSON would keep only the last`);
    return { change, line: line.number, itemIndex, textLength: line.text.length };
}
/** The record's parts, converted; `walk.keys` ends as the number of object keys read, for the duplicate check. */
function readRecord(value, walk) {
    if (!isObject(value))
        throw new NotAChange(`${SHAPE}, found ${change_records_describe(value)}`);
    walk.keys += Object.keys(value).length;
    const record = value;
    if (record.Keys === undefined)
        throw new NotAChange(`${SHAPE}, found ${change_records_describe(value)}`);
    const writeTimestampMicros = readTimestamp(record.Metadata, walk);
    const keys = readMap(record.Keys, 'Keys', walk);
    const newImage = readImage(record.NewImage, 'NewImage', walk);
    const oldImage = readImage(record.OldImage, 'OldImage', walk);
    return checkedChange(keys, newImage, oldImage, writeTimestampMicros);
}
/** The parts of a record (in either format) made one, once its Keys and images agree. */
function checkedChange(keys, newImage, oldImage, writeTimestampMicros) {
    if (Object.keys(keys).length === 0)
        throw new NotAChange('Keys is empty: a record names the key of the item it changes');
    for (const [name, image] of [
        ['NewImage', newImage],
        ['OldImage', oldImage],
    ]) {
        const differs = image === undefined ? undefined : differingKey(keys, image);
        if (differs !== undefined)
            throw new NotAChange(`${name} does not carry the record's key: its "${excerpt(differs)}" ${image?.[differs] === undefined ? 'is missing' : 'differs from Keys'}`, 'IMAGE_KEY_MISMATCH');
    }
    return {
        keys,
        ...(newImage === undefined ? {} : { newImage }),
        ...(oldImage === undefined ? {} : { oldImage }),
        writeTimestampMicros,
    };
}
const MICROS = /^\d{1,20}$/;
/** `"1680109764000000"` as the documentation shows it, or `{"N": "1774379199746598"}` as AWS writes it today. */
function readTimestamp(metadata, walk) {
    if (!isObject(metadata))
        throw new NotAChange(`expected Metadata to be an object holding WriteTimestampMicros, found ${change_records_describe(metadata)}`);
    walk.keys += Object.keys(metadata).length;
    const raw = metadata.WriteTimestampMicros;
    let text = raw;
    if (isObject(raw)) {
        walk.keys += Object.keys(raw).length;
        text = Object.keys(raw).length === 1 ? raw.N : undefined;
    }
    else if (typeof raw === 'number' && Number.isSafeInteger(raw) && raw >= 0) {
        text = String(raw);
    }
    if (typeof text !== 'string' || !MICROS.test(text))
        throw new NotAChange(`expected Metadata.WriteTimestampMicros to be microseconds since the epoch, as "1680109764000000" or {"N": "1680109764000000"}; found ${change_records_describe(raw)}`);
    return text;
}
function readMap(value, part, walk) {
    if (!isObject(value))
        throw new NotAChange(`expected ${part} to be an object of attributes, found ${change_records_describe(value)}`);
    try {
        return fromDynamoJsonMap(value, walk);
    }
    catch (error) {
        throw error instanceof AttributeValueError ? error.within(part) : error;
    }
}
/** An image, or undefined when it is absent or null (a delete writes no NewImage). */
function readImage(value, part, walk) {
    return value === undefined || value === null ? undefined : readMap(value, part, walk);
}
/** The first attribute of Keys the image lacks or holds with another value. */
function differingKey(keys, image) {
    for (const name of Object.keys(keys)) {
        const a = keys[name];
        const b = Object.hasOwn(image, name) ? image[name] : undefined;
        if (a === undefined || b === undefined || !sameScalar(a, b))
            return name;
    }
    return undefined;
}
/** Key values are S, N or B; numbers compare by value, as DynamoDB compares keys. */
function sameScalar(a, b) {
    if (a.S !== undefined)
        return a.S === b.S;
    if (a.N !== undefined)
        return b.N !== undefined && numberValue(a.N) === numberValue(b.N);
    if (a.B !== undefined)
        return b.B !== undefined && Buffer.from(a.B).equals(Buffer.from(b.B));
    // Anything else cannot be a key; the key schema check says so with its own words.
    return JSON.stringify(a) === JSON.stringify(b);
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** What a value is, named without quoting it. */
function change_records_describe(value) {
    if (isObject(value))
        return `an object with ${excerpt(Object.keys(value).join(', ')) || 'no keys'}`;
    if (Array.isArray(value))
        return 'an array';
    if (value === null)
        return 'null';
    if (value === undefined)
        return 'nothing';
    return `a ${typeof value}`;
}

;// CONCATENATED MODULE: ./src/formats/change-records-ion.ts
// Incremental export records in Amazon Ion, as AWS's documentation shows
// them: `$ion_1_0 {Record:{Keys:{...},Metadata:{WriteTimestampMicros:
// 1684374845117899.},OldImage:{...},NewImage:{...}}}`, one per line. The
// images are read as ion.ts reads items (every digit kept, sets from their
// annotations, duplicate fields refused); a bad record is an error at its line.







async function* decodeIonChangeRecords(chunks, stats) {
    const counter = { next: 0 };
    for await (const values of splitIonValues(splitLines(chunks, stats))) {
        const batch = [];
        for (const value of values)
            decodeValue(value, counter, batch);
        yield batch;
    }
}
function decodeValue(value, counter, batch) {
    const fail = (message, code = 'MALFORMED_ION') => {
        batch.push({ error: { code, message, line: value.line, itemIndex: counter.next++ } });
    };
    if (value.broken !== undefined)
        return fail(value.broken, value.code);
    let reader;
    try {
        reader = (0,Ion.makeReader)(value.text);
    }
    catch (error) {
        return fail(change_records_ion_notIon(error));
    }
    for (;;) {
        let type;
        try {
            type = reader.next();
        }
        catch (error) {
            return fail(change_records_ion_notIon(error));
        }
        if (type === null)
            return;
        const itemIndex = counter.next++;
        try {
            const change = change_records_ion_readRecord(reader, type);
            batch.push({ change, line: value.line, itemIndex, textLength: value.text.length });
        }
        catch (error) {
            batch.push({ error: change_records_ion_toDecodeError(error, value.line, itemIndex) });
            return; // the reader's position inside a bad value is unknown
        }
    }
}
const change_records_ion_SHAPE = 'expected an incremental export record {Record:{Keys:{...},Metadata:{...},NewImage:{...},OldImage:{...}}}';
/** `{Record:{...}}`: the wrapper, then the record's own fields, each at most once. */
function change_records_ion_readRecord(reader, type) {
    if (type.name !== 'struct' || reader.isNull())
        throw new NotAChange(`${change_records_ion_SHAPE}, found ${reader.isNull() ? 'null' : type.name}`);
    reader.stepIn();
    let parts;
    const fields = [];
    try {
        for (let t = reader.next(); t !== null; t = reader.next()) {
            const name = reader.fieldName() ?? '';
            fields.push(name);
            if (name !== 'Record')
                continue;
            if (parts !== undefined)
                throw change_records_ion_duplicate('Record');
            if (t.name !== 'struct' || reader.isNull())
                throw new NotAChange(`expected Record to be a struct, found ${t.name}`);
            parts = readParts(reader);
        }
    }
    finally {
        reader.stepOut();
    }
    if (parts === undefined)
        throw new NotAChange(`${change_records_ion_SHAPE}, found a struct with ${excerpt(fields.join(', ')) || 'no fields'}`);
    if (parts.keys === undefined)
        throw new NotAChange(`${change_records_ion_SHAPE}, found a Record with no Keys`);
    if (parts.timestamp === undefined)
        throw new NotAChange('expected Metadata to be a struct holding WriteTimestampMicros, found none');
    return checkedChange(parts.keys, parts.newImage, parts.oldImage, parts.timestamp);
}
function readParts(reader) {
    const parts = {};
    const seen = new Set();
    reader.stepIn();
    for (let t = reader.next(); t !== null; t = reader.next()) {
        const name = reader.fieldName() ?? '';
        if (seen.has(name))
            throw change_records_ion_duplicate(name);
        seen.add(name);
        if (name === 'Metadata')
            parts.timestamp = change_records_ion_readTimestamp(reader, t);
        else if (name === 'Keys')
            parts.keys = change_records_ion_readImage(reader, t, name) ?? {};
        else if (name === 'NewImage' || name === 'OldImage') {
            const image = change_records_ion_readImage(reader, t, name);
            if (image !== undefined)
                parts[name === 'NewImage' ? 'newImage' : 'oldImage'] = image;
        }
    }
    reader.stepOut();
    return parts;
}
/** A struct of attributes, or undefined for null (a delete writes no NewImage). */
function change_records_ion_readImage(reader, type, name) {
    if (reader.isNull())
        return undefined;
    if (type.name !== 'struct')
        throw new NotAChange(`expected ${name} to be a struct of attributes, found ${type.name}`);
    try {
        return readStruct(reader, 0);
    }
    catch (error) {
        throw error instanceof AttributeValueError ? error.within(name) : error;
    }
}
/** `WriteTimestampMicros: 1684374845117899.` (a decimal, as AWS writes it), an int, or a string of digits. */
function change_records_ion_readTimestamp(reader, type) {
    if (type.name !== 'struct' || reader.isNull())
        throw new NotAChange(`expected Metadata to be a struct holding WriteTimestampMicros, found ${type.name}`);
    let text;
    reader.stepIn();
    for (let t = reader.next(); t !== null; t = reader.next()) {
        if (reader.fieldName() !== 'WriteTimestampMicros' || reader.isNull())
            continue;
        if (t.name === 'int')
            text = (reader.bigIntValue() ?? 0n).toString();
        else if (t.name === 'decimal')
            text = decimalToString(reader.decimalValue());
        else if (t.name === 'string')
            text = reader.stringValue() ?? '';
        else
            text = t.name;
    }
    reader.stepOut();
    if (text === undefined || !MICROS.test(text))
        throw new NotAChange(`expected Metadata.WriteTimestampMicros to be microseconds since the epoch (1684374845117899.), found ${text === undefined ? 'none' : excerpt(text, 40)}`);
    return text;
}
function change_records_ion_duplicate(name) {
    return new AttributeValueError('DUPLICATE_ATTRIBUTE', `the field "${excerpt(name)}" appears more than once in the same struct`);
}
function change_records_ion_notIon(error) {
    return `not valid Ion: ${excerpt(error.message, 2 * EXCERPT_CHARS)}`;
}
function change_records_ion_toDecodeError(error, line, itemIndex) {
    if (error instanceof AttributeValueError || error instanceof NotAChange)
        return { code: error.code, message: error.message, line, itemIndex };
    return { code: 'MALFORMED_ION', message: change_records_ion_notIon(error), line, itemIndex };
}

;// CONCATENATED MODULE: ./src/formats/change-writes.ts
// One data file of an incremental export to the writes it makes on a table:
// decompress, read each change record, and turn it into a put or a delete
// checked against the table's keys. Applying: NewImage is put, no NewImage
// deletes Keys. Reverting: OldImage is put back, no OldImage (the item was
// created in the window) deletes Keys. A record written outside its export's
// window is refused (OUTSIDE_WINDOW): its timestamp could otherwise win over
// the true record of its key (src/direct/change-order.ts). A damaged stream
// ends with one located error after the records read before it, as decode.ts
// does for items.





async function* decodeChangeWrites(bytes, options, stats) {
    let source = bytes;
    let compression = options.compression;
    if (compression === 'auto')
        ({ compression, chunks: source } = await peekCompression(bytes));
    const after = {};
    let records = 0;
    try {
        const chunks = change_writes_untilTrailingData(decompress(source, compression), after);
        const decoded = options.format === 'ION' ? decodeIonChangeRecords(chunks, stats) : decodeChangeRecords(chunks, stats);
        for await (const batch of decoded) {
            records += batch.length;
            yield batch.map((record) => {
                const write = 'error' in record ? record : writeOf(record, options);
                if ('error' in write)
                    stats.errors += 1;
                else
                    stats.items += 1;
                return write;
            });
        }
    }
    catch (error) {
        if (!(error instanceof ObjectReadError))
            throw error;
        yield [change_writes_objectError(error, stats, records)];
        return;
    }
    if (after.error !== undefined)
        yield [change_writes_objectError(after.error, stats, records)];
}
/** The write one record makes, checked: the key against the table's, the image put as DynamoDB would check it. */
function writeOf(record, options) {
    const { change, line, itemIndex } = record;
    const fail = (code, message, item) => ({
        error: { code, message, line, itemIndex },
        item,
    });
    const primary = options.keys.filter((k) => k.index === undefined);
    const keyProblem = checkItem(change.keys, primary, 0);
    if (keyProblem !== undefined)
        return fail(keyProblem.code, `Keys: ${keyProblem.message}`, change.keys);
    const extra = primary.length === 0 ? undefined : Object.keys(change.keys).find((n) => !primary.some((k) => k.name === n));
    if (extra !== undefined)
        return fail('KEY_SCHEMA_MISMATCH', `Keys holds ${JSON.stringify(extra.slice(0, 100))}, which is not a key attribute of the table (${primary.map((k) => k.name).join(', ')}): the export is of a table with another key schema`, change.keys);
    const micros = change.writeTimestampMicros;
    const outside = options.window === undefined ? undefined : outsideWindow(micros, options.window);
    if (outside !== undefined)
        return fail('OUTSIDE_WINDOW', outside, change.keys);
    const image = options.direction === 'apply' ? change.newImage : change.oldImage;
    if (image === undefined)
        return { kind: 'delete', item: change.keys, line, itemIndex, micros };
    const problem = checkItem(image, options.keys, record.textLength);
    if (problem !== undefined)
        return fail(problem.code, `${options.direction === 'apply' ? 'NewImage' : 'OldImage'}: ${problem.message}`, image);
    return { kind: 'put', item: image, line, itemIndex, micros };
}
/** Why a timestamp lies outside the window, or undefined when it lies inside. */
function outsideWindow(micros, window) {
    const time = BigInt(micros);
    const [from, to] = [window.from, window.to].map((d) => BigInt(d.getTime()) * 1000n);
    if (time >= from && time < to)
        return undefined;
    const ms = time / 1000n;
    const shown = ms <= 8640000000000000n ? ` (${new Date(Number(ms)).toISOString()})` : '';
    return `Metadata.WriteTimestampMicros ${micros}${shown} is outside the export's window, ${window.from.toISOString()} to ${window.to.toISOString()}: an incremental export holds only writes made in its window, so this record is not one of them`;
}
function change_writes_objectError(error, stats, records) {
    stats.errors += 1;
    const message = `${error.message}; the ${stats.items} record(s) before this point were read`;
    return { error: { code: error.code, message, line: stats.lines + 1, itemIndex: records } };
}
/** Data after the end of the compressed stream: the records before it are whole, then one error follows. */
async function* change_writes_untilTrailingData(chunks, found) {
    try {
        yield* chunks;
    }
    catch (error) {
        if (!(error instanceof ObjectReadError) || error.code !== 'TRAILING_DATA')
            throw error;
        found.error = error;
    }
}

;// CONCATENATED MODULE: ./src/direct/apply-changes.ts
// One incremental export's data files into an item sink: each file checked
// against its MD5 before any of its records is used (a damaged file's records
// are all rejected, counted, never written), then each record turned into a
// put or a delete (change-writes.ts). Records of one key are decided by their
// timestamps (change-order.ts): an older one after a newer one is skipped and
// counted as superseded. Every other record is either acknowledged by the
// sink or rejected with its location in the ledger, as in the import.




/** `opened`: the file already fetched and checked (fetched ahead while the one before was written). */
async function applyChangeFile(store, object, options, { sink, ledger, progress, deps, order }, opened) {
    const name = store.describe(object.key);
    const input = await (opened ?? openObject(store, object, deps.tempDir));
    if ('damaged' in input) {
        ledger.processed += input.damaged.items;
        await ledger.reject({ code: input.damaged.code, message: input.damaged.message, object: name }, input.damaged.items);
        return;
    }
    const stats = newStats();
    const keyNames = options.keys.filter((k) => k.index === undefined).map((k) => k.name);
    try {
        for await (const batch of decodeChangeWrites(input.chunks, options, stats)) {
            for (const write of batch) {
                ledger.processed += 1;
                if ('error' in write) {
                    const { code, message, line, itemIndex } = write.error;
                    await ledger.reject({
                        ...(write.item && { item: write.item }),
                        code,
                        message,
                        object: name,
                        ...(line === undefined ? {} : { line }),
                        ...(itemIndex === undefined ? {} : { itemIndex }),
                    });
                }
                else {
                    const verdict = order.see(keyString(write.item, keyNames), write.micros);
                    if (verdict === 'older')
                        continue; // a newer record of its key was applied: counted as superseded
                    const origin = { object: name, line: write.line, itemIndex: write.itemIndex };
                    if (verdict === 'tie') {
                        await ledger.reject({
                            item: write.item,
                            code: 'DUPLICATE_CHANGE',
                            message: `another record of this key in the same export has the same WriteTimestampMicros ${write.micros}, so which one is the item's final state cannot be told; the one read first was applied, and AWS's exports hold each changed item once`,
                            ...origin,
                        });
                        continue;
                    }
                    await (write.kind === 'put' ? sink.put(write.item, origin) : sink.delete(write.item, origin));
                }
            }
            await ledger.drain();
            progress.update({ items: sink.stats.written, bytes: ledger.bytes + stats.bytes, errors: ledger.errors });
            if (deps.signal?.aborted)
                break;
        }
    }
    finally {
        ledger.bytes += stats.bytes;
        await input.remove();
    }
}

;// CONCATENATED MODULE: ./src/restore/next-file.ts
// The next data file of a chain is fetched and checked against its MD5 while
// the current one is written: a file is copied whole before any of its
// records is used, and without this the writes would stop at every file while
// it downloads. At most two files are on disk at once, this and the next.

class NextFile {
    pending;
    store;
    tempDir;
    constructor(store, tempDir) {
        this.store = store;
        this.tempDir = tempDir;
    }
    /** `object`, opened (from the one fetched ahead when it is that one); starts fetching `following`. */
    take(object, following) {
        const opened = this.pending?.object === object ? this.pending.opened : openObject(this.store, object, this.tempDir);
        this.pending = undefined;
        if (following !== undefined) {
            const ahead = openObject(this.store, following, this.tempDir);
            // Its failure is reported when it is taken, or dropped with it.
            ahead.catch(() => undefined);
            this.pending = { object: following, opened: ahead };
        }
        return opened;
    }
    /** The file fetched ahead and never taken (the work stopped): its copy removed. */
    async discard() {
        const pending = this.pending;
        this.pending = undefined;
        const opened = await pending?.opened.catch(() => undefined);
        if (opened !== undefined && 'remove' in opened)
            await opened.remove();
    }
}

;// CONCATENATED MODULE: ./src/restore/direct-steps.ts
// The exports of a chain that this action writes itself, one after the other
// through one sink and one ledger (one rejected-items file): a full export's
// items as the import puts them, an incremental export's changes as puts and
// deletes. The sink is flushed between exports, so each export's counts are
// exact and no write of a later export overtakes one of an earlier export.
// Within an incremental export, records of one key go by their timestamps
// (src/direct/change-order.ts).












async function runDirectSteps(plan, steps, target, store, deps) {
    const retry = { ...deps, breaker: deps.breaker ?? new Breaker() };
    const ledger = new Ledger(openRejects(plan.rejectedItems, deps), deps.workspace);
    const sink = plan.mode === 'import'
        ? new BatchWriter({
            dynamodb: deps.dynamodb,
            table: plan.tableName,
            keyNames: primaryKeyNames(target.table),
            concurrency: plan.concurrency,
            deps: retry,
            onRejected: (r) => ledger.queue(r),
        })
        : new CountingSink();
    const progress = new Progress({
        verb: plan.mode === 'import' ? 'Applied' : 'Checked',
        log: deps.log,
        now: deps.now,
        total: steps.reduce((sum, s) => sum + (s.resolved.export?.itemCount ?? 0), 0),
    });
    const pipeline = { sink, ledger, progress, deps };
    const counts = [];
    let failure;
    let completed = 0;
    const changes = newTally();
    let importDuplicates = 0;
    let before = snapshot(ledger, sink, changes);
    // Change files in the order they are applied, each fetched while the one before it is written.
    const changeFiles = steps.flatMap((s) => (s.action === 'import' ? [] : s.resolved.objects));
    const following = new Map(changeFiles.map((o, i) => [o, changeFiles[i + 1]]));
    const next = new NextFile(store, deps.tempDir);
    try {
        for (const step of steps) {
            if (deps.signal?.aborted)
                break;
            counts.push({ processed: 0, puts: 0, deletes: 0, errors: 0 });
            const duplicatesBefore = sink.stats.duplicateKeys;
            const order = step.window && new ChangeOrder(step.window.from, changes, step.shown);
            for (const object of step.resolved.objects) {
                if (deps.signal?.aborted)
                    break;
                const format = step.resolved.export?.format ?? 'DYNAMODB_JSON';
                if (step.action === 'import') {
                    await importObject(store, object, { format, compression: 'auto', keys: target.keys }, pipeline);
                }
                else {
                    const opened = next.take(object, following.get(object));
                    if (order === undefined)
                        throw new Error(`No window for the changes of ${step.shown}`);
                    await applyChangeFile(store, object, {
                        format,
                        compression: 'auto',
                        keys: target.keys,
                        direction: step.action,
                        ...(step.window && { window: step.window }),
                    }, { ...pipeline, order }, opened);
                }
            }
            await sink.flush();
            await ledger.drain();
            if (step.action === 'import')
                importDuplicates += sink.stats.duplicateKeys - duplicatesBefore;
            counts[counts.length - 1] = delta(before, snapshot(ledger, sink, changes));
            before = snapshot(ledger, sink, changes);
            if (deps.signal?.aborted)
                break;
            completed += 1;
        }
    }
    catch (error) {
        if (!(error instanceof Aborted))
            failure = direct_steps_asTransferError(error);
        // What is still in flight lands or fails before anything is counted.
        await sink.settle();
        await ledger.drain().catch(() => undefined);
        if (counts.length > 0)
            counts[counts.length - 1] = delta(before, snapshot(ledger, sink, changes));
    }
    await next.discard();
    const rejectedItems = await ledger.close().catch((error) => {
        failure ??= new errors/* TransferError */.aG('WRITE_FAILED', `The rejected items could not be written: ${String(error)}`);
        return undefined;
    });
    return {
        counts,
        completed,
        ledger,
        sink,
        failure,
        cancelled: deps.signal?.aborted === true && failure === undefined,
        rejectedItems,
        changes,
        importDuplicates,
    };
}
function snapshot(ledger, sink, changes) {
    return {
        processed: ledger.processed,
        errors: ledger.errors,
        written: sink.stats.written,
        deleted: sink.stats.deleted,
        superseded: changes.superseded,
    };
}
function delta(a, b) {
    const deletes = b.deleted - a.deleted;
    const superseded = b.superseded - a.superseded;
    return {
        processed: b.processed - a.processed,
        puts: b.written - a.written - deletes,
        deletes,
        errors: b.errors - a.errors,
        ...(superseded > 0 && { superseded }),
    };
}
function direct_steps_asTransferError(error) {
    if (error instanceof errors/* TransferError */.aG)
        return error;
    const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return new errors/* TransferError */.aG('WRITE_FAILED', text);
}

;// CONCATENATED MODULE: ./src/restore/managed-base.ts
// A chain's full export into a new table on AWS through AWS's ImportTable:
// server-side, no write capacity used, pointed at the export's data/ folder
// (ImportTable reads data files, not manifests). The incremental exports are
// applied afterwards by this action, so the import is waited for.


async function importBaseManaged(plan, base, deps, reason) {
    const location = plan.source.location;
    if (location.kind !== 's3')
        throw new errors/* TransferError */.aG('INVALID_INPUT', 'The managed engine imports from S3 only.');
    const basePlan = {
        ...plan,
        engine: { engine: 'managed', reason },
        source: { location: { ...location, prefix: `${base.folder}data/` }, format: base.format, compression: 'auto' },
        existingTable: 'fail',
    };
    return runManagedImport(basePlan, deps, reason);
}
/** A chain waits for ImportTable: the changes can only be applied to the table it makes. */
function refuseNoWait(plan) {
    if (plan.waiting.wait)
        return;
    throw new errors/* TransferError */.aG('INVALID_INPUT', 'wait: false cannot restore a chain into a new table on AWS: its incremental exports are applied once ImportTable has made the table, so the step waits for it. Use wait: true (and a timeout long enough for the import), or engine: direct.');
}

;// CONCATENATED MODULE: ./src/restore/result.ts
// What a restore reports: the counts of every export applied (puts, deletes,
// errors), checked against each other as the import's are, the point in time
// reached, and the chain for the summary.

const result_n = (value) => value.toLocaleString('en-US');
function restoreResult(plan, o) {
    const sum = totals(o.report);
    const applied = o.report.rows.filter((r) => r.state === 'applied' || r.state === 'checked').length;
    const finished = o.failure === undefined && !o.cancelled && o.managedStatus === undefined;
    const balanced = finished ? o.unwritten === 0 : o.unwritten >= 0;
    const superseded = sum.superseded === undefined ? '' : ` + ${result_n(sum.superseded)} superseded by a newer record of their key`;
    const counts = `${result_n(sum.processed)} processed = ${result_n(sum.puts)} put + ${result_n(sum.deletes)} deleted + ${result_n(sum.errors)} error(s)${superseded}${o.unwritten === 0 ? '' : ` + ${result_n(o.unwritten)} read but not written`}`;
    const notes = [balanced ? `Checked: ${counts}.` : `Counts do not add up: ${counts}. Please report this.`];
    const allApplied = finished && balanced && applied === o.report.rows.length;
    // Records that could not be applied leave their items behind: the table is at the point only when max-errors allows them.
    const complete = allApplied && sum.errors <= plan.maxErrors;
    const verb = o.report.direction === 'apply' ? 'restored' : 'reverted';
    if (plan.mode === 'validate')
        notes.push('Nothing was written: mode validate only reads and checks.');
    else if (complete)
        notes.push(`${plan.tableName} is ${verb} to ${o.report.restoredTo} from ${applied} export(s)${sum.errors === 0 ? '' : `, except the ${result_n(sum.errors)} record(s) that could not be applied (max-errors allows them)`}.`);
    else if (allApplied)
        notes.push(`${plan.tableName} holds the writes of all ${applied} export(s), but ${result_n(sum.errors)} record(s) could not be applied, so it is not ${verb} to ${o.report.restoredTo}: the items of those records are as they were before.`);
    else if (o.report.rows.some((r) => r.counts !== undefined))
        notes.push(`${plan.tableName} holds the writes of ${applied} export(s) of ${o.report.rows.length}${o.report.rows.some((r) => r.state === 'failed') ? ' and part of the next' : ''}; run the step again to finish (a chain replays safely: each export leaves its items as its window left them).`);
    if (o.rejectedItems !== undefined)
        notes.push(`Rejected items are in ${o.rejectedItems}.`);
    notes.push(...o.notes);
    const status = o.managedStatus ?? (o.failure !== undefined || !balanced ? 'FAILED' : o.cancelled ? 'CANCELLED' : 'COMPLETED');
    return {
        mode: plan.mode,
        engine: o.engine,
        engineReason: o.engineReason,
        status,
        ...(o.failure === undefined ? {} : { failure: o.failure.shown }),
        ...(o.cancelled ? { aborted: true } : {}),
        ...(o.timedOut ? { timedOut: true } : {}),
        ...(o.jobArn === undefined ? {} : { jobArn: o.jobArn }),
        ...(plan.tableName === undefined ? {} : { tableName: plan.tableName }),
        ...(o.tableArn === undefined ? {} : { tableArn: o.tableArn }),
        source: o.source,
        ...(plan.mode === 'import' ? { destination: `table ${plan.tableName}` } : {}),
        processedItemCount: sum.processed,
        importedItemCount: sum.puts + sum.deletes,
        errorCount: sum.errors,
        unwrittenItemCount: o.unwritten,
        ...(o.bytes === undefined ? {} : { processedSizeBytes: o.bytes }),
        ...(o.rejectedItems === undefined ? {} : { rejectedItems: o.rejectedItems }),
        durationSeconds: o.durationSeconds,
        errors: o.errors,
        note: notes.join(' '),
        putCount: sum.puts,
        deleteCount: sum.deletes,
        ...(plan.mode === 'import' && applied > 0 ? { exportsApplied: applied } : {}),
        ...(complete && plan.mode === 'import' ? { restoredTo: o.report.restoredTo } : {}),
        chain: o.report,
        ...(o.warnings.length > 0 && { warnings: o.warnings }),
    };
}

;// CONCATENATED MODULE: ./src/restore/target.ts
// The table a restore writes into. With a full export in the chain it is
// found, created, emptied (existing-table: replace) or refused exactly as an
// import's, once the full export's first records have been read. Incremental
// exports alone change a table that must already exist, as it is (only with
// changes-onto-table: true or changes: revert, see without-base.ts; never
// with existing-table: replace), and a missing table says which full export
// to restore first.







async function restoreTarget(plan, chain, base, store, deps) {
    if (plan.mode === 'validate' || base !== undefined) {
        const target = await findTargetTable(plan, deps);
        const keys = keyChecksFrom(target.keys);
        const first = base?.objects[0];
        if (plan.mode === 'import' && first !== undefined) {
            // The full export's first records, read before the table is created or emptied.
            const format = base?.export?.format ?? 'DYNAMODB_JSON';
            const sample = await sampleObject(store, first, { format, compression: 'auto', keys });
            refuseUnreadable(sample, store.describe(first.key), `${format} (auto)`, `Table ${plan.tableName} was not created, emptied or written.`);
        }
        return { keys, prepare: () => target.prepare() };
    }
    const table = await describeTable(deps.dynamodb, plan.tableName);
    if (table === undefined)
        throw await missingTable(plan.tableName, chain, store, new Date(deps.now()));
    return {
        keys: keyChecksFrom(table),
        prepare: async () => {
            // Refused before (without-base.ts, and with revert by the inputs): never emptied and then given changes alone.
            if (plan.mode === 'import' && plan.existingTable === 'replace')
                throw new errors/* TransferError */.aG('CHAIN_UNUSABLE', `existing-table: replace would empty ${plan.tableName} and leave only the changes of the windows in it. Nothing was written.`);
            if (plan.mode === 'import')
                deps.log(chain.direction === 'apply'
                    ? `changes-onto-table: true: the changes are applied onto ${plan.tableName} as it is (existing-table: ${plan.existingTable}).`
                    : `changes: revert undoes the changes of the windows on ${plan.tableName} as it is (existing-table: ${plan.existingTable}).`);
            return table;
        },
    };
}
/** TABLE_NOT_FOUND for changes without a base: which full export to restore first, if the exports' root holds one. */
async function missingTable(name, chain, store, now) {
    if (chain.direction === 'revert')
        return new errors/* TransferError */.aG('TABLE_NOT_FOUND', `Table ${name} does not exist, and changes: revert undoes changes in a table that exists. Check table-name and aws-region. Nothing was created or written.`);
    const first = chain.steps[0]?.export;
    const since = startOf(first);
    const root = first.root;
    const siblings = (await findExports(store, `${root}AWSDynamoDB/`, now).catch(() => undefined))?.exports ?? [];
    const base = siblings
        .filter((e) => e.type === 'FULL_EXPORT' && e.tableArn === chain.tableArn && endOf(e).getTime() <= since.getTime())
        .sort((a, b) => endOf(b).getTime() - endOf(a).getTime())[0];
    const which = base === undefined
        ? `a full export of ${chain.tableArn} made at or before ${since.toISOString()} (there is none under ${store.describe(`${root}AWSDynamoDB/`)})`
        : `the full export ${base.shown} (${chain.tableArn} as of ${endOf(base).toISOString()})`;
    const both = base === undefined
        ? ''
        : ` Or restore both in one step from ${store.describe(root)}, the folder that holds them (give partition-key for the new table).`;
    return new errors/* TransferError */.aG('TABLE_NOT_FOUND', `Table ${name} does not exist. An incremental export changes a table that holds the state its window starts from, so restore ${which} into ${name} first, then apply this.${both} Nothing was created or written.`);
}

;// CONCATENATED MODULE: ./src/restore/without-base.ts
// Changes without a full export: a chain that applies incremental exports
// with no full export at or before restore-to (one export's folder, or a
// prefix whose full exports are all later). Their changes say nothing of the
// items they did not change, so applied onto a table that does not already
// hold the source table as it was when the first window starts they leave a
// state the table never had, and nothing can tell. That is done only when the
// user says so (`changes-onto-table: true`), never with `existing-table:
// replace` (which would empty the table first), and is otherwise refused
// before anything is written, naming the exports found and what is missing.


/** At most this many exports are named in the message; the log lists them all. */
const NAMED = 10;
/** Undefined when the chain has a full export, or the user asked for the changes onto the table as it is. */
function refuseWithoutBase(plan, chain) {
    if (chain.direction !== 'apply' || chain.steps[0]?.action === 'import' || chain.steps.length === 0)
        return undefined;
    const replace = plan.existingTable === 'replace';
    if (plan.restore.ontoTable && !replace)
        return undefined;
    const since = new Date(Math.min(...chain.steps.map((s) => startOf(s.export).getTime())));
    const point = chain.requested === undefined ? 'in the source' : `at or before restore-to ${without_base_iso(chain.requested)}`;
    const found = [...chain.steps.map((s) => s.export), ...chain.leftOut.map((l) => l.export)];
    const later = found.filter((e) => e.type === 'FULL_EXPORT' && e.tableArn === chain.tableArn);
    const why = replace
        ? `existing-table: replace would empty ${plan.tableName} and then apply only changes, which hold just the items the windows changed`
        : `the changes alone say nothing of the items they did not change, so applied onto ${plan.tableName} as it is they leave ${without_base_iso(chain.restoredTo)} only if it already holds the table as it was at ${without_base_iso(since)}`;
    const onto = replace
        ? `if ${plan.tableName} already holds the table as it was at ${without_base_iso(since)}, apply the changes onto it with changes-onto-table: true and existing-table: merge (or fail) instead of replace`
        : `if ${plan.tableName} already holds the table as it was at ${without_base_iso(since)}, set changes-onto-table: true to apply the changes onto it as it is`;
    return new errors/* TransferError */.aG('CHAIN_UNUSABLE', `No full export of ${chain.tableArn} is ${point}${later.length === 0 ? '' : ` (${later.length === 1 ? 'the one found is' : 'those found are'} later)`}: ${why}. Exports found: ${named(found)}. Missing: a full export of ${chain.tableArn} made at or before ${without_base_iso(since)}, where the first window applied starts. Nothing was created or written. Put that full export in the source; or, ${onto}.`);
}
function named(exports) {
    const shown = exports.slice(0, NAMED).map((e) => `${e.shown} (${without_base_describe(e)})`);
    const more = exports.length - shown.length;
    return `${shown.join(', ')}${more > 0 ? `, and ${more} more (the log lists them)` : ''}`;
}
function without_base_describe(e) {
    return e.type === 'FULL_EXPORT'
        ? `full export as of ${without_base_iso(endOf(e))}`
        : `changes from ${without_base_iso(startOf(e))} to ${without_base_iso(endOf(e))}`;
}
const without_base_iso = (d) => d.toISOString();

;// CONCATENATED MODULE: ./src/restore/run.ts
// A restore from exports: the chain planned from the source's exports (see
// src/sources/chain.ts), refused before any write when it has a gap, every
// export's manifests read, then the exports applied in order. A full export
// into a new table on AWS goes through ImportTable; everything else, and
// every incremental export, is written by this action.















async function runRestore(plan, source, choice, deps) {
    const { chain } = source;
    const log = deps.direct.log;
    const started = deps.direct.now();
    const report = chainReport(chain, source.found.unfinished);
    for (const line of describeChain(report))
        log(line);
    const outcome = (o) => restoreResult(plan, {
        report,
        engine: choice.engine,
        engineReason: choice.reason,
        cancelled: false,
        unwritten: 0,
        source: source.store.describe(source.prefix),
        errors: [],
        notes: [],
        warnings: [],
        durationSeconds: (deps.direct.now() - started) / 1000,
        ...o,
    });
    if (chain.gap !== undefined) {
        // Refused before anything is read or written; the summary still draws the chain and its gap.
        return outcome({ failure: new errors/* TransferError */.aG('CHAIN_GAP', gapMessage(chain.gap)) });
    }
    // Changes without a full export, onto a table that exists (a missing one is TABLE_NOT_FOUND, naming the full export to restore first).
    if (plan.mode === 'import') {
        const refused = refuseWithoutBase(plan, chain);
        if (refused !== undefined && (await describeTable(deps.direct.dynamodb, plan.tableName)) !== undefined)
            return outcome({ failure: refused });
    }
    // The budget settled before anything is read: a share the table cannot give is refused here.
    const meter = plan.mode === 'import'
        ? await meterFor(plan, 'write', plan.tableName, deps.direct, plan.tableParameters)
        : undefined;
    // Every export's manifests read (a missing data file, a damaged manifest) before any write.
    const steps = [];
    for (const step of chain.steps) {
        const { from, to } = step.export;
        steps.push({
            action: step.action,
            resolved: await resolveSource({ store: source.store, prefix: step.export.folder }),
            ...(from !== undefined && to !== undefined && { window: { from, to } }),
            shown: step.export.shown,
        });
    }
    const breaker = new Breaker();
    const direct = { ...deps.direct, breaker, ...(meter && { meter }) };
    const baseStep = steps[0]?.action === 'import' ? steps[0] : undefined;
    const managedBase = plan.mode === 'import' && baseStep !== undefined && choice.engine === 'managed';
    let table;
    let keys;
    let directSteps = steps;
    const rowOffset = managedBase ? 1 : 0;
    let jobArn;
    if (managedBase) {
        refuseNoWait(plan);
        deps.managed.phase('Import of the full export');
        const base = await importBaseManaged(plan, chain.steps[0].export, deps.managed, choice.reason);
        jobArn = base.jobArn;
        const row = report.rows[0];
        row.engine = 'managed';
        row.counts = {
            processed: base.processedItemCount ?? 0,
            puts: base.importedItemCount ?? 0,
            deletes: 0,
            errors: base.errorCount ?? 0,
        };
        const done = base.status === 'COMPLETED' && !base.timedOut && !base.aborted;
        row.state = done ? 'applied' : 'failed';
        if (!done) {
            return outcome({
                managedStatus: base.status === 'COMPLETED' ? 'IN_PROGRESS' : base.status,
                ...(base.aborted ? { cancelled: true } : {}),
                ...(base.timedOut ? { timedOut: true } : {}),
                ...(base.failure === undefined ? {} : { failure: new errors/* TransferError */.aG('JOB_FAILED', base.failure) }),
                ...(base.jobArn === undefined ? {} : { jobArn: base.jobArn }),
                errors: base.errors,
                notes: [base.note ?? ''].filter((n) => n !== ''),
                ...(base.tableArn === undefined ? {} : { tableArn: base.tableArn }),
            });
        }
        const made = await describeTable(deps.direct.dynamodb, plan.tableName);
        if (made === undefined)
            throw new errors/* TransferError */.aG('TABLE_NOT_FOUND', `ImportTable completed, but table ${plan.tableName} is not there.`);
        table = made;
        keys = keyChecksFrom(made);
        directSteps = steps.slice(1);
    }
    else {
        const target = await restoreTarget(plan, chain, baseStep?.resolved, source.store, direct);
        keys = target.keys;
        table = await target.prepare();
    }
    deps.direct.phase(plan.mode === 'validate' ? 'Validate' : chain.direction === 'apply' ? 'Apply' : 'Revert');
    const done = await runDirectSteps(plan, directSteps, { table, keys }, source.store, direct);
    markRows(report, done, rowOffset, plan.mode);
    deps.direct.phase('Counts');
    const objects = directSteps.flatMap((s) => s.resolved.objects);
    const result = outcome({
        engine: directSteps.length > 0 ? 'direct' : choice.engine,
        ...(done.failure === undefined ? {} : { failure: done.failure }),
        cancelled: done.cancelled,
        unwritten: done.ledger.processed - done.sink.stats.written - done.ledger.errors - done.changes.superseded,
        ...(table.TableArn === undefined ? {} : { tableArn: table.TableArn }),
        bytes: done.ledger.bytes,
        ...(done.rejectedItems === undefined ? {} : { rejectedItems: done.rejectedItems }),
        ...(jobArn === undefined ? {} : { jobArn }),
        errors: done.ledger.samples,
        warnings: [...importWarnings(objects, source.store, done.importDuplicates), ...changeWarnings(done.changes)],
    });
    log(result.note ?? '');
    return meter === undefined ? result : { ...result, capacity: meter.report() };
}
function markRows(report, done, offset, mode) {
    done.counts.forEach((counts, i) => {
        const row = report.rows[offset + i];
        if (row === undefined)
            return;
        row.engine = 'direct';
        row.counts = counts;
        row.state = i >= done.completed ? 'failed' : mode === 'validate' ? 'checked' : 'applied';
    });
}

;// CONCATENATED MODULE: ./src/main.ts
// run(): inputs -> plan -> engine -> report. One catch at the top turns any
// thrown value into a failed step; nothing below calls process.exit.

























async function run(deps) {
    const started = deps.now();
    let working;
    let choice;
    let planned;
    try {
        for (const input of undeclaredInputs(deps.env))
            core.warning(undeclaredWarning(input));
        const plan = readPlan({ env: deps.env, now: started, cwd: deps.cwd });
        planned = plan;
        const clients = createClients(plan.aws);
        choice = await chooseEngine(plan, async (name) => (await describeTable(clients.dynamodb, name)) !== undefined);
        core.startGroup('Plan');
        for (const line of describePlan(plan, choice))
            core.info(line);
        core.endGroup();
        working = plan.mode;
        core.startGroup('Pre-flight checks');
        // A source of exports (an incremental export, a chain) is restored rather than imported: reading it is work.
        const restore = plan.mode === 'import' || plan.mode === 'validate'
            ? await findRestore(plan, clients.s3, deps.now(), readGuard(deps))
            : undefined;
        if (restore !== undefined) {
            choice = restoreEngine(choice, restore.chain);
            core.info(`The source holds exports of a table: restoring them. Engine: ${choice.engine}, because ${choice.reason}.`);
        }
        const engine = choice;
        // max-duration and timeout stop the direct engine through the signal a cancel aborts; a managed job runs
        // server-side, and its poll stops waiting at timeout.
        const direct = engine.engine === 'direct';
        const limit = direct && 'maxDurationMs' in plan ? plan.maxDurationMs : undefined;
        const work = workSignal(deps.signal, limit, started.getTime(), () => deps.now().getTime(), (reached) => core.info(`${reached.message}: stopping, and keeping where the work stopped for the next run.`), direct ? plan.waiting.timeoutMs : undefined);
        const result = await runEngine(plan, engine, clients, { ...deps, signal: work.signal }, restore)
            .finally(() => work.dispose())
            // max-duration bounds the work; a comparison after it (verify: true) runs to its end unless cancelled.
            .then((done) => plan.mode === 'import' || plan.mode === 'export'
            ? verifyAfter(plan, done, directDeps(engine, clients, deps))
            : done)
            .finally(() => core.endGroup());
        const stopped = afterMaxDuration(result, work.signal);
        if (stopped.status === 'IN_PROGRESS' && stopped.engine === 'direct')
            core.info(stopped.note ?? '');
        const shown = plan.uploadArtifacts ? await uploadArtifacts(stopped, deps.env, core) : stopped;
        report(withContext(shown, plan, deps.env), plan.maxErrors, core, deps.env.GITHUB_STEP_SUMMARY);
    }
    catch (thrown) {
        const error = planned === undefined ? thrown : await explainTableNotFound(thrown, planned.aws, tableNameOf(planned), deps.env);
        const message = (0,errors/* failureMessage */.oh)(unreachable(error));
        if (choice !== undefined)
            core.setOutput(constants/* Output */.k7.Engine, choice.engine);
        core.setOutput(constants/* Output */.k7.DurationSeconds, (deps.now().getTime() - started.getTime()) / 1000);
        // Once work began, a step that ends here still says how: a refused input has no status, as nothing ran.
        if (working !== undefined)
            core.setOutput(constants/* Output */.k7.Status, cancelled(error) ? 'CANCELLED' : 'FAILED');
        const summary = working === undefined ? renderStartFailure(message) : renderWorkFailure(working, message);
        writeSummary(summary, deps.env.GITHUB_STEP_SUMMARY, core);
        core.setFailed(clip(message, 20_000));
    }
}
function tableNameOf(plan) {
    return plan.mode === 'export' ? plan.table.name : plan.tableName;
}
function cancelled(error) {
    return error instanceof errors/* TransferError */.aG && error.code === 'CANCELLED';
}
function commonDeps(choice, clients, deps) {
    return {
        ...clients,
        log: (line) => core.info(line),
        warn: (line) => core.warning(line),
        now: () => deps.now().getTime(),
        // Each phase of the work in its own collapsible group; groups cannot nest.
        phase: (name) => {
            core.endGroup();
            core.startGroup(`${name} (${choice.engine} engine)`);
        },
    };
}
/** What the direct engine needs; also what a comparison after either engine's work needs (`verify: true`). */
function directDeps(choice, clients, deps) {
    const workspace = deps.env.GITHUB_WORKSPACE;
    return {
        ...commonDeps(choice, clients, deps),
        sleep: abortableSleep,
        ...(deps.signal && { signal: deps.signal }),
        tempDir: deps.env.RUNNER_TEMP ?? (0,external_node_os_.tmpdir)(),
        ...(workspace && { workspace }),
        ...dataFileSize(deps.env),
        env: deps.env,
    };
}
/** For tests only: small export data files (DYNAMODB_S3_TRANSFER_DATA_FILE_BYTES), so a small table makes many. */
function dataFileSize(env) {
    const bytes = Number(env.DYNAMODB_S3_TRANSFER_DATA_FILE_BYTES ?? '');
    return Number.isSafeInteger(bytes) && bytes > 0 ? { dataFileMaxBytes: bytes } : {};
}
function runEngine(plan, choice, clients, deps, restore) {
    const managed = {
        ...commonDeps(choice, clients, deps),
        sleep: abortableSleep,
        env: deps.env,
        ...(deps.signal && { signal: deps.signal }),
    };
    const direct = directDeps(choice, clients, deps);
    if (restore !== undefined && (plan.mode === 'import' || plan.mode === 'validate'))
        return runRestore(plan, restore, choice, { managed, direct });
    if (choice.engine === 'managed')
        return runManaged(plan, managed, choice.reason);
    return runDirect(plan, direct, choice.reason);
}
/** Console links only when the endpoints are AWS's; the action's own reference for the import-back snippet. */
function withContext(result, plan, env) {
    const onAws = plan.aws.endpointUrl === undefined &&
        !plan.aws.s3Compatible &&
        !env.AWS_ENDPOINT_URL_DYNAMODB &&
        !env.AWS_ENDPOINT_URL;
    const uses = env.GITHUB_ACTION_REPOSITORY
        ? `${env.GITHUB_ACTION_REPOSITORY}@${env.GITHUB_ACTION_REF || 'v1'}`
        : undefined;
    const continuable = result.engine === 'direct' && (result.mode === 'export' || result.mode === 'import');
    return {
        ...result,
        ...(continuable && { resumed: result.resumed ?? false }),
        ...(onAws && { consoleRegion: plan.aws.region }),
        ...(uses && { uses }),
        ...(plan.aws.endpointUrl !== undefined && { endpointUrl: plan.aws.endpointUrl }),
        ...(plan.aws.s3EndpointUrl !== undefined && { s3EndpointUrl: plan.aws.s3EndpointUrl }),
    };
}

;// CONCATENATED MODULE: ./src/worker-main.ts
// Inside the worker: run() with an AbortSignal fed by the main thread, and the
// exit code handed back through the worker's own exit.



async function runInsideWorker() {
    const controller = new AbortController();
    external_node_worker_threads_.parentPort?.on('message', (message) => {
        if (message.abort === undefined)
            return;
        core.info(`Received ${message.abort}: stopping, and reporting what was done.`);
        controller.abort();
    });
    await run({ env: process.env, now: () => new Date(), cwd: process.cwd(), signal: controller.signal });
    external_node_worker_threads_.parentPort?.removeAllListeners('message');
    external_node_worker_threads_.parentPort?.close();
}


/***/ })

};
