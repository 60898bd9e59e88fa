/**
 * Repairs for what phone keyboards produce when a folded query token is not a known syllable:
 * joined syllables ("phuquoc", "nuocmamphuquoc") and raw Telex typed without a Vietnamese input
 * method ("nuowcs mamws" for "nước mắm"). Both work on folded (ASCII) tokens.
 */

/** What the index knows about a folded syllable: how many documents contain it (0 = unknown). */
export type SyllableFrequency = (syllable: string) => number;

const MAX_SYLLABLE = 7; // "nghieng", "nguyen": no folded Vietnamese syllable is longer
const MIN_PIECE = 2; // one-letter syllables exist ("y", "o") but make every split ambiguous

/**
 * Splits a joined token into known syllables: fewest pieces, and among those the split whose pieces
 * are most common ("hanoi" → "ha noi", not "han oi"). Undefined when no split of ≥ 2 pieces exists.
 */
export function splitJoined(token: string, frequency: SyllableFrequency): string[] | undefined {
  if (token.length < 2 * MIN_PIECE || token.length > 40) return undefined;
  // best[i]: the best split of token[0, i) as [pieces, score]; score = sum of log frequencies.
  const best: Array<{ pieces: string[]; score: number } | undefined> = [{ pieces: [], score: 0 }];
  for (let end = 1; end <= token.length; end++) {
    for (let start = Math.max(0, end - MAX_SYLLABLE); start <= end - MIN_PIECE; start++) {
      const prev = best[start];
      if (!prev) continue;
      const piece = token.slice(start, end);
      const f = frequency(piece);
      if (f <= 0) continue;
      const candidate = { pieces: [...prev.pieces, piece], score: prev.score + Math.log(1 + f) };
      const current = best[end];
      if (
        !current ||
        candidate.pieces.length < current.pieces.length ||
        (candidate.pieces.length === current.pieces.length && candidate.score > current.score)
      ) {
        best[end] = candidate;
      }
    }
  }
  const found = best[token.length];
  return found && found.pieces.length >= 2 ? found.pieces : undefined;
}

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y', 'w']);

/**
 * Folded reading of a Telex-typed token: tone keys dropped (s f r x j, wherever they were typed after
 * the first letter, except the r of "tr"), doubled or w-marked vowels collapsed, "dd" → "d".
 * Returns the token unchanged when it holds no Telex.
 */
export function decodeTelex(token: string): string {
  if (!/^[a-z]+$/.test(token)) return token;
  let out = '';
  for (let i = 0; i < token.length; i++) {
    const ch = token[i] as string;
    const prev = token[i - 1];
    if (i > 0 && (ch === 'f' || ch === 'j' || ch === 'z')) continue;
    if (i > 0 && (ch === 's' || ch === 'x')) continue;
    if (i > 0 && ch === 'r' && !(prev === 't' && i === 1)) continue;
    out += ch;
  }
  out = out
    .replace(/dd/g, 'd')
    .replace(/aa|aw/g, 'a')
    .replace(/ee/g, 'e')
    .replace(/oo|ow/g, 'o')
    .replace(/uw/g, 'u');
  // A w typed after the syllable ("mamw" → măm) only marks a vowel; a lone w is the vowel ư ("tw").
  out = /[aeiouy]/.test(out.replace(/w/g, '')) ? out.replace(/w/g, '') : out.replace(/w/g, 'u');
  // A lone consonant cluster is not a syllable: keep the original so callers see "no change".
  return [...out].some((c) => VOWELS.has(c)) ? out : token;
}
