import type { Services } from '../services';
import { createSearchService } from './create-search-service';
import type { SearchService } from './search-service';

const fallback = new WeakMap<object, SearchService>();

/**
 * The search service of these services: `services.search` once the app wires it (with the write-path
 * hooks that keep it current), otherwise one built from the table on first use and cached per
 * services object, so routes and pages work before and without that wiring.
 */
export function searchServiceOf(services: Services): SearchService {
  const wired = (services as Services & { search?: SearchService }).search;
  if (wired) return wired;
  let service = fallback.get(services);
  if (!service) {
    service = createSearchService({ db: services.db, tableName: services.config.tableName, clock: services.clock, logger: services.logger });
    fallback.set(services, service);
  }
  return service;
}
