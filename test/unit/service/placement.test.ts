// A guard on where findings are placed: every corpus record (the accepted and partial ones and the
// 820 of the registry sample), pretty-printed and minified, validated from its text and through the
// CLI's reading of its bytes, gives the findings (rule, severity, message, pointer, range, related
// ranges) recorded in placement-baseline.json, and a few broken, duplicate-key and odd texts give
// the findings written out there in full. The baseline was recorded before the placing code was
// rewritten. When a rule change (not the placing) changes findings on purpose, record it again:
// UPDATE_PLACEMENT_BASELINE=1 npx vitest run --config test/vitest.config.mts test/unit/service/placement.test.ts
import { afterAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RecordLinter } from '../../../server/src/cli/linter';
import { validateText } from '../../../server/src/service/validate';
import { builtinRules } from '../../../server/src/rules';
import type { Finding } from '../../../server/src/service/types';
import { CORPUS_DIR, corpusRecord } from '../rules/fixtures';

const TODAY = '2026-11-24';
const BASELINE_FILE = join(__dirname, 'placement-baseline.json');
const UPDATE = process.env.UPDATE_PLACEMENT_BASELINE === '1';

interface Baseline {
  /** Per record: the hash of its findings pretty-printed, then minified. */
  records: Record<string, string>;
  /** Small texts and their findings in full. */
  texts: Record<string, { text: string; findings: unknown[]; cliFindings?: unknown[] }>;
}

/** What a finding says and where; fixes aside (the CLI's reading drops them). */
function essentials(findings: readonly Finding[]): unknown[] {
  return findings.map((finding) => ({
    ruleId: finding.ruleId,
    severity: finding.severity,
    message: finding.message,
    pointer: finding.pointer,
    range: finding.range,
    related: finding.related?.map((item) => ({ pointer: item.pointer, message: item.message, range: item.range })),
  }));
}

function hashOf(findings: readonly Finding[]): string {
  return createHash('sha256')
    .update(JSON.stringify(essentials(findings)))
    .digest('base64url')
    .slice(0, 16);
}

function corpusFiles(): Array<{ name: string; text: string }> {
  return ['ctgov-v2', 'ctgov-v2-partial', 'registry-sample'].flatMap((folder) =>
    readdirSync(join(CORPUS_DIR, folder))
      .filter((file) => file.endsWith('.json'))
      .sort()
      .map((file) => ({ name: `${folder}/${file}`, text: readFileSync(join(CORPUS_DIR, folder, file), 'utf8') })),
  );
}

/** Broken JSON, repeated keys and texts that are hard to place in, built from one real record. */
function oddTexts(): Record<string, string> {
  const record = corpusRecord('NCT03418623');
  const pretty = JSON.stringify(record, null, 2);
  const identification = pretty.indexOf('"identificationModule": {') + '"identificationModule": {'.length;
  const design = pretty.indexOf('"designModule": {') + '"designModule": {'.length;
  return {
    'trailing comma': pretty.replace('\n    },\n', ',\n    },\n'),
    'unclosed object': pretty.slice(0, pretty.length - 2),
    'missing comma': pretty.replace('"briefTitle"', '"x": 1 "briefTitle"'),
    empty: '   \n',
    'byte-order mark': '\ufeff' + pretty,
    'duplicate keys':
      pretty.slice(0, identification) +
      '\n    "nctId": "NCT00000000",' +
      pretty.slice(identification, design) +
      '\n      "phases": ["PHASE2"],' +
      pretty.slice(design),
    'duplicate key minified': JSON.stringify(record).replace(
      '{"protocolSection":{',
      '{"protocolSection":{"statusModule":{},',
    ),
    'duplicate escaped key':
      '{"protocolSection": {"a\\u0062": 1, "ab": 2, "sponsorCollaboratorsModule": {"leadSponsor": {"name": 7}}}}',
    'numeric keys':
      '{"protocolSection": {"identificationModule": {"2": 1, "nctId": 5, "10": [1]}, "designModule": {"phases": "PHASE9"}}}',
    'crlf and tabs': pretty.replace(/\n/g, '\r\n').replace(/ {2}/g, '\t'),
    'bare carriage returns': pretty.replace(/\n/g, '\r'),
    'characters outside the BMP': pretty
      .replace('"briefTitle": "', '"briefTitle": "😀😀 é – ')
      .replace('"officialTitle": "', '"officialTitle": "\\u00e9\\ud83d\\ude00 '),
    'missing sections':
      '{"protocolSection": {"identificationModule": {"nctId": "NCT1"}, "statusModule": {"overallStatus": 5}}, "resultsSection": []}',
    'not an object': '[1, 2, {"a": 3}]',
  };
}

const folder = mkdtempSync(join(tmpdir(), 'trial-placement-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** The findings of each text as the CLI reports them when it needs no fixes (the many-files path). */
function cliFindings(texts: ReadonlyArray<{ name: string; text: string }>): Map<string, Finding[]> {
  const linter = new RecordLinter({ cwd: folder, today: TODAY, fix: false, keepTextAndFixes: false });
  const result = new Map<string, Finding[]>();
  texts.forEach(({ name, text }, i) => {
    const path = join(folder, `${i}.trial.json`);
    writeFileSync(path, text);
    const outcome = linter.lintPath(path);
    if ('unreadable' in outcome) throw new Error(`${name}: ${outcome.unreadable}`);
    result.set(name, outcome.file.findings);
  });
  linter.dispose();
  return result;
}

function currentBaseline(): Baseline {
  const variants = corpusFiles().flatMap(({ name, text }) => [
    { name: `${name} pretty`, text },
    { name: `${name} minified`, text: JSON.stringify(JSON.parse(text)) },
  ]);
  const odd = Object.entries(oddTexts()).map(([name, text]) => ({ name, text }));
  const fromBytes = cliFindings([...variants, ...odd]);
  const records: Record<string, string> = {};
  for (const { name, text } of variants) {
    const findings = validateText(text, { today: TODAY, rules: builtinRules });
    const hash = hashOf(findings);
    const bytesHash = hashOf(fromBytes.get(name)!);
    // Both readings agree (a test of their own before this one); should they not, both are kept.
    const entry = hash === bytesHash ? hash : `${hash} bytes:${bytesHash}`;
    const record = name.replace(/ (pretty|minified)$/, '');
    records[record] = records[record] ? `${records[record]} ${entry}` : entry;
  }
  const texts: Baseline['texts'] = {};
  for (const { name, text } of odd) {
    const findings = essentials(validateText(text, { today: TODAY, rules: builtinRules })).slice(0, 40);
    // The CLI reads a file with a byte-order mark without it (and does not warn).
    const cliFindings = essentials(fromBytes.get(name)!).slice(0, 40);
    const differs = JSON.stringify(cliFindings) !== JSON.stringify(findings);
    texts[name] = {
      text: text.length > 400 ? `(${text.length} characters)` : text,
      findings,
      ...(differs ? { cliFindings } : {}),
    };
  }
  return { records, texts };
}

describe('placing findings', () => {
  it('gives the recorded findings for every corpus record, pretty-printed and minified, and for odd texts', () => {
    const current = currentBaseline();
    if (UPDATE || !existsSync(BASELINE_FILE)) {
      writeFileSync(BASELINE_FILE, JSON.stringify(current, null, 1) + '\n');
      return;
    }
    const recorded = JSON.parse(readFileSync(BASELINE_FILE, 'utf8')) as Baseline;
    expect(Object.keys(current.records).length).toBeGreaterThanOrEqual(820 + 39);
    const changed = Object.keys(recorded.records).filter((name) => current.records[name] !== recorded.records[name]);
    expect(changed, 'records whose findings changed').toEqual([]);
    for (const [name, expected] of Object.entries(recorded.texts)) expect(current.texts[name], name).toEqual(expected);
  }, 300_000);
});
