// `trial-records rules`: the catalogue as a table or as JSON.
import { ruleCatalog } from '../rules/catalog';
import { oneOf, parseArgs, UsageError } from './args';
import { configSchema } from '../config/schema';
import type { CliIo } from './lint';

/** The README's rule table, generated from the rules' metadata (the one source of truth). */
export function ruleTableMarkdown(): string {
  const entries = [...ruleCatalog().values()].sort((a, b) => a.category.localeCompare(b.category) || a.id.localeCompare(b.id));
  const escape = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const rows = entries.map((e) => `| \`${e.id}\` | ${e.severity} | ${e.category} | ${e.source} | ${e.fixable ? 'yes' : ''} | ${escape(e.description)} |`);
  const details = entries.filter((e) => e.docs).map((e) => `<details><summary><code>${e.id}</code></summary>\n\n${escape(e.docs ?? '')}\n\n</details>`);
  return ['| rule | severity | category | source | fix | what it checks |', '|---|---|---|---|---|---|', ...rows, '', ...details, ''].join('\n');
}

const RULES_FORMATS = ['table', 'json', 'markdown', 'config-schema'] as const;

export function runRulesCommand(argv: readonly string[], io: CliIo): number {
  const args = parseArgs(argv, { values: { format: ['-f'] }, booleans: {} });
  if (args.positional.length > 0) throw new UsageError(`"rules" takes no paths (got "${args.positional.join(' ')}"); it lists the built-in rules.`);
  const format = oneOf(args.values.get('format'), RULES_FORMATS, 'format') ?? 'table';
  const entries = [...ruleCatalog().values()].sort((a, b) => a.category.localeCompare(b.category) || a.id.localeCompare(b.id));
  if (format === 'config-schema') {
    io.stdout(JSON.stringify(configSchema(), null, 2) + '\n');
    return 0;
  }
  if (format === 'markdown') {
    io.stdout(ruleTableMarkdown());
    return 0;
  }
  if (format === 'json') {
    const described = entries.map(({ id, severity, category, source, description, fixable, docs, options }) => ({ id, severity, category, source, description, fixable: fixable ?? false, docs, options }));
    io.stdout(JSON.stringify(described, null, 2) + '\n');
    return 0;
  }
  const widths = {
    id: Math.max(2, ...entries.map((e) => e.id.length)),
    severity: 8,
    category: Math.max(8, ...entries.map((e) => e.category.length)),
    source: Math.max(6, ...entries.map((e) => e.source.length)),
  };
  const row = (id: string, severity: string, category: string, source: string, description: string) =>
    `${id.padEnd(widths.id)}  ${severity.padEnd(widths.severity)}  ${category.padEnd(widths.category)}  ${source.padEnd(widths.source)}  ${description}`;
  const lines = [row('id', 'severity', 'category', 'source', 'description'), ...entries.map((e) => row(e.id, e.severity, e.category, e.source, e.description))];
  io.stdout(lines.join('\n') + `\n\n${entries.length} rules.\n`);
  return 0;
}
