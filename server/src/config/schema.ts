// schemas/config.schema.json, generated from the rules' metadata: completion and validation for
// .trialrc.json in any editor that reads JSON Schema (VS Code through contributes.jsonValidation).
import { ruleCatalog } from '../rules/catalog';
import { PRESET_NAMES } from './presets';

const SEVERITY = { type: 'string', enum: ['off', 'info', 'warn', 'error', 'warning', 'hint'], enumDescriptions: ['Do not run the rule', 'Report as information', 'Report as a warning', 'Report as an error', 'Same as "warn"', 'Report as a hint (editor only)'] };

function ruleEntrySchema(description: string, severity: string): Record<string, unknown> {
  return {
    description: `${description} (default: ${severity})`,
    oneOf: [SEVERITY, { type: 'array', prefixItems: [SEVERITY, { type: 'object' }], items: [SEVERITY, { type: 'object', description: 'Options for the rule' }], minItems: 1, maxItems: 2 }],
  };
}

export function configSchema(): Record<string, unknown> {
  const rules = Object.fromEntries([...ruleCatalog().values()].map((rule) => [rule.id, ruleEntrySchema(rule.description, rule.severity)]));
  const rulesObject = { type: 'object', description: 'Severity (or [severity, options]) per rule id; custom rule ids are allowed too.', properties: rules, additionalProperties: ruleEntrySchema('A custom rule', 'its own') };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://trial-records.dev/schemas/config.schema.json',
    title: 'Trial Records configuration (.trialrc.json)',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      extends: {
        description: 'Presets and relative config files this config builds on; later entries win.',
        anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
        examples: [...PRESET_NAMES],
      },
      files: { type: 'array', items: { type: 'string' }, description: 'Extra globs (relative to this file) whose files count as trial records.' },
      rules: rulesObject,
      overrides: {
        type: 'array',
        description: 'Rule settings for some files, or for one JSON subtree of them ("glob#/json/pointer"); the last match wins.',
        items: { type: 'object', required: ['files'], additionalProperties: false, properties: { files: { type: 'array', items: { type: 'string' }, minItems: 1 }, rules: rulesObject } },
      },
      schemas: { type: 'array', items: { type: 'string' }, description: 'Extra JSON Schemas applied on top of the study schema; findings use the schema\'s "x-rule-id" or "team-schema".' },
      customRules: { type: 'array', items: { type: 'string' }, description: 'Paths or globs of .js/.mjs modules exporting { meta, check } (run only in trusted workspaces).' },
      today: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'The date time-relative rules compare with (yyyy-MM-dd).' },
      ruleTimeout: { type: 'number', exclusiveMinimum: 0, description: 'Milliseconds a custom rule may run per record before it is stopped (default 1000).' },
    },
  };
}
