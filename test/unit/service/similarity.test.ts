import { describe, expect, it } from 'vitest';
import { closeCandidates, closest, editDistance } from '../../../server/src/service/similarity';

describe('editDistance', () => {
  it('counts inserts, deletes and replacements', () => {
    expect(editDistance('format', 'format')).toBe(0);
    expect(editDistance('format', 'formats')).toBe(1);
    expect(editDistance('format', 'forma')).toBe(1);
    expect(editDistance('format', 'formal')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('counts two neighbouring letters swapped as one edit', () => {
    expect(editDistance('lnit', 'lint')).toBe(1);
    expect(editDistance('fromat', 'format')).toBe(1);
    expect(editDistance('ab', 'ba')).toBe(1);
    expect(editDistance('abc', 'ca')).toBe(3);
  });
});

describe('closest', () => {
  it('finds a swapped-letter typo of a short word', () => {
    expect(closest('lnit', ['lint', 'import', 'rules', 'help', 'version'])).toBe('lint');
    expect(closest('hlep', ['lint', 'import', 'rules', 'help', 'version'])).toBe('help');
  });

  it('gives nothing when no candidate is close', () => {
    expect(closest('frobnicate', ['lint', 'import', 'rules'])).toBeUndefined();
    expect(closeCandidates('xyz', ['Arm A', 'Arm B'])).toEqual([]);
  });
});
