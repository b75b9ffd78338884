/**
 * Runs the financial simulation on a JSON file: `npm run --silent simulate -- <input.json>`.
 *
 * Prints the result as pretty JSON on stdout (exit 0). Bad input, an unreadable file or bad
 * JSON give one readable line per problem on stderr (exit 2), never a stack trace. Texts are
 * English, Dutch when LANG starts with "nl".
 */
import { readFileSync } from "node:fs";
import { simulate } from "../app/features/simulation/engine";
import { formatMessage, type SimulationLang } from "../app/features/simulation/messages";
import { parseSimulationInput, toConformName } from "../app/features/simulation/schema";

const lang: SimulationLang = (process.env.LANG ?? "").toLowerCase().startsWith("nl") ? "nl" : "en";

function fail(exitCode: number, lines: string[]): void {
  process.stderr.write(lines.map((line) => `${line}\n`).join(""));
  // exitCode instead of process.exit(), so that piped output is flushed first.
  process.exitCode = exitCode;
}

function reasonOf(error: unknown): string {
  // Keep it to one line ("ENOENT: no such file or directory, open 'x.json'").
  return (error instanceof Error ? error.message : String(error)).split("\n")[0];
}

function main(args: string[]): void {
  if (args.length !== 1) return fail(2, [formatMessage(lang, "simulation.cli.usage")]);
  const file = args[0];

  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    return fail(2, [formatMessage(lang, "simulation.cli.unreadable", { file, reason: reasonOf(error) })]);
  }

  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return fail(2, [formatMessage(lang, "simulation.cli.badJson", { file, reason: reasonOf(error) })]);
  }

  const parsed = parseSimulationInput(json);
  if (!parsed.success) {
    const inputName = formatMessage(lang, "simulation.cli.inputPath");
    return fail(
      2,
      parsed.issues.map(
        (issue) =>
          `${toConformName(issue.path) || inputName}: ${formatMessage(lang, issue.key, issue.params)}`
      )
    );
  }

  process.stdout.write(`${JSON.stringify(simulate(parsed.data), null, 2)}\n`);
}

try {
  main(process.argv.slice(2));
} catch (error) {
  // Not expected (the input is validated); still one line, no stack trace.
  fail(1, [formatMessage(lang, "simulation.cli.failed", { reason: reasonOf(error) })]);
}
