// Protocol tests: the real server (`node dist/server.js --stdio`) spoken to over JSON-RPC, as any
// LSP client would.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileUri, positionOf, TestClient } from './client';
import { corpusRecord, planted } from '../unit/rules/fixtures';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction } from 'vscode-languageserver-types';

const SEED = join(__dirname, '..', '..', 'seeds', 'NCT06375005.trial.json');
let client: TestClient;
let folder: string;

/** The seed record with a planted phase typo and an arm label that names no arm. */
function defectiveSeed(): string {
  const record = JSON.parse(readFileSync(SEED, 'utf8'));
  record.protocolSection.designModule.phases = ['Phase 2'];
  record.protocolSection.armsInterventionsModule.interventions[0].armGroupLabels[0] = 'No such arm';
  return JSON.stringify(record, null, 2) + '\n';
}

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'trial-lsp-'));
  client = await TestClient.start({ rootPath: folder });
});

afterAll(async () => {
  await client?.stop();
});

describe('initialize', () => {
  it('names the server and its version, the one in package.json', () => {
    const { version } = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'));
    expect(client.initializeResult?.serverInfo).toEqual({ name: 'trial-records', version });
  });
});

describe('diagnostics', () => {
  it('publishes diagnostics for an opened seed record, with rule ids, ranges and related information', async () => {
    const uri = fileUri(join(folder, 'seed.trial.json'));
    const text = defectiveSeed();
    client.open(uri, text);
    const published = await client.diagnostics(uri);
    expect(published.version).toBe(1);
    const phase = published.diagnostics.find(
      (diagnostic) => diagnostic.code === 'schema' && diagnostic.message.includes('PHASE2'),
    )!;
    expect(phase.range.start).toEqual(positionOf(text, '"Phase 2"'));
    expect(phase.source).toBe('trial-records');
    expect(phase.data).toEqual({ ruleId: 'schema', pointer: '/protocolSection/designModule/phases/0' });
    expect(published.diagnostics.some((diagnostic) => diagnostic.code === 'arm-label-reference')).toBe(true);
  });

  it('answers pull diagnostics when the client offers them, and then does not push them too (a client would show them twice)', async () => {
    const project = mkdtempSync(join(tmpdir(), 'trial-lsp-pull-'));
    const pulling = await TestClient.start({ rootPath: project, pull: true });
    try {
      expect(pulling.initializeResult?.capabilities.diagnosticProvider).toBeDefined();
      const uri = fileUri(join(project, 'seed.trial.json'));
      pulling.open(uri, defectiveSeed());
      const report = await pulling.request<{ kind: string; items: Array<{ code: string }> }>(
        'textDocument/diagnostic',
        { textDocument: { uri } },
      );
      expect(report.kind).toBe('full');
      expect(report.items.map((item) => item.code)).toEqual(expect.arrayContaining(['schema', 'arm-label-reference']));
      // The debounced validation has run by now: it told the client it validated, and published nothing.
      await waitFor(() =>
        pulling.notifications.some((notification) => notification.method === 'trialRecords/validated'),
      );
      expect(pulling.published.filter((published) => published.uri === uri)).toEqual([]);
      writeFileSync(join(project, '.trialrc.json'), JSON.stringify({ rules: { schema: 'off' } }));
      void pulling.connection.sendNotification('workspace/didChangeWatchedFiles', {
        changes: [{ uri: fileUri(join(project, '.trialrc.json')), type: 1 }],
      });
      await waitFor(() => pulling.diagnosticRefreshes > 0);
      const after = await pulling.request<{ items: Array<{ code: string }> }>('textDocument/diagnostic', {
        textDocument: { uri },
      });
      expect(after.items.map((item) => item.code)).not.toContain('schema');
    } finally {
      await pulling.stop();
    }
    expect(client.initializeResult?.capabilities.diagnosticProvider).toBeUndefined();
  });

  it('after 50 rapid edits, the last published diagnostics belong to the last text', async () => {
    const uri = fileUri(join(folder, 'burst.trial.json'));
    const base = corpusRecord('NCT03418623');
    client.open(uri, JSON.stringify(base, null, 2));
    await client.diagnostics(uri);
    let lastVersion = 0;
    for (let edit = 1; edit <= 50; edit++) {
      const phases = edit === 50 ? ['PHASE1', 'PHASE3'] : [`PHASE${(edit % 4) + 1}`];
      lastVersion = client.change(
        uri,
        JSON.stringify(planted(base, { '/protocolSection/designModule/phases': phases }), null, 2),
      );
    }
    const published = await client.diagnostics(uri, (candidate) => candidate.version === lastVersion);
    expect(published.diagnostics.map((diagnostic) => diagnostic.code)).toContain('phase-combination');
    await new Promise((resolve) => setTimeout(resolve, 500));
    const last = client.published.filter((candidate) => candidate.uri === uri).at(-1)!;
    expect(last.version).toBe(lastVersion);
  });

  it('clears diagnostics when a record is closed', async () => {
    const uri = fileUri(join(folder, 'seed.trial.json'));
    client.close(uri);
    const published = await client.diagnostics(uri, (candidate) => candidate.diagnostics.length === 0);
    expect(published.diagnostics).toEqual([]);
  });
});

describe('editor features', () => {
  const uri = () => fileUri(join(folder, 'features.trial.json'));
  const text = JSON.stringify(corpusRecord('NCT03418623'), null, 2);

  beforeAll(async () => {
    client.open(uri(), text);
    await client.diagnostics(uri());
  });

  it('completes enum values', async () => {
    const list = await client.request<{ items: Array<{ label: string; detail?: string }> }>('textDocument/completion', {
      textDocument: { uri: uri() },
      position: positionOf(text, '"PHASE2"', 1),
    });
    expect(list.items.find((item) => item.label === '"PHASE3"')?.detail).toBe('Phase 3');
  });

  it('hovers a key with its title and official link', async () => {
    const hover = await client.request<{ contents: { value: string } }>('textDocument/hover', {
      textDocument: { uri: uri() },
      position: positionOf(text, '"phases"', 2),
    });
    expect(hover.contents.value).toMatch(/\*\*Study phase\*\*/);
    expect(hover.contents.value).toContain('protocol-definitions#StudyPhase');
    // The required-fields rule's table, which the server hands to the service.
    expect(hover.contents.value).toMatch(/Expected for interventional studies/);
  });

  it('goes to an arm from a reference, finds its references, and renames it everywhere', async () => {
    const reference = positionOf(text, '"armGroupLabels": [\n            "Placebo"', 40);
    const definition = await client.request<Array<{ range: { start: { line: number } } }>>('textDocument/definition', {
      textDocument: { uri: uri() },
      position: reference,
    });
    expect(definition[0].range.start).toEqual(positionOf(text, '"Placebo"'));
    const references = await client.request<unknown[]>('textDocument/references', {
      textDocument: { uri: uri() },
      position: reference,
      context: { includeDeclaration: true },
    });
    expect(references).toHaveLength(2);
    const highlights = await client.request<Array<{ range: { start: unknown }; kind: number }>>(
      'textDocument/documentHighlight',
      { textDocument: { uri: uri() }, position: reference },
    );
    expect(highlights.map((highlight) => [highlight.range.start, highlight.kind])).toEqual([
      [positionOf(text, '"Placebo"'), 3],
      [positionOf(text, '"armGroupLabels": [\n            "Placebo"', 32), 2],
    ]);
    const edit = await client.request<{ changes: Record<string, Array<{ newText: string }>> }>('textDocument/rename', {
      textDocument: { uri: uri() },
      position: reference,
      newName: 'Sugar pill',
    });
    expect(edit.changes[uri()].map((change) => change.newText)).toEqual(['"Sugar pill"', '"Sugar pill"']);
  });

  it('refuses to rename elsewhere, with a reason', async () => {
    await expect(
      client.request('textDocument/prepareRename', {
        textDocument: { uri: uri() },
        position: positionOf(text, '"studyType"', 2),
      }),
    ).rejects.toMatchObject({ code: -32803, message: expect.stringMatching(/Only arm labels and intervention names/) });
  });

  it('lists document symbols and formats with the requested indentation', async () => {
    const symbols = await client.request<Array<{ name: string }>>('textDocument/documentSymbol', {
      textDocument: { uri: uri() },
    });
    expect(symbols.map((symbol) => symbol.name)).toEqual(['protocolSection', 'derivedSection', 'hasResults']);
    const edits = await client.request<unknown[]>('textDocument/formatting', {
      textDocument: { uri: uri() },
      options: { tabSize: 4, insertSpaces: true },
    });
    expect(edits.length).toBeGreaterThan(100);
  });

  it('offers the quick fix for a phase typo and the fix-all source action', async () => {
    const typoUri = fileUri(join(folder, 'typo.trial.json'));
    const typo = JSON.stringify(
      planted(corpusRecord('NCT03418623'), {
        '/protocolSection/designModule/phases': ['Phase 2'],
        '/protocolSection/designModule/designInfo/maskingInfo/masking': 'SINGLE',
      }),
      null,
      2,
    );
    client.open(typoUri, typo);
    const published = await client.diagnostics(typoUri);
    const diagnostic = published.diagnostics.find((candidate) => candidate.code === 'schema')!;
    const actions = await client.request<Array<{ title: string; kind: string }>>('textDocument/codeAction', {
      textDocument: { uri: typoUri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    });
    expect(actions.map((action) => action.title)).toContain('Replace with "PHASE2"');
    // The schema is not one click away from being turned off under its own fix.
    expect(actions.map((action) => action.title).filter((title) => title.startsWith('Turn off'))).toEqual([]);
    const masking = published.diagnostics.find((candidate) => candidate.code === 'masking-roles')!;
    const maskingActions = await client.request<Array<{ title: string }>>('textDocument/codeAction', {
      textDocument: { uri: typoUri },
      range: masking.range,
      context: { diagnostics: [masking] },
    });
    // No config applies in this folder: the client can create files, so the rule can be turned off in a new one.
    expect(maskingActions.map((action) => action.title)).toContain(
      'Turn off "masking-roles" for this record (in a new .trialrc.json)',
    );
    const fixAll = await client.request<Array<{ kind: string }>>('textDocument/codeAction', {
      textDocument: { uri: typoUri },
      range: diagnostic.range,
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    expect(fixAll.map((action) => action.kind)).toEqual(['source.fixAll.trialRecords']);
  });
});

describe('a raw line break in a text value', () => {
  it('is one diagnostic, whose quick fix and fix-all escape it back to valid JSON', async () => {
    const seed = readFileSync(SEED, 'utf8');
    const criteria = seed.indexOf('"eligibilityCriteria"');
    const lineBreak = seed.indexOf('\\n', criteria);
    const broken = seed.slice(0, lineBreak) + '\n' + seed.slice(lineBreak + 2);
    const uri = fileUri(join(folder, 'raw-break.trial.json'));
    client.open(uri, broken);
    const syntax = (await client.diagnostics(uri)).diagnostics.filter((diagnostic) => diagnostic.code === 'syntax');
    expect(syntax.map((diagnostic) => diagnostic.message)).toEqual([
      'Line break inside a text value: write it as \\n.',
    ]);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: syntax[0].range,
      context: { diagnostics: syntax },
    });
    const escape = actions.find((action) => action.title === 'Escape line breaks and tabs in text values')!;
    expect(escape.isPreferred).toBe(true);
    expect(applied(broken, escape)).toBe(seed);
    const [fixAll] = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: syntax[0].range,
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    expect(JSON.parse(applied(broken, fixAll)).protocolSection.eligibilityModule).toEqual(
      JSON.parse(seed).protocolSection.eligibilityModule,
    );
  });
});

/** The text after a code action's edits to it. */
function applied(text: string, action: CodeAction): string {
  const edits = Object.values(action.edit?.changes ?? {}).flat();
  return TextDocument.applyEdits(TextDocument.create('file:///record.trial.json', 'trial-record', 1, text), edits);
}

describe('bad input', () => {
  const cases: Array<[string, string]> = [
    ['empty', ''],
    ['not JSON', 'Brief title: a study of things'],
    ['NUL bytes', '{"protocolSection": {\u0000}}'],
    ['a BOM', '\ufeff' + JSON.stringify(corpusRecord('NCT03418623'))],
    ['100,000-deep nesting', '['.repeat(100000) + ']'.repeat(100000)],
  ];

  it.each(cases)('answers %s with diagnostics, and keeps serving other records', async (name, text) => {
    const uri = fileUri(join(folder, `${name.replace(/\W+/g, '-')}.trial.json`));
    client.open(uri, text);
    const published = await client.diagnostics(uri);
    expect(published.diagnostics.length).toBeGreaterThan(0);
    const hover = await client.request('textDocument/hover', {
      textDocument: { uri },
      position: { line: 0, character: 1 },
    });
    expect(hover === null || typeof hover === 'object').toBe(true);
    const other = fileUri(join(folder, `after-${name.replace(/\W+/g, '-')}.trial.json`));
    client.open(
      other,
      JSON.stringify(
        planted(corpusRecord('NCT03418623'), { '/protocolSection/designModule/phases': ['PHASE1', 'PHASE3'] }),
      ),
    );
    expect((await client.diagnostics(other)).diagnostics.map((diagnostic) => diagnostic.code)).toContain(
      'phase-combination',
    );
  });

  it('checks only the syntax of a 50 MB record, and says so', async () => {
    const uri = fileUri(join(folder, 'huge.trial.json'));
    const record = JSON.stringify(corpusRecord('NCT02513394'));
    const copies = Math.ceil((50 * 1024 * 1024) / record.length);
    const text = `{"copies": [${new Array(copies).fill(record).join(',')}]}`;
    expect(text.length).toBeGreaterThan(50 * 1024 * 1024);
    client.open(uri, text);
    const published = await client.diagnostics(uri, undefined, 60000);
    expect(published.diagnostics.map((diagnostic) => diagnostic.message)).toEqual([
      expect.stringMatching(/only its JSON syntax was checked/),
    ]);
    const symbols = await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } });
    expect(symbols).toEqual([]);
    client.close(uri);
  }, 120000);
});

async function waitFor(condition: () => boolean, timeoutMs = 10000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('rule docs one click away', () => {
  it('links a finding hover to a client command when asked to, and answers that command with the rule docs', async () => {
    const vscodeLike = await TestClient.start({
      rootPath: folder,
      initializationOptions: { ruleDocsCommand: 'trialRecords.showRuleDocs' },
    });
    try {
      const uri = fileUri(join(folder, 'docs.trial.json'));
      const text = JSON.stringify(
        planted(corpusRecord('NCT03418623'), {
          '/protocolSection/designModule/designInfo/maskingInfo/masking': 'SINGLE',
        }),
        null,
        2,
      );
      vscodeLike.open(uri, text);
      const masking = (await vscodeLike.diagnostics(uri)).diagnostics.find(
        (diagnostic) => diagnostic.code === 'masking-roles',
      )!;
      const hover = await vscodeLike.request<{ contents: { value: string } }>('textDocument/hover', {
        textDocument: { uri },
        position: masking.range.start,
      });
      const link = `command:trialRecords.showRuleDocs?${encodeURIComponent(JSON.stringify([uri, 'masking-roles']))}`;
      expect(hover.contents.value).toContain(`([why and how to fix](${link}))`);
      const docs = await vscodeLike.request<string>('trialRecords/ruleDocs', { uri, ruleId: 'masking-roles' });
      expect(docs).toMatch(/^# `masking-roles`\n\n/);
      expect(docs).toContain('Severity: error.');
      expect(hover.contents.value).not.toContain(docs.split('\n\n')[2]);
    } finally {
      await vscodeLike.stop();
    }
  });
});

describe('clients other than VS Code', () => {
  it('get plain-text completions when they take no snippets', async () => {
    const plain = await TestClient.start({ rootPath: folder, snippets: false });
    try {
      const uri = fileUri(join(folder, 'plain.trial.json'));
      const text = '{"protocolSection": {"armsInterventionsModule": {"armGroups": [\n  \n]}}}';
      plain.open(uri, text);
      await plain.diagnostics(uri);
      const list = await plain.request<{
        items: Array<{ label: string; insertTextFormat?: number; textEdit?: { newText: string } }>;
      }>('textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 2 } });
      expect(list.items.map((item) => item.label)).toContain('New arm group');
      for (const item of list.items) {
        expect(item.insertTextFormat, item.label).not.toBe(2);
        expect(item.textEdit?.newText ?? '', item.label).not.toMatch(/\$\{?\d/);
      }
    } finally {
      await plain.stop();
    }
  });

  it('are asked to watch configs and custom rules, and a changed config re-checks the open records', async () => {
    const project = mkdtempSync(join(tmpdir(), 'trial-lsp-watch-'));
    const watching = await TestClient.start({ rootPath: project, watchFiles: true });
    try {
      const uri = fileUri(join(project, 'a.trial.json'));
      watching.open(
        uri,
        JSON.stringify(
          planted(corpusRecord('NCT03418623'), { '/protocolSection/designModule/phases': ['Phase 2'] }),
          null,
          2,
        ),
      );
      expect((await watching.diagnostics(uri)).diagnostics.map((diagnostic) => diagnostic.code)).toContain('schema');
      const registration = watching.registrations.find(
        (candidate) => candidate.method === 'workspace/didChangeWatchedFiles',
      );
      expect(registration?.registerOptions).toEqual({
        watchers: [{ globPattern: '**/.trialrc.json' }, { globPattern: '**/*.{js,mjs,cjs}' }],
      });
      writeFileSync(join(project, '.trialrc.json'), JSON.stringify({ rules: { schema: 'off' } }));
      void watching.connection.sendNotification('workspace/didChangeWatchedFiles', {
        changes: [{ uri: fileUri(join(project, '.trialrc.json')), type: 1 }],
      });
      const after = await watching.diagnostics(
        uri,
        (published) => !published.diagnostics.some((diagnostic) => diagnostic.code === 'schema'),
      );
      expect(after.diagnostics.map((diagnostic) => diagnostic.code)).not.toContain('schema');
    } finally {
      await watching.stop();
    }
    expect(client.registrations.map((candidate) => candidate.method)).not.toContain('workspace/didChangeWatchedFiles');
  });
});

describe('team config', () => {
  it('reports a broken .trialrc.json on the config file and falls back to the default rules', async () => {
    const project = mkdtempSync(join(tmpdir(), 'trial-lsp-config-'));
    writeFileSync(join(project, '.trialrc.json'), '{\n  "rules": { "phase-combinaton": "warn" }\n}\n');
    const configClient = await TestClient.start({ rootPath: project });
    try {
      const uri = fileUri(join(project, 'a.trial.json'));
      configClient.open(
        uri,
        JSON.stringify(
          planted(corpusRecord('NCT03418623'), { '/protocolSection/designModule/phases': ['PHASE1', 'PHASE3'] }),
          null,
          2,
        ),
      );
      const record = await configClient.diagnostics(uri);
      expect(record.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(
        expect.arrayContaining(['config-error', 'phase-combination']),
      );
      const config = await configClient.diagnostics(fileUri(join(project, '.trialrc.json')));
      expect(config.diagnostics[0].message).toMatch(
        /Unknown rule "phase-combinaton"; did you mean "phase-combination"\?/,
      );
      expect(config.diagnostics[0].range.start).toEqual({ line: 1, character: 13 });
    } finally {
      await configClient.stop();
    }
  });
});
