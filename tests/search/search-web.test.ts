import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_IDS } from '../../scripts/demo/demo-catalog';
import { createSearchApp } from './search-app';
import { seededSearchServices } from './search-test-services';

const NOW = new Date('2026-11-23T03:00:00Z');

/** Hrefs of the links inside the first element whose opening tag matches `open`. */
function linksIn(html: string, open: RegExp): string[] {
  const start = html.search(open);
  if (start < 0) return [];
  const tag = /<(\w+)/.exec(html.slice(start))![1]!;
  const end = html.indexOf(`</${tag}>`, start);
  return [...html.slice(start, end).matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
}

describe('GET /tim-kiem (server-rendered, works without JavaScript)', () => {
  let app: ReturnType<typeof createSearchApp>;
  const page = async (path: string) => {
    const res = await app.request(path, { headers: { accept: 'text/html' } });
    return { status: res.status, html: await res.text(), cache: res.headers.get('cache-control') };
  };

  beforeAll(async () => {
    app = createSearchApp((await seededSearchServices(NOW)).services);
  }, 180_000);

  it('lists results for an unaccented query, with the query kept in the search boxes', async () => {
    const { status, html, cache } = await page('/tim-kiem?q=nuoc+mam+phu+quoc');
    expect(status).toBe(200);
    expect(cache).toBe('no-store');
    expect(html).toContain('Kết quả tìm “nuoc mam phu quoc”');
    expect(html).toContain(`href="/san-pham/${DEMO_IDS.listedFiveStar}"`);
    expect(html.indexOf(DEMO_IDS.listedFiveStar)).toBeLessThan(html.indexOf('tieu-so-trang-phu-quoc-9bb5'));
    expect(html).toMatch(/<form[^>]*role="search"[^>]*action="\/tim-kiem"/);
    expect(html).toContain('value="nuoc mam phu quoc"');
    expect(html).toContain(`href="/co-so/${DEMO_IDS.someProducer}"`);
  });

  it('shows facets as links whose counts match the pages they lead to', async () => {
    const { html } = await page('/tim-kiem?q=tra');
    const facetLinks = linksIn(html, /<nav aria-label="Lọc kết quả"/);
    expect(facetLinks.length).toBeGreaterThan(3);
    const counts = [...html.matchAll(/<a href="([^"]+)" rel="nofollow"><span>[^<]*<\/span><span class="n">(\d+)<\/span>/g)].map((m) => [m[1]!.replace(/&amp;/g, '&'), Number(m[2])] as const);
    expect(counts.length).toBe(facetLinks.length);
    for (const [href, count] of counts.slice(0, 6)) {
      const target = await page(href);
      expect(target.html, href).toContain(`${count} sản phẩm</h2>`);
    }
  });

  it('marks a chosen facet and links to its removal', async () => {
    const { html } = await page('/tim-kiem?q=tra&group=herbal');
    expect(html).toMatch(/aria-current="true"[^>]*>.*Dược liệu/s);
    expect(linksIn(html, /<ul class="chips" aria-label="Đang lọc"/)).toEqual(['/tim-kiem?q=tra']);
  });

  it('pages with "next" links, and sorts by links', async () => {
    const { html } = await page('/tim-kiem?q=ocop');
    const next = /href="([^"]+)" rel="next"/.exec(html)?.[1]?.replace(/&amp;/g, '&');
    expect(next).toMatch(/^\/tim-kiem\?q=ocop&cursor=/);
    const second = await page(next!);
    expect(second.status).toBe(200);
    expect(second.html).toContain('Về trang đầu');
    expect(html).toContain('href="/tim-kiem?q=ocop&amp;sort=price_asc"');
  });

  it('"no results" suggests the unaccented query, dropping a filter and close words', async () => {
    const { status, html } = await page('/tim-kiem?q=m%E1%BA%ADt+ong&province=01');
    expect(status).toBe(200);
    expect(html).toContain('Không tìm thấy sản phẩm OCOP nào cho “mật ong”');
    expect(html).toContain('Gõ không dấu: “mat ong”');
    expect(html).toMatch(/data-kind="drop-filter"[^>]*>Bỏ lọc “Tỉnh, thành phố: Hà Nội”/);
    const typo = await page('/tim-kiem?q=mat+ong+xyzq');
    expect(typo.html).not.toContain('Không tìm thấy sản phẩm OCOP nào');
    expect(typo.html).toContain('đã bỏ qua');
    const nothing = await page('/tim-kiem?q=qwxz+vbnm');
    expect(nothing.html).toContain('Mọi người hay tìm');
  });

  it('an empty query shows the form; bad filters are ignored; a bad cursor is a 400 page', async () => {
    expect((await page('/tim-kiem')).html).toContain('Gõ tên sản phẩm, cơ sở hoặc tỉnh');
    const bad = await page('/tim-kiem?q=tra&province=99&price=free&sort=x&minStars=9');
    expect(bad.status).toBe(200);
    expect(bad.html).toContain('sản phẩm</h2>');
    const cursor = await page('/tim-kiem?q=tra&cursor=nope');
    expect(cursor.status).toBe(400);
  });

  it('escapes what the shopper typed', async () => {
    const { html } = await page('/tim-kiem?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E');
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain('&lt;script&gt;');
  });
});
