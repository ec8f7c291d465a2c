import { defineRule } from '../service/types';
import {
  appliesFinalRule,
  dateStruct,
  FINAL_RULE_DATE,
  POINTERS,
  protocolModule,
  studyType,
  FINAL_RULE_OPTIONS,
} from './study';

const STUDY_WORDS = { INTERVENTIONAL: 'an interventional study', OBSERVATIONAL: 'an observational study' } as const;

export default defineRule({
  meta: {
    id: 'primary-outcome-required',
    severity: 'error',
    category: 'outcomes',
    description: 'Interventional and observational studies have at least one primary outcome',
    source: 'OUT-01',
    docs:
      'The primary outcome is what the study was designed to answer, and every interventional or observational study states ' +
      'at least one, with a title and a time frame (their presence in each outcome is checked by `required-fields`). Records of ' +
      'studies that started before 2017-01-18 were accepted without one, so for them this is a warning; the ' +
      '`finalRule: "always"` option makes it an error for every record. Example: { "measure": "Change from baseline in ' +
      'HbA1c", "timeFrame": "Baseline and week 24" }.',
    fixable: false,
    options: FINAL_RULE_OPTIONS,
  },
  check(context) {
    const type = studyType(context.record);
    if (type !== 'INTERVENTIONAL' && type !== 'OBSERVATIONAL') return;
    const outcomes = protocolModule(context.record, 'outcomesModule');
    const primary = outcomes?.primaryOutcomes;
    // A list of the wrong type is the schema's finding.
    if (primary !== undefined && primary !== null && (!Array.isArray(primary) || primary.length > 0)) return;
    const strict = appliesFinalRule(context);
    const start = dateStruct(context.record, 'startDateStruct')?.date;
    const olderNote = start
      ? ` This study started ${start}, before ${FINAL_RULE_DATE}, when records were accepted without one, so it is a warning here.`
      : '';
    const skeleton = { measure: '', timeFrame: '' };
    context.report({
      pointer: `${POINTERS.outcomes}/primaryOutcomes`,
      severity: strict ? 'error' : 'warning',
      message: `No primary outcome measure (primaryOutcomes): ${STUDY_WORDS[type]} needs at least one, each with a title and a time frame.${strict ? '' : olderNote}`,
      suggestions: [
        outcomes
          ? {
              title: 'Insert an empty primary outcome',
              changes: [{ op: 'set', pointer: `${POINTERS.outcomes}/primaryOutcomes`, value: [skeleton] }],
            }
          : {
              title: 'Insert an outcomes module with an empty primary outcome',
              changes: [{ op: 'set', pointer: POINTERS.outcomes, value: { primaryOutcomes: [skeleton] } }],
            },
      ],
    });
  },
});
