import { defineRule, type RuleContext } from '../service/types';
import { asArray, asObject, POINTERS, protocolModule } from './study';

const PMID = /^\d+$/;
/** A PMID written with its label or stray spaces: "PMID: 12345678", " 12345678". */
const LABELLED_PMID = /^\s*(?:PMID\s*[:#]?\s*)?(\d+)\s*\.?\s*$/i;

export default defineRule({
  meta: {
    id: 'reference-pmid',
    severity: 'error',
    category: 'references',
    description: 'Reference PMIDs are digits only; DERIVED references are added by the registry',
    source: 'REF-01',
    docs:
      'A PubMed identifier (PMID) is a plain number, and the registry uses it to link and index the citation. Write it as ' +
      'digits only: "28381249", not "PMID: 28381249" or a DOI. References of type DERIVED are not written by curators: the ' +
      'registry finds them in PubMed by the NCT number and adds them itself, and the upload format has no way to submit one. ' +
      'Records downloaded from the registry carry them, so they are only pointed out once per record, as a hint, ' +
      'to say they need no care and will be rebuilt by the registry.',
    fixable: true,
  },
  check(context) {
    const references = asArray(protocolModule(context.record, 'referencesModule')?.references);
    references.forEach((reference, index) =>
      checkPmid(context, asObject(reference)?.pmid, `${POINTERS.references}/references/${index}/pmid`),
    );
    hintDerivedReferences(context, references);
  },
});

function checkPmid(context: RuleContext, pmid: unknown, pointer: string): void {
  // Other types are the schema's finding.
  if (typeof pmid !== 'string' || PMID.test(pmid)) return;
  const digits = LABELLED_PMID.exec(pmid)?.[1];
  context.report({
    pointer,
    message: digits
      ? `PMID "${pmid}" should be the number alone: "${digits}".`
      : `"${pmid}" is not a PMID: a PubMed identifier is digits only (e.g. "28381249"). Put other identifiers such as DOIs in the citation.`,
    fix: digits
      ? { title: `Write the PMID as "${digits}"`, changes: [{ op: 'set', pointer, value: digits }] }
      : undefined,
  });
}

function hintDerivedReferences(context: RuleContext, references: unknown[]): void {
  const derived = references.flatMap((reference, index) => (asObject(reference)?.type === 'DERIVED' ? [index] : []));
  if (derived.length === 0) return;
  const which = derived.length === 1 ? 'Reference' : `First of ${derived.length} references`;
  context.report({
    pointer: `${POINTERS.references}/references/${derived[0]}/type`,
    severity: 'hint',
    message: `${which} of type DERIVED: the registry adds these itself from PubMed and rebuilds them; they cannot be submitted, and need no editing.`,
  });
}
