/**
 * Text similarity between the task names of two documents: tf-idf cosine, blended with a
 * weighted containment so that a name copied inside a longer one (`Thực hiện Nghị quyết 57 …
 * <the parent task's text>`) still scores high. Both in 0..1. An inverted index keeps it to the
 * pairs that share a feature.
 */
import { features } from "./task-text.tokens.js";

type Vector = { weights: Map<string, number>; norm: number; mass: number; words: number };

/** Names with fewer content words than this are too short for containment alone to count. */
const MIN_WORDS_FOR_CONTAINMENT = 6;

function vectors(names: string[], idf: Map<string, number>): Vector[] {
  return names.map((name) => {
    const weights = new Map<string, number>();
    let norm = 0;
    let mass = 0;
    let words = 0;
    for (const [f, tf] of features(name)) {
      const w = tf * (idf.get(f) ?? 0);
      weights.set(f, w);
      norm += w * w;
      mass += idf.get(f) ?? 0;
      if (!f.includes(" ")) words += 1;
    }
    return { weights, norm: Math.sqrt(norm), mass, words };
  });
}

/** Inverse document frequency over the names of both documents together. */
function inverseFrequencies(names: string[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const name of names) for (const f of features(name).keys()) df.set(f, (df.get(f) ?? 0) + 1);
  const idf = new Map<string, number>();
  for (const [f, n] of df) idf.set(f, Math.log(1 + names.length / n));
  return idf;
}

/** Similarity of every pair (i of `a`, j of `b`) sharing a feature: `sims[i]` maps j → score. */
export function nameSimilarities(a: string[], b: string[]): Map<number, number>[] {
  const idf = inverseFrequencies([...a, ...b]);
  const va = vectors(a, idf);
  const vb = vectors(b, idf);
  const postings = new Map<string, number[]>();
  vb.forEach((v, j) => {
    for (const f of v.weights.keys()) {
      const list = postings.get(f);
      if (list) list.push(j);
      else postings.set(f, [j]);
    }
  });
  return va.map((x) => {
    const dot = new Map<number, number>();
    const shared = new Map<number, number>();
    for (const [f, w] of x.weights) {
      for (const j of postings.get(f) ?? []) {
        dot.set(j, (dot.get(j) ?? 0) + w * (vb[j]!.weights.get(f) ?? 0));
        shared.set(j, (shared.get(j) ?? 0) + (idf.get(f) ?? 0));
      }
    }
    const out = new Map<number, number>();
    for (const [j, d] of dot) {
      const y = vb[j]!;
      const cosine = x.norm && y.norm ? d / (x.norm * y.norm) : 0;
      const small = Math.min(x.mass, y.mass);
      const containment =
        Math.min(x.words, y.words) >= MIN_WORDS_FOR_CONTAINMENT && small > 0
          ? (shared.get(j) ?? 0) / small
          : cosine;
      out.set(j, Math.min(1, (cosine + Math.min(1, containment)) / 2));
    }
    return out;
  });
}
