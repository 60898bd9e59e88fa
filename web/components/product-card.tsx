import type { ProductCard as Card } from '../../shared/catalog/product';
import { formatVnd } from '../../shared/money/vnd';
import { provinceByCode } from '../../shared/reference/provinces';
import { productPath } from '../view';
import { DemoTag } from './demo-tag';
import { ProductImage } from './product-image';
import { StarBadge } from './star-badge';
import { raw } from 'hono/html';
import type { RatingSummary } from '../../shared/reviews/rules';
import { BuyerRating, reviewsCss } from '../reviews/review-section';

/**
 * Cards carry `demo` only once the listing items do (ProductCard does not pick it yet): read it
 * defensively so the label and the footer notice appear as soon as the field is there.
 */
export function isDemoCard(card: Card): boolean {
  return (card as Card & { demo?: boolean }).demo === true;
}

const CARD_SIZES = '(min-width: 72rem) 17rem, (min-width: 40rem) 31vw, 46vw';

/** One card. The name's link is stretched over the card, so the whole card is one tap target. */
/** `rating`: the buyers' rating (blue dots, shown under the OCOP badge, never in its place); absent: not shown. */
export function ProductCard({ card, media, headingLevel = 3, rating }: { card: Card; media: string; headingLevel?: 2 | 3; rating?: RatingSummary | undefined }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const province = provinceByCode(card.provinceCode)?.name ?? card.provinceCode;
  return (
    <article class="card">
      <ProductImage image={card.image} media={media} sizes={CARD_SIZES} name={card.name} />
      <div class="card-body">
        <Heading>
          <a href={productPath(card.id)}>{card.name}</a>
        </Heading>
        <StarBadge stars={card.stars} />
        {isDemoCard(card) ? <DemoTag /> : null}
        {rating ? (
          <p class="card-rating">
            <BuyerRating summary={rating} compact />
          </p>
        ) : null}
        <p class="price">
          {card.priceMaxVnd !== undefined ? 'từ ' : null}
          {formatVnd(card.priceVnd)} <span class="unit">/ {card.unit}</span>
        </p>
        <p class="meta">
          {card.producerName} · {province}
        </p>
      </div>
    </article>
  );
}

export function ProductGrid({
  items,
  media,
  headingLevel = 3,
  label,
  ratings,
}: {
  items: Card[];
  media: string;
  headingLevel?: 2 | 3;
  label?: string;
  /** Buyers' ratings by product id (web/reviews/): pages that read them pass them. */
  ratings?: ReadonlyMap<string, RatingSummary> | undefined;
}) {
  return (
    <>
      {ratings ? <style>{raw(reviewsCss)}</style> : null}
      <ul class="grid" {...(label ? { 'aria-label': label } : {})}>
        {items.map((card) => (
          <li>
            <ProductCard card={card} media={media} headingLevel={headingLevel} rating={ratings?.get(card.id)} />
          </li>
        ))}
      </ul>
    </>
  );
}
