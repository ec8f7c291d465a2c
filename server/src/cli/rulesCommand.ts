// `trial-records rules`: the catalogue as a table or as JSON, or the rules it names in full.
import { ruleCatalog, type CatalogEntry } from '../rules/catalog';
import { closest } from '../service/similarity';
import { oneOf, parseArgs, UsageError } from './args';
import { configSchema } from '../config/schema';
import type { CliIo } from './lint';

/** The README's rule table, generated from the rules' metadata (the one source of truth). */
export function ruleTableMarkdown(): string {
  const entries = [...ruleCatalog().values()].sort(byCategoryThenId);
  const escape = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const rows = entries.map(
    (e) =>
      `| \`${e.id}\` | ${e.severity} | ${e.category} | ${e.source} | ${e.fixable ? 'yes' : ''} | ${escape(e.description)} |`,
  );
  const details = entries
    .filter((e) => e.docs)
    .map((e) => `<details><summary><code>${e.id}</code></summary>\n\n${escape(e.docs ?? '')}\n\n</details>`);
  return [
    '| rule | severity | category | source | fix | what it checks |',
    '|---|---|---|---|---|---|',
    ...rows,
    '',
    ...details,
    '',
  ].join('\n');
}

const RULES_FORMATS = ['table', 'json', 'markdown', 'config-schema'] as const;

function byCategoryThenId(a: CatalogEntry, b: CatalogEntry): number {
  return a.category.localeCompare(b.category) || a.id.localeCompare(b.id);
}
const TEXT_WIDTH = 100;

function catalogEntry(catalog: ReadonlyMap<string, CatalogEntry>, id: string): CatalogEntry {
  const entry = catalog.get(id);
  if (entry) return entry;
  const suggestion = closest(id, [...catalog.keys()]);
  throw new UsageError(
    `Unknown rule "${id}"${suggestion ? `; did you mean "${suggestion}"?` : '; `trial-records rules` lists them.'}`,
  );
}

/** One rule for the terminal: what it checks, why, its options, and how to set it in a config. */
function ruleDescription(entry: CatalogEntry): string {
  const lines = [
    `${entry.id}  (${entry.severity} by default; ${entry.category}; registry check ${entry.source || 'none'})`,
    '',
    ...wrap(entry.description, TEXT_WIDTH),
  ];
  if (entry.docs) lines.push('', ...wrap(entry.docs, TEXT_WIDTH));
  const options = Object.entries(
    (entry.options as { properties?: Record<string, { description?: string }> } | undefined)?.properties ?? {},
  );
  if (options.length > 0) {
    lines.push('', 'Options:');
    for (const [name, option] of options)
      lines.push(
        ...wrap(`${name}: ${option.description ?? ''}`, TEXT_WIDTH - 4).map(
          (line, i) => `${i === 0 ? '  ' : '    '}${line}`,
        ),
      );
  }
  lines.push('', entry.fixable ? '`trial-records lint --fix` fixes it.' : 'No automatic fix.');
  const example = options.length > 0 ? `["warn", { "${options[0][0]}": … }]` : '"warn"';
  lines.push(`In .trialrc.json: { "rules": { "${entry.id}": ${example} } }  ("off", "info", "warn", "error")`, '');
  return lines.join('\n');
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

export function runRulesCommand(argv: readonly string[], io: CliIo): number {
  const args = parseArgs(argv, { values: { format: ['-f'] }, booleans: {} });
  const format = oneOf(args.values.get('format'), RULES_FORMATS, 'format') ?? 'table';
  const named = args.positional;
  if (named.length > 0 && (format === 'markdown' || format === 'config-schema'))
    throw new UsageError(`--format ${format} describes every rule; leave out the rule ids (got "${named.join(' ')}").`);
  const catalog = ruleCatalog();
  const entries =
    named.length > 0 ? named.map((id) => catalogEntry(catalog, id)) : [...catalog.values()].sort(byCategoryThenId);
  if (named.length > 0 && format === 'table') {
    io.stdout(entries.map(ruleDescription).join('\n'));
    return 0;
  }
  if (format === 'config-schema') {
    io.stdout(JSON.stringify(configSchema(), null, 2) + '\n');
    return 0;
  }
  if (format === 'markdown') {
    io.stdout(ruleTableMarkdown());
    return 0;
  }
  if (format === 'json') {
    const described = entries.map(({ id, severity, category, source, description, fixable, docs, options }) => ({
      id,
      severity,
      category,
      source,
      description,
      fixable: fixable ?? false,
      docs,
      options,
    }));
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
  const lines = [
    row('id', 'severity', 'category', 'source', 'description'),
    ...entries.map((e) => row(e.id, e.severity, e.category, e.source, e.description)),
  ];
  io.stdout(lines.join('\n') + `\n\n${entries.length} rules.\n`);
  return 0;
}
