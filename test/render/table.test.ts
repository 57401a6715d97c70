import { describe, expect, it } from "vitest";
import { roomForWords, table, wrapCell } from "../../src/cli/renderers/table.js";

describe("table layout", () => {
  it("widens a column whose longest word would be cut, keeping the total", () => {
    const w = roomForWords(
      [8, 40, 8],
      [
        ["Org", "Name", "City"],
        ["UN-Habitat", "short", "Washington"],
      ],
    );
    expect(w[0]).toBe(12);
    expect(w[2]).toBe(12);
    expect(w.reduce((a, b) => a + b, 0)).toBe(56);
  });

  it("leaves widths alone when every word fits or no column has room to give", () => {
    expect(roomForWords([10, 10], [["a b", "c"]])).toEqual([10, 10]);
    expect(roomForWords([6, 6], [["Washington", "Washington"]])).toEqual([6, 6]);
  });

  it("no longer cuts a city name in the printed table", async () => {
    const out = await table(["Org", "City"], [["OAS", "Washington"]], [10, 8]);
    expect(out).toContain("Washington");
  });

  it("cuts only words longer than the width", () => {
    expect(wrapCell("Washington DC", 6)).toBe("Washin\ngton\nDC");
  });
});
