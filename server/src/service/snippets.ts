// Snippets for new entries of the arrays curators add to most: arms, interventions, outcomes,
// locations, secondary ids. Enum choices come from the schema, so they follow the registry's codes.
import { schemaAt } from './studySchema';
import { choiceSnippet } from './skeleton';

export interface EntrySnippet {
  label: string;
  detail: string;
  body: string;
}

const ARMS = '/protocolSection/armsInterventionsModule';

function choices(pointer: string, tabStop: number): string {
  return choiceSnippet(schemaAt(pointer)?.enum ?? [], tabStop);
}

function lines(...entries: string[]): string {
  return `{\n${entries.map((entry) => `\t${entry}`).join(',\n')}\n}`;
}

function outcomeSnippet(kind: string): EntrySnippet {
  return {
    label: `New ${kind} outcome`,
    detail: `${/^[aeiou]/.test(kind) ? 'An' : 'A'} ${kind} outcome measure: what is measured and when`,
    body: lines('"measure": "$1"', '"description": "$2"', '"timeFrame": "${3:Baseline to week 12}"'),
  };
}

export const ARRAY_ENTRY_SNIPPETS: Record<string, EntrySnippet> = {
  armGroups: {
    label: 'New arm group',
    detail: 'An arm: label, type, description and the interventions it receives',
    body: lines(
      '"label": "$1"',
      `"type": "${choices(`${ARMS}/armGroups/0/type`, 2)}"`,
      '"description": "$3"',
      '"interventionNames": ["$4"]',
    ),
  },
  interventions: {
    label: 'New intervention',
    detail: 'An intervention: type, name, description and the arms that receive it',
    body: lines(
      `"type": "${choices(`${ARMS}/interventions/0/type`, 1)}"`,
      '"name": "$2"',
      '"description": "$3"',
      '"armGroupLabels": ["$4"]',
    ),
  },
  primaryOutcomes: outcomeSnippet('primary'),
  secondaryOutcomes: outcomeSnippet('secondary'),
  otherOutcomes: outcomeSnippet('other pre-specified'),
  locations: {
    label: 'New location',
    detail: 'A study site: facility, status, city and country',
    body: lines(
      '"facility": "$1"',
      `"status": "${choices('/protocolSection/contactsLocationsModule/locations/0/status', 2)}"`,
      '"city": "$3"',
      '"state": "$4"',
      '"zip": "$5"',
      '"country": "${6:United States}"',
    ),
  },
  secondaryIdInfos: {
    label: 'New secondary id',
    detail: 'Another identifier of the study: id, type and the issuing domain',
    body: lines(
      '"id": "$1"',
      `"type": "${choices('/protocolSection/identificationModule/secondaryIdInfos/0/type', 2)}"`,
      '"domain": "$3"',
    ),
  },
};
