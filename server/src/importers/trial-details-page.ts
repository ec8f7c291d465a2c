// "Clinical Trial Details" pages: "Administrative data", "Study information", "Outcome" tables and the like, one "Label value" per line.
import {
  ALLOCATION,
  INTERVENTION_MODEL,
  INTERVENTION_TYPE,
  MASKING,
  OVERALL_STATUS,
  PRIMARY_PURPOSE,
  SEX,
  STUDY_TYPE,
  lookupEnum,
  parseAge,
  parseDate,
  parsePhases,
  parseYesNo,
  type EnumTable,
} from './labels';
import { criteriaText, matchLabel, readDateWithType } from './page-fields';
import {
  appendToField,
  compact,
  getField,
  nonBlank,
  orderLikeV2,
  paragraphs,
  setField,
  splitLines,
  Warnings,
  type ImportWarning,
  type SourceLine,
  type Study,
} from './study-draft';

const SECTIONS = [
  'Administrative data',
  'Study information',
  'Clinical Trial Summary',
  'Recruitment information / eligibility',
  'Study Design',
  'Intervention',
  'Locations',
  'Sponsors',
  'Country where clinical trial is conducted',
  'References & Publications',
  'Outcome',
  'See also',
] as const;
type SectionName = (typeof SECTIONS)[number];

/** Labels of the "Label value" lines; the same label means the same field in every section. */
const FIELD_LABELS = [
  'NCT number',
  'Other study ID #',
  'Secondary ID',
  'Status',
  'Phase',
  'First received',
  'Last updated',
  'Start date',
  'Est. start date',
  'Completion date',
  'Est. completion date',
  'Primary completion date',
  'Est. primary completion date',
  'Verified date',
  'Source',
  'Contact',
  'Phone',
  'Email',
  'Is FDA regulated',
  'Health authority',
  'Study type',
  'Enrollment',
  'Accepts healthy volunteers',
  'Gender',
  'Age group',
  'Eligibility',
];

export function looksLikeTrialDetailsPage(text: string): boolean {
  return (
    /^\s*Clinical Trial Details\b/m.test(text) ||
    (/^\s*Administrative data\s*$/m.test(text) && /^\s*NCT number\b/m.test(text))
  );
}

interface Section {
  name: SectionName;
  heading: SourceLine;
  body: SourceLine[];
}

function sectionOf(text: string): SectionName | undefined {
  const bare = text.replace(/\s*\(\d+\)$/, '').toLowerCase();
  return SECTIONS.find((name) => name.toLowerCase() === bare);
}

/** A short capitalised line standing alone between blank lines reads as a heading. */
function standsAloneAsHeading(lines: SourceLine[], index: number): boolean {
  const text = lines[index].text;
  const blankAround = (lines[index - 1]?.text ?? '') === '' && (lines[index + 1]?.text ?? '') === '';
  return blankAround && /^[A-Z][A-Za-z&/\- ]{2,60}$/.test(text) && text.split(' ').length <= 6;
}

class TrialDetailsImport {
  readonly study: Study = {};
  readonly warnings = new Warnings();
  private siteCountries: string[] = [];

  run(text: string): Study {
    const lines = splitLines(text);
    const sections: Section[] = [];
    let skipping = false;
    lines.forEach((line, index) => {
      const name = sectionOf(line.text);
      if (name) {
        sections.push({ name, heading: line, body: [] });
        skipping = false;
      } else if (
        sections.length > 0 &&
        sections.at(-1)?.name !== 'Clinical Trial Summary' &&
        standsAloneAsHeading(lines, index)
      ) {
        this.warnings.add(line.number, `unknown section "${line.text}"; its content was not imported`);
        skipping = true;
      } else if (sections.length === 0) {
        this.readTitleLine(line);
      } else if (!skipping) {
        sections[sections.length - 1].body.push(line);
      }
    });
    const countries = sections.filter((section) => section.name === 'Country where clinical trial is conducted');
    this.siteCountries = countries
      .flatMap((section) => nonBlank(section.body).flatMap((line) => line.text.split(',')))
      .map((country) => country.trim())
      .filter((country) => country.length > 0);
    for (const section of sections) this.readSection(section);
    this.checkCountries(countries);
    return orderLikeV2(this.study);
  }

  private readTitleLine(line: SourceLine): void {
    if (line.text === '' || /logo$/i.test(line.text)) return;
    const status = /^Clinical Trial Details\s*(?:[—–-]\s*Status:\s*(.+))?$/.exec(line.text);
    if (!status) return this.warnings.add(line.number, `"${line.text}" could not be read; not imported`);
    if (status[1])
      this.setEnum(OVERALL_STATUS, 'protocolSection.statusModule.overallStatus', status[1], line, 'overall status');
  }

  private readSection(section: Section): void {
    switch (section.name) {
      case 'Administrative data':
      case 'Study information':
      case 'Recruitment information / eligibility':
        return this.readFields(section.body, section.name);
      case 'Clinical Trial Summary':
        return this.readSummary(section.body);
      case 'Study Design':
        return this.readStudyDesign(section.body);
      case 'Intervention':
        return this.readInterventions(section.body);
      case 'Locations':
        return this.readLocations(section.body);
      case 'Sponsors':
        return this.readSponsors(section);
      case 'References & Publications':
        return this.readReferences(section.body);
      case 'Outcome':
        return this.readOutcomes(section.body);
      default:
        return undefined; // countries are read with the locations; "See also" lists other trials
    }
  }

  private setEnum(table: EnumTable, path: string, value: string, line: SourceLine, what: string): void {
    const code = lookupEnum(table, value);
    if (code) setField(this.study, path, code);
    else this.warnings.add(line.number, `"${value}" is not a known ${what}; not imported`);
  }

  private readFields(lines: SourceLine[], sectionName: string): void {
    const items = nonBlank(lines);
    for (let index = 0; index < items.length; index++) {
      const line = items[index];
      const field = matchLabel(line.text, FIELD_LABELS);
      if (!field) {
        this.warnings.add(
          line.number,
          `"${line.text}" is not a field this importer knows in "${sectionName}"; not imported`,
        );
        continue;
      }
      if (field.label === 'Eligibility') {
        // The criteria run on until the next labelled line.
        const rest: string[] = [field.value];
        while (items[index + 1] && !matchLabel(items[index + 1].text, FIELD_LABELS)) rest.push(items[++index].text);
        this.readCriteria(rest.join(' ').trim());
      } else if (field.value.length > 0) {
        this.readField(field.label, field.value, line);
      }
    }
  }

  private readField(label: string, value: string, line: SourceLine): void {
    const status = 'protocolSection.statusModule';
    switch (label) {
      case 'NCT number':
        if (/^NCT\d{8}$/i.test(value))
          setField(this.study, 'protocolSection.identificationModule.nctId', value.toUpperCase());
        else this.warnings.add(line.number, `"${value}" is not an NCT number; not imported`);
        return;
      case 'Other study ID #':
        return setField(this.study, 'protocolSection.identificationModule.orgStudyIdInfo', { id: value });
      case 'Secondary ID':
        return appendToField(this.study, 'protocolSection.identificationModule.secondaryIdInfos', { id: value });
      case 'Status':
        return this.setEnum(OVERALL_STATUS, `${status}.overallStatus`, value, line, 'overall status');
      case 'Phase':
        return this.readPhases(value, line);
      case 'First received':
        return this.setFullDate(`${status}.studyFirstSubmitDate`, value, line);
      case 'Last updated':
        return this.setDateStruct(`${status}.lastUpdatePostDateStruct`, value, line, '');
      case 'Start date':
      case 'Est. start date':
        return this.setDateStruct(`${status}.startDateStruct`, value, line, label);
      case 'Completion date':
      case 'Est. completion date':
        return this.setDateStruct(`${status}.completionDateStruct`, value, line, label);
      case 'Primary completion date':
      case 'Est. primary completion date':
        return this.setDateStruct(`${status}.primaryCompletionDateStruct`, value, line, label);
      case 'Verified date':
        return this.setPartialDate(`${status}.statusVerifiedDate`, value, line);
      case 'Source':
        return setField(this.study, 'protocolSection.identificationModule.organization', { fullName: value });
      case 'Contact':
        return appendToField(this.study, 'protocolSection.contactsLocationsModule.centralContacts', {
          name: value,
          role: 'CONTACT',
        });
      case 'Phone':
      case 'Email':
        return this.addContactDetail(label === 'Phone' ? 'phone' : 'email', value, line);
      case 'Is FDA regulated':
        return this.readFdaRegulated(value, line);
      case 'Study type':
        return this.setEnum(STUDY_TYPE, 'protocolSection.designModule.studyType', value, line, 'study type');
      case 'Enrollment':
        return this.readEnrollment(value, line);
      case 'Accepts healthy volunteers':
        return this.setYesNo('protocolSection.eligibilityModule.healthyVolunteers', value, line);
      case 'Gender':
        return this.setEnum(SEX, 'protocolSection.eligibilityModule.sex', value, line, 'sex');
      case 'Age group':
        return this.readAgeGroup(value, line);
      default:
        return this.warnings.add(line.number, `"${label}" (${value}) has no field in a record; not imported`);
    }
  }

  private readPhases(value: string, line: SourceLine): void {
    const phases = parsePhases(value);
    if (phases) setField(this.study, 'protocolSection.designModule.phases', phases);
    else this.warnings.add(line.number, `"${value}" is not a known phase; not imported`);
  }

  private setFullDate(path: string, value: string, line: SourceLine): void {
    const date = parseDate(value);
    if (date && date.length === 10) setField(this.study, path, date);
    else this.warnings.add(line.number, `"${value}" is not a full date; not imported`);
  }

  private setPartialDate(path: string, value: string, line: SourceLine): void {
    const date = parseDate(value);
    if (date) setField(this.study, path, date);
    else this.warnings.add(line.number, `"${value}" is not a date this importer can read; not imported`);
  }

  private setDateStruct(path: string, value: string, line: SourceLine, label: string): void {
    const struct = readDateWithType(value, label);
    if (!struct.date)
      return this.warnings.add(line.number, `"${value}" is not a date this importer can read; not imported`);
    const existing = getField(this.study, path) as { date?: string; type?: string } | undefined;
    if (existing && (existing.date !== struct.date || existing.type !== struct.type)) {
      this.warnings.add(
        line.number,
        `"${line.text}" disagrees with the same date given earlier; the earlier one was kept`,
      );
    } else {
      setField(this.study, path, struct);
    }
  }

  private setYesNo(path: string, value: string, line: SourceLine): void {
    const answer = parseYesNo(value);
    if (answer === undefined) this.warnings.add(line.number, `"${value}" is not yes or no; not imported`);
    else setField(this.study, path, answer);
  }

  private addContactDetail(field: 'phone' | 'email', value: string, line: SourceLine): void {
    const contacts = getField(this.study, 'protocolSection.contactsLocationsModule.centralContacts') as
      Array<Record<string, unknown>> | undefined;
    const contact = contacts?.at(-1);
    if (!contact || field in contact)
      return this.warnings.add(line.number, `${field} "${value}" does not follow a contact name; not imported`);
    contact[field] = value;
  }

  /** "No" means neither an FDA-regulated drug nor device; "Yes" does not say which, so it stays out. */
  private readFdaRegulated(value: string, line: SourceLine): void {
    const answer = parseYesNo(value);
    if (answer === false) {
      setField(this.study, 'protocolSection.oversightModule.isFdaRegulatedDrug', false);
      setField(this.study, 'protocolSection.oversightModule.isFdaRegulatedDevice', false);
    } else {
      this.warnings.add(
        line.number,
        `"Is FDA regulated ${value}" does not say whether a drug or a device is regulated; not imported`,
      );
    }
  }

  private readEnrollment(value: string, line: SourceLine): void {
    const match = /^(\d+)(?:\s*\((actual|estimated|anticipated)\))?$/i.exec(value);
    if (!match) return this.warnings.add(line.number, `enrollment "${value}" is not a number; not imported`);
    const type = match[2] ? (match[2].toLowerCase() === 'actual' ? 'ACTUAL' : 'ESTIMATED') : undefined;
    setField(this.study, 'protocolSection.designModule.enrollmentInfo', compact({ count: Number(match[1]), type }));
  }

  /** "18 Years to 70 Years", "18 Years and older", "up to 17 Years". */
  private readAgeGroup(value: string, line: SourceLine): void {
    const range = /^(.+?)\s+(?:to|-)\s+(.+)$/i.exec(value);
    const older = /^(.+?)\s+and\s+(?:older|over)$/i.exec(value);
    const upTo = /^up\s+to\s+(.+)$/i.exec(value);
    const minimum = range ? parseAge(range[1]) : older ? parseAge(older[1]) : undefined;
    const maximum = range ? parseAge(range[2]) : upTo ? parseAge(upTo[1]) : undefined;
    if ((range && (!minimum || !maximum)) || (!minimum && !maximum)) {
      return this.warnings.add(line.number, `age group "${value}" could not be read; not imported`);
    }
    if (minimum) setField(this.study, 'protocolSection.eligibilityModule.minimumAge', minimum);
    if (maximum) setField(this.study, 'protocolSection.eligibilityModule.maximumAge', maximum);
  }

  /** The page runs the criteria into one line; the two headings get paragraphs of their own, the items stay as written. */
  private readCriteria(text: string): void {
    if (!text) return;
    const parts = text.split(/\s*(?=\b(?:Inclusion|Exclusion) Criteria:)/).filter((part) => part.length > 0);
    setField(this.study, 'protocolSection.eligibilityModule.eligibilityCriteria', criteriaText(parts));
  }

  private readSummary(lines: SourceLine[]): void {
    const blocks = paragraphs(lines).map((block) => block.map((line) => line.text).join('\n'));
    const descriptionAt = blocks.findIndex((block) => /^Description:?$/i.test(block) || /^Description:\s/i.test(block));
    const summary = descriptionAt < 0 ? blocks : blocks.slice(0, descriptionAt);
    if (summary.length > 0)
      setField(this.study, 'protocolSection.descriptionModule.briefSummary', summary.join('\n\n'));
    if (descriptionAt < 0) return;
    const description = [
      blocks[descriptionAt].replace(/^Description:\s*/i, ''),
      ...blocks.slice(descriptionAt + 1),
    ].filter(Boolean);
    if (description.length > 0)
      setField(this.study, 'protocolSection.descriptionModule.detailedDescription', description.join('\n\n'));
  }

  private readStudyDesign(lines: SourceLine[]): void {
    const fields: Record<string, [EnumTable, string, string]> = {
      allocation: [ALLOCATION, 'designInfo.allocation', 'allocation'],
      'intervention model': [INTERVENTION_MODEL, 'designInfo.interventionModel', 'intervention model'],
      masking: [MASKING, 'designInfo.maskingInfo.masking', 'masking'],
      'primary purpose': [PRIMARY_PURPOSE, 'designInfo.primaryPurpose', 'primary purpose'],
    };
    for (const line of nonBlank(lines)) {
      for (const part of line.text.split(/,\s*(?=[A-Z][A-Za-z ]+:)/)) {
        const match = /^([A-Za-z ]+):\s*(.+)$/.exec(part.trim());
        const field = match ? fields[match[1].trim().toLowerCase()] : undefined;
        if (match && field) {
          const value = match[2].replace(/\s*\(.*\)$/, '').trim();
          const code = lookupEnum(field[0], match[2].trim()) ?? lookupEnum(field[0], value);
          if (code) setField(this.study, `protocolSection.designModule.${field[1]}`, code);
          else this.warnings.add(line.number, `"${match[2]}" is not a known ${field[2]}; not imported`);
        } else {
          this.warnings.add(line.number, `study design "${part.trim()}" could not be read; not imported`);
        }
      }
    }
  }

  /** "<Type label>:" on a line of its own, then the name, then the description. */
  private readInterventions(lines: SourceLine[]): void {
    const items = nonBlank(lines);
    let current: { type: string; name?: string; description: string[] } | undefined;
    const finish = () => {
      if (current?.name) {
        appendToField(
          this.study,
          'protocolSection.armsInterventionsModule.interventions',
          compact({
            type: current.type,
            name: current.name,
            description: current.description.join('\n') || undefined,
          }),
        );
      }
    };
    for (const line of items) {
      const typeLabel = /^(.+):$/.exec(line.text)?.[1];
      const type = typeLabel ? lookupEnum(INTERVENTION_TYPE, typeLabel) : undefined;
      if (type) {
        finish();
        current = { type, description: [] };
      } else if (!current) {
        this.warnings.add(line.number, `"${line.text}" is not under an intervention type; not imported`);
      } else if (current.name === undefined) {
        current.name = line.text;
      } else {
        current.description.push(line.text);
      }
    }
    finish();
  }

  /**
   * Rows of "Country Name City State" with spaces as the only separator. The country is recognised from
   * the countries the page lists; the last word is read as the city and the words between as the facility,
   * which is a reading the page does not make certain, so each row also gets a warning to check it.
   */
  private readLocations(lines: SourceLine[]): void {
    for (const line of nonBlank(lines)) {
      if (/^Country\s+Name\s+City\s+State$/i.test(line.text)) continue;
      const country = this.siteCountries.find((candidate) =>
        line.text.toLowerCase().startsWith(`${candidate.toLowerCase()} `),
      );
      const words = country ? line.text.slice(country.length).trim().split(/\s+/) : [];
      if (!country || words.length < 2) {
        this.warnings.add(
          line.number,
          `location "${line.text}" could not be split into country, facility and city; not imported`,
        );
        continue;
      }
      const city = words.pop() as string;
      const facility = words.join(' ');
      appendToField(this.study, 'protocolSection.contactsLocationsModule.locations', { facility, city, country });
      this.warnings.add(
        line.number,
        `location "${line.text}" has no column separators: read as facility "${facility}", city "${city}", country "${country}", no state; check it`,
      );
    }
  }

  private checkCountries(sections: Section[]): void {
    const locations = (getField(this.study, 'protocolSection.contactsLocationsModule.locations') ?? []) as Array<{
      country?: string;
    }>;
    for (const section of sections) {
      const line = nonBlank(section.body)[0] ?? section.heading;
      for (const country of this.siteCountries) {
        if (!locations.some((location) => location.country === country)) {
          this.warnings.add(
            line.number,
            `country "${country}" has no site listed; a record holds countries only in its locations, so it was not imported`,
          );
        }
      }
    }
  }

  /** "Lead Sponsor Collaborator" heads the table; with one sponsor its row is the lead sponsor. */
  private readSponsors(section: Section): void {
    const rows = nonBlank(section.body).filter((line) => !/^Lead Sponsor\s+Collaborator$/i.test(line.text));
    const count = Number(/\((\d+)\)$/.exec(section.heading.text)?.[1] ?? rows.length);
    if (rows.length === 1 && count === 1) {
      setField(this.study, 'protocolSection.sponsorCollaboratorsModule.leadSponsor', { name: rows[0].text });
      return;
    }
    for (const row of rows) {
      this.warnings.add(
        row.number,
        `sponsor row "${row.text}" cannot be split into lead sponsor and collaborators; not imported`,
      );
    }
  }

  private readReferences(lines: SourceLine[]): void {
    for (const line of nonBlank(lines)) {
      const citation = line.text.replace(/\s*[—–-]\s*View Citation$/i, '');
      appendToField(this.study, 'protocolSection.referencesModule.references', { citation });
    }
  }

  private readOutcomes(lines: SourceLine[]): void {
    const kinds: Record<string, string> = {
      primary: 'primaryOutcomes',
      secondary: 'secondaryOutcomes',
      other: 'otherOutcomes',
    };
    for (const line of nonBlank(lines)) {
      if (/^Type\s+Measure\s+Description\s+Time frame/i.test(line.text)) continue;
      const row = /^(Primary|Secondary|Other)\s+(.+)$/i.exec(line.text);
      if (!row) {
        this.warnings.add(
          line.number,
          `outcome row "${line.text}" does not start with Primary, Secondary or Other; not imported`,
        );
        continue;
      }
      const outcome = this.splitOutcomeRow(row[2], line);
      appendToField(this.study, `protocolSection.outcomesModule.${kinds[row[1].toLowerCase()]}`, outcome);
    }
  }

  /**
   * A row is "measure description time-frame [safety issue]" joined by spaces. The time frame is the
   * trailing duration; the description starts after the measure's last full sentence, or else at the
   * first capitalised word outside parentheses.
   */
  private splitOutcomeRow(text: string, line: SourceLine): Record<string, string | undefined> {
    let rest = text;
    const safety = /\s+(Yes|No)$/.exec(rest);
    if (safety) {
      rest = rest.slice(0, safety.index);
      this.warnings.add(line.number, `safety issue "${safety[1]}" has no field in a record; not imported`);
    }
    const timeFrame =
      /\s((?:(?:up to|within|at|after|over)\s+)?\d+(?:\.\d+)?(?:\s*(?:-|to)\s*\d+)?\s+(?:hours?|days?|weeks?|months?|years?))$/i.exec(
        rest,
      );
    if (!timeFrame) {
      this.warnings.add(
        line.number,
        `outcome "${text}": no time frame found at the end; the whole row was kept as the measure`,
      );
      return { measure: text };
    }
    const measureAndDescription = rest.slice(0, timeFrame.index).trim();
    const [measure, description] = splitMeasure(measureAndDescription);
    return compact({ measure, description, timeFrame: timeFrame[1] });
  }
}

function splitMeasure(text: string): [string, string | undefined] {
  const sentenceEnds = [...text.matchAll(/\.\s+(?=[A-Z])/g)];
  const lastSentence = sentenceEnds.at(-1);
  if (lastSentence?.index !== undefined) {
    return [text.slice(0, lastSentence.index + 1), text.slice(lastSentence.index + lastSentence[0].length)];
  }
  let depth = 0;
  const words = text.split(' ');
  for (let index = 0; index < words.length; index++) {
    const word = words[index];
    if (index > 0 && depth === 0 && /^[A-Z][a-z]/.test(word))
      return [words.slice(0, index).join(' '), words.slice(index).join(' ')];
    depth += (word.match(/\(/g) ?? []).length - (word.match(/\)/g) ?? []).length;
  }
  return [text, undefined];
}

export function importTrialDetailsPage(text: string): { records: Study[]; warnings: ImportWarning[] } {
  const page = new TrialDetailsImport();
  const record = page.run(text);
  return { records: [record], warnings: page.warnings.list };
}
