// The five seed documents and their trial records, shared by the importer tests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const SEEDS_DIR = join(__dirname, '../../../seeds');

export const SEED = {
  pythonDict: '000_1fa022edb594f076.txt',
  clinConnect: '001_5c0f2623df549388.txt',
  basicInformationRa: '002_d54f2e85682e4371.txt',
  trialDetails: '003_b9facec27ee8c958.txt',
  basicInformationSsc: '004_3c315e400737ec89.txt',
} as const;

export function readSeed(name: string): string {
  return readFileSync(join(SEEDS_DIR, name), 'utf8');
}

/** The line number (1-based) of the first line of `text` that equals `line` once trimmed. */
export function lineOf(text: string, line: string): number {
  const index = text.split(/\r\n|\r|\n/).findIndex((candidate) => candidate.trim() === line);
  if (index < 0) throw new Error(`line not found: ${line}`);
  return index + 1;
}

/** Walks a record by path, for compact assertions: at(record, 'protocolSection', 'statusModule', 'overallStatus'). */
export function at(value: unknown, ...path: Array<string | number>): any {
  let current: any = value;
  for (const key of path) current = current?.[key];
  return current;
}
