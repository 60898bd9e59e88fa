import type { Image } from '../../shared/catalog/product';

/** Demo images are 4:3; variants live at `{key}-{width}.webp` (the ImageSchema convention). */
export const DEMO_IMAGE_WIDTHS = [320, 640] as const;
export const DEMO_IMAGE_WIDTH = 640;
export const DEMO_IMAGE_HEIGHT = 480;

export function demoImageKey(productId: string): string {
  return `demo/products/${productId}`;
}

export function variantKey(imageKey: string, width: number): string {
  return `${imageKey}-${width}.webp`;
}

export function demoImageOf(productId: string, productName: string): Image {
  return {
    key: demoImageKey(productId),
    width: DEMO_IMAGE_WIDTH,
    height: DEMO_IMAGE_HEIGHT,
    widths: [...DEMO_IMAGE_WIDTHS],
    alt: productName,
  };
}
