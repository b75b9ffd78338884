import { describe, expect, it } from "vitest";
import { z } from "zod";
import { formatEnvError, parseEnv } from "~/platform/env.server";

function errorLine(source: Record<string, string | undefined>) {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof z.ZodError) return formatEnvError(error);
    throw error;
  }
  return null;
}

describe("environment", () => {
  it("has defaults for a newcomer's machine", () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBe("file:./data/herbestemming.db");
    expect(env.NODE_ENV).toBe("development");
  });

  it("names a malformed variable in one line", () => {
    const line = errorLine({ PORT: "eighty" });
    expect(line).toMatch(/^Invalid environment variable PORT: /);
    expect(line?.split("\n")).toHaveLength(1);
  });

  it("refuses a database URL of an unknown kind", () => {
    expect(errorLine({ DATABASE_URL: "mysql://x" })).toMatch(/DATABASE_URL/);
  });

  it("requires SESSION_SECRET in production, and a long one", () => {
    expect(errorLine({ NODE_ENV: "production" })).toMatch(/SESSION_SECRET: is required in production/);
    expect(errorLine({ NODE_ENV: "production", SESSION_SECRET: "short" })).toMatch(/SESSION_SECRET/);
    expect(errorLine({ NODE_ENV: "production", SESSION_SECRET: "x".repeat(40) })).toBeNull();
  });

  it("treats empty strings as unset", () => {
    expect(parseEnv({ PORT: "" }).PORT).toBe(3000);
  });
});
