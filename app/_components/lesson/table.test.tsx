import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Table } from "./table";

describe("Table", () => {
  const rows = [
    { id: "a", name: "Foundations", done: 2 },
    { id: "b", name: "Scaling", done: 0 },
  ];

  it("renders column headers with scope and one cell per column and row", () => {
    const html = renderToStaticMarkup(
      <Table columns={[{ header: "Module" }, { header: "Done", width: "40%" }]} rows={rows} rowKey={(r) => r.id} cells={(r) => [r.name, `${r.done} / 3`]} caption="By module" />,
    );
    expect(html).toBe(
      '<table class="table"><caption>By module</caption><thead><tr><th scope="col">Module</th><th scope="col" style="width:40%">Done</th></tr></thead>' +
        "<tbody><tr><td>Foundations</td><td>2 / 3</td></tr><tr><td>Scaling</td><td>0 / 3</td></tr></tbody></table>",
    );
  });

  it("wraps the table in a scroll container when asked", () => {
    const html = renderToStaticMarkup(<Table columns={[{ header: "x" }]} rows={[]} rowKey={() => ""} cells={() => []} scroll testId="t" />);
    expect(html).toBe('<div class="table-scroll"><table class="table" data-testid="t"><thead><tr><th scope="col">x</th></tr></thead><tbody></tbody></table></div>');
  });
});
