import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { productKey } from '../catalog/keys';
import type { Product } from '../catalog/product';
import { withoutKeys } from '../db/item-keys';
import { Conflict } from '../http/errors';
import { batchGet, keyId } from '../db/batch-get';
import type { Clock } from '../time/clock';
import { mergeLines, removeLines, type CartLine, type LineRef } from './cart-lines';
import { cartKey, type CartOwner } from './keys';

/** A cart lives 30 days after its last change (DynamoDB TTL on `ttl`, refreshed by every write). */
export const CART_TTL_SECONDS = 30 * 24 * 60 * 60;

/** Enough for a burst of concurrent adds to one cart: every lost round follows a write that committed. */
export const MAX_WRITE_ATTEMPTS = 12;

export interface StoredCart {
  lines: CartLine[];
  /** Bumped by every write; the conditional Put compares it so no concurrent change is lost. */
  version: number;
  updatedAt: string;
}

/** A line as the orders capability needs it. */
export interface CartLineRef {
  productId: string;
  variantId?: string;
  quantity: number;
}

/**
 * One item per cart (docs/cart.md). Writes are read → pure change → Put conditioned on the version
 * read, retried on a lost race, so two tabs adding at once both keep their line.
 */
export interface CartStore {
  /** The lines to order (for checkout): one GetItem. */
  linesOf(owner: CartOwner): Promise<CartLineRef[]>;
  /** After an order: drops these lines (absent ones are ignored). */
  removeLines(owner: CartOwner, lines: LineRef[]): Promise<void>;
  /** The cart as stored, or undefined (none, or past its TTL). One strongly consistent GetItem. */
  get(owner: CartOwner): Promise<StoredCart | undefined>;
  /** For the header: the number of lines, from the cart item alone. */
  countLines(owner: CartOwner): Promise<number>;
  /**
   * Applies `change` to the current lines and writes the result (conditional Put); `change` returning
   * undefined means "nothing to write". Throws what `change` throws (CART_FULL, …).
   */
  update(owner: CartOwner, change: (lines: readonly CartLine[]) => CartLine[] | undefined): Promise<CartLine[]>;
  /** Sign-in: the guest cart's lines into the account cart and the guest cart deleted, in one transaction. */
  mergeGuestCart(cartId: string, accountId: string): Promise<{ merged: number; dropped: CartLine[] }>;
  /** The products of these ids as stored (gate not applied), one BatchGetItem (a cart has ≤ 40 lines). */
  products(ids: readonly string[]): Promise<Map<string, Product>>;
}

/** Still losing after every attempt: a 409 the caller may simply send again. */
const busy = () => new Conflict('Giỏ hàng vừa được thay đổi ở nơi khác. Vui lòng thử lại.', 'CART_BUSY');

/** A few milliseconds, random and growing, so writers that keep colliding drift apart. */
const pause = (attempt: number) => new Promise((resolve) => setTimeout(resolve, Math.random() * 15 * attempt));

const lostRace = (error: unknown) =>
  error instanceof ConditionalCheckFailedException ||
  (error instanceof TransactionCanceledException && (error.CancellationReasons ?? []).some((r) => r.Code === 'ConditionalCheckFailed' || r.Code === 'TransactionConflict'));

export class DynamoCartStore implements CartStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly clock: Clock,
  ) {}

  async get(owner: CartOwner): Promise<StoredCart | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: cartKey(owner), ConsistentRead: true }));
    // TTL deletion runs late (up to days): an expired cart is gone as far as anyone can tell.
    if (!Item || (typeof Item.ttl === 'number' && Item.ttl * 1000 <= this.clock.now().getTime())) return undefined;
    const stored = withoutKeys<Partial<StoredCart>>(Item);
    return { lines: stored.lines ?? [], version: stored.version ?? 0, updatedAt: stored.updatedAt ?? '' };
  }

  async linesOf(owner: CartOwner): Promise<CartLineRef[]> {
    const cart = await this.get(owner);
    return (cart?.lines ?? []).map((l) => ({ productId: l.productId, ...(l.variantId ? { variantId: l.variantId } : {}), quantity: l.quantity }));
  }

  async countLines(owner: CartOwner): Promise<number> {
    return (await this.get(owner))?.lines.length ?? 0;
  }

  async removeLines(owner: CartOwner, lines: LineRef[]): Promise<void> {
    if (lines.length === 0) return;
    await this.update(owner, (current) => {
      const next = removeLines(current, lines);
      return next.length === current.length ? undefined : next;
    });
  }

  async update(owner: CartOwner, change: (lines: readonly CartLine[]) => CartLine[] | undefined): Promise<CartLine[]> {
    for (let attempt = 1; ; attempt++) {
      const current = await this.get(owner);
      const next = change(current?.lines ?? []);
      if (next === undefined) return current?.lines ?? [];
      try {
        await this.db.send(new PutCommand(this.putInput(owner, next, current)));
        return next;
      } catch (error) {
        if (!lostRace(error)) throw error;
        if (attempt >= MAX_WRITE_ATTEMPTS) throw busy();
        await pause(attempt);
      }
    }
  }

  async mergeGuestCart(cartId: string, accountId: string): Promise<{ merged: number; dropped: CartLine[] }> {
    const guestOwner: CartOwner = { kind: 'guest', cartId };
    const accountOwner: CartOwner = { kind: 'account', accountId };
    for (let attempt = 1; ; attempt++) {
      const [guest, account] = await Promise.all([this.get(guestOwner), this.get(accountOwner)]);
      if (!guest || guest.lines.length === 0) return { merged: 0, dropped: [] };
      const { lines, dropped } = mergeLines(account?.lines ?? [], guest.lines);
      try {
        await this.db.send(
          new TransactWriteCommand({
            TransactItems: [
              { Put: this.putInput(accountOwner, lines, account) },
              {
                Delete: {
                  TableName: this.tableName,
                  Key: cartKey(guestOwner),
                  ConditionExpression: '#version = :version',
                  ExpressionAttributeNames: { '#version': 'version' },
                  ExpressionAttributeValues: { ':version': guest.version },
                },
              },
            ],
          }),
        );
        return { merged: guest.lines.length - dropped.length, dropped };
      } catch (error) {
        if (!lostRace(error)) throw error;
        if (attempt >= MAX_WRITE_ATTEMPTS) throw busy();
        await pause(attempt);
      }
    }
  }

  async products(ids: readonly string[]): Promise<Map<string, Product>> {
    const unique = [...new Set(ids)];
    const out = new Map<string, Product>();
    if (unique.length === 0) return out;
    const found = await batchGet(this.db, this.tableName, unique.map(productKey));
    for (const id of unique) {
      const item = found.get(keyId(productKey(id)));
      if (item) out.set(id, withoutKeys<Product>(item));
    }
    return out;
  }

  /** The whole cart item, conditioned on the version read (or on there being none yet). */
  private putInput(owner: CartOwner, lines: CartLine[], read: StoredCart | undefined) {
    const now = this.clock.now();
    const condition: { ConditionExpression: string; ExpressionAttributeNames: Record<string, string>; ExpressionAttributeValues: Record<string, unknown> } = read
      ? { ConditionExpression: '#version = :version', ExpressionAttributeNames: { '#version': 'version' }, ExpressionAttributeValues: { ':version': read.version } }
      : // An expired item may still be there (TTL is late): replace it whatever its version.
        { ConditionExpression: 'attribute_not_exists(PK) OR #ttl <= :now', ExpressionAttributeNames: { '#ttl': 'ttl' }, ExpressionAttributeValues: { ':now': Math.floor(now.getTime() / 1000) } };
    return {
      TableName: this.tableName,
      Item: {
        ...cartKey(owner),
        type: 'cart',
        lines,
        version: (read?.version ?? 0) + 1,
        updatedAt: now.toISOString(),
        ttl: Math.floor(now.getTime() / 1000) + CART_TTL_SECONDS,
      },
      ...condition,
    };
  }
}
