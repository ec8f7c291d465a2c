import { defineRule, type RelatedLocation } from '../service/types';
import { asString } from './study';
import {
  ageInMinutes,
  ELIGIBILITY_POINTER,
  eligibility,
  MINUTES_PER_YEAR,
} from './support/required-outcomes-eligibility';

const AGE_GROUPS = ['CHILD', 'ADULT', 'OLDER_ADULT'] as const;
const ADULT_FROM = 18 * MINUTES_PER_YEAR;
const OLDER_ADULT_FROM = 65 * MINUTES_PER_YEAR;

/** The age groups an age range overlaps: child under 18, adult 18 to 64, older adult 65 and over. */
export function ageGroupsFor(minimumMinutes: number, maximumMinutes: number): string[] {
  const groups: string[] = [];
  if (minimumMinutes < ADULT_FROM) groups.push('CHILD');
  if (minimumMinutes < OLDER_ADULT_FROM && maximumMinutes >= ADULT_FROM) groups.push('ADULT');
  if (maximumMinutes >= OLDER_ADULT_FROM) groups.push('OLDER_ADULT');
  return groups;
}

/** An age bound in minutes: absent means no limit; undefined when the text cannot be read. */
function bound(value: unknown, whenAbsent: number): number | undefined {
  return value === undefined || value === null ? whenAbsent : ageInMinutes(value);
}

export default defineRule({
  meta: {
    id: 'std-ages',
    severity: 'warning',
    category: 'eligibility',
    description: 'The age groups (stdAges) match the minimum and maximum age',
    source: 'ELI-02',
    docs:
      'The registry files each study under the age groups its age range overlaps: CHILD (under 18), ADULT (18 to 64) and ' +
      'OLDER_ADULT (65 and over); no minimum age means from birth and no maximum age means no limit. It computes them ' +
      'itself, so a hand-written list that disagrees with the ages is out of date. The fix replaces the list with the ' +
      'computed one. Example: minimumAge "18 Years" with no maximum gives ["ADULT", "OLDER_ADULT"].',
    fixable: true,
  },
  check(context) {
    const criteria = eligibility(context.record);
    const stdAges = criteria?.stdAges;
    if (!Array.isArray(stdAges)) return;
    const minimum = bound(criteria?.minimumAge, 0);
    const maximum = bound(criteria?.maximumAge, Number.POSITIVE_INFINITY);
    if (minimum === undefined || maximum === undefined || minimum > maximum) return;
    const expected = ageGroupsFor(minimum, maximum);
    const given = new Set(
      stdAges.filter(
        (group): group is string => typeof group === 'string' && (AGE_GROUPS as readonly string[]).includes(group),
      ),
    );
    if (given.size === expected.length && expected.every((group) => given.has(group))) return;
    const range = `${asString(criteria?.minimumAge) ?? 'birth'} to ${asString(criteria?.maximumAge) ?? 'no limit'}`;
    const related: RelatedLocation[] = (['minimumAge', 'maximumAge'] as const)
      .filter((key) => criteria?.[key] !== undefined)
      .map((key) => ({
        pointer: `${ELIGIBILITY_POINTER}/${key}`,
        message: `The ${key === 'minimumAge' ? 'minimum' : 'maximum'} age is ${asString(criteria?.[key])}.`,
      }));
    const pointer = `${ELIGIBILITY_POINTER}/stdAges`;
    context.report({
      pointer,
      message: `Age groups [${[...given].join(', ')}] do not match the ages ${range}: they span ${expected.join(', ')} (child under 18, adult 18 to 64, older adult 65 and over).`,
      related,
      fix: {
        title: `Set the age groups to ${expected.join(', ')}`,
        changes: [{ op: 'set', pointer, value: expected }],
      },
    });
  },
});
