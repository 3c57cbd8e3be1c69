// An item's primary key as text that is equal exactly when DynamoDB would
// take the two keys as one: numbers by value (an import of `1.0` writes the
// key `1`), binary by bytes. Both sides pass through here as DynamoDB JSON
// (binary as base64 text), the table's as DynamoDB sent it.

import { numberValue } from '../formats/attribute-value.js';

/** An attribute value as DynamoDB JSON parsed: `{"S": "x"}`, `{"B": "AAE="}`. */
export type JsonValue = Record<string, unknown>;
export type JsonItem = Record<string, JsonValue>;

/**
 * The key's values, each tagged with its type, as a JSON array: unambiguous
 * whatever the strings hold (a separator character could appear in a key).
 */
export function keyText(item: JsonItem, keyNames: readonly string[]): string {
  const parts: string[] = [];
  for (const name of keyNames) {
    const value = Object.prototype.hasOwnProperty.call(item, name) ? item[name] : undefined;
    parts.push(scalar(value));
  }
  return JSON.stringify(parts);
}

function scalar(value: JsonValue | undefined): string {
  if (value === undefined) return '';
  if (typeof value.S === 'string') return `S${value.S}`;
  if (typeof value.N === 'string') return `N${numberValue(value.N)}`;
  // Re-encoded: the same bytes always give the same text.
  if (typeof value.B === 'string') return `B${Buffer.from(value.B, 'base64').toString('base64')}`;
  return `?${JSON.stringify(value)}`;
}

/** The key attributes of an item, as DynamoDB JSON text, for the differences file. */
export function keyImage(item: JsonItem, keyNames: readonly string[]): string {
  const key: JsonItem = {};
  for (const name of keyNames) {
    const value = item[name];
    if (value !== undefined && Object.prototype.hasOwnProperty.call(item, name)) {
      Object.defineProperty(key, name, { value, enumerable: true, writable: true, configurable: true });
    }
  }
  return JSON.stringify(key);
}
