import type { CatalogStore } from '../catalog/catalog-store';
import type { ApplicationStore } from '../onboarding/store';
import type { RegistryStore } from '../registry/store';
import type { ProducerStore } from '../storefront/store';
import type { SearchService } from './service';

/** The store with some methods wrapped; every other method (including ones added later) passes through. */
function decorate<T extends object>(target: T, overrides: Partial<T>): T {
  return new Proxy(target, {
    get(t, prop) {
      if (Object.prototype.hasOwnProperty.call(overrides, prop)) return overrides[prop as keyof T];
      const value = Reflect.get(t, prop, t);
      return typeof value === 'function' ? value.bind(t) : value;
    },
  });
}

/**
 * The catalogue write path's hook into search, as a decorator so the catalogue code does not know
 * about search: after a product is saved (created, edited, hidden, revoked) the index of this
 * container reflects it before the request answers. Other containers get it from the next snapshot.
 */
export function withSearchIndexing<T extends CatalogStore>(catalog: T, search: Pick<SearchService, 'upsertProduct'>): T {
  return decorate<CatalogStore>(catalog, {
    async saveProduct(product, previous) {
      await catalog.saveProduct(product, previous);
      // upsertProduct also removes what may no longer be listed (archived, revoked, below 3★).
      search.upsertProduct(product);
    },
  }) as T;
}

export function withProducerIndexing<T extends ProducerStore>(producers: T, search: Pick<SearchService, 'upsertProducer'>): T {
  return decorate<ProducerStore>(producers, {
    async createProducer(producer) {
      await producers.createProducer(producer);
      search.upsertProducer(producer);
    },
    async updateProducer(ownerProducerId, next, previous) {
      await producers.updateProducer(ownerProducerId, next, previous);
      search.upsertProducer(next);
    },
  }) as T;
}

/**
 * Registry changes (record, revoke, downgrade, renew, a certificate link) rewrite products in their own transaction,
 * not through the catalogue store: the index must hear of them too, or a revoked product would stay
 * searchable in this container until the next rebuild.
 */
export function withRegistryIndexing<T extends RegistryStore>(registry: T, search: Pick<SearchService, 'upsertProduct'>): T {
  return decorate<RegistryStore>(registry, {
    async commit(change) {
      await registry.commit(change);
      for (const { next } of change.products) search.upsertProduct(next);
    },
    async linkProduct(link) {
      await registry.linkProduct(link);
      search.upsertProduct(link.next);
    },
  }) as T;
}

/**
 * Approving an application creates the storefront in the application's own transaction, not through
 * the producer store: without this hook a new storefront was not found by search until a restart.
 */
export function withApplicationIndexing<T extends ApplicationStore>(applications: T, search: Pick<SearchService, 'upsertProducer'>): T {
  return decorate<ApplicationStore>(applications, {
    async approve(app, producer, audit) {
      await applications.approve(app, producer, audit);
      search.upsertProducer(producer);
    },
  }) as T;
}
