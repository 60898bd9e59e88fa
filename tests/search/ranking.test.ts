import { describe, expect, it } from 'vitest';
import { relevanceTier, sortScored, type ScoredRecord } from '../../shared/search/ranking';
import { SearchIndex } from '../../shared/search/search-index';
import type { ProductRecord } from '../../shared/search/search-document';
import { makeCertificateSnapshot, makeProduct } from '../support/catalog-fixtures';
import { fixtureProducers, fixtureProducts, NOW } from './fixtures';

const index = SearchIndex.build({ products: fixtureProducts(), producers: fixtureProducers() });
const ids = (q: string) => index.search({ q, filters: {}, sort: 'relevance', offset: 0, limit: 20 }, NOW).hits.map((h) => h.record.id);
const rank = (q: string, id: string) => ids(q).indexOf(id);

describe('diacritics', () => {
  it('an unaccented query finds every accented form', () => {
    expect(ids('mam')).toEqual(expect.arrayContaining(['nuoc-mam-phu-quoc-40n', 'mam-tom-ham-ninh', 'ruou-mam-xoi-sa-pa']));
    expect(ids('NUOC MAM')).toContain('nuoc-mam-phu-quoc-40n');
  });

  it('typed with diacritics, the exact syllable outranks its folded twins ("mắm" above "mâm")', () => {
    const mam = ids('mắm');
    expect(mam.indexOf('mam-tom-ham-ninh')).toBeLessThan(mam.indexOf('ruou-mam-xoi-sa-pa'));
    expect(mam.indexOf('nuoc-mam-phu-quoc-40n')).toBeLessThan(mam.indexOf('ruou-mam-xoi-sa-pa'));
    expect(ids('mâm')[0]).toBe('ruou-mam-xoi-sa-pa');
  });

  it('partly accented queries work ("nước mam phu quốc")', () => {
    expect(ids('nước mam phu quốc')[0]).toBe('nuoc-mam-phu-quoc-40n');
  });
});

describe('syllables', () => {
  it('adjacent query syllables found as a phrase outrank the same syllables scattered, even with fewer stars', () => {
    // The ginger (5★) has "mật" and "ong" in its name, apart; the honey (4★) has "mật ong".
    expect(rank('mat ong', 'mat-ong-hoa-nhan-ba-vi')).toBe(0);
    expect(rank('mat ong', 'gung-mat-ngam-ong')).toBeGreaterThan(0);
  });

  it('tolerates one typo in a longer syllable', () => {
    expect(ids('tra shan tuyer')[0]).toBe('tra-shan-tuyet-suoi-giang');
    expect(ids('tra shsn tuyet')[0]).toBe('tra-shan-tuyet-suoi-giang');
    expect(ids('phu quc')[0]).toBe('nuoc-mam-phu-quoc-40n');
  });

  it('tolerates a missing space ("phuquoc", "nuocmam phuquoc")', () => {
    expect(ids('phuquoc')[0]).toBe('nuoc-mam-phu-quoc-40n');
    expect(ids('nuocmamphuquoc')[0]).toBe('nuoc-mam-phu-quoc-40n');
    expect(ids('keodua')).toEqual(['keo-dua-sap-ben-tre']);
  });

  it('reads raw Telex ("nuowcs mamws")', () => {
    expect(ids('nuowcs mamws')[0]).toBe('nuoc-mam-phu-quoc-40n');
  });

  it('completes a half-typed last word ("keo du")', () => {
    expect(ids('keo du')).toContain('keo-dua-sap-ben-tre');
  });

  it('matches a former province only as a whole name ("kien giang", "ben tre")', () => {
    expect(ids('kien giang')).toEqual(expect.arrayContaining(['nuoc-mam-phu-quoc-40n', 'mam-tom-ham-ninh']));
    expect(ids('ben tre')).toContain('keo-dua-sap-ben-tre');
    // "Trà" of Trà Vinh (merged into Vĩnh Long) must not make the coconut candy a tea.
    expect(ids('tra')).not.toContain('keo-dua-sap-ben-tre');
  });

  it('matches English words on Vietnamese products', () => {
    expect(ids('honey')[0]).toBe('mat-ong-hoa-nhan-ba-vi');
    expect(ids('tea')).toEqual(['tra-shan-tuyet-suoi-giang']);
    expect(ids('fish sauce')[0]).toBe('nuoc-mam-phu-quoc-40n');
  });
});

describe('order: relevance, then stars, then freshness', () => {
  const record = (id: string, stars: number, createdAt: string): ProductRecord => ({
    ...makeProduct({ id, createdAt }),
    stars,
    certificateNo: id,
    expiresAt: '2030-01-01T00:00:00.000Z',
    status: 'active',
    certificateStatus: 'active',
  });

  it('puts a clearly better match first whatever its stars', () => {
    const hits: ScoredRecord[] = [
      { record: record('weak-5', 5, '2026-03-01T00:00:00.000Z'), score: 10 },
      { record: record('strong-3', 3, '2026-01-01T00:00:00.000Z'), score: 30 },
    ];
    expect(sortScored(hits, 'relevance').map((h) => h.record.id)).toEqual(['strong-3', 'weak-5']);
  });

  it('between equally relevant matches, more stars first, then newer', () => {
    const hits: ScoredRecord[] = [
      { record: record('old-4', 4, '2026-01-01T00:00:00.000Z'), score: 20 },
      { record: record('new-4', 4, '2026-05-01T00:00:00.000Z'), score: 19.5 },
      { record: record('any-5', 5, '2025-01-01T00:00:00.000Z'), score: 18 },
    ];
    expect(sortScored(hits, 'relevance').map((h) => h.record.id)).toEqual(['any-5', 'new-4', 'old-4']);
  });

  it('bands relevance by ratio to the best score', () => {
    expect(relevanceTier(100, 100)).toBe(0);
    expect(relevanceTier(90, 100)).toBe(0);
    expect(relevanceTier(50, 100)).toBeGreaterThan(1);
  });

  it('orders the real index the same way: two equally good nước mắm, the 5★ first', () => {
    const twin = makeProduct({
      ...fixtureProducts()[0]!,
      id: 'nuoc-mam-phu-quoc-35n',
      name: 'Nước mắm Phú Quốc 35 độ đạm',
      createdAt: '2026-06-01T00:00:00.000Z',
      certificate: makeCertificateSnapshot({ stars: 3, certificateNo: 'CN-NM-2' }),
    });
    const idx = SearchIndex.build({ products: [...fixtureProducts(), twin], producers: fixtureProducers() });
    const top = idx.search({ q: 'nuoc mam phu quoc', filters: {}, sort: 'relevance', offset: 0, limit: 5 }, NOW).hits.map((h) => h.record.id);
    expect(top.slice(0, 2)).toEqual(['nuoc-mam-phu-quoc-40n', 'nuoc-mam-phu-quoc-35n']);
  });

  it('sorts by price and by stars on request', () => {
    const q = { q: 'mam', filters: {}, offset: 0, limit: 10 };
    const prices = index.search({ ...q, sort: 'price_asc' }, NOW).hits.map((h) => h.record.priceVnd);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
    const stars = index.search({ ...q, sort: 'stars' }, NOW).hits.map((h) => h.record.stars);
    expect(stars).toEqual([...stars].sort((a, b) => b - a));
  });
});

describe('storefronts', () => {
  it('are found by name, with or without the legal form', () => {
    const out = index.search({ q: 'htx ca com ham ninh', filters: {}, sort: 'relevance', offset: 0, limit: 5 }, NOW);
    expect(out.producers[0]?.record.id).toBe('htx-ca-com-ham-ninh');
    const byForm = index.search({ q: 'hop tac xa che', filters: {}, sort: 'relevance', offset: 0, limit: 5 }, NOW);
    expect(byForm.producers.map((p) => p.record.id)).toContain('htx-che-suoi-giang');
  });
});

describe('partial ordering', () => {
  it('selects the first page exactly as a full sort would, and handles an empty page', () => {
    const out = index.search({ q: 'mam', filters: {}, sort: 'relevance', offset: 0, limit: 1000 }, NOW).hits;
    const hits = out.map((h) => ({ ...h }));
    const full = sortScored([...hits], 'relevance').map((h) => h.record.id);
    expect(sortScored([...hits], 'relevance', 1).map((h) => h.record.id).slice(0, 1)).toEqual(full.slice(0, 1));
    expect(sortScored([...hits], 'relevance', 0)).toEqual([]);
    expect(index.count('mam', {}, NOW)).toBe(out.length);
  });
});

describe('one-pass selection of a first page', () => {
  it('gives the same first page as a full sort, for every order', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const hits: ScoredRecord[] = Array.from({ length: 400 }, (_, i) => ({
      record: {
        ...makeProduct({ id: `p-${i}`, priceVnd: Math.floor(rand() * 50) * 10_000, createdAt: new Date(Date.UTC(2026, 0, 1) + Math.floor(rand() * 90) * 86_400_000).toISOString() }),
        stars: 3 + Math.floor(rand() * 3),
        certificateNo: `c-${i}`,
        expiresAt: '2030-01-01T00:00:00.000Z',
        status: 'active',
        certificateStatus: 'active',
      } as ProductRecord,
      score: 1 + Math.floor(rand() * 40),
    }));
    for (const sort of ['relevance', 'newest', 'price_asc', 'price_desc', 'stars'] as const) {
      const full = sortScored([...hits], sort).map((h) => h.record.id);
      expect(sortScored([...hits], sort, 24).map((h) => h.record.id), sort).toEqual(full.slice(0, 24));
    }
  });
});
