// Node's compile cache (Node 22.1+): a process starts from the code V8 compiled in an earlier run,
// kept in the system's temporary folder (NODE_DISABLE_COMPILE_CACHE=1 turns it off). The commands'
// launchers turn it on before they load their bundle, which an import would load first; workers get
// it through NODE_COMPILE_CACHE. Older Node has no such cache, and nothing changes there.
import * as nodeModule from 'node:module';

interface WithCompileCache {
  enableCompileCache?: () => { directory?: string };
}

export function enableCompileCache(): void {
  const { directory } = (nodeModule as WithCompileCache).enableCompileCache?.() ?? {};
  if (directory !== undefined) process.env.NODE_COMPILE_CACHE ??= directory;
}
