import { z } from '@hono/zod-openapi';

/** Public ids are lowercase slugs with a short suffix: safe in URLs, keys and logs. */
export const PublicIdSchema = z
  .string()
  .regex(/^[a-z0-9-]{3,80}$/, 'Mã không hợp lệ')
  .openapi({ example: 'nuoc-mam-phu-quoc-40-dam-7f3a' });
