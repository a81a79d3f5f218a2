/** CSV in and out (RFC 4180): fields with commas, quotes or line breaks are quoted, quotes doubled. */

export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  // A leading =, +, - or @ makes spreadsheets evaluate the cell as a formula (CSV injection).
  if (/^[=+\-@\t\r]/.test(text) && typeof value === "string") text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRows(rows: Array<Array<string | number | null | undefined>>): string {
  return rows.map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
}

/** Email addresses found in a roster CSV: any cell that looks like one, in order, without duplicates. */
export function emailsFromCsv(text: string): { emails: string[]; rejected: string[] } {
  const emails = new Set<string>();
  const rejected: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const cells = line.split(/[,;\t]/).map((c) => c.trim().replace(/^"|"$/g, "").trim());
    const found = cells.filter((c) => c.includes("@"));
    for (const cell of found) {
      if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(cell) && cell.length <= 254) emails.add(cell.toLowerCase());
      else rejected.push(cell);
    }
  }
  return { emails: [...emails], rejected };
}
