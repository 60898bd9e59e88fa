import { S3Client } from '@aws-sdk/client-s3';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalMediaStore } from '../../shared/media/local-media-store';
import { S3UploadPresigner } from '../../shared/media/upload-presigner';
import type { Services } from '../../shared/services';
import { createTestAccount, type TestAccount } from '../authz/accounts';
import { makeProducer } from './catalog-fixtures';

/** Media files of this test in a temp folder of their own (the caller removes it in afterAll). */
export async function useTempMediaStore(services: Services, prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `ocop-${prefix}-`));
  services.media = { ...services.media!, store: new LocalMediaStore(dir) };
  return dir;
}

/** Evidence files of this test in a temp folder of their own, apart from the media one (the caller removes it). */
export async function useTempEvidenceStore(services: Services, prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `ocop-${prefix}-evidence-`));
  services.media = { ...services.media!, evidence: new LocalMediaStore(dir) };
  return dir;
}

/** Services as in AWS (a bucket: uploads go straight to S3). Signing is local: fake credentials, no network. */
export function withOfflinePresigner(services: Services, bucket: string): Services {
  const s3 = new S3Client({ region: 'ap-southeast-1', credentials: { accessKeyId: 'AKIATEST', secretAccessKey: 'test-secret', sessionToken: 'test-token' } });
  return { ...services, media: { ...services.media!, presigner: new S3UploadPresigner(s3, bucket) } };
}

/** Two approved storefronts and a signed-in owner of each: the object-level checks need both. */
export async function twoStorefronts(services: Services, [a, b]: [string, string], name = (id: string) => `Cơ sở ${id}`): Promise<{ ownerA: TestAccount; ownerB: TestAccount }> {
  for (const id of [a, b]) await services.producers.createProducer(makeProducer({ id, name: name(id) }));
  return {
    ownerA: await createTestAccount(services, 'producer', { producerId: a }),
    ownerB: await createTestAccount(services, 'producer', { producerId: b }),
  };
}
