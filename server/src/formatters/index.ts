// The output formats by name.
import { compact } from './compact';
import { github } from './github';
import { json } from './json';
import { sarif } from './sarif';
import { stylish } from './stylish';
import type { Formatter } from './types';

export const formatters: Record<string, Formatter> = { stylish, json, sarif, github, compact };
