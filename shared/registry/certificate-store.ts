import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { withoutKeys } from '../catalog/items';
import { certificateKey, ownerPartition } from '../catalog/keys';
import { Conflict } from '../http/errors';
import type { Certificate } from './certificate';

export interface CertificateStore {
  getCertificate(certificateNo: string): Promise<Certificate | undefined>;
  createCertificate(cert: Certificate): Promise<void>;
}

export class DynamoCertificateStore implements CertificateStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async getCertificate(certificateNo: string): Promise<Certificate | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: certificateKey(certificateNo) }));
    return Item ? withoutKeys<Certificate>(Item) : undefined;
  }

  /** Certificate numbers are unique: a second certificate with the same number is refused. */
  async createCertificate(cert: Certificate): Promise<void> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...certificateKey(cert.certificateNo),
            GSI1PK: ownerPartition(cert.subjectId),
            GSI1SK: `CERT#${cert.decisionDate}#${cert.certificateNo}`,
            type: 'Certificate',
            ...cert,
          },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) {
        throw new Conflict(`Certificate ${cert.certificateNo} already exists`, 'CERTIFICATE_EXISTS');
      }
      throw error;
    }
  }
}
