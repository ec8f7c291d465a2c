// "New Trial Record": a skeleton for the chosen study type and status, as a snippet whose tab stops
// are the blanks to fill. Codes are choices; arm labels and intervention names are typed once and
// mirrored where they are referred to; date types follow the status. Pure (no vscode), tested in Node.

export type NewStudyType = 'INTERVENTIONAL' | 'OBSERVATIONAL' | 'EXPANDED_ACCESS';

/** The statuses a new record can start with, by study type (the registry sets the others later). */
export const STARTING_STATUSES: Record<NewStudyType, readonly string[]> = {
  INTERVENTIONAL: ['NOT_YET_RECRUITING', 'RECRUITING', 'ENROLLING_BY_INVITATION', 'ACTIVE_NOT_RECRUITING'],
  OBSERVATIONAL: ['NOT_YET_RECRUITING', 'RECRUITING', 'ENROLLING_BY_INVITATION', 'ACTIVE_NOT_RECRUITING'],
  EXPANDED_ACCESS: ['AVAILABLE', 'TEMPORARILY_NOT_AVAILABLE'],
};

/** A piece of the snippet: literal JSON text, or a tab stop (optionally with default text or choices). */
type Stop = { stop: string; default?: string; choices?: readonly string[]; bare?: boolean };

const PRIMARY_PURPOSES = [
  'TREATMENT',
  'PREVENTION',
  'DIAGNOSTIC',
  'SUPPORTIVE_CARE',
  'SCREENING',
  'HEALTH_SERVICES_RESEARCH',
  'BASIC_SCIENCE',
  'DEVICE_FEASIBILITY',
  'ECT',
  'OTHER',
];
const ARM_TYPES = [
  'EXPERIMENTAL',
  'ACTIVE_COMPARATOR',
  'PLACEBO_COMPARATOR',
  'SHAM_COMPARATOR',
  'NO_INTERVENTION',
  'OTHER',
];

/** Builds the snippet text: numbers the tab stops in order of appearance and escapes the literal parts. */
class SnippetWriter {
  private readonly numbers = new Map<string, number>();

  constructor(private readonly indent = '  ') {}

  write(value: unknown, depth = 0): string {
    if (isStop(value)) return value.bare ? this.stop(value) : `"${this.stop(value)}"`;
    if (Array.isArray(value)) {
      if (value.length === 0) return '[]';
      const inner = value.map((item) => `${this.indent.repeat(depth + 1)}${this.write(item, depth + 1)}`);
      return `[\n${inner.join(',\n')}\n${this.indent.repeat(depth)}]`;
    }
    if (value !== null && typeof value === 'object') {
      const entries = Object.entries(value).map(
        ([key, item]) =>
          `${this.indent.repeat(depth + 1)}${literal(JSON.stringify(key))}: ${this.write(item, depth + 1)}`,
      );
      return `{\n${entries.join(',\n')}\n${this.indent.repeat(depth)}}`;
    }
    if (typeof value === 'string') return `"${quotedParts(value, (stop) => this.stop(stop))}"`;
    return literal(JSON.stringify(value));
  }

  private stop(stop: Stop): string {
    let number = this.numbers.get(stop.stop);
    if (number === undefined) {
      number = this.numbers.size + 1;
      this.numbers.set(stop.stop, number);
    }
    if (stop.choices) return `\${${number}|${stop.choices.join(',')}|}`;
    // Another place of the same stop repeats what is typed; the editor gives it the default text.
    return stop.default === undefined ? `\${${number}}` : `\${${number}:${literal(stop.default)}}`;
  }
}

/** Strings in the skeleton may embed tab stops as «name» or «name:default text». */
function quotedParts(text: string, stop: (stop: Stop) => string): string {
  return text
    .split(/(«[^»]*»)/)
    .map((part) => {
      const match = /^«([^:»]+)(?::([^»]*))?»$/.exec(part);
      return match ? stop({ stop: match[1], default: match[2] }) : literal(JSON.stringify(part).slice(1, -1));
    })
    .join('');
}

function isStop(value: unknown): value is Stop {
  return value !== null && typeof value === 'object' && typeof (value as Stop).stop === 'string';
}

/** Escapes text for a snippet's literal parts ($, } and \ have meaning there). */
function literal(text: string): string {
  return text.replace(/[\\$}]/g, (character) => `\\${character}`);
}

function choice(stop: string, choices: readonly string[]): Stop {
  return { stop, choices };
}

/** A choice of true and false, written without quotes. */
function yesOrNo(stop: string): Stop {
  return { stop, choices: ['false', 'true'], bare: true };
}

/** The date type a status implies for the start and for the completion dates. */
function dateTypes(status: string): { start: string; completion: string } {
  return { start: status === 'NOT_YET_RECRUITING' ? 'ESTIMATED' : 'ACTUAL', completion: 'ESTIMATED' };
}

function statusModule(type: NewStudyType, status: string, month: string): Record<string, unknown> {
  const common = { statusVerifiedDate: month, overallStatus: status };
  if (type === 'EXPANDED_ACCESS') return common;
  const types = dateTypes(status);
  return {
    ...common,
    startDateStruct: { date: '«startDate»', type: types.start },
    primaryCompletionDateStruct: { date: '«primaryCompletionDate»', type: types.completion },
    completionDateStruct: { date: '«completionDate»', type: types.completion },
  };
}

function designModule(type: NewStudyType): Record<string, unknown> {
  if (type === 'EXPANDED_ACCESS')
    return {
      studyType: type,
      expandedAccessTypes: { individual: { ...yesOrNo('individual'), choices: ['true', 'false'] } },
    };
  const enrollment = { count: { stop: 'enrollment', default: '0', bare: true }, type: 'ESTIMATED' };
  if (type === 'OBSERVATIONAL') {
    return {
      studyType: type,
      designInfo: {
        observationalModel: choice('observationalModel', [
          'COHORT',
          'CASE_CONTROL',
          'CASE_ONLY',
          'CASE_CROSSOVER',
          'ECOLOGIC_OR_COMMUNITY',
          'FAMILY_BASED',
          'DEFINED_POPULATION',
          'NATURAL_HISTORY',
          'OTHER',
        ]),
        timePerspective: choice('timePerspective', ['PROSPECTIVE', 'RETROSPECTIVE', 'CROSS_SECTIONAL', 'OTHER']),
      },
      enrollmentInfo: enrollment,
    };
  }
  return {
    studyType: type,
    phases: [choice('phase', ['NA', 'EARLY_PHASE1', 'PHASE1', 'PHASE2', 'PHASE3', 'PHASE4'])],
    designInfo: {
      allocation: choice('allocation', ['RANDOMIZED', 'NON_RANDOMIZED', 'NA']),
      interventionModel: choice('interventionModel', [
        'PARALLEL',
        'SINGLE_GROUP',
        'CROSSOVER',
        'FACTORIAL',
        'SEQUENTIAL',
      ]),
      primaryPurpose: choice('primaryPurpose', PRIMARY_PURPOSES),
      maskingInfo: { masking: choice('masking', ['NONE', 'SINGLE', 'DOUBLE', 'TRIPLE', 'QUADRUPLE']) },
    },
    enrollmentInfo: enrollment,
  };
}

/** One arm (or group) and one intervention that refer to each other; the label and name are typed once. */
function armsModule(type: NewStudyType): Record<string, unknown> {
  const intervention = {
    type: 'DRUG',
    name: '«interventionName:Study drug»',
    description: '«interventionDescription»',
  };
  if (type === 'EXPANDED_ACCESS') return { interventions: [intervention] };
  const arm: Record<string, unknown> = { label: '«armLabel:Arm A»' };
  if (type === 'INTERVENTIONAL') arm.type = choice('armType', ARM_TYPES);
  arm.description = '«armDescription»';
  arm.interventionNames = ['Drug: «interventionName»'];
  return { armGroups: [arm], interventions: [{ ...intervention, armGroupLabels: ['«armLabel»'] }] };
}

function eligibilityModule(type: NewStudyType): Record<string, unknown> {
  const module: Record<string, unknown> = {
    eligibilityCriteria: 'Inclusion Criteria:\n\n* «inclusion»\n\nExclusion Criteria:\n\n* «exclusion»',
  };
  if (type === 'EXPANDED_ACCESS') return module;
  module.healthyVolunteers = yesOrNo('healthyVolunteers');
  module.sex = choice('sex', ['ALL', 'FEMALE', 'MALE']);
  module.minimumAge = '«minimumAge:18 Years»';
  if (type === 'OBSERVATIONAL') {
    module.studyPopulation = '«studyPopulation»';
    module.samplingMethod = choice('samplingMethod', ['NON_PROBABILITY_SAMPLE', 'PROBABILITY_SAMPLE']);
  }
  return module;
}

/**
 * The skeleton of a new record as a snippet. `month` is the verification month (yyyy-MM): a new
 * record is verified the day it is written.
 */
export function newRecordSnippet(type: NewStudyType, status: string, month: string): string {
  const protocol: Record<string, unknown> = {
    identificationModule: {
      orgStudyIdInfo: { id: '«orgStudyId»' },
      briefTitle: '«briefTitle»',
      officialTitle: '«officialTitle»',
    },
    statusModule: statusModule(type, status, month),
    sponsorCollaboratorsModule: {
      responsibleParty: {
        type: choice('responsibleParty', ['SPONSOR', 'PRINCIPAL_INVESTIGATOR', 'SPONSOR_INVESTIGATOR']),
      },
      leadSponsor: { name: '«leadSponsor»' },
    },
    oversightModule: { isFdaRegulatedDrug: yesOrNo('fdaDrug'), isFdaRegulatedDevice: yesOrNo('fdaDevice') },
    descriptionModule: { briefSummary: '«briefSummary»' },
    conditionsModule: { conditions: ['«condition»'] },
    designModule: designModule(type),
    armsInterventionsModule: armsModule(type),
  };
  if (type !== 'EXPANDED_ACCESS')
    protocol.outcomesModule = { primaryOutcomes: [{ measure: '«primaryOutcome»', timeFrame: '«timeFrame»' }] };
  protocol.eligibilityModule = eligibilityModule(type);
  protocol.contactsLocationsModule = {
    centralContacts: [{ name: '«contactName»', role: 'CONTACT', phone: '«contactPhone»', email: '«contactEmail»' }],
  };
  return `${new SnippetWriter().write({ protocolSection: protocol })}\n`;
}

/** The text a snippet shows right after it is inserted: the first choice, the default text (mirrors repeat it), nothing for a bare stop. */
export function insertedText(snippet: string): string {
  const shown = new Map<string, string>();
  const choices = /\$\{(\d+)\|([^,|]*)[^|]*\|\}/g;
  const defaults = /\$\{(\d+):((?:\\.|[^\\}])*)\}/g;
  for (const [, number, first] of snippet.matchAll(choices)) shown.set(number, first);
  for (const [, number, text] of snippet.matchAll(defaults)) shown.set(number, text);
  return snippet
    .replace(choices, (_, number: string) => shown.get(number)!)
    .replace(defaults, (_, number: string) => shown.get(number)!)
    .replace(/\$\{(\d+)\}/g, (_, number: string) => shown.get(number) ?? '')
    .replace(/\\([\\$}])/g, '$1');
}
