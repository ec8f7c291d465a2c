// ClinConnect trial summary pages: a title, "Launched by <sponsor> · <date>", then one-line headings with their content.
import { CONTACT_ROLE, OFFICIAL_ROLE, OVERALL_STATUS, SEX, lookupEnum, parseDate } from './labels';
import { readAddress, readDateWithType } from './page-fields';
import {
  appendToField,
  compact,
  getField,
  nonBlank,
  orderLikeV2,
  setField,
  splitLines,
  Warnings,
  type ImportWarning,
  type SourceLine,
  type Study,
} from './study-draft';

const HEADINGS = [
  'Trial Information',
  'Keywords',
  'ClinConnect Summary',
  'Gender',
  'Eligibility criteria',
  'Contacts',
  'Locations',
  'Patients applied',
  'Trial Officials',
  'Timeline',
] as const;
type Heading = (typeof HEADINGS)[number] | 'About';

interface Section {
  heading: Heading;
  headingLine: SourceLine;
  body: SourceLine[];
}

function headingOf(text: string): Heading | undefined {
  if (/^About\s+\S/.test(text)) return 'About';
  return HEADINGS.find((heading) => heading.toLowerCase() === text.toLowerCase());
}

export function looksLikeClinConnectPage(text: string): boolean {
  return /^\s*ClinConnect Summary\s*$/im.test(text) || /^\s*Launched by .+ · /m.test(text);
}

const LAUNCHED_BY = /^Launched by\s+(.+?)\s*·\s*(.+)$/;

class ClinConnectImport {
  readonly study: Study = {};
  readonly warnings = new Warnings();

  run(text: string): Study {
    const lines = nonBlank(splitLines(text));
    const sections: Section[] = [];
    const preamble: SourceLine[] = [];
    for (const line of lines) {
      const heading = headingOf(line.text);
      if (heading) sections.push({ heading, headingLine: line, body: [] });
      else (sections.at(-1)?.body ?? preamble).push(line);
    }
    this.readPreamble(preamble);
    for (const section of sections) this.readSection(section);
    return orderLikeV2(this.study);
  }

  private readPreamble(lines: SourceLine[]): void {
    const [title, ...rest] = lines;
    if (title) setField(this.study, 'protocolSection.identificationModule.briefTitle', title.text);
    for (const line of rest) {
      const launched = LAUNCHED_BY.exec(line.text);
      if (launched) this.readLaunchedBy(launched[1], launched[2], line);
      else this.warnings.add(line.number, `"${line.text}" could not be read; not imported`);
    }
  }

  /** "Launched by <sponsor> · <date>": the lead sponsor, and the date the trial was launched (its start). */
  private readLaunchedBy(sponsor: string, dateText: string, line: SourceLine): void {
    setField(this.study, 'protocolSection.sponsorCollaboratorsModule.leadSponsor', { name: sponsor });
    const date = parseDate(dateText);
    if (date) setField(this.study, 'protocolSection.statusModule.startDateStruct', { date });
    else this.warnings.add(line.number, `launch date "${dateText}" is not a date this importer can read; not imported`);
  }

  private readSection(section: Section): void {
    const { body, headingLine } = section;
    switch (section.heading) {
      case 'Trial Information':
        return this.readTrialInformation(body);
      case 'Keywords':
        return this.setList('protocolSection.conditionsModule.keywords', body);
      case 'ClinConnect Summary':
        if (body.length > 0)
          setField(
            this.study,
            'protocolSection.descriptionModule.briefSummary',
            body.map((line) => line.text).join('\n\n'),
          );
        return undefined;
      case 'Gender':
        return this.readGender(body);
      case 'Eligibility criteria':
        return this.readEligibility(body);
      case 'About':
        return this.warnings.add(
          headingLine.number,
          `"${headingLine.text}" describes the sponsor, which a record does not hold; not imported`,
        );
      case 'Contacts':
        return this.readContacts(body);
      case 'Locations':
        return this.readLocations(body);
      case 'Patients applied':
        for (const line of body)
          this.warnings.add(line.number, `patients applied "${line.text}" has no field in a record; not imported`);
        return undefined;
      case 'Trial Officials':
        return this.readOfficials(body);
      case 'Timeline':
        return this.readTimeline(body);
    }
  }

  private setList(path: string, lines: SourceLine[]): void {
    if (lines.length > 0)
      setField(
        this.study,
        path,
        lines.map((line) => line.text),
      );
  }

  private readTrialInformation(lines: SourceLine[]): void {
    for (const line of lines) {
      const status = lookupEnum(OVERALL_STATUS, line.text);
      if (status) setField(this.study, 'protocolSection.statusModule.overallStatus', status);
      else if (/^Current as of\b/i.test(line.text))
        this.warnings.add(line.number, `"${line.text}" dates the page, not the study; not imported`);
      else this.warnings.add(line.number, `"${line.text}" is not a known overall status; not imported`);
    }
  }

  private readGender(lines: SourceLine[]): void {
    for (const line of lines) {
      const sex = lookupEnum(SEX, line.text);
      if (sex) setField(this.study, 'protocolSection.eligibilityModule.sex', sex);
      else this.warnings.add(line.number, `"${line.text}" is not a known sex; not imported`);
    }
  }

  /**
   * The page flattens the criteria list: "- Inclusion Criteria:", "- • 1. item", and "- 3. item:" for an
   * item whose sub-items follow as "- • 1.", "- • 2."... A sub-item run ends when its numbering stops
   * counting up from 1; the item then continues the outer list.
   */
  private readEligibility(lines: SourceLine[]): void {
    const output: string[] = [];
    let inSublist = false;
    let lastSubNumber = 0;
    for (const line of lines) {
      const bare = line.text.replace(/^-\s*/, '');
      const bulleted = /^•\s*/.test(bare);
      const item = bare.replace(/^•\s*/, '');
      if (/^(inclusion|exclusion)\s+criteria\b/i.test(item)) {
        if (output.length > 0) output.push('');
        output.push(item.replace(/\s*:?\s*$/, ':'), '');
        inSublist = false;
        continue;
      }
      const number = Number(/^(\d+)\./.exec(item)?.[1] ?? NaN);
      if (!bulleted) {
        inSublist = /:\s*$/.test(item);
        lastSubNumber = 0;
        output.push(item);
      } else if (inSublist && number === lastSubNumber + 1) {
        lastSubNumber = number;
        output.push(`   ${item}`);
      } else {
        inSublist = false;
        output.push(item);
      }
    }
    if (output.length > 0)
      setField(this.study, 'protocolSection.eligibilityModule.eligibilityCriteria', output.join('\n').trim());
  }

  /** Pairs of a name and a line about the person (unit and organisation), which a contact has no field for. */
  private readContacts(lines: SourceLine[]): void {
    for (let index = 0; index < lines.length; index += 2) {
      const [name, about] = [lines[index], lines[index + 1]];
      appendToField(this.study, 'protocolSection.contactsLocationsModule.centralContacts', {
        name: name.text,
        role: lookupEnum(CONTACT_ROLE, 'Contact'),
      });
      if (about)
        this.warnings.add(
          about.number,
          `"${about.text}" (about contact ${name.text}) has no field in a record contact; not imported`,
        );
    }
  }

  private readLocations(lines: SourceLine[]): void {
    for (const line of lines) {
      if (line.text.split(',').length < 2) {
        this.warnings.add(line.number, `"${line.text}" is not "city, state, country"; not imported`);
        continue;
      }
      appendToField(this.study, 'protocolSection.contactsLocationsModule.locations', readAddress(line.text));
    }
  }

  /** Triples "name / role / affiliation"; the role line is how each official is found. */
  private readOfficials(lines: SourceLine[]): void {
    const roleIndexes = lines.flatMap((line, index) => (lookupEnum(OFFICIAL_ROLE, line.text) ? [index] : []));
    roleIndexes.forEach((roleIndex, position) => {
      const name = roleIndex > 0 ? lines[roleIndex - 1] : undefined;
      const nextName = (roleIndexes[position + 1] ?? lines.length + 1) - 1;
      const [affiliation, ...extra] = lines.slice(roleIndex + 1, nextName);
      for (const line of extra)
        this.warnings.add(line.number, `"${line.text}" could not be read as part of an official; not imported`);
      if (!name) return this.warnings.add(lines[roleIndex].number, 'an official role without a name; not imported');
      appendToField(
        this.study,
        'protocolSection.contactsLocationsModule.overallOfficials',
        compact({
          name: name.text,
          affiliation: affiliation?.text,
          role: lookupEnum(OFFICIAL_ROLE, lines[roleIndex].text),
        }),
      );
    });
    const firstName = (roleIndexes[0] ?? lines.length + 1) - 1;
    for (const line of lines.slice(0, Math.max(0, firstName)))
      this.warnings.add(line.number, `"${line.text}" has no official role after it; not imported`);
  }

  private readTimeline(lines: SourceLine[]): void {
    const milestones: Record<string, (value: string, line: SourceLine) => void> = {
      'first submit': (value, line) =>
        this.setFullDate('protocolSection.statusModule.studyFirstSubmitDate', value, line),
      'trial launched': (value, line) =>
        this.setDateStruct('protocolSection.statusModule.startDateStruct', value, line, ''),
      'trial updated': (value, line) =>
        this.setFullDate('protocolSection.statusModule.lastUpdateSubmitDate', value, line),
      'estimated completion': (value, line) =>
        this.setDateStruct('protocolSection.statusModule.completionDateStruct', value, line, 'estimated'),
    };
    let current: string | undefined;
    for (const line of lines) {
      const key = line.text.toLowerCase();
      if (key in milestones) current = key;
      else if (/^not reported$/i.test(line.text)) current = undefined;
      else if (current) {
        milestones[current](line.text, line);
        current = undefined;
      } else this.warnings.add(line.number, `"${line.text}" is not a timeline milestone; not imported`);
    }
  }

  private setFullDate(path: string, value: string, line: SourceLine): void {
    const date = parseDate(value);
    if (date && date.length === 10) setField(this.study, path, date);
    else this.warnings.add(line.number, `"${value}" is not a full date; not imported`);
  }

  private setDateStruct(path: string, value: string, line: SourceLine, label: string): void {
    const struct = readDateWithType(value, label);
    if (!struct.date)
      return this.warnings.add(line.number, `"${value}" is not a date this importer can read; not imported`);
    const existing = getField(this.study, `${path}.date`);
    if (existing && existing !== struct.date)
      this.warnings.add(
        line.number,
        `"${value}" disagrees with ${String(existing)} given earlier; the earlier date was kept`,
      );
    else setField(this.study, path, struct);
  }
}

export function importClinConnectPage(text: string): { records: Study[]; warnings: ImportWarning[] } {
  const page = new ClinConnectImport();
  const record = page.run(text);
  return { records: [record], warnings: page.warnings.list };
}
