import { describe, expect, it } from "vitest";
import { JOIN_CODE_ALPHABET, generateJoinCode, normaliseJoinCode } from "./codes";
import { csvField, csvRows, emailsFromCsv } from "./csv";

describe("CSV", () => {
  it("quotes fields with commas, quotes and line breaks, doubling quotes", () => {
    expect(csvRows([["a", 'say "hi", then', "two\nlines", 3, null]])).toBe('a,"say ""hi"", then","two\nlines",3,\r\n');
  });

  it("defuses cells a spreadsheet would run as formulas", () => {
    expect(csvField("=HYPERLINK(\"x\")")).toBe("\"'=HYPERLINK(\"\"x\"\")\"");
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvField(-3)).toBe("-3"); // numbers stay numbers
  });

  it("finds emails in any column of a roster, lower-cased, once each, and reports what is not one", () => {
    const roster = 'name,email\n"Ada Lovelace",Ada@Example.com\nGrace;grace@example.org\r\nada@example.com\nbad@nowhere\n';
    expect(emailsFromCsv(roster)).toEqual({ emails: ["ada@example.com", "grace@example.org"], rejected: ["bad@nowhere"] });
  });
});

describe("join codes", () => {
  it("uses only unambiguous characters", () => {
    for (const c of "01OIL") expect(JOIN_CODE_ALPHABET).not.toContain(c);
    for (let i = 0; i < 50; i++) expect(generateJoinCode()).toMatch(new RegExp(`^[${JOIN_CODE_ALPHABET}]{8}$`));
  });

  it("accepts what a student types: lower case, spaces, dashes", () => {
    expect(normaliseJoinCode(" abcd-ef 23 ")).toBe("ABCDEF23");
  });
});
