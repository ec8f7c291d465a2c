import { defineRule } from '../service/types';
import { asObject, asString, POINTERS, protocolModule } from './study';
import { previousRecord, quoted } from './support/changes';

function nctId(record: unknown): string | undefined {
  return asString(protocolModule(record, 'identificationModule')?.nctId);
}

function orgStudyId(record: unknown): string | undefined {
  return asString(asObject(protocolModule(record, 'identificationModule')?.orgStudyIdInfo)?.id);
}

export default defineRule({
  meta: {
    id: 'identifier-changed',
    severity: 'warning',
    category: 'changes',
    description: "The NCT number and the organization's study ID of a record stay the same",
    source: 'CHG-05',
    docs:
      'Compares the record with its version at the revision under review (`lint --changed-since REF`). The NCT number is assigned by the registry and ' +
      "never changes: a file whose NCT number changed now describes another study, or was overwritten by mistake. The organization's study ID (the " +
      'unique protocol ID) is how the sponsor and the registry find the record; it changes rarely and on purpose. Giving a record its first NCT number ' +
      "is not reported. See [the registry's definitions](https://clinicaltrials.gov/policy/protocol-definitions#OrgStudyId).",
    fixable: false,
  },
  check(context) {
    const previous = previousRecord(context);
    if (!previous) return;
    const [nctBefore, nctNow] = [nctId(previous), nctId(context.record)];
    if (nctBefore !== undefined && nctNow !== nctBefore) {
      context.report({
        pointer: `${POINTERS.identification}/nctId`,
        message: `NCT number changed from ${nctBefore} to ${nctNow ?? 'none'}: the registry never changes a study's NCT number, so this file now describes another study or was overwritten; restore ${nctBefore} or keep the other study in its own file.`,
      });
    }
    const [idBefore, idNow] = [orgStudyId(previous), orgStudyId(context.record)];
    if (idBefore !== undefined && idNow !== undefined && idNow !== idBefore) {
      context.report({
        pointer: `${POINTERS.identification}/orgStudyIdInfo/id`,
        message: `Organization's study ID changed from ${quoted(idBefore)} to ${quoted(idNow)}: it is how the sponsor and the registry find the record; make sure the change is intended.`,
      });
    }
  },
});
