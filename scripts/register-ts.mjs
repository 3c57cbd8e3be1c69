// Lets Node run the TypeScript in scripts/, bench/ and test/ helpers directly:
// Node 24 strips the types, and this maps the `./x.js` imports that TypeScript
// requires to the `./x.ts` files that exist.
//
// The namespace import, rather than `import { registerHooks }`, lets an older
// Node (which has no registerHooks) load this file and be told that Node 24 is
// needed, instead of failing with a SyntaxError about a missing export.
import * as nodeModule from 'node:module';
import process from 'node:process';
import { nodeProblem } from './node-check.mjs';

const problem = nodeProblem(process.version, typeof nodeModule.registerHooks === 'function');
if (problem !== undefined) {
  process.stderr.write(`${problem}\n`);
  process.exit(1);
}

nodeModule.registerHooks({
  resolve(specifier, context, nextResolve) {
    try {
      return nextResolve(specifier, context);
    } catch (error) {
      if (error?.code === 'ERR_MODULE_NOT_FOUND' && specifier.startsWith('.') && specifier.endsWith('.js')) {
        return nextResolve(`${specifier.slice(0, -3)}.ts`, context);
      }
      throw error;
    }
  },
});
