/**
 * The outside programs a backup runs: GNU tar for the archive, and PostgreSQL's pg_dump and
 * pg_restore (Debian's postgresql-client), found as scripts/pg-test-cluster.sh finds them — the
 * newest /usr/lib/postgresql/<version>/bin, else the PATH. The connection goes through the PG*
 * environment variables, so that the password never shows in the process list.
 */
import { execFile } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";

const PG_ROOT = "/usr/lib/postgresql";

export function pgProgram(name: "pg_dump" | "pg_restore"): string {
  const versions = existsSync(PG_ROOT)
    ? readdirSync(PG_ROOT)
        .filter((v) => existsSync(path.join(PG_ROOT, v, "bin", name)))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  return versions[0] ? path.join(PG_ROOT, versions[0], "bin", name) : name;
}

/** libpq's environment for a `postgres://user:pass@host:port/db?sslmode=…` URL. */
export function pgEnvironment(url: string): Record<string, string> {
  const u = new URL(url);
  const env: Record<string, string> = { PGDATABASE: decodeURIComponent(u.pathname.slice(1)) };
  if (u.hostname) env.PGHOST = u.hostname.replace(/^\[|\]$/g, "");
  if (u.port) env.PGPORT = u.port;
  if (u.username) env.PGUSER = decodeURIComponent(u.username);
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  const sslmode = u.searchParams.get("sslmode");
  if (sslmode) env.PGSSLMODE = sslmode;
  return env;
}

/** Runs a program to its end; a failure carries its own error output. */
export function runProgram(
  program: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(
      program,
      args,
      { env: { ...process.env, ...env }, maxBuffer: 16 * 1024 * 1024 },
      (error, _stdout, stderr) => {
        if (!error) return resolve();
        const missing = (error as NodeJS.ErrnoException).code === "ENOENT";
        reject(
          new Error(
            missing
              ? `Không tìm thấy chương trình ${program} (cài gói ${program === "tar" ? "tar" : "postgresql-client"}).`
              : `${path.basename(program)} lỗi: ${String(stderr).trim() || error.message}`,
          ),
        );
      },
    );
  });
}
