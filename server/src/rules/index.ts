// The registry of built-in rules: one import per rule file.
import type { Rule } from '../service/types';
import armLabelReference from './arm-label-reference';
import dateOrder from './date-order';
import interventionNameReference from './intervention-name-reference';
import nctIdMissing from './nct-id-missing';
import phaseCombination from './phase-combination';
import systemDateOrder from './system-date-order';
import actualDateInFuture from './actual-date-in-future';
import estimatedDateInPast from './estimated-date-in-past';
import statusDateType from './status-date-type';
import enrollmentTypeStatus from './enrollment-type-status';
import withdrawnEnrollment from './withdrawn-enrollment';
import lastKnownStatus from './last-known-status';
import whyStoppedRequired from './why-stopped-required';
import statusVerifiedDate from './status-verified-date';
import locationStatus from './location-status';
import expandedAccessStatus from './expanded-access-status';
import hasResultsConsistency from './has-results-consistency';
import phasesInterventionalOnly from './phases-interventional-only';
import phaseNaSuggested from './phase-na-suggested';
import designFieldsByStudyType from './design-fields-by-study-type';
import maskingRoles from './masking-roles';
import allocationArmCount from './allocation-arm-count';
import modelArmCount from './model-arm-count';
import bioSpecDescription from './bio-spec-description';
import deviceFeasibilityDevice from './device-feasibility-device';
import armInterventionSymmetry from './arm-intervention-symmetry';
import armInterventionCoverage from './arm-intervention-coverage';
import uniqueArmLabels from './unique-arm-labels';
import uniqueInterventions from './unique-interventions';
import armTypeRequired from './arm-type-required';
import requiredFields from './required-fields';
import responsiblePartyInvestigator from './responsible-party-investigator';
import secondaryIdFields from './secondary-id-fields';
import drugOtherNames from './drug-other-names';
import centralContact from './central-contact';
import primaryOutcomeRequired from './primary-outcome-required';
import outcomeSpecificity from './outcome-specificity';
import outcomeTimeFrame from './outcome-time-frame';
import ageRange from './age-range';
import stdAges from './std-ages';
import genderDescription from './gender-description';
import eligibilitySections from './eligibility-sections';
import ipdSharingFields from './ipd-sharing-fields';
import referencePmid from './reference-pmid';
import resultsGroupReference from './results-group-reference';
import adverseEventCounts from './adverse-event-counts';
import adverseEventReporting from './adverse-event-reporting';
import outcomeUnitTitle from './outcome-unit-title';
import outcomeResultsCoverage from './outcome-results-coverage';
import outcomeMeasureValues from './outcome-measure-values';
import baselineMeasures from './baseline-measures';
import analysisFields from './analysis-fields';
import analysisValues from './analysis-values';
import flowMilestones from './flow-milestones';
import flowCounts from './flow-counts';
import flowEnrollment from './flow-enrollment';
import resultsContact from './results-contact';
import resultsDocuments from './results-documents';
import resultsGroupDescriptions from './results-group-descriptions';
import duplicateValues from './duplicate-values';
import textCharacters from './text-characters';
import resultsDue from './results-due';
import verificationDue from './verification-due';
import outcomeSwitched from './outcome-switched';
import actualDataChanged from './actual-data-changed';
import statusWentBack from './status-went-back';
import resultsContentRemoved from './results-content-removed';
import identifierChanged from './identifier-changed';
import phaseRequired from './phase-required';
import recruitingContact from './recruiting-contact';
import protocolTextLimits from './protocol-text-limits';
import orgStudyIdPlaceholder from './org-study-id-placeholder';
import expandedAccessNct from './expanded-access-nct';
import usExportAnswered from './us-export-answered';
import locationCountry from './location-country';
import locationState from './location-state';
import contactFormat from './contact-format';
import linkFormat from './link-format';

export const builtinRules: readonly Rule[] = [
  // dates and status
  dateOrder,
  systemDateOrder,
  actualDateInFuture,
  estimatedDateInPast,
  statusDateType,
  enrollmentTypeStatus,
  withdrawnEnrollment,
  lastKnownStatus,
  whyStoppedRequired,
  statusVerifiedDate,
  locationStatus,
  expandedAccessStatus,
  expandedAccessNct,
  hasResultsConsistency,
  // design
  phaseCombination,
  phasesInterventionalOnly,
  phaseNaSuggested,
  phaseRequired,
  designFieldsByStudyType,
  maskingRoles,
  allocationArmCount,
  modelArmCount,
  bioSpecDescription,
  deviceFeasibilityDevice,
  // arms and interventions
  armLabelReference,
  interventionNameReference,
  armInterventionSymmetry,
  armInterventionCoverage,
  uniqueArmLabels,
  uniqueInterventions,
  armTypeRequired,
  // required fields
  requiredFields,
  responsiblePartyInvestigator,
  secondaryIdFields,
  drugOtherNames,
  centralContact,
  recruitingContact,
  orgStudyIdPlaceholder,
  usExportAnswered,
  // locations and contacts
  locationCountry,
  locationState,
  contactFormat,
  linkFormat,
  // outcomes and eligibility
  primaryOutcomeRequired,
  outcomeSpecificity,
  outcomeTimeFrame,
  ageRange,
  stdAges,
  genderDescription,
  eligibilitySections,
  // IPD sharing and references
  ipdSharingFields,
  referencePmid,
  // results
  resultsGroupReference,
  adverseEventCounts,
  adverseEventReporting,
  outcomeUnitTitle,
  outcomeResultsCoverage,
  outcomeMeasureValues,
  baselineMeasures,
  analysisFields,
  analysisValues,
  flowMilestones,
  // deadlines
  resultsDue,
  verificationDue,
  // what a change did (with lint --changed-since)
  outcomeSwitched,
  actualDataChanged,
  statusWentBack,
  resultsContentRemoved,
  identifierChanged,
  flowCounts,
  flowEnrollment,
  resultsContact,
  resultsDocuments,
  resultsGroupDescriptions,
  // identification and hygiene
  nctIdMissing,
  duplicateValues,
  protocolTextLimits,
  textCharacters,
];

/** Rule ids the engine reports itself, outside the rule files. */
export const ENGINE_RULES = [
  {
    id: 'syntax',
    severity: 'error',
    category: 'format',
    description: 'The file is strict JSON (no comments, no trailing commas)',
    source: 'JSON',
    docs:
      'Registry records are strict JSON: keys and strings in double quotes, no comments, no trailing commas, no raw control ' +
      'characters inside strings. A file that is not JSON cannot be uploaded, and the other checks see only the parts that ' +
      'could be read. The message names what was expected at that place.',
  },
  {
    id: 'duplicate-key',
    severity: 'error',
    category: 'format',
    description: 'No key appears twice in one object',
    source: 'JSON',
    docs:
      'When a key appears twice in one object, JSON readers keep the last value and drop the first without a word, so the ' +
      'registry would see something other than what is written higher up. Merge the two entries or remove one; the related ' +
      'location shows the first.',
  },
  {
    id: 'schema',
    severity: 'error',
    category: 'format',
    description: 'Types, enum codes, formats and limits of the v2 study schema',
    source: 'FMT-01/03/04/05/07/08/09',
    docs:
      "Each field of a v2 record has a type (text, number, list or object); coded fields take one of the registry's codes, " +
      'dates are written yyyy, yyyy-MM or yyyy-MM-dd, and texts have character limits. The registry rejects a record that ' +
      'breaks these. The message says what is expected; hovering the field lists its codes and limits. A coded field ' +
      'written as the registry\'s display label of one code ("Phase 2" for PHASE2, "None (Open Label)" for NONE, in any ' +
      'letter case) is fixed to that code; any other near miss is offered as a suggestion.',
    fixable: true,
  },
  {
    id: 'unknown-property',
    severity: 'warning',
    category: 'format',
    description: 'Every key is a field of the v2 study format',
    source: 'FMT-02',
    docs:
      'A key that is not a field of the v2 format is usually a typo (the message suggests the closest field, and the quick ' +
      'fix renames it) or a field from another format; the registry does not take it. Keys the registry used to have and ' +
      'has dropped are hints: they can simply be removed.',
  },
  {
    id: 'rule-error',
    severity: 'error',
    category: 'engine',
    description: 'A rule failed or ran past its time budget or memory limit',
    source: 'engine',
    docs:
      'A rule could not finish on this record: it threw an error, ended its worker, reported something malformed, or ran ' +
      "past its time budget or memory limit (for a team's rules, `ruleTimeout` and `ruleMemoryLimit`). Its findings are " +
      'missing for this record; the other rules ran. The message says what went wrong. When checking the record failed as a ' +
      'whole, the finding says so; the other records were checked.',
  },
  {
    id: 'duplicate-nct-id',
    severity: 'error',
    category: 'records',
    description: 'No two records linted together have the same NCT number',
    source: 'PRS',
    docs:
      'The registry gives a study one NCT number and one record. Two files with the same number are a copy, or a record ' +
      'overwritten with another study: keep the study in one file. Checked by `trial-records lint` across the records it ' +
      'lints, within each folder when the config says `"uniqueWithin": "folder"`; each record names the others.',
  },
  {
    id: 'duplicate-org-study-id',
    severity: 'error',
    category: 'records',
    description: "No two records of one organization have the same organization's study ID",
    source: 'PRS',
    docs:
      "PRS wants the organization's study ID (the unique protocol ID) unique within the organization: it is how the sponsor " +
      'and the registry find the record. Checked by `trial-records lint` across the records it lints, for records that name ' +
      'the same organization; each record names the others.',
  },
  {
    id: 'duplicate-brief-title',
    severity: 'error',
    category: 'records',
    description: 'No two records of one organization have the same brief title',
    source: 'PRS',
    docs:
      'PRS wants brief titles unique within the organization, so that people can tell the studies apart. Titles are compared ' +
      'without letter case and with runs of spaces as one. Checked by `trial-records lint` across the records it lints; ' +
      'each record names the others.',
  },
  {
    id: 'config-error',
    severity: 'warning',
    category: 'engine',
    description: 'The team config (.trialrc.json) cannot be used; the default rules apply',
    source: 'engine',
    docs:
      'The .trialrc.json that applies to this record cannot be used, so the recommended rules apply until it is mended. ' +
      'The message says why; the problem itself is marked in the config file, at its place.',
  },
] as const;
