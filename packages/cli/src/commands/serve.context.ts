/** Shared by serve, migrate, user and demo: the server configuration from the environment. */
import { loadConfig, openRuntime, type Config, type Runtime } from "@giamsat/server";
import { CliFailure, EXIT_INTERNAL, type CliIO } from "../command.js";

export function configFrom(io: CliIO, overrides: Record<string, string> = {}): Config {
  try {
    return loadConfig({ ...io.env, ...overrides });
  } catch (error) {
    throw new CliFailure((error as Error).message);
  }
}

/** Runs `fn` with the migrated database of the configuration, closing it afterwards. */
export async function withRuntime<T>(
  config: Config,
  fn: (runtime: Runtime) => Promise<T>,
): Promise<T> {
  let runtime: Runtime;
  try {
    runtime = await openRuntime(config);
  } catch (error) {
    throw new CliFailure(`Không mở được cơ sở dữ liệu: ${(error as Error).message}`, EXIT_INTERNAL);
  }
  try {
    return await fn(runtime);
  } finally {
    await runtime.close();
  }
}
