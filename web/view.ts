import type { Image } from '../shared/catalog/product';
import { provinces, type Province } from '../shared/reference/provinces';

/** Where the pages point for assets: from config, so the same pages work locally and behind CloudFront. */
export interface AssetUrls {
  media: string;
  static: string;
}

export const SITE_NAME = 'Chợ OCOP';

/**
 * The header search form's target. The search page lands later; until then the form goes to the
 * product list, which says that keyword search is not there yet.
 */
export const SEARCH_ACTION = '/tim-kiem';

export const productPath = (id: string) => `/san-pham/${encodeURIComponent(id)}`;
export const producerPath = (id: string) => `/co-so/${encodeURIComponent(id)}`;

/** `/san-pham?group=food` — empty values are left out so URLs stay short and shareable. */
export function listPath(params: Record<string, string | number | undefined>): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') qs.set(k, String(v));
  const s = qs.toString();
  return s ? `/san-pham?${s}` : '/san-pham';
}

export function imageUrl(base: string, key: string, width: number): string {
  return `${base}/${key}-${width}.webp`;
}

/** src (a middle width: good enough for browsers without srcset) and srcset for an image's variants. */
export function imageSources(base: string, image: Image, preferred = 480): { src: string; srcset: string } {
  const widths = [...image.widths].sort((a, b) => a - b);
  const srcWidth = widths.find((w) => w >= preferred) ?? widths[widths.length - 1] ?? image.width;
  return {
    src: imageUrl(base, image.key, srcWidth),
    srcset: widths.map((w) => `${imageUrl(base, image.key, w)} ${w}w`).join(', '),
  };
}

/** "+84912345678" → "0912345678", the way Vietnamese write a domestic number. */
export function nationalPhone(e164: string): string {
  return e164.startsWith('+84') ? `0${e164.slice(3)}` : e164;
}

/** Free text from producers: blank lines separate paragraphs. Rendered as text nodes, never as HTML. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

const collator = new Intl.Collator('vi');
export const provincesByName: readonly Province[] = [...provinces].sort((a, b) => collator.compare(a.name, b.name));

/** Provinces in the reference order (north to south), grouped by region. */
export function provincesByRegion(): { region: string; provinces: Province[] }[] {
  const out = new Map<string, Province[]>();
  for (const p of provinces) {
    const list = out.get(p.region) ?? [];
    list.push(p);
    out.set(p.region, list);
  }
  return [...out].map(([region, list]) => ({ region, provinces: list }));
}
