import { BaseSequencer } from "vitest/node";
import type { TestSpecification } from "vitest/node";

/** The browser tests share one server and database: run the files in name order (1-, 2-, 3-). */
export class ByNameSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return [...files].sort((a, b) => a.moduleId.localeCompare(b.moduleId));
  }
}
