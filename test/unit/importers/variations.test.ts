// Seeds with one planted change: line endings, blank lines, section order, missing and unknown sections.
import { describe, expect, it } from 'vitest';
import { formatRecord, importText } from '../../../server/src/importers/index';
import { at, lineOf, readSeed, SEED } from './seed-files';

function recordOf(text: string, name = 'variation.txt'): Record<string, unknown> {
  return importText(text, name).records[0].record;
}

/** The text of a "Basic Information" page section: from its heading to the next known heading. */
function cutSection(text: string, heading: string, nextHeading: string): { without: string; section: string } {
  const start = text.indexOf(`\n${heading}\n`);
  const end = text.indexOf(`\n${nextHeading}\n`, start + 1);
  if (start < 0 || end < 0) throw new Error(`section ${heading} not found`);
  return { without: text.slice(0, start) + text.slice(end), section: text.slice(start, end) };
}

describe('line endings and blank lines', () => {
  it.each(Object.values(SEED))('%s gives the same record and warning lines with CRLF line endings', (seed) => {
    const text = readSeed(seed);
    const original = importText(text, seed);
    const crlf = importText(text.replace(/\n/g, '\r\n'), seed);
    expect(formatRecord(crlf.records[0].record)).toBe(formatRecord(original.records[0].record));
    expect(crlf.warnings).toEqual(original.warnings);
  });

  it.each([SEED.basicInformationRa, SEED.basicInformationSsc, SEED.trialDetails])(
    '%s gives the same record with doubled blank lines',
    (seed) => {
      const text = readSeed(seed);
      const spaced = text.replace(/\n\n/g, '\n\n\n\n');
      expect(formatRecord(recordOf(spaced))).toBe(formatRecord(recordOf(text)));
    },
  );

  it('the ClinConnect page gives the same record with blank lines between all lines', () => {
    const text = readSeed(SEED.clinConnect);
    expect(formatRecord(recordOf(text.replace(/\n/g, '\n\n')))).toBe(formatRecord(recordOf(text)));
  });
});

describe('sections in another order', () => {
  it('a "Basic Information" page read with Locations first and Interventions before Study Groups gives the same record', () => {
    const text = readSeed(SEED.basicInformationSsc);
    const locations = cutSection(text, 'Locations', 'Countries');
    const interventions = cutSection(locations.without, 'Interventions', 'Other Intervention Names');
    const reordered = interventions.without.replace(
      '\nBasic Information\n',
      `${locations.section}${interventions.section}\nBasic Information\n`,
    );
    expect(reordered).not.toBe(text);
    expect(formatRecord(recordOf(reordered))).toBe(formatRecord(recordOf(text)));
  });

  it('facility contacts before the sites still reach the single site', () => {
    const text = readSeed(SEED.basicInformationRa);
    const contacts = cutSection(text, 'Facility Contacts', 'Other Identifiers');
    const reordered = contacts.without.replace('\nLocations\n', `${contacts.section}\nLocations\n`);
    expect(
      at(recordOf(reordered), 'protocolSection', 'contactsLocationsModule', 'locations', 0, 'contacts'),
    ).toHaveLength(1);
  });

  it('a "Clinical Trial Details" page with the outcome table first gives the same record', () => {
    const text = readSeed(SEED.trialDetails);
    const start = text.indexOf('\nOutcome\n');
    const end = text.indexOf('\nSee also\n');
    const reordered =
      text.slice(0, text.indexOf('\nAdministrative data\n')) +
      text.slice(start, end) +
      text.slice(text.indexOf('\nAdministrative data\n'), start) +
      text.slice(end);
    expect(formatRecord(recordOf(reordered))).toBe(formatRecord(recordOf(text)));
  });
});

describe('missing sections', () => {
  it('without Study Groups the interventions stay, unlinked, and no arms are made up', () => {
    const text = cutSection(readSeed(SEED.basicInformationRa), 'Study Groups', 'Interventions').without;
    const arms = at(recordOf(text), 'protocolSection', 'armsInterventionsModule');
    expect(arms.armGroups).toBeUndefined();
    expect(arms.interventions).toEqual([
      { type: 'DRUG', name: 'Telitacicept', description: 'Telitacicept 160mg qw subcutaneous injection' },
    ]);
  });

  it('without the Interventions section the interventions come from the study groups', () => {
    const text = cutSection(readSeed(SEED.basicInformationSsc), 'Interventions', 'Other Intervention Names').without;
    const arms = at(recordOf(text), 'protocolSection', 'armsInterventionsModule');
    expect(arms.armGroups.map((arm: { label: string }) => arm.label)).toEqual([
      'Mycophenolate Mofetil + Telitacicept',
      'Mycophenolate Mofetil',
    ]);
    expect(
      arms.interventions.map((item: { name: string; armGroupLabels: string[] }) => [
        item.name,
        item.armGroupLabels.length,
      ]),
    ).toEqual([
      ['Telitacicept', 1],
      ['Mycophenolate Mofetil', 2],
    ]);
  });

  it('without Eligibility Criteria there is no eligibility module and no warning', () => {
    const text = cutSection(readSeed(SEED.basicInformationRa), 'Eligibility Criteria', 'Sponsors').without;
    const result = importText(text, 'x.txt');
    expect(at(result.records[0].record, 'protocolSection', 'eligibilityModule')).toBeUndefined();
    expect(result.warnings).toEqual([]);
  });

  it('a Clinical Trial Details page without its outcome table has no outcomes', () => {
    const text = readSeed(SEED.trialDetails);
    const without = text.slice(0, text.indexOf('\nOutcome\n')) + text.slice(text.indexOf('\nSee also\n'));
    const record = recordOf(without);
    expect(at(record, 'protocolSection', 'outcomesModule')).toBeUndefined();
    expect(at(record, 'protocolSection', 'identificationModule', 'nctId')).toBe('NCT05765006');
  });

  it('a ClinConnect page without officials has none', () => {
    const text = readSeed(SEED.clinConnect);
    const without = text.replace(/\nTrial Officials\n[^]*?\nTimeline\n/, '\nTimeline\n');
    expect(at(recordOf(without), 'protocolSection', 'contactsLocationsModule', 'overallOfficials')).toBeUndefined();
  });
});

describe('what cannot be mapped becomes a warning naming its line', () => {
  it('an unknown section on a "Basic Information" page', () => {
    const text = readSeed(SEED.basicInformationRa).replace(
      '\nConditions\n',
      '\nStudy Keywords\n\nReview the words the sponsor chose to describe this study.\n\nautoimmunity\n\nConditions\n',
    );
    const result = importText(text, 'x.txt');
    expect(result.warnings).toEqual([
      { line: lineOf(text, 'Study Keywords'), message: expect.stringContaining('unknown section "Study Keywords"') },
    ]);
    expect(JSON.stringify(result.records[0].record)).not.toContain('autoimmunity');
  });

  it('an unknown section on a "Clinical Trial Details" page', () => {
    const text = readSeed(SEED.trialDetails).replace(
      '\nStudy Design\n',
      '\nData Monitoring\n\nCommittee appointed\n\nStudy Design\n',
    );
    const result = importText(text, 'x.txt');
    expect(result.warnings[0]).toEqual({
      line: lineOf(text, 'Data Monitoring'),
      message: expect.stringContaining('unknown section'),
    });
    expect(JSON.stringify(result.records[0].record)).not.toContain('Committee appointed');
  });

  it('an unknown enum label and an unreadable date', () => {
    const text = readSeed(SEED.basicInformationRa)
      .replace('\nNOT_YET_RECRUITING\n', '\nSort of recruiting\n')
      .replace('\n2025-06-10\n', '\nsometime in June\n');
    const result = importText(text, 'x.txt');
    expect(result.warnings).toEqual([
      { line: lineOf(text, 'Sort of recruiting'), message: expect.stringContaining('not a known overall status') },
      { line: lineOf(text, 'sometime in June'), message: expect.stringContaining('not a date') },
    ]);
    const status = at(result.records[0].record, 'protocolSection', 'statusModule');
    expect(status.overallStatus).toBeUndefined();
    expect(status.startDateStruct).toBeUndefined();
  });

  it('a date with an impossible day on a "Clinical Trial Details" page', () => {
    const text = readSeed(SEED.trialDetails).replace('Start date February 24, 2023', 'Start date February 30, 2023');
    const result = importText(text, 'x.txt');
    expect(result.warnings).toContainEqual({
      line: lineOf(text, 'Start date February 30, 2023'),
      message: expect.stringContaining('not a date'),
    });
  });

  it('a ClinConnect location that is not "city, state, country"', () => {
    const text = readSeed(SEED.clinConnect).replace('Wuhan, Hubei, China', 'Somewhere in Hubei');
    const result = importText(text, 'x.txt');
    expect(result.warnings).toContainEqual({
      line: lineOf(text, 'Somewhere in Hubei'),
      message: expect.stringContaining('not "city, state, country"'),
    });
    expect(at(result.records[0].record, 'protocolSection', 'contactsLocationsModule', 'locations')).toHaveLength(5);
  });
});

describe('labels pages print', () => {
  it('"Phase 1/Phase 2" gives both phases, and an "Est." start date is ESTIMATED', () => {
    const text = readSeed(SEED.trialDetails)
      .replace('Phase Phase 1', 'Phase Phase 1/Phase 2')
      .replace('Start date February 24, 2023', 'Est. start date March 2023');
    const protocol = recordOf(text).protocolSection;
    expect(at(protocol, 'designModule', 'phases')).toEqual(['PHASE1', 'PHASE2']);
    expect(at(protocol, 'statusModule', 'startDateStruct')).toEqual({ date: '2023-03', type: 'ESTIMATED' });
  });

  it('labels instead of codes on a "Basic Information" page', () => {
    const text = readSeed(SEED.basicInformationSsc)
      .replace('\nPHASE2\n', '\nPhase 2/Phase 3\n')
      .replace('\nRECRUITING\n', '\nActive, not recruiting\n')
      .replace('Group Type ACTIVE_COMPARATOR', 'Group Type Active Comparator')
      .replaceAll('Intervention Type DRUG\n\nAll patients', 'Intervention Type Dietary Supplement\n\nAll patients')
      .replace(
        /(Mycophenolate Mofetil\n\nAll patients[^\n]*\n\n)Intervention Type DRUG/,
        '$1Intervention Type Dietary Supplement',
      );
    const protocol = recordOf(text).protocolSection;
    expect(at(protocol, 'designModule', 'phases')).toEqual(['PHASE2', 'PHASE3']);
    expect(at(protocol, 'statusModule', 'overallStatus')).toBe('ACTIVE_NOT_RECRUITING');
    const arms = at(protocol, 'armsInterventionsModule');
    expect(arms.armGroups[1].type).toBe('ACTIVE_COMPARATOR');
    expect(arms.armGroups[1].interventionNames).toEqual(['Dietary Supplement: Mycophenolate Mofetil']);
    expect(arms.interventions.find((item: { name: string }) => item.name === 'Mycophenolate Mofetil').type).toBe(
      'DIETARY_SUPPLEMENT',
    );
  });
});
