import { describe, expect, it } from 'vitest';
import { assertDistinctKeyPrefixes, keyPrefixClashes } from './key-prefixes';

describe('key prefix clashes between modules', () => {
  it('finds the same prefix claimed twice, once', () => {
    expect(keyPrefixClashes([{ name: 'a', keyPrefixes: ['ORDER#'] }, { name: 'b', keyPrefixes: ['ORDER#'] }])).toEqual([
      { prefix: 'ORDER#', owner: 'a', other: 'b', otherPrefix: 'ORDER#' },
    ]);
  });

  it('finds a prefix that starts another module’s prefix', () => {
    expect(keyPrefixClashes([{ name: 'a', keyPrefixes: ['APP'] }, { name: 'b', keyPrefixes: ['APPS#'] }])).toEqual([
      { prefix: 'APP', owner: 'a', other: 'b', otherPrefix: 'APPS#' },
    ]);
  });

  it('accepts distinct prefixes, and overlap inside one module', () => {
    expect(keyPrefixClashes([{ name: 'a', keyPrefixes: ['CERT#', 'CERTS#'] }, { name: 'b', keyPrefixes: ['CART#'] }])).toEqual([]);
    expect(() => assertDistinctKeyPrefixes([{ name: 'a', keyPrefixes: ['X#'] }, { name: 'b', keyPrefixes: ['X#'] }])).toThrow(/a 'X#' ~ b 'X#'/);
  });
});
