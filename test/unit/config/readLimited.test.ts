// Reading the files a config names: only regular files under the limit, with the reason in words.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_CONFIG_FILE_BYTES, readLimitedFile, UnreadableFile } from '../../../server/src/config/readLimited';

const folder = mkdtempSync(join(tmpdir(), 'trial-read-limited-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('readLimitedFile', () => {
  it('reads a regular file at the limit', () => {
    const path = join(folder, 'at-limit.json');
    writeFileSync(path, `{}${' '.repeat(MAX_CONFIG_FILE_BYTES - 2)}`);
    expect(readLimitedFile(path, MAX_CONFIG_FILE_BYTES)).toHaveLength(MAX_CONFIG_FILE_BYTES);
  });

  it.each([
    [
      'a file one byte over the limit',
      () => {
        const path = join(folder, 'over.json');
        writeFileSync(path, ' '.repeat(MAX_CONFIG_FILE_BYTES + 1));
        return path;
      },
      'is 1 MB, above the 1 MB limit for such files',
    ],
    ['a device', () => '/dev/zero', 'is not a regular file (a device, pipe or socket)'],
    ['a folder', () => folder, 'is a folder, not a file'],
    ['a missing file', () => join(folder, 'missing.json'), 'does not exist'],
  ])('refuses %s, saying why', (_name, path, reason) => {
    expect(() => readLimitedFile(path(), MAX_CONFIG_FILE_BYTES)).toThrow(new UnreadableFile(reason));
  });
});
