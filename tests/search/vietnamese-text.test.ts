import { describe, expect, it } from 'vitest';
import { aliasTerms } from '../../shared/search/synonyms';
import { decodeTelex, splitJoined } from '../../shared/search/typing-fixes';
import { accentKey, fold, hasDiacritics, joinedBigrams, normalizeText, phrases, textTerms } from '../../shared/search/vietnamese-text';

describe('folding', () => {
  it('ignores case, tone and vowel marks, and maps đ to d', () => {
    expect(phrases('NƯỚC MẮM Phú Quốc').flat().map(fold)).toEqual(['nuoc', 'mam', 'phu', 'quoc']);
    expect(fold('Đặc')).toBe('dac');
    expect(fold('đường')).toBe('duong');
  });

  it('reads NFD input (some keyboards) the same as NFC', () => {
    const nfd = 'nước mắm'.normalize('NFD');
    expect(phrases(nfd).flat()).toEqual(['nước', 'mắm']);
    expect(normalizeText(`  ${nfd}  `)).toBe('nước mắm');
  });

  it('knows which syllables carry diacritics', () => {
    expect(hasDiacritics('mắm')).toBe(true);
    expect(hasDiacritics('Đa')).toBe(true);
    expect(hasDiacritics('MAM')).toBe(false);
  });
});

describe('accent keys', () => {
  it('tell "mắm" from "mâm" and "mầm"', () => {
    expect(new Set([accentKey('mắm'), accentKey('mâm'), accentKey('mầm'), accentKey('mam')]).size).toBe(4);
  });

  it('are the same for old and new tone placement ("hòa" / "hoà", "thủy" / "thuỷ")', () => {
    expect(accentKey('hòa')).toBe(accentKey('hoà'));
    expect(accentKey('Thủy')).toBe(accentKey('thuỷ'));
    expect(accentKey('khoẻ')).toBe(accentKey('khỏe'));
  });
});

describe('phrases and bigrams', () => {
  it('break at punctuation so a bigram never spans a comma', () => {
    expect(phrases('Nước mắm, Phú Quốc (40 độ)')).toEqual([['nước', 'mắm'], ['phú', 'quốc'], ['40', 'độ']]);
    const t = textTerms('Nước mắm, Phú Quốc');
    expect(t.bigrams).toEqual(['nuocmam', 'phuquoc']);
    expect(t.accents).toContain(accentKey('mắm'));
  });

  it('join adjacent syllables', () => {
    expect(joinedBigrams(['tra', 'shan', 'tuyet'])).toEqual(['trashan', 'shantuyet']);
  });
});

describe('typing repairs', () => {
  const known = new Map(Object.entries({ phu: 9, quoc: 5, nuoc: 20, mam: 7, ha: 30, noi: 8, han: 2, oi: 1, keo: 3, dua: 4 }));
  const freq = (s: string) => known.get(s) ?? 0;

  it('splits a missing space into known syllables', () => {
    expect(splitJoined('phuquoc', freq)).toEqual(['phu', 'quoc']);
    expect(splitJoined('nuocmamphuquoc', freq)).toEqual(['nuoc', 'mam', 'phu', 'quoc']);
    expect(splitJoined('keodua', freq)).toEqual(['keo', 'dua']);
  });

  it('prefers the split into common syllables ("hanoi" → ha noi, not han oi)', () => {
    expect(splitJoined('hanoi', freq)).toEqual(['ha', 'noi']);
  });

  it('does not split what is not made of known syllables', () => {
    expect(splitJoined('xyzabc', freq)).toBeUndefined();
    expect(splitJoined('phu', freq)).toBeUndefined();
  });

  it('reads raw Telex typed without an input method', () => {
    expect(decodeTelex('nuowcs')).toBe('nuoc');
    expect(decodeTelex('mamws')).toBe('mam');
    expect(decodeTelex('ddaaus')).toBe('dau');
    expect(decodeTelex('tuyeets')).toBe('tuyet');
    expect(decodeTelex('trangf')).toBe('trang');
    expect(decodeTelex('phu')).toBe('phu');
  });
});

describe('aliases', () => {
  it('give English and regional names from accented phrases only', () => {
    expect(aliasTerms(['Mật ong hoa nhãn'])).toEqual(expect.arrayContaining(['honey', 'longan']));
    expect(aliasTerms(['Trà Shan tuyết'])).toEqual(expect.arrayContaining(['tea', 'che']));
    // "chế biến" (processed) is not "chè" (tea), though both fold to "che".
    expect(aliasTerms(['Thực phẩm chế biến'])).not.toContain('tea');
  });
});
