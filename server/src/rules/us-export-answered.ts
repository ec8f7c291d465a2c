import { defineRule } from '../service/types';
import { asArray, asObject, POINTERS, protocolModule } from './study';

const OVERSIGHT = POINTERS.oversight;

function regulatedProducts(oversight: Record<string, unknown>): string[] {
  return [
    oversight.isFdaRegulatedDrug === true ? 'drug' : undefined,
    oversight.isFdaRegulatedDevice === true ? 'device' : undefined,
  ].filter((product): product is string => product !== undefined);
}

function hasUsSite(record: unknown): boolean {
  return asArray(protocolModule(record, 'contactsLocationsModule')?.locations).some(
    (location) => asObject(location)?.country === 'United States',
  );
}

export default defineRule({
  meta: {
    id: 'us-export-answered',
    severity: 'info',
    category: 'required',
    description:
      'An FDA-regulated drug or device study with no U.S. site says whether the product is exported from the U.S.',
    source: 'REQ-17',
    docs:
      'A study of a U.S. FDA-regulated drug or device (`isFdaRegulatedDrug` or `isFdaRegulatedDevice` true) that has no ' +
      'site in the United States must answer "Product Manufactured in and Exported from the U.S." (`isUsExport`) when it ' +
      'is not run under a U.S. IND or IDE. The public record does not say whether there is an IND or IDE, so this rule ' +
      'cannot tell whether the answer is required; it says so as information, for the curator who knows. Sites count ' +
      'as U.S. sites when their country is "United States"; a study with no sites listed yet has none. ' +
      'Evidence: of the 22 FDA-regulated records of the 820-record registry sample without a U.S. site, 17 answer it and ' +
      '5 do not (3 with sites abroad, 2 not yet recruiting with no sites), all accepted, as they would be under an IND or ' +
      'IDE. Hits on the sample: 5 (info). ' +
      '[Official definition: Product Manufactured in and Exported from the U.S.](https://clinicaltrials.gov/policy/protocol-definitions#ProductFromUS)',
    fixable: false,
  },
  check(context) {
    const oversight = protocolModule(context.record, 'oversightModule');
    if (!oversight || oversight.isUsExport !== undefined) return;
    const products = regulatedProducts(oversight);
    if (products.length === 0 || hasUsSite(context.record)) return;
    const flag = products[0] === 'drug' ? 'isFdaRegulatedDrug' : 'isFdaRegulatedDevice';
    context.report({
      pointer: `${OVERSIGHT}/isUsExport`,
      message: `U.S. export not answered (isUsExport): the study has an FDA-regulated ${products.join(' and ')} and no U.S. site, but does not say whether the product is manufactured in and exported from the U.S.; unless the study runs under a U.S. IND or IDE, the registry requires the answer.`,
      related: [{ pointer: `${OVERSIGHT}/${flag}`, message: `An FDA-regulated ${products[0]}.` }],
    });
  },
});
