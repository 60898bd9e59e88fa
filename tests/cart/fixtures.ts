import type { Product } from '../../shared/catalog/product';
import type { Services } from '../../shared/services';
import { makeProduct } from '../support/catalog-fixtures';

let counter = 0;

/** A product on the market now (active, 4★ certificate valid until 2028), saved through the catalogue store. */
export async function listedProduct(services: Pick<Services, 'catalog'>, over: Partial<Product> = {}): Promise<Product> {
  const id = over.id ?? `gio-${++counter}-${Math.random().toString(36).slice(2, 8)}`;
  const product = makeProduct({ id, slug: id, name: `Đặc sản ${id}`, ...over });
  await services.catalog.saveProduct(product);
  return product;
}
