// The shape issue 11 asks of src/: engines never import each other, codecs
// know nothing of AWS or the runner, one retry module, and no import cycles.

import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './action-yml.js';

const SRC = join(ROOT, 'src');

function sourceFiles(folder = SRC): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Each file's imports of other files in src/, as paths relative to src/. */
const graph = new Map(
  sourceFiles().map((file) => {
    const text = readFileSync(file, 'utf8');
    const imports = [...text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+'(\.[^']+)'/gm)]
      .map((m) => relative(SRC, resolve(dirname(file), (m[1] ?? '').replace(/\.js$/, '.ts'))))
      .filter((target) => !target.startsWith('..'));
    return [relative(SRC, file), imports] as const;
  }),
);

describe('the shape of src/', () => {
  it('reads every module', () => {
    expect(graph.size).toBeGreaterThan(60);
  });

  it('managed/ imports nothing from direct/, and direct/ nothing from managed/', () => {
    const crossing = [...graph].flatMap(([file, imports]) =>
      imports
        .filter(
          (target) =>
            (file.startsWith('managed/') && target.startsWith('direct/')) ||
            (file.startsWith('direct/') && target.startsWith('managed/')),
        )
        .map((target) => `${file} -> ${target}`),
    );
    expect(crossing).toEqual([]);
  });

  it('codecs know nothing of AWS or @actions/core', () => {
    const aware = sourceFiles(join(SRC, 'formats')).filter((file) =>
      /from '(@aws-sdk\/client-|@actions\/core|\.\.\/aws\/)/.test(
        readFileSync(file, 'utf8').replace(/import type[^;]+;/g, ''),
      ),
    );
    expect(aware.map((file) => relative(SRC, file))).toEqual([]);
  });

  it('has no import cycles', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'visiting' | 'done'>();
    const visit = (file: string, path: string[]): void => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'visiting') {
        cycles.push([...path.slice(path.indexOf(file)), file].join(' -> '));
        return;
      }
      state.set(file, 'visiting');
      for (const target of graph.get(file) ?? []) visit(target, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of graph.keys()) visit(file, []);
    expect(cycles).toEqual([]);
  });

  it('has one retry module: no other module lists retryable errors', () => {
    const listing = [...graph.keys()].filter(
      (file) =>
        file !== 'aws/retry.ts' &&
        /'ProvisionedThroughputExceededException'/.test(readFileSync(join(SRC, file), 'utf8')),
    );
    expect(listing).toEqual([]);
  });
});
