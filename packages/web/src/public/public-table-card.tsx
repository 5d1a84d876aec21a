import type { ReactNode } from "react";
import { Empty } from "../components/feedback.js";

/** A public page's card: its heading, then its table, or a line saying there is nothing. */
export function PublicTableCard({
  id,
  title,
  testId,
  count,
  empty,
  head,
  children,
}: {
  id: string;
  title: string;
  testId: string;
  count: number;
  empty: string;
  head: ReactNode;
  children: ReactNode;
}) {
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {count === 0 ? (
        <Empty>{empty}</Empty>
      ) : (
        <div className="table-wrap cards">
          <table data-testid={testId}>
            <thead>
              <tr>{head}</tr>
            </thead>
            <tbody>{children}</tbody>
          </table>
        </div>
      )}
    </section>
  );
}
