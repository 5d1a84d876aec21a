/**
 * Turns the directory data into what lookups need: standard units expanded under every
 * ministry and province, and every written form of each entry (name, aliases, former names,
 * short phrases such as `UBND`, `Cục ĐCK`, `Sở Tư pháp tỉnh Nghệ An`).
 */
import type { OrgEntry, Phrase, StandardUnit } from "./org-entry.js";
import { unitHead } from "./org-keywords.js";

/** How a form was written: a lower rank wins when one key names several entries. */
export type FormRank = 0 | 1 | 2;
export type OrgForm = { text: string; rank: FormRank };

const PROVINCE = /^(?:Ủy ban nhân dân|Uỷ ban nhân dân|UBND)\s+(tỉnh|thành phố)\s+(.+)$/iu;

/** `Ủy ban nhân dân tỉnh Nghệ An` → `{ level: "tỉnh", place: "Nghệ An" }`. */
export function provincePlace(name: string): { level: string; place: string } | null {
  const match = PROVINCE.exec(name);
  return match?.[1] && match[2] ? { level: match[1].toLowerCase(), place: match[2] } : null;
}

/** One entry per standard unit and parent of the right kind, unless the id is already taken. */
export function expandStandardUnits(
  entries: readonly OrgEntry[],
  units: readonly StandardUnit[],
): OrgEntry[] {
  const taken = new Set(entries.map((entry) => entry.id));
  const made: OrgEntry[] = [];
  for (const parent of entries) {
    const place = provincePlace(parent.name);
    const fill = (text: string) =>
      text
        .replace(/\{level\}/g, place?.level ?? "")
        .replace(/\{place\}/g, place?.place ?? "")
        .trim();
    for (const unit of units) {
      const id = `${parent.id}.${unit.key}`;
      if (unit.under !== parent.kind || taken.has(id)) continue;
      taken.add(id);
      made.push({
        id,
        name: fill(unit.name),
        kind: unit.kind,
        parentId: parent.id,
        aliases: unit.aliases.map(fill),
        abbreviations: unit.abbreviations,
        formerNames: unit.formerNames.map(fill),
      });
    }
  }
  return made;
}

/** Every form an entry may be written in, with its rank. */
export function entryForms(
  entry: OrgEntry,
  parent: OrgEntry | undefined,
  phrases: readonly Phrase[],
): OrgForm[] {
  const forms: OrgForm[] = [];
  const push = (text: string, rank: FormRank) => forms.push({ text, rank });

  const written: OrgForm[] = [
    { text: entry.name, rank: 0 },
    ...entry.aliases.map((text) => ({ text, rank: 0 as const })),
    ...entry.formerNames.map((text) => ({ text, rank: 1 as const })),
  ];
  for (const form of written) {
    push(form.text, form.rank);
    const place = entry.kind === "province" ? provincePlace(form.text) : null;
    if (place) {
      push(`${place.level} ${place.place}`, form.rank);
      push(place.place, 1);
    }
  }
  const parentPlace = parent ? provincePlace(parent.name) : null;
  if (parent && parent.kind !== "central") {
    for (const form of [...forms]) {
      if (parentPlace) {
        push(`${form.text} ${parentPlace.level} ${parentPlace.place}`, 1);
        push(`${form.text} ${parentPlace.level}`, 1);
      } else {
        push(`${form.text} ${parent.name}`, 1);
      }
    }
  }
  for (const form of [...forms]) {
    for (const variant of phraseVariants(form.text, phrases)) push(variant, 1);
  }
  const head = unitHead(entry.name);
  for (const abbreviation of entry.abbreviations) {
    push(abbreviation, 2);
    if (head) push(`${head} ${abbreviation}`, 1);
  }
  return forms;
}

const patterns = new WeakMap<Phrase, { lower: string; pattern: RegExp }>();

/** `Ủy ban nhân dân tỉnh Khánh Hòa` → `UBND tỉnh Khánh Hòa`, each phrase alone and all at once. */
function phraseVariants(text: string, phrases: readonly Phrase[]): string[] {
  const variants: string[] = [];
  let all = text;
  const lower = text.toLowerCase();
  for (const phrase of phrases) {
    let compiled = patterns.get(phrase);
    if (!compiled) {
      compiled = {
        lower: phrase.full.toLowerCase(),
        pattern: new RegExp(escapeRegExp(phrase.full), "giu"),
      };
      patterns.set(phrase, compiled);
    }
    if (!lower.includes(compiled.lower)) continue;
    const { pattern } = compiled;
    for (const short of phrase.short) variants.push(text.replace(pattern, short));
    all = all.replace(pattern, phrase.short[0] ?? phrase.full);
  }
  if (all !== text) variants.push(all);
  return variants;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
