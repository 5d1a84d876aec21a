import type { OrgLink } from "../api/types.js";

/** Unit names joined by "; " with the document's raw spelling as tooltip where it differs. */
export function OrgNames({ orgs, empty = "—" }: { orgs: OrgLink[] | undefined; empty?: string }) {
  if (!orgs?.length) return <>{empty}</>;
  return (
    <>
      {orgs.map((org, i) => (
        <span
          key={`${org.raw}-${i}`}
          title={org.raw && org.raw !== org.name ? `Văn bản ghi: ${org.raw}` : undefined}
        >
          {i > 0 ? "; " : ""}
          {org.name}
        </span>
      ))}
    </>
  );
}
