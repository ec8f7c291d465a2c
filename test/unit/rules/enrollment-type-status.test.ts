import { RuleTester } from '../../../server/src/testing';
import rule from '../../../server/src/rules/enrollment-type-status';
import { corpusRecord, planted } from './fixtures';

const overall = '/protocolSection/statusModule/overallStatus';
const enrollment = '/protocolSection/designModule/enrollmentInfo';
const completed = corpusRecord('NCT03418623');
const activeNotRecruiting = corpusRecord('NCT03934567');
const notYetRecruiting = corpusRecord('NCT06171568');
const recruiting = corpusRecord('NCT04267848');

new RuleTester({ today: '2026-11-24' }).run(rule, {
  valid: [
    { name: 'a real completed record (ACTUAL)', record: completed },
    { name: 'a real active, not recruiting record (ACTUAL)', record: activeNotRecruiting },
    { name: 'a real not-yet-recruiting record (ESTIMATED)', record: notYetRecruiting },
    { name: 'RECRUITING leaves the type open', record: planted(recruiting, { [`${enrollment}/type`]: 'ACTUAL' }) },
    {
      name: 'SUSPENDED leaves the type open',
      record: planted(completed, { [overall]: 'SUSPENDED', [`${enrollment}/type`]: 'ESTIMATED' }),
    },
    {
      name: 'a missing type (left to required-fields)',
      record: planted(completed, { [`${enrollment}/type`]: undefined }),
    },
    {
      name: 'a misspelled type (the schema reports it)',
      record: planted(completed, { [`${enrollment}/type`]: 'Estimated' }),
    },
    { name: 'enrollment of the wrong type', record: planted(completed, { [enrollment]: 'ESTIMATED' }) },
  ],
  invalid: [
    {
      name: 'COMPLETED with an ESTIMATED enrollment',
      record: planted(completed, { [`${enrollment}/type`]: 'ESTIMATED' }),
      errors: [
        {
          pointer: `${enrollment}/type`,
          severity: 'warning',
          message:
            'Enrollment 24 is ESTIMATED, but the status is COMPLETED; once enrollment has ended the count is the ACTUAL number of participants enrolled.',
          related: [overall],
        },
      ],
      output: completed,
    },
    {
      name: 'ACTIVE_NOT_RECRUITING with an ESTIMATED enrollment',
      record: planted(activeNotRecruiting, { [`${enrollment}/type`]: 'ESTIMATED' }),
      errors: [
        {
          pointer: `${enrollment}/type`,
          message: /^Enrollment 87 is ESTIMATED, but the status is ACTIVE_NOT_RECRUITING/,
        },
      ],
      output: activeNotRecruiting,
    },
    {
      name: 'TERMINATED with an ESTIMATED enrollment',
      record: planted(completed, { [overall]: 'TERMINATED', [`${enrollment}/type`]: 'ESTIMATED' }),
      errors: [{ pointer: `${enrollment}/type`, message: /TERMINATED/ }],
      output: planted(completed, { [overall]: 'TERMINATED' }),
    },
    {
      name: 'NOT_YET_RECRUITING with an ACTUAL enrollment',
      record: planted(notYetRecruiting, { [`${enrollment}/type`]: 'ACTUAL' }),
      errors: [
        {
          pointer: `${enrollment}/type`,
          message:
            /^Enrollment 400 is ACTUAL, but the status is NOT_YET_RECRUITING; before anyone is enrolled the count is the ESTIMATED target/,
          related: [overall],
        },
      ],
      output: notYetRecruiting,
    },
    {
      name: 'a count of the wrong type is left out of the message',
      record: planted(completed, { [enrollment]: { count: '24', type: 'ESTIMATED' } }),
      errors: [{ pointer: `${enrollment}/type`, message: /^Enrollment is ESTIMATED, but/ }],
    },
  ],
});
