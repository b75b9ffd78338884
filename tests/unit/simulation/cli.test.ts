import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { EXAMPLE_PATH, exampleRaw } from "./helpers";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));

function run(file: string, lang = "en_US.UTF-8") {
  const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/simulate.ts", file], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, LANG: lang },
  });
  return {
    status: result.status,
    stdout: result.stdout,
    stderrLines: result.stderr.split("\n").filter(Boolean),
  };
}

function tempFile(content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), "simulate-cli-")), "input.json");
  writeFileSync(path, content);
  return path;
}

const noStackTrace = (lines: string[]) => expect(lines.filter((line) => /^\s+at /.test(line))).toEqual([]);

describe("scripts/simulate.ts", () => {
  it("prints the result of the worked example as JSON and exits 0", () => {
    const { status, stdout, stderrLines } = run(EXAMPLE_PATH);
    expect(stderrLines).toEqual([]);
    expect(status).toBe(0);
    const result = JSON.parse(stdout);
    expect(Math.round(result.metrics.npv * 100) / 100).toBe(-647_497.37);
    expect(result.metrics.paybackYear).toBe(2053);
    expect(result.years).toHaveLength(30);
  });

  it("refuses bad input with one English line per problem and exits 2", () => {
    const raw = exampleRaw() as { investments: { amount: number }[]; loans: { termYears?: number }[] };
    raw.investments[0].amount = -1;
    delete raw.loans[0].termYears;
    const { status, stdout, stderrLines } = run(tempFile(JSON.stringify(raw)));
    expect(status).toBe(2);
    expect(stdout).toBe("");
    expect(stderrLines).toEqual([
      "investments[0].amount: The amount must not be negative.",
      "loans[0].termYears: Enter the term of the loan.",
    ]);
    noStackTrace(stderrLines);
  });

  it("speaks Dutch when LANG starts with nl", () => {
    const { status, stderrLines } = run(tempFile(JSON.stringify({ horizonYears: 30 })), "nl_BE.UTF-8");
    expect(status).toBe(2);
    expect(stderrLines).toEqual(["startYear: Vul dit veld in."]);
  });

  it("reports bad JSON and an unreadable file in one line each, exit 2", () => {
    const badJson = run(tempFile("{ not json"));
    expect(badJson.status).toBe(2);
    expect(badJson.stderrLines).toHaveLength(1);
    expect(badJson.stderrLines[0]).toMatch(/does not contain valid JSON/);

    const missing = run(join(tmpdir(), "does-not-exist-simulation.json"));
    expect(missing.status).toBe(2);
    expect(missing.stderrLines).toHaveLength(1);
    expect(missing.stderrLines[0]).toMatch(/^Cannot read the file .*ENOENT/);
    noStackTrace([...badJson.stderrLines, ...missing.stderrLines]);
  });
});
