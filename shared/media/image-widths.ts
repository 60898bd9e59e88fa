/** The widths the image pipeline renders (each ≤ the upright image's width); here so schemas can use them without loading sharp. */
export const IMAGE_WIDTHS = [320, 640, 1280] as const;
