/**
 * A data table with column headers (`<th scope="col">`) and one row per item: the markup the
 * dashboard and course pages repeated by hand. Server-friendly (no state); `cells` returns one node
 * per column.
 *
 * @example
 * <Table columns={[{ header: "Module" }, { header: "Progress", width: "40%" }]} rows={modules}
 *        rowKey={(m) => m.id} cells={(m) => [m.title, <Bar value={m.done} label={m.title} />]} />
 */
import type { ReactNode } from "react";

export interface Column {
  header: ReactNode;
  /** A CSS width for the column, e.g. "40%". */
  width?: string;
}

interface Props<Row> {
  columns: Column[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  cells: (row: Row) => ReactNode[];
  caption?: ReactNode;
  /** Scroll sideways (and after 24rem down) instead of overflowing on narrow screens. */
  scroll?: boolean;
  testId?: string;
}

export function Table<Row>({ columns, rows, rowKey, cells, caption, scroll = false, testId }: Props<Row>) {
  const table = (
    <table className="table" data-testid={testId}>
      {caption && <caption>{caption}</caption>}
      <thead>
        <tr>
          {columns.map((c, i) => (
            <th key={i} scope="col" style={c.width ? { width: c.width } : undefined}>
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)}>
            {cells(row).map((cell, i) => (
              <td key={i}>{cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
  return scroll ? <div className="table-scroll">{table}</div> : table;
}
