import type { TestProject } from 'vitest/node';
import { startLocalDynamo } from '../../scripts/local-dynamo';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
  }
}

/** One DynamoDB Local for the whole run, in memory, on a free port; each test file makes its own table. */
export default async function setup(project: TestProject) {
  const dynamo = await startLocalDynamo();
  project.provide('dynamoEndpoint', dynamo.endpoint);
  return async () => {
    await dynamo.stop();
  };
}
