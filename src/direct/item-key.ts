// An item's primary key as a string, equal for equal keys, so that two
// writes of one key are never in flight together (the last must win).

import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { Item } from '../formats/attribute-value.js';

export function keyString(item: Item, keyNames: readonly string[]): string {
  let text = '';
  for (const name of keyNames) text += `${scalar(item[name])}\u0000`;
  return text;
}

function scalar(value: AttributeValue | undefined): string {
  if (value === undefined) return '';
  if (value.S !== undefined) return `S${value.S}`;
  if (value.N !== undefined) return `N${canonicalNumber(value.N)}`;
  if (value.B !== undefined) return `B${Buffer.from(value.B).toString('base64')}`;
  return '?';
}

/** 1, 1.0, 10e-1 and +1 are one number to DynamoDB, and so one key. */
export function canonicalNumber(text: string): string {
  const match = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (match === null) return text;
  const whole = match[2] ?? '';
  const digits = `${whole}${match[3] ?? ''}`;
  const first = digits.search(/[1-9]/);
  if (first === -1) return '0';
  const significant = digits.slice(first).replace(/0+$/, '');
  const magnitude = whole.length - first - 1 + Number(match[4] ?? 0);
  return `${match[1] === '-' ? '-' : ''}${significant}e${magnitude}`;
}
