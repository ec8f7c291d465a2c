#!/usr/bin/env node
// The `trial-records` command (dist/trial-records.js). Under Node 22.1 and later it first turns on
// Node's compile cache, so that a run starts from the code V8 compiled in an earlier one (kept in
// the system's temporary folder; NODE_DISABLE_COMPILE_CACHE=1 turns it off): loading the CLI bundle
// is about 15 ms of a short run. The cache is turned on before the bundle loads, and handed to the
// lint workers through NODE_COMPILE_CACHE. Older Node runs the CLI as it is.
import * as nodeModule from 'node:module';

interface CompileCache {
  enableCompileCache?: () => { directory?: string };
}

const { directory } = (nodeModule as CompileCache).enableCompileCache?.() ?? {};
if (directory !== undefined) process.env.NODE_COMPILE_CACHE ??= directory;

// Loaded only now, so that the cache is on when it is compiled (an import would come first).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const cli = require('./cli.js') as typeof import('./cli');
cli.runCommandLine();
