// Before a paid export: the table's ARN, point-in-time recovery enabled, and
// the export time or window inside the recovery window.

import { DescribeContinuousBackupsCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { describeTable } from '../aws/table.js';
import { TransferError } from '../errors.js';
import type { ExportPlan } from '../plan.js';
import { explain } from '../aws/errors.js';

export interface ExportPreflight {
  tableArn: string;
  tableName: string;
}

export async function preflightExport(plan: ExportPlan, dynamodb: DynamoDBClient, now: Date): Promise<ExportPreflight> {
  const tableName = plan.table.name ?? '';
  let tableArn = plan.table.arn;
  if (tableArn === undefined) {
    const table = await describeTable(dynamodb, tableName).catch((error: unknown) => {
      throw explain(error, 'DescribeTable');
    });
    if (table?.TableArn === undefined)
      throw new TransferError(
        'TABLE_NOT_FOUND',
        `Table ${tableName} does not exist in ${plan.aws.region}; nothing was exported.`,
      );
    tableArn = table.TableArn;
  }
  let backups;
  try {
    backups = await dynamodb.send(new DescribeContinuousBackupsCommand({ TableName: tableArn }));
  } catch (error) {
    throw explain(error, 'DescribeContinuousBackups');
  }
  const pitr = backups.ContinuousBackupsDescription?.PointInTimeRecoveryDescription;
  if (pitr?.PointInTimeRecoveryStatus !== 'ENABLED') {
    throw new TransferError(
      'PITR_DISABLED',
      `Point-in-time recovery is not enabled on ${tableName}, and exports need it. Enable it once with: aws dynamodb update-continuous-backups --table-name ${tableName} --point-in-time-recovery-specification PointInTimeRecoveryEnabled=true`,
    );
  }
  const earliest = pitr.EarliestRestorableDateTime;
  const latest = pitr.LatestRestorableDateTime ?? now;
  const window = `${earliest?.toISOString() ?? '?'} to ${latest.toISOString()}`;
  const check = (what: string, time: Date | undefined): void => {
    if (time === undefined) return;
    if ((earliest !== undefined && time < earliest) || time > now) {
      throw new TransferError(
        'OUTSIDE_PITR_WINDOW',
        `The ${what} ${time.toISOString()} is outside the point-in-time recovery window of ${tableName} (${window}).`,
      );
    }
  };
  if (plan.exportType.kind === 'FULL_EXPORT') check('export time', plan.exportType.exportTime);
  else check('start of the incremental window', plan.exportType.from);
  return { tableArn, tableName: tableName || (tableArn.split('/').pop() ?? '') };
}
