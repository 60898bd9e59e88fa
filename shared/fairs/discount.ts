import { AppError } from '../http/errors';
import type { NotADiscount } from '../livestream/discount';

/** 422: the fair price is not below the lowest price of the last 30 days (the live-price rule, shared/livestream/discount.ts). */
export class FairPriceNotADiscount extends AppError {
  constructor(items: NotADiscount[]) {
    const first = items[0]!;
    super(422, 'FAIR_PRICE_NOT_A_DISCOUNT', `Giá hội chợ phải thấp hơn giá thấp nhất trong 30 ngày qua (${first.priceToBeatVnd.toLocaleString('vi-VN')} ₫)`, {
      priceToBeatVnd: first.priceToBeatVnd,
      items: items.map(({ livePriceVnd, ...rest }) => ({ ...rest, fairPriceVnd: livePriceVnd })),
    });
  }
}
