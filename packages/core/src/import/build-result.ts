/**
 * Blocks (from any reader: converted text, Markdown, .docx, .xlsx) → the ImportResult. The one
 * place where the document's parts, its front matter, the directory and the normalisers meet,
 * so every input format lands in exactly the same structure.
 */
import type { Block } from "./blocks.js";
import type { Appendix, DocumentInfo, ImportResult, Warning } from "./contract.js";
import { createDirectory, type OrgDirectory } from "../directory/index.js";
import { parseDeadline } from "./normalise/deadline.parse.js";
import { parseDocumentRefs } from "./normalise/document-ref.parse.js";
import { parseOrgs, resolveOwner } from "./normalise/org.parse.js";
import { parseFrequency, parsePeriod } from "./normalise/period.parse.js";
import { parseTarget } from "./normalise/target.parse.js";
import { buildAppendix } from "./appendix.build.js";
import { indexFootnotes } from "./footnotes.js";
import { parseFrontMatter } from "./front-matter.parse.js";
import { createContext, memoise, type Normalisers } from "./import-context.js";
import { proseAppendix } from "./prose/prose.appendix.js";
import { splitSections } from "./sections.split.js";

export type BuildOptions = { directory?: OrgDirectory };

let defaultDirectory: OrgDirectory | undefined;

/** The plan's year: its date, else a year written in an appendix caption or title. */
function planYear(date: string | null, texts: string[]): number | null {
  if (date) return Number(date.slice(0, 4));
  for (const t of texts) {
    const m = /\b(?:năm|NĂM)\s+(20\d{2})\b/u.exec(t) ?? /\b(20\d{2})\b/.exec(t);
    if (m) return Number(m[1]);
  }
  return null;
}

/**
 * Several appendices may number their tasks alike (PL I and PL II of a plan both have a task 12):
 * the warnings of each say which appendix they are about. `Nhiệm vụ 12: …` → `Phụ lục II,
 * nhiệm vụ 12: …`; other messages get `Phụ lục II: ` unless they already start with it.
 */
function nameAppendix(warnings: Warning[], heading: string): void {
  const name = heading.replace(/^phụ lục/iu, "Phụ lục");
  for (const w of warnings) {
    if (w.message.toLowerCase().startsWith(heading.toLowerCase())) continue;
    w.message = /^(?:Nhiệm vụ|Chỉ tiêu) /u.test(w.message)
      ? `${name}, ${w.message[0]!.toLowerCase()}${w.message.slice(1)}`
      : `${name}: ${w.message}`;
  }
}

export function buildResult(blocks: Block[], opts: BuildOptions = {}): ImportResult {
  const parts = splitSections(blocks);
  const captions = parts.sections.map((s) => s.caption).filter((c): c is string => c !== null);
  const front = parseFrontMatter(parts.body, captions);
  const directory = opts.directory ?? (defaultDirectory ??= createDirectory());
  const ownerId = front.issuerText ? resolveOwner(front.issuerText, directory) : null;
  const year = planYear(front.date, [...captions, ...parts.sections.flatMap((s) => s.titleLines)]);

  const normalisers: Normalisers = memoise({
    deadline: (raw) => parseDeadline(raw, { year }),
    orgs: (raw) => parseOrgs(raw, directory, { ownerId }),
    refs: parseDocumentRefs,
    target: parseTarget,
    period: parsePeriod,
    frequency: parseFrequency,
  });
  const ctx = createContext(normalisers, indexFootnotes(parts.footnotes));

  const appendices: Appendix[] = [];
  parts.sections.forEach((section, i) => {
    const end = parts.sections[i + 1]?.line ?? Number.POSITIVE_INFINITY;
    const sectionNotes = parts.footnotes.filter((n) => n.line >= section.line && n.line < end);
    for (const run of section.runs) {
      const from = ctx.warnings.length;
      appendices.push(buildAppendix({ section, run, sectionNotes }, ctx));
      if (section.heading && parts.sections.length > 1)
        nameAppendix(ctx.warnings.slice(from), section.heading);
    }
  });
  const prose = appendices.length === 0 ? proseAppendix(parts.body, ctx) : null;
  if (prose) appendices.push(prose);
  if (appendices.length === 0) ctx.warn("no_tables", null);
  if (front.numberBlank) ctx.warn("document_number_blank", null);

  const issuer = ownerId ? (directory.get(ownerId)?.name ?? front.issuerText) : front.issuerText;
  const document: DocumentInfo = {
    kind: front.kind,
    number: front.number,
    date: front.date,
    issuer,
    title: front.title,
    draft: front.draft,
  };
  const warnings = ctx.warnings
    .map((w, order) => ({ w, order }))
    .sort((a, b) => (a.w.line ?? 0) - (b.w.line ?? 0) || a.order - b.order)
    .map(({ w }) => w);
  return { document, appendices, warnings };
}
