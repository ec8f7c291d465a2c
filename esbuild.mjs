// Bundles the extension client, the language server, the CLI and the RuleTester into dist/, after
// generating the study schema's validator (schemas/src/validator.mjs) that the server and CLI bundle.
// Usage: node esbuild.mjs [--watch] [--production]
import { context } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { generateStudyValidator } from './schemas/src/validator.mjs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const entries = [
  { in: 'client/src/extension.ts', out: 'client', external: ['vscode'] },
  { in: 'server/src/server.ts', out: 'server-main' },
  { in: 'server/src/cli.ts', out: 'cli' },
  // The entries people run: each turns on Node's compile cache, then loads its bundle (not bundled into it).
  { in: 'server/src/serverBin.ts', out: 'server', external: ['./server-main.js'] },
  { in: 'server/src/bin.ts', out: 'trial-records', external: ['./cli.js'] },
  { in: 'server/src/testing.ts', out: 'testing' },
  { in: 'server/src/cli/worker.ts', out: 'lint-worker' },
  { in: 'server/src/config/ruleWorker.ts', out: 'rule-worker' },
  { in: 'server/src/config/teamSchemaWorker.ts', out: 'team-schema-worker' },
].filter((entry) => existsSync(entry.in));

await generateStudyValidator();

const contexts = await Promise.all(
  entries.map((entry) =>
    context({
      entryPoints: { [entry.out]: entry.in },
      outdir: 'dist',
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      sourcemap: !production,
      minify: production,
      external: entry.external ?? [],
      // jsonc-parser's UMD build loads its parts with a dynamic require that a bundle cannot follow.
      mainFields: ['module', 'main'],
      logLevel: 'warning',
      legalComments: 'none',
    }),
  ),
);

// xmllint-wasm (the PRS XSD check of `export --to prs`) starts libxml2 in a worker file that it looks for
// next to the code that loads it, and that worker loads the WebAssembly beside itself: both go into dist/.
mkdirSync('dist', { recursive: true });
for (const file of ['xmllint-node.js', 'xmllint.wasm'])
  copyFileSync(`node_modules/xmllint-wasm/${file}`, `dist/${file}`);

if (watch) {
  await Promise.all(contexts.map((ctx) => ctx.watch()));
  console.log(`watching ${entries.map((e) => e.in).join(', ')}`);
} else {
  await Promise.all(contexts.map((ctx) => ctx.rebuild()));
  await Promise.all(contexts.map((ctx) => ctx.dispose()));
}
