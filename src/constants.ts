// Public names of the action's inputs and outputs. action.yml is the source of
// truth; test/action-yml.test.ts checks that the two agree.

export const Input = {
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
  Resume: 'resume',
  MaxDuration: 'max-duration',
  Checkpoint: 'checkpoint',
} as const;
export type InputName = (typeof Input)[keyof typeof Input];

/**
 * The defaults declared in action.yml, the one place they are decided. The
 * runner fills them in before the action starts; the reader
 * (src/inputs/reader.ts) fills them in too when an input is given as an empty
 * string (`${{ inputs.x }}` of an unset workflow input). No other code repeats
 * them, and test/action-yml.test.ts proves this table equal to action.yml's.
 */
export const InputDefault = {
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
  [Input.Resume]: 'auto',
} as const satisfies Partial<Record<InputName, string>>;
/** The inputs that have a default in action.yml. */
export type DefaultedInput = keyof typeof InputDefault;

export const Output = {
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
} as const;
export type OutputName = (typeof Output)[keyof typeof Output];
