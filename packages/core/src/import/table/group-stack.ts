/** The groups enclosing the current row: a stack ordered by rank (part < Roman < I.1 < 1 < title). */
import type { Group, Role } from "../contract.js";
import type { GroupEntry } from "./entries.classify.js";
import { parentOf } from "./row.classify.js";

type Open = { entry: GroupEntry; key: string };

export class GroupStack {
  private open: Open[] = [];
  readonly groups: Group[] = [];

  push(entry: GroupEntry): void {
    while (this.open.length > 0 && this.open[this.open.length - 1]!.entry.rank >= entry.rank)
      this.open.pop();
    const key = entry.number !== "" ? entry.number : entry.title;
    this.open.push({ entry, key });
    const group: Group = { path: this.path(), number: entry.number, title: entry.title };
    if (entry.role) group.role = entry.role;
    this.groups.push(group);
  }

  /**
   * Before an item numbered `number`: a numbered sub-heading at its level with another number
   * is closed (`5.1 Thương mại` holds 5.1.1, not the item 5.2 that follows it).
   */
  enterItem(number: string | null): void {
    const parent = number ? parentOf(number) : null;
    if (parent === null) return;
    const top = this.open[this.open.length - 1];
    if (!top || top.key === number || !/^\d+(?:\.\d+)+$/.test(top.key)) return;
    if (parentOf(top.key) === parent) this.open.pop();
  }

  /** Numbers (or titles, for unnumbered groups) of the enclosing groups, outermost first. */
  path(): string[] {
    return this.open.map((o) => o.key);
  }

  /** The role of the innermost group that states one. */
  role(): Role | null {
    for (let i = this.open.length - 1; i >= 0; i--) {
      const role = this.open[i]!.entry.role;
      if (role) return role;
    }
    return null;
  }
}
