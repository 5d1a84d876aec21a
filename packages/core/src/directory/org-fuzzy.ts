/**
 * Tolerant comparison of organisation keys (see org-key.ts): a few edits for OCR damage
 * (`Chuyển công` for `Khuyến công`, a glued word) and a name cut short at a page break.
 */

/** Levenshtein distance, or `max + 1` as soon as it is certain to exceed `max`. */
export function boundedDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
      current.push(value);
      if (value < best) best = value;
    }
    if (best > max) return max + 1;
    previous = current;
  }
  return previous[b.length] ?? max + 1;
}

/** Edits tolerated in a key of this length: none below 12 characters, then one per 12. */
export function allowedEdits(length: number): number {
  return length < 12 ? 0 : Math.min(4, Math.floor(length / 12));
}

/**
 * How to read `query` as each key: 0 for an equal key, the edit distance when tolerated, 1.5
 * for a name cut short at a page break (at least three words, 10 characters and half the full
 * name: `Viện nghiên cứu` is a word, not a cut-off institute), null for a different name.
 * The first word (`cuc`, `bo`, `so`) must agree: `Bộ Tư pháp` is never `Sở Tư pháp`.
 */
export function costsFrom(query: string): (key: string) => number | null {
  const head = firstWord(query);
  const mayBeCut = query.length >= 10 && query.split(" ").length >= 3;
  const cutPrefix = `${query} `;
  return (key) => {
    if (key === query) return 0;
    if (firstWord(key) !== head) return null;
    if (mayBeCut && query.length * 2 >= key.length && key.startsWith(cutPrefix)) return 1.5;
    const max = allowedEdits(Math.max(query.length, key.length));
    if (max === 0 || Math.abs(query.length - key.length) > max) return null;
    const distance = boundedDistance(query, key, max);
    return distance <= max ? distance : null;
  };
}

function firstWord(key: string): string {
  const space = key.indexOf(" ");
  return space < 0 ? key : key.slice(0, space);
}
