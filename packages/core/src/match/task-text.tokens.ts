/**
 * Task names as bags of features for similarity: folded syllables without stop words, plus
 * bigrams of neighbouring syllables (Vietnamese words are mostly two syllables: `chuyển đổi`).
 */
import { fold } from "../text/fold.js";

/** Phrases that say nothing about what a task is. */
const STOP_PHRASES =
  /\b(?:thuc hien|trien khai|tiep tuc|tap trung|day manh|tang cuong|nghien cuu|co lien quan|lien quan|theo quy dinh|nhiem vu)\b/g;

const STOP_WORDS = new Set(
  (
    "cac va cua cho trong voi de tai theo ve la co duoc nhung mot nay do tu den tren cung nhu khi hoac " +
    "bao dam dam bao nham viec sau truoc nhat da se dang tung moi ca hon gom bao gom ii iii iv i"
  ).split(" "),
);

export function tokens(name: string): string[] {
  return fold(name)
    .replace(/<[^>]*>/g, " ")
    .replace(STOP_PHRASES, " ")
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== "" && !STOP_WORDS.has(w));
}

/** Unigrams and bigrams, with their counts. */
export function features(name: string): Map<string, number> {
  const words = tokens(name);
  const out = new Map<string, number>();
  const add = (f: string) => out.set(f, (out.get(f) ?? 0) + 1);
  words.forEach((w, i) => {
    add(w);
    if (i > 0) add(`${words[i - 1]} ${w}`);
  });
  return out;
}
