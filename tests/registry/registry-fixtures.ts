import type { App } from '../../app/create-app';
import { ListProductsQuerySchema } from '../../shared/catalog/list-query';
import type { Services } from '../../shared/services';
import { makeProducer, makeProduct } from '../support/catalog-fixtures';

/** A producer in `provinceCode` with one product that has no certificate yet (not listable). */
export async function seedSubject(services: Services, id: string, provinceCode: string) {
  await services.producers.createProducer(makeProducer({ id, name: `HTX ${id}`, provinceCode }));
  const product = makeProduct({ id: `${id}-sp`, producerId: id, producerName: `HTX ${id}`, provinceCode, certificate: undefined });
  await services.catalog.saveProduct(product);
  return product;
}

/** A valid 4★ provincial record body (2026 decision, score in band: no warnings). */
export function recordBody(over: Record<string, unknown> & { certificateNo: string; subjectId: string; productId: string }) {
  return {
    decisionNo: '512/QĐ-UBND',
    decisionDate: '2026-10-01',
    stars: 4,
    score: 76,
    issuingLevel: 'province',
    issuingAuthority: 'UBND tỉnh Vĩnh Long',
    productGroup: 'food',
    subgroup: 'food-condiment',
    ...over,
  };
}

export async function listedIds(services: Services, producerId: string): Promise<string[]> {
  const page = await services.catalog.listProducts(ListProductsQuerySchema.parse({ producer: producerId }), services.clock.now());
  return page.items.map((i) => i.id);
}

export function postAs(app: App, path: string, body: unknown, auth: Record<string, string>) {
  return app.request(path, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json', ...auth }, body: JSON.stringify(body) });
}
