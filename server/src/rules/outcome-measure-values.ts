import { defineRule, type RuleContext } from '../service/types';
import { asString, type JsonObject } from './study';
import { measureName, objectsOf, outcomeMeasures, RESULTS_POINTERS } from './support/ipd-results-hygiene';
import {
  countValue,
  decimalValue,
  groupLabel,
  groupTitles,
  isGiven,
  RESULTS_DEFINITIONS_URL,
} from './support/results-numbers';
import { analyzedCounts, checkZeroAnalyzed } from './support/results-measures';
import { capitalized, quote } from '../service/words';

/** Measure types that summarise values around a centre, so they need a dispersion or an interval. */
const CENTRAL_TENDENCY = new Set([
  'MEAN',
  'MEDIAN',
  'LEAST_SQUARES_MEAN',
  'GEOMETRIC_MEAN',
  'GEOMETRIC_LEAST_SQUARES_MEAN',
]);
/** A unit for the share of participants with something: it stays within 0–100. */
const PERCENT_OF_PEOPLE = /^\s*(?:percent(?:age)?|%)\s*(?:of\s+)?(?:participants|subjects|patients)\s*$/i;

export default defineRule({
  meta: {
    id: 'outcome-measure-values',
    severity: 'warning',
    category: 'results',
    description:
      "An outcome measure's data hold together: type, unit, time frame and number analyzed given; counts within the number analyzed; percentages within 0–100; a dispersion for a mean or median; zero analyzed explained",
    source: 'RES-QC (results QC criteria: outcome measures)',
    docs:
      'Each posted outcome measure says what it is (type PRIMARY, SECONDARY, …), what its numbers count or measure ' +
      '(unitOfMeasure), when (timeFrame) and, per group, how many participants were analyzed (denoms). Its data then ' +
      'agree with these: a "Count of Participants" measure has the unit "Participants" (the registry shows the ' +
      'percentages itself; a fix sets the unit) and never counts more participants in a group than were analyzed in it; ' +
      'a percentage of participants lies between 0 and 100; a mean, median, least-squares or geometric mean comes with ' +
      'its dispersion (standard deviation, standard error, range or confidence interval); and a group with 0 ' +
      'participants analyzed is explained in the analysis population description. The QC review returns each as a major ' +
      'issue, so they are warnings. On the sample, in the 692 posted outcome measures of the 70 records with results: ' +
      'all 1,549 groups have their number analyzed, every Count of Participants measure (89) has the unit ' +
      '"Participants" and no count above its number analyzed, no ' +
      'percentage of participants is outside 0–100, every mean or median has a dispersion, and all 50 groups with 0 ' +
      'analyzed are explained; 5 measures without data (no participants measured) lack a unit, so the unit is asked only ' +
      `of measures with data. See "Outcome Measure Data" in the [results data element definitions](${RESULTS_DEFINITIONS_URL}).`,
    fixable: true,
  },
  check(context) {
    outcomeMeasures(context.record).forEach((measure, m) => {
      if (!measure || measure.reportingStatus === 'NOT_POSTED') return;
      checkMeasure(context, measure, `${RESULTS_POINTERS.outcomeMeasures}/${m}`, capitalized(measureName(measure, m)));
    });
  },
});

function checkMeasure(context: RuleContext, measure: JsonObject, base: string, name: string): void {
  const hasData = checkRequired(context, measure, base, name);
  const paramType = asString(measure.paramType);
  const unit = asString(measure.unitOfMeasure);
  if (paramType === 'COUNT_OF_PARTICIPANTS' && unit !== undefined && unit.trim().toLowerCase() !== 'participants') {
    context.report({
      pointer: `${base}/unitOfMeasure`,
      message: `${name} is a Count of Participants, but its unit is ${quote(unit)}; the unit of a count of participants is "Participants" (the registry adds the percentages).`,
      fix: {
        title: 'Set the unit to "Participants"',
        changes: [{ op: 'set', pointer: `${base}/unitOfMeasure`, value: 'Participants' }],
      },
    });
  }
  if (
    paramType !== undefined &&
    CENTRAL_TENDENCY.has(paramType) &&
    hasData &&
    !isGiven(measure.dispersionType === 'NA' ? undefined : measure.dispersionType)
  ) {
    context.report({
      pointer: `${base}/dispersionType`,
      target: 'key',
      message: `${name} reports a ${paramType.toLowerCase().replace(/_/g, ' ')} without a measure of dispersion; add its standard deviation, standard error, range or confidence interval (dispersionType and the values).`,
    });
  }
  const titles = groupTitles(objectsOf(measure.groups));
  const analyzed = analyzedCounts(measure.denoms);
  if (hasData) checkEveryGroupAnalyzed(context, measure, base, name, analyzed, titles);
  const population = { holder: measure, pointer: base, name, descriptionName: 'analysis population description' };
  checkZeroAnalyzed(context, population, analyzed, titles);
  const countsParticipants = paramType === 'COUNT_OF_PARTICIPANTS';
  const percentOfPeople = unit !== undefined && PERCENT_OF_PEOPLE.test(unit);
  if (!countsParticipants && !percentOfPeople) return;
  objectsOf(measure.classes).forEach((measureClass, c) => {
    const classAnalyzed = measureClass?.denoms === undefined ? analyzed : analyzedCounts(measureClass.denoms);
    objectsOf(measureClass?.categories).forEach((category, g) => {
      const measurements = objectsOf(category?.measurements);
      for (let v = 0; v < measurements.length; v++) {
        const measurement = measurements[v];
        const groupId = asString(measurement?.groupId);
        if (!measurement || groupId === undefined) continue;
        const pointer = `${base}/classes/${c}/categories/${g}/measurements/${v}/value`;
        if (countsParticipants)
          checkCount(context, measurement, pointer, name, groupLabel(groupId, titles), classAnalyzed.get(groupId));
        else checkPercentage(context, measurement, pointer, name, groupLabel(groupId, titles));
      }
    });
  });
}

/** Reports missing type, time frame, unit and number analyzed; returns whether the measure has any value. */
function checkRequired(context: RuleContext, measure: JsonObject, base: string, name: string): boolean {
  const hasData = objectsOf(measure.classes).some((measureClass) =>
    objectsOf(measureClass?.categories).some((category) =>
      objectsOf(category?.measurements).some((measurement) => isGiven(measurement?.value)),
    ),
  );
  const missing: Array<[string, string]> = [];
  if (!isGiven(measure.type)) missing.push(['type', 'its type (PRIMARY, SECONDARY, OTHER_PRE_SPECIFIED or POST_HOC)']);
  if (!isGiven(measure.timeFrame)) missing.push(['timeFrame', 'its time frame']);
  if (hasData && !isGiven(measure.unitOfMeasure)) missing.push(['unitOfMeasure', 'its unit of measure']);
  if (hasData && objectsOf(measure.denoms).length === 0)
    missing.push(['denoms', 'the number of participants analyzed per group (denoms)']);
  for (const [key, what] of missing) {
    context.report({
      pointer: `${base}/${key}`,
      target: 'key',
      message: `${name} does not give ${what}; every posted outcome measure states it.`,
    });
  }
  return hasData;
}

function checkEveryGroupAnalyzed(
  context: RuleContext,
  measure: JsonObject,
  base: string,
  name: string,
  analyzed: ReadonlyMap<string, number>,
  titles: ReadonlyMap<string, string>,
): void {
  if (objectsOf(measure.denoms).length === 0) return;
  const missing = objectsOf(measure.groups)
    .map((group) => asString(group?.id))
    .filter((id): id is string => id !== undefined && !analyzed.has(id));
  if (missing.length === 0) return;
  context.report({
    pointer: `${base}/denoms`,
    message: `${name} does not give the number of participants analyzed for ${missing.map((id) => groupLabel(id, titles)).join(', ')}; state it for every group.`,
  });
}

function checkCount(
  context: RuleContext,
  measurement: JsonObject,
  pointer: string,
  name: string,
  group: string,
  analyzed: number | undefined,
): void {
  const count = countValue(measurement.value);
  if (count === undefined || analyzed === undefined || count <= analyzed) return;
  context.report({
    pointer,
    message: `${name}, group ${group}: ${count} participants counted, but only ${analyzed} were analyzed; a count of participants can't exceed the number analyzed.`,
  });
}

function checkPercentage(
  context: RuleContext,
  measurement: JsonObject,
  pointer: string,
  name: string,
  group: string,
): void {
  const percent = decimalValue(measurement.value);
  if (percent === undefined || (percent >= 0 && percent <= 100)) return;
  context.report({
    pointer,
    message: `${name}, group ${group}: ${percent} is not a percentage of participants, which lies between 0 and 100.`,
  });
}
