// DynamoDB's equality of attribute values: numbers by value (1.0 equals 1,
// 1.50 equals 1.5), sets without order, binary by bytes, maps without key
// order, lists in order. Values come either as the SDK holds them (binary as
// bytes) or as DynamoDB JSON parsed (binary as base64 text): the comparison
// reads partition files of DynamoDB JSON, and tests give AttributeValues.

import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { type Item, numberValue } from '../formats/attribute-value.js';

/** Binary as bytes, or as base64 text (DynamoDB JSON parsed). */
type Binary = Uint8Array | string;

function bytesOf(value: Binary): Buffer {
  return typeof value === 'string'
    ? Buffer.from(value, 'base64')
    : Buffer.from(value.buffer, value.byteOffset, value.byteLength);
}

function binaryEqual(a: Binary, b: Binary): boolean {
  // Text equal is bytes equal; unequal text may still be one value written two ways.
  if (typeof a === 'string' && typeof b === 'string' && a === b) return true;
  return bytesOf(a).equals(bytesOf(b));
}

/** A binary set member as text that is equal for equal bytes. */
function binaryKey(value: Binary): string {
  return bytesOf(value).toString('base64');
}

function numberEqual(a: string, b: string): boolean {
  return a === b || numberValue(a) === numberValue(b);
}

function sameSet<T>(a: readonly T[], b: readonly T[], key: (member: T) => string): boolean {
  // A valid set has no repeated member, but a hand-made one might: compare distinct members.
  const left = new Set(a.map(key));
  const right = new Set(b.map(key));
  if (left.size !== right.size) return false;
  for (const member of left) if (!right.has(member)) return false;
  return true;
}

const own = (record: object, name: string): boolean => Object.prototype.hasOwnProperty.call(record, name);

/** Whether two attribute values are equal as DynamoDB compares them. */
export function valuesEqual(a: AttributeValue, b: AttributeValue): boolean {
  if (a.S !== undefined) return b.S !== undefined && a.S === b.S;
  if (a.N !== undefined) return b.N !== undefined && numberEqual(a.N, b.N);
  if (a.B !== undefined) return b.B !== undefined && binaryEqual(a.B as Binary, b.B as Binary);
  if (a.BOOL !== undefined) return b.BOOL !== undefined && a.BOOL === b.BOOL;
  if (a.NULL !== undefined) return b.NULL !== undefined;
  if (a.SS !== undefined) return b.SS !== undefined && sameSet(a.SS, b.SS, (s) => s);
  if (a.NS !== undefined) return b.NS !== undefined && sameSet(a.NS, b.NS, numberValue);
  if (a.BS !== undefined) return b.BS !== undefined && sameSet(a.BS as Binary[], b.BS as Binary[], binaryKey);
  if (a.L !== undefined) {
    if (b.L === undefined || a.L.length !== b.L.length) return false;
    for (let i = 0; i < a.L.length; i++) {
      if (!valuesEqual(a.L[i] as AttributeValue, b.L[i] as AttributeValue)) return false;
    }
    return true;
  }
  if (a.M !== undefined) return b.M !== undefined && mapsEqual(a.M, b.M);
  return false; // an unknown type tag equals nothing
}

function mapsEqual(a: Item, b: Item): boolean {
  const names = Object.keys(a);
  if (names.length !== Object.keys(b).length) return false;
  for (const name of names) {
    if (!own(b, name) || !valuesEqual(a[name] as AttributeValue, b[name] as AttributeValue)) return false;
  }
  return true;
}

/**
 * The names of the attributes that differ between two items: on one side
 * only, or on both with unequal values. Sorted, so the same two items always
 * give the same list.
 */
export function differingAttributes(a: Item, b: Item): string[] {
  const names: string[] = [];
  for (const name of Object.keys(a)) {
    if (!own(b, name) || !valuesEqual(a[name] as AttributeValue, b[name] as AttributeValue)) names.push(name);
  }
  for (const name of Object.keys(b)) if (!own(a, name)) names.push(name);
  return names.sort();
}
