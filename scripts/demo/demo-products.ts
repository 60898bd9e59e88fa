import { DEMO_FOOD_PRODUCTS } from './demo-products-food';
import { DEMO_OTHER_PRODUCTS } from './demo-products-other';
import type { DemoProductSpec } from './demo-spec';

/** Every demo product spec, in the order the catalogue numbers them (certificate serials). */
export const DEMO_PRODUCTS: readonly DemoProductSpec[] = [...DEMO_FOOD_PRODUCTS, ...DEMO_OTHER_PRODUCTS];
