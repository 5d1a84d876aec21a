import type { ValueFlag } from "./indicator.types.js";

/** What to look at before accepting a value (a rate over 100%, far from its history). */
export function ValueFlags({ flags }: { flags: ValueFlag[] }) {
  if (flags.length === 0) return null;
  return (
    <ul className="value-flags" aria-label="Cần xem lại">
      {flags.map((f) => (
        <li key={f.code}>{f.text}</li>
      ))}
    </ul>
  );
}
