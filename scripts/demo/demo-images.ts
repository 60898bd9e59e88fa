import sharp from 'sharp';
import { foldVietnamese } from '../../shared/text/fold';
import { DEMO_IMAGE_HEIGHT, DEMO_IMAGE_WIDTH, DEMO_IMAGE_WIDTHS, demoImageKey, variantKey } from './demo-image-layout';
import { stableInt } from './ids';

/**
 * Illustrative placeholder images for demo products: a gradient in the group's colour, a simple
 * motif for the subgroup, the name's initials and a small "DEMO" mark, so nobody mistakes them for
 * product photos. Text is short ASCII so librsvg's default fonts always have the glyphs.
 */

const PALETTES: Record<string, [string, string]> = {
  food: ['#fcd34d', '#c2410c'],
  drinks: ['#67e8f9', '#1e40af'],
  herbal: ['#bef264', '#166534'],
  handicraft: ['#e7c9a9', '#8b4513'],
  ornamental: ['#f9a8d4', '#9d174d'],
  tourism: ['#a5f3fc', '#0f766e'],
};

// Opaque white inside a translucent group: overlapping shapes merge instead of showing seams.
const INK = 'fill="#fff"';
const LINE = 'fill="none" stroke="#fff" stroke-linecap="round"';
const SHADE = 'fill="none" stroke="#000" stroke-opacity="0.16" stroke-linecap="round"';

const MOTIFS: Record<string, string> = {
  bottle: `<path ${INK} d="M-26 -130h52v42q48 26 48 84v150q0 24-24 24h-100q-24 0-24-24v-150q0-58 48-84z"/>`,
  leaf: `<path ${INK} d="M0-135C95-95 115 45 0 135C-115 45-95-95 0-135Z"/><path ${SHADE} stroke-width="6" d="M0-110V118M0-40l45-35M0 10l52-40M0 60l40-30M0-40l-45-35M0 10l-52-40M0 60l-40-30"/>`,
  bean: `<ellipse ${INK} rx="78" ry="112" transform="rotate(25)"/><path ${SHADE} stroke-width="10" d="M-30-95C25-40-25 40 30 95" transform="rotate(25)"/>`,
  honey: [[-60, -50], [60, -50], [0, 55]]
    .map(([x, y]) => `<path ${INK} transform="translate(${x} ${y})" d="M0-62L54-31V31L0 62L-54 31V-31Z"/>`)
    .join(''),
  grain: Array.from({ length: 9 }, (_, i) => `<ellipse ${INK} rx="16" ry="40" transform="rotate(${-60 + i * 15}) translate(0 -95)"/>`).join('') +
    `<circle ${INK} r="34"/>`,
  bowl: `<circle ${INK} cx="-40" cy="-40" r="42"/><circle ${INK} cx="35" cy="-55" r="36"/><circle ${INK} cx="5" cy="-10" r="30"/><path ${INK} d="M-140 0H140Q140 130 0 130Q-140 130-140 0Z"/>`,
  vase: `<path ${INK} d="M-38-135H38V-110Q38-90 60-70Q115-20 100 60Q85 130 0 135Q-85 130-100 60Q-115-20-60-70Q-38-90-38-110Z"/>`,
  weave: Array.from({ length: 7 }, (_, i) => {
    const d = -120 + i * 40;
    return `<path ${LINE} stroke-width="16" d="M${d}-130V130M-130 ${d}H130"/>`;
  }).join(''),
  flower: Array.from({ length: 6 }, (_, i) => `<ellipse ${INK} rx="42" ry="78" transform="rotate(${i * 60}) translate(0 -72)"/>`).join('') +
    `<circle r="40" fill="#000" fill-opacity="0.18"/>`,
  mountains: `<circle ${INK} cx="90" cy="-90" r="40"/><path ${INK} d="M-170 120L-50-80L40 50L90-10L180 120Z"/>`,
};

const MOTIF_BY_SUBGROUP: Record<string, string> = {
  'food-condiment': 'bottle',
  'food-tea': 'leaf',
  'food-coffee-cocoa': 'bean',
  'food-honey': 'honey',
  'food-grain': 'grain',
  'food-processed-grain': 'grain',
  'drinks-alcoholic': 'bottle',
  'drinks-non-alcoholic': 'bottle',
  'handicraft-ceramics': 'vase',
  'handicraft-fibre': 'weave',
  'handicraft-textile': 'weave',
  'handicraft-wood': 'vase',
  'handicraft-metal': 'vase',
};
const MOTIF_BY_GROUP: Record<string, string> = { food: 'bowl', drinks: 'bottle', herbal: 'leaf', handicraft: 'vase', ornamental: 'flower', tourism: 'mountains' };

export interface DemoImageSubject {
  id: string;
  name: string;
  group: string;
  subgroup: string;
}

/** "Nước mắm Phú Quốc 40 độ đạm" → "NMP": ASCII initials of the first three words. */
export function initialsOf(name: string): string {
  return foldVietnamese(name)
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .slice(0, 3)
    .map((w) => w[0]?.toUpperCase() ?? '')
    .join('');
}

export function demoImageSvg(subject: DemoImageSubject): string {
  const [light, dark] = PALETTES[subject.group] ?? (PALETTES.food as [string, string]);
  const motif = MOTIFS[MOTIF_BY_SUBGROUP[subject.subgroup] ?? MOTIF_BY_GROUP[subject.group] ?? 'bowl'];
  // Small stable variations so a page of one group does not look like one image repeated.
  const angle = stableInt(`${subject.id}#a`, -12, 12);
  const cx = stableInt(`${subject.id}#x`, 400, 450);
  const glowX = stableInt(`${subject.id}#g`, 15, 45) / 100;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${DEMO_IMAGE_WIDTH}" height="${DEMO_IMAGE_HEIGHT}" viewBox="0 0 ${DEMO_IMAGE_WIDTH} ${DEMO_IMAGE_HEIGHT}">
<defs>
<linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${light}"/><stop offset="1" stop-color="${dark}"/></linearGradient>
<radialGradient id="glow" cx="${glowX}" cy="0.2" r="0.75"><stop offset="0" stop-color="#fff" stop-opacity="0.35"/><stop offset="1" stop-color="#fff" stop-opacity="0"/></radialGradient>
</defs>
<rect width="${DEMO_IMAGE_WIDTH}" height="${DEMO_IMAGE_HEIGHT}" fill="url(#bg)"/>
<rect width="${DEMO_IMAGE_WIDTH}" height="${DEMO_IMAGE_HEIGHT}" fill="url(#glow)"/>
<circle cx="${DEMO_IMAGE_WIDTH - 60}" cy="60" r="170" fill="#fff" fill-opacity="0.07"/>
<circle cx="40" cy="${DEMO_IMAGE_HEIGHT + 20}" r="150" fill="#000" fill-opacity="0.06"/>
<g opacity="0.88" transform="translate(${cx} 215) rotate(${angle})">${motif}</g>
<text x="40" y="430" font-family="DejaVu Sans, Arial, sans-serif" font-weight="bold" font-size="76" fill="#fff" fill-opacity="0.92">${initialsOf(subject.name)}</text>
<text x="${DEMO_IMAGE_WIDTH - 24}" y="${DEMO_IMAGE_HEIGHT - 20}" text-anchor="end" font-family="DejaVu Sans, Arial, sans-serif" font-size="16" letter-spacing="3" fill="#fff" fill-opacity="0.85">DEMO</text>
</svg>`;
}

export interface RenderedImage {
  key: string;
  body: Buffer;
  contentType: 'image/webp';
}

/** Renders the SVG once and encodes every width from the same pixels. */
export async function renderDemoImages(subject: DemoImageSubject): Promise<RenderedImage[]> {
  const { data, info } = await sharp(Buffer.from(demoImageSvg(subject))).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const raw = { raw: { width: info.width, height: info.height, channels: info.channels } } as const;
  const key = demoImageKey(subject.id);
  return Promise.all(
    DEMO_IMAGE_WIDTHS.map(async (width) => {
      const height = Math.round((width * DEMO_IMAGE_HEIGHT) / DEMO_IMAGE_WIDTH);
      const pixels = sharp(data, raw);
      if (width !== info.width) pixels.resize(width, height);
      // effort 2: the files are a few KB either way, and it halves the encoding time.
      const body = await pixels.webp({ quality: 72, effort: 2 }).toBuffer();
      return { key: variantKey(key, width), body, contentType: 'image/webp' as const };
    }),
  );
}
