import type { Product } from '../../shared/catalog/product';
import type { Services } from '../../shared/services';
import { makeProduct } from '../support/catalog-fixtures';

/** A fresh draft of `producerId`, saved through the real catalogue store. */
export async function draftProductOf(services: Services, producerId: string): Promise<Product> {
  const id = `sp-${producerId}-${Math.random().toString(36).slice(2, 10)}`;
  const product = makeProduct({ id, slug: id, producerId, status: 'draft', certificate: undefined });
  await services.catalog.saveProduct(product);
  return product;
}
