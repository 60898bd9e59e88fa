import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../http/app-env';
import { validationHook } from '../http/validation-hook';

const HealthSchema = z.object({ status: z.enum(['ok', 'degraded']), time: z.iso.datetime(), database: z.enum(['ok', 'unreachable']) }).openapi('Health');

export function healthRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.openapi(
    createRoute({
      method: 'get',
      path: '/health',
      tags: ['ops'],
      summary: 'Liveness plus one cheap read of the table',
      responses: {
        200: { content: { 'application/json': { schema: HealthSchema } }, description: 'Healthy' },
        503: { content: { 'application/json': { schema: HealthSchema } }, description: 'The table cannot be read' },
      },
    }),
    async (c) => {
      const { health, clock, logger } = c.get('services');
      c.header('Cache-Control', 'no-store');
      try {
        await health.probe();
        return c.json({ status: 'ok' as const, time: clock.now().toISOString(), database: 'ok' as const }, 200);
      } catch (error) {
        logger.warn('health check: table unreachable', { error: String(error) });
        return c.json({ status: 'degraded' as const, time: clock.now().toISOString(), database: 'unreachable' as const }, 503);
      }
    },
  );
  return app;
}
