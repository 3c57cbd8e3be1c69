// An item's size as DynamoDB bills it (attribute names plus values), for the
// estimate a request is charged before it is sent. An estimate only: what
// DynamoDB reports settles the difference.

import type { AttributeValue } from '@aws-sdk/client-dynamodb';

const utf8 = (text: string): number => Buffer.byteLength(text, 'utf8');

export function itemSize(item: Record<string, AttributeValue>): number {
  let size = 0;
  for (const [name, value] of Object.entries(item)) size += utf8(name) + valueSize(value);
  return size;
}

function valueSize(value: AttributeValue): number {
  if (value.S !== undefined) return utf8(value.S);
  if (value.N !== undefined) return numberSize(value.N);
  if (value.B !== undefined) return value.B.byteLength;
  if (value.BOOL !== undefined || value.NULL !== undefined) return 1;
  if (value.SS !== undefined) return value.SS.reduce((sum, s) => sum + utf8(s), 0);
  if (value.NS !== undefined) return value.NS.reduce((sum, n) => sum + numberSize(n), 0);
  if (value.BS !== undefined) return value.BS.reduce((sum, b) => sum + b.byteLength, 0);
  if (value.L !== undefined) return 3 + value.L.reduce((sum, v) => sum + 1 + valueSize(v), 0);
  if (value.M !== undefined)
    return 3 + Object.entries(value.M).reduce((sum, [k, v]) => sum + 1 + utf8(k) + valueSize(v), 0);
  return 0;
}

/** About one byte per two significant digits, plus one. */
function numberSize(n: string): number {
  const digits = n.replace(/^[-+]?0*|[.eE].*$/g, '').length || 1;
  return Math.ceil(digits / 2) + 1;
}
