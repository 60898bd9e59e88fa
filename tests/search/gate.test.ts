import { describe, expect, it } from 'vitest';
import { checkListingGate } from '../../shared/catalog/gate';
import type { Product } from '../../shared/catalog/product';
import { isListedAt } from '../../shared/search/record-keys';
import { SearchIndex } from '../../shared/search/search-index';
import { productRecord, type ProductRecord } from '../../shared/search/search-document';
import { makeCertificateSnapshot, makeProduct } from '../support/catalog-fixtures';
import { fixtureProducers, fixtureProducts, NOW } from './fixtures';

const expiring = makeProduct({ id: 'nuoc-mam-sap-het-han', name: 'Nước mắm sắp hết hạn', certificate: makeCertificateSnapshot({ decisionDate: '2023-11-25', certificateNo: 'CN-OLD' }) });
const twoStar = makeProduct({ id: 'nuoc-mam-hai-sao', name: 'Nước mắm hai sao', certificate: makeCertificateSnapshot({ stars: 2, certificateNo: 'CN-2' }) });
const revoked = makeProduct({ id: 'nuoc-mam-thu-hoi', name: 'Nước mắm thu hồi', certificate: makeCertificateSnapshot({ status: 'revoked', certificateNo: 'CN-R' }) });
const draft = makeProduct({ id: 'nuoc-mam-nhap', name: 'Nước mắm bản nháp', status: 'draft' });

const index = SearchIndex.build({ products: [...fixtureProducts(), expiring, twoStar, revoked, draft], producers: fixtureProducers() });
const ids = (q: string, at: Date) => index.search({ q, filters: {}, sort: 'relevance', offset: 0, limit: 50 }, at).hits.map((h) => h.record.id);

describe('the 3★ gate in search', () => {
  it('never indexes what may not be listed at all (below 3★, revoked, draft)', () => {
    for (const p of [twoStar, revoked, draft]) expect(index.hasProduct(p.id)).toBe(false);
    expect(ids('nuoc mam', NOW)).not.toEqual(expect.arrayContaining([twoStar.id]));
  });

  it('drops a product at the expiry instant although it is still in the index', () => {
    const expiresAt = Date.parse(expiring.certificate!.expiresAt);
    expect(index.hasProduct(expiring.id)).toBe(true);
    expect(ids('nuoc mam', new Date(expiresAt - 1))).toContain(expiring.id);
    expect(ids('nuoc mam', new Date(expiresAt))).not.toContain(expiring.id);
    expect(index.suggest('nuoc mam sap', new Date(expiresAt)).products.map((p) => p.id)).not.toContain(expiring.id);
  });

  it('a storefront whose only product expired is hidden too', () => {
    const lone = makeProduct({ id: 'mat-ong-le', name: 'Mật ong lẻ', producerId: 'htx-le', producerName: 'HTX Ong Lẻ', certificate: expiring.certificate! });
    const idx = SearchIndex.build({ products: [lone], producers: [{ ...fixtureProducers()[0]!, id: 'htx-le', name: 'HTX Ong Lẻ' }] });
    const at = (t: number) => idx.search({ q: 'htx ong le', filters: {}, sort: 'relevance', offset: 0, limit: 5 }, new Date(t)).producers.length;
    const expiresAt = Date.parse(expiring.certificate!.expiresAt);
    expect(at(expiresAt - 1)).toBe(1);
    expect(at(expiresAt)).toBe(0);
  });

  it('isListedAt answers exactly as checkListingGate, at and around the boundary', () => {
    const records = [expiring, ...fixtureProducts()].map((p) => productRecord(p)!) as ProductRecord[];
    // A record that slipped into a snapshot with a bad status must still be refused.
    const stale: ProductRecord = { ...records[0]!, certificateStatus: 'revoked' };
    const instants = [NOW.getTime(), Date.parse(expiring.certificate!.expiresAt) - 1, Date.parse(expiring.certificate!.expiresAt), Date.parse('2035-01-01T00:00:00Z')];
    for (const r of [...records, stale]) {
      for (const t of instants) {
        const gate = checkListingGate({ status: r.status, certificate: { stars: r.stars, status: r.certificateStatus, expiresAt: r.expiresAt } }, new Date(t));
        expect(isListedAt(r, new Date(t)), `${r.id} at ${new Date(t).toISOString()}`).toBe(gate.listed);
      }
    }
  });

  it('a product edited into a gated state leaves the index', () => {
    const idx = SearchIndex.build({ products: fixtureProducts(), producers: fixtureProducers() });
    const honey = fixtureProducts().find((p) => p.id === 'mat-ong-hoa-nhan-ba-vi')!;
    const downgraded: Product = { ...honey, certificate: makeCertificateSnapshot({ stars: 2 }) };
    idx.upsertProduct(downgraded);
    expect(idx.hasProduct(honey.id)).toBe(false);
  });
});
