import { beforeAll, describe, expect, it } from 'vitest';
import { composeApp } from '../../app/compose-app';
import { composeServices } from '../../app/compose-services';
import { searchFunctionModules } from '../../app/search-modules';
import { openShop, type Shop } from '../orders/fixtures';
import { deliveredOrder, reviewRequest } from './fixtures';

/** The `<article class="card">` of one product in a page's HTML (its link names the product). */
function cardOf(html: string, productId: string): string {
  const cards = html.split('<article class="card">').slice(1);
  const card = cards.find((c) => c.includes(`href="/san-pham/${productId}"`));
  if (!card) throw new Error(`no card for ${productId}`);
  return card.slice(0, card.indexOf('</article>'));
}

const honeyLabel = 'aria-label="Người mua đánh giá 4,5 trên 5, 2 đánh giá"';

describe('buyers\' ratings on the product cards of every listing page', () => {
  let shop: Shop;
  beforeAll(async () => {
    shop = await openShop();
    for (const stars of [4, 5]) {
      const order = await deliveredOrder(shop, [{ productId: shop.honey.id, quantity: 1 }]);
      expect((await reviewRequest(shop, shop.shopper, order.id, `${order.subOrders[0]!.id}.0`, { stars, text: 'Mật ong thơm' })).status).toBe(201);
    }
  });

  const pages = [
    ['home', '/'],
    ['list', '/san-pham'],
    ['storefront', '/co-so/htx-a'],
  ] as const;

  it.each(pages)('%s page: the reviewed product\'s card shows its mean and count apart from the OCOP badge', async (_name, path) => {
    const html = await (await shop.app.request(path)).text();
    const card = cardOf(html, shop.honey.id);
    expect(card).toContain(honeyLabel);
    expect(card).toContain('data-rating-mean="4.5"');
    expect(card).toContain('2 đánh giá của người mua');
    // The OCOP badge keeps its own, different label.
    expect(card).not.toMatch(/aria-label="[^"]*OCOP[^"]*4,5/);
  });

  it.each(pages)('%s page: a product without reviews shows no rating at all', async (_name, path) => {
    const html = await (await shop.app.request(path)).text();
    const card = cardOf(html, shop.fishSauce.id);
    expect(card).not.toContain('card-rating');
    expect(card).not.toContain('đánh giá của người mua');
  });

  it('search page: the hits carry the same rating; an unreviewed hit shows none', async () => {
    const html = await (await shop.app.request(`/tim-kiem?q=${encodeURIComponent('HTX Mật ong A')}`)).text();
    expect(cardOf(html, shop.honey.id)).toContain(honeyLabel);
    expect(cardOf(html, shop.fishSauce.id)).not.toContain('card-rating');
  });

  it('search page served by the search function alone (its own module list) shows the same ratings', async () => {
    const { config, clock, logger, dynamo } = shop.services;
    const lean = composeApp(composeServices(config, { clock, logger, dynamo }, searchFunctionModules), searchFunctionModules);
    const res = await lean.request(`/tim-kiem?q=${encodeURIComponent('HTX Mật ong A')}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(cardOf(html, shop.honey.id)).toContain(honeyLabel);
    expect(cardOf(html, shop.fishSauce.id)).not.toContain('card-rating');
  });
});
