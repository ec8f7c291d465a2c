// Document symbols, folding, selection ranges, formatting and links.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { documentSymbols } from '../../../server/src/service/symbols';
import { foldingRanges, selectionRanges } from '../../../server/src/service/structure';
import { formatDocument, FormatRefused } from '../../../server/src/service/format';
import { documentLinks } from '../../../server/src/service/links';
import { TrialDocument } from '../../../server/src/service/document';
import { applyTextEdits, recordWithCursor } from './cursor';
import { CORPUS_DIR, corpusRecord } from '../rules/fixtures';

const text = readFileSync(join(CORPUS_DIR, 'ctgov-v2', 'NCT03418623.json'), 'utf8');
const document = new TrialDocument(text, 1, 'file:///NCT03418623.json');

describe('document symbols', () => {
  const symbols = documentSymbols(document);
  const protocol = symbols.find((symbol) => symbol.name === 'protocolSection')!;
  const arms = protocol.children!.find((symbol) => symbol.name === 'armsInterventionsModule')!;

  it('lists the sections, then the modules with their titles', () => {
    expect(symbols.map((symbol) => symbol.name)).toEqual(['protocolSection', 'derivedSection', 'hasResults']);
    expect(protocol.children!.map((symbol) => symbol.name)).toContain('eligibilityModule');
    expect(arms.detail).toMatch(/[Aa]rms/);
  });

  it('names arms, interventions and outcomes by their labels', () => {
    const armGroups = arms.children!.find((symbol) => symbol.name === 'armGroups')!;
    expect(armGroups.children!.map((symbol) => symbol.name)).toEqual(['GET73', 'Placebo']);
    const interventions = arms.children!.find((symbol) => symbol.name === 'interventions')!;
    expect(interventions.children!.map((symbol) => symbol.name)).toEqual(['Drug: GET73', 'Other: Placebo']);
    const outcomes = protocol
      .children!.find((symbol) => symbol.name === 'outcomesModule')!
      .children!.find((symbol) => symbol.name === 'primaryOutcomes')!;
    expect(outcomes.children![0].name).toBe(
      corpusRecord('NCT03418623').protocolSection.outcomesModule.primaryOutcomes[0].measure,
    );
  });
});

describe('folding and selection', () => {
  it('folds every multi-line object and array, keeping the closing line visible', () => {
    const ranges = foldingRanges(document);
    const lines = text.split('\n');
    expect(ranges[0]).toEqual({ startLine: 0, endLine: lines.length - 2 });
    const armGroups = lines.findIndex((line) => line.includes('"armGroups"'));
    expect(
      ranges.some((range) => range.startLine === armGroups && lines[range.endLine + 1].trim().startsWith(']')),
    ).toBe(true);
  });

  it('grows the selection from the string content to the property, its object and up to the record', () => {
    const marked = recordWithCursor('"masking": "QUADRUPLE"', '"masking": "QUAD|RUPLE"');
    const [selection] = selectionRanges(marked.document, [marked.position]);
    const texts: string[] = [];
    for (let current: typeof selection | undefined = selection; current; current = current.parent) {
      texts.push(
        marked.document.text.slice(
          marked.document.offsetAt(current.range.start),
          marked.document.offsetAt(current.range.end),
        ),
      );
    }
    expect(texts.slice(0, 3)).toEqual(['QUADRUPLE', '"QUADRUPLE"', '"masking": "QUADRUPLE"']);
    expect(texts[texts.length - 1]).toBe(marked.document.text);
  });
});

describe('formatting', () => {
  it("formats a minified record with the editor's tab size and keeps its content", () => {
    const minified = new TrialDocument(JSON.stringify(corpusRecord('NCT03418623')), 1);
    const formatted = applyTextEdits(minified, formatDocument(minified, { tabSize: 4, insertSpaces: true }));
    expect(formatted).toBe(JSON.stringify(corpusRecord('NCT03418623'), null, 4));
  });

  it('formats only the given range', () => {
    const messy = new TrialDocument('{"a": {"b":1,   "c":[1,2]},\n"d":   true}', 1);
    const edits = formatDocument(
      messy,
      { tabSize: 2, insertSpaces: true },
      { start: { line: 0, character: 6 }, end: { line: 0, character: 26 } },
    );
    const result = applyTextEdits(messy, edits);
    expect(result.endsWith('"d":   true}')).toBe(true);
    expect(JSON.parse(result)).toEqual(JSON.parse(messy.text));
  });

  it('indents the lines of a range by their depth in the record, and changes nothing outside it', () => {
    const lines = [
      '{',
      '  "protocolSection": {',
      '    "identificationModule": {',
      '      "nctId": "N",',
      '      "organization": {',
      '      "fullName": "H",',
      '      "class": "OTHER"',
      '      },',
      '      "briefTitle": "A"',
      '    }',
      '  }',
      '}',
    ];
    const messy = new TrialDocument(lines.join('\n'), 1);
    const result = applyTextEdits(
      messy,
      formatDocument(
        messy,
        { tabSize: 2, insertSpaces: true },
        { start: { line: 5, character: 0 }, end: { line: 7, character: 0 } },
      ),
    ).split('\n');
    expect(result.slice(5, 7)).toEqual(['        "fullName": "H",', '        "class": "OTHER"']);
    expect([...result.slice(0, 5), ...result.slice(7)]).toEqual([...lines.slice(0, 5), ...lines.slice(7)]);
  });

  it('refuses, with the reason, text whose indentation alone would exhaust memory, and formats deep but sane text', () => {
    expect(() =>
      formatDocument(new TrialDocument('['.repeat(20000) + ']'.repeat(20000)), { tabSize: 2, insertSpaces: true }),
    ).toThrow(FormatRefused);
    expect(() => formatDocument(new TrialDocument('{"a":'.repeat(20000)), { tabSize: 2, insertSpaces: true })).toThrow(
      /nested too deeply to format/,
    );
    const deep = new TrialDocument(`{"note": "${'['.repeat(20000)}", "list": ${'['.repeat(200)}${']'.repeat(200)}}`);
    const formatted = applyTextEdits(deep, formatDocument(deep, { tabSize: 2, insertSpaces: true }));
    // 200 levels deep: a line indented by exactly 200 spaces, where jsonc-parser 3.3.1 alone writes "undefined".
    expect(formatted).toBe(JSON.stringify(JSON.parse(deep.text), null, 2));
    expect(applyTextEdits(deep, formatDocument(deep, { tabSize: 4, insertSpaces: false }))).toBe(
      JSON.stringify(JSON.parse(deep.text), null, '\t'),
    );
  });
});

describe('document links', () => {
  it('links NCT numbers to the registry and web addresses to themselves', () => {
    const links = documentLinks(
      new TrialDocument(
        '{"protocolSection": {"identificationModule": {"nctId": "NCT03418623"}, "referencesModule": {"seeAlsoLinks": [{"url": "https://example.org/study."}]}}}',
      ),
    );
    expect(links.map((link) => link.target)).toEqual([
      'https://clinicaltrials.gov/study/NCT03418623',
      'https://example.org/study',
    ]);
  });
});
