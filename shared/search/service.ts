import type { Logger } from '@aws-lambda-powertools/logger';
import type { Product } from '../catalog/product';
import type { Producer } from '../storefront/producer';
import type { Clock } from '../time/clock';
import type { IndexLoader, LoadedIndex } from './index-loader';
import type { SearchIndex, SearchOutcome, SearchRequest, Suggestions } from './search-index';

export type IndexChange =
  | { kind: 'product'; product: Product }
  | { kind: 'remove-product'; id: string }
  | { kind: 'producer'; producer: Producer }
  | { kind: 'remove-producer'; id: string };

export function applyChange(index: SearchIndex, change: IndexChange): void {
  if (change.kind === 'product') index.upsertProduct(change.product);
  else if (change.kind === 'remove-product') index.removeProduct(change.id);
  else if (change.kind === 'producer') index.upsertProducer(change.producer);
  else index.removeProducer(change.id);
}

export interface SearchServiceOptions {
  loader: IndexLoader;
  /** The gate's clock (domain time). */
  clock: Clock;
  /** How often a warm container asks whether a newer snapshot exists; unset = never (local runs). */
  refreshSeconds?: number | undefined;
  logger?: Pick<Logger, 'warn'> | undefined;
}

/** Local writes are kept this long, to be replayed over a reloaded snapshot that predates them. */
const JOURNAL_MS = 10 * 60_000;

/**
 * The search port the routes use: loads the index once per container (lazily), applies this
 * container's own writes at once, and — when serving snapshots — checks for a newer one at most every
 * `refreshSeconds`. The check is awaited, so no answer is older than that bound plus the indexer's lag.
 */
export class SearchService {
  private current: (LoadedIndex & { checkedAt: number }) | undefined;
  private pending: Promise<SearchIndex> | undefined;
  private journal: Array<{ at: number; change: IndexChange }> = [];

  constructor(private readonly options: SearchServiceOptions) {}

  async index(): Promise<SearchIndex> {
    const cur = this.current;
    const refreshMs = this.options.refreshSeconds === undefined ? undefined : this.options.refreshSeconds * 1000;
    if (cur && (refreshMs === undefined || Date.now() - cur.checkedAt < refreshMs)) return cur.index;
    this.pending ??= this.reload().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  private async reload(): Promise<SearchIndex> {
    const held = this.current;
    try {
      const loaded = await this.options.loader.load(held?.version);
      if (loaded === 'unchanged') {
        held!.checkedAt = Date.now();
        return held!.index;
      }
      const builtAt = Date.parse(loaded.index.builtAt);
      this.journal = this.journal.filter((j) => j.at > Date.now() - JOURNAL_MS);
      for (const j of this.journal) if (!(j.at < builtAt)) applyChange(loaded.index, j.change);
      this.current = { ...loaded, checkedAt: Date.now() };
      return loaded.index;
    } catch (error) {
      if (!held) throw error;
      // A failed refresh must not take search down: serve what we have, try again next interval.
      this.options.logger?.warn('search index refresh failed; serving the previous one', { error: String(error) });
      held.checkedAt = Date.now();
      return held.index;
    }
  }

  /** Applies a write of this container at once (and keeps it for replay over a later snapshot). */
  apply(change: IndexChange): void {
    if (!this.current && !this.pending) return; // not loaded yet: the load will read the write itself
    // Kept only while a reload may be based on data older than the write.
    if (this.pending || this.options.refreshSeconds !== undefined) {
      if (this.journal.length >= 512) this.journal = this.journal.filter((j) => j.at > Date.now() - JOURNAL_MS);
      this.journal.push({ at: Date.now(), change });
    }
    if (this.current) applyChange(this.current.index, change);
  }

  upsertProduct(product: Product): void {
    this.apply({ kind: 'product', product });
  }

  removeProduct(id: string): void {
    this.apply({ kind: 'remove-product', id });
  }

  upsertProducer(producer: Producer): void {
    this.apply({ kind: 'producer', producer });
  }

  async search(request: SearchRequest): Promise<SearchOutcome> {
    return (await this.index()).search(request, this.options.clock.now());
  }

  async suggest(q: string): Promise<Suggestions> {
    return (await this.index()).suggest(q, this.options.clock.now());
  }
}
