import type { Product } from '../../shared/catalog/product';
import { withVariantSummary } from '../../shared/catalog/variants';
import type { Services } from '../../shared/services';
import { makeProduct } from '../support/catalog-fixtures';

/** A fresh draft of `producerId` sold in two sizes (variant ids `chai-500-ml`, `chai-1-lit`), saved through the real store. */
export async function draftProductWithVariantsOf(services: Services, producerId: string): Promise<Product> {
  const id = `sp-bt-${producerId}-${Math.random().toString(36).slice(2, 10)}`;
  const product = withVariantSummary(
    makeProduct({
      id,
      slug: id,
      producerId,
      status: 'draft',
      certificate: undefined,
      variants: [
        { id: 'chai-500-ml', label: 'chai 500 ml', priceVnd: 135_000, stock: 10 },
        { id: 'chai-1-lit', label: 'chai 1 lít', priceVnd: 250_000, stock: 4 },
      ],
    }),
  );
  await services.catalog.saveProduct(product);
  return product;
}
