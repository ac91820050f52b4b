// A light English stemmer for `--about`: enough to make "deployed", "deploying"
// and "deployment" meet, and "denies", "denied" and "denial" meet, without a
// dependency. It strips one inflectional or common derivational suffix and folds
// a final y to i; it is not Porter and does not try to be.

const SUFFIXES: readonly string[] = [
  'ements', 'ement', 'ments', 'ment',
  'ations', 'ation', 'itions', 'ition',
  'nesses', 'ness',
  'ingly', 'edly', 'ings', 'ing',
  'ies', 'ied', 'ers', 'er', 'ed',
  'als', 'al',
  'ly', 'es', 's',
];

const MIN_STEM = 3;

/** Stems one lower-case word. */
export function stem(word: string): string {
  let w = word.toLowerCase().replace(/['’]s$/, '').replace(/['’]/g, '');
  if (w.length <= MIN_STEM) return w;
  for (const suffix of SUFFIXES) {
    if (!w.endsWith(suffix)) continue;
    const base = w.slice(0, -suffix.length);
    if (base.length < MIN_STEM) continue;
    if (suffix === 's' && /(ss|us|is)$/.test(w)) break;
    if (suffix === 'es' && !/(ch|sh|ss|x|z|o)$/.test(base)) {
      // "issues", "states": only the s is a suffix.
      w = w.slice(0, -1);
      break;
    }
    w = suffix === 'ies' || suffix === 'ied' ? `${base}i` : base;
    break;
  }
  // "stopped" -> "stopp" -> "stop"; keep ll/ss/zz ("called", "dismissed"), and keep
  // a stem that would fall below three letters ("offer" -> "off", not "of").
  if (w.length > MIN_STEM && /([bdfgmnprt])\1$/.test(w)) w = w.slice(0, -1);
  // Fold the forms that differ only in a final e or y: "state"/"stated", "deny"/"denied".
  if (w.length > MIN_STEM && w.endsWith('e')) w = w.slice(0, -1);
  if (w.endsWith('y')) w = `${w.slice(0, -1)}i`;
  return w;
}

const STOP_WORDS = new Set([
  'a', 'an', 'and', 'are', 'as', 'at', 'be', 'by', 'for', 'from', 'has', 'have', 'in', 'is', 'it',
  'its', 'of', 'on', 'or', 'that', 'the', 'this', 'to', 'was', 'were', 'will', 'with',
]);

/** The words of a text, lower-cased (letters and digits; inner apostrophes and hyphens split words). */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? [];
}

/** Stems of the words of a query, without stop words (unless the query has nothing else). */
export function queryStems(query: string): string[] {
  const all = words(query);
  const content = all.filter((w) => !STOP_WORDS.has(w));
  return [...new Set((content.length > 0 ? content : all).map(stem))];
}

/** Stems of every word of a text. */
export function textStems(text: string): Set<string> {
  return new Set(words(text).map(stem));
}
