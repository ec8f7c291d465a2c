// Study pages with the sections "Basic Information / Study Design / Study Groups / Interventions / Eligibility Criteria / Sponsors / Locations".
import {
  AGENCY_CLASS,
  ALLOCATION,
  ARM_GROUP_TYPE,
  CONTACT_ROLE,
  INTERVENTION_MODEL,
  INTERVENTION_TYPE,
  MASKING,
  OBSERVATIONAL_MODEL,
  OFFICIAL_ROLE,
  ORG_STUDY_ID_TYPE,
  OVERALL_STATUS,
  PRIMARY_PURPOSE,
  RECRUITMENT_STATUS,
  RESPONSIBLE_PARTY_TYPE,
  SECONDARY_ID_TYPE,
  SEX,
  STUDY_TYPE,
  TIME_PERSPECTIVE,
  labelOf,
  lookupEnum,
  parseAge,
  parseDate,
  parsePhases,
  parseYesNo,
  type EnumTable,
} from './labels';
import {
  criteriaText,
  matchLabel,
  readAddress,
  readContactDetails,
  readDateWithType,
  readLabelledValues,
  readRoleBlocks,
} from './page-fields';
import {
  appendToField,
  compact,
  getField,
  joinParagraphs,
  nonBlank,
  orderLikeV2,
  setField,
  splitLines,
  Warnings,
  type ImportWarning,
  type SourceLine,
  type Study,
} from './study-draft';

const SECTIONS = [
  'Study Results',
  'Basic Information',
  'Brief Summary',
  'Detailed Description',
  'Conditions',
  'Keywords',
  'Study Design',
  'Study Groups',
  'Interventions',
  'Other Intervention Names',
  'Eligibility Criteria',
  'Sponsors',
  'Responsible Party',
  'Principal Investigators',
  'Locations',
  'Countries',
  'Central Contacts',
  'Facility Contacts',
  'Other Identifiers',
  'More Related Trials',
] as const;
type SectionName = (typeof SECTIONS)[number];

/** Each section opens with one sentence about the section; these are the verbs those sentences start with. */
const INTRODUCTION_VERBS = [
  'get',
  'review',
  'dive',
  'see',
  'understand',
  'learn',
  'check',
  'meet',
  'identify',
  'explore',
  'reach',
  'find',
  'discover',
  'additional',
];

interface Section {
  name: SectionName;
  heading: SourceLine;
  body: SourceLine[];
}

function knownSection(text: string): SectionName | undefined {
  const wanted = text.replace(/:$/, '').toLowerCase();
  return SECTIONS.find((name) => name.toLowerCase() === wanted);
}

function isIntroduction(text: string): boolean {
  const firstWord = text.split(/\s+/)[0].toLowerCase();
  return INTRODUCTION_VERBS.includes(firstWord) && /\.$/.test(text) && text.split(/\s+/).length >= 5;
}

function looksLikeHeading(text: string): boolean {
  return /^[A-Z][A-Za-z&/\- ]{2,60}$/.test(text) && text.split(' ').length <= 6;
}

export function looksLikeBasicInformationPage(text: string): boolean {
  const headings = new Set(
    splitLines(text)
      .map((line) => knownSection(line.text))
      .filter(Boolean),
  );
  return (
    headings.has('Basic Information') &&
    (headings.has('Study Design') || headings.has('Eligibility Criteria') || /^NCT ID:/m.test(text))
  );
}

function nextNonBlank(lines: SourceLine[], index: number): SourceLine | undefined {
  return lines.slice(index + 1).find((line) => line.text.length > 0);
}

function splitSections(lines: SourceLine[], warnings: Warnings): { preamble: SourceLine[]; sections: Section[] } {
  const sections: Section[] = [];
  const preamble: SourceLine[] = [];
  let current: Section | undefined;
  let skipping = false;
  lines.forEach((line, index) => {
    const name = knownSection(line.text);
    const next = nextNonBlank(lines, index);
    if (name) {
      current = { name, heading: line, body: [] };
      sections.push(current);
      skipping = false;
    } else if (looksLikeHeading(line.text) && next && isIntroduction(next.text)) {
      warnings.add(line.number, `unknown section "${line.text}"; its content was not imported`);
      current = undefined;
      skipping = true;
    } else if (current) {
      current.body.push(line);
    } else if (!skipping) {
      preamble.push(line);
    }
  });
  for (const section of sections) {
    const first = section.body.find((line) => line.text.length > 0);
    if (first && isIntroduction(first.text)) section.body = section.body.filter((line) => line !== first);
  }
  return { preamble, sections };
}

class BasicInformationImport {
  readonly study: Study = {};
  readonly warnings = new Warnings();
  private locations: Array<Record<string, unknown>> = [];

  run(text: string): Study {
    const { preamble, sections } = splitSections(splitLines(text), this.warnings);
    this.readPreamble(preamble);
    const byName = (name: SectionName) => sections.filter((section) => section.name === name);
    // Interventions first: the study groups refer to them, whatever order the page uses.
    const interventions = byName('Interventions').flatMap((section) => this.readInterventions(section.body));
    const groups = byName('Study Groups').flatMap((section) => this.readStudyGroups(section.body, interventions));
    this.writeArmsAndInterventions(groups, interventions);
    // Sites before their contacts, interventions before their other names, whatever order the page uses.
    const readingOrder = [...sections].sort((a, b) => SECTIONS.indexOf(a.name) - SECTIONS.indexOf(b.name));
    for (const section of readingOrder) this.readSection(section);
    this.checkCountries(byName('Countries'));
    return orderLikeV2(this.study);
  }

  private readPreamble(lines: SourceLine[]): void {
    const items = nonBlank(lines);
    const title = items.shift();
    if (title) setField(this.study, 'protocolSection.identificationModule.briefTitle', title.text);
    for (const line of items) {
      const field = matchLabel(line.text, ['NCT ID', 'Last Updated']);
      if (field?.label === 'NCT ID' && /^NCT\d{8}$/i.test(field.value)) {
        setField(this.study, 'protocolSection.identificationModule.nctId', field.value.toUpperCase());
      } else if (field?.label === 'Last Updated' && parseDate(field.value)) {
        setField(this.study, 'protocolSection.statusModule.lastUpdatePostDateStruct', { date: parseDate(field.value) });
      } else {
        this.warnings.add(line.number, `"${line.text}" could not be read; not imported`);
      }
    }
  }

  private readSection(section: Section): void {
    switch (section.name) {
      case 'Study Results':
        return this.readStudyResults(section.body);
      case 'Basic Information':
        return this.readBasicInformation(section.body);
      case 'Brief Summary':
        return this.setText('protocolSection.descriptionModule.briefSummary', section.body);
      case 'Detailed Description':
        return this.setText('protocolSection.descriptionModule.detailedDescription', section.body);
      case 'Conditions':
        return this.setList('protocolSection.conditionsModule.conditions', section.body);
      case 'Keywords':
        return this.setList('protocolSection.conditionsModule.keywords', section.body);
      case 'Study Design':
        return this.readStudyDesign(section.body);
      case 'Other Intervention Names':
        return this.readOtherInterventionNames(section.body);
      case 'Eligibility Criteria':
        return this.readEligibility(section.body);
      case 'Sponsors':
        return this.readSponsors(section.body);
      case 'Responsible Party':
        return this.readResponsibleParty(section.body);
      case 'Principal Investigators':
        return this.readOfficials(section.body);
      case 'Locations':
        return this.readLocations(section.body);
      case 'Central Contacts':
        return this.readCentralContacts(section.body);
      case 'Facility Contacts':
        return this.readFacilityContacts(section.body);
      case 'Other Identifiers':
        return this.readOtherIdentifiers(section.body);
      default:
        return undefined; // read elsewhere (groups, interventions, countries) or not about this study
    }
  }

  private setText(path: string, lines: SourceLine[]): void {
    const text = joinParagraphs(lines);
    if (text) setField(this.study, path, text);
  }

  private setList(path: string, lines: SourceLine[]): void {
    const items = nonBlank(lines).map((line) => line.text);
    if (items.length > 0) setField(this.study, path, items);
  }

  private enumValue(table: EnumTable, value: string, line: SourceLine, what: string): string | undefined {
    const code = lookupEnum(table, value);
    if (!code) this.warnings.add(line.number, `"${value}" is not a known ${what}; not imported`);
    return code;
  }

  private readStudyResults(lines: SourceLine[]): void {
    if (nonBlank(lines).some((line) => /^results pending$/i.test(line.text))) setField(this.study, 'hasResults', false);
  }

  private readBasicInformation(lines: SourceLine[]): void {
    const labels = [
      'Recruitment Status',
      'Clinical Phase',
      'Total Enrollment',
      'Study Classification',
      'Study Start Date',
      'Primary Completion Date',
      'Study Completion Date',
    ];
    for (const { label, value, line } of readLabelledValues(lines, labels, this.warnings, 'Basic Information')) {
      if (label === 'Recruitment Status') {
        const status = this.enumValue(OVERALL_STATUS, value, line, 'overall status');
        if (status) setField(this.study, 'protocolSection.statusModule.overallStatus', status);
      } else if (label === 'Clinical Phase') {
        const phases = parsePhases(value);
        if (phases) setField(this.study, 'protocolSection.designModule.phases', phases);
        else this.warnings.add(line.number, `"${value}" is not a known phase; not imported`);
      } else if (label === 'Total Enrollment') {
        this.readEnrollment(value, line);
      } else if (label === 'Study Classification') {
        const studyType = this.enumValue(STUDY_TYPE, value, line, 'study type');
        if (studyType) setField(this.study, 'protocolSection.designModule.studyType', studyType);
      } else {
        const field = {
          'Study Start Date': 'startDateStruct',
          'Primary Completion Date': 'primaryCompletionDateStruct',
          'Study Completion Date': 'completionDateStruct',
        }[label];
        this.setDateStruct(`protocolSection.statusModule.${field}`, value, line);
      }
    }
  }

  private readEnrollment(value: string, line: SourceLine): void {
    const match = /^(\d+)(?:\s+participants?)?(?:\s*\((actual|estimated|anticipated)\))?$/i.exec(value);
    if (!match)
      return this.warnings.add(line.number, `enrollment "${value}" is not a number of participants; not imported`);
    const type = match[2] ? (match[2].toLowerCase() === 'actual' ? 'ACTUAL' : 'ESTIMATED') : undefined;
    setField(this.study, 'protocolSection.designModule.enrollmentInfo', compact({ count: Number(match[1]), type }));
  }

  private setDateStruct(path: string, value: string, line: SourceLine): void {
    const struct = readDateWithType(value);
    if (struct.date) setField(this.study, path, struct);
    else this.warnings.add(line.number, `"${value}" is not a date this importer can read; not imported`);
  }

  private readStudyDesign(lines: SourceLine[]): void {
    const fields: Record<string, [EnumTable, string, string]> = {
      'Allocation Method': [ALLOCATION, 'designInfo.allocation', 'allocation'],
      'Intervention Model': [INTERVENTION_MODEL, 'designInfo.interventionModel', 'intervention model'],
      'Primary Study Purpose': [PRIMARY_PURPOSE, 'designInfo.primaryPurpose', 'primary purpose'],
      'Observational Model': [OBSERVATIONAL_MODEL, 'designInfo.observationalModel', 'observational model'],
      'Time Perspective': [TIME_PERSPECTIVE, 'designInfo.timePerspective', 'time perspective'],
      'Blinding Strategy': [MASKING, 'designInfo.maskingInfo.masking', 'masking'],
    };
    for (const { label, value, line } of readLabelledValues(
      lines,
      Object.keys(fields),
      this.warnings,
      'Study Design',
    )) {
      const [table, path, what] = fields[label];
      const code = this.enumValue(table, value, line, what);
      if (code) setField(this.study, `protocolSection.designModule.${path}`, code);
    }
  }

  private readInterventions(lines: SourceLine[]): Intervention[] {
    const interventions: Intervention[] = [];
    let pending: SourceLine[] = [];
    for (const line of nonBlank(lines)) {
      const marker = /^Intervention Type\s*:?\s*(.+)$/i.exec(line.text);
      if (!marker) {
        pending.push(line);
        continue;
      }
      const [name, ...description] = pending;
      const type = this.enumValue(INTERVENTION_TYPE, marker[1], line, 'intervention type');
      if (!name) this.warnings.add(line.number, 'an intervention type without an intervention name; not imported');
      else if (type)
        interventions.push({
          type,
          name: name.text,
          description: description.map((item) => item.text).join('\n') || undefined,
        });
      pending = [];
    }
    for (const line of pending)
      this.warnings.add(line.number, `"${line.text}" has no intervention type after it; not imported`);
    return interventions;
  }

  /** Groups are "label / description / Group Type X", each followed by "name / Intervention Type X / description" entries. */
  private readStudyGroups(lines: SourceLine[], knownInterventions: Intervention[]): StudyGroup[] {
    const groups: StudyGroup[] = [];
    let pending: SourceLine[] = [];
    let lastIntervention: Intervention | undefined;
    for (const line of nonBlank(lines)) {
      const groupMarker = /^Group Type\s*:?\s*(.+)$/i.exec(line.text);
      const interventionMarker = /^Intervention Type\s*:?\s*(.+)$/i.exec(line.text);
      if (!groupMarker && !interventionMarker) {
        pending.push(line);
        continue;
      }
      if (groupMarker) {
        const rest = lastIntervention
          ? this.dropInterventionDescription(pending, lastIntervention, knownInterventions)
          : pending;
        const [label, ...description] = rest;
        const type = this.enumValue(ARM_GROUP_TYPE, groupMarker[1], line, 'group type');
        if (!label) this.warnings.add(line.number, 'a group type without a group label; not imported');
        else if (type)
          groups.push({
            label: label.text,
            type,
            description: description.map((item) => item.text).join('\n') || undefined,
            interventions: [],
          });
        lastIntervention = undefined;
      } else if (interventionMarker) {
        const group = groups.at(-1);
        const name = pending.at(-1);
        if (lastIntervention)
          lastIntervention.description =
            pending
              .slice(0, -1)
              .map((item) => item.text)
              .join('\n') || undefined;
        const type = this.enumValue(INTERVENTION_TYPE, interventionMarker[1], line, 'intervention type');
        if (!group || !name) {
          this.warnings.add(line.number, 'an intervention listed outside any study group; not linked to a group');
          lastIntervention = undefined;
        } else if (type) {
          lastIntervention = { type, name: name.text };
          group.interventions.push(lastIntervention);
        }
      }
      pending = [];
    }
    if (lastIntervention) lastIntervention.description = pending.map((item) => item.text).join('\n') || undefined;
    else
      for (const line of pending)
        this.warnings.add(line.number, `"${line.text}" is not part of a study group; not imported`);
    return groups;
  }

  /** Before a group's label come the description lines of the previous group's last intervention. */
  private dropInterventionDescription(
    pending: SourceLine[],
    previous: Intervention,
    known: Intervention[],
  ): SourceLine[] {
    const description = known.find((item) => item.name === previous.name && item.type === previous.type)?.description;
    if (description !== undefined) {
      for (let count = 1; count <= pending.length; count++) {
        if (
          pending
            .slice(0, count)
            .map((line) => line.text)
            .join('\n') === description
        ) {
          previous.description = description;
          return pending.slice(count);
        }
      }
    }
    // Without the Interventions section to compare with, a three-line run reads as description, label, group description.
    if (pending.length >= 3) {
      previous.description = pending[0].text;
      return pending.slice(1);
    }
    return pending;
  }

  private writeArmsAndInterventions(groups: StudyGroup[], listed: Intervention[]): void {
    const interventions = [...listed];
    for (const group of groups) {
      for (const item of group.interventions) {
        if (!interventions.some((known) => known.type === item.type && known.name === item.name))
          interventions.push(item);
      }
    }
    const armGroups = groups.map((group) =>
      compact({
        label: group.label,
        type: group.type,
        description: group.description,
        interventionNames:
          group.interventions.length > 0
            ? group.interventions.map((item) => `${labelOf(INTERVENTION_TYPE, item.type)}: ${item.name}`)
            : undefined,
      }),
    );
    const interventionRecords = interventions.map((item) => {
      const labels = groups
        .filter((group) => group.interventions.some((member) => member.type === item.type && member.name === item.name))
        .map((group) => group.label);
      return compact({
        type: item.type,
        name: item.name,
        description: item.description,
        armGroupLabels: labels.length > 0 ? labels : undefined,
      });
    });
    if (armGroups.length > 0) setField(this.study, 'protocolSection.armsInterventionsModule.armGroups', armGroups);
    if (interventionRecords.length > 0)
      setField(this.study, 'protocolSection.armsInterventionsModule.interventions', interventionRecords);
  }

  private readOtherInterventionNames(lines: SourceLine[]): void {
    const interventions = getField(this.study, 'protocolSection.armsInterventionsModule.interventions') as
      Array<Record<string, unknown>> | undefined;
    for (const line of nonBlank(lines)) {
      if (interventions?.length === 1) appendToField(interventions[0], 'otherNames', line.text);
      else
        this.warnings.add(
          line.number,
          `other intervention name "${line.text}": the page does not say which intervention it belongs to; not imported`,
        );
    }
  }

  private readEligibility(lines: SourceLine[]): void {
    const labels = ['Minimum Eligible Age', 'Maximum Eligible Age', 'Eligible Sex', 'Accepts Healthy Volunteers'];
    const items = nonBlank(lines);
    const firstLabel = items.findIndex((line) => matchLabel(line.text, labels));
    const criteria = firstLabel < 0 ? items : items.slice(0, firstLabel);
    if (criteria.length > 0) {
      setField(
        this.study,
        'protocolSection.eligibilityModule.eligibilityCriteria',
        criteriaText(criteria.map((line) => line.text)),
      );
    }
    if (firstLabel < 0) return;
    for (const { label, value, line } of readLabelledValues(
      items.slice(firstLabel),
      labels,
      this.warnings,
      'Eligibility Criteria',
    )) {
      if (label === 'Eligible Sex') {
        const sex = this.enumValue(SEX, value, line, 'sex');
        if (sex) setField(this.study, 'protocolSection.eligibilityModule.sex', sex);
      } else if (label === 'Accepts Healthy Volunteers') {
        const accepts = parseYesNo(value);
        if (accepts === undefined) this.warnings.add(line.number, `"${value}" is not yes or no; not imported`);
        else setField(this.study, 'protocolSection.eligibilityModule.healthyVolunteers', accepts);
      } else {
        const age = parseAge(value);
        const field = label === 'Minimum Eligible Age' ? 'minimumAge' : 'maximumAge';
        if (age) setField(this.study, `protocolSection.eligibilityModule.${field}`, age);
        else if (!/^(n\/a|none|no limit)/i.test(value))
          this.warnings.add(line.number, `age "${value}" has no number and unit; not imported`);
      }
    }
  }

  private readSponsors(lines: SourceLine[]): void {
    // Sponsors read "name / class / Sponsor Role x": the class is the line before the marker, the name the one before it.
    const entries = nonBlank(lines);
    let start = 0;
    entries.forEach((line, index) => {
      const role = /^Sponsor Role\s*:?\s*(.+)$/i.exec(line.text);
      if (!role) return;
      const [name, agencyClass, ...extra] = entries.slice(start, index);
      start = index + 1;
      for (const item of extra)
        this.warnings.add(item.number, `"${item.text}" could not be read as part of a sponsor; not imported`);
      if (!name) return this.warnings.add(line.number, 'a sponsor role without a sponsor name; not imported');
      const classCode = agencyClass ? lookupEnum(AGENCY_CLASS, agencyClass.text) : undefined;
      if (agencyClass && !classCode)
        this.warnings.add(agencyClass.number, `"${agencyClass.text}" is not a known sponsor class; not imported`);
      const sponsor = compact({ name: name.text, class: classCode });
      if (/^lead/i.test(role[1]))
        setField(this.study, 'protocolSection.sponsorCollaboratorsModule.leadSponsor', sponsor);
      else if (/^collaborator/i.test(role[1]))
        appendToField(this.study, 'protocolSection.sponsorCollaboratorsModule.collaborators', sponsor);
      else this.warnings.add(line.number, `"${role[1]}" is not a known sponsor role; not imported`);
    });
    for (const item of entries.slice(start))
      this.warnings.add(item.number, `"${item.text}" has no sponsor role after it; not imported`);
  }

  private readResponsibleParty(lines: SourceLine[]): void {
    const items = nonBlank(lines);
    const markerIndex = items.findIndex((line) => /^Responsibility Role\b/i.test(line.text));
    if (markerIndex < 0) {
      for (const line of items)
        this.warnings.add(line.number, `"${line.text}" has no responsibility role; not imported`);
      return;
    }
    const marker = items[markerIndex];
    const type = this.enumValue(
      RESPONSIBLE_PARTY_TYPE,
      marker.text.replace(/^Responsibility Role\s*:?\s*/i, ''),
      marker,
      'responsible party type',
    );
    if (!type) return;
    const [name, title, ...extra] = items.slice(0, markerIndex);
    const party: Record<string, unknown> = { type };
    if (type !== 'SPONSOR')
      Object.assign(party, compact({ investigatorFullName: name?.text, investigatorTitle: title?.text }));
    else
      for (const line of [name, title].filter(Boolean) as SourceLine[])
        this.warnings.add(
          line.number,
          `"${line.text}" names a person but the responsible party is the sponsor; not imported`,
        );
    for (const line of [...extra, ...items.slice(markerIndex + 1)])
      this.warnings.add(line.number, `"${line.text}" could not be read as part of the responsible party; not imported`);
    setField(this.study, 'protocolSection.sponsorCollaboratorsModule.responsibleParty', party);
  }

  private readOfficials(lines: SourceLine[]): void {
    for (const block of readRoleBlocks(lines, /^Role\s*:\s*(.+)$/i)) {
      const role = this.enumValue(OFFICIAL_ROLE, block.markerValue, block.marker, 'official role');
      const [affiliation, ...extra] = block.after;
      for (const line of extra)
        this.warnings.add(line.number, `"${line.text}" could not be read as part of an investigator; not imported`);
      if (!block.name) this.warnings.add(block.marker.number, 'a role without a name; not imported');
      else
        appendToField(
          this.study,
          'protocolSection.contactsLocationsModule.overallOfficials',
          compact({ name: block.name.text, affiliation: affiliation?.text, role }),
        );
    }
  }

  private readLocations(lines: SourceLine[]): void {
    const items = nonBlank(lines);
    let start = 0;
    const finishSite = (end: number, statusLine?: SourceLine) => {
      const siteLines = items.slice(start, end);
      start = end + 1;
      if (siteLines.length === 0) return;
      const addressLine =
        siteLines.length === 1 && siteLines[0].text.split(',').length < 3 ? undefined : siteLines.at(-1);
      const facilityLine = addressLine === siteLines[0] ? undefined : siteLines[0];
      for (const line of siteLines.slice(1, -1))
        this.warnings.add(line.number, `"${line.text}" could not be read as part of a site; not imported`);
      const statusText = statusLine?.text.replace(/^Site Status\s*:?\s*/i, '') ?? '';
      const status =
        statusText && statusLine
          ? this.enumValue(RECRUITMENT_STATUS, statusText, statusLine, 'site status')
          : undefined;
      const location = compact({
        facility: facilityLine?.text,
        status,
        ...(addressLine ? readAddress(addressLine.text) : {}),
      });
      this.locations.push(location);
      appendToField(this.study, 'protocolSection.contactsLocationsModule.locations', location);
    };
    items.forEach((line, index) => {
      if (/^Site Status\b/i.test(line.text)) finishSite(index, line);
    });
    finishSite(items.length);
  }

  private checkCountries(sections: Section[]): void {
    const siteCountries = new Set(this.locations.map((location) => String(location.country ?? '').toLowerCase()));
    for (const line of sections.flatMap((section) => nonBlank(section.body))) {
      if (!siteCountries.has(line.text.toLowerCase())) {
        this.warnings.add(
          line.number,
          `country "${line.text}" has no site listed; a record holds countries only in its locations, so it was not imported`,
        );
      }
    }
  }

  private readContacts(
    lines: SourceLine[],
    roleOf: (text: string, line: SourceLine) => string | undefined,
  ): Array<Record<string, unknown>> {
    return readRoleBlocks(lines, /^Role\s*:\s*(.+)$/i).flatMap((block) => {
      if (!block.name) {
        this.warnings.add(block.marker.number, 'a contact role without a name; not imported');
        return [];
      }
      return [
        compact({
          name: block.name.text,
          role: roleOf(block.markerValue, block.marker),
          ...readContactDetails(block.after, this.warnings),
        }),
      ];
    });
  }

  private readCentralContacts(lines: SourceLine[]): void {
    for (const contact of this.readContacts(lines, (text, line) =>
      this.enumValue(CONTACT_ROLE, text, line, 'contact role'),
    )) {
      appendToField(this.study, 'protocolSection.contactsLocationsModule.centralContacts', contact);
    }
  }

  private readFacilityContacts(lines: SourceLine[]): void {
    // A site's "primary" and "backup" contacts are both CONTACT in a v2 record.
    const siteRole = (text: string, line: SourceLine) =>
      /^(primary|backup)$/i.test(text) ? 'CONTACT' : this.enumValue(CONTACT_ROLE, text, line, 'contact role');
    const contacts = this.readContacts(lines, siteRole);
    const nameLines = readRoleBlocks(lines, /^Role\s*:\s*(.+)$/i).flatMap((block) => (block.name ? [block.name] : []));
    contacts.forEach((contact, index) => {
      if (this.locations.length === 1) appendToField(this.locations[0], 'contacts', contact);
      else
        this.warnings.add(
          nameLines[index].number,
          `facility contact "${String(contact.name)}": the page does not say which of the ${this.locations.length} sites it belongs to; not imported`,
        );
    });
  }

  private readOtherIdentifiers(lines: SourceLine[]): void {
    const items = nonBlank(lines);
    let start = 0;
    items.forEach((line, index) => {
      const source = /^Identifier Source\s*:?\s*(.*)$/i.exec(line.text);
      if (!source) return;
      const block = items.slice(start, index);
      start = index + 1;
      const typeLine = block.find((item) => /^Identifier Type\b/i.test(item.text));
      const idLine = block.find((item) => item !== typeLine);
      if (!idLine) return this.warnings.add(line.number, 'an identifier source without an identifier; not imported');
      const typeText = typeLine?.text.replace(/^Identifier Type\s*:?\s*/i, '').trim() ?? '';
      const isOrgStudyId = /^org_study_id$/i.test(source[1]);
      if (!isOrgStudyId && !/^secondary_id$/i.test(source[1])) {
        return this.warnings.add(line.number, `"${source[1]}" is not a known identifier source; not imported`);
      }
      const type =
        typeText && typeText !== '-' && typeLine
          ? this.enumValue(isOrgStudyId ? ORG_STUDY_ID_TYPE : SECONDARY_ID_TYPE, typeText, typeLine, 'identifier type')
          : undefined;
      const identifier = compact({ id: idLine.text, type });
      if (isOrgStudyId) setField(this.study, 'protocolSection.identificationModule.orgStudyIdInfo', identifier);
      else appendToField(this.study, 'protocolSection.identificationModule.secondaryIdInfos', identifier);
    });
    for (const item of items.slice(start))
      this.warnings.add(item.number, `"${item.text}" has no identifier source; not imported`);
  }
}

interface Intervention {
  type: string;
  name: string;
  description?: string;
}

interface StudyGroup {
  label: string;
  type: string;
  description?: string;
  interventions: Intervention[];
}

export function importBasicInformationPage(text: string): { records: Study[]; warnings: ImportWarning[] } {
  const page = new BasicInformationImport();
  const record = page.run(text);
  return { records: [record], warnings: page.warnings.list };
}
