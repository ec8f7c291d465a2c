// The study schema's validator, generated at build time by schemas/src/validator.mjs (run by
// esbuild.mjs, so by `npm install` and every build) into studyValidator.generated.js, which is not
// committed. It reports errors without `parentSchema` and `data` (schema.ts adds them back).
import type { ValidateFunction } from 'ajv';

declare const validateStudy: ValidateFunction;
export default validateStudy;
