// Decoding speed and memory: each format's full decoder (decompress, parse,
// convert, check every item against a key schema) beside a bare loop over
// the same file in the same run (gunzip, split lines, parse). Target: the
// decoder at 70% of the bare loop or better, memory flat as the file grows.
//
//   npm run bench:decode                 # 1024 MB of uncompressed text per format
//   BENCH_MB=128 npm run bench:decode    # a quicker look

import { createReadStream, createWriteStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { createGunzip, createGzip } from 'node:zlib';
import { parse as parseCsv } from 'csv-parse';
import { load as loadIon } from 'ion-js';
import { decodeObject } from '../src/formats/decode.js';
import { toDynamoJsonMap } from '../src/formats/attribute-value.js';
import { dynamoJsonLines } from '../src/formats/ddb-json.js';
import { ionLines } from '../src/formats/ion.js';
import { splitLines } from '../src/formats/lines.js';
import { newStats } from '../src/formats/records.js';
import type { Format } from '../src/plan.js';
import { generateItems } from '../test/generate-items.js';
import { type Measurement, mb, measure, row } from './measure.js';

const TARGET_MB = Number(process.env.BENCH_MB ?? 1024);
const DATA = new URL('.data/', import.meta.url).pathname;
const KEYS = [
  { name: 'id', type: 'S' as const },
  { name: 'sort', type: 'N' as const },
];

function sampleText(format: Format): string {
  const items = [...generateItems(1000)];
  if (format === 'CSV') {
    const header = 'id,sort,text,big,flag,note\n';
    return (
      header +
      items
        .map(
          (item, i) =>
            `${item.id?.S},${item.sort?.N},"${(item.text?.S ?? '').replace(/"/g, '""')}",${item.big?.N},${i % 2 === 0},"row ${i}, with a comma"\n`,
        )
        .join('')
    );
  }
  const encode = format === 'ION' ? ionLines : dynamoJsonLines;
  return encode(items.map((item) => Buffer.from(JSON.stringify(toDynamoJsonMap(item))))).toString();
}

/** A gzip file of about TARGET_MB uncompressed, made once and reused. */
async function dataFile(format: Format): Promise<{ path: string; bytes: number }> {
  mkdirSync(DATA, { recursive: true });
  const path = `${DATA}${format.toLowerCase()}-${TARGET_MB}mb.gz`;
  const sample = sampleText(format);
  const [header, body] =
    format === 'CSV'
      ? [sample.slice(0, sample.indexOf('\n') + 1), sample.slice(sample.indexOf('\n') + 1)]
      : ['', sample];
  const repeats = Math.ceil((TARGET_MB * 1024 * 1024) / body.length);
  const bytes = header.length + body.length * repeats;
  if (existsSync(path) && statSync(path).size > 0) return { path, bytes };
  process.stdout.write(`generating ${path} ...`);
  const gzip = createGzip({ level: 1 });
  const out = gzip.pipe(createWriteStream(path));
  gzip.write(header);
  for (let i = 0; i < repeats; i++) {
    if (!gzip.write(body)) await once(gzip, 'drain');
  }
  gzip.end();
  await once(out, 'finish');
  console.log(' done');
  return { path, bytes };
}

function progress(file: { bytes: number }, report: (fraction: number) => void): (bytes: number) => void {
  let next = 0;
  return (bytes) => {
    if (bytes >= next) {
      report(bytes / file.bytes);
      next = bytes + file.bytes / 100;
    }
  };
}

async function bareLoop(
  format: Format,
  file: { path: string; bytes: number },
  report: (fraction: number) => void,
): Promise<number> {
  const tick = progress(file, report);
  const stats = newStats();
  let records = 0;
  const gunzipped = createReadStream(file.path).pipe(createGunzip());
  if (format === 'CSV') {
    const parser = gunzipped.pipe(parseCsv({ columns: true }));
    for await (const record of parser) {
      if (record) records += 1;
      if ((records & 1023) === 0) tick(Number(parser.info.bytes));
    }
    return records;
  }
  for await (const lines of splitLines(gunzipped, stats)) {
    for (const line of lines) {
      if (line.text === '') continue;
      if (format === 'ION') loadIon(line.text);
      else JSON.parse(line.text);
      records += 1;
    }
    tick(stats.bytes);
  }
  return records;
}

async function fullDecoder(
  format: Format,
  file: { path: string; bytes: number },
  report: (fraction: number) => void,
): Promise<number> {
  const tick = progress(file, report);
  const stats = newStats();
  let records = 0;
  const options = { format, compression: 'GZIP' as const, keys: KEYS, csv: { delimiter: ',' } };
  for await (const batch of decodeObject(createReadStream(file.path), options, stats)) {
    for (const decoded of batch) {
      if ('error' in decoded) throw new Error(`unexpected error: ${decoded.error.message}`);
      records += 1;
    }
    tick(stats.bytes);
  }
  return records;
}

function line(name: string, file: { bytes: number }, records: number, m: Measurement): string {
  return row([name, mb(file.bytes) / m.seconds, records / m.seconds / 1000, m.peakRssMb, m.peakByQuarter.join('/')]);
}

console.log(`Decoding ${TARGET_MB} MB of uncompressed text per format (gzip), Node ${process.version}`);
for (const format of ['DYNAMODB_JSON', 'ION', 'CSV'] as const) {
  const file = await dataFile(format);
  let bareRecords = 0;
  let fullRecords = 0;
  const bare = await measure(async (report) => {
    bareRecords = await bareLoop(format, file, report);
  });
  const full = await measure(async (report) => {
    fullRecords = await fullDecoder(format, file, report);
  });
  console.log(
    `\n${format}: ${(file.bytes / 1024 / 1024).toFixed(0)} MB, ${fullRecords.toLocaleString('en-US')} records`,
  );
  console.log(row(['', 'MB/s', 'k items/s', 'peak RSS MB', 'RSS by quarter']));
  console.log(line('bare loop', file, bareRecords, bare));
  console.log(line('decoder', file, fullRecords, full));
  const ratio = bare.seconds / full.seconds;
  console.log(
    `decoder / bare loop: ${(ratio * 100).toFixed(0)}% of the speed (target 70%) ${ratio >= 0.7 ? 'MET' : 'NOT MET'}`,
  );
}
