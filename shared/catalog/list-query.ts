import { z } from '@hono/zod-openapi';
import { queryInteger, queryIntegerOr } from '../http/query-integer';
import { provinceCodes } from '../reference/provinces';
import { groupCodes, subgroupCodes } from '../reference/taxonomy';

export const productSorts = ['newest', 'price_asc', 'price_desc', 'stars', 'rating'] as const;
export type ProductSort = (typeof productSorts)[number];

export const MAX_PAGE_SIZE = 100;

/** Query parameters of GET /api/products (and the product list page). */
export const ListProductsQuerySchema = z
  .object({
    group: z.enum(groupCodes).optional().openapi({ description: 'Product group code (GET /api/groups)' }),
    subgroup: z.enum(subgroupCodes).optional(),
    province: z.enum(provinceCodes).optional().openapi({ description: '2025 province code (GET /api/provinces)' }),
    minStars: queryInteger(3, 5).optional(),
    producer: z
      .string()
      .regex(/^[a-z0-9-]{3,80}$/)
      .optional(),
    sort: z.enum(productSorts).default('newest'),
    limit: queryIntegerOr(1, MAX_PAGE_SIZE, 24),
    cursor: z.string().max(2000).optional().openapi({ description: 'Opaque; from nextCursor of the previous page' }),
  })
  .openapi('ListProductsQuery');

export type ListProductsQuery = z.infer<typeof ListProductsQuerySchema>;
