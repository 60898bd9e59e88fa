import { foldVietnamese } from '../text/fold';

/**
 * Vietnamese text → index terms. A Vietnamese word is several space-separated syllables
 * ("nước mắm", "Phú Quốc"), so the unit of matching is the syllable; adjacency is restored with
 * joined bigrams ("nuocmam"), which also make a missing space ("phuquoc") an exact match.
 */

// A syllable (letters, combining marks from NFD keyboards, digits), or a phrase break: anything
// that is neither a syllable character nor a space ("mắm, 40"). Walked with exec(): split() and
// matchAll() clone the regex per call, and cloning a Unicode-property class made indexing slow.
const SYLLABLE_OR_BREAK = /([\p{L}\p{M}\p{N}]+)|[^\p{L}\p{M}\p{N}\s]+/gu;

const TONE_MARKS: Record<string, string> = {
  '\u0301': '1', // sắc
  '\u0300': '2', // huyền
  '\u0309': '3', // hỏi
  '\u0303': '4', // ngã
  '\u0323': '5', // nặng
};

/** NFC, trimmed, single spaces: what a query is compared and fingerprinted as. */
export function normalizeText(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** Syllables grouped by phrase, so a bigram never joins words across a comma or a bracket. */
export function phrases(text: string): string[][] {
  const out: string[][] = [];
  let current: string[] = [];
  const source = text.normalize('NFC').toLowerCase();
  SYLLABLE_OR_BREAK.lastIndex = 0;
  for (let m = SYLLABLE_OR_BREAK.exec(source); m; m = SYLLABLE_OR_BREAK.exec(source)) {
    if (m[1]) current.push(m[1]);
    else if (current.length) {
      out.push(current);
      current = [];
    }
  }
  if (current.length) out.push(current);
  return out;
}

/**
 * Unicode normalisation is the cost of indexing; the language has only a few thousand syllables,
 * so each one is folded once. The cap only matters for junk input (random tokens in descriptions).
 */
function memo(fn: (s: string) => string): (s: string) => string {
  let cache = new Map<string, string>();
  return (s) => {
    let out = cache.get(s);
    if (out === undefined) {
      out = fn(s);
      if (cache.size >= 100_000) cache = new Map();
      cache.set(s, out);
    }
    return out;
  };
}

export const fold = memo(foldVietnamese);

export function hasDiacritics(syllable: string): boolean {
  return fold(syllable) !== syllable.toLowerCase();
}

/**
 * The accented form as one key that ignores where the tone mark sits: "hòa" and "hoà" (old and new
 * placement) both give "hoa2"; "mắm" gives "măm1" and "mâm" gives "mâm", so they differ.
 * Vowel shape (ă â ê ô ơ ư, đ) stays in the letters; the tone becomes a trailing digit.
 */
export const accentKey = memo((syllable: string): string => {
  let tone = '';
  let base = '';
  for (const ch of syllable.normalize('NFD').toLowerCase()) {
    const t = TONE_MARKS[ch];
    if (t) tone = t;
    else base += ch;
  }
  return base.normalize('NFC') + tone;
});

/** Adjacent pairs joined: ["nuoc","mam","phu","quoc"] → ["nuocmam","mamphu","phuquoc"]. */
export function joinedBigrams(folded: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < folded.length; i++) out.push(`${folded[i]}${folded[i + 1]}`);
  return out;
}

/** Index views of a text: folded syllables, joined bigrams, accent keys of the accented syllables. */
export interface TextTerms {
  folded: string[];
  bigrams: string[];
  accents: string[];
}

export function textTerms(text: string, options: { bigrams?: boolean; accents?: boolean } = {}): TextTerms {
  const out: TextTerms = { folded: [], bigrams: [], accents: [] };
  for (const phrase of phrases(text)) {
    const folded = phrase.map(fold);
    out.folded.push(...folded);
    if (options.bigrams !== false) out.bigrams.push(...joinedBigrams(folded));
    if (options.accents !== false) {
      for (const s of phrase) if (hasDiacritics(s)) out.accents.push(accentKey(s));
    }
  }
  return out;
}
