import { RuleTester } from '../server/src/testing';
import { messageStyleProblem } from './unit/rules/message-style';

// Tests describe runs outside GitHub Actions unless they set its variables themselves: CI may run
// in GitHub Actions, whose variables change how the reports name and link files. The same goes for
// the colour conventions (NO_COLOR, FORCE_COLOR) that a CI service may set.
for (const name of Object.keys(process.env))
  if (name.startsWith('GITHUB_') || name === 'NO_COLOR' || name === 'FORCE_COLOR') delete process.env[name];

// Every rule test holds its rule's messages to the house style (see test/unit/rules/message-style.ts).
RuleTester.checkMessage = messageStyleProblem;
