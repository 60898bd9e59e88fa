import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { withoutKeys } from '../db/item-keys';
import { certificateKey } from './keys';
import { producerKey } from '../storefront/keys';
import { Conflict, NotFound } from '../http/errors';
import type { Certificate } from './certificate';
import { certificateIndexItem } from './certificate-index';
import { certificateItem } from './store';
import { putIfAbsent } from '../db/put-if-absent';

export interface CertificateStore {
  /** `consistent`: the read a conditional write is built on (a link or a registry change), never a stale one. */
  getCertificate(certificateNo: string, options?: { consistent?: boolean }): Promise<Certificate | undefined>;
  /**
   * Writes a certificate as it is (demo seed, tests), with its province index item.
   * `subjectProvinceCode` saves a read when the caller knows it; otherwise the subject is read.
   */
  createCertificate(cert: Certificate, subjectProvinceCode?: string): Promise<void>;
}

export class DynamoCertificateStore implements CertificateStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async getCertificate(certificateNo: string, options: { consistent?: boolean } = {}): Promise<Certificate | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: certificateKey(certificateNo), ...(options.consistent ? { ConsistentRead: true } : {}) }),
    );
    return Item ? withoutKeys<Certificate>(Item) : undefined;
  }

  /**
   * Certificate numbers are unique: a second certificate with the same number is refused. The
   * province index item goes in the same transaction, so the province console lists exactly the
   * certificates that exist (certificate-index.ts).
   */
  async createCertificate(cert: Certificate, subjectProvinceCode?: string): Promise<void> {
    const provinceCode = subjectProvinceCode ?? (await this.subjectProvince(cert.subjectId));
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            putIfAbsent(this.tableName, certificateItem(cert)),
            { Put: { TableName: this.tableName, Item: certificateIndexItem(cert, provinceCode, 'record') } },
          ],
        }),
      );
    } catch (error) {
      if (error instanceof TransactionCanceledException && error.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed') {
        throw new Conflict(`Certificate ${cert.certificateNo} already exists`, 'CERTIFICATE_EXISTS');
      }
      throw error;
    }
  }

  private async subjectProvince(subjectId: string): Promise<string> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: producerKey(subjectId), ProjectionExpression: 'provinceCode' }));
    if (typeof Item?.provinceCode !== 'string') throw new NotFound(`Không tìm thấy chủ thể ${subjectId}`, 'PRODUCER_NOT_FOUND');
    return Item.provinceCode;
  }
}
