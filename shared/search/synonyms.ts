import { accentKey, fold, phrases } from './vietnamese-text';

/**
 * Words shoppers use that the product text does not: English ("honey", "fish sauce", "coffee") and
 * regional Vietnamese synonyms (trà/chè, heo/lợn). Expanded at index time into the `alias` field, so
 * a query needs no rewriting. Keys are matched on accented syllables, because folding would make
 * "chè" (tea) the same as "chế" in "chế biến" (processed).
 */
const ALIASES: ReadonlyArray<readonly [string, string]> = [
  ['mật ong', 'honey'],
  ['cà phê', 'coffee cafe'],
  ['cafe', 'coffee ca phe'],
  ['ca cao', 'cocoa cacao chocolate'],
  ['cacao', 'cocoa ca cao chocolate'],
  ['sô cô la', 'chocolate'],
  ['trà', 'tea che'],
  ['chè', 'tea tra'],
  ['nước mắm', 'fish sauce'],
  ['mắm', 'fermented fish paste'],
  ['gạo', 'rice'],
  ['nếp', 'glutinous sticky rice'],
  ['hồ tiêu', 'pepper'],
  ['tiêu', 'pepper'],
  ['yến', 'bird nest birdnest'],
  ['yến sào', 'bird nest birdnest'],
  ['dừa', 'coconut'],
  ['kẹo', 'candy'],
  ['kẹo dừa', 'coconut candy'],
  ['rượu', 'wine liquor spirit'],
  ['rượu vang', 'wine'],
  ['muối', 'salt'],
  ['đường', 'sugar'],
  ['bánh', 'cake'],
  ['bánh tráng', 'rice paper'],
  ['nấm', 'mushroom'],
  ['sâm', 'ginseng'],
  ['quế', 'cinnamon'],
  ['hồi', 'star anise'],
  ['gừng', 'ginger'],
  ['nghệ', 'turmeric'],
  ['tỏi', 'garlic'],
  ['ớt', 'chili chilli'],
  ['xoài', 'mango'],
  ['bưởi', 'pomelo grapefruit'],
  ['vải', 'lychee litchi'],
  ['nhãn', 'longan'],
  ['cam', 'orange'],
  ['chuối', 'banana'],
  ['thanh long', 'dragon fruit'],
  ['sầu riêng', 'durian'],
  ['măng cụt', 'mangosteen'],
  ['mít', 'jackfruit'],
  ['hạt điều', 'cashew'],
  ['điều', 'cashew'],
  ['mắc ca', 'macadamia'],
  ['tinh dầu', 'essential oil'],
  ['lụa', 'silk'],
  ['thổ cẩm', 'brocade textile'],
  ['gốm', 'ceramic pottery'],
  ['mây tre', 'bamboo rattan'],
  ['tre', 'bamboo'],
  ['tôm', 'shrimp prawn'],
  ['cá', 'fish'],
  ['mực', 'squid'],
  ['sữa', 'milk'],
  ['trứng', 'egg'],
  ['thịt', 'meat'],
  ['bò', 'beef'],
  ['heo', 'pork lon'],
  ['lợn', 'pork heo'],
  ['mè', 'sesame vung'],
  ['vừng', 'sesame me'],
  ['lạc', 'peanut dau phong'],
  ['đậu phộng', 'peanut lac'],
  ['ngô', 'corn bap'],
  ['bắp', 'corn ngo'],
  ['dứa', 'pineapple khom thom'],
  ['khóm', 'pineapple dua'],
  ['mứt', 'jam'],
  ['miến', 'glass noodles'],
  ['bún', 'rice noodles'],
  ['phở', 'pho noodles'],
  ['du lịch', 'tourism tour travel'],
  ['dầu dừa', 'coconut oil'],
  ['bột', 'powder flour'],
  ['khô', 'dried'],
  ['lạp xưởng', 'sausage'],
  ['giò', 'sausage'],
  ['tương', 'sauce'],
  ['nước chấm', 'dipping sauce'],
];

/** Per-group aliases: what a whole subgroup is called in English. */
const SUBGROUP_ALIASES: Record<string, string> = {
  'food-tea': 'tea',
  'food-coffee-cocoa': 'coffee',
  'food-condiment': 'spice sauce',
  'drinks-alcoholic': 'liquor alcohol',
  'herbal-cosmetics': 'cosmetics',
  'herbal-essential-oil': 'essential oil',
};

const keyOf = (syllables: readonly string[]) => syllables.map(accentKey).join(' ');
const byKey = new Map<string, string[][]>();
let longest = 1;
for (const [vi, en] of ALIASES) {
  const sylls = phrases(vi).flat();
  longest = Math.max(longest, sylls.length);
  byKey.set(keyOf(sylls), [...(byKey.get(keyOf(sylls)) ?? []), en.split(' ').map(fold)]);
}

/** Folded alias terms for texts (name, tags) and a subgroup code; duplicates removed. */
export function aliasTerms(texts: readonly string[], subgroup?: string): string[] {
  return aliasPhrases(texts, subgroup).flat().filter((t, i, all) => all.indexOf(t) === i);
}

/** The same, one array per alias ("fish sauce" → ["fish", "sauce"]), so the phrase field can pair them. */
export function aliasPhrases(texts: readonly string[], subgroup?: string): string[][] {
  const out = new Map<string, string[]>();
  for (const text of texts) {
    for (const phrase of phrases(text)) {
      for (let i = 0; i < phrase.length; i++) {
        for (let n = 1; n <= longest && i + n <= phrase.length; n++) {
          for (const alias of byKey.get(keyOf(phrase.slice(i, i + n))) ?? []) out.set(alias.join(' '), alias);
        }
      }
    }
  }
  const extra = subgroup ? SUBGROUP_ALIASES[subgroup] : undefined;
  if (extra) out.set(extra, extra.split(' '));
  return [...out.values()];
}
