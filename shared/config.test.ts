import { describe, expect, it } from 'vitest';
import { ConfigSchema, configFromEnv, jobConfigFromEnv } from './config';

const deployed = {
  TABLE_NAME: 'OcopMarket-dev-table',
  SESSION_SECRET_ARN: 'arn:aws:secretsmanager:ap-southeast-1:123456789012:secret:s',
  MEDIA_BUCKET: 'ocop-media-dev',
  EVIDENCE_BUCKET: 'ocop-evidence-dev',
  AWS_REGION: 'ap-southeast-1',
};

describe('configuration', () => {
  it.each(['dev', 'prod'])('refuses to start stage %s without its public origin (QR codes would encode the API Gateway host)', (stage) => {
    expect(() => configFromEnv({ ...deployed, STAGE: stage })).toThrow(/PUBLIC_ORIGINS/);
    expect(() => configFromEnv({ ...deployed, STAGE: stage, PUBLIC_ORIGINS: ' , ' })).toThrow(/PUBLIC_ORIGINS/);
    const config = configFromEnv({ ...deployed, STAGE: stage, PUBLIC_ORIGINS: 'https://cho-ocop.vn, https://d111111abcdef8.cloudfront.net' });
    expect(config.publicOrigins).toEqual(['https://cho-ocop.vn', 'https://d111111abcdef8.cloudfront.net']);
    expect(config.evidenceBucket).toBe('ocop-evidence-dev');
  });

  it.each(['dev', 'prod'])('starts a scheduled job of stage %s without a public origin (the stack gives jobs none; they build no links)', (stage) => {
    const config = jobConfigFromEnv({ ...deployed, STAGE: stage });
    expect([config.stage, config.tableName, config.publicOrigins]).toEqual([stage, deployed.TABLE_NAME, []]);
  });

  it('needs no public origin locally or in tests (the request origin is the real one there)', () => {
    expect(configFromEnv({ TABLE_NAME: 'ocop-local', STAGE: 'local' }).publicOrigins).toEqual([]);
    expect(configFromEnv({ TABLE_NAME: 'ocop-local', STAGE: 'test' }).publicOrigins).toEqual([]);
  });

  it('keeps evidence files outside the served media folder', () => {
    expect(ConfigSchema.parse({ tableName: 'ocop-local' })).toMatchObject({ mediaDir: '.data/media', evidenceDir: '.data/evidence' });
    expect(configFromEnv({ TABLE_NAME: 'ocop-local', EVIDENCE_DIR: '/srv/ocop/evidence' }).evidenceDir).toBe('/srv/ocop/evidence');
    for (const evidenceDir of ['.data/media/evidence', '.data/media', './.data/media/x/../evidence', '.data']) {
      expect(() => ConfigSchema.parse({ tableName: 'ocop-local', evidenceDir }), evidenceDir).toThrow(/EVIDENCE_DIR must be outside MEDIA_DIR/);
    }
    expect(ConfigSchema.parse({ tableName: 'ocop-local', evidenceDir: '.data/media-evidence' }).evidenceDir).toBe('.data/media-evidence');
  });
});
