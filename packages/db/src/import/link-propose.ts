/**
 * Proposes links between the tasks of a plan and the tasks of every other stored plan, with
 * core's matcher (matchTasks): each pair becomes a `restates` link in state `proposed`, for a
 * person to confirm or reject. The link goes from the restating task to the restated one: the
 * task of the later-dated plan, or of this plan when a date is unknown.
 */
import { matchTasks } from "@giamsat/core";
import type { Kysely } from "kysely";
import { insertProposedLinks } from "../repositories/link.repository.js";
import type { NewLink } from "../repositories/link.repository.js";
import type { Database } from "../schema.js";
import { matchedKey, storedPlanResult } from "./plan-as-result.js";

export interface ProposeLinksOutcome {
  /** links stored by this call (pairs already linked are left as they are) */
  proposed: number;
  links: NewLink[];
}

export async function proposeLinks(
  db: Kysely<Database>,
  planId: number,
  options: { threshold?: number } = {},
): Promise<ProposeLinksOutcome> {
  const mine = await storedPlanResult(db, planId);
  const others = await db
    .selectFrom("plans")
    .select("id")
    .where("id", "<>", planId)
    .orderBy("id")
    .execute();
  const links: NewLink[] = [];
  for (const { id } of others) {
    const theirs = await storedPlanResult(db, id);
    const mineDate = mine.result.document.date;
    const theirDate = theirs.result.document.date;
    const mineRestates = !mineDate || !theirDate || mineDate >= theirDate;
    const opts = options.threshold === undefined ? {} : { threshold: options.threshold };
    for (const match of matchTasks(mine.result, theirs.result, opts)) {
      const a = mine.taskIds.get(matchedKey(match.a));
      const b = theirs.taskIds.get(matchedKey(match.b));
      if (a === undefined || b === undefined) continue;
      links.push({
        from_task_id: mineRestates ? a : b,
        to_task_id: mineRestates ? b : a,
        kind: "restates",
        score: match.score,
        reasons: match.reasons,
      });
    }
  }
  const proposed = await db.transaction().execute((trx) => insertProposedLinks(trx, links));
  return { proposed, links };
}
