// The CLI under inputs built to break it (issue 19): each ends within seconds with a clear finding
// or config error, never a stack trace, a hang or a process grown by gigabytes, and the other
// records of the run keep their findings.
import { afterAll, describe, expect, it } from 'vitest';
import { closeSync, mkdirSync, openSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { corpusRecord, planted } from '../unit/rules/fixtures';
import { MAX_SARIF_RESULTS } from '../../server/src/formatters/sarif';
import { CLI, removeTemporaryFolders, runCli, temporaryFolder, TODAY } from './helpers';

afterAll(removeTemporaryFolders);

const RECORD = corpusRecord('NCT03418623');
const KEYWORDS = '/protocolSection/conditionsModule/keywords';

/** A folder with an ordinary record, `other.trial.json`, and the given files. */
function folderWith(files: Record<string, string | Uint8Array | object>): string {
  const folder = temporaryFolder('trial-hostile-');
  writeFileSync(
    join(folder, 'other.trial.json'),
    JSON.stringify(planted(RECORD, { '/protocolSection/designModule/phases': ['Phase 2'] }), null, 2),
  );
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(folder, name, '..'), { recursive: true });
    writeFileSync(
      join(folder, name),
      typeof content === 'string' || content instanceof Uint8Array ? content : JSON.stringify(content),
    );
  }
  return folder;
}

interface JsonReport {
  files: Array<{ path: string; diagnostics: Array<{ ruleId: string; message: string }> }>;
}

function lintJson(
  folder: string,
  extra: string[] = [],
  input?: string,
): { report: JsonReport; stderr: string; code: number | null; ms: number } {
  const started = Date.now();
  const { stdout, stderr, code } = runCli(['lint', '.', '--format', 'json', '--today', TODAY, ...extra], folder, input);
  return {
    report: stdout ? (JSON.parse(stdout) as JsonReport) : { files: [] },
    stderr,
    code,
    ms: Date.now() - started,
  };
}

function ruleIdsOf(report: JsonReport, path: string): string[] {
  return report.files.find((file) => file.path === path)?.diagnostics.map((d) => d.ruleId) ?? [];
}

function messagesOf(report: JsonReport, path: string, ruleId: string): string[] {
  return (
    report.files
      .find((file) => file.path === path)
      ?.diagnostics.filter((d) => d.ruleId === ruleId)
      .map((d) => d.message) ?? []
  );
}

const NO_STACK_TRACE = /\n\s+at .*:\d+/;

describe('records that overflowed the stack', () => {
  it('a record with 130,000 keywords gets its findings, and the other records and the SARIF file keep theirs', () => {
    const keywords = Array.from({ length: 130000 }, (_, i) => `k${i % 2}`);
    const folder = folderWith({ 'many.trial.json': planted(RECORD, { [KEYWORDS]: keywords }) });
    const started = Date.now();
    const { code, stderr } = runCli(
      ['lint', '.', '--format', 'sarif', '--output', 'report.sarif', '--today', TODAY],
      folder,
    );
    expect(Date.now() - started).toBeLessThan(30000);
    expect(stderr).not.toMatch(NO_STACK_TRACE);
    expect(code).toBe(1);
    const sarif = JSON.parse(readFileSync(join(folder, 'report.sarif'), 'utf8')) as {
      runs: Array<{
        results: Array<{
          ruleId: string;
          locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }>;
        }>;
        invocations: Array<{ toolExecutionNotifications: Array<{ message: { text: string } }> }>;
      }>;
    };
    const results = sarif.runs[0].results;
    const inFile = (name: string) =>
      results.filter((result) => result.locations[0].physicalLocation.artifactLocation.uri.endsWith(name));
    // SARIF keeps the most severe findings up to code scanning's limit and counts the others.
    expect(results).toHaveLength(MAX_SARIF_RESULTS);
    expect(inFile('other.trial.json').map((result) => result.ruleId)).toContain('schema');
    expect(inFile('many.trial.json').filter((result) => result.ruleId === 'duplicate-values').length).toBeGreaterThan(
      20000,
    );
    expect(sarif.runs[0].invocations[0].toolExecutionNotifications[0].message.text).toMatch(/^10\d{4} findings \(/);
  }, 60000);
});

describe('team schemas', () => {
  it('a catastrophic pattern (^(a+)+$ on 40 letters and a "!") is checked in linear time', () => {
    const folder = folderWith({
      '.trialrc.json': { schemas: ['team.schema.json'] },
      'team.schema.json': {
        'x-rule-id': 'team-acronym',
        properties: {
          protocolSection: {
            properties: { identificationModule: { properties: { acronym: { pattern: '^(a+)+$' } } } },
          },
        },
      },
      'hostile.trial.json': planted(RECORD, { '/protocolSection/identificationModule/acronym': `${'a'.repeat(40)}!` }),
    });
    const { report, code, ms } = lintJson(folder);
    expect(ms).toBeLessThan(15000);
    expect(code).toBe(1);
    expect(messagesOf(report, 'hostile.trial.json', 'team-acronym')).toEqual([
      expect.stringMatching(/"a{40}!" does not have the expected form/),
    ]);
    expect(ruleIdsOf(report, 'other.trial.json')).toContain('schema');
  }, 30000);

  it('a schema whose check grows as the square of a list (uniqueItems, untyped) is stopped at ruleTimeout; other records get its findings', () => {
    const keywords = Array.from({ length: 60000 }, (_, i) => `keyword ${i}`);
    const folder = folderWith({
      '.trialrc.json': { schemas: ['team.schema.json'], ruleTimeout: 300 },
      'team.schema.json': {
        'x-rule-id': 'team-house-style',
        properties: {
          protocolSection: {
            properties: {
              conditionsModule: { properties: { keywords: { uniqueItems: true } } },
              identificationModule: { properties: { acronym: { pattern: '^[A-Z]+$' } } },
            },
          },
        },
      },
      'long.trial.json': planted(RECORD, { [KEYWORDS]: keywords }),
      'lower.trial.json': planted(RECORD, { '/protocolSection/identificationModule/acronym': 'calgb' }),
    });
    const { report, code, ms } = lintJson(folder);
    expect(ms).toBeLessThan(15000);
    expect(code).toBe(1);
    expect(messagesOf(report, 'long.trial.json', 'rule-error')).toEqual([
      expect.stringMatching(
        /^Checking this record against team schema .*team\.schema\.json took longer than 300 ms \("ruleTimeout"\) and was stopped; its findings are missing\.$/,
      ),
    ]);
    expect(messagesOf(report, 'lower.trial.json', 'team-house-style')).toEqual([
      expect.stringMatching(/"calgb" does not have the expected form/),
    ]);
  }, 30000);

  it('a pattern RE2 cannot run (a backreference) is a config error naming it', () => {
    const folder = folderWith({
      '.trialrc.json': { schemas: ['team.schema.json'] },
      'team.schema.json': {
        properties: {
          protocolSection: {
            properties: { identificationModule: { properties: { acronym: { pattern: '^(a)\\1$' } } } },
          },
        },
      },
    });
    const { stderr, code } = lintJson(folder);
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /config error: Team schema .*team\.schema\.json cannot be compiled: the pattern "\^\(a\)\\\\1\$" cannot be checked in linear time .*RE2/,
    );
    expect(stderr).not.toMatch(NO_STACK_TRACE);
  });
});

describe('files a config names', () => {
  it.each([
    [
      '"extends": "/dev/zero"',
      { extends: '/dev/zero' },
      /Config file \/dev\/zero \(extended from .*\.trialrc\.json\) is not a regular file/,
    ],
    [
      '"extends": "/dev/stdin"',
      { extends: '/dev/stdin' },
      /Config file \/dev\/stdin \(extended from .*\.trialrc\.json\) is not a regular file/,
    ],
    ['"schemas": ["/dev/zero"]', { schemas: ['/dev/zero'] }, /Team schema \/dev\/zero is not a regular file/],
    [
      '"customRules": ["/dev/zero"]',
      { customRules: ['/dev/zero'] },
      /Custom rule file \/dev\/zero is not a regular file/,
    ],
    ['"extends" a folder', { extends: './folder' }, /is a folder, not a file/],
  ])('%s is a config error, read not at all', (_name, config, message) => {
    const folder = folderWith({ '.trialrc.json': config, 'folder/keep.txt': '' });
    const { stderr, code, ms } = lintJson(folder, [], '{"waiting": "for input"}');
    expect(ms).toBeLessThan(10000);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(NO_STACK_TRACE);
  });

  it('a config over the size limit says the limit', () => {
    const folder = folderWith({ '.trialrc.json': `{"rules": {}${' '.repeat(1024 * 1024)}}` });
    const { stderr, code } = lintJson(folder);
    expect(code).toBe(2);
    expect(stderr).toMatch(/Config file .*\.trialrc\.json is 1 MB, above the 1 MB limit for such files/);
  });

  it('a team schema nested 100,000 levels deep is a config error', () => {
    const folder = folderWith({
      '.trialrc.json': { schemas: ['deep.schema.json'] },
      'deep.schema.json': `${'{"not":'.repeat(100000)}{}${'}'.repeat(100000)}`,
    });
    const { stderr, code } = lintJson(folder);
    expect(code).toBe(2);
    expect(stderr).toMatch(/Team schema .*deep\.schema\.json (is nested too deeply to read|cannot be compiled)/);
    expect(stderr).not.toMatch(NO_STACK_TRACE);
  });

  it('a customRules glob over unreadable folders skips them and says so', () => {
    // /proc/1/map_files cannot be listed, even by root.
    const folder = folderWith({ '.trialrc.json': { customRules: ['/proc/1/**/*.mjs'] } });
    const { stderr, code, ms } = lintJson(folder);
    expect(ms).toBeLessThan(15000);
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /"customRules" pattern \/proc\/1\/\*\*\/\*\.mjs matches no \.js or \.mjs file \(\d+ folders? could not be read and (was|were) skipped: \/proc\/1\/\S+ \(EACCES\)/,
    );
    expect(stderr).not.toMatch(NO_STACK_TRACE);
  });
});

describe('folder walks', () => {
  it('skip folders they cannot read, with one note naming them, and check the records they can', () => {
    // /proc/1 holds folders that cannot be listed, even by root (fdinfo, map_files).
    const folder = folderWith({});
    const { report, stderr, code } = lintJson(folder, ['/proc/1']);
    expect(stderr).toMatch(/^trial-records: skipped \d+ folders? that cannot be read: \/proc\/1\/\S+ \(EACCES\)/m);
    expect(stderr).not.toMatch(NO_STACK_TRACE);
    expect(code).toBe(1);
    expect(ruleIdsOf(report, 'other.trial.json')).toContain('schema');
  });
});

describe('custom rules that take too much memory', () => {
  const HOG = `const kept = [];
export default { meta: { id: 'memory-hog', severity: 'warning', description: 'fills its heap' }, check() { for (;;) kept.push(new Array(100000).fill(Math.random())); } };`;
  const KEEPER = `const kept = [];
export default { meta: { id: 'buffer-keeper', severity: 'warning', description: 'keeps a buffer per record' }, check() { kept.push(Buffer.alloc(48 * 1024 * 1024)); } };`;
  const FINE = `export default { meta: { id: 'fine-rule', severity: 'warning', description: 'reports once' }, check(context) { context.report({ pointer: '', message: 'The fine rule ran.' }); } };`;

  it('are stopped at the memory limit and reported by name; the worker is replaced, the other rules and records are checked', () => {
    const folder = folderWith({
      '.trialrc.json': { customRules: ['rules/*.mjs'], ruleTimeout: 60000, ruleMemoryLimit: 32 },
      'rules/hog.mjs': HOG,
      'rules/keeper.mjs': KEEPER,
      'rules/fine.mjs': FINE,
      'second.trial.json': RECORD,
    });
    const { report, code, ms, stderr } = lintJson(folder);
    expect(stderr).toBe('');
    expect(ms).toBeLessThan(20000);
    expect(code).toBe(1);
    for (const path of ['other.trial.json', 'second.trial.json']) {
      const ruleErrors = messagesOf(report, path, 'rule-error');
      expect(ruleErrors).toContainEqual(
        expect.stringMatching(
          /^Rule "memory-hog" failed: ran out of memory \(above the 32 MB limit, "ruleMemoryLimit"\) and was stopped; its worker was ended and replaced/,
        ),
      );
      expect(ruleErrors).toContainEqual(
        expect.stringMatching(/^Rule "buffer-keeper" failed: left its worker holding \d+ MB, above the 32 MB limit/),
      );
      expect(messagesOf(report, path, 'fine-rule')).toEqual(['The fine rule ran.']);
    }
  }, 40000);

  it('a rule module that fills its heap while loading is a config error saying so', () => {
    const folder = folderWith({
      '.trialrc.json': { customRules: ['rules/*.mjs'], ruleMemoryLimit: 32 },
      'rules/loading-hog.mjs': `const kept = [];
for (;;) kept.push(new Array(100000).fill(1));
export default { meta: { id: 'never-loaded', severity: 'warning', description: 'never gets here' }, check() {} };`,
    });
    const { stderr, code, ms } = lintJson(folder);
    expect(ms).toBeLessThan(15000);
    expect(code).toBe(2);
    expect(stderr).toBe(
      'trial-records: config error: Custom rules could not be loaded: loading them took more than the 32 MB limit ("ruleMemoryLimit").\n',
    );
  });

  it('"ruleMemoryLimit" below 16 MB is a config error', () => {
    const folder = folderWith({ '.trialrc.json': { ruleMemoryLimit: 4 } });
    const { stderr, code } = lintJson(folder);
    expect(code).toBe(2);
    expect(stderr).toMatch(/"ruleMemoryLimit" must be a number of megabytes, at least 16/);
  });
});

describe('encodings', () => {
  it('a UTF-8 file whose second byte is 0 is a syntax problem, not UTF-16; real UTF-16 without a byte-order mark still is', () => {
    const folder = folderWith({
      'nul.trial.json': new Uint8Array([0x7b, 0x00, 0x7d]),
      'nul-even.trial.json': new Uint8Array([0x7b, 0x00, 0x22, 0x61, 0x22, 0x3a, 0x31, 0x7d]),
      'utf16le.trial.json': new Uint8Array(Buffer.from('{"a": 1}', 'utf16le')),
    });
    const { report } = lintJson(folder);
    expect(messagesOf(report, 'nul.trial.json', 'syntax')).toContain('A NUL byte is not allowed in a JSON text.');
    expect(messagesOf(report, 'nul-even.trial.json', 'syntax')).toContain('A NUL byte is not allowed in a JSON text.');
    expect(messagesOf(report, 'utf16le.trial.json', 'syntax')).toEqual([
      'Not UTF-8: the text is UTF-16 (little-endian); save it as UTF-8.',
    ]);
  });
});

describe('records that are not files to read', () => {
  it('a device, a named pipe and a 200 MB file are refused without reading them; the other records are checked', () => {
    const folder = folderWith({ 'huge.trial.json': '' });
    truncateSync(join(folder, 'huge.trial.json'), 200 * 1024 * 1024);
    spawnSync('mkfifo', [join(folder, 'pipe.trial.json')]);
    const started = Date.now();
    const { stdout, stderr, code } = runCli(
      [
        'lint',
        '/dev/zero',
        'pipe.trial.json',
        'huge.trial.json',
        'other.trial.json',
        '--format',
        'json',
        '--today',
        TODAY,
      ],
      folder,
    );
    expect(Date.now() - started).toBeLessThan(15000);
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /Not a regular file \(a device, pipe or socket\): \/dev\/zero; to lint standard input, use --stdin\./,
    );
    expect(stderr).toMatch(/Not a regular file \(a device, pipe or socket\): .*pipe\.trial\.json/);
    expect(stderr).toMatch(/huge\.trial\.json is 200 MB, above the 128 MB limit for records; it was not read\./);
    expect(ruleIdsOf(JSON.parse(stdout) as JsonReport, 'other.trial.json')).toContain('schema');
  });

  it('--stdin reads at most the record limit: /dev/zero as standard input is refused', () => {
    const folder = folderWith({});
    const zero = openSync('/dev/zero', 'r');
    try {
      const result = spawnSync(process.execPath, [CLI, 'lint', '--stdin'], {
        cwd: folder,
        stdio: [zero, 'pipe', 'pipe'],
        encoding: 'utf8',
        timeout: 20000,
      });
      expect(result.status).toBe(2);
      expect(result.stderr).toBe(
        'trial-records: Standard input is over the 128 MB limit for records; it was not read to the end.\n',
      );
    } finally {
      closeSync(zero);
    }
  });

  it('importing a dump nested 100,000 levels deep says so instead of overflowing', () => {
    const folder = folderWith({
      'dump.json': `{"protocolSection":{"identificationModule":{"nctId":"NCT01234567"},"x":${'['.repeat(100000)}${']'.repeat(100000)}}}`,
    });
    const { stderr, code } = runCli(['import', 'dump.json', '-o', 'out'], folder);
    expect(code).toBe(1);
    expect(stderr).toMatch(/NCT01234567\.trial\.json: cannot write it: it is nested too deeply to write/);
    expect(stderr).not.toMatch(NO_STACK_TRACE);
  });
});
