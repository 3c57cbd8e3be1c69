import { defineConfig } from 'vitest/config';

// Pure tests (codecs, input parsing, summaries) run on their own, without
// Java; the integration tests get a fresh build of src/ and the local servers.
const UNIT = [
  'test/formats/**/*.test.ts',
  'test/parsing/**/*.test.ts',
  'test/inputs*.test.ts',
  'test/action-yml.test.ts',
  'test/report.test.ts',
  'test/summary*.test.ts',
  'test/readme.test.ts',
  'test/scripts.test.ts',
  'test/aws/**/*.test.ts',
  'test/structure.test.ts',
  'test/inputs/**/*.test.ts',
  'test/verify/equality.test.ts',
  'test/verify/partition.test.ts',
  'test/verify/key-inputs.test.ts',
  'test/**/*.unit.test.ts',
  'test/verify/pace.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 180_000,
    projects: [
      { extends: true, test: { name: 'unit', include: UNIT } },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/**/*.test.ts'],
          exclude: UNIT,
          globalSetup: ['test/global-setup.ts'],
        },
      },
    ],
  },
});
