// schemas/config.schema.json, generated from the rules' metadata: completion and validation for
// .trialrc.json in any editor that reads JSON Schema (VS Code through contributes.jsonValidation).
import { ruleCatalog, type CatalogEntry } from '../rules/catalog';
import { ruleDocsUrl } from '../formatters/types';
import { PRESET_NAMES } from './presets';

const SEVERITY = {
  type: 'string',
  enum: ['off', 'info', 'warn', 'error', 'warning', 'hint'],
  enumDescriptions: [
    'Do not run the rule',
    'Report as information',
    'Report as a warning',
    'Report as an error',
    'Same as "warn"',
    'Report as a hint (editor only)',
  ],
};

/** "error", or ["error", { options }]: the options object checked by the rule's own options schema. */
function ruleEntry(
  options: Record<string, unknown> = { type: 'object', description: 'Options for the rule' },
): Record<string, unknown> {
  return {
    oneOf: [
      { $ref: '#/definitions/severity' },
      { type: 'array', items: [{ $ref: '#/definitions/severity' }, options], minItems: 1, maxItems: 2 },
    ],
  };
}

function ruleProperty(rule: CatalogEntry): Record<string, unknown> {
  const description = `${rule.description} (default: ${rule.severity}; ${rule.source})`;
  const docs = rule.docs ? `\n\n${rule.docs}` : '';
  const shape = rule.options
    ? ruleEntry({ ...rule.options, description: 'Options for the rule' })
    : { $ref: '#/definitions/ruleEntry' };
  return {
    description,
    markdownDescription: `**${rule.id}** — ${description}${docs}\n\n[Rule documentation](${ruleDocsUrl(rule.id)})`,
    allOf: [shape],
  };
}

export function configSchema(): Record<string, unknown> {
  const rules = Object.fromEntries([...ruleCatalog().values()].map((rule) => [rule.id, ruleProperty(rule)]));
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://trial-records.dev/schemas/config.schema.json',
    title: 'Trial Records configuration (.trialrc.json)',
    type: 'object',
    additionalProperties: false,
    definitions: {
      severity: SEVERITY,
      ruleEntry: ruleEntry(),
      rules: {
        type: 'object',
        description: 'Severity (or [severity, options]) per rule id; custom rule ids are allowed too.',
        properties: rules,
        additionalProperties: { description: 'A custom rule', allOf: [{ $ref: '#/definitions/ruleEntry' }] },
      },
    },
    properties: {
      $schema: { type: 'string' },
      extends: {
        description: 'Presets and relative config files this config builds on; later entries win.',
        anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
        examples: [...PRESET_NAMES],
      },
      files: {
        type: 'array',
        items: { type: 'string' },
        description: 'Extra globs (relative to this file) whose files count as trial records.',
      },
      ignores: {
        type: 'array',
        items: { type: 'string' },
        description:
          'Globs (relative to this file) of records and folders that are not checked: the command line leaves them out of folders and globs, the editor does not check them; "archive/" is a whole folder. Files named on the command line are always linted.',
      },
      rules: { $ref: '#/definitions/rules' },
      overrides: {
        type: 'array',
        description:
          'Rule settings for some files, or for one JSON subtree of them ("glob#/json/pointer"); the last match wins.',
        items: {
          type: 'object',
          required: ['files'],
          additionalProperties: false,
          properties: {
            files: { type: 'array', items: { type: 'string' }, minItems: 1 },
            rules: { $ref: '#/definitions/rules' },
          },
        },
      },
      schemas: {
        type: 'array',
        items: { type: 'string' },
        description:
          'Extra JSON Schemas applied on top of the study schema; findings use the schema\'s "x-rule-id" or "team-schema".',
      },
      customRules: {
        type: 'array',
        items: { type: 'string' },
        description: 'Paths or globs of .js/.mjs modules exporting { meta, check } (run only in trusted workspaces).',
      },
      today: {
        type: 'string',
        pattern: '^\\d{4}-\\d{2}-\\d{2}$',
        description: 'The date time-relative rules compare with (yyyy-MM-dd).',
      },
      ruleTimeout: {
        type: 'number',
        exclusiveMinimum: 0,
        description:
          'Milliseconds a custom rule, or the check against a team schema, may run per record before it is stopped (default 1000).',
      },
      ruleMemoryLimit: {
        type: 'number',
        minimum: 16,
        description:
          "Megabytes of memory the custom rules' worker may use; a rule that needs more is stopped and reported (default 256).",
      },
      uniqueWithin: {
        enum: ['repository', 'folder'],
        description:
          'Where `trial-records lint` wants NCT numbers, organization study IDs and brief titles unique: across every record it lints (default), or within each folder (a folder per organization).',
      },
      prs: {
        type: 'object',
        description:
          'Defaults for "trial-records export --to prs" with the properties of a <name>.prs.json sidecar (schemas/prs-sidecar.schema.json), e.g. {"orgName": "..."}; a sidecar overrides them field by field.',
      },
    },
  };
}
