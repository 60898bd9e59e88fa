import { isListable } from '../catalog/gate';
import { cardOf, type Product, type ProductCard } from '../catalog/product';
import legacyData from '../reference/data/legacy-provinces.json' with { type: 'json' };
import { provinceByCode } from '../reference/provinces';
import { groupByCodeOrUndefined, subgroupByCode } from '../reference/taxonomy';
import type { Producer } from '../storefront/producer';
import { aliasPhrases } from './synonyms';
import { fold, joinedBigrams, phrases, textTerms } from './vietnamese-text';

/**
 * What the index holds per document: pre-processed, space-separated terms per field (the index's
 * tokenizer only splits on spaces), plus a small record that results and the gate read.
 */
export const PRODUCT_FIELDS = ['name', 'producer', 'origin', 'group', 'tags', 'alias', 'desc', 'region', 'phrase', 'acc'] as const;
export const PRODUCER_FIELDS = ['name', 'origin', 'alias', 'desc', 'region', 'phrase', 'acc'] as const;
export type ProductField = (typeof PRODUCT_FIELDS)[number];
export type ProducerField = (typeof PRODUCER_FIELDS)[number];

export type ProductDocument = { id: string } & Record<ProductField, string>;
export type ProducerDocument = { id: string } & Record<ProducerField, string>;

/** A product as search results need it: the card, plus what the 3★ gate reads at query time. */
export type ProductRecord = ProductCard & {
  status: Product['status'];
  certificateStatus: 'active' | 'revoked' | 'superseded';
  demo?: boolean | undefined;
};

export type ProducerRecord = Pick<Producer, 'id' | 'name' | 'legalForm' | 'provinceCode' | 'commune' | 'createdAt' | 'logoKey' | 'demo'>;

// Long descriptions add postings, not relevance: the first part says what the product is.
const MAX_DESCRIPTION_CHARS = 1200;
const ADMIN_PREFIX = /^(xã|phường|thị trấn|đặc khu|thị xã)\s+/iu;

const joinTerms = (terms: Iterable<string>) => [...terms].join(' ');

// Function words carry no meaning in a product description and would only add postings.
const STOPWORDS = new Set(
  'cua va duoc la co voi cho cac nhung trong tu mot nay theo khi de da se den tai ra vao nen rat nhieu cung nhu thi ma hay hoac bang ve len o do neu vi sau truoc'.split(' '),
);

/** Description words once each (frequency there says little), without function words or words the other fields already have. */
function descriptionTerms(text: string, other: Iterable<string>): string {
  const seen = new Set(other);
  const out = new Set<string>();
  for (const t of textTerms(text.slice(0, MAX_DESCRIPTION_CHARS), { bigrams: false, accents: false }).folded) {
    if (!STOPWORDS.has(t) && !seen.has(t)) out.add(t);
  }
  return joinTerms(out);
}
const joinedName = (text: string) => phrases(text).map((p) => p.map(fold).join('')).filter(Boolean);

// Legacy names and aliases per 2025 province code, for the `region` field.
const aliasesByCode = new Map<string, string[]>();
for (const [alias, code] of Object.entries(legacyData.aliases as Record<string, string>)) {
  aliasesByCode.set(code, [...(aliasesByCode.get(code) ?? []), alias]);
}

/**
 * Place names as one joined token each ("kiengiang", "bentre", "saigon", "hanoi"): a former province
 * must match as a whole name, or its syllables ("trà" of Trà Vinh) would match every product of the
 * merged province.
 */
function regionTerms(provinceCode: string): string[] {
  const p = provinceByCode(provinceCode);
  if (!p) return [];
  const names = [p.name, ...p.mergedFrom, ...(aliasesByCode.get(provinceCode) ?? [])];
  return [...new Set(names.flatMap((n) => joinedName(n.replace(/^TP\.?\s*/u, ''))))];
}

// Words of category names that describe no product ("Thực phẩm chế biến từ …", "… và sản phẩm từ …").
// Matched on accented syllables: "chè" (tea) is a category word, "chế" (processed) is not.
const CATEGORY_FILLER = new Set(['thực', 'phẩm', 'chế', 'biến', 'từ', 'và', 'sản', 'khác', 'sơ', 'có', 'không']);

/**
 * The words of a category: the group name and the head of the subgroup name (before its first comma
 * or bracket). The rest of a subgroup name lists examples ("Gia vị, nước chấm (nước mắm, …)"): indexed,
 * they would make pepper a match for "nước mắm".
 */
function categoryTerms(groupName: string, subgroupName: string): string[] {
  const head = subgroupName.split(/[,(]/u)[0] ?? '';
  return [...phrases(groupName).flat(), ...phrases(head).flat()].filter((s) => !CATEGORY_FILLER.has(s)).map(fold);
}

/** Alias words, and their pairs for the phrase field ("fish sauce" → fishsauce). */
function aliasFields(texts: string[], subgroup?: string, extra: string[] = []) {
  const found = aliasPhrases(texts, subgroup);
  return { words: [...new Set([...found.flat(), ...extra])], bigrams: found.flatMap((p) => joinedBigrams(p)) };
}

function commonFields(input: { name: string; commune: string; provinceCode: string; extraPhrases: string[]; aliasBigrams: string[] }) {
  const name = textTerms(input.name);
  const commune = textTerms(input.commune.replace(ADMIN_PREFIX, ''));
  const provinceName = provinceByCode(input.provinceCode)?.name ?? '';
  const province = textTerms(provinceName.replace(/^TP\.?\s*/u, ''));
  const extras = input.extraPhrases.map((t) => textTerms(t));
  return {
    name: joinTerms(name.folded),
    origin: joinTerms([...commune.folded, ...province.folded]),
    region: joinTerms(regionTerms(input.provinceCode)),
    phrase: joinTerms(new Set([...name.bigrams, ...commune.bigrams, ...province.bigrams, ...extras.flatMap((e) => e.bigrams), ...input.aliasBigrams])),
    acc: joinTerms(new Set([...name.accents, ...commune.accents, ...province.accents, ...extras.flatMap((e) => e.accents)])),
  };
}

export function productDocument(product: Product): ProductDocument {
  const group = groupByCodeOrUndefined(product.group);
  const subgroupName = subgroupByCode(product.subgroup)?.subgroup.name ?? '';
  const tags = product.tags.join(', ');
  // Every listed product is OCOP: shoppers type the programme's name too ("ocop 5 sao").
  const alias = aliasFields([product.name, tags], product.subgroup, ['ocop', ...(group ? textTerms(group.nameEn).folded : [])]);
  const common = commonFields({
    name: product.name,
    commune: product.commune,
    provinceCode: product.provinceCode,
    extraPhrases: [product.producerName, tags],
    aliasBigrams: alias.bigrams,
  });
  const fields = {
    ...common,
    producer: joinTerms(textTerms(product.producerName).folded),
    group: joinTerms(new Set(categoryTerms(group?.name ?? '', subgroupName))),
    tags: joinTerms(textTerms(tags).folded),
    alias: joinTerms(alias.words),
  };
  const other = [fields.name, fields.producer, fields.origin, fields.group, fields.tags].join(' ').split(' ');
  return { id: product.id, ...fields, desc: descriptionTerms(product.description, other) };
}

const LEGAL_FORM_ALIASES: Record<Producer['legalForm'], string> = {
  cooperative: 'htx hop tac xa',
  cooperative_group: 'tht to hop tac',
  enterprise: 'cong ty doanh nghiep',
  household_business: 'ho kinh doanh',
};

export function producerDocument(producer: Producer): ProducerDocument {
  const alias = aliasFields([producer.name], undefined, LEGAL_FORM_ALIASES[producer.legalForm].split(' '));
  const common = commonFields({
    name: producer.name,
    commune: producer.commune,
    provinceCode: producer.provinceCode,
    extraPhrases: [],
    aliasBigrams: [...alias.bigrams, ...joinedBigrams(LEGAL_FORM_ALIASES[producer.legalForm].split(' '))],
  });
  return {
    id: producer.id,
    ...common,
    alias: joinTerms(alias.words),
    desc: descriptionTerms(producer.story, [...common.name.split(' '), ...common.origin.split(' ')]),
  };
}

/** Undefined when the product may not be listed at all; expiry is left to query time. */
export function productRecord(product: Product): ProductRecord | undefined {
  if (!isListable(product) || !product.certificate) return undefined;
  return {
    ...cardOf(product),
    status: product.status,
    certificateStatus: product.certificate.status,
    ...(product.demo ? { demo: true } : {}),
  };
}

export function producerRecord(p: Producer): ProducerRecord {
  return {
    id: p.id,
    name: p.name,
    legalForm: p.legalForm,
    provinceCode: p.provinceCode,
    commune: p.commune,
    createdAt: p.createdAt,
    ...(p.logoKey ? { logoKey: p.logoKey } : {}),
    ...(p.demo ? { demo: true } : {}),
  };
}
