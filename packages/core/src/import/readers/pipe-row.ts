/** Markdown pipe tables: `| STT | Nhiệm vụ | … |` and the alignment row `| :--- | ---: |`. */

/** A line that belongs to a pipe table: starts with `|` and has at least one more `|`. */
export function isPipeRow(line: string): boolean {
  const t = line.trim();
  return t.startsWith("|") && t.indexOf("|", 1) > 0;
}

/** `| :--- | :---: | ---: |` */
export function isAlignmentRow(line: string): boolean {
  return /^\|?(\s*:?-{2,}:?\s*\|)+\s*(:?-{2,}:?\s*)?\|?$/.test(line.trim());
}

/** Splits a pipe row into raw cell texts; `\|` stays inside a cell. */
export function splitPipeRow(line: string): string[] {
  let t = line.trim();
  if (t.startsWith("|")) t = t.slice(1);
  if (t.endsWith("|") && !t.endsWith("\\|")) t = t.slice(0, -1);
  const cells: string[] = [];
  let cur = "";
  for (let i = 0; i < t.length; i++) {
    const ch = t[i];
    if (ch === "\\" && t[i + 1] === "|") {
      cur += "|";
      i++;
    } else if (ch === "|") {
      cells.push(cur);
      cur = "";
    } else cur += ch;
  }
  cells.push(cur);
  return cells;
}
