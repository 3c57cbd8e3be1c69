// The direct engine's helpers, and the export builder's, for the restore tests.

export { dynamodb, newBucket, newTable, normalized, putItems, runLocal, s3, scanAll } from '../direct/helpers.js';
export { putFiles } from '../sources/export-builder.js';
