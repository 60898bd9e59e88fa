import { z } from '@hono/zod-openapi';
import { ProductCardSchema } from '../catalog/product';
import { queryInteger, queryIntegerOr } from '../http/query-integer';
import { provinceCodes } from '../reference/provinces';
import { groupCodes, subgroupCodes } from '../reference/taxonomy';
import { legalForms } from '../storefront/producer';
import { priceBandCodes } from './facets';
import { relaxLevels } from './match';
import { searchSorts } from './ranking';
import { normalizeText } from './vietnamese-text';

export const MAX_SEARCH_PAGE = 50;
export const DEFAULT_SEARCH_PAGE = 24;

/** NFC, single spaces, trimmed, then 1–200 characters: the query as it is matched and fingerprinted. */
const QueryText = (min: number, max: number) => z.string().max(1000).overwrite(normalizeText).min(min).max(max);

export const SearchQuerySchema = z
  .object({
    q: QueryText(1, 200).openapi({ description: 'What the shopper typed: any case, with or without diacritics', example: 'nuoc mam phu quoc' }),
    group: z.enum(groupCodes).optional(),
    subgroup: z.enum(subgroupCodes).optional(),
    province: z.enum(provinceCodes).optional().openapi({ description: '2025 province code' }),
    minStars: queryInteger(3, 5).optional(),
    price: z.enum(priceBandCodes).optional().openapi({ description: 'Price band (facets.price values)' }),
    sort: z.enum(searchSorts).default('relevance'),
    limit: queryIntegerOr(1, MAX_SEARCH_PAGE, DEFAULT_SEARCH_PAGE),
    cursor: z.string().max(2000).optional().openapi({ description: 'Opaque; nextCursor of the previous page of the same query' }),
  })
  .openapi('SearchQuery');
export type SearchQuery = z.infer<typeof SearchQuerySchema>;

export const SuggestQuerySchema = z.object({
  q: QueryText(2, 100).openapi({ description: 'At least 2 characters', example: 'keo du' }),
});

const FacetValueSchema = z.object({ value: z.string(), label: z.string(), count: z.number().int() });

const FiltersSchema = z.object({
  group: z.string().optional(),
  subgroup: z.string().optional(),
  province: z.string().optional(),
  minStars: z.number().int().optional(),
  price: z.string().optional(),
});

export const SearchResponseSchema = z
  .object({
    query: z.object({
      q: z.string(),
      terms: z.array(z.string()).openapi({ description: 'Folded syllables searched, after repairs' }),
      corrections: z.array(z.object({ from: z.string(), to: z.string(), kind: z.enum(['joined', 'telex']) })),
      ignored: z.array(z.string()).openapi({ description: 'Words that match nothing and were left out' }),
      relaxed: z.enum(relaxLevels).openapi({ description: 'exact unless nothing matched every word as typed' }),
    }),
    total: z.number().int().openapi({ description: 'Listed products matching the query and filters' }),
    items: z.array(ProductCardSchema),
    producers: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        legalForm: z.enum(legalForms),
        provinceCode: z.string(),
        commune: z.string(),
        listedProducts: z.number().int(),
      }),
    ),
    facets: z.object({
      group: z.array(FacetValueSchema),
      subgroup: z.array(FacetValueSchema),
      province: z.array(FacetValueSchema),
      stars: z.array(FacetValueSchema).openapi({ description: 'value = minimum stars' }),
      price: z.array(FacetValueSchema),
    }),
    alternatives: z
      .array(
        z.object({
          kind: z.enum(['unaccented', 'did-you-mean', 'drop-filter', 'drop-word']),
          q: z.string(),
          filters: FiltersSchema,
          count: z.number().int(),
        }),
      )
      .openapi({ description: 'Only when nothing was found: queries that find something' }),
    nextCursor: z.string().optional(),
  })
  .openapi('SearchResults');
export type SearchResponse = z.infer<typeof SearchResponseSchema>;

export const SuggestResponseSchema = z
  .object({
    products: z.array(z.object({ id: z.string(), name: z.string(), stars: z.number().int(), provinceCode: z.string(), priceVnd: z.number().int() })),
    producers: z.array(z.object({ id: z.string(), name: z.string(), provinceCode: z.string() })),
    provinces: z.array(z.object({ code: z.string(), name: z.string(), matched: z.string().optional() })),
  })
  .openapi('SearchSuggestions');
export type SuggestResponse = z.infer<typeof SuggestResponseSchema>;
