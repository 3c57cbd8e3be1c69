// An item's primary key as a string, equal for equal keys, so that two
// writes of one key are never in flight together (the last must win).

import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { type Item, numberValue } from '../formats/attribute-value.js';

export function keyString(item: Item, keyNames: readonly string[]): string {
  let text = '';
  for (const name of keyNames) text += `${scalar(item[name])}\u0000`;
  return text;
}

function scalar(value: AttributeValue | undefined): string {
  if (value === undefined) return '';
  if (value.S !== undefined) return `S${value.S}`;
  if (value.N !== undefined) return `N${numberValue(value.N)}`; // 1, 1.0 and 1E0 are one key
  if (value.B !== undefined) return `B${Buffer.from(value.B).toString('base64')}`;
  return '?';
}
