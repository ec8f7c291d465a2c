// Entry bundled by the benchmark: the pieces of the engine it times.
export { validateText } from '../../server/src/service/validate';
export { studyValidator } from '../../server/src/service/schema';
export { cannotHaveDuplicateKeys } from '../../server/src/service/scan';
export { studySchema } from '../../server/src/service/studySchema';
export { builtinRules } from '../../server/src/rules';
