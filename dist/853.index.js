export const id = 853;
export const ids = [853];
export const modules = {

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

/***/ 93853:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runInWorker: () => (/* binding */ runInWorker)
/* harmony export */ });
/* unused harmony export heapLimits */
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(75919);
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_worker_threads__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(27242);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83916);
/* harmony import */ var _inputs_reader_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9066);
// Starts the action in a worker thread with heap limits for its mode,
// passes SIGTERM and SIGINT on as an abort, and ends with the worker's exit code.




/** Young-generation size for the worker: enough for throughput, small enough to keep the heap flat. */
const YOUNG_GENERATION_MB = 12;
/**
 * An import's limits. Under a limit of 2 GB or more V8 lets the old
 * generation grow to about four times what outlived its last full
 * collection, and by less under a lower one. Measured with bench:ceiling
 * (300,000 items, concurrency 16 and 64, 2026-12-01): an import peaked at
 * 246-255 MB without it and at 179-185 MB with it, for 4-8% more CPU an
 * item. An export's peak is its pages in flight, not its heap: the same
 * limit cost it 12-24% more CPU and left it at 200-249 MB, so it keeps the
 * default.
 */
const IMPORT_LIMITS = { maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: 1536 };
/** The worker's heap limits, by the mode the step's inputs ask for (an invalid one is reported by the worker). */
function heapLimits(env) {
    const mode = new _inputs_reader_js__WEBPACK_IMPORTED_MODULE_3__/* .InputReader */ .i(env).get(_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Input */ .pd.Mode).trim().toLowerCase();
    return mode === 'import' ? IMPORT_LIMITS : { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB };
}
async function runInWorker(entry) {
    const worker = new node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.Worker(entry, {
        resourceLimits: heapLimits(process.env),
        stdout: false,
        stderr: false,
    });
    for (const signal of ['SIGTERM', 'SIGINT']) {
        process.once(signal, () => worker.postMessage({ abort: signal }));
    }
    const exitCode = await new Promise((resolve) => {
        worker.once('exit', resolve);
        worker.once('error', (error) => {
            // A worker that died (out of memory, say) still fails the step with a code first.
            process.stdout.write(`::error::${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .failureMessage */ .oh)(error)}\n`);
            resolve(1);
        });
    });
    process.exitCode = exitCode;
}


/***/ })

};
