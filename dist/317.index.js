export const id = 317;
export const ids = [317];
export const modules = {

/***/ 3317:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runInsideWorker: () => (/* binding */ runInsideWorker)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(6421);
// EXTERNAL MODULE: external "node:worker_threads"
var external_node_worker_threads_ = __webpack_require__(5919);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-cloudwatch-logs/dist-cjs/index.js
var dist_cjs = __webpack_require__(303);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-dynamodb/dist-cjs/index.js
var client_dynamodb_dist_cjs = __webpack_require__(4305);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-s3/dist-cjs/index.js
var client_s3_dist_cjs = __webpack_require__(3711);
;// CONCATENATED MODULE: ./src/aws.ts
// SDK clients with the region, endpoints, retries and user agent of a plan.
// Without endpoint inputs the SDK's own AWS_ENDPOINT_URL_* variables apply.



const USER_AGENT = ['dynamodb-s3-transfer', '0.1.0'];
function createClients(settings) {
    return {
        dynamodb: createDynamoDbClient(settings),
        s3: createS3Client(settings),
        // Honours AWS_ENDPOINT_URL_CLOUDWATCH_LOGS and AWS_ENDPOINT_URL through the SDK.
        logs: new dist_cjs/* CloudWatchLogsClient */.TFr({ region: settings.region, maxAttempts: 5, customUserAgent: [USER_AGENT] }),
    };
}
/**
 * Standard retries, not adaptive: adaptive mode throttles the whole client
 * after a few throttled requests, which starves a bulk load. The direct
 * engine retries throttled and unprocessed writes itself, with backoff.
 */
function createDynamoDbClient(settings) {
    return new client_dynamodb_dist_cjs/* DynamoDBClient */.MGV({
        region: settings.region,
        maxAttempts: 3,
        retryMode: 'standard',
        customUserAgent: [USER_AGENT],
        ...(settings.endpointUrl === undefined ? {} : { endpoint: settings.endpointUrl }),
    });
}
/**
 * With `s3-endpoint-url` set the server is S3-compatible, not S3: path-style
 * addressing, and checksums only where S3 requires them, because MinIO,
 * s3rver and others store aws-chunked framing inside the object or reject it.
 */
function createS3Client(settings) {
    const compatible = settings.s3Compatible
        ? {
            forcePathStyle: true,
            requestChecksumCalculation: 'WHEN_REQUIRED',
            responseChecksumValidation: 'WHEN_REQUIRED',
        }
        : {};
    return new client_s3_dist_cjs/* S3Client */.YxF({
        region: settings.region,
        maxAttempts: 5,
        retryMode: 'standard',
        customUserAgent: [USER_AGENT],
        ...compatible,
        ...(settings.s3EndpointUrl === undefined ? {} : { endpoint: settings.s3EndpointUrl }),
    });
}

;// CONCATENATED MODULE: ./src/constants.ts
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
    Wait: 'wait',
    Timeout: 'timeout',
    PollInterval: 'poll-interval',
    MaxErrors: 'max-errors',
    RejectedItems: 'rejected-items',
    ClientToken: 'client-token',
};
/**
 * The defaults declared in action.yml. The runner fills them in before the
 * action starts; they are repeated here only for an input given explicitly as
 * an empty string (`${{ inputs.x }}` of an unset workflow input), and a test
 * keeps the two in step.
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
    ProcessedSizeBytes: 'processed-size-bytes',
    ExportManifest: 'export-manifest',
    DataUrl: 'data-url',
    RejectedItems: 'rejected-items',
    DurationSeconds: 'duration-seconds',
};

;// CONCATENATED MODULE: ./src/errors.ts
// The action's error family: a stable code for docs and tests, a sentence a
// person can act on, and where it happened.
class TransferError extends Error {
    code;
    context;
    constructor(code, message, context = {}) {
        super(message);
        this.name = 'TransferError';
        this.code = code;
        this.context = context;
    }
}
/** Every bad input found, reported together before any work starts. */
class InputError extends TransferError {
    problems;
    constructor(problems) {
        super('INVALID_INPUT', formatProblems(problems), {
            input: problems.map((p) => p.input).join(', '),
        });
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
/** The message of any thrown value, for the one catch at the top. */
function messageOf(error) {
    if (error instanceof Error)
        return error.message;
    return String(error);
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
;// CONCATENATED MODULE: ./src/formats/records.ts
// What decoders yield: an item with where it came from, or an error for one
// record with a stable code. Decoders never stop at a bad record.
function isError(decoded) {
    return 'error' in decoded;
}
function newStats() {
    return { bytes: 0, lines: 0, items: 0, errors: 0 };
}
/** A whole object cannot be read further (truncated or corrupt stream). */
class ObjectReadError extends Error {
    code;
    constructor(code, message) {
        super(message);
        this.name = 'ObjectReadError';
        this.code = code;
    }
}

;// CONCATENATED MODULE: ./src/formats/compression.ts
// NONE, GZIP and ZSTD streams with Node's own zlib (zstd since Node 22.15),
// and detection from an object's first bytes for `compression: auto`.



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
        if (!first.done)
            yield head;
        for (let next = await iterator.next(); !next.done; next = await iterator.next())
            yield next.value;
    }
    return { compression: detectCompression(head), chunks: replay() };
}
/** The file name ending AWS uses for each compression. */
function compressionExtension(compression) {
    return { NONE: '', GZIP: '.gz', ZSTD: '.zst' }[compression];
}
async function* decompress(chunks, compression) {
    if (compression === 'NONE') {
        yield* chunks;
        return;
    }
    // 64 KiB output chunks: a quarter of the hand-offs from zlib's thread pool.
    const stream = compression === 'GZIP' ? (0,external_node_zlib_.createGunzip)({ chunkSize: 65536 }) : (0,external_node_zlib_.createZstdDecompress)({ chunkSize: 65536 });
    const source = external_node_stream_.Readable.from(chunks, { objectMode: false });
    source.on('error', (error) => stream.destroy(error));
    source.pipe(stream);
    try {
        for await (const chunk of stream)
            yield chunk;
    }
    catch (error) {
        throw readError(compression, error);
    }
    finally {
        source.destroy();
        stream.destroy();
    }
}
function readError(compression, error) {
    const code = error.code;
    if (code === 'Z_BUF_ERROR' || /unexpected end/i.test(String(error.message))) {
        return new ObjectReadError('TRUNCATED_OBJECT', `the ${compression} stream ends early: the object is truncated`);
    }
    if (typeof code === 'string' && (code.startsWith('Z_') || code.startsWith('ZSTD_error_'))) {
        return new ObjectReadError('CORRUPT_OBJECT', `the ${compression} stream is corrupt (${error.message})`);
    }
    return error;
}
async function* compress(chunks, compression, options = {}) {
    if (compression === 'NONE') {
        yield* chunks;
        return;
    }
    const stream = compression === 'GZIP'
        ? (0,external_node_zlib_.createGzip)(options.level === undefined ? {} : { level: options.level })
        : (0,external_node_zlib_.createZstdCompress)(options.level === undefined ? {} : { params: { [external_node_zlib_.constants.ZSTD_c_compressionLevel]: options.level } });
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

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:events"
var external_node_events_ = __webpack_require__(8474);
;// CONCATENATED MODULE: ./src/storage/local.ts
// A local folder as a store: fixtures kept in the repository, or an export
// written into the workspace. ETags are the MD5 hex of the content, as S3
// gives for objects written in one part.





class LocalStore {
    root;
    constructor(root) {
        this.root = root;
    }
    describe(key) {
        return key === '' ? this.root : (0,external_node_path_.join)(this.root, key);
    }
    async *list(prefix, limit) {
        let count = 0;
        for await (const object of this.walk(this.root)) {
            if (!object.key.startsWith(prefix))
                continue;
            if (count++ >= limit)
                return;
            yield object;
        }
    }
    async *walk(folder) {
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
            if (entry.isDirectory())
                yield* this.walk(path);
            else if (entry.isFile())
                yield { key: (0,external_node_path_.relative)(this.root, path).split(external_node_path_.sep).join('/'), size: (await (0,promises_.stat)(path)).size };
        }
    }
    read(key) {
        return (0,external_node_fs_.createReadStream)(this.describe(key), { highWaterMark: 256 * 1024 });
    }
    async readText(key) {
        try {
            return await (0,promises_.readFile)(this.describe(key), 'utf8');
        }
        catch (error) {
            if (error.code === 'ENOENT')
                return undefined;
            throw error;
        }
    }
    async write(key, chunks) {
        const path = this.describe(key);
        await (0,promises_.mkdir)((0,external_node_path_.dirname)(path), { recursive: true });
        const hash = (0,external_node_crypto_.createHash)('md5');
        const out = (0,external_node_fs_.createWriteStream)(path);
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
        const path = this.describe(key);
        await (0,promises_.mkdir)((0,external_node_path_.dirname)(path), { recursive: true });
        await (0,promises_.writeFile)(path, text, 'utf8');
        return { etag: (0,external_node_crypto_.createHash)('md5').update(text).digest('hex'), bytes: Buffer.byteLength(text) };
    }
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
        const response = await s3.send(new client_s3_dist_cjs/* UploadPartCommand */.iVK({
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
            uploadId ??= await createUpload(s3, params);
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
                return s3.send(new client_s3_dist_cjs/* PutObjectCommand */.wKZ({ ...params, Body: body, ContentLength: body.byteLength }));
            });
            return { etag: unquote(response.ETag ?? ''), bytes };
        }
        if (spool.size > 0)
            await send(spool, parts.length + 1, uploadId);
        const response = await s3.send(new client_s3_dist_cjs/* CompleteMultipartUploadCommand */.Gym({
            ...target,
            UploadId: uploadId,
            MultipartUpload: { Parts: parts }, // in order: one part is sent at a time
        }));
        return { etag: unquote(response.ETag ?? ''), bytes };
    }
    catch (error) {
        await sending.catch(() => undefined);
        if (uploadId !== undefined) {
            // Parts left behind are billed until a lifecycle rule removes them.
            await s3.send(new client_s3_dist_cjs/* AbortMultipartUploadCommand */.tfP({ ...target, UploadId: uploadId })).catch(() => undefined);
        }
        throw error;
    }
    finally {
        await spool.remove();
    }
}
/** As lib-storage does: with the SDK's default checksums, the upload is declared CRC32 so S3 checks every part. */
async function createUpload(s3, params) {
    const checksums = (await s3.config.requestChecksumCalculation()) === 'WHEN_SUPPORTED';
    const response = await s3.send(new client_s3_dist_cjs/* CreateMultipartUploadCommand */.nG4({ ...params, ...(checksums ? { ChecksumAlgorithm: 'CRC32' } : {}) }));
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
// `bucket-owner` is given.



/** S3's smallest part: a part waits on disk, and only the parts being sent are in memory. */
const PART_SIZE = 5 * 1024 * 1024;
/** Parts in memory at once, across every object the store writes. */
const PARTS_IN_MEMORY = 2;
class S3Store {
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
        let token;
        let count = 0;
        do {
            const page = await this.s3.send(new client_s3_dist_cjs/* ListObjectsV2Command */.u6x({ Bucket: this.bucket, Prefix: prefix, ContinuationToken: token, ...this.owner() }));
            for (const object of page.Contents ?? []) {
                if (object.Key === undefined)
                    continue;
                if (count++ >= limit)
                    return;
                yield { key: object.Key, size: object.Size ?? 0 };
            }
            token = page.IsTruncated ? page.NextContinuationToken : undefined;
        } while (token !== undefined);
    }
    async *read(key) {
        const response = await this.s3.send(new client_s3_dist_cjs/* GetObjectCommand */.jLs({ Bucket: this.bucket, Key: key, ...this.owner() }));
        const body = response.Body;
        if (body === undefined)
            return;
        yield* body;
    }
    /** The first bytes of an object, to sample it without reading it all. */
    async *readHead(key, bytes) {
        const response = await this.s3.send(new client_s3_dist_cjs/* GetObjectCommand */.jLs({ Bucket: this.bucket, Key: key, Range: `bytes=0-${bytes - 1}`, ...this.owner() }));
        const body = response.Body;
        if (body === undefined)
            return;
        yield* body;
    }
    async readText(key) {
        try {
            const response = await this.s3.send(new client_s3_dist_cjs/* GetObjectCommand */.jLs({ Bucket: this.bucket, Key: key, ...this.owner() }));
            return (await response.Body?.transformToString('utf8')) ?? '';
        }
        catch (error) {
            if (error instanceof client_s3_dist_cjs/* NoSuchKey */._kG || error.name === 'NoSuchKey')
                return undefined;
            throw error;
        }
    }
    write(key, chunks) {
        return uploadSpooled(this.s3, chunks, {
            params: { Bucket: this.bucket, Key: key, ...this.encryption(), ...this.owner() },
            partSize: PART_SIZE,
            spoolDir: this.options.spoolDir ?? (0,external_node_os_.tmpdir)(),
            slots: this.slots,
        });
    }
    async writeText(key, text) {
        const result = await this.s3.send(new client_s3_dist_cjs/* PutObjectCommand */.wKZ({
            Bucket: this.bucket,
            Key: key,
            Body: text,
            // Given even when it is 0 (the empty _started marker), so the SDK knows the length.
            ContentLength: Buffer.byteLength(text),
            ContentType: 'application/json',
            ...this.encryption(),
            ...this.owner(),
        }));
        return { etag: unquote(result.ETag ?? ''), bytes: Buffer.byteLength(text) };
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

;// CONCATENATED MODULE: ./src/storage/open.ts
// Opens the store a Location points at, and the key prefix within it.




function openStore(location, s3, options = {}) {
    if (location.kind === 's3') {
        return {
            store: new S3Store(s3, location.bucket, {
                ...options,
                ...(location.owner === undefined ? {} : { owner: location.owner }),
            }),
            prefix: location.prefix,
        };
    }
    // A single file is a folder holding it, with its name as the prefix.
    if (isFile(location.path))
        return { store: new LocalStore((0,external_node_path_.dirname)(location.path)), prefix: (0,external_node_path_.basename)(location.path) };
    return { store: new LocalStore(location.path), prefix: '' };
}
function isFile(path) {
    try {
        return (0,external_node_fs_.statSync)(path).isFile();
    }
    catch {
        return false;
    }
}

;// CONCATENATED MODULE: ./src/formats/attribute-value.ts
// DynamoDB JSON <-> AttributeValue, checked the way DynamoDB checks them.
// Numbers stay decimal strings; binary becomes bytes, never a base64 string
// that the SDK would encode a second time.
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
    get path() {
        return this.segments.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
    }
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
function fromDynamoJson(value) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw new AttributeValueError('INVALID_TYPE', 'expected a type-tagged object such as {"S": "text"}');
    }
    let tag;
    for (const key in value) {
        if (tag !== undefined)
            throw new AttributeValueError('INVALID_TYPE', `expected exactly one type tag (${TYPE_TAGS}), not ${Object.keys(value).length}`);
        tag = key;
    }
    const record = value;
    const inner = tag === undefined ? undefined : record[tag];
    switch (tag) {
        case 'S':
            expectString(inner, tag);
            return value;
        case 'N':
            checkNumber(expectString(inner, tag));
            return value;
        case 'B':
            return { B: decodeBase64(expectString(inner, tag)) };
        case 'BOOL':
            if (typeof inner !== 'boolean')
                throw new AttributeValueError('INVALID_TYPE', 'expected BOOL to hold true or false');
            return value;
        case 'NULL':
            if (inner !== true)
                throw new AttributeValueError('INVALID_TYPE', 'expected NULL to hold true');
            return value;
        case 'L':
            if (!Array.isArray(inner))
                throw new AttributeValueError('INVALID_TYPE', 'expected L to hold a list');
            for (let i = 0; i < inner.length; i++) {
                try {
                    const converted = fromDynamoJson(inner[i]);
                    if (converted !== inner[i])
                        inner[i] = converted;
                }
                catch (error) {
                    throw error instanceof AttributeValueError ? error.within(i) : error;
                }
            }
            return value;
        case 'M':
            attribute_value_fromDynamoJsonMap(inner);
            return value;
        case 'SS':
            checkSet(expectStrings(inner, tag), tag);
            return value;
        case 'NS':
            for (const n of expectStrings(inner, tag))
                checkNumber(n);
            checkSet(inner, tag);
            return value;
        case 'BS':
            return { BS: checkSet(expectStrings(inner, tag), tag).map(decodeBase64) };
        case undefined:
            throw new AttributeValueError('INVALID_TYPE', `expected exactly one type tag (${TYPE_TAGS}), not 0`);
        default:
            throw new AttributeValueError('INVALID_TYPE', `expected a type tag of ${TYPE_TAGS}, not "${tag}"`);
    }
}
/** A map of attribute name to DynamoDB JSON value, such as an item or an `M`, converted in place. */
function attribute_value_fromDynamoJsonMap(value) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw new AttributeValueError('INVALID_TYPE', 'expected an object of attribute names to values');
    }
    const map = value;
    for (const name in map) {
        try {
            const value = map[name];
            const converted = fromDynamoJson(value);
            if (converted !== value)
                map[name] = converted; // only binary values are replaced
        }
        catch (error) {
            throw error instanceof AttributeValueError ? error.within(name) : error;
        }
    }
    return map;
}
function expectString(value, tag) {
    if (typeof value !== 'string')
        throw new AttributeValueError('INVALID_TYPE', `expected ${tag} to hold a string`);
    return value;
}
function expectStrings(value, tag) {
    if (!Array.isArray(value))
        throw new AttributeValueError('INVALID_TYPE', `expected ${tag} to hold a list of strings`);
    for (const v of value) {
        if (typeof v !== 'string')
            throw new AttributeValueError('INVALID_TYPE', `expected ${tag} to hold a list of strings`);
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
        return text; // zero
    if (value.digits.length > 38)
        throw invalidNumber(text, 'more than 38 significant digits');
    if (value.magnitude > 125)
        throw invalidNumber(text, 'larger than 9.9999999999999999999999999999999999999E+125');
    if (value.magnitude < -130)
        throw invalidNumber(text, 'smaller than 1E-130');
    return text;
}
/** A checked number as `digits e exponent` without padding zeros, so equal values give equal strings. */
function numberValue(text) {
    const match = NUMBER.exec(text);
    if (match === null)
        return text;
    const value = significant(match);
    if (value === undefined)
        return '0';
    return `${text.startsWith('-') ? '-' : ''}${value.digits}e${value.magnitude}`;
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
    return new AttributeValueError('INVALID_NUMBER', `"${text}" is not a valid DynamoDB number (${why})`);
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
        throw new AttributeValueError('INVALID_BINARY', `"${text.length > 40 ? `${text.slice(0, 40)}...` : text}" is not valid base64`);
    }
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
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
    throw new AttributeValueError('INVALID_TYPE', `unsupported attribute value: ${Object.keys(value).join(', ')}`);
}
function toDynamoJsonMap(item) {
    const out = {};
    for (const name in item)
        out[name] = toDynamoJson(item[name]);
    return out;
}

;// CONCATENATED MODULE: ./src/formats/lines.ts
// Splits a byte stream into text lines without holding more than one line
// and one chunk. UTF-8 characters split across chunks are kept whole. Lines
// come in one batch per chunk: a hop through an async generator per line
// would cost more than parsing it.
async function* lines_splitLines(chunks, stats) {
    const decoder = new TextDecoder('utf-8', { ignoreBOM: false });
    let pending = '';
    let number = 0;
    for await (const chunk of chunks) {
        if (stats)
            stats.bytes += chunk.byteLength;
        const text = pending + decoder.decode(chunk, { stream: true });
        const lines = [];
        let start = 0;
        let end = text.indexOf('\n', start);
        while (end !== -1) {
            number += 1;
            lines.push({ text: trimCarriageReturn(text, start, end), number });
            start = end + 1;
            end = text.indexOf('\n', start);
        }
        pending = text.slice(start);
        if (stats)
            stats.lines = number;
        if (lines.length > 0)
            yield lines;
    }
    pending += decoder.decode();
    if (pending.length > 0) {
        number += 1;
        yield [{ text: trimCarriageReturn(pending, 0, pending.length), number }];
    }
    if (stats)
        stats.lines = number;
}
function trimCarriageReturn(text, start, end) {
    return text.charCodeAt(end - 1) === 13 ? text.slice(start, end - 1) : text.slice(start, end);
}

;// CONCATENATED MODULE: ./src/formats/ddb-json.ts
// DynamoDB JSON lines: `{"Item": {...}}` per line, as AWS imports and exports
// them, and the incremental export records (Metadata, Keys, NewImage, OldImage).
// Decoders yield a batch per chunk read: per-item hops through async
// generators would cost more than the parsing.


async function* decodeDynamoJson(chunks, stats) {
    const counter = { next: 0 };
    for await (const lines of lines_splitLines(chunks, stats)) {
        const batch = [];
        for (const line of lines) {
            const parsed = parseLine(line, counter);
            if (parsed === undefined)
                continue;
            if ('error' in parsed) {
                batch.push(parsed);
                continue;
            }
            const { value, itemIndex } = parsed;
            const item = value.Item;
            if (item === undefined) {
                batch.push({ error: { code: 'NOT_AN_ITEM', message: notAnItem(value), line: line.number, itemIndex } });
                continue;
            }
            try {
                batch.push({ item: attribute_value_fromDynamoJsonMap(item), line: line.number, itemIndex, textLength: line.text.length });
            }
            catch (error) {
                batch.push({ error: attributeError(error, line.number, itemIndex, 'Item') });
            }
        }
        yield batch;
    }
}
async function* decodeChangeRecords(chunks, stats) {
    const counter = { next: 0 };
    for await (const lines of splitLines(chunks, stats)) {
        const batch = [];
        for (const line of lines) {
            const parsed = parseLine(line, counter);
            if (parsed !== undefined)
                batch.push('error' in parsed ? parsed : toChange(parsed.value, line.number, parsed.itemIndex));
        }
        yield batch;
    }
}
function toChange(value, line, itemIndex) {
    const record = value;
    const timestamp = record.Metadata?.WriteTimestampMicros;
    if (record.Keys === undefined || (typeof timestamp !== 'string' && typeof timestamp !== 'number')) {
        return {
            error: {
                code: 'NOT_AN_ITEM',
                message: 'expected an incremental export record with Metadata.WriteTimestampMicros and Keys',
                line,
                itemIndex,
            },
        };
    }
    let part = 'Keys';
    try {
        const keys = fromDynamoJsonMap(record.Keys);
        part = 'NewImage';
        const newImage = record.NewImage === undefined ? undefined : fromDynamoJsonMap(record.NewImage);
        part = 'OldImage';
        const oldImage = record.OldImage === undefined ? undefined : fromDynamoJsonMap(record.OldImage);
        return {
            record: {
                writeTimestampMicros: String(timestamp),
                keys,
                ...(newImage && { newImage }),
                ...(oldImage && { oldImage }),
            },
            line,
            itemIndex,
        };
    }
    catch (error) {
        return { error: attributeError(error, line, itemIndex, part) };
    }
}
/** A non-blank line parsed as a JSON object, or an error for it; undefined for a blank line. */
function parseLine(line, counter) {
    const { text, number } = line;
    if (text.length === 0 || (isSpace(text.charCodeAt(0)) && text.trim().length === 0))
        return undefined;
    const itemIndex = counter.next++;
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (error) {
        return {
            error: {
                code: 'MALFORMED_JSON',
                message: `the line is not valid JSON: ${error.message}`,
                line: number,
                itemIndex,
            },
        };
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        return { error: { code: 'NOT_AN_ITEM', message: notAnItem(value), line: number, itemIndex } };
    }
    return { value, itemIndex };
}
function isSpace(code) {
    return code === 32 || code === 9 || code === 13 || code === 0xfeff;
}
function notAnItem(value) {
    const found = typeof value === 'object' && value !== null && !Array.isArray(value)
        ? `an object with ${Object.keys(value).join(', ') || 'no keys'}`
        : JSON.stringify(value)?.slice(0, 40);
    return `expected {"Item": {...}} on each line, found ${found}`;
}
function attributeError(error, line, itemIndex, part) {
    if (!(error instanceof AttributeValueError))
        throw error;
    const where = part === 'Item' ? error.path : [part, error.path].filter((p) => p !== '').join('.');
    return { code: error.code, message: where === '' ? error.reason : `${where}: ${error.reason}`, line, itemIndex };
}
const ITEM_OPEN = Buffer.from('{"Item":');
const ITEM_CLOSE = Buffer.from('}\n');
const NEWLINE = 0x0a;
/**
 * `{"Item":{...}}` lines, as AWS's export writes them, around items that are
 * already DynamoDB JSON (as DynamoDB's API sends them), in one buffer.
 */
function dynamoJsonLines(items) {
    const lines = [];
    for (const item of items) {
        // DynamoDB sends compact JSON; anything spread over lines is made compact.
        lines.push(ITEM_OPEN, item.includes(NEWLINE) ? compact(item) : item, ITEM_CLOSE);
    }
    return Buffer.concat(lines);
}
function compact(json) {
    return Buffer.from(JSON.stringify(JSON.parse(json.toString('utf8'))), 'utf8');
}

// EXTERNAL MODULE: ./node_modules/ion-js/dist/commonjs/es6/Ion.js
var Ion = __webpack_require__(7177);
;// CONCATENATED MODULE: ./src/formats/ion-values.ts
// Splits Ion text into top-level values without parsing them, so that ion-js
// (which reads whole buffers only) gets one value at a time and a file of any
// size streams. A top-level list, as in AWS's pretty-printed import example,
// is split into its elements.
const MAX_VALUE_CHARS = 16 * 1024 * 1024;
const IVM = '$ion_1_0';
/** The values found in each chunk of text, as one batch per chunk. */
async function* splitIonValues(texts) {
    const scanner = new IonScanner();
    for await (const text of texts) {
        const values = [...scanner.feed(text)];
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
// `$dynamodb_SS::[...]` for sets. Every digit of a decimal is kept.



const SET_ANNOTATIONS = {
    $dynamodb_SS: 'SS',
    $dynamodb_NS: 'NS',
    $dynamodb_BS: 'BS',
};
async function* decodeIon(chunks, stats) {
    const counter = { next: 0 };
    for await (const values of splitIonValues(texts(chunks, stats))) {
        const batch = [];
        for (const value of values)
            decodeValueText(value, counter, batch);
        yield batch;
    }
}
/** The items in one piece of Ion text: usually one, several for `$ion_1_0 {...} {...}`. */
function decodeValueText(value, counter, batch) {
    const malformed = (message) => {
        batch.push({ error: { code: 'MALFORMED_ION', message, line: value.line, itemIndex: counter.next++ } });
    };
    if (value.broken !== undefined)
        return malformed(value.broken);
    let reader;
    try {
        reader = (0,Ion.makeReader)(value.text);
    }
    catch (error) {
        return malformed(`not valid Ion: ${error.message}`);
    }
    for (;;) {
        let type;
        try {
            type = reader.next();
        }
        catch (error) {
            return malformed(`not valid Ion: ${error.message}`);
        }
        if (type === null)
            return;
        const itemIndex = counter.next++;
        try {
            batch.push({ item: readItemStruct(reader, type), line: value.line, itemIndex, textLength: value.text.length });
        }
        catch (error) {
            batch.push({ error: toDecodeError(error, value.line, itemIndex) });
            return; // the reader's position inside a bad value is unknown
        }
    }
}
async function* texts(chunks, stats) {
    const decoder = new TextDecoder('utf-8');
    for await (const chunk of chunks) {
        if (stats)
            stats.bytes += chunk.byteLength;
        yield decoder.decode(chunk, { stream: true });
    }
    const rest = decoder.decode();
    if (rest !== '')
        yield rest;
}
class NotAnItem extends Error {
}
function readItemStruct(reader, type) {
    if (type.name !== 'struct' || reader.isNull())
        throw new NotAnItem(`expected a struct {Item: {...}}, found ${reader.isNull() ? 'null' : type.name}`);
    reader.stepIn();
    try {
        let item;
        const fields = [];
        for (let t = reader.next(); t !== null; t = reader.next()) {
            const name = reader.fieldName() ?? '';
            fields.push(name);
            if (name === 'Item') {
                if (t.name !== 'struct' || reader.isNull())
                    throw new NotAnItem(`expected Item to be a struct, found ${t.name}`);
                item = readStruct(reader);
            }
        }
        if (item === undefined)
            throw new NotAnItem(`expected a struct {Item: {...}}, found one with ${fields.join(', ') || 'no fields'}`);
        return item;
    }
    finally {
        reader.stepOut();
    }
}
function readStruct(reader) {
    const map = {};
    reader.stepIn();
    for (let t = reader.next(); t !== null; t = reader.next()) {
        const name = reader.fieldName() ?? '';
        try {
            map[name] = readValue(reader, t);
        }
        catch (error) {
            throw error instanceof AttributeValueError ? error.within(name) : error;
        }
    }
    reader.stepOut();
    return map;
}
function readValue(reader, type) {
    if (reader.isNull())
        return { NULL: true };
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
            return { M: readStruct(reader) };
        case 'list': {
            const set = reader
                .annotations()
                .map((a) => SET_ANNOTATIONS[a])
                .find((s) => s !== undefined);
            return set === undefined ? { L: readList(reader) } : readSet(reader, set);
        }
        default:
            throw new AttributeValueError('INVALID_TYPE', `Ion ${type.name} has no DynamoDB type (expected string, bool, decimal, int, float, blob, list, struct or null)`);
    }
}
function readList(reader) {
    const values = [];
    reader.stepIn();
    for (let t = reader.next(); t !== null; t = reader.next()) {
        try {
            values.push(readValue(reader, t));
        }
        catch (error) {
            throw error instanceof AttributeValueError ? error.within(values.length) : error;
        }
    }
    reader.stepOut();
    return values;
}
function readSet(reader, set) {
    const members = readList(reader);
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
    if (type.name === 'decimal')
        return checkNumber(decimalToString(reader.decimalValue()));
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
function toDecodeError(error, line, itemIndex) {
    if (error instanceof AttributeValueError)
        return { code: error.code, message: error.message, line, itemIndex };
    if (error instanceof NotAnItem)
        return { code: 'NOT_AN_ITEM', message: error.message, line, itemIndex };
    return { code: 'MALFORMED_ION', message: `not valid Ion: ${error.message}`, line, itemIndex };
}
// ---- encoding ----
/** `$ion_1_0 {Item:{...}}` lines, as AWS's export writes them, from items in DynamoDB JSON, in one buffer. */
function ionLines(items) {
    let text = '';
    for (const item of items) {
        text += `$ion_1_0 {Item:${ionStruct(attribute_value_fromDynamoJsonMap(JSON.parse(item.toString('utf8'))))}}\n`;
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
    let done = false;
    do {
        const key = dataFileKey(options.paths, options.format, options.compression);
        let count = 0;
        async function* encoded() {
            let size = 0;
            while (size < options.maxBytes) {
                const next = await pages.next();
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
        entries.push({ itemCount: count, md5Checksum: md5.base64(), etag: written.etag, dataFileS3Key: key });
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

;// CONCATENATED MODULE: ./src/parsing/values.ts
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

;// CONCATENATED MODULE: ./src/summary.ts
// The job summary as Markdown: a pure function of the result, tested on its
// own against stored expected Markdown. Names and values from the data are
// escaped; links go to the AWS console only when the endpoints are AWS's.


const MAX_ERRORS_SHOWN = 10;
const WHAT = { export: 'Export', import: 'Import', validate: 'Validation' };
function renderSummary(result, outcome) {
    const parts = [heading(result, outcome.ok), table(['', ''], detailRows(result))];
    if (!outcome.ok)
        parts.push(`**Why the step failed:** ${escapeMarkdown(outcome.message)}`);
    if (result.errors.length > 0)
        parts.push(errorSection(result));
    if (result.warnings !== undefined && result.warnings.length > 0) {
        parts.push(`### Warnings\n\n${result.warnings.map((w) => `- ${escapeMarkdown(w)}`).join('\n')}`);
    }
    if (result.note !== undefined && result.note !== '')
        parts.push(escapeMarkdown(result.note));
    const snippet = importBackSnippet(result);
    if (snippet !== undefined)
        parts.push(snippet);
    return `${parts.join('\n\n')}\n`;
}
/** The summary of a step that stopped before any work, such as on bad inputs. */
function renderStartFailure(message) {
    return `## ❌ dynamodb-s3-transfer did not start\n\n${escapeMarkdown(message)}\n\nNothing was read or written.\n`;
}
/** The summary of a step that failed during the work: what was done before stays, and a re-run is safe. */
function renderWorkFailure(mode, message) {
    const what = WHAT[mode] ?? mode;
    return `## ❌ ${what} failed\n\n${escapeMarkdown(message)}\n\nWhat was written before this point stays; the step can be re-run safely.\n`;
}
function heading(result, ok) {
    const what = WHAT[result.mode];
    const table = result.tableName === undefined ? '' : ` of ${code(result.tableName)}`;
    if (ok && result.status === 'IN_PROGRESS')
        return `## ⏳ ${what}${table} is in progress`;
    if (!ok)
        return `## ❌ ${what}${table} failed`;
    return `## ✅ ${what}${table} completed`;
}
function detailRows(r) {
    const rows = [
        ['Mode', r.mode],
        ['Engine', `${r.engine} (${escapeMarkdown(r.engineReason)})`],
        ['Table', r.tableName === undefined ? undefined : code(r.tableName)],
        ['Source', place(r.source, r)],
        ['Destination', place(r.destination, r)],
        ['Job', r.jobArn === undefined ? undefined : linked(code(r.jobArn), jobLink(r))],
        ['Status', r.status],
        ['Items', count(r.itemCount)],
        ['Items processed', count(r.processedItemCount)],
        [r.mode === 'validate' ? 'Items valid' : 'Items imported', count(r.importedItemCount)],
        ['Errors', count(r.errorCount)],
        ['Bytes', r.processedSizeBytes === undefined ? undefined : formatBytes(r.processedSizeBytes)],
        ['Duration', formatDuration(Math.round(r.durationSeconds * 1000))],
        ['Throughput', throughput(r)],
        ['Manifest', place(r.exportManifest, r)],
        ['Data', place(r.dataUrl, r)],
        ['Data files', count(r.fileCount)],
        ['Rejected items', place(r.rejectedItems, r)],
    ];
    return rows.filter((row) => row[1] !== undefined).map(([k, v]) => [`**${k}**`, v]);
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
function errorSection(r) {
    const shown = r.errors.slice(0, MAX_ERRORS_SHOWN);
    const total = r.errorCount ?? r.errors.length;
    const rows = shown.map((e) => [code(e.location), code(e.code), escapeMarkdown(e.message)]);
    const where = r.rejectedItems === undefined ? '' : `; all are in ${code(r.rejectedItems)}`;
    const rest = total > shown.length ? `\n\n${count(total - shown.length)} more not shown${where}.` : '';
    return `### First errors (${shown.length} of ${count(total)})\n\n${table(['Where', 'Code', 'Reason'], rows)}${rest}`;
}
/** For a completed export: the step that imports it back, ready to paste. */
function importBackSnippet(r) {
    if (r.mode !== 'export' || r.status !== 'COMPLETED' || r.dataUrl === undefined)
        return undefined;
    const s3 = /^s3:\/\/([^/]+)\/(.*)$/.exec(r.dataUrl);
    // The direct engine reads an export through its manifest; AWS's ImportTable reads its data/ folder.
    const folder = r.engine === 'direct' ? r.dataUrl.replace(/data\/$/, '') : r.dataUrl;
    const where = s3 === null
        ? [`path: ${yamlScalar(folder)}`]
        : [`bucket: ${s3[1]}`, `prefix: ${yamlScalar(folder.slice(`s3://${s3[1]}/`.length))}`];
    const keys = r.keySchema ?? ['id:S'];
    const lines = [
        `- uses: ${r.uses ?? 'your-org/dynamodb-s3-transfer@v1'}`,
        '  with:',
        '    mode: import',
        `    table-name: ${yamlScalar(`${r.tableName ?? 'table'}-restored`)}`,
        ...where.map((w) => `    ${w}`),
        `    partition-key: ${yamlScalar(keys[0] ?? 'id:S')}`,
        ...(keys[1] === undefined ? [] : [`    sort-key: ${yamlScalar(keys[1])}`]),
        ...(r.engine === 'direct' ? [] : ['    engine: managed']),
    ];
    return `### Import it back\n\n\`\`\`yaml\n${lines.join('\n')}\n\`\`\``;
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
            text += `, about ${percent.toFixed(0)}% done, ${formatDuration(left * 1000)} left`;
        }
        return text;
    }
}

;// CONCATENATED MODULE: ./src/formats/json-members.ts
// Cuts one array member out of a JSON object without parsing it: the array's
// elements come back as views of the original bytes, and the object's other
// members as a small JSON object of their own. A Scan page's Items can then go
// to an export file byte for byte while only Count and LastEvaluatedKey are
// parsed.
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
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
    expect(json, i, OPEN_BRACE, 'expected an object');
    i = skipSpace(json, i + 1);
    while (json[i] !== CLOSE_BRACE) {
        expect(json, i, QUOTE, 'expected a member name');
        const memberStart = i;
        const nameEnd = stringEnd(json, i);
        const memberName = json.toString('utf8', i + 1, nameEnd - 1);
        i = skipSpace(json, nameEnd);
        expect(json, i, COLON, 'expected ":"');
        const valueStart = skipSpace(json, i + 1);
        const valueEnd = valueEndAt(json, valueStart);
        if (memberName === name) {
            expect(json, valueStart, OPEN_BRACKET, `expected "${name}" to be an array`);
            arrayElements(json, valueStart, elements);
        }
        else {
            others.push(json.subarray(memberStart, valueEnd));
        }
        i = skipSpace(json, valueEnd);
        if (json[i] === COMMA)
            i = skipSpace(json, i + 1);
        else
            expect(json, i, CLOSE_BRACE, 'expected "," or "}"');
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
    while (json[i] !== CLOSE_BRACKET) {
        const end = valueEndAt(json, i);
        into.push(json.subarray(i, end));
        i = skipSpace(json, end);
        if (json[i] === COMMA)
            i = skipSpace(json, i + 1);
        else
            expect(json, i, CLOSE_BRACKET, 'expected "," or "]"');
    }
}
/** Index just past the value that starts at `start`. */
function valueEndAt(json, start) {
    const first = json[start];
    if (first === QUOTE)
        return stringEnd(json, start);
    if (first !== OPEN_BRACE && first !== OPEN_BRACKET)
        return scalarEnd(json, start);
    let depth = 0;
    let i = start;
    while (i < json.length) {
        const byte = json[i];
        if (byte === QUOTE) {
            i = stringEnd(json, i);
            continue;
        }
        if (byte === OPEN_BRACE || byte === OPEN_BRACKET)
            depth += 1;
        else if ((byte === CLOSE_BRACE || byte === CLOSE_BRACKET) && --depth === 0)
            return i + 1;
        i += 1;
    }
    throw new JsonCutError('unterminated object or array', start);
}
/** Index just past the string whose opening quote is at `start`. */
function stringEnd(json, start) {
    let i = start + 1;
    while (i < json.length) {
        const byte = json[i];
        if (byte === QUOTE)
            return i + 1;
        i += byte === BACKSLASH ? 2 : 1;
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
    return byte === COMMA || byte === CLOSE_BRACE || byte === CLOSE_BRACKET || json_members_isSpace(byte);
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


function scanRaw(client, input) {
    return sendRaw(client, new client_dynamodb_dist_cjs/* ScanCommand */.Zy5(input));
}
function queryRaw(client, input) {
    return sendRaw(client, new client_dynamodb_dist_cjs/* QueryCommand */.sfZ(input));
}
async function sendRaw(client, command) {
    // Set by the last attempt that got a 200; earlier attempts are overwritten.
    let items;
    // The middleware touches only the HTTP response, the same for both commands.
    command.middlewareStack.add((next) => async (args) => {
        const result = await next(args);
        const response = result.response;
        if (response.statusCode === 200) {
            const length = Number(response.headers?.['content-length'] ?? Number.NaN);
            const cut = cutArrayMember(await bodyBytes(response.body, length), 'Items');
            items = cut.elements;
            response.body = cut.rest;
        }
        return result;
    }, 
    // Inside the SDK's deserializer, so it sees the raw HTTP response first.
    { step: 'deserialize', priority: 'low', name: 'rawItemsMiddleware' });
    const output = await client.send(command);
    const received = items ?? [];
    if (received.length !== (output.Count ?? 0)) {
        const operation = command instanceof client_dynamodb_dist_cjs/* ScanCommand */.Zy5 ? 'Scan' : 'Query';
        throw new Error(`A ${operation} page said Count ${output.Count} but held ${received.length} items`);
    }
    return { items: received, lastEvaluatedKey: output.LastEvaluatedKey };
}
/** The whole body; with its length known, read into one buffer instead of chunks joined afterwards. */
async function bodyBytes(body, length) {
    if (body instanceof Uint8Array)
        return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
    const chunks = [];
    const whole = Number.isSafeInteger(length) && length >= 0 ? Buffer.allocUnsafe(length) : undefined;
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

;// CONCATENATED MODULE: ./src/direct/retry.ts
// BatchWriteItem until every request is written or has a reason why not:
// UnprocessedItems and throttling are retried with exponential backoff and
// full jitter; an item DynamoDB rejects is found by retrying alone, so one
// bad item never takes its batch down with it. Nothing is dropped. Reads
// (an export's Scan and Query pages) get the same patience.


const MAX_ATTEMPTS = 10;
const BASE_DELAY_MS = 50;
const MAX_DELAY_MS = 10_000;
const RETRYABLE = new Set([
    'ProvisionedThroughputExceededException',
    'ThrottlingException',
    'RequestLimitExceeded',
    'InternalServerError',
    'ServiceUnavailable',
    'TransactionConflictException',
    'TimeoutError',
    'ECONNRESET',
    'ECONNREFUSED',
    'EPIPE',
]);
/** Errors about one item's content: retrying it alone finds which item. */
const ITEM_ERRORS = new Set([
    'ValidationException',
    'SerializationException',
    'ItemCollectionSizeLimitExceededException',
]);
async function writeAll(dynamodb, table, requests, deps) {
    const failed = [];
    let pending = requests;
    let lastReason = '';
    for (let attempt = 1; pending.length > 0; attempt++) {
        try {
            const response = await dynamodb.send(new client_dynamodb_dist_cjs/* BatchWriteItemCommand */.SZm({ RequestItems: { [table]: pending } }));
            pending = response.UnprocessedItems?.[table] ?? [];
            lastReason = 'returned as UnprocessedItems';
        }
        catch (error) {
            const name = errorName(error);
            if (ITEM_ERRORS.has(name)) {
                if (pending.length === 1)
                    return [...failed, { request: pending[0], code: name, reason: retry_messageOf(error) }];
                for (const request of pending)
                    failed.push(...(await writeAll(dynamodb, table, [request], deps)));
                return failed;
            }
            if (!RETRYABLE.has(name) && !isServerError(error)) {
                throw new TransferError('WRITE_FAILED', `BatchWriteItem on ${table} failed: ${name}: ${retry_messageOf(error)}`);
            }
            lastReason = `failed with ${name}`;
        }
        if (pending.length === 0)
            break;
        if (attempt >= MAX_ATTEMPTS) {
            return [
                ...failed,
                ...pending.map((request) => ({
                    request,
                    code: 'RETRIES_EXHAUSTED',
                    reason: `still ${lastReason} after ${MAX_ATTEMPTS} attempts`,
                })),
            ];
        }
        await deps.sleep(backoff(attempt, deps.random ?? Math.random));
    }
    return failed;
}
/** One read until it succeeds; throttling, server errors and dropped connections are retried. */
async function readWithRetries(what, read, deps) {
    for (let attempt = 1;; attempt++) {
        try {
            return await read();
        }
        catch (error) {
            const name = errorName(error);
            if (!RETRYABLE.has(name) && !isServerError(error))
                throw error;
            if (attempt >= MAX_ATTEMPTS) {
                throw new TransferError('READ_FAILED', `${what} still failed with ${name} after ${MAX_ATTEMPTS} attempts: ${retry_messageOf(error)}`);
            }
            await deps.sleep(backoff(attempt, deps.random ?? Math.random));
        }
    }
}
/** Full jitter: a random delay up to an exponentially growing cap. */
function backoff(attempt, random) {
    return Math.round(random() * Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** attempt));
}
function errorName(error) {
    const e = error;
    return e.code !== undefined && RETRYABLE.has(e.code) ? e.code : (e.name ?? 'Error');
}
function isServerError(error) {
    const status = error.$metadata?.httpStatusCode;
    return status !== undefined && status >= 500;
}
function retry_messageOf(error) {
    return error instanceof Error ? error.message : String(error);
}

;// CONCATENATED MODULE: ./src/direct/table.ts
// The import's target table: described, created from the plan's parameters
// and waited on until it and its indexes are ACTIVE, or emptied for
// `existing-table: replace`.



async function describeTable(dynamodb, name) {
    try {
        return (await dynamodb.send(new client_dynamodb_dist_cjs/* DescribeTableCommand */.h8C({ TableName: name }))).Table;
    }
    catch (error) {
        if (error instanceof client_dynamodb_dist_cjs/* ResourceNotFoundException */.lBX)
            return undefined;
        throw error;
    }
}
/** The table's own key attribute names: HASH first, then RANGE. */
function primaryKeyNames(table) {
    const keys = table.KeySchema ?? [];
    return ['HASH', 'RANGE'].flatMap((type) => keys.filter((k) => k.KeyType === type).map((k) => k.AttributeName ?? ''));
}
async function createTable(parameters, deps, timeoutMs) {
    if (parameters.KeySchema === undefined || parameters.AttributeDefinitions === undefined) {
        throw new TransferError('NO_KEY_SCHEMA', `Table ${parameters.TableName} does not exist, and there is no key schema to create it with: give partition-key (and sort-key) or table-creation-parameters.`);
    }
    deps.log(`Creating table ${parameters.TableName} (${describeKeys(parameters)})`);
    await deps.dynamodb.send(new client_dynamodb_dist_cjs/* CreateTableCommand */.IxS({
        ...parameters,
        TableName: parameters.TableName,
        KeySchema: parameters.KeySchema,
        AttributeDefinitions: parameters.AttributeDefinitions,
    }));
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
    const deadline = deps.now() + timeoutMs;
    let delay = 250;
    for (;;) {
        const table = await describeTable(deps.dynamodb, name);
        const indexesActive = (table?.GlobalSecondaryIndexes ?? []).every((index) => index.IndexStatus === 'ACTIVE');
        if (table?.TableStatus === 'ACTIVE' && indexesActive)
            return table;
        if (deps.now() + delay > deadline) {
            throw new TransferError('TABLE_NOT_ACTIVE', `Table ${name} is not ACTIVE after ${Math.round(timeoutMs / 1000)}s (status ${table?.TableStatus ?? 'missing'}); nothing was written.`);
        }
        await deps.sleep(delay);
        delay = Math.min(delay * 2, 5000);
    }
}
/** Deletes every item, keeping the table and its key schema; returns how many were deleted. */
async function emptyTable(table, deps, segments) {
    const name = table.TableName ?? '';
    const keys = primaryKeyNames(table);
    const names = Object.fromEntries(keys.map((k, i) => [`#k${i}`, k]));
    let deleted = 0;
    await Promise.all(Array.from({ length: segments }, async (_, segment) => {
        let start;
        do {
            const page = await deps.dynamodb.send(new client_dynamodb_dist_cjs/* ScanCommand */.Zy5({
                TableName: name,
                Segment: segment,
                TotalSegments: segments,
                ProjectionExpression: Object.keys(names).join(', '),
                ExpressionAttributeNames: names,
                ExclusiveStartKey: start,
                ConsistentRead: true,
            }));
            const requests = (page.Items ?? []).map((key) => ({ DeleteRequest: { Key: key } }));
            for (let i = 0; i < requests.length; i += 25) {
                const failed = await writeAll(deps.dynamodb, name, requests.slice(i, i + 25), deps);
                if (failed.length > 0) {
                    throw new TransferError('WRITE_FAILED', `Could not empty table ${name}: ${failed.length} delete(s) still failed after retries (${failed[0]?.reason}). ${deleted} item(s) were deleted; run again to finish.`);
                }
                deleted += Math.min(25, requests.length - i);
            }
            start = page.LastEvaluatedKey;
        } while (start !== undefined);
    }));
    return deleted;
}

;// CONCATENATED MODULE: ./src/direct/export.ts
// The direct export: parallel Scan (or a Query with key-condition-expression)
// into the layout AWS writes: _started, data files, manifest-files.json,
// manifest-summary.json and their .md5 files.








/** Uncompressed bytes per data file before a new one starts. */
const DATA_FILE_MAX_BYTES = 256 * 1024 * 1024;
async function runExport(plan, deps, engineReason, maxFileBytes = DATA_FILE_MAX_BYTES) {
    if (plan.exportType.kind === 'INCREMENTAL_EXPORT') {
        throw new TransferError('INVALID_INPUT', 'export-type: INCREMENTAL_EXPORT is not supported by the direct engine in this version; use engine: managed on AWS, or a full export.');
    }
    const started = deps.now();
    const tableName = plan.table.name ?? '';
    const table = await describeTable(deps.dynamodb, tableName);
    if (table === undefined)
        throw new TransferError('TABLE_NOT_FOUND', `Table ${tableName} does not exist; nothing was exported.`);
    const exportTime = new Date(deps.now());
    const exportId = newExportId(exportTime);
    const { store, prefix } = openStore(plan.destination, deps.s3, {
        spoolDir: deps.tempDir,
        ...(plan.encryption === undefined ? {} : { encryption: plan.encryption }),
    });
    const paths = exportPaths(prefix, exportId);
    deps.phase('Export');
    await store.writeText(paths.started, '');
    deps.log(`Exporting ${tableName} to ${store.describe(paths.folder)} (${plan.format}, ${plan.compression})`);
    const totals = { items: 0, bytes: 0 };
    const progress = new Progress({ verb: 'Exported', total: table.ItemCount, log: deps.log, now: deps.now });
    const segments = plan.expressions?.keyCondition === undefined ? plan.concurrency : 1;
    const options = { store, paths, format: plan.format, compression: plan.compression, maxBytes: maxFileBytes };
    const files = await Promise.all(Array.from({ length: segments }, (_, segment) => {
        const pages = readSegment(plan, table, segment, segments, deps, () => progress.update({ items: totals.items, bytes: totals.bytes, errors: 0 }));
        return writeDataFiles(pages[Symbol.asyncIterator](), options, totals);
    }));
    const entries = files.flat();
    deps.phase('Verification');
    const manifestFiles = formatManifestFiles(entries);
    await store.writeText(paths.manifestFiles, manifestFiles);
    await store.writeText(paths.manifestFilesMd5, md5Base64(manifestFiles));
    const tableArn = table.TableArn ?? plan.table.arn ?? '';
    const summary = {
        version: '2020-06-30',
        exportArn: `${tableArn}/export/${exportId}`,
        startTime: new Date(started).toISOString(),
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
        itemCount: totals.items,
        outputFormat: plan.format,
        exportType: 'FULL_EXPORT',
    };
    const summaryText = formatManifestSummary(summary);
    await store.writeText(paths.manifestSummary, summaryText);
    await store.writeText(paths.manifestSummaryMd5, md5Base64(summaryText));
    deps.log(`Wrote ${entries.length} data file(s) with ${totals.items.toLocaleString('en-US')} item(s) and the manifests`);
    return {
        mode: 'export',
        engine: 'direct',
        engineReason,
        status: 'COMPLETED',
        tableName,
        tableArn,
        source: `table ${tableName}`,
        destination: store.describe(paths.folder),
        itemCount: totals.items,
        processedSizeBytes: totals.bytes,
        exportManifest: store.describe(paths.manifestSummary),
        dataUrl: store.describe(paths.dataFolder),
        fileCount: entries.length,
        keySchema: keySchemaOf(table),
        durationSeconds: (deps.now() - started) / 1000,
        errors: [],
        note: "Each data file's MD5 is in manifest-files.json; an import checks them before using the items.",
    };
}
/** `pk:S`, `sk:N`: the table's keys as the partition-key and sort-key inputs take them. */
function keySchemaOf(table) {
    const type = (name) => table.AttributeDefinitions?.find((d) => d.AttributeName === name)?.AttributeType ?? 'S';
    return ['HASH', 'RANGE'].flatMap((kind) => (table.KeySchema ?? []).filter((k) => k.KeyType === kind).map((k) => `${k.AttributeName}:${type(k.AttributeName)}`));
}
/** One scan segment's pages (each item's DynamoDB JSON), with consistent reads. */
async function* readSegment(plan, table, segment, segments, deps, onPage) {
    const expressions = plan.expressions;
    const common = {
        TableName: table.TableName,
        ConsistentRead: true,
        ...(expressions?.filter === undefined ? {} : { FilterExpression: expressions.filter }),
        ...(expressions?.projection === undefined ? {} : { ProjectionExpression: expressions.projection }),
        ...(expressions?.names === undefined ? {} : { ExpressionAttributeNames: expressions.names }),
        ...(expressions?.values === undefined ? {} : { ExpressionAttributeValues: expressions.values }),
    };
    const what = `${expressions?.keyCondition === undefined ? 'Scan' : 'Query'} of ${table.TableName}`;
    let start;
    do {
        const from = start;
        const page = await readWithRetries(what, () => expressions?.keyCondition === undefined
            ? scanRaw(deps.dynamodb, { ...common, Segment: segment, TotalSegments: segments, ExclusiveStartKey: from })
            : queryRaw(deps.dynamodb, {
                ...common,
                KeyConditionExpression: expressions.keyCondition,
                ExclusiveStartKey: from,
            }), deps);
        yield page.items;
        start = page.lastEvaluatedKey;
        onPage();
    } while (start !== undefined);
}

// EXTERNAL MODULE: ./node_modules/csv-parse/lib/index.js + 9 modules
var lib = __webpack_require__(6070);
;// CONCATENATED MODULE: ./src/formats/csv.ts
// CSV as AWS imports it: a header from the first line or given, one of
// `, ; : | \t` or space as delimiter, `""` escaping a quote, empty columns
// omitted, key columns typed from the key schema and every other column a
// string. A bad row is an error for that row; the rows after it still decode.



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
    function* drain(beforeLine = Infinity) {
        while (skipped.length > 0 && (skipped[0]?.line ?? 0) < beforeLine) {
            const { message, line } = skipped.shift();
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
    const source = external_node_stream_.Readable.from(counted(chunks, stats), { objectMode: false });
    source.on('error', (error) => parser.destroy(error));
    source.pipe(parser);
    let header = options.header;
    try {
        for await (const { record, info } of parser) {
            if (stats)
                stats.lines = info.lines; // where a truncated object is reported
            yield* drain(info.lines);
            if (header === undefined) {
                header = record.map((name) => name.trim());
                continue;
            }
            const index = itemIndex++;
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
                yield { error: { code: error.code, message: error.message, line: info.lines, itemIndex: index } };
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
function toItem(header, record, keyTypes) {
    const item = {};
    for (let i = 0; i < header.length; i++) {
        const value = record[i];
        if (value === '')
            continue; // empty columns are omitted, as AWS does
        const name = header[i];
        try {
            switch (keyTypes[name]) {
                case 'N':
                    item[name] = { N: checkNumber(value) };
                    break;
                case 'B':
                    item[name] = { B: decodeBase64(value) };
                    break;
                default:
                    item[name] = { S: value };
            }
        }
        catch (error) {
            throw error instanceof AttributeValueError ? error.within(name) : error;
        }
    }
    return item;
}
async function* counted(chunks, stats) {
    for await (const chunk of chunks) {
        if (stats)
            stats.bytes += chunk.byteLength;
        yield chunk;
    }
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
            return error.message.replace(/^Invalid Record Length: /, '');
    }
}

;// CONCATENATED MODULE: ./src/formats/item-checks.ts
// The checks DynamoDB makes on every item before writing it, with AWS's own
// wording, so a bad item is caught here with its location instead of failing
// a whole batch later.
const MAX_ITEM_BYTES = 400 * 1024;
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

;// CONCATENATED MODULE: ./src/formats/decode.ts
// One object's bytes to checked items: decompress, decode the format, check
// each item against the key schema. Counts everything; a truncated or
// corrupt object ends with one error after the items read before it.






/** Batches of decoded and checked records, in source order. */
async function* decodeObject(bytes, options, stats) {
    let source = bytes;
    let compression = options.compression;
    if (compression === 'auto')
        ({ compression, chunks: source } = await peekCompression(bytes));
    const chunks = decompress(source, compression);
    const keyTypes = Object.fromEntries(options.keys.map((k) => [k.name, k.type]));
    const batches = options.format === 'CSV'
        ? decodeCsv(chunks, {
            delimiter: options.csv?.delimiter ?? ',',
            ...(options.csv?.header && { header: options.csv.header }),
            keyTypes,
        }, stats)
        : options.format === 'ION'
            ? decodeIon(chunks, stats)
            : decodeDynamoJson(chunks, stats);
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
        stats.errors += 1;
        const message = `${error.message}; the ${stats.items} item(s) before this point were read`;
        yield [{ error: { code: error.code, message, line: stats.lines + 1, itemIndex: records } }];
    }
}
/** Each item checked against the keys and its size; a failing item becomes an error in its place. */
function checked(batch, keys, stats) {
    for (let i = 0; i < batch.length; i++) {
        const record = batch[i];
        if ('error' in record) {
            stats.errors += 1;
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

;// CONCATENATED MODULE: ./src/report.ts
// Outputs, annotations, job summary and pass/fail from a result. Writing the
// summary never fails the step: a missing or unwritable GITHUB_STEP_SUMMARY
// is a warning.



/** At most this many annotations of each kind; GitHub shows only ten per step anyway. */
const MAX_ANNOTATIONS = 10;
/** Failed when the job did not complete, or when more items failed than max-errors allows. */
function decideOutcome(result, maxErrors) {
    const errors = result.errorCount ?? 0;
    if (result.timedOut || result.aborted) {
        const why = result.timedOut ? 'The wait timed out' : 'The step was cancelled';
        return {
            ok: false,
            message: `${why} with the ${result.mode} still running; it goes on server-side: ${result.jobArn ?? ''}`,
        };
    }
    if (result.status === 'FAILED' || result.status === 'CANCELLED') {
        return { ok: false, message: `The ${result.mode} ended with status ${result.status}.` };
    }
    if (errors > maxErrors) {
        const what = result.mode === 'validate' ? 'would be rejected' : 'could not be imported';
        return { ok: false, message: `${errors} item(s) ${what}, more than max-errors (${maxErrors}).` };
    }
    return { ok: true, message: `The ${result.mode} ended with status ${result.status}.` };
}
function setOutputs(result, reporter) {
    const values = [
        [Output.Engine, result.engine],
        [Output.JobArn, result.jobArn],
        [Output.Status, result.status],
        [Output.TableName, result.tableName],
        [Output.TableArn, result.tableArn],
        [Output.ItemCount, result.itemCount],
        [Output.ProcessedItemCount, result.processedItemCount],
        [Output.ImportedItemCount, result.importedItemCount],
        [Output.ErrorCount, result.errorCount],
        [Output.ProcessedSizeBytes, result.processedSizeBytes],
        [Output.ExportManifest, result.exportManifest],
        [Output.DataUrl, result.dataUrl],
        [Output.RejectedItems, result.rejectedItems],
        [Output.DurationSeconds, Math.round(result.durationSeconds * 1000) / 1000],
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
        reporter.warning(warning);
    if (warnings.length > MAX_ANNOTATIONS)
        reporter.warning(`${warnings.length - MAX_ANNOTATIONS} more warning(s) not shown.`);
    const annotations = result.annotations ?? [];
    for (const a of annotations.slice(0, MAX_ANNOTATIONS)) {
        reporter.error(a.message, { file: a.file, startLine: a.line, title: 'Item not imported' });
    }
    const omitted = Math.max(0, annotations.length - MAX_ANNOTATIONS) + (result.annotationsOmitted ?? 0);
    if (omitted > 0) {
        const where = result.rejectedItems === undefined ? '' : `; all are in ${result.rejectedItems}`;
        reporter.error(`${omitted} more rejected item(s) not annotated${where}.`);
    }
}
function report(result, maxErrors, reporter, summaryFile) {
    const outcome = decideOutcome(result, maxErrors);
    setOutputs(result, reporter);
    annotate(result, reporter);
    writeSummary(renderSummary(result, outcome), summaryFile, reporter);
    if (!outcome.ok)
        reporter.setFailed(outcome.message);
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

;// CONCATENATED MODULE: ./src/direct/rejects.ts
// The rejected-items file: one DynamoDB JSON line per item that could not be
// imported, with the reason and the place it came from beside it, so it can
// be fixed and imported again. Created only when something is rejected.



class RejectsFile {
    stream;
    writing;
    count = 0;
    store;
    key;
    constructor(store, key) {
        this.store = store;
        this.key = key;
    }
    get location() {
        return this.store.describe(this.key);
    }
    async add(record) {
        if (this.stream === undefined) {
            this.stream = new external_node_stream_.PassThrough();
            this.writing = this.store.write(this.key, this.stream);
            // Kept from becoming an unhandled rejection; add() and close() rethrow it.
            this.writing.catch(() => undefined);
        }
        this.count += 1;
        const line = JSON.stringify({
            ...(record.item === undefined ? {} : { Item: toDynamoJsonMap(record.item) }),
            error: { code: record.code, message: record.message },
            source: {
                object: record.object,
                ...(record.line === undefined ? {} : { line: record.line }),
                ...(record.itemIndex === undefined ? {} : { itemIndex: record.itemIndex }),
            },
        });
        // A failed upload stops reading the stream: wait for a drain or that failure, never forever.
        if (!this.stream.write(`${line}\n`))
            await Promise.race([(0,external_node_events_.once)(this.stream, 'drain'), this.writing]);
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

;// CONCATENATED MODULE: ./src/direct/source.ts
// What an import reads: every object under the source prefix, or, when the
// prefix holds an export written by AWS or by this action, the data files its
// manifest lists (each to be checked against its MD5 before use).


/** AWS's ImportTable reads at most this many objects; the direct engine keeps the same limit. */
const MAX_SOURCE_OBJECTS = 50_000;
const MANIFEST_FILES = /^(.*?)AWSDynamoDB\/(\d{14}-[0-9a-f]{8})\/manifest-files\.json$/;
async function resolveSource(store, prefix) {
    const objects = [];
    const exports = new Map();
    for await (const object of store.list(prefix, MAX_SOURCE_OBJECTS + 1)) {
        if (object.key.endsWith('/'))
            continue; // folder markers
        const manifest = MANIFEST_FILES.exec(object.key);
        if (manifest !== null)
            exports.set(manifest[2], manifest[1]);
        objects.push(object);
    }
    if (exports.size > 1) {
        const ids = [...exports.keys()].sort();
        throw new TransferError('SOURCE_HAS_SEVERAL_EXPORTS', `${store.describe(prefix)} holds ${ids.length} exports (${ids.join(', ')}); point prefix or path at one of them, such as ${store.describe(`${exports.get(ids[0])}AWSDynamoDB/${ids[0]}/`)}`);
    }
    const [only] = exports.entries();
    if (only !== undefined)
        return readExport(store, only[1], only[0]);
    if (objects.length === 0) {
        throw new TransferError('SOURCE_EMPTY', `No objects found under ${store.describe(prefix)}; nothing was created or written. Check bucket, prefix or path.`);
    }
    if (objects.length > MAX_SOURCE_OBJECTS) {
        throw new TransferError('SOURCE_TOO_MANY_OBJECTS', `More than ${MAX_SOURCE_OBJECTS.toLocaleString('en-US')} objects under ${store.describe(prefix)}; an import reads at most ${MAX_SOURCE_OBJECTS.toLocaleString('en-US')}. Consolidate them into larger objects or narrow the prefix.`);
    }
    return { objects };
}
async function readExport(store, root, exportId) {
    if (!EXPORT_ID.test(exportId))
        throw new TransferError('SOURCE_EMPTY', `${exportId} is not an export id`);
    const folder = `${root}AWSDynamoDB/${exportId}/`;
    const summaryKey = `${folder}manifest-summary.json`;
    const filesKey = `${folder}manifest-files.json`;
    try {
        const summaryText = await store.readText(summaryKey);
        if (summaryText === undefined)
            throw new ManifestError(`${store.describe(summaryKey)} is missing`);
        const summary = parseManifestSummary(summaryText, store.describe(summaryKey));
        const filesText = (await store.readText(filesKey)) ?? '';
        const md5 = await store.readText(`${folder}manifest-files.md5`);
        if (md5 !== undefined && !md5Matches(md5, filesText)) {
            throw new ManifestError(`${store.describe(filesKey)} does not match ${store.describe(`${folder}manifest-files.md5`)}: the manifest is damaged or was changed`);
        }
        const entries = parseManifestFiles(filesText, store.describe(filesKey));
        // Keys in a manifest are full keys where AWS wrote them; the export may since
        // have been copied elsewhere, so keep the part from AWSDynamoDB/ on.
        const objects = entries.map((entry) => {
            const at = entry.dataFileS3Key.indexOf('AWSDynamoDB/');
            const key = at === -1 ? `${folder}data/${entry.dataFileS3Key.split('/').pop()}` : `${root}${entry.dataFileS3Key.slice(at)}`;
            return { key, size: 0, md5: entry.md5Checksum, itemCount: entry.itemCount };
        });
        const format = summary.outputFormat === 'ION' ? 'ION' : 'DYNAMODB_JSON';
        return { objects, export: { folder: store.describe(folder), format, itemCount: summary.itemCount } };
    }
    catch (error) {
        if (error instanceof ManifestError)
            throw new TransferError('MANIFEST_INVALID', error.message);
        throw error;
    }
}

;// CONCATENATED MODULE: ./src/direct/verified-copy.ts
// An export's data file is checked against the MD5 in its manifest before any
// of its items are used: it is copied to a temporary file while hashing, and
// read from there only when the two agree.





async function verifiedCopy(store, key, expectedMd5, tempDir) {
    const folder = await (0,promises_.mkdtemp)((0,external_node_path_.join)(tempDir, 'dynamodb-s3-transfer-'));
    const path = (0,external_node_path_.join)(folder, 'data');
    const tracker = new Md5Tracker();
    const out = (0,external_node_fs_.createWriteStream)(path);
    try {
        for await (const chunk of tracker.track(store.read(key))) {
            if (!out.write(chunk))
                await (0,external_node_events_.once)(out, 'drain');
        }
    }
    finally {
        out.end();
        await (0,external_node_events_.once)(out, 'close');
    }
    const actualMd5 = tracker.base64();
    return {
        ok: actualMd5 === expectedMd5,
        actualMd5,
        chunks: (0,external_node_fs_.createReadStream)(path, { highWaterMark: 256 * 1024 }),
        remove: () => (0,promises_.rm)(folder, { recursive: true, force: true }),
    };
}

;// CONCATENATED MODULE: ./src/direct/item-key.ts
// An item's primary key as a string, equal for equal keys, so that two
// writes of one key are never in flight together (the last must win).

function keyString(item, keyNames) {
    let text = '';
    for (const name of keyNames)
        text += `${scalar(item[name])}\u0000`;
    return text;
}
function scalar(value) {
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

;// CONCATENATED MODULE: ./src/direct/writer.ts
// Writes items with BatchWriteItem: 25 a request, `concurrency` requests in
// flight. Two writes of the same key are never in flight together, so the
// last one in the source wins, as AWS's import documents.


const BATCH_SIZE = 25;
class BatchWriter {
    stats = { written: 0, rejected: 0, duplicateKeys: 0 };
    batch = [];
    batchKeys = new Set();
    inFlight = new Set();
    keysInFlight = new Map();
    failure;
    dynamodb;
    table;
    keyNames;
    concurrency;
    deps;
    onRejected;
    constructor(options) {
        this.dynamodb = options.dynamodb;
        this.table = options.table;
        this.keyNames = options.keyNames;
        this.concurrency = options.concurrency;
        this.deps = options.deps;
        this.onRejected = options.onRejected;
    }
    /** Queues an item; waits while `concurrency` requests are in flight. */
    async add(item, origin) {
        this.throwIfFailed();
        const key = keyString(item, this.keyNames);
        if (this.batchKeys.has(key)) {
            // The same key twice in one request is an error to DynamoDB: split.
            this.stats.duplicateKeys += 1;
            await this.send();
        }
        else if (this.keysInFlight.has(key)) {
            this.stats.duplicateKeys += 1;
        }
        this.batch.push({ item, origin, key });
        this.batchKeys.add(key);
        if (this.batch.length >= BATCH_SIZE)
            await this.send();
    }
    /** Sends what is queued and waits for every request. */
    async flush() {
        await this.send();
        while (this.inFlight.size > 0)
            await Promise.race(this.inFlight);
        this.throwIfFailed();
    }
    async send() {
        if (this.batch.length === 0)
            return;
        const batch = this.batch;
        this.batch = [];
        this.batchKeys = new Set();
        while (this.inFlight.size >= this.concurrency)
            await Promise.race(this.inFlight);
        this.throwIfFailed();
        // A key still being written by an earlier request must land first.
        const earlier = new Set(batch.flatMap((p) => this.keysInFlight.get(p.key) ?? []));
        const request = (async () => {
            if (earlier.size > 0)
                await Promise.all(earlier);
            await this.write(batch);
        })();
        const tracked = request.catch((error) => {
            this.failure ??= error;
        });
        this.inFlight.add(tracked);
        for (const p of batch)
            this.keysInFlight.set(p.key, tracked);
        void tracked.finally(() => {
            this.inFlight.delete(tracked);
            for (const p of batch)
                if (this.keysInFlight.get(p.key) === tracked)
                    this.keysInFlight.delete(p.key);
        });
    }
    async write(batch) {
        const requests = batch.map((p) => ({ PutRequest: { Item: p.item } }));
        const failed = await writeAll(this.dynamodb, this.table, requests, this.deps);
        this.stats.written += batch.length - failed.length;
        // Unprocessed requests come back as new objects: match them by key.
        const byKey = new Map(batch.map((p) => [p.key, p]));
        for (const failure of failed) {
            const pending = byKey.get(keyString(failure.request.PutRequest?.Item ?? {}, this.keyNames));
            this.stats.rejected += 1;
            this.onRejected({ item: pending.item, origin: pending.origin, code: failure.code, reason: failure.reason });
        }
    }
    throwIfFailed() {
        if (this.failure !== undefined)
            throw this.failure;
    }
}

;// CONCATENATED MODULE: ./src/direct/import.ts
// The direct import and validate: source objects -> decode -> check -> write
// (or count, for validate). Every item is either written or rejected with its
// location and reason; processed = imported + errors is checked at the end.















const MAX_SAMPLES = 10;
async function runImport(plan, deps, engineReason) {
    const started = deps.now();
    const { store, prefix } = openStore(plan.source.location, deps.s3);
    // Everything about the source is settled before a table is touched.
    const source = await resolveSource(store, prefix);
    const format = source.export?.format ?? plan.source.format;
    if (source.export !== undefined) {
        deps.log(`The source is an export (${source.export.folder}): reading the ${source.objects.length} data file(s) its manifest lists, ${format}.`);
    }
    else {
        deps.log(`Reading ${source.objects.length} object(s) under ${store.describe(prefix)}.`);
    }
    const table = await targetTable(plan, deps);
    const keys = keyChecksFrom(table);
    const keyNames = primaryKeyNames(table);
    const rejects = openRejects(plan.rejectedItems, deps);
    const pendingRejections = [];
    const writer = plan.mode === 'import'
        ? new BatchWriter({
            dynamodb: deps.dynamodb,
            table: plan.tableName,
            keyNames,
            concurrency: plan.concurrency,
            deps,
            onRejected: (r) => pendingRejections.push(r),
        })
        : undefined;
    const counts = { processed: 0, imported: 0, errors: 0, bytes: 0 };
    const samples = [];
    const annotations = [];
    let annotationsOmitted = 0;
    const reject = async (record) => {
        counts.errors += 1;
        if (samples.length < MAX_SAMPLES) {
            samples.push({
                location: record.line === undefined ? record.object : `${record.object}:${record.line}`,
                code: record.code,
                message: record.message,
            });
        }
        const file = record.line === undefined ? undefined : inRepository(record.object, deps.workspace);
        if (file !== undefined && annotations.length < MAX_ANNOTATIONS)
            annotations.push({ file, line: record.line, message: `${record.code}: ${record.message}` });
        else if (file !== undefined)
            annotationsOmitted += 1;
        await rejects.add(record);
    };
    const drainRejections = async () => {
        while (pendingRejections.length > 0) {
            const r = pendingRejections.shift();
            await reject({
                item: r.item,
                code: r.code,
                message: r.reason,
                object: r.origin.object,
                line: r.origin.line,
                itemIndex: r.origin.itemIndex,
            });
        }
    };
    deps.phase(plan.mode === 'import' ? 'Import' : 'Validate');
    const progress = new Progress({
        verb: plan.mode === 'import' ? 'Imported' : 'Checked',
        log: deps.log,
        now: deps.now,
        total: source.export?.itemCount,
    });
    try {
        for (const object of source.objects) {
            const name = store.describe(object.key);
            const input = await openObject(store, object, deps, name, reject, counts);
            if (input === undefined)
                continue;
            const stats = newStats();
            const options = {
                format,
                compression: source.export === undefined ? plan.source.compression : 'auto',
                keys,
                ...(plan.source.csv === undefined ? {} : { csv: plan.source.csv }),
            };
            try {
                for await (const batch of decodeObject(input.chunks, options, stats)) {
                    for (const record of batch) {
                        counts.processed += 1;
                        if ('error' in record) {
                            await reject({
                                ...(record.item && { item: record.item }),
                                code: record.error.code,
                                message: record.error.message,
                                object: name,
                                ...lineOf(record.error),
                            });
                        }
                        else if (writer === undefined) {
                            counts.imported += 1;
                        }
                        else {
                            await writer.add(record.item, { object: name, line: record.line, itemIndex: record.itemIndex });
                        }
                    }
                    await drainRejections();
                    progress.update({ items: counts.processed, bytes: counts.bytes + stats.bytes, errors: counts.errors });
                }
            }
            finally {
                counts.bytes += stats.bytes;
                await input.remove();
            }
        }
        if (writer !== undefined)
            await writer.flush();
    }
    catch (error) {
        // Say exactly what was done before the failure: a re-run with merge is safe.
        if (!(error instanceof TransferError) || writer === undefined)
            throw error;
        const written = writer.stats.written.toLocaleString('en-US');
        throw new TransferError(error.code, `${error.message} ${written} item(s) were written to ${plan.tableName} before this; they stay, and a re-run with existing-table: merge is safe.`);
    }
    if (writer !== undefined) {
        await drainRejections();
        counts.imported = writer.stats.written;
    }
    const rejectedItems = await rejects.close();
    deps.phase('Verification');
    deps.log(`${counts.processed.toLocaleString('en-US')} processed, ${counts.imported.toLocaleString('en-US')} ${plan.mode === 'import' ? 'imported' : 'valid'}, ${counts.errors.toLocaleString('en-US')} error(s)${rejectedItems === undefined ? '' : `; rejected items in ${rejectedItems}`}`);
    const warnings = [
        ...largeObjectWarnings(source.objects, store),
        ...duplicateWarning(writer?.stats.duplicateKeys ?? 0),
    ];
    const durationSeconds = (deps.now() - started) / 1000;
    return {
        ...result(plan, engineReason, table, counts, samples, rejectedItems, durationSeconds, store.describe(prefix)),
        ...(warnings.length > 0 && { warnings }),
        ...(annotations.length > 0 && { annotations }),
        ...(annotationsOmitted > 0 && { annotationsOmitted }),
    };
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
/** AWS recommends mid-sized objects (about 4,000,000 items under 1 KB each). */
const LARGE_OBJECT_BYTES = 4 * 1024 ** 3;
function largeObjectWarnings(objects, store) {
    return objects
        .filter((o) => o.size > LARGE_OBJECT_BYTES)
        .map((o) => `${store.describe(o.key)} is ${(o.size / 1024 ** 3).toFixed(1)} GiB; objects of up to about 4 GiB import faster, in parallel.`);
}
function duplicateWarning(duplicates) {
    if (duplicates === 0)
        return [];
    return [
        `${duplicates.toLocaleString('en-US')} item(s) had the key of an item written just before them and overwrote it (the last one in the source wins, as in AWS's import).`,
    ];
}
function lineOf(error) {
    return {
        ...(error.line === undefined ? {} : { line: error.line }),
        ...(error.itemIndex === undefined ? {} : { itemIndex: error.itemIndex }),
    };
}
/** The object's bytes; an export's data file only once its MD5 matches the manifest. */
async function openObject(store, object, deps, name, reject, counts) {
    if (object.md5 === undefined)
        return { chunks: store.read(object.key), remove: async () => undefined };
    const copy = await verifiedCopy(store, object.key, object.md5, deps.tempDir);
    if (copy.ok)
        return copy;
    await copy.remove();
    // The file's items cannot be trusted: each counts as an item not imported.
    const items = Math.max(1, object.itemCount ?? 1);
    counts.processed += items;
    const message = `the data file's MD5 is ${copy.actualMd5} but the manifest says ${object.md5}: the file is damaged or was changed, so none of its ${object.itemCount ?? 'unknown number of'} item(s) were imported`;
    await reject({ code: 'CHECKSUM_MISMATCH', message, object: name });
    counts.errors += items - 1;
    return undefined;
}
async function targetTable(plan, deps) {
    if (plan.mode === 'validate') {
        if (plan.tableParameters?.KeySchema !== undefined)
            return plan.tableParameters;
        const table = await describeTable(deps.dynamodb, plan.tableName ?? '');
        if (table === undefined)
            throw new TransferError('TABLE_NOT_FOUND', `Table ${plan.tableName} does not exist, so it cannot give the key schema to check against; give partition-key or table-creation-parameters instead.`);
        return table;
    }
    const tableDeps = { dynamodb: deps.dynamodb, sleep: deps.sleep, now: deps.now, log: deps.log };
    const existing = await describeTable(deps.dynamodb, plan.tableName);
    if (existing === undefined) {
        return createTable({ ...plan.tableParameters, TableName: plan.tableName }, tableDeps, plan.waiting.timeoutMs);
    }
    if (plan.existingTable === 'fail') {
        throw new TransferError('TABLE_EXISTS', `Table ${plan.tableName} already exists and existing-table is fail, so nothing was written. Use existing-table: merge to write into it, or replace to empty it first.`);
    }
    if (plan.existingTable === 'replace') {
        deps.log(`Emptying table ${plan.tableName} (existing-table: replace), keeping its key schema`);
        const deleted = await emptyTable(existing, tableDeps, plan.concurrency);
        deps.log(`Deleted ${deleted.toLocaleString('en-US')} item(s) from ${plan.tableName}`);
    }
    else {
        deps.log(`Writing into the existing table ${plan.tableName} (existing-table: merge): items with the same key are overwritten`);
    }
    return existing;
}
function openRejects(location, deps) {
    if (location.kind === 's3')
        return new RejectsFile(new S3Store(deps.s3, location.bucket, {
            spoolDir: deps.tempDir,
            ...(location.owner === undefined ? {} : { owner: location.owner }),
        }), location.prefix);
    return new RejectsFile(new LocalStore((0,external_node_path_.dirname)(location.path)), (0,external_node_path_.basename)(location.path));
}
function result(plan, engineReason, table, counts, samples, rejectedItems, durationSeconds, source) {
    const balanced = counts.processed === counts.imported + counts.errors;
    const verb = plan.mode === 'import' ? 'imported' : 'valid';
    const notes = [
        balanced
            ? `Checked: ${counts.processed.toLocaleString('en-US')} processed = ${counts.imported.toLocaleString('en-US')} ${verb} + ${counts.errors.toLocaleString('en-US')} error(s).`
            : `Counts do not add up: ${counts.processed} processed, ${counts.imported} ${verb}, ${counts.errors} error(s). Please report this.`,
    ];
    if (plan.mode === 'validate')
        notes.push('Nothing was written: mode validate only reads and checks.');
    const tableName = plan.mode === 'import' ? plan.tableName : (table.TableName ?? plan.tableName);
    return {
        mode: plan.mode,
        engine: 'direct',
        engineReason,
        status: balanced ? 'COMPLETED' : 'FAILED',
        ...(tableName === undefined ? {} : { tableName }),
        ...(table.TableArn === undefined ? {} : { tableArn: table.TableArn }),
        source,
        ...(plan.mode === 'import' ? { destination: `table ${plan.tableName}` } : {}),
        processedItemCount: counts.processed,
        importedItemCount: counts.imported,
        errorCount: counts.errors,
        processedSizeBytes: counts.bytes,
        ...(rejectedItems === undefined ? {} : { rejectedItems }),
        durationSeconds,
        errors: samples,
        note: notes.join(' '),
    };
}

;// CONCATENATED MODULE: ./src/direct/engine.ts
// The direct engine: this action reads and writes the data itself.


async function runDirect(plan, deps, engineReason) {
    return plan.mode === 'export' ? runExport(plan, deps, engineReason) : runImport(plan, deps, engineReason);
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
async function tableExists(dynamodb, name) {
    try {
        await dynamodb.send(new client_dynamodb_dist_cjs/* DescribeTableCommand */.h8C({ TableName: name }));
        return true;
    }
    catch (error) {
        if (error instanceof client_dynamodb_dist_cjs/* ResourceNotFoundException */.lBX)
            return false;
        throw error;
    }
}

;// CONCATENATED MODULE: ./src/input-reader.ts
// Reads inputs the way @actions/core does (INPUT_<NAME> with the hyphens
// kept, trimmed) and collects every problem, so all are reported together.



function inputVariable(name) {
    return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}
class InputReader {
    problems = [];
    env;
    constructor(env) {
        this.env = env;
    }
    /** The value without trimming: a space or a tab can be the CSV delimiter. */
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
    /** The value if given or defaulted, else undefined. */
    optional(name) {
        const value = this.get(name);
        return value === '' ? undefined : value;
    }
    /** Parses an input; a bad value becomes a problem and undefined. */
    parse(name, parser) {
        const value = this.optional(name);
        if (value === undefined)
            return undefined;
        return this.parseValue(name, value, parser);
    }
    parseValue(name, value, parser) {
        try {
            return parser(value);
        }
        catch (error) {
            if (!(error instanceof InvalidValue))
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
    throwIfAny() {
        if (this.problems.length > 0)
            throw new InputError(this.problems);
    }
    defaultOf(name) {
        return InputDefault[name] ?? '';
    }
}
function quote(value) {
    const shown = value.length > 80 ? `${value.slice(0, 77)}...` : value;
    return JSON.stringify(shown);
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
        throw new InvalidValue(TABLE_NAME_RULE);
    return value;
}
function parseTableArn(value) {
    const match = /^arn:aws[a-z-]*:dynamodb:[a-z0-9-]+:\d{12}:table\/([a-zA-Z0-9_.-]{3,255})$/.exec(value);
    if (!match?.[1])
        throw new InvalidValue('a table ARN such as arn:aws:dynamodb:us-east-1:123456789012:table/Orders');
    return { arn: value, name: match[1] };
}
function checkBucket(value) {
    if (value.startsWith('s3://') || value.includes('/')) {
        throw new InvalidValue('a bucket name only, such as my-backups; put the key path in prefix');
    }
    if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(value)) {
        throw new InvalidValue('an S3 bucket name: 3 to 63 characters from a-z, 0-9, . and -');
    }
    return value;
}
function checkPrefix(value) {
    if (value.startsWith('/'))
        throw new InvalidValue('a key prefix without a leading / (S3 keys do not start with one)');
    if (value.length > 1024)
        throw new InvalidValue('a key prefix of at most 1024 characters');
    return value;
}
function checkAccountId(value) {
    if (!/^\d{12}$/.test(value))
        throw new InvalidValue('a 12-digit AWS account id');
    return value;
}
function checkUrl(value) {
    const expected = 'an http:// or https:// URL such as http://127.0.0.1:8000';
    let url;
    try {
        url = new URL(value);
    }
    catch {
        throw new InvalidValue(expected);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
        throw new InvalidValue(expected);
    return value;
}
function checkRegion(value) {
    if (!/^[a-z0-9-]{2,32}$/.test(value))
        throw new InvalidValue('an AWS region such as us-east-1');
    return value;
}
function checkClientToken(value) {
    if (value.length > 36 || value.includes('$'))
        throw new InvalidValue('1 to 36 characters without $');
    return value;
}

;// CONCATENATED MODULE: ./src/inputs-export.ts
// The export-only inputs: table, format, point in time or incremental window,
// filter expressions and encryption.





const MIN_WINDOW_MS = 15 * 60_000;
const MAX_WINDOW_MS = 24 * 3_600_000;
// A runner's clock may run a little ahead of AWS's; allow it.
const CLOCK_SKEW_MS = 60_000;
function readExportSettings(r, context, engine) {
    const table = readTable(r);
    const format = r.parse(Input.Format, (v) => parseEnum(v, ['DYNAMODB_JSON', 'ION', 'CSV'])) ?? 'DYNAMODB_JSON';
    if (format === 'CSV') {
        r.reject(Input.Format, r.get(Input.Format), 'expected DYNAMODB_JSON or ION with mode: export (DynamoDB exports do not write CSV)');
    }
    const compression = readExportCompression(r, engine);
    const expressions = readExpressions(r);
    const encryption = readEncryption(r);
    return {
        table,
        format: format === 'CSV' ? 'DYNAMODB_JSON' : format,
        compression,
        exportType: readExportType(r, context.now, engine),
        ...optional('expressions', expressions),
        ...optional('encryption', encryption),
    };
}
function readTable(r) {
    const name = r.parse(Input.TableName, checkTableName);
    const arn = r.parse(Input.TableArn, parseTableArn);
    if (!r.given(Input.TableName) && !r.given(Input.TableArn)) {
        r.missing(Input.TableName, 'mode: export needs table-name or table-arn');
    }
    if (name !== undefined && arn !== undefined && arn.name !== name) {
        r.reject(Input.TableArn, arn.arn, `expected the ARN of table ${name} (table-name), but it names ${arn.name}`);
    }
    return { ...optional('name', name ?? arn?.name), ...optional('arn', arn?.arn) };
}
function readExportCompression(r, engine) {
    const value = r.parse(Input.Compression, (v) => parseEnum(v, ['NONE', 'GZIP', 'ZSTD', 'auto'])) ?? 'auto';
    const compression = value === 'auto' ? 'GZIP' : value;
    if (engine.engine === 'managed' && compression !== 'GZIP') {
        r.reject(Input.Compression, r.get(Input.Compression), "expected GZIP or auto with engine: managed, because AWS's export writes GZIP only; use engine: direct for ZSTD or NONE");
    }
    return compression;
}
function readExportType(r, now, engine) {
    const kind = r.parse(Input.ExportType, (v) => parseEnum(v, ['FULL_EXPORT', 'INCREMENTAL_EXPORT'])) ?? 'FULL_EXPORT';
    if (kind === 'INCREMENTAL_EXPORT' && engine.engine === 'direct') {
        r.reject(Input.ExportType, r.get(Input.ExportType), `expected FULL_EXPORT with the direct engine (${engine.reason}), which cannot export incrementally yet; incremental exports run on AWS with engine: managed`);
    }
    const time = (name) => r.parse(name, (v) => notInFuture(parseTime(v, now), now));
    if (kind === 'FULL_EXPORT') {
        for (const name of [Input.IncrementalFrom, Input.IncrementalTo]) {
            r.notApplicable(name, 'expected it only with export-type: INCREMENTAL_EXPORT');
        }
        if (r.changedFromDefault(Input.ExportViewType)) {
            r.reject(Input.ExportViewType, r.get(Input.ExportViewType), 'expected it only with export-type: INCREMENTAL_EXPORT');
        }
        return { kind, ...optional('exportTime', time(Input.ExportTime)) };
    }
    r.notApplicable(Input.ExportTime, 'expected no export-time with export-type: INCREMENTAL_EXPORT; give incremental-from and incremental-to');
    const viewType = r.parse(Input.ExportViewType, (v) => parseEnum(v, ['NEW_AND_OLD_IMAGES', 'NEW_IMAGE'])) ??
        'NEW_AND_OLD_IMAGES';
    const from = time(Input.IncrementalFrom);
    const to = time(Input.IncrementalTo) ?? (r.given(Input.IncrementalTo) ? undefined : now);
    if (!r.given(Input.IncrementalFrom))
        r.missing(Input.IncrementalFrom, 'export-type: INCREMENTAL_EXPORT needs the start of its window');
    if (from !== undefined && to !== undefined)
        checkWindow(r, from, to);
    return { kind, from: from ?? now, to: to ?? now, viewType };
}
function notInFuture(date, now) {
    if (date.getTime() > now.getTime() + CLOCK_SKEW_MS) {
        throw new InvalidValue(`a time that is not in the future (it is ${date.toISOString()}, now is ${now.toISOString()})`);
    }
    return date;
}
function checkWindow(r, from, to) {
    const length = to.getTime() - from.getTime();
    const shown = `${from.toISOString()} to ${to.toISOString()}`;
    if (length <= 0) {
        r.reject(Input.IncrementalTo, r.get(Input.IncrementalTo) || 'now', `expected an end after incremental-from (the window is ${shown})`);
    }
    else if (length < MIN_WINDOW_MS || length > MAX_WINDOW_MS) {
        r.reject(Input.IncrementalFrom, r.get(Input.IncrementalFrom), `expected a window of 15 minutes to 24 hours, but ${shown} is ${formatDuration(length)}`);
    }
}
function readExpressions(r) {
    const filter = r.optional(Input.FilterExpression);
    const projection = r.optional(Input.ProjectionExpression);
    const keyCondition = r.optional(Input.KeyConditionExpression);
    const names = r.parse(Input.ExpressionAttributeNames, parseNames);
    const values = r.parse(Input.ExpressionAttributeValues, parseValues);
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
        throw new InvalidValue(`a JSON object such as ${example}`);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
        throw new InvalidValue(`a JSON object such as ${example}`);
    return parsed;
}
function parseNames(value) {
    const example = '{"#y": "year"}';
    const object = parseJsonObject(value, example);
    for (const [key, name] of Object.entries(object)) {
        if (!key.startsWith('#') || typeof name !== 'string')
            throw new InvalidValue(`a JSON object of "#placeholder": "attribute name" pairs such as ${example}`);
    }
    return object;
}
function parseValues(value) {
    const example = '{":y": {"N": "2020"}}';
    const object = parseJsonObject(value, example);
    const values = {};
    for (const [key, attribute] of Object.entries(object)) {
        if (!key.startsWith(':'))
            throw new InvalidValue(`a JSON object of ":placeholder": DynamoDB JSON value pairs such as ${example}`);
        try {
            values[key] = fromDynamoJson(attribute);
        }
        catch (error) {
            throw new InvalidValue(`values in DynamoDB JSON such as ${example} (${key}: ${error instanceof Error ? error.message : String(error)})`);
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
        [Input.ExpressionAttributeNames, '#', names],
        [Input.ExpressionAttributeValues, ':', values],
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
    const algorithm = r.parse(Input.SseAlgorithm, (v) => parseEnum(v, ['AES256', 'KMS']));
    const kmsKeyId = r.optional(Input.SseKmsKeyId);
    if (kmsKeyId !== undefined && algorithm !== 'KMS') {
        r.reject(Input.SseKmsKeyId, kmsKeyId, 'expected it only with s3-sse-algorithm: KMS');
    }
    return algorithm === undefined ? undefined : { algorithm, ...optional('kmsKeyId', kmsKeyId) };
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
            throw new InvalidValue(`only the placeholders ${PLACEHOLDER_NAMES.join(' ')}; ${whole} is not one of them`);
        }
        const value = placeholder.resolve(context);
        if (value === undefined || value === '') {
            throw new InvalidValue(`${whole} to have a value, but ${placeholder.source} is not set`);
        }
        return value;
    });
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/parsing/table-parameters.ts
// Key schema inputs: the `name:S` shorthand and `table-creation-parameters`
// (JSON or YAML), checked here so a typo fails before a table is created.


const KEY_TYPES = ['S', 'N', 'B'];
function parseKeyShorthand(raw) {
    const match = /^(.+):([a-zA-Z])$/.exec(raw.trim());
    const type = match?.[2]?.toUpperCase();
    const name = match?.[1]?.trim() ?? '';
    if (!match || type === undefined || !KEY_TYPES.includes(type) || name === '' || name.length > 255) {
        throw new InvalidValue('name:S, name:N or name:B (an attribute name of 1 to 255 characters and its type)');
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
/** Parses JSON or YAML (JSON is YAML) and checks the shape DynamoDB requires. */
function parseTableCreationParameters(raw) {
    let value;
    try {
        value = (0,dist/* parse */.qg)(raw);
    }
    catch (error) {
        const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
        throw new InvalidValue(`JSON or YAML in the shape of TableCreationParameters (it does not parse: ${reason})`);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw new InvalidValue('a JSON or YAML object in the shape of TableCreationParameters');
    }
    const unknown = Object.keys(value).filter((k) => !TOP_LEVEL_FIELDS.includes(k));
    if (unknown.length > 0) {
        throw new InvalidValue(`only the fields ${TOP_LEVEL_FIELDS.join(', ')}; ${unknown.join(', ')} is not one of them`);
    }
    const params = value;
    checkKeyDefinitions(params);
    if (params.BillingMode !== undefined && !['PROVISIONED', 'PAY_PER_REQUEST'].includes(params.BillingMode)) {
        throw new InvalidValue(`BillingMode PROVISIONED or PAY_PER_REQUEST, not ${String(params.BillingMode)}`);
    }
    if (params.BillingMode === 'PROVISIONED' && params.ProvisionedThroughput === undefined) {
        throw new InvalidValue('ProvisionedThroughput (ReadCapacityUnits, WriteCapacityUnits) with BillingMode PROVISIONED');
    }
    return params;
}
function checkKeyDefinitions(params) {
    const definitions = params.AttributeDefinitions ?? [];
    if (!Array.isArray(definitions))
        throw new InvalidValue('AttributeDefinitions as a list');
    for (const d of definitions) {
        if (typeof d?.AttributeName !== 'string' || !KEY_TYPES.includes(d.AttributeType)) {
            throw new InvalidValue('each AttributeDefinitions entry to have an AttributeName and an AttributeType of S, N or B');
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
        throw new InvalidValue(`${where} to be a HASH key, optionally followed by a RANGE key`);
    for (const key of list) {
        if (!definitions.some((d) => d.AttributeName === key.AttributeName)) {
            throw new InvalidValue(`an AttributeDefinitions entry for ${String(key.AttributeName)}, used in ${where}`);
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

;// CONCATENATED MODULE: ./src/inputs.ts
// Every input read and checked in one place into one typed Plan. All checks
// that need no network happen here, and all problems are reported together.










function isValid(check, value) {
    try {
        check(value);
        return true;
    }
    catch {
        return false;
    }
}
function nonEmpty(value) {
    return value === undefined || value.trim() === '' ? undefined : value.trim();
}
const MODES = ['export', 'import', 'validate'];
function readPlan(context) {
    const r = new InputReader(context.env);
    const mode = r.parse(Input.Mode, (v) => parseEnum(v, MODES));
    if (mode === undefined && !r.given(Input.Mode))
        r.missing(Input.Mode, `expected one of ${MODES.join(', ')}`);
    if (mode === undefined) {
        // Without a mode only the inputs every mode shares can be checked.
        readCommon(r, context, { engine: 'direct', reason: '' });
        r.throwIfAny();
    }
    const plan = buildPlan(r, context, mode ?? 'validate');
    r.throwIfAny();
    return plan;
}
function readCommon(r, context, engine) {
    return {
        engine,
        aws: readAwsSettings(r, context.env),
        concurrency: r.parse(Input.Concurrency, (v) => parseInteger(v, 1, 256)) ?? 16,
        waiting: {
            wait: r.parse(Input.Wait, parseBoolean) ?? true,
            timeoutMs: r.parse(Input.Timeout, (v) => parseDuration(v, 1000, 72 * 3_600_000, 'from 1s to 72h')) ?? 0,
            pollIntervalMs: r.parse(Input.PollInterval, (v) => parseDuration(v, 1000, 60_000, 'from 1s to 60s')) ?? 0,
        },
        maxErrors: r.parse(Input.MaxErrors, (v) => parseInteger(v, 0, Number.MAX_SAFE_INTEGER)) ?? 0,
        ...optional('clientToken', r.parse(Input.ClientToken, checkClientToken)),
    };
}
function buildPlan(r, context, mode) {
    const existingTable = r.parse(Input.ExistingTable, (v) => parseEnum(v, ['fail', 'merge', 'replace'])) ?? 'fail';
    const common = readCommon(r, context, decideEngine(r, mode, existingTable));
    const engine = common.engine;
    if (mode === 'export') {
        rejectImportOnlyInputs(r);
        const settings = readExportSettings(r, context, engine);
        const table = settings.table;
        const destination = readLocation(r, context, mode, table.name) ?? placeholderLocation;
        return { mode, ...common, ...settings, destination };
    }
    rejectExportOnlyInputs(r);
    const tableName = r.parse(Input.TableName, checkTableName);
    const [tableParameters, keyInputUnreadable] = readTableParameters(r);
    const source = readImportSource(r, context, mode, tableName ?? tableParameters?.TableName);
    const rejectedItems = readRejectedItems(r, context, source.location);
    if (mode === 'validate') {
        if (tableParameters?.KeySchema === undefined && tableName === undefined && !keyInputUnreadable) {
            r.missing(Input.PartitionKey, 'mode: validate needs the key schema to check against: partition-key (and sort-key), table-creation-parameters with a KeySchema, or the table-name of an existing table');
        }
        return {
            mode,
            ...common,
            ...optional('tableName', tableName),
            source,
            ...optional('tableParameters', tableParameters),
            rejectedItems,
        };
    }
    const importTable = tableName ?? tableParameters?.TableName;
    if (importTable === undefined && !r.given(Input.TableName)) {
        r.missing(Input.TableName, 'mode: import needs the table to import into: table-name, or TableName in table-creation-parameters');
    }
    else if (tableName === undefined && importTable !== undefined && !isValid(checkTableName, importTable)) {
        r.reject(Input.TableCreationParameters, importTable, `expected TableName to be ${TABLE_NAME_RULE}`);
    }
    if (existingTable === 'fail' && tableParameters?.KeySchema === undefined && !keyInputUnreadable) {
        r.missing(Input.PartitionKey, 'mode: import with existing-table: fail creates the table, so it needs partition-key (and sort-key) or table-creation-parameters with a KeySchema');
    }
    if (engine.engine === 'managed' && existingTable !== 'fail') {
        r.reject(Input.ExistingTable, existingTable, "expected fail with engine: managed, because AWS's ImportTable always creates a new table; use engine: direct (or auto) to write into an existing table");
    }
    const parameters = tableParameters === undefined ? undefined : { ...tableParameters, ...optional('TableName', importTable) };
    return {
        mode,
        ...common,
        tableName: importTable ?? '',
        source,
        ...optional('tableParameters', parameters),
        existingTable,
        rejectedItems,
    };
}
const placeholderLocation = { kind: 'local', path: '' };
function decideEngine(r, mode, existingTable) {
    const requested = r.parse(Input.Engine, (v) => parseEnum(v, ['auto', 'managed', 'direct'])) ?? 'auto';
    if (requested === 'direct')
        return { engine: 'direct', reason: 'engine: direct was asked for' };
    if (requested === 'managed') {
        if (mode === 'validate') {
            r.reject(Input.Engine, r.get(Input.Engine), 'expected auto or direct with mode: validate, which reads the source itself and has no AWS job');
            return { engine: 'direct', reason: 'mode: validate' };
        }
        r.notApplicable(Input.Path, 'expected no path with engine: managed, because AWS reads and writes only S3; use bucket, or engine: direct');
        return { engine: 'managed', reason: 'engine: managed was asked for' };
    }
    if (mode === 'validate')
        return { engine: 'direct', reason: 'mode: validate reads the source here and starts no AWS job' };
    if (r.given(Input.EndpointUrl)) {
        return {
            engine: 'direct',
            reason: "endpoint-url is set, and AWS's managed import and export exist only on AWS itself",
        };
    }
    if (r.given(Input.Path))
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
function readAwsSettings(r, env) {
    const endpointUrl = r.parse(Input.EndpointUrl, checkUrl);
    const s3EndpointUrl = r.parse(Input.S3EndpointUrl, checkUrl);
    let region = r.parse(Input.Region, checkRegion) ?? nonEmpty(env.AWS_REGION) ?? nonEmpty(env.AWS_DEFAULT_REGION);
    if (region === undefined) {
        const local = endpointUrl !== undefined ||
            nonEmpty(env.AWS_ENDPOINT_URL) !== undefined ||
            nonEmpty(env.AWS_ENDPOINT_URL_DYNAMODB) !== undefined;
        if (local)
            region = 'us-east-1';
        else if (!r.given(Input.Region)) {
            r.missing(Input.Region, 'no AWS_REGION or AWS_DEFAULT_REGION is set either; give aws-region, or run aws-actions/configure-aws-credentials first');
        }
    }
    const s3Compatible = s3EndpointUrl !== undefined ||
        nonEmpty(env.AWS_ENDPOINT_URL_S3) !== undefined ||
        nonEmpty(env.AWS_ENDPOINT_URL) !== undefined;
    return {
        region: region ?? '',
        ...optional('endpointUrl', endpointUrl),
        ...optional('s3EndpointUrl', s3EndpointUrl),
        s3Compatible,
    };
}
/** bucket + prefix, or path: exactly one of the two. */
function readLocation(r, context, mode, table) {
    const bucket = r.parse(Input.Bucket, checkBucket);
    const path = r.optional(Input.Path);
    if (r.given(Input.Bucket) && path !== undefined) {
        r.reject(Input.Path, path, 'expected either bucket or path, not both (bucket is set too)');
        return undefined;
    }
    if (path !== undefined) {
        r.notApplicable(Input.Prefix, 'expected no prefix with path; put the whole folder or file in path');
        r.notApplicable(Input.BucketOwner, 'expected no bucket-owner with path, which is a local folder');
        return { kind: 'local', path: (0,external_node_path_.resolve)(context.env.GITHUB_WORKSPACE ?? context.cwd, path) };
    }
    if (!r.given(Input.Bucket)) {
        r.missing(Input.Bucket, `mode: ${mode} needs bucket (S3) or path (a local file or folder)`);
        return undefined;
    }
    const prefix = r.parse(Input.Prefix, (v) => checkPrefix(expandTemplate(v, { now: context.now, env: context.env, table })));
    const owner = r.parse(Input.BucketOwner, checkAccountId);
    return bucket === undefined ? undefined : { kind: 's3', bucket, prefix: prefix ?? '', ...optional('owner', owner) };
}
function readImportSource(r, context, mode, table) {
    const location = readLocation(r, context, mode, table) ?? placeholderLocation;
    const format = r.parse(Input.Format, (v) => parseEnum(v, ['DYNAMODB_JSON', 'ION', 'CSV'])) ?? 'DYNAMODB_JSON';
    const compression = r.parse(Input.Compression, (v) => parseEnum(v, ['NONE', 'GZIP', 'ZSTD', 'auto'])) ?? 'auto';
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
function readCsvOptions(r, format) {
    const rawDelimiter = r.untrimmed(Input.CsvDelimiter);
    const header = r.parse(Input.CsvHeader, parseCsvHeader);
    if (format !== 'CSV') {
        if (rawDelimiter !== ',')
            r.reject(Input.CsvDelimiter, rawDelimiter, `expected no csv-delimiter with format ${format}; it applies to CSV only`);
        if (r.given(Input.CsvHeader))
            r.reject(Input.CsvHeader, r.get(Input.CsvHeader), `expected no csv-header with format ${format}; it applies to CSV only`);
        return undefined;
    }
    const delimiter = CSV_DELIMITERS[rawDelimiter] ?? CSV_DELIMITERS[rawDelimiter.trim().toLowerCase()];
    if (delimiter === undefined) {
        r.reject(Input.CsvDelimiter, rawDelimiter, 'expected one of , ; : | \\t (tab) and a single space');
    }
    return { delimiter: delimiter ?? ',', ...optional('header', header) };
}
function parseCsvHeader(value) {
    const names = value.split(',').map((n) => n.trim());
    if (names.some((n) => n === ''))
        throw new InvalidValue('comma-separated column names, none of them empty');
    const duplicate = names.find((n, i) => names.indexOf(n) !== i);
    if (duplicate !== undefined)
        throw new InvalidValue(`comma-separated column names, each once; ${duplicate} appears twice`);
    return names;
}
/** The table parameters, and whether a key schema input was given but could not be read (already reported). */
function readTableParameters(r) {
    const params = r.parse(Input.TableCreationParameters, parseTableCreationParameters);
    const partitionKey = r.parse(Input.PartitionKey, parseKeyShorthand);
    const unreadable = (r.given(Input.TableCreationParameters) && params === undefined) ||
        (r.given(Input.PartitionKey) && partitionKey === undefined);
    const sortKey = r.parse(Input.SortKey, parseKeyShorthand);
    if (r.given(Input.SortKey) && !r.given(Input.PartitionKey)) {
        r.missing(Input.PartitionKey, 'sort-key is set, and a sort key needs a partition key');
    }
    if (partitionKey !== undefined && params?.KeySchema !== undefined) {
        r.reject(Input.PartitionKey, r.get(Input.PartitionKey), 'expected no partition-key when table-creation-parameters has a KeySchema; give the key schema in one place');
    }
    return [buildTableParameters(params, partitionKey, sortKey), unreadable];
}
/** Where rejected items go: never inside the source, so a re-import does not read them back. */
function readRejectedItems(r, context, source) {
    const given = r.parse(Input.RejectedItems, parseRejectedItems(context));
    const location = given ?? {
        kind: 'local',
        path: (0,external_node_path_.resolve)(context.env.RUNNER_TEMP ?? (0,external_node_os_.tmpdir)(), `dynamodb-s3-transfer-rejected-${context.now.getTime()}.jsonl`),
    };
    if (given !== undefined && inside(location, source)) {
        r.reject(Input.RejectedItems, r.get(Input.RejectedItems), 'expected a place outside the source, or a re-import would read the rejected items back');
    }
    return location;
}
function parseRejectedItems(context) {
    return (value) => {
        if (!value.startsWith('s3://'))
            return { kind: 'local', path: (0,external_node_path_.resolve)(context.env.GITHUB_WORKSPACE ?? context.cwd, value) };
        const match = /^s3:\/\/([^/]+)\/(.+)$/.exec(value);
        if (!match?.[1] || !match[2])
            throw new InvalidValue('an s3://bucket/key URL or a local file path');
        return { kind: 's3', bucket: match[1], prefix: match[2] };
    };
}
function inside(target, source) {
    if (target.kind === 's3' && source.kind === 's3') {
        return target.bucket === source.bucket && target.prefix.startsWith(source.prefix);
    }
    if (target.kind === 'local' && source.kind === 'local' && source.path !== '') {
        const rel = (0,external_node_path_.relative)(source.path, target.path);
        return rel === '' || (!rel.startsWith('..') && !(0,external_node_path_.isAbsolute)(rel));
    }
    return false;
}
const EXPORT_ONLY = [
    Input.TableArn,
    Input.ExportTime,
    Input.IncrementalFrom,
    Input.IncrementalTo,
    Input.FilterExpression,
    Input.ProjectionExpression,
    Input.KeyConditionExpression,
    Input.ExpressionAttributeNames,
    Input.ExpressionAttributeValues,
    Input.SseAlgorithm,
    Input.SseKmsKeyId,
];
function rejectExportOnlyInputs(r) {
    for (const name of EXPORT_ONLY)
        r.notApplicable(name, `expected no ${name} with mode: ${r.get(Input.Mode)}; it applies to mode: export only`);
    for (const name of [Input.ExportType, Input.ExportViewType]) {
        if (r.changedFromDefault(name))
            r.reject(name, r.get(name), 'expected it only with mode: export');
    }
}
const IMPORT_ONLY = [
    Input.TableCreationParameters,
    Input.PartitionKey,
    Input.SortKey,
    Input.RejectedItems,
    Input.CsvHeader,
];
function rejectImportOnlyInputs(r) {
    for (const name of IMPORT_ONLY)
        r.notApplicable(name, 'expected it only with mode: import or validate');
    if (r.changedFromDefault(Input.ExistingTable)) {
        r.reject(Input.ExistingTable, r.get(Input.ExistingTable), 'expected it only with mode: import');
    }
}

;// CONCATENATED MODULE: ./src/managed/aws-errors.ts
// AWS exceptions from the managed APIs as sentences a person can act on.

const ADVICE = {
    AccessDeniedException: 'the role running this step lacks a permission; see the Permissions section of the README for the policy each mode needs',
    UnrecognizedClientException: 'the credentials are not valid for this region; check aws-region and the credentials step',
    ResourceInUseException: 'the table already exists, and ImportTable only creates new tables; delete it, choose another table-name, or use engine: direct with existing-table: merge',
    TableNotFoundException: 'the table does not exist in this account and region',
    ResourceNotFoundException: 'the table or job does not exist in this account and region',
    PointInTimeRecoveryUnavailableException: 'point-in-time recovery is not enabled on the table, and exports need it',
    InvalidExportTimeException: 'the export time is outside the table\u2019s point-in-time recovery window',
    ExportConflictException: 'an export with the same client token but a different request exists; change client-token or leave it empty',
    ImportConflictException: 'an import with the same client token but a different request exists; change client-token or leave it empty',
    LimitExceededException: 'too many imports or exports are running in this account; wait for some to finish',
    ValidationException: 'AWS refused the request as invalid',
};
/** Wraps an AWS error thrown by `operation` in a TransferError with advice. */
function explain(error, operation) {
    if (error instanceof TransferError)
        return error;
    const name = error.name ?? 'Error';
    const message = error instanceof Error ? error.message : String(error);
    const advice = ADVICE[name];
    return new TransferError('AWS_ERROR', `${operation} failed with ${name}: ${message}${advice === undefined ? '' : ` (${advice}).`}`);
}

;// CONCATENATED MODULE: ./src/managed/poll.ts
// One poll loop for AWS's jobs: exponential backoff with jitter from the
// first interval up to 60 s, a deadline checked before every sleep, an
// AbortSignal, and a progress callback. Unlike the SDK's waiters it fails
// fast on errors that cannot get better, and retries those that can.
/** Errors worth another try: throttling, timeouts, 5xx. Not found, access denied and validation are final. */
function isTransient(error) {
    const e = error;
    const name = e.name ?? '';
    if ([
        'ThrottlingException',
        'RequestLimitExceeded',
        'ProvisionedThroughputExceededException',
        'LimitExceededException',
        'InternalServerError',
        'ServiceUnavailable',
        'TimeoutError',
        'RequestTimeout',
    ].includes(name))
        return true;
    if (e.$retryable !== undefined)
        return true;
    const status = e.$metadata?.httpStatusCode;
    return status !== undefined && (status >= 500 || status === 429);
}
async function pollUntil(options) {
    const random = options.random ?? Math.random;
    const maxInterval = options.maxIntervalMs ?? 60_000;
    let interval = options.firstIntervalMs;
    let state;
    for (;;) {
        if (options.signal?.aborted)
            return { kind: 'aborted', state };
        try {
            state = await options.describe();
            options.onPoll(state);
            if (options.isFinal(state))
                return { kind: 'final', state };
        }
        catch (error) {
            if (!isTransient(error))
                throw error;
        }
        // Jitter between half and the whole interval, so parallel jobs do not poll in step.
        const delay = Math.round(interval * (0.5 + random() / 2));
        if (options.now() + delay > options.deadline)
            return { kind: 'deadline', state };
        try {
            await options.sleep(delay, options.signal);
        }
        catch {
            return { kind: 'aborted', state };
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
        return {
            state,
            timedOut: true,
            aborted: false,
            note: `Still running after ${formatDuration(plan.waiting.timeoutMs)} (timeout); the job goes on server-side.`,
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
            throw new TransferError('TABLE_NOT_FOUND', `Table ${tableName} does not exist in ${plan.aws.region}; nothing was exported.`);
        tableArn = table.TableArn;
    }
    let backups;
    try {
        backups = await dynamodb.send(new client_dynamodb_dist_cjs/* DescribeContinuousBackupsCommand */.NXH({ TableName: tableArn }));
    }
    catch (error) {
        throw explain(error, 'DescribeContinuousBackups');
    }
    const pitr = backups.ContinuousBackupsDescription?.PointInTimeRecoveryDescription;
    if (pitr?.PointInTimeRecoveryStatus !== 'ENABLED') {
        throw new TransferError('PITR_DISABLED', `Point-in-time recovery is not enabled on ${tableName}, and exports need it. Enable it once with: aws dynamodb update-continuous-backups --table-name ${tableName} --point-in-time-recovery-specification PointInTimeRecoveryEnabled=true`);
    }
    const earliest = pitr.EarliestRestorableDateTime;
    const latest = pitr.LatestRestorableDateTime ?? now;
    const window = `${earliest?.toISOString() ?? '?'} to ${latest.toISOString()}`;
    const check = (what, time) => {
        if (time === undefined)
            return;
        if ((earliest !== undefined && time < earliest) || time > now) {
            throw new TransferError('OUTSIDE_PITR_WINDOW', `The ${what} ${time.toISOString()} is outside the point-in-time recovery window of ${tableName} (${window}).`);
        }
    };
    if (plan.exportType.kind === 'FULL_EXPORT')
        check('export time', plan.exportType.exportTime);
    else
        check('start of the incremental window', plan.exportType.from);
    return { tableArn, tableName: tableName || (tableArn.split('/').pop() ?? '') };
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
    const request = exportRequest(plan, preflight.tableArn);
    const { job, restarted } = await startIdempotently({
        request,
        givenToken: plan.clientToken,
        deps,
        what: 'export',
        start: async (token) => {
            try {
                return ((await deps.dynamodb.send(new client_dynamodb_dist_cjs/* ExportTableToPointInTimeCommand */.JUe({ ...request, ClientToken: token })))
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
        describe: async () => (await deps.dynamodb.send(new client_dynamodb_dist_cjs/* DescribeExportCommand */.XIc({ ExportArn: arn }))).ExportDescription ?? {},
        statusOf: (d) => d.ExportStatus,
        progressOf: (d) => `${d.ItemCount ?? 0} item(s), ${d.BilledSizeBytes ?? 0} billed bytes`,
    });
    deps.phase('Verification');
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
        tableName: preflight.tableName,
        tableArn: preflight.tableArn,
        jobArn: arn,
        source: `table ${preflight.tableName}`,
        destination: `s3://${bucket}/${root}`,
        ...(description.ItemCount === undefined ? {} : { itemCount: description.ItemCount }),
        ...(description.BilledSizeBytes === undefined ? {} : { processedSizeBytes: description.BilledSizeBytes }),
        ...(status === 'COMPLETED' && description.ExportManifest !== undefined
            ? { exportManifest: `s3://${bucket}/${description.ExportManifest}`, dataUrl: `s3://${bucket}/${dataFolder}` }
            : {}),
        durationSeconds: (deps.now() - started) / 1000,
        errors: [],
        note: notes.filter((n) => n !== '').join(' '),
    };
}
function exportRequest(plan, tableArn) {
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
        const response = await logs.send(new dist_cjs/* GetLogEventsCommand */.h7S({ logGroupName: IMPORT_LOG_GROUP, logStreamName: stream, limit, startFromHead: true }));
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








const SAMPLE_BYTES = 1024 * 1024;
const SAMPLE_ITEMS = 100;
async function preflightImport(plan, dynamodb, s3) {
    const location = plan.source.location;
    if (location.kind !== 's3')
        throw new TransferError('INVALID_INPUT', 'The managed engine imports from S3 only; use bucket and prefix, or engine: direct for a local path.');
    const store = new S3Store(s3, location.bucket, location.owner === undefined ? {} : { owner: location.owner });
    let objectCount = 0;
    let firstKey;
    const warnings = [];
    for await (const object of store.list(location.prefix, MAX_SOURCE_OBJECTS + 1)) {
        const root = /^(.*?AWSDynamoDB\/\d{14}-[0-9a-f]{8}\/)(manifest-files\.json|manifest-summary\.json|_started)$/.exec(object.key);
        if (root !== null) {
            throw new TransferError('SOURCE_IS_EXPORT_ROOT', `${store.describe(location.prefix)} holds an export's manifests (${object.key}); AWS's ImportTable reads data files only: set prefix to ${root[1]}data/`);
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
        throw new TransferError('SOURCE_EMPTY', `No objects found under ${store.describe(location.prefix)}; AWS would complete the import with an empty table. Nothing was started.`);
    }
    if (objectCount > MAX_SOURCE_OBJECTS) {
        throw new TransferError('SOURCE_TOO_MANY_OBJECTS', `More than ${MAX_SOURCE_OBJECTS.toLocaleString('en-US')} objects under ${store.describe(location.prefix)}; ImportTable reads at most ${MAX_SOURCE_OBJECTS.toLocaleString('en-US')}. Consolidate them or narrow the prefix.`);
    }
    if ((await describeTable(dynamodb, plan.tableName)) !== undefined) {
        throw new TransferError('TABLE_EXISTS', `Table ${plan.tableName} already exists, and AWS's ImportTable only creates new tables (it would fail with ResourceInUseException). Choose another table-name, delete the table, or use engine: direct with existing-table: merge.`);
    }
    // Sample the first object: the compression, then the first items.
    const head = [];
    for await (const chunk of store.readHead(firstKey, SAMPLE_BYTES))
        head.push(chunk);
    const bytes = Buffer.concat(head);
    const compression = plan.source.compression === 'auto' ? detectCompression(bytes) : plan.source.compression;
    const keys = keyChecksFrom(plan.tableParameters ?? {});
    const stats = newStats();
    const sampleErrors = [];
    const partitionKey = keys[0]?.name;
    const partitionValues = [];
    const options = {
        format: plan.source.format,
        compression,
        keys,
        ...(plan.source.csv === undefined ? {} : { csv: plan.source.csv }),
    };
    const records = [];
    for await (const batch of decodeObject(once(bytes), options, stats)) {
        records.push(...batch.filter((r) => !('error' in r && r.error.code === 'TRUNCATED_OBJECT')));
        if (records.length > SAMPLE_ITEMS)
            break;
    }
    // A sample cut at 1 MiB ends inside a record: that last record proves nothing.
    const cut = bytes.length >= SAMPLE_BYTES;
    const sample = records.slice(0, cut ? Math.min(SAMPLE_ITEMS, records.length - 1) : SAMPLE_ITEMS);
    for (const record of sample) {
        if ('error' in record)
            sampleErrors.push(record.error);
        else if (partitionKey !== undefined)
            partitionValues.push(JSON.stringify(record.item[partitionKey] ?? null));
    }
    const sampled = sample.length;
    if (sampled > 0 && sampleErrors.length === sampled) {
        const first = sampleErrors[0];
        throw new TransferError('SOURCE_SAMPLE_INVALID', `None of the first ${sampled} record(s) of ${store.describe(firstKey)} can be imported as ${plan.source.format} (${compression}): line ${first.line}: ${first.message}. Nothing was started; check format, compression and the key schema.`);
    }
    if (partitionKey !== undefined && looksSorted(partitionValues)) {
        warnings.push(`The first items of ${store.describe(firstKey)} are in order of their partition key ${partitionKey}: sorted data makes a rolling hot partition during the import. AWS recommends shuffling it first.`);
    }
    return { warnings, objectCount, firstKey, compression, sampled, sampleErrors };
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
async function* once(bytes) {
    yield bytes;
}

;// CONCATENATED MODULE: ./src/managed/import.ts
// The managed import: AWS's ImportTable, started safely, followed to a final
// status, and explained (the first CloudWatch errors for a failed import).






async function runManagedImport(plan, deps, engineReason) {
    const started = deps.now();
    const preflight = await preflightImport(plan, deps.dynamodb, deps.s3);
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
                const response = await deps.dynamodb.send(new client_dynamodb_dist_cjs/* ImportTableCommand */.Lni({ ...request, ClientToken: token }));
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
        describe: async () => (await deps.dynamodb.send(new client_dynamodb_dist_cjs/* DescribeImportCommand */.kIG({ ImportArn: arn }))).ImportTableDescription ?? {},
        statusOf: (d) => d.ImportStatus,
        progressOf: (d) => `processed ${d.ProcessedItemCount ?? 0} item(s), imported ${d.ImportedItemCount ?? 0}, ${d.ErrorCount ?? 0} error(s), ${d.ProcessedSizeBytes ?? 0} bytes`,
    });
    deps.phase('Verification');
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
    if (plan.mode === 'validate')
        throw new TransferError('INVALID_INPUT', 'mode: validate runs on the direct engine only.');
    return plan.mode === 'export'
        ? runManagedExport(plan, deps, engineReason)
        : runManagedImport(plan, deps, engineReason);
}

;// CONCATENATED MODULE: ./src/plan-text.ts
// The plan in plain words, printed before any work starts.

function describeLocation(location) {
    return location.kind === 's3' ? `s3://${location.bucket}/${location.prefix}` : location.path;
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
    else {
        const source = plan.source;
        lines.push(`Read: ${source.format} (${source.compression === 'auto' ? 'compression detected' : source.compression}) from ${describeLocation(source.location)}.`);
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
        lines.push(`Rejected items go to ${describeLocation(plan.rejectedItems)}.`);
    }
    lines.push(`Engine: ${choice.engine}, because ${choice.reason}.`);
    const waiting = plan.waiting.wait
        ? `wait up to ${formatDuration(plan.waiting.timeoutMs)}`
        : 'return once the job has started';
    lines.push(`Then: ${waiting}; fail when more than ${plan.maxErrors} item(s) cannot be moved.`);
    return lines;
}

;// CONCATENATED MODULE: ./src/main.ts
// run(): inputs -> plan -> engine -> report. One catch at the top turns any
// thrown value into a failed step; nothing below calls process.exit.













async function run(deps) {
    const started = deps.now();
    let working;
    try {
        const plan = readPlan({ env: deps.env, now: started, cwd: deps.cwd });
        const clients = createClients(plan.aws);
        const choice = await chooseEngine(plan, (name) => tableExists(clients.dynamodb, name));
        core.startGroup('Plan');
        for (const line of describePlan(plan, choice))
            core.info(line);
        core.endGroup();
        core.setOutput(Output.Engine, choice.engine);
        working = plan.mode;
        core.startGroup('Pre-flight checks');
        const result = await runEngine(plan, choice, clients, deps).finally(() => core.endGroup());
        report(withContext(result, plan, deps.env), plan.maxErrors, core, deps.env.GITHUB_STEP_SUMMARY);
    }
    catch (error) {
        const message = messageOf(error);
        core.setOutput(Output.DurationSeconds, (deps.now().getTime() - started.getTime()) / 1000);
        const summary = working === undefined ? renderStartFailure(message) : renderWorkFailure(working, message);
        writeSummary(summary, deps.env.GITHUB_STEP_SUMMARY, core);
        core.setFailed(message);
    }
}
function runEngine(plan, choice, clients, deps) {
    const common = {
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
    if (choice.engine === 'managed') {
        return runManaged(plan, { ...common, sleep: abortableSleep, env: deps.env, ...(deps.signal && { signal: deps.signal }) }, choice.reason);
    }
    const workspace = deps.env.GITHUB_WORKSPACE;
    return runDirect(plan, {
        ...common,
        sleep: (ms) => abortableSleep(ms),
        tempDir: deps.env.RUNNER_TEMP ?? (0,external_node_os_.tmpdir)(),
        ...(workspace && { workspace }),
    }, choice.reason);
}
/** Console links only when the endpoints are AWS's; the action's own reference for the import-back snippet. */
function withContext(result, plan, env) {
    const onAws = plan.aws.endpointUrl === undefined && !plan.aws.s3Compatible && !env.AWS_ENDPOINT_URL_DYNAMODB;
    const uses = env.GITHUB_ACTION_REPOSITORY
        ? `${env.GITHUB_ACTION_REPOSITORY}@${env.GITHUB_ACTION_REF || 'v1'}`
        : undefined;
    return { ...result, ...(onAws && { consoleRegion: plan.aws.region }), ...(uses && { uses }) };
}

;// CONCATENATED MODULE: ./src/worker-main.ts
// Inside the worker: run() with an AbortSignal fed by the main thread, and the
// exit code handed back through the worker's own exit.



async function runInsideWorker() {
    const controller = new AbortController();
    external_node_worker_threads_.parentPort?.on('message', (message) => {
        if (message.abort === undefined)
            return;
        core.info(`Received ${message.abort}: stopping the wait.`);
        controller.abort();
    });
    await run({ env: process.env, now: () => new Date(), cwd: process.cwd(), signal: controller.signal });
    external_node_worker_threads_.parentPort?.removeAllListeners('message');
    external_node_worker_threads_.parentPort?.close();
}


/***/ })

};
