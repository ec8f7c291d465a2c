// The formats the study schema uses, shared by the validator generated at build time
// (schemas/src/validator.mjs) and the ajv that compiles team schemas at run time.
import { fullFormats } from 'ajv-formats/dist/formats';
import { isRealPartialDate } from './dates';

export const STUDY_FORMATS = {
  date: fullFormats.date,
  uri: fullFormats.uri,
  'partial-date': isRealPartialDate,
};
