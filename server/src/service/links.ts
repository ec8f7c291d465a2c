// Document links: web addresses in the record's text, and NCT numbers, which open the registry's
// study page.
import type { DocumentLink } from 'vscode-languageserver-types';
import type { TrialDocument } from './document';

const STUDY_PAGE = 'https://clinicaltrials.gov/study/';
const LINK = /https?:\/\/[^\s"\\<>]+|\bNCT\d{8}\b/g;

export function documentLinks(document: TrialDocument): DocumentLink[] {
  const links: DocumentLink[] = [];
  for (const match of document.text.matchAll(LINK)) {
    const text = match[0].replace(/[.,;:)\]]+$/, '');
    const target = text.startsWith('NCT') ? STUDY_PAGE + text : text;
    links.push({
      range: document.rangeOf(match.index!, match.index! + text.length),
      target,
      tooltip: text.startsWith('NCT') ? `Open ${text} on ClinicalTrials.gov` : undefined,
    });
  }
  return links;
}
