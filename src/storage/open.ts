// Opens the store a Location points at, and the key prefix within it.

import { statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import type { Location } from '../plan.js';
import { LocalStore } from './local.js';
import { S3Store, type S3StoreOptions } from './s3.js';
import type { Store } from './store.js';

export interface OpenedStore {
  store: Store;
  /** The prefix of the location inside the store ('' for a whole local folder). */
  prefix: string;
}

export function openStore(location: Location, s3: S3Client, options: Omit<S3StoreOptions, 'owner'> = {}): OpenedStore {
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
  if (isFile(location.path)) return { store: new LocalStore(dirname(location.path)), prefix: basename(location.path) };
  return { store: new LocalStore(location.path), prefix: '' };
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
