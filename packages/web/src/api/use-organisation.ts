import { useEffect, useState } from "react";
import { api } from "./client.js";
import type { Organisation, Page } from "./types.js";
import { useResource } from "./use-resource.js";

/**
 * The organisation a URL names by id (a filter's current unit), as state a picker can change:
 * loaded once, then whatever the user picks.
 */
export function useChosenOrganisation(
  id: string | null,
): [Organisation | null, (org: Organisation | null) => void] {
  const loaded = useResource(id ? `organisation ${id}` : null, (signal) =>
    api<Page<Organisation>>("/api/organisations", { query: { id }, signal }),
  );
  const [org, setOrg] = useState<Organisation | null>(null);
  useEffect(() => setOrg(loaded.data?.items[0] ?? null), [loaded.data]);
  return [org, setOrg];
}
