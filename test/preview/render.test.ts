// The preview renderer on real records: every seed and five accepted registry records (three with
// results). Expectations are computed from each record itself, so every test reads real content.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderBody, renderPreview, type PreviewProblem } from '../../client/src/preview/render';
import { INTERVENTION_TYPE_LABELS } from '../../server/src/rules/study';
import { validateText } from '../../server/src/service/validate';
import armLabelReference from '../../server/src/rules/arm-label-reference';
import interventionNameReference from '../../server/src/rules/intervention-name-reference';
import { corpusRecord, planted } from '../unit/rules/fixtures';
import { repoRoot, TODAY } from './browser';
import { between, decode, elementsWithClass, sectionOf, tableRows, textOf } from './markup';

type Json = Record<string, any>;

const SEED_FILES = readdirSync(join(repoRoot, 'seeds')).filter((file) => file.endsWith('.trial.json'));
const CORPUS_IDS = [
  'NCT02210780',
  'NCT02552212',
  'NCT05594173',
  'NCT03418623',
  'NCT04207047',
  'NCT03630471',
  'NCT00763412',
];
const RECORDS: [string, Json][] = [
  ...SEED_FILES.map((file): [string, Json] => [
    `seed ${file}`,
    JSON.parse(readFileSync(join(repoRoot, 'seeds', file), 'utf8')),
  ]),
  ...CORPUS_IDS.map((id): [string, Json] => [`corpus ${id}`, corpusRecord(id)]),
];
const DATE_KEYS = [
  'startDateStruct',
  'primaryCompletionDateStruct',
  'completionDateStruct',
  'studyFirstPostDateStruct',
  'resultsFirstPostDateStruct',
  'lastUpdatePostDateStruct',
];

function page(record: unknown, problems: PreviewProblem[] = []): string {
  return renderPreview(record, { mode: 'export', today: TODAY, problems, css: 'body{}' });
}

function mentionsOf(record: Json) {
  const module = record.protocolSection?.armsInterventionsModule ?? {};
  const arms: Json[] = module.armGroups ?? [];
  const interventions: Json[] = module.interventions ?? [];
  const references = interventions.map((i) => `${INTERVENTION_TYPE_LABELS[i.type]}: ${i.name}`);
  let linked = 0;
  arms.forEach((arm) =>
    interventions.forEach((intervention, index) => {
      if (
        (arm.interventionNames ?? []).includes(references[index]) &&
        (intervention.armGroupLabels ?? []).includes(arm.label)
      )
        linked++;
    }),
  );
  return { arms, interventions, linked };
}

describe('renderer on seeds and registry records', () => {
  it('covers every seed and at least two records with results', () => {
    expect(SEED_FILES.length).toBeGreaterThanOrEqual(5);
    expect(RECORDS.filter(([, record]) => record.resultsSection).length).toBeGreaterThanOrEqual(2);
  });

  describe.each(RECORDS)('%s', (_name, record) => {
    const html = page(record);
    const identification = record.protocolSection.identificationModule ?? {};

    it('shows the brief title, the NCT number and the official title', () => {
      // A seed built from a registry page may lack the brief title: the heading says so instead.
      expect(
        decode(
          between(html, '<h1 id="brief-title"', '</h1>')
            .replace(/^[^>]*>/, '')
            .replace('</h1>', ''),
        ),
      ).toBe(identification.briefTitle ?? 'No brief title');
      const masthead = textOf(between(html, '<header class="masthead"', '</header>'));
      if (identification.nctId) expect(masthead).toContain(identification.nctId);
      else expect(masthead).toContain('No NCT number yet');
      if (identification.officialTitle && identification.officialTitle !== identification.briefTitle)
        expect(masthead).toContain(identification.officialTitle.replace(/\s+/g, ' ').trim());
      expect(textOf(between(html, '<title>', '</title>'))).toContain(
        (identification.briefTitle ?? identification.nctId).slice(0, 40),
      );
    });

    it('puts every arm and every intervention in the one matrix, with each mutual link ticked', () => {
      const { arms, interventions, linked } = mentionsOf(record);
      expect(html.split('<table class="matrix">').length - 1).toBe(arms.length || interventions.length ? 1 : 0);
      if (!arms.length && !interventions.length)
        return expect(textOf(sectionOf(html, 'arms'))).toContain('No arms or interventions in the record.');
      const matrix = between(html, '<table class="matrix">', '</table>');
      const rows = tableRows(matrix);
      const rowHeads = rows.slice(1).map((row) => row[0]);
      for (const arm of arms)
        expect(rowHeads.some((head) => head.endsWith(arm.label.replace(/\s+/g, ' ').trim()))).toBe(true);
      const columnHeads = rows[0].slice(1);
      expect(columnHeads).toHaveLength(interventions.length);
      interventions.forEach((intervention, index) => expect(columnHeads[index]).toContain(intervention.name));
      expect(elementsWithClass(matrix, 'linked')).toHaveLength(linked);
      // The registry accepted these records: no reference of theirs is broken.
      expect(elementsWithClass(matrix, 'broken')).toHaveLength(0);
    });

    it('draws and lists every key date with its type', () => {
      const timeline = sectionOf(html, 'timeline');
      const status = record.protocolSection.statusModule ?? {};
      const dates = DATE_KEYS.filter((key) => status[key]?.date);
      expect(dates.length).toBeGreaterThan(0);
      const listed = elementsWithClass(timeline, 'date');
      expect(listed.map((item) => item.pointer)).toEqual(dates.map((key) => `/protocolSection/statusModule/${key}`));
      dates.forEach((key, index) => {
        expect(listed[index].text).toContain(status[key].date);
        const type =
          status[key].type === 'ACTUAL' ? 'Actual' : status[key].type === 'ESTIMATED' ? 'Estimated' : 'type not given';
        expect(listed[index].text).toContain(type);
      });
      for (const chart of ['wide', 'compact']) {
        const svg = between(timeline, `<svg class="timeline-chart ${chart}"`, '</svg>');
        const events = [...svg.matchAll(/<g class="event (actual|estimated|untyped)" data-pointer="([^"]+)">/g)];
        expect(events.map((event) => event[2]).sort()).toEqual(
          dates.map((key) => `/protocolSection/statusModule/${key}`).sort(),
        );
        for (const event of events) {
          const key = event[2].split('/').pop()!;
          expect(event[1]).toBe(
            status[key].type === 'ACTUAL' ? 'actual' : status[key].type === 'ESTIMATED' ? 'estimated' : 'untyped',
          );
        }
        expect(svg).toContain('<g class="today">');
      }
      // The wide chart names each date next to its marker.
      const wide = between(timeline, '<svg class="timeline-chart wide"', '</svg>');
      const labelled = [...wide.matchAll(/<text class="event-date"[^>]*>([^<]*)<\/text>/g)].map((match) =>
        decode(match[1]),
      );
      expect(labelled.sort()).toEqual(dates.map((key) => status[key].date).sort());
    });

    it('lists every outcome measure under its kind', () => {
      const outcomes = record.protocolSection.outcomesModule;
      const section = sectionOf(html, 'outcomes');
      const all = ['primaryOutcomes', 'secondaryOutcomes', 'otherOutcomes'].flatMap((key) => outcomes?.[key] ?? []);
      if (all.length === 0) return expect(textOf(section)).toContain('No outcome measures in the record.');
      for (const key of ['primaryOutcomes', 'secondaryOutcomes', 'otherOutcomes']) {
        (outcomes[key] ?? []).forEach((outcome: Json, index: number) => {
          const item = between(section, `<li data-pointer="/protocolSection/outcomesModule/${key}/${index}">`, '</li>');
          expect(textOf(item)).toContain(outcome.measure.replace(/\s+/g, ' ').trim());
          if (outcome.timeFrame)
            expect(textOf(item)).toContain(`Time frame: ${outcome.timeFrame.replace(/\s+/g, ' ').trim()}`);
        });
      }
      expect(textOf(between(section, '<h2>', '</h2>'))).toBe(`Outcome measures ${all.length}`);
    });

    it('groups the locations by country with their counts', () => {
      const locations: Json[] = record.protocolSection.contactsLocationsModule?.locations ?? [];
      const section = sectionOf(html, 'locations');
      const expected = new Map<string, number>();
      for (const location of locations)
        expected.set(
          location.country ?? 'Country not given',
          (expected.get(location.country ?? 'Country not given') ?? 0) + 1,
        );
      const shown = [
        ...section.matchAll(/<span class="country-name">([^<]*)<\/span> <span class="count">(\d+)<\/span>/g),
      ].map((match) => [decode(match[1]), Number(match[2])]);
      expect(new Map(shown as [string, number][])).toEqual(expected);
      if (locations.length) expect(textOf(between(section, '<h2>', '</h2>'))).toContain(`${locations.length} site`);
      for (const location of locations.filter((l) => l.facility))
        expect(textOf(section)).toContain(location.facility.trim());
    });

    it('shows the plan for sharing participant data, with the documents and where to ask', () => {
      const sharing = record.protocolSection.ipdSharingStatementModule;
      if (!sharing) return expect(html).not.toContain('<section id="ipd-sharing"');
      const section = sectionOf(html, 'ipd-sharing');
      expect(textOf(section)).toContain(
        `Plan to share ${{ YES: 'Yes', NO: 'No', UNDECIDED: 'Undecided' }[sharing.ipdSharing as string]}`,
      );
      for (const key of ['description', 'timeFrame', 'accessCriteria', 'url'])
        if (sharing[key]) expect(textOf(section)).toContain(sharing[key].replace(/\s+/g, ' ').trim());
      const documents = elementsWithClass(section, 'chip');
      expect(documents.map((chip) => chip.pointer)).toEqual(
        (sharing.infoTypes ?? []).map(
          (_: string, index: number) => `/protocolSection/ipdSharingStatementModule/infoTypes/${index}`,
        ),
      );
      if (sharing.url) expect(section).toContain(`<a href="${sharing.url}">`);
    });

    it('shows the eligibility facts and renders the criteria Markdown', () => {
      const eligibility = record.protocolSection.eligibilityModule;
      const section = sectionOf(html, 'eligibility');
      if (eligibility.minimumAge) expect(textOf(section)).toContain(eligibility.minimumAge);
      if (eligibility.maximumAge) expect(textOf(section)).toContain(eligibility.maximumAge);
      if (eligibility.healthyVolunteers !== undefined)
        expect(textOf(section)).toContain(`Accepts healthy volunteers ${eligibility.healthyVolunteers ? 'Yes' : 'No'}`);
      const criteria = between(section, '<div class="markdown criteria"', '</div>');
      expect(criteria).toMatch(/<(ul|ol)>/);
      expect(criteria).toContain('<li>');
      expect(textOf(criteria)).toMatch(/inclusion criteria|eligibility criteria/i);
    });
  });
});

describe('display labels', () => {
  it('shows codes with the registry labels', () => {
    const html = page(corpusRecord('NCT02210780'));
    const masthead = textOf(between(html, '<header class="masthead"', '</header>'));
    expect(masthead).toContain('Completed');
    expect(masthead).toContain('Phase 2');
    expect(masthead).not.toContain('PHASE2');
    const design = textOf(sectionOf(html, 'design'));
    expect(design).toContain('Masking Triple (Participant, Investigator, Outcomes Assessor)');
    expect(design).toContain('Intervention model Parallel Assignment');
    expect(design).toContain('Enrollment 194 (Actual)');
    const seed = page(JSON.parse(readFileSync(join(repoRoot, 'seeds', 'NCT07423533.trial.json'), 'utf8')));
    expect(textOf(between(seed, '<header class="masthead"', '</header>'))).toContain('Not yet recruiting');
    expect(textOf(sectionOf(seed, 'design'))).toContain(
      'Masking Quadruple (Participant, Care Provider, Investigator, Outcomes Assessor)',
    );
  });

  it('shows an unknown code as written', () => {
    const html = page(planted(corpusRecord('NCT02210780'), { '/protocolSection/designModule/phases/0': 'Phase 2b' }));
    expect(textOf(between(html, '<span class="badge phase"', '</span>'))).toBe('Phase 2b');
  });
});

describe('broken references', () => {
  const seed = JSON.parse(readFileSync(join(repoRoot, 'seeds', 'NCT06375005.trial.json'), 'utf8'));
  const record = planted(seed, {
    '/protocolSection/armsInterventionsModule/interventions/0/armGroupLabels/0': 'Mycophenolate Mofetil + Telitacicep',
    '/protocolSection/armsInterventionsModule/armGroups/1/interventionNames/0': 'Drug: MMF',
  });
  const text = JSON.stringify(record, null, 2);
  const findings = validateText(text, { today: TODAY, rules: [armLabelReference, interventionNameReference] }).filter(
    (finding) => finding.ruleId === armLabelReference.meta.id || finding.ruleId === interventionNameReference.meta.id,
  );
  const problems: PreviewProblem[] = findings.map((finding) => ({
    severity: finding.severity,
    message: finding.message,
    ruleId: finding.ruleId,
    pointer: finding.pointer,
    line: finding.range.start.line + 1,
  }));
  const html = page(record, problems);
  const matrix = between(html, '<table class="matrix">', '</table>');

  it('marks exactly the references the rules report', () => {
    expect(findings).toHaveLength(2);
    const broken = elementsWithClass(matrix, 'broken').filter((element) => element.tag === 'td');
    expect(broken.map((cell) => cell.pointer).sort()).toEqual(findings.map((finding) => finding.pointer).sort());
  });

  it('adds a row for the arm that does not exist and a column for the intervention that does not exist', () => {
    const heads = elementsWithClass(matrix, 'broken').filter((element) => element.tag === 'th');
    expect(heads.map((head) => head.text)).toEqual([
      'no such intervention Drug: MMF',
      'no such arm Mycophenolate Mofetil + Telitacicep',
    ]);
    // Telitacicept no longer lists the first arm, which still names it; the second arm no longer
    // names Mycophenolate Mofetil, which still lists it: in both cells only one side remains.
    const oneSided = elementsWithClass(matrix, 'one-sided');
    expect(oneSided.map((cell) => cell.pointer)).toEqual([
      '/protocolSection/armsInterventionsModule/armGroups/0/interventionNames/0',
      '/protocolSection/armsInterventionsModule/interventions/1/armGroupLabels/1',
    ]);
    expect(textOf(sectionOf(html, 'arms'))).toContain('2 broken references');
  });

  it('lists the findings in the problems strip and flags the section', () => {
    const strip = between(html, '<aside class="problems"', '</aside>');
    for (const finding of findings) expect(textOf(strip)).toContain(finding.message);
    expect(elementsWithClass(strip, 'problem').map((item) => item.pointer)).toEqual(
      [...problems].sort((a, b) => a.line - b.line).map((problem) => problem.pointer),
    );
    expect(sectionOf(html, 'arms')).toMatch(/^<section id="arms" class="card has-error"/);
    expect(sectionOf(html, 'design')).toMatch(/^<section id="design" class="card"/);
  });
});

describe('odd shapes', () => {
  const WRONG_VALUES: unknown[] = [null, 0, 'text', true, [], [null, 1, 'x'], {}];
  const base = corpusRecord('NCT02210780');

  function renders(record: unknown): string {
    const html = renderPreview(record, { mode: 'export', today: TODAY, css: '' });
    expect(html).toContain('id="brief-title"');
    expect(html, 'every section handles the shape itself').not.toContain('render-error');
    return html;
  }

  it.each([
    undefined,
    null,
    42,
    'a string',
    [],
    [{ protocolSection: {} }],
    {},
    { protocolSection: [] },
    { protocolSection: 'x' },
  ])('renders a notice for a top level of %j', (value) => {
    expect(renders(value)).toContain('class="notice"');
  });

  it('renders the sharing plan and the results tables with their fields of the wrong type', () => {
    const sharing = planted(base, {
      '/protocolSection/ipdSharingStatementModule': {
        ipdSharing: 'YES',
        description: 'd',
        infoTypes: ['SAP'],
        timeFrame: 't',
        accessCriteria: 'a',
        url: 'https://example.org/',
      },
    });
    const fields = [
      ...['ipdSharing', 'description', 'infoTypes', 'timeFrame', 'accessCriteria', 'url'].map(
        (key) => `/protocolSection/ipdSharingStatementModule/${key}`,
      ),
      ...[
        'groups',
        'denoms',
        'measures',
        'measures/0/classes',
        'measures/0/classes/0/categories',
        'measures/0/classes/0/categories/0/measurements',
      ].map((key) => `/resultsSection/baselineCharacteristicsModule/${key}`),
      ...['groups', 'denoms', 'classes', 'type', 'timeFrame'].map(
        (key) => `/resultsSection/outcomeMeasuresModule/outcomeMeasures/0/${key}`,
      ),
      ...[
        'limitationsAndCaveats',
        'certainAgreement',
        'pointOfContact',
        'certainAgreement/restrictionType',
        'pointOfContact/phoneExt',
      ].map((key) => `/resultsSection/moreInfoModule/${key}`),
    ];
    for (const field of fields) for (const wrong of WRONG_VALUES) renders(planted(sharing, { [field]: wrong }));
  });

  it('says when an outcome measure has no values posted', () => {
    const measure = '/resultsSection/outcomeMeasuresModule/outcomeMeasures/0';
    const html = renders(
      planted(base, {
        [`${measure}/classes`]: undefined,
        [`${measure}/denoms`]: undefined,
        [`${measure}/reportingStatus`]: 'NOT_POSTED',
      }),
    );
    expect(
      textOf(between(html, `<details class="outcome-result" data-pointer="${measure}" open>`, '</details>')),
    ).toContain('No values posted (Not Posted).');
  });

  it('renders every module replaced by values of the wrong type', () => {
    for (const module of Object.keys(base.protocolSection).concat('resultsSection')) {
      for (const wrong of WRONG_VALUES) {
        const pointer = module === 'resultsSection' ? '/resultsSection' : `/protocolSection/${module}`;
        renders(planted(base, { [pointer]: wrong }));
      }
    }
  });

  it('renders every field of every module replaced by values of the wrong type', () => {
    // Only the results parts visited here are kept (results.test.ts plants into every results field).
    const visited = {
      protocolSection: base.protocolSection,
      resultsSection: {
        participantFlowModule: base.resultsSection.participantFlowModule,
        adverseEventsModule: { eventGroups: base.resultsSection.adverseEventsModule.eventGroups },
      },
    };
    let fields = 0;
    const visit = (value: unknown, pointer: string, depth: number): void => {
      if (depth > 4 || value === null || typeof value !== 'object') return;
      const entries = Array.isArray(value)
        ? value.slice(0, 2).map((item, index) => [String(index), item] as const)
        : Object.entries(value);
      for (const [key, child] of entries) {
        const childPointer = `${pointer}/${key}`;
        for (const wrong of WRONG_VALUES) renders(planted(visited, { [childPointer]: wrong }));
        fields++;
        visit(child, childPointer, depth + 1);
      }
    };
    visit(visited, '', 0);
    expect(fields).toBeGreaterThan(150);
  });

  it('shows dates that are not dates in the list without drawing them', () => {
    const html = renders(
      planted(base, {
        '/protocolSection/statusModule/startDateStruct/date': 'soon',
        '/protocolSection/statusModule/completionDateStruct/date': '2015-02-30',
      }),
    );
    const timeline = sectionOf(html, 'timeline');
    const notDates = elementsWithClass(timeline, 'not-a-date');
    expect(notDates.map((item) => item.text)).toEqual([
      'Study start soon not a date',
      'Study completion 2015-02-30 not a date',
    ]);
    expect(timeline).not.toContain('data-pointer="/protocolSection/statusModule/startDateStruct"><title>');
  });

  it('keeps the body the same in the webview and the export', () => {
    const record = corpusRecord('NCT03418623');
    expect(renderPreview(record, { mode: 'export', today: TODAY, css: '' })).toContain(
      renderBody(record, { mode: 'export', today: TODAY }),
    );
  });
});

describe('document shells', () => {
  const record = corpusRecord('NCT03418623');

  it('gives the webview a strict CSP with a nonce, the stylesheet and the script from the extension', () => {
    const html = renderPreview(record, {
      mode: 'webview',
      today: TODAY,
      nonce: 'abc123',
      cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
      styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/client/media/preview.css',
      scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/client/media/preview.js',
      documentUri: 'file:///records/a "b".trial.json',
    });
    const policy = decode(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)![1]);
    expect(policy).toBe(
      "default-src 'none'; style-src https://file+.vscode-resource.vscode-cdn.net; script-src 'nonce-abc123'; img-src https://file+.vscode-resource.vscode-cdn.net data:; font-src https://file+.vscode-resource.vscode-cdn.net; base-uri 'none'; form-action 'none'",
    );
    expect(html).toContain(
      '<script nonce="abc123" src="https://file+.vscode-resource.vscode-cdn.net/ext/client/media/preview.js" defer></script>',
    );
    expect(html).toContain(
      '<link rel="stylesheet" href="https://file+.vscode-resource.vscode-cdn.net/ext/client/media/preview.css">',
    );
    expect(html).toContain('data-uri="file:///records/a &quot;b&quot;.trial.json"');
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).not.toContain('<style');
    expect(html).not.toMatch(/ style="/);
  });

  it('makes the export one file: CSS inlined under a hash, no script, nothing remote', () => {
    const css = readFileSync(join(repoRoot, 'client', 'media', 'preview.css'), 'utf8');
    const html = renderPreview(record, { mode: 'export', today: TODAY, css });
    const policy = decode(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)![1]);
    expect(policy).toMatch(
      /^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; img-src data:; base-uri 'none'; form-action 'none'$/,
    );
    expect(html).toContain(`<style>${css}</style>`);
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<link');
    expect(html).not.toMatch(/\ssrc=/);
    expect(html).not.toMatch(/ style="/);
  });
});
