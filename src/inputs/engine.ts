// Which engine runs, decided from the inputs alone; `table-exists` when
// `engine: auto` depends on whether the import's table exists, which
// src/engine-choice.ts settles once AWS can be asked.

import { Input } from '../constants.js';
import { parseEnum } from '../parsing/values.js';
import type { EngineDecision, ExistingTable, Mode } from '../plan.js';
import { givenLocalPath, nonEmpty } from './common.js';
import type { Env, InputReader } from './reader.js';

const ENGINES = ['auto', 'managed', 'direct'] as const;

/** The SDK's own variables that send DynamoDB calls elsewhere than AWS (the LocalStack habit), as endpoint-url does. */
const ENDPOINT_VARIABLES = ['AWS_ENDPOINT_URL_DYNAMODB', 'AWS_ENDPOINT_URL'] as const;

export function decideEngine(r: InputReader, mode: Mode, existingTable: ExistingTable, env: Env): EngineDecision {
  const requested = r.parseDefaulted(Input.Engine, (v) => parseEnum(v, ENGINES));
  if (requested === 'direct') return { engine: 'direct', reason: 'engine: direct was asked for' };
  if (requested === 'managed') {
    if (mode === 'validate' || mode === 'verify') {
      r.reject(
        Input.Engine,
        r.get(Input.Engine),
        mode === 'validate'
          ? 'expected auto or direct with mode: validate, which reads the source itself and has no AWS job'
          : 'expected auto or direct with mode: verify, which reads the table and the source itself and has no AWS job',
      );
      return { engine: 'direct', reason: `mode: ${mode}` };
    }
    if (givenLocalPath(r))
      r.notApplicable(
        Input.Path,
        'expected no path with engine: managed, because AWS reads and writes only S3; use bucket, or engine: direct',
      );
    return { engine: 'managed', reason: 'engine: managed was asked for' };
  }
  if (mode === 'validate')
    return { engine: 'direct', reason: 'mode: validate reads the source here and starts no AWS job' };
  if (mode === 'verify')
    return { engine: 'direct', reason: 'mode: verify reads the table and the source here and starts no AWS job' };
  if (r.given(Input.EndpointUrl)) {
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
