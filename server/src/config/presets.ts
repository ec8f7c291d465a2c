// The built-in presets: `trial-records:recommended`, `:strict` and `:all`.
import { builtinRules } from '../rules';
import type { TrialConfigFile } from './types';

/** Rules that gate FDAAA-era requirements on the start date; `strict` applies them always. */
const FINAL_RULE_GATED = ['required-fields', 'why-stopped-required', 'primary-outcome-required', 'outcome-unit-title'];

export const PRESET_NAMES = ['trial-records:recommended', 'trial-records:strict', 'trial-records:all'] as const;

export function preset(name: string): TrialConfigFile | undefined {
  switch (name) {
    case 'trial-records:recommended':
      return { rules: {} };
    case 'trial-records:strict':
      return { rules: Object.fromEntries(FINAL_RULE_GATED.map((id) => [id, ['error', { finalRule: 'always' }]])) };
    case 'trial-records:all':
      return {
        rules: Object.fromEntries(
          builtinRules
            .filter((rule) => rule.meta.severity === 'hint' || rule.meta.severity === 'info')
            .map((rule) => [rule.meta.id, 'warn']),
        ),
      };
    default:
      return undefined;
  }
}
