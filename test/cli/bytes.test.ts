// The CLI reads findings off a record's bytes when it needs neither fixes nor texts (see
// utf8Document.ts): the same findings, ranges and messages as reading the decoded text, for every
// corpus record pretty-printed and minified, and for files the byte reading hands back.
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RecordLinter, withoutFixes, type LintOutcome } from '../../server/src/cli/linter';
import { removeTemporaryFolders, temporaryFolder, TODAY } from './helpers';
import { corpusTexts } from '../unit/rules/fixtures';


afterAll(removeTemporaryFolders);

function findingsOf(outcome: LintOutcome) {
  if ('unreadable' in outcome) return outcome;
  return outcome.file.findings.map(withoutFixes);
}

describe('findings read off the bytes', () => {
  it('are those of the decoded text, for the corpus pretty-printed and minified, and for files read the usual way', () => {
    const folder = temporaryFolder('trial-bytes-');
    const paths: string[] = [];
    for (const { name, text } of corpusTexts()) {
      for (const [kind, content] of [
        ['pretty', text],
        ['minified', JSON.stringify(JSON.parse(text))],
      ]) {
        const path = join(folder, `${name.replace('/', '-').replace(/\.json$/, '')}-${kind}.trial.json`);
        writeFileSync(path, content);
        paths.push(path);
      }
    }
    for (const [name, bytes] of [
      ['bom', Buffer.from('\ufeff{"protocolSection": {"identificationModule": {"briefTitle": "Étude"}}}', 'utf8')],
      ['latin1', Buffer.from('{"protocolSection": {"identificationModule": {"briefTitle": "Étude"}}}', 'latin1')],
      ['broken', Buffer.from('{"protocolSection": {"identificationModule": {"briefTitle": "Étude",}}}', 'utf8')],
      ['escaped', Buffer.from('{"protocolSection": {"identificationModule": {"briefTitle": "\\u00c9tude – 2"}}}', 'utf8')],
    ] as const) {
      const path = join(folder, `${name}.trial.json`);
      writeFileSync(path, new Uint8Array(bytes));
      paths.push(path);
    }
    const fromBytes = new RecordLinter({
      cwd: folder,
      today: TODAY,
      fix: false,
      keepTextAndFixes: false,
    });
    const fromText = new RecordLinter({
      cwd: folder,
      today: TODAY,
      fix: false,
      keepTextAndFixes: true,
    });
    let findings = 0;
    for (const path of paths) {
      const direct = findingsOf(fromBytes.lintPath(path));
      expect(direct, path).toEqual(findingsOf(fromText.lintPath(path)));
      findings += Array.isArray(direct) ? direct.length : 1;
    }
    expect(paths.length).toBe(2 * 39 + 4);
    expect(findings).toBeGreaterThan(200);
  });
});
