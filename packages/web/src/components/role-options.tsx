import { ROLE_LABELS } from "../format/status.format.js";

/** One `<option>` per role, labelled in Vietnamese (the role selects of the user pages). */
export function RoleOptions() {
  return (
    <>
      {Object.entries(ROLE_LABELS).map(([code, label]) => (
        <option key={code} value={code}>
          {label}
        </option>
      ))}
    </>
  );
}
