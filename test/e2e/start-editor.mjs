// `npm run editor`: the same real editor the end-to-end test uses, with the packaged extension and
// seeds/ open, for curators who do not have VS Code. Stop it with Ctrl+C.
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, installEditor, packageExtension, repoRoot, startEditor } from './editor.mjs';

const cache = installEditor();
const vsix = packageExtension(mkdtempSync(join(tmpdir(), 'trial-records-vsix-')));
const workspace = mkdtempSync(join(tmpdir(), 'trial-records-seeds-'));
cpSync(join(repoRoot, 'seeds'), workspace, { recursive: true });
const port = Number(process.env.PORT) || (await freePort());
const editor = await startEditor({ cache, vsix, workspace, port });
console.log(
  `\nTrial Records is running in a real VS Code (code-server):\n\n  ${editor.url}/?folder=${encodeURIComponent(workspace)}\n\nOpen that address in your browser. The seeds are a copy in ${workspace}. Press Ctrl+C to stop.\n`,
);
const stop = () => {
  editor.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
setInterval(() => undefined, 1 << 30);
