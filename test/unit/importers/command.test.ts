import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runImportCommand } from '../../../server/src/importers/command';
import { SEED, SEEDS_DIR } from './seed-files';

let directory: string;
let out: string[];
let err: string[];
const io = () => ({
  cwd: directory,
  stdout: (text: string) => out.push(text),
  stderr: (text: string) => err.push(text),
});

beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'trial-import-'));
  out = [];
  err = [];
  copyFileSync(join(SEEDS_DIR, SEED.basicInformationRa), join(directory, 'ra.txt'));
  copyFileSync(join(SEEDS_DIR, SEED.basicInformationSsc), join(directory, 'ssc.txt'));
});

afterEach(() => rmSync(directory, { recursive: true, force: true }));

describe('trial-records import', () => {
  it('writes each record into the working folder and prints one line per file (exit 0)', async () => {
    expect(await runImportCommand(['ra.txt'], io())).toBe(0);
    const target = join(directory, 'NCT07008196.trial.json');
    expect(readFileSync(target, 'utf8')).toBe(readFileSync(join(SEEDS_DIR, 'NCT07008196.trial.json'), 'utf8'));
    expect(out).toEqual([`ra.txt -> ${target} (basic-information-page)\n`]);
    expect(err).toEqual([]);
  });

  it('writes into -o DIR, creating it, and prints warnings as file:line: warning: message', async () => {
    expect(await runImportCommand(['ssc.txt', '-o', 'records'], io())).toBe(0);
    expect(existsSync(join(directory, 'records', 'NCT06375005.trial.json'))).toBe(true);
    expect(err).toHaveLength(2);
    expect(err[0]).toMatch(/^ssc\.txt:131: warning: other intervention name "Taiai for commercial name MMF"/);
    expect(err[1]).toMatch(/^ssc\.txt:\d+: warning: facility contact "Jing Xue, PhD"/);
  });

  it('refuses to overwrite an existing file without --force, leaves it unchanged and exits 1', async () => {
    const target = join(directory, 'NCT07008196.trial.json');
    writeFileSync(target, 'hand-edited\n');
    expect(await runImportCommand(['ra.txt', 'ssc.txt'], io())).toBe(1);
    expect(readFileSync(target, 'utf8')).toBe('hand-edited\n');
    expect(err.join('')).toContain('already exists; not overwritten (use --force to replace it)');
    expect(existsSync(join(directory, 'NCT06375005.trial.json'))).toBe(true);
  });

  it('overwrites with --force', async () => {
    const target = join(directory, 'NCT07008196.trial.json');
    writeFileSync(target, 'hand-edited\n');
    expect(await runImportCommand(['--force', 'ra.txt'], io())).toBe(0);
    expect(readFileSync(target, 'utf8')).toContain('"nctId": "NCT07008196"');
  });

  it('exits 1 for unrecognised or unreadable input, after importing the rest', async () => {
    writeFileSync(join(directory, 'notes.txt'), 'nothing to see\n');
    mkdirSync(join(directory, 'pages'), { recursive: true });
    expect(await runImportCommand(['notes.txt', 'missing.txt', 'pages', 'ra.txt'], io())).toBe(1);
    const messages = err.join('');
    expect(messages).toContain('pages: is a folder; name the files in it to import.');
    expect(messages).toContain('notes.txt: not a format this tool can import. Supported formats:');
    expect(messages).toContain('trial-details-page');
    expect(messages).toContain('missing.txt: no such file.');
    expect(existsSync(join(directory, 'NCT07008196.trial.json'))).toBe(true);
  });

  it('says which record it could not write and why, imports the rest and exits 1', async () => {
    mkdirSync(join(directory, 'NCT07008196.trial.json'));
    expect(await runImportCommand(['ra.txt', 'ssc.txt', '--force'], io())).toBe(1);
    expect(err.join('')).toMatch(/NCT07008196\.trial\.json: cannot write it: EISDIR/);
    expect(out.join('')).toMatch(/ssc\.txt -> /);
  });

  it.each([[[]], [['--bogus', 'ra.txt']], [['ra.txt', '-o']]])('exits 2 for usage errors: %j', async (argv) => {
    expect(await runImportCommand(argv, io())).toBe(2);
    expect(err.join('')).toContain('usage: trial-records import FILE... [-o DIR] [--force]');
    expect(out).toEqual([]);
  });
});
