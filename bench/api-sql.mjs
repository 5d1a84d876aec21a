// Runs SQL statements captured from the server straight on the database driver (better-sqlite3
// or pg), without Kysely, Fastify or HTTP: the "bare query" an endpoint is compared with.
import Database from "better-sqlite3";
import pg from "pg";

export async function openBare(target) {
  if (target.url) {
    const client = new pg.Client({ connectionString: target.url });
    await client.connect();
    return {
      run: async (sql, params) => (await client.query(sql, params)).rows.length,
      plan: async (sql, params) => {
        const rows = (await client.query(`EXPLAIN (FORMAT JSON) ${sql}`, params)).rows;
        return pgPlanSteps(rows[0]["QUERY PLAN"][0].Plan);
      },
      close: () => client.end(),
    };
  }
  const db = new Database(target.sqliteFile, { readonly: true });
  db.pragma("busy_timeout = 5000");
  const cache = new Map();
  return {
    run: async (sql, params) => {
      let stmt = cache.get(sql);
      if (!stmt) cache.set(sql, (stmt = db.prepare(sql)));
      return stmt.reader ? stmt.all(...params).length : 0;
    },
    plan: async (sql, params) =>
      db
        .prepare(`EXPLAIN QUERY PLAN ${sql}`)
        .all(...params)
        .map((r) => r.detail)
        .filter((d) => /^(SCAN|SEARCH)/.test(d)),
    close: async () => db.close(),
  };
}

/** A PostgreSQL plan's scans, outermost first: "Index Scan progress_reports_task on progress_reports". */
function pgPlanSteps(node, steps = []) {
  if (node["Relation Name"] || node["Index Name"]) {
    const index = node["Index Name"] ? ` ${node["Index Name"]}` : "";
    const relation = node["Relation Name"] ? ` on ${node["Relation Name"]}` : "";
    steps.push(`${node["Node Type"]}${index}${relation}`);
  }
  for (const child of node.Plans ?? []) pgPlanSteps(child, steps);
  return steps;
}

/**
 * A scan that reads a whole table: PostgreSQL's "Seq Scan", SQLite's "SCAN t" with no index (not
 * a subquery's rows or the full-text index, which SQLite also calls SCAN).
 */
export const isFullScan = (step) =>
  /^Seq Scan/.test(step) ||
  (/^SCAN [^(]/.test(step) && !/USING (COVERING )?INDEX|VIRTUAL TABLE/.test(step));

export function percentile(samples, p) {
  const sorted = [...samples].sort((a, b) => a - b);
  if (!sorted.length) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export const round = (ms) => (ms === null ? null : Math.round(ms * 100) / 100);

export function summary(samples) {
  return {
    p50: round(percentile(samples, 50)),
    p95: round(percentile(samples, 95)),
    n: samples.length,
  };
}

/**
 * Times the statements of one request, replayed in order, `iterations` times: p50/p95 of the sum,
 * each statement with its plan's scans (EXPLAIN: which index or whole table each one reads).
 */
export async function timeBare(bare, queries, iterations) {
  const selects = queries.filter((q) => /^\s*(select|with)\b/i.test(q.sql));
  for (const q of selects) await bare.run(q.sql, q.parameters); // warm the cache like the server's
  const totals = [];
  const each = selects.map(() => []);
  for (let i = 0; i < iterations; i++) {
    let total = 0;
    for (let k = 0; k < selects.length; k++) {
      const t0 = performance.now();
      await bare.run(selects[k].sql, selects[k].parameters);
      const ms = performance.now() - t0;
      each[k].push(ms);
      total += ms;
    }
    totals.push(total);
  }
  const plans = [];
  for (const q of selects) plans.push(await bare.plan(q.sql, q.parameters));
  return {
    total: summary(totals),
    statements: selects.map((q, k) => ({
      sql: q.sql.replace(/\s+/g, " ").slice(0, 400),
      parameters: q.parameters.length,
      ...summary(each[k]),
      plan: plans[k],
    })),
  };
}
