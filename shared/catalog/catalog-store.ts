import type { ListProductsQuery } from './list-query';
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
  saveProduct(product: Product, previous?: Product): Promise<void>;
}
