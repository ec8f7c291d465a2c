// Rule options in a config, checked against the rule's options schema (as ESLint does): a typo in
// an option name or value is a config error, not a setting that silently does nothing. Built-in
// rules without a schema take no options; a custom rule is checked when it declares meta.options.
import type { default as Ajv, ErrorObject, ValidateFunction } from 'ajv';
import { newAjv } from '../service/ajv';
import { ruleCatalog } from '../rules/catalog';

const catalog = ruleCatalog();
/** Made on first use: most runs check no options, and making one costs a start 10–20 ms. */
let ajv: Ajv | undefined;
const validators = new WeakMap<object, ValidateFunction>();

/** What is wrong with the options given to a built-in rule; undefined when they fit, or for a rule that is not built in. */
export function ruleOptionsProblem(ruleId: string, options: Record<string, unknown>): string | undefined {
  const rule = catalog.get(ruleId);
  if (!rule) return undefined;
  if (!rule.options)
    return Object.keys(options).length > 0 ? `this rule takes no options (got ${JSON.stringify(options)}).` : undefined;
  return optionsProblem(rule.options, options);
}

/** What is wrong with options under an options schema; undefined when they fit. */
export function optionsProblem(schema: Record<string, unknown>, options: Record<string, unknown>): string | undefined {
  let validate = validators.get(schema);
  if (!validate) {
    try {
      validate = (ajv ??= newAjv({ strict: false })).compile(schema);
    } catch (error) {
      return `the rule's own options schema (meta.options) cannot be used: ${error instanceof Error ? error.message : String(error)}.`;
    }
    validators.set(schema, validate);
  }
  return validate(options) ? undefined : describeOptionsError(validate.errors?.[0], schema, options);
}

function describeOptionsError(
  error: ErrorObject | undefined,
  schema: Record<string, unknown>,
  options: Record<string, unknown>,
): string {
  const known = Object.keys((schema.properties as Record<string, unknown> | undefined) ?? {});
  if (!error) return 'its options do not fit the rule.';
  if (error.keyword === 'additionalProperties') {
    const knownOptions =
      known.length > 0 ? `the options are ${known.map((name) => `"${name}"`).join(', ')}` : 'the rule takes none';
    return `there is no option "${String(error.params.additionalProperty)}"; ${knownOptions}.`;
  }
  const option = error.instancePath.replace(/^\//, '').replace(/\//g, '.');
  if (error.keyword === 'enum') {
    const allowed = (error.params.allowedValues as unknown[]).map((value) => JSON.stringify(value));
    const got = JSON.stringify(
      option.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], options),
    );
    return `option "${option}" can ${allowed.length === 1 ? `only be ${allowed[0]}` : `be ${allowed.join(', ')}`} (got ${got}).`;
  }
  return `option${option ? ` "${option}"` : 's'} ${error.message ?? 'do not fit the rule'}.`;
}
