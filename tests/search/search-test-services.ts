import { demoCatalog, type DemoCatalog } from '../../scripts/demo/demo-catalog';
import { seedDemo } from '../../scripts/demo/seed';
import type { MediaStore } from '../../shared/media/media-store';
import { createSearchService } from '../../shared/search/create-search-service';
import { withProducerIndexing, withSearchIndexing } from '../../shared/search/indexing-stores';
import type { SearchService } from '../../shared/search/service';
import type { EdgeServices } from '../../app/create-services';
import { ManualClock } from '../../shared/time/clock';
import { createTestServices } from '../support/test-services';

export type SearchServices = EdgeServices;

/** Images are not what search tests look at: rendered by the seed, then dropped. */
export const discardMedia: MediaStore = { put: async () => undefined, get: async () => undefined };

/**
 * Test services wired the way the app is meant to wire search:
 * a search service built from the table, with the catalogue/producer write paths hooked into it
 * (docs/search.md, "Wiring").
 */
export async function createSearchTestServices(now: Date): Promise<SearchServices & { clock: ManualClock }> {
  const clock = new ManualClock(now);
  const base = await createTestServices({ clock });
  const search = createSearchService({ db: base.db, tableName: base.config.tableName, clock });
  return {
    ...base,
    clock,
    search,
    catalog: withSearchIndexing(base.catalog, search),
    producers: withProducerIndexing(base.producers, search),
  };
}

/** The demo catalogue, seeded as the dev server seeds it, on a fresh table. */
export async function seededSearchServices(now: Date): Promise<{ services: SearchServices & { clock: ManualClock }; catalog: DemoCatalog }> {
  const services = await createSearchTestServices(now);
  await seedDemo(services, discardMedia, { now });
  return { services, catalog: demoCatalog(now) };
}
