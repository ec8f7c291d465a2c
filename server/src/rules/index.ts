// The registry of built-in rules: one import per rule file.
import type { Rule } from '../service/types';
import armLabelReference from './arm-label-reference';
import dateOrder from './date-order';
import interventionNameReference from './intervention-name-reference';
import nctIdMissing from './nct-id-missing';
import phaseCombination from './phase-combination';

export const builtinRules: readonly Rule[] = [dateOrder, armLabelReference, interventionNameReference, phaseCombination, nctIdMissing];

/** Rule ids the engine reports itself, outside the rule files. */
export const ENGINE_RULES = [
  { id: 'syntax', severity: 'error', category: 'format', description: 'The file is strict JSON (no comments, no trailing commas)', source: 'JSON' },
  { id: 'duplicate-key', severity: 'error', category: 'format', description: 'No key appears twice in one object', source: 'JSON' },
  { id: 'schema', severity: 'error', category: 'format', description: 'Types, enum codes, formats and limits of the v2 study schema', source: 'FMT-01/03/04/05/07/08/09' },
  { id: 'unknown-property', severity: 'warning', category: 'format', description: 'Every key is a field of the v2 study format', source: 'FMT-02' },
  { id: 'rule-error', severity: 'error', category: 'engine', description: 'A rule failed or ran past its time budget', source: 'engine' },
] as const;
