import type { ListProductsQuery } from './list-query';
import type { PricePoint } from './price-history';
import type { Product, ProductCard } from './product';

export interface ProductPage {
  items: ProductCard[];
  nextCursor?: string | undefined;
}

/** The catalogue's port. The DynamoDB implementation is the only one shipped; tests run it on DynamoDB Local. */
export interface CatalogStore {
  getProduct(id: string): Promise<Product | undefined>;
  /** Several products in one BatchGetItem (≤ 100 ids), strongly consistent: checkout and the cart. */
  getProducts(ids: readonly string[]): Promise<Map<string, Product>>;
  /** Listed products only: the gate is applied at `now`. */
  listProducts(query: ListProductsQuery, now: Date): Promise<ProductPage>;
  /** Writes a product and its listing items in one transaction (replacing the previous ones). */
  /** Also records a price-history item when any price changed (same transaction). */
  saveProduct(product: Product, previous?: Product): Promise<void>;
  /** Price changes from the last one before `since` onwards (docs/data-model.md, pattern 20). */
  priceHistory(productId: string, since: Date): Promise<PricePoint[]>;
}
