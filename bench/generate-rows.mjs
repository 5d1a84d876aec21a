// Rows of one synthetic plan: the plan, its two appendices and calendar, its tasks with their
// lead/coordinator rows, and their progress reports, consistent with the status rules: a task's
// `completed_on` is the completion date of its latest accepted "completed" report.
import { addDays, fold, maxDate, minDate, periodsBetween } from "@giamsat/core";
import { makeName } from "./generate-vocabulary.mjs";
import { makeDeadline } from "./generate-deadline.mjs";
import { unitsUnder } from "./generate-orgs.mjs";

/** The last day the synthetic history reaches (reports are never later). */
export const HORIZON = "2026-11-20";

const json = (value) => JSON.stringify(value);

/** "Bộ Công Thương" → "BCT"; provinces and communes sign as "UBND". */
function abbreviation(org) {
  if (/^(Ủy ban nhân dân|Xã|Phường)/.test(org.name)) return "UBND";
  const words = fold(org.name)
    .split(" ")
    .filter((w) => w !== "va");
  return words
    .map((w) => w[0])
    .join("")
    .toUpperCase();
}

function timestamp(date, random) {
  const hh = String(random.int(1, 10)).padStart(2, "0");
  const mm = String(random.int(0, 59)).padStart(2, "0");
  return `${date}T${hh}:${mm}:00.000Z`;
}

export function planRows(ctx, planIndex, taskCount) {
  const { random, vocab, orgs, ids } = ctx;
  const owner = random.weighted(ctx.ownerPool);
  const planDate = addDays("2025-01-01", random.int(0, 545));
  const planId = ++ids.plans;
  const plan = {
    id: planId,
    kind: "Quyết định",
    number: `${planIndex + 1}/QĐ-${abbreviation(owner)}`,
    date: planDate,
    // followed since its date, as the monitoring department sets for a plan it already
    // followed before the system (reports before the import day count for timeliness)
    tracked_from: planDate,
    issuer: owner.name,
    title: `Kế hoạch ${makeName(vocab, random, 16)}`,
    owner_org_id: owner.id,
    draft: 0,
    source_hash: `bench-${ctx.seed}-${planId}`,
    source_name: `ke-hoach-${planId}.docx`,
    warnings: "[]",
  };
  const appendices = ["PHỤ LỤC I — NHIỆM VỤ CÓ THỜI HẠN", "PHỤ LỤC II — NHIỆM VỤ THƯỜNG XUYÊN"].map(
    (title, i) => ({
      id: ++ids.appendices,
      plan_id: planId,
      ordinal: i + 1,
      title,
      kind: "tasks",
      columns: json([
        "STT",
        "Tên nhiệm vụ",
        "Văn bản giao",
        "Cơ quan chủ trì",
        "Cơ quan phối hợp",
        "Kết quả",
        "Thời hạn",
      ]),
    }),
  );
  const calendar = { frequency: random.chance(0.7) ? "monthly" : "quarterly", dueDay: 20 };
  const calendarRow = { id: planId, plan_id: planId, frequency: calendar.frequency, due_day: 20 };
  const scope = unitsUnder(owner, orgs);
  const periods = periodsBetween(planDate, HORIZON, calendar).filter(
    (p) => p.dueDate >= planDate && p.dueDate <= HORIZON,
  );
  const tasks = [];
  const taskOrgs = [];
  const reports = [];
  for (let i = 0; i < taskCount; i++) {
    const recurring = random.chance(ctx.recurringShare);
    const form = recurring
      ? random.weighted([
          ["continuous", 0.9],
          ["yearly", 0.1],
        ])
      : random.weighted(ctx.timeBoundForms);
    const year =
      Number(planDate.slice(0, 4)) +
      random.weighted([
        [0, 0.55],
        [1, 0.3],
        [2, 0.08],
        [4, 0.07],
      ]);
    const first = makeDeadline(form, year, random);
    const deadline =
      first.due_date !== null && first.due_date < planDate
        ? makeDeadline(form, year + 1, random)
        : first;
    const kind = deadline.deadline_kind === "recurring" ? "recurring" : "time-bound";
    const task = { id: ++ids.tasks, kind, ...deadline };
    const completedOn = kind === "recurring" ? null : completion(task.due_date, planDate, random);
    const leads = random.chance(0.08)
      ? [random.pick(scope.units), random.pick(scope.units)]
      : [random.pick(scope.units)];
    const unresolved = random.chance(0.03);
    const name = makeName(vocab, random);
    tasks.push({
      id: task.id,
      plan_id: planId,
      appendix_id: appendices[kind === "recurring" ? 1 : 0].id,
      ordinal: i + 1,
      number: String(i + 1),
      ref_number: null,
      group_path: "[]",
      role: null,
      name,
      name_search: fold(name),
      kind,
      leader: "Lãnh đạo phụ trách",
      leader_search: fold("Lãnh đạo phụ trách"),
      lead_org_id: unresolved ? null : leads[0].id,
      output: makeName(vocab, random, 12),
      ...deadline,
      basis: json([
        { raw: random.pick(vocab.basis), kind: null, number: null, date: null, key: null },
      ]),
      extra: "{}",
      line: 10 + i,
      completed_on: completedOn,
    });
    leads.forEach((org, ordinal) =>
      taskOrgs.push(orgRow(ids, task.id, "lead", ordinal, unresolved ? null : org)),
    );
    const coordinators = random.int(0, 3);
    for (let c = 0; c < coordinators; c++) {
      const org =
        c === 0 && scope.group && random.chance(0.5) ? scope.group : random.pick(scope.units);
      taskOrgs.push(orgRow(ids, task.id, "coordinator", c, org));
    }
    const owed = periods.filter((p) => p.start <= (completedOn ?? HORIZON));
    const count = ctx.reportsPerTask();
    const taskReports = reportRows(ctx, task.id, leads[0], owed, completedOn, count);
    ctx.reportsLeftOver(count - taskReports.length);
    reports.push(...taskReports);
  }
  return { plan, appendices, calendarRow, tasks, taskOrgs, reports };
}

function orgRow(ids, taskId, role, ordinal, org) {
  return {
    id: ++ids.taskOrgs,
    task_id: taskId,
    role,
    ordinal,
    org_id: org?.id ?? null,
    raw: org ? org.name : "Cục Thương mại điện tủ và Kinh tế sô",
    name: org ? org.name : "Cục Thương mại điện tủ và Kinh tế sô",
    kind: org?.kind ?? "unit",
    scope: null,
    resolved: org ? 1 : 0,
  };
}

/** Completed or not, and when: most tasks due before the horizon are done, some late. */
function completion(due, planDate, random) {
  const earliest = addDays(planDate, 7);
  if (due === null)
    return random.chance(0.2) ? minDate(HORIZON, addDays(earliest, random.int(0, 300))) : null;
  if (due <= HORIZON ? !random.chance(0.6) : !random.chance(0.1)) return null;
  const day =
    due <= HORIZON ? addDays(due, random.int(-60, 45)) : addDays(earliest, random.int(0, 400));
  const clamped = minDate(HORIZON, maxDate(earliest, day));
  return clamped;
}

function reportRows(ctx, taskId, lead, periods, completedOn, count) {
  const { random, ids, vocab } = ctx;
  const rows = [];
  // at most one report per period: one sent or accepted report per task and period (migration 0010)
  const n = Math.min(periods.length, completedOn ? Math.max(1, count) : count);
  if (!periods.length || n === 0) return rows;
  const users = ctx.usersOf(lead.id);
  for (let j = 0; j < n; j++) {
    const period = periods[Math.min(periods.length - 1, Math.floor((j * periods.length) / n))];
    const last = j === n - 1;
    const done = last && completedOn !== null;
    const onTime = random.chance(0.8);
    const day = done
      ? completedOn
      : minDate(HORIZON, addDays(period.dueDate, onTime ? -random.int(0, 12) : random.int(1, 20)));
    rows.push({
      id: ++ids.reports,
      task_id: taskId,
      org_id: lead.id,
      period_key: period.key,
      state: done ? "completed" : random.chance(0.1) ? "nothing_to_report" : "in_progress",
      completed_on: done ? completedOn : null,
      progress: done ? 100 : Math.min(95, Math.round(((j + 1) / (n + 1)) * 100)),
      summary: makeName(vocab, random, 24),
      difficulties: random.chance(0.2) ? makeName(vocab, random, 14) : null,
      proposals: null,
      submitted_by: random.pick(users),
      submitted_at: timestamp(day, random),
      status: done
        ? "accepted"
        : random.weighted([
            ["accepted", 0.85],
            ["returned", 0.07],
            ["submitted", 0.08],
          ]),
      supersedes_id: null,
    });
  }
  return rows;
}
