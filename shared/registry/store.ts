import { productWriteCondition } from '../catalog/product-write-condition';
import { OWNER_INDEX } from '../db/owner-index';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { listingItems, productItem } from '../catalog/items';
import { isListable } from '../catalog/gate';
import { readListingRatings, ratingVersionCheck, type ListingRatingRead } from '../catalog/listing-rating';
import { withoutKeys } from '../db/item-keys';
import { certificateKey } from './keys';
import { ownerPartition } from '../db/owner-index';
import type { Product } from '../catalog/product';
import { Conflict } from '../http/errors';
import { auditItem, auditPartition, type AuditEntry } from './audit';
import type { Certificate } from './certificate';
import { certificateIndexWrites } from './certificate-index';
import { certificateLinkItem, certificateLinkKey, linkedProductIds, productsById } from './certificate-links';
import { nextRevision, revisionCondition } from './certificate-revision';
import { namesOf, type CertificateNames } from './certificate-names';
import { expiryBucketWrites } from './expiry-bucket';
import { queryProvinceCertificates, type ProvinceCertificatesPage, type ProvinceCertificatesQuery } from './province-certificates-query';

/** One registry change: the certificate, its audit entry and (when it carries it) the product. */
export interface RegistryChange {
  certificate: Certificate;
  /** The version read; absent when the certificate is new. */
  previous?: Certificate | undefined;
  /** Every product whose snapshot changes with it (the recorded one, and any other the owner linked). */
  products: { next: Product; previous: Product }[];
  audit: AuditEntry;
  /** The subject's current province (read by the service for its scope check): the index partition. */
  subjectProvinceCode: string;
  /** The province index's `lastAction` when it is not the audit's (attaching evidence keeps the last real change). */
  indexAction?: AuditEntry['action'] | undefined;
}

/** A producer puts the snapshot of `certificate` (as read, consistently) on one of their products. */
export interface CertificateLink {
  certificate: Certificate;
  next: Product;
  previous: Product;
}

export interface RegistryStore {
  commit(change: RegistryChange): Promise<void>;
  /**
   * The link in one transaction with the certificate item: it must still be active, the subject's
   * and at the revision read, and its revision is bumped, so a link and a registry change of the
   * same certificate never both commit on the same read (the loser gets 409 CERTIFICATE_CONFLICT).
   */
  linkProduct(link: CertificateLink): Promise<void>;
  /**
   * Every product a change of this certificate may have to update, read strongly consistently: its
   * recorded product, the products linked to it (link items) and, for links made before link items
   * existed, those GSI1 lists. Callers keep the ones that carry it.
   */
  productsLinked(cert: Pick<Certificate, 'certificateNo' | 'subjectId' | 'productId'>): Promise<Product[]>;
  listAudit(certificateNo: string): Promise<AuditEntry[]>;
  /** The subject's products whose snapshot is this certificate (GSI1, no Scan). */
  productsCarrying(subjectId: string, certificateNo: string): Promise<Product[]>;
  /** A page of one province's certificates, newest decision first (certificate-index.ts, no Scan). */
  listProvinceCertificates(query: ProvinceCertificatesQuery): Promise<ProvinceCertificatesPage>;
  /** Current producer and product names for a page of rows (one BatchGetItem). */
  certificateNames(refs: { subjectId: string; productId?: string | undefined }[]): Promise<CertificateNames>;
}

const ratingChecks = (tableName: string, ratings: Map<string, ListingRatingRead>) => [...ratings.values()].map((r) => ratingVersionCheck(tableName, r));

/** DynamoDB refuses an empty ExpressionAttributeValues. */
function expressionOf(condition: { expression: string; values: Record<string, number> }) {
  return { ConditionExpression: condition.expression, ...(Object.keys(condition.values).length > 0 ? { ExpressionAttributeValues: condition.values } : {}) };
}

export function certificateItem(cert: Certificate) {
  return {
    ...certificateKey(cert.certificateNo),
    GSI1PK: ownerPartition(cert.subjectId),
    GSI1SK: `CERT#${cert.decisionDate}#${cert.certificateNo}`,
    type: 'Certificate',
    ...cert,
  };
}

/**
 * All of a change in ONE TransactWriteItems: certificate (unique number / revision check), audit
 * item (never overwritten), product (updatedAt check) and its listing items put or deleted, and
 * the certificate's expiry-bucket item (expiry-bucket.ts) and its province index item
 * (certificate-index.ts). A revocation therefore hides the product in the same instant it is recorded, and nothing is
 * half-written when two officers race.
 */
export class DynamoRegistryStore implements RegistryStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async commit(change: RegistryChange): Promise<void> {
    const TableName = this.tableName;
    const { certificate, previous, products, audit, subjectProvinceCode, indexAction } = change;
    const certPut = {
      Put: {
        TableName,
        Item: certificateItem(certificate),
        ...(previous ? expressionOf(revisionCondition(previous)) : { ConditionExpression: 'attribute_not_exists(PK)' }),
      },
    };
    const auditPut = { Put: { TableName, Item: auditItem(audit), ConditionExpression: 'attribute_not_exists(PK)' } };
    const ratings = await this.listingRatings(products.map((p) => p.next));
    const productWrites = products.flatMap((p) => this.productWrites(p.next, p.previous, ratings));
    const bucket = expiryBucketWrites(previous, certificate);
    const bucketWrites = [
      ...(bucket.put ? [{ Put: { TableName, Item: bucket.put } }] : []),
      ...(bucket.delete ? [{ Delete: { TableName, Key: bucket.delete } }] : []),
    ];
    const index = certificateIndexWrites(previous, certificate, subjectProvinceCode, indexAction ?? audit.action);
    const indexWrites = [{ Put: { TableName, Item: index.put } }, ...(index.delete ? [{ Delete: { TableName, Key: index.delete } }] : [])];
    try {
      await this.db.send(new TransactWriteCommand({ TransactItems: [certPut, auditPut, ...productWrites, ...bucketWrites, ...indexWrites, ...ratingChecks(TableName, ratings)] }));
    } catch (error) {
      if (error instanceof TransactionCanceledException) {
        const reasons = error.CancellationReasons ?? [];
        // A registry change that meets a link in flight loses like one that lost to a committed link.
        if (reasons[0]?.Code === 'ConditionalCheckFailed' || (previous && reasons[0]?.Code === 'TransactionConflict')) {
          throw previous
            ? new Conflict(`Chứng nhận ${certificate.certificateNo} vừa được người khác thay đổi, vui lòng thử lại`, 'CERTIFICATE_CONFLICT')
            : new Conflict(`Số chứng nhận ${certificate.certificateNo} đã có trong hệ thống`, 'CERTIFICATE_EXISTS');
        }
        throw new Conflict(`Sản phẩm ${products.map((p) => p.next.id).join(', ')} vừa được người khác thay đổi, vui lòng thử lại`, 'PRODUCT_CONFLICT');
      }
      throw error;
    }
  }

  async linkProduct({ certificate, next, previous }: CertificateLink): Promise<void> {
    const TableName = this.tableName;
    const revision = revisionCondition(certificate);
    const certUpdate = {
      Update: {
        TableName,
        Key: certificateKey(certificate.certificateNo),
        UpdateExpression: 'SET revision = :next',
        ConditionExpression: `#status = :active AND subjectId = :subject AND ${revision.expression}`,
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':next': nextRevision(certificate), ':active': 'active', ':subject': next.producerId, ...revision.values },
      },
    };
    const linkPut = { Put: { TableName, Item: certificateLinkItem(certificate.certificateNo, next.id, next.producerId, next.updatedAt) } };
    const replaced = previous.certificate && previous.certificate.certificateNo !== certificate.certificateNo ? previous.certificate.certificateNo : undefined;
    const unlink = replaced ? [{ Delete: { TableName, Key: certificateLinkKey(replaced, next.id) } }] : [];
    try {
      const ratings = await this.listingRatings([next]);
      await this.db.send(
        new TransactWriteCommand({ TransactItems: [certUpdate, linkPut, ...unlink, ...this.productWrites(next, previous, ratings), ...ratingChecks(TableName, ratings)] }),
      );
    } catch (error) {
      if (error instanceof TransactionCanceledException) {
        // The certificate changed, or a registry change of it is committing right now (TransactionConflict).
        if ((error.CancellationReasons ?? [])[0]?.Code !== 'None') {
          throw new Conflict(`Chứng nhận ${certificate.certificateNo} vừa được thay đổi, vui lòng thử lại`, 'CERTIFICATE_CONFLICT');
        }
        throw new Conflict(`Sản phẩm ${next.id} vừa được người khác thay đổi, vui lòng thử lại`, 'PRODUCT_CONFLICT');
      }
      throw error;
    }
  }

  async productsLinked(cert: Pick<Certificate, 'certificateNo' | 'subjectId' | 'productId'>): Promise<Product[]> {
    const [linked, legacy] = await Promise.all([
      linkedProductIds(this.db, this.tableName, cert.certificateNo),
      this.productsCarrying(cert.subjectId, cert.certificateNo),
    ]);
    return productsById(this.db, this.tableName, [...(cert.productId ? [cert.productId] : []), ...linked, ...legacy.map((p) => p.id)]);
  }

  /**
   * The rating aggregates of the products that will have listing items (one BatchGetItem, none when
   * no product is listable): their sort key is built from it and its version is checked in the same
   * transaction (listing-rating.ts). A review landing in between cancels the change: 409 PRODUCT_CONFLICT,
   * like any other race on the product.
   */
  private listingRatings(nexts: Product[]): Promise<Map<string, ListingRatingRead>> {
    return readListingRatings(this.db, this.tableName, nexts.filter(isListable).map((p) => p.id));
  }

  /** The same writes as DynamoCatalogStore.saveProduct, so the listing rules live in one place (items.ts). */
  private productWrites(next: Product, previous: Product, ratings: Map<string, ListingRatingRead>) {
    const TableName = this.tableName;
    const puts = listingItems(next, ratings.get(next.id)?.totals);
    const newKeys = new Set(puts.map((i) => `${i.PK}|${i.SK}`));
    const deletes = listingItems(previous)
      .map((i) => ({ PK: i.PK, SK: i.SK }))
      .filter((k) => !newKeys.has(`${k.PK}|${k.SK}`));
    return [
      {
        Put: {
          TableName,
          Item: productItem(next),
          ...productWriteCondition(previous),
        },
      },
      ...puts.map((Item) => ({ Put: { TableName, Item } })),
      ...deletes.map((Key) => ({ Delete: { TableName, Key } })),
    ];
  }

  async productsCarrying(subjectId: string, certificateNo: string): Promise<Product[]> {
    const out: Product[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: OWNER_INDEX,
          KeyConditionExpression: 'GSI1PK = :pk AND begins_with(GSI1SK, :product)',
          FilterExpression: 'certificate.certificateNo = :no',
          ExpressionAttributeValues: { ':pk': ownerPartition(subjectId), ':product': 'PRODUCT#', ':no': certificateNo },
          ExclusiveStartKey: start,
        }),
      );
      for (const item of page.Items ?? []) out.push(withoutKeys<Product>(item));
      start = page.LastEvaluatedKey;
    } while (start);
    return out;
  }

  listProvinceCertificates(query: ProvinceCertificatesQuery): Promise<ProvinceCertificatesPage> {
    return queryProvinceCertificates(this.db, this.tableName, query);
  }

  certificateNames(refs: { subjectId: string; productId?: string | undefined }[]): Promise<CertificateNames> {
    return namesOf(this.db, this.tableName, refs);
  }

  async listAudit(certificateNo: string): Promise<AuditEntry[]> {
    const out: AuditEntry[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'PK = :pk',
          ExpressionAttributeValues: { ':pk': auditPartition(certificateNo) },
          // The console shows the trail right after a change: the entry just written must be in it.
          ConsistentRead: true,
          ExclusiveStartKey: start,
        }),
      );
      for (const item of page.Items ?? []) out.push(withoutKeys<AuditEntry>(item));
      start = page.LastEvaluatedKey;
    } while (start);
    // Two changes in the same millisecond sort by their random ULID suffix; the revision each one
    // wrote is the true order (a change is committed only on top of the revision it read).
    return out.sort((a, b) => a.at.localeCompare(b.at) || (a.after.revision ?? 1) - (b.after.revision ?? 1));
  }
}
