import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface DynamoConfig {
  /** Set for DynamoDB Local; unset in AWS, where the SDK finds the regional endpoint itself. */
  endpoint?: string | undefined;
  region?: string | undefined;
}

export function createDynamoClient(config: DynamoConfig): DynamoDBClient {
  if (config.endpoint) {
    return new DynamoDBClient({
      endpoint: config.endpoint,
      region: config.region ?? 'local',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      maxAttempts: 3,
    });
  }
  return new DynamoDBClient({ region: config.region, maxAttempts: 3 });
}

export function createDocumentClient(client: DynamoDBClient): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
}
