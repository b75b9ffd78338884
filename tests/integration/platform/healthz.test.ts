import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "~/platform/db.server";
import { loader } from "~/routes/healthz";

describe("/healthz", () => {
  afterEach(() => vi.restoreAllMocks());

  it("answers 200 after a real query", async () => {
    const spy = vi.spyOn(db, "$queryRawUnsafe");
    const res = await loader();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", db: "ok" });
    expect(spy).toHaveBeenCalledOnce();
  });

  it("answers 503 when the database is unreachable", async () => {
    vi.spyOn(db, "$queryRawUnsafe").mockRejectedValue(new Error("SQLITE_CANTOPEN"));
    const res = await loader();
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: "error", db: "unreachable" });
  });
});
