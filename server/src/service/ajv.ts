// ajv, loaded when a schema is first compiled at run time (team schemas, the options a config gives
// a rule). The study schema's validator is generated at build time and needs none of it, and
// initializing ajv's modules cost every process about 7 ms of its start.
import type { default as Ajv, Options } from 'ajv';

export function newAjv(options: Options): Ajv {
  // A require() where it is needed, not an import, so that the bundle initializes ajv only then.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ajv = require('ajv') as typeof import('ajv');
  return new ajv.default(options);
}
