// The results of classic XML (<clinical_results>) -> the v2 results section. The tables have the v2 shape
// already (groups, classes, categories, measurements); group ids are renumbered as v2 numbers them (P1 -> FG000).
import type { Reader } from '../prs/element-reader';
import { compactObject, type JsonObject } from '../prs/json';
import {
  ASSESSMENT_TYPE,
  DISPERSION_TYPE,
  OUTCOME_TYPE,
  PARAM_TYPE,
  STATISTICAL_TEST_TYPE,
  CI_NUM_SIDES,
} from '../prs/picklists';
import type { ReadElement } from '../prs/xml';

const GROUP_PREFIX: Record<string, string> = { P: 'FG', B: 'BG', O: 'OG', E: 'EG' };

/** "P1" -> "FG000", "O12" -> "OG011"; an id of another shape stays as it is. */
export function v2GroupId(classicId: string | undefined): string | undefined {
  const match = /^([PBOE])(\d+)$/.exec(classicId?.trim() ?? '');
  if (match === null) return classicId?.trim();
  return `${GROUP_PREFIX[match[1]]}${String(Number(match[2]) - 1).padStart(3, '0')}`;
}

function textOrUndefined(text: string | undefined): string | undefined {
  return text === undefined || text.trim() === '' ? undefined : text;
}

function groupsOf(parent: ReadElement, reader: Reader): JsonObject[] {
  return reader.items(parent, 'group_list', 'group').map((group) =>
    compactObject({
      id: v2GroupId(group.attributes.group_id),
      title: reader.text(group, 'title'),
      description: reader.text(group, 'description'),
    }),
  );
}

function denomsOf(parent: ReadElement, reader: Reader): JsonObject[] {
  return reader.items(parent, 'analyzed_list', 'analyzed').map((analyzed) => {
    reader.child(analyzed, 'scope');
    return compactObject({
      units: reader.text(analyzed, 'units'),
      counts: reader
        .items(analyzed, 'count_list', 'count')
        .map((count) =>
          compactObject({ groupId: v2GroupId(count.attributes.group_id), value: count.attributes.value }),
        ),
    });
  });
}

function classesOf(measure: ReadElement, reader: Reader): JsonObject[] {
  return reader.items(measure, 'class_list', 'class').map((row) =>
    compactObject({
      title: reader.text(row, 'title'),
      denoms: denomsOf(row, reader),
      categories: reader.items(row, 'category_list', 'category').map((category) =>
        compactObject({
          title: reader.text(category, 'title'),
          measurements: reader.items(category, 'measurement_list', 'measurement').map((measurement) =>
            compactObject({
              groupId: v2GroupId(measurement.attributes.group_id),
              value: measurement.attributes.value,
              spread: measurement.attributes.spread,
              lowerLimit: measurement.attributes.lower_limit,
              upperLimit: measurement.attributes.upper_limit,
              comment: textOrUndefined(measurement.text),
            }),
          ),
        }),
      ),
    }),
  );
}

function measureOf(measure: ReadElement, reader: Reader): JsonObject {
  return compactObject({
    title: reader.text(measure, 'title'),
    description: reader.text(measure, 'description'),
    populationDescription: reader.text(measure, 'population'),
    paramType: reader.code(measure, 'param', PARAM_TYPE),
    dispersionType: reader.code(measure, 'dispersion', DISPERSION_TYPE),
    unitOfMeasure: reader.text(measure, 'units'),
    denoms: denomsOf(measure, reader),
    classes: classesOf(measure, reader),
  });
}

function participantFlow(flow: ReadElement | undefined, reader: Reader): JsonObject {
  if (flow === undefined) return {};
  return compactObject({
    recruitmentDetails: reader.text(flow, 'recruitment_details'),
    preAssignmentDetails: reader.text(flow, 'pre_assignment_details'),
    typeUnitsAnalyzed: reader.text(flow, 'units_analyzed'),
    groups: groupsOf(flow, reader),
    periods: reader.items(flow, 'period_list', 'period').map((period) =>
      compactObject({
        title: reader.text(period, 'title'),
        milestones: reader.items(period, 'milestone_list', 'milestone').map((milestone) =>
          compactObject({
            type: reader.text(milestone, 'title'),
            achievements: reader.items(milestone, 'participants_list', 'participants').map((participants) =>
              compactObject({
                groupId: v2GroupId(participants.attributes.group_id),
                comment: textOrUndefined(participants.text),
                numSubjects: participants.attributes.count,
              }),
            ),
          }),
        ),
        dropWithdraws: reader.items(period, 'drop_withdraw_reason_list', 'drop_withdraw_reason').map((reason) =>
          compactObject({
            type: reader.text(reason, 'title'),
            reasons: reader.items(reason, 'participants_list', 'participants').map((participants) =>
              compactObject({
                groupId: v2GroupId(participants.attributes.group_id),
                numSubjects: participants.attributes.count,
              }),
            ),
          }),
        ),
      }),
    ),
  });
}

function baseline(element: ReadElement | undefined, reader: Reader): JsonObject {
  if (element === undefined) return {};
  return compactObject({
    populationDescription: reader.text(element, 'population'),
    typeUnitsAnalyzed: reader.text(element, 'units_analyzed'),
    groups: groupsOf(element, reader),
    denoms: denomsOf(element, reader),
    measures: reader.items(element, 'measure_list', 'measure').map((measure) => measureOf(measure, reader)),
  });
}

function analysisOf(analysis: ReadElement, reader: Reader): JsonObject {
  return compactObject({
    paramType: reader.text(analysis, 'param_type'),
    paramValue: reader.text(analysis, 'param_value'),
    dispersionType: reader.text(analysis, 'dispersion_type'),
    dispersionValue: reader.text(analysis, 'dispersion_value'),
    statisticalMethod: reader.text(analysis, 'method'),
    statisticalComment: reader.text(analysis, 'method_desc'),
    pValue: reader.text(analysis, 'p_value'),
    pValueComment: reader.text(analysis, 'p_value_desc'),
    ciNumSides: reader.code(analysis, 'ci_n_sides', CI_NUM_SIDES),
    ciPctValue: reader.text(analysis, 'ci_percent'),
    ciLowerLimit: reader.text(analysis, 'ci_lower_limit'),
    ciUpperLimit: reader.text(analysis, 'ci_upper_limit'),
    ciUpperLimitComment: reader.text(analysis, 'ci_upper_limit_na_comment'),
    estimateComment: reader.text(analysis, 'estimate_desc'),
    nonInferiorityType: reader.code(analysis, 'non_inferiority_type', STATISTICAL_TEST_TYPE),
    nonInferiorityComment: reader.text(analysis, 'non_inferiority_desc'),
    otherAnalysisDescription: reader.text(analysis, 'other_analysis_desc'),
    groupDescription: reader.text(analysis, 'groups_desc'),
    groupIds: reader.items(analysis, 'group_id_list', 'group_id').map((id) => v2GroupId(id.text) as string),
  });
}

function outcomeOf(outcome: ReadElement, reader: Reader): JsonObject {
  const measure = reader.child(outcome, 'measure');
  // The outcome repeats its title, description and population inside <measure>; v2 keeps them once.
  for (const repeated of ['title', 'description', 'population']) reader.child(measure, repeated);
  return compactObject({
    type: reader.code(outcome, 'type', OUTCOME_TYPE),
    title: reader.text(outcome, 'title'),
    description: reader.text(outcome, 'description'),
    populationDescription: reader.text(outcome, 'population'),
    paramType: reader.code(measure, 'param', PARAM_TYPE),
    dispersionType: reader.text(measure, 'dispersion'),
    unitOfMeasure: reader.text(measure, 'units'),
    timeFrame: reader.text(outcome, 'time_frame'),
    typeUnitsAnalyzed: reader.text(measure, 'units_analyzed'),
    groups: groupsOf(outcome, reader),
    denoms: measure === undefined ? undefined : denomsOf(measure, reader),
    classes: measure === undefined ? undefined : classesOf(measure, reader),
    analyses: reader.items(outcome, 'analysis_list', 'analysis').map((analysis) => analysisOf(analysis, reader)),
  });
}

interface EventTotals {
  affected: Map<string, number>;
  atRisk: Map<string, number>;
}

/** Events by organ system; the "Total" category holds each group's totals, which v2 keeps on the group. */
function eventsOf(list: ReadElement | undefined, reader: Reader, totals: EventTotals): JsonObject[] {
  const vocabulary = reader.text(list, 'default_vocab');
  const assessment = reader.code(list, 'default_assessment', ASSESSMENT_TYPE);
  return reader.items(list, 'category_list', 'category').flatMap((category) => {
    const organSystem = reader.text(category, 'title');
    return reader.items(category, 'event_list', 'event').flatMap((event) => {
      const term = reader.child(event, 'sub_title');
      const counts = reader.children(event, 'counts');
      if (organSystem === 'Total') {
        for (const count of counts) {
          const groupId = v2GroupId(count.attributes.group_id) ?? '';
          if (count.attributes.subjects_affected !== undefined)
            totals.affected.set(groupId, Number(count.attributes.subjects_affected));
          if (count.attributes.subjects_at_risk !== undefined)
            totals.atRisk.set(groupId, Number(count.attributes.subjects_at_risk));
        }
        return [];
      }
      const number = (value: string | undefined): number | undefined =>
        value === undefined || !/^\d+$/.test(value) ? undefined : Number(value);
      return [
        compactObject({
          term: textOrUndefined(term?.text),
          organSystem,
          sourceVocabulary: term?.attributes.vocab ?? vocabulary,
          assessmentType: reader.code(event, 'assessment', ASSESSMENT_TYPE) ?? assessment,
          notes: reader.text(event, 'description'),
          stats: counts.map((count) =>
            compactObject({
              groupId: v2GroupId(count.attributes.group_id),
              numEvents: number(count.attributes.events),
              numAffected: number(count.attributes.subjects_affected),
              numAtRisk: number(count.attributes.subjects_at_risk),
            }),
          ),
        }),
      ];
    });
  });
}

function reportedEvents(events: ReadElement | undefined, reader: Reader): JsonObject {
  if (events === undefined) return {};
  const serious = reader.child(events, 'serious_events');
  const other = reader.child(events, 'other_events');
  const seriousTotals: EventTotals = { affected: new Map(), atRisk: new Map() };
  const otherTotals: EventTotals = { affected: new Map(), atRisk: new Map() };
  const seriousEvents = eventsOf(serious, reader, seriousTotals);
  const otherEvents = eventsOf(other, reader, otherTotals);
  return compactObject({
    frequencyThreshold: reader.trimmed(other, 'frequency_threshold'),
    timeFrame: reader.text(events, 'time_frame'),
    description: reader.text(events, 'desc'),
    eventGroups: groupsOf(events, reader).map((group) =>
      compactObject({
        ...group,
        seriousNumAffected: seriousTotals.affected.get(group.id as string),
        seriousNumAtRisk: seriousTotals.atRisk.get(group.id as string),
        otherNumAffected: otherTotals.affected.get(group.id as string),
        otherNumAtRisk: otherTotals.atRisk.get(group.id as string),
      }),
    ),
    seriousEvents,
    otherEvents,
  });
}

/** Classic XML states the agreements as sentences ("Principal Investigators are NOT employed by …"). */
function sentenceAnswer(text: string | undefined): boolean | undefined {
  if (text === undefined) return undefined;
  return !/\bNOT\b/.test(text);
}

export function classicResults(results: ReadElement, reader: Reader): JsonObject {
  const agreements = reader.child(results, 'certain_agreements');
  const contact = reader.child(results, 'point_of_contact');
  return compactObject({
    participantFlowModule: participantFlow(reader.child(results, 'participant_flow'), reader),
    baselineCharacteristicsModule: baseline(reader.child(results, 'baseline'), reader),
    outcomeMeasuresModule: compactObject({
      outcomeMeasures: reader.items(results, 'outcome_list', 'outcome').map((outcome) => outcomeOf(outcome, reader)),
    }),
    adverseEventsModule: reportedEvents(reader.child(results, 'reported_events'), reader),
    moreInfoModule: compactObject({
      limitationsAndCaveats: compactObject({ description: reader.text(results, 'limitations_and_caveats') }),
      certainAgreement: compactObject({
        piSponsorEmployee: sentenceAnswer(reader.text(agreements, 'pi_employee')),
        restrictiveAgreement: sentenceAnswer(reader.text(agreements, 'restrictive_agreement')),
        otherDetails: reader.text(agreements, 'other_details'),
      }),
      pointOfContact:
        contact === undefined
          ? undefined
          : compactObject({
              title: reader.text(contact, 'name_or_title'),
              organization: reader.text(contact, 'organization'),
              phone: reader.text(contact, 'phone'),
              email: reader.text(contact, 'email'),
            }),
    }),
  });
}
