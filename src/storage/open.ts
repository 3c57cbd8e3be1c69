// Opens the store an export writes into: an S3 prefix, or a local folder
// (created as needed).

import type { Location } from '../plan.js';
import { LocalStore } from './local.js';
import { S3Store, type S3StoreOptions } from './s3.js';
import type { Store } from './store.js';
import type { S3Access } from '../aws/lazy-clients.js';

export interface OpenedStore {
  store: Store;
  /** The prefix of the location inside the store ('' for a local folder). */
  prefix: string;
}

export function openDestination(
  location: Location,
  s3: S3Access,
  options: Omit<S3StoreOptions, 'owner'> = {},
): OpenedStore {
  if (location.kind === 's3') {
    return {
      store: new S3Store(s3, location.bucket, {
        ...options,
        ...(location.owner === undefined ? {} : { owner: location.owner }),
      }),
      prefix: location.prefix,
    };
  }
  return { store: new LocalStore(location.path), prefix: '' };
}
