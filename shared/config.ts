import { z } from 'zod';

/** The one typed configuration object, built at the edge (Lambda env or the local script). */
export const ConfigSchema = z.object({
  tableName: z.string().min(3),
  dynamoEndpoint: z.url().optional(),
  region: z.string().optional(),
  /** Where product images are served from: '/media' locally, the CloudFront path in AWS. */
  mediaBaseUrl: z.string().default('/media'),
  /** Where browser assets are served from. */
  staticBaseUrl: z.string().default('/static'),
  stage: z.enum(['local', 'test', 'dev', 'prod']).default('local'),
  logLevel: z.enum(['DEBUG', 'INFO', 'WARN', 'ERROR', 'SILENT']).default('INFO'),
});
export type AppConfig = z.infer<typeof ConfigSchema>;

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): AppConfig {
  return ConfigSchema.parse({
    tableName: env.TABLE_NAME,
    dynamoEndpoint: env.DYNAMODB_ENDPOINT || undefined,
    region: env.AWS_REGION,
    mediaBaseUrl: env.MEDIA_BASE_URL || undefined,
    staticBaseUrl: env.STATIC_BASE_URL || undefined,
    stage: env.STAGE || undefined,
    logLevel: env.LOG_LEVEL || undefined,
  });
}
