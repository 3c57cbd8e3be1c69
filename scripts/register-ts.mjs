// Lets Node run the TypeScript in scripts/, bench/ and test/ helpers directly:
// Node 24 strips the types, and this maps the `./x.js` imports that TypeScript
// requires to the `./x.ts` files that exist.
import { registerHooks } from 'node:module';

registerHooks({
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
