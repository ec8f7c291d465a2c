import { defineRule, type RuleContext } from '../service/types';
import { asString, type JsonObject } from './study';
import { objectsOf, resultsModule, RESULTS_POINTERS } from './support/ipd-results-hygiene';
import { countValue, groupLabel, groupTitles, RESULTS_DEFINITIONS_URL } from './support/results-numbers';
import { analyzedCounts, checkZeroAnalyzed } from './support/results-measures';
import { quote } from '../service/words';

const AGE_TITLE = /^\s*age\b/i;
const SEX_TITLE = /\b(sex|gender)\b/i;
/** The registry's own titles for age and sex, and the spellings that stand for them ("Age Continuous"). */
const STANDARD_TITLES: ReadonlyArray<{ title: string; spelling: RegExp }> = [
  { title: 'Age, Continuous', spelling: /^\s*age\W*continuous\s*$/i },
  { title: 'Age, Categorical', spelling: /^\s*age\W*categorical\s*$/i },
  { title: 'Age, Customized', spelling: /^\s*age\W*customi[sz]ed\s*$/i },
  { title: 'Sex: Female, Male', spelling: /^\s*sex\W*female\W*male\s*$/i },
  { title: 'Sex/Gender, Customized', spelling: /^\s*sex\W*gender\W*customi[sz]ed\s*$/i },
];

export default defineRule({
  meta: {
    id: 'baseline-measures',
    severity: 'warning',
    category: 'results',
    description:
      'Baseline characteristics include Age and Sex/Gender, give the number analyzed per group and in total (a 0 explained), and their counts add up',
    source: 'RES-QC (results QC criteria: baseline characteristics)',
    docs:
      'The baseline characteristics describe who took part: they always include age ("Age, Continuous", "Age, ' +
      'Categorical" or "Age, Customized") and sex or gender ("Sex: Female, Male" or "Sex/Gender, Customized"), and ' +
      'state the number of participants analyzed in each group and in the Total column (denoms). In a Count of ' +
      'Participants measure the counts agree: the Total column is the sum of the groups in every row, and the rows of a ' +
      'class with several categories (e.g. Female and Male) add up to the number analyzed. Each of these is a major ' +
      "issue in the QC review, so a warning. A title that spells one of the registry's own measures differently " +
      '("Age Continuous") gets a hint with a fix to the exact form: 8 records last updated in 2010–2013 have one, none ' +
      'of the 60 records updated since 2014 does. On the sample, all 70 records with results have age and sex/gender ' +
      'measures and the number analyzed; in all 632 rows with a Total column the total is the sum of the groups, and all ' +
      '559 multi-category classes add up to their number analyzed (a class with a single category, such as "Participants ' +
      'with epilepsy", is a subset and is not added up). A group with 0 participants analyzed needs a reason in the ' +
      "population description (populationDescription), as the registry's QC has asked since June 2018: the 4 sample " +
      'records with such a group all give one. ' +
      `See "Baseline Characteristics" in the [results data element definitions](${RESULTS_DEFINITIONS_URL}).`,
    fixable: true,
  },
  check(context) {
    const baseline = resultsModule(context.record, 'baselineCharacteristicsModule');
    if (!baseline) return;
    const base = RESULTS_POINTERS.baseline;
    const measures = objectsOf(baseline.measures);
    checkRequiredMeasures(context, measures, base);
    const groups = objectsOf(baseline.groups);
    const titles = groupTitles(groups);
    const analyzed = analyzedCounts(baseline.denoms);
    checkAnalyzed(context, groups, analyzed, base, titles);
    const population = {
      holder: baseline,
      pointer: base,
      name: 'Baseline characteristics',
      descriptionName: 'baseline population description',
    };
    checkZeroAnalyzed(context, population, analyzed, titles);
    const totalId = totalGroupId(groups);
    measures.forEach((measure, m) => {
      if (measure?.paramType === 'COUNT_OF_PARTICIPANTS')
        checkCounts(context, measure, `${base}/measures/${m}`, analyzed, totalId, titles);
    });
  },
});

function checkRequiredMeasures(
  context: RuleContext,
  measures: ReadonlyArray<JsonObject | undefined>,
  base: string,
): void {
  const titles = measures.map((measure) => asString(measure?.title) ?? '');
  titles.forEach((title, m) => checkStandardTitle(context, title, `${base}/measures/${m}/title`));
  const missing = [
    titles.some((title) => AGE_TITLE.test(title))
      ? undefined
      : 'age ("Age, Continuous", "Age, Categorical" or "Age, Customized")',
    titles.some((title) => SEX_TITLE.test(title))
      ? undefined
      : 'sex or gender ("Sex: Female, Male" or "Sex/Gender, Customized")',
  ].filter((what): what is string => what !== undefined);
  if (missing.length === 0) return;
  context.report({
    pointer: `${base}/measures`,
    target: 'key',
    message: `Baseline characteristics have no measure of ${missing.join(' and no measure of ')}; every results record reports them.`,
  });
}

/** "Age Continuous" is the registry's "Age, Continuous" spelled another way: a hint with the fix. */
function checkStandardTitle(context: RuleContext, title: string, pointer: string): void {
  const standard = STANDARD_TITLES.find((candidate) => candidate.spelling.test(title))?.title;
  if (standard === undefined || standard === title) return;
  context.report({
    pointer,
    severity: 'hint',
    message: `${quote(title)} is the registry's baseline measure ${quote(standard)}; write its title exactly so.`,
    fix: { title: `Write ${quote(standard)}`, changes: [{ op: 'set', pointer, value: standard }] },
  });
}

function checkAnalyzed(
  context: RuleContext,
  groups: ReadonlyArray<JsonObject | undefined>,
  analyzed: ReadonlyMap<string, number>,
  base: string,
  titles: ReadonlyMap<string, string>,
): void {
  const missing = groups
    .map((group) => asString(group?.id))
    .filter((id): id is string => id !== undefined && !analyzed.has(id));
  if (missing.length === 0) return;
  context.report({
    pointer: `${base}/denoms`,
    target: 'key',
    message: `Baseline characteristics do not give the number of participants analyzed for ${missing.map((id) => groupLabel(id, titles)).join(', ')}; state it for every group and for the total.`,
  });
}

function checkCounts(
  context: RuleContext,
  measure: JsonObject,
  base: string,
  moduleAnalyzed: ReadonlyMap<string, number>,
  totalId: string | undefined,
  titles: ReadonlyMap<string, string>,
): void {
  const title = asString(measure.title);
  const name = title ? `Baseline measure ${quote(title)}` : 'A baseline measure';
  const measureAnalyzed = measure.denoms === undefined ? moduleAnalyzed : analyzedCounts(measure.denoms);
  objectsOf(measure.classes).forEach((measureClass, c) => {
    const categories = objectsOf(measureClass?.categories);
    const classAnalyzed = measureClass?.denoms === undefined ? measureAnalyzed : analyzedCounts(measureClass.denoms);
    const sums = new Map<string, number>();
    categories.forEach((category, g) => {
      const values = new Map<string, number>();
      for (const measurement of objectsOf(category?.measurements)) {
        const groupId = asString(measurement?.groupId);
        const count = countValue(measurement?.value);
        if (groupId === undefined || count === undefined) continue;
        values.set(groupId, count);
        sums.set(groupId, (sums.get(groupId) ?? 0) + count);
      }
      if (totalId !== undefined)
        checkTotalColumn(
          context,
          values,
          totalId,
          `${base}/classes/${c}/categories/${g}`,
          name,
          asString(category?.title),
        );
    });
    if (categories.length < 2) return;
    for (const [groupId, sum] of sums) {
      const analyzed = classAnalyzed.get(groupId);
      if (analyzed === undefined || analyzed === sum) continue;
      context.report({
        pointer: `${base}/classes/${c}/categories`,
        target: 'key',
        message: `${name}, group ${groupLabel(groupId, titles)}: the ${categories.length} categories add up to ${sum}, but ${analyzed} participants were analyzed; each participant is counted in exactly one category.`,
      });
    }
  });
}

function checkTotalColumn(
  context: RuleContext,
  values: ReadonlyMap<string, number>,
  totalId: string,
  pointer: string,
  name: string,
  category: string | undefined,
): void {
  const total = values.get(totalId);
  if (total === undefined || values.size < 2) return;
  let sum = 0;
  for (const [groupId, count] of values) if (groupId !== totalId) sum += count;
  if (sum === total) return;
  context.report({
    pointer: `${pointer}/measurements`,
    target: 'key',
    message: `${name}${category ? `, ${quote(category)}` : ''}: the Total column says ${total}, but the groups add up to ${sum}; the total of a count is the sum of the groups.`,
  });
}

/** The Total column: the last group, titled "Total", when there are several. */
function totalGroupId(groups: ReadonlyArray<JsonObject | undefined>): string | undefined {
  const last = groups[groups.length - 1];
  return groups.length > 1 && /^\s*total\s*$/i.test(asString(last?.title) ?? '') ? asString(last?.id) : undefined;
}
