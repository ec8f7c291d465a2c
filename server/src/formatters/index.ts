// The output formats by name.
import { compact } from './compact';
import { github } from './github';
import { json } from './json';
import { junit } from './junit';
import { markdown } from './markdown';
import { rdjson } from './rdjson';
import { sarif } from './sarif';
import { stylish } from './stylish';
import type { Formatter } from './types';

export const formatters: Record<string, Formatter> = { stylish, json, sarif, github, markdown, rdjson, junit, compact };

/** Formats that turn fixes into suggested edits: they need each file's text and its findings' fixes. */
export const FORMATS_SHOWING_FIXES: ReadonlySet<string> = new Set(['rdjson']);
