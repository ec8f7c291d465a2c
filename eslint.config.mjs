// ESLint (flat config) over server/, client/ and test/: typescript-eslint's recommended rules and
// the direction of the layers (README "Architecture"): the service imports no adapter, the rules
// no config, CLI, LSP or formatter, and only the VS Code client imports `vscode`.
import Module from 'node:module';

// typescript-eslint parses with the TypeScript 5/6 JS API; the project compiles with TypeScript 7,
// which has none, so ESLint's `typescript` is the typescript-for-lint alias (see .npmrc).
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolveFilename.call(this, request === 'typescript' ? 'typescript-for-lint' : request, ...rest);
};
const { default: tseslint } = await import('typescript-eslint');

const NO_VSCODE = {
  name: 'vscode',
  message: 'Only client/ talks to VS Code; the server, CLI and tests stay editor-neutral.',
};

/** Relative imports that climb into one of these folders of server/src. */
function layerBan(folders, why) {
  return { regex: `^(\\.\\./)+(${folders.join('|')})(/.*)?$`, message: why };
}

function restrictedImports(...patterns) {
  return { 'no-restricted-imports': ['error', { paths: [NO_VSCODE], patterns }] };
}

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      '**/out/**',
      'server/src/service/studyValidator.generated.js',
      'test/e2e/electron/**',
      '.e2e/**',
      '.nvim/**',
    ],
  },
  {
    files: ['server/**/*.ts', 'client/**/*.ts', 'test/**/*.ts', 'test/**/*.mts'],
    extends: [tseslint.configs.recommended],
    rules: {
      // A leading underscore marks a parameter an interface requires; a rest sibling leaves a field out.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      ...restrictedImports(),
    },
  },
  {
    // Test records are read as `any` (rules/fixtures.ts); typing them would touch every rule test.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['client/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['server/src/service/**/*.ts'],
    rules: restrictedImports(
      layerBan(
        ['rules', 'formatters', 'config', 'cli', 'lsp'],
        'The service is the engine: its callers hand it the rules and what else it needs, so that it depends on no adapter.',
      ),
    ),
  },
  {
    files: ['server/src/rules/**/*.ts'],
    rules: restrictedImports(
      layerBan(
        ['config', 'cli', 'lsp', 'formatters'],
        'A rule sees its record and options only; configuration and output belong to the adapters.',
      ),
    ),
  },
);
