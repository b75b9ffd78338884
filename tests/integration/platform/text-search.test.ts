// Search ignores case on both databases. SQLite's LIKE already does (for ASCII letters);
// PostgreSQL's is case-sensitive, so the queries go through textContains (ILIKE there).
import { describe, expect, it } from "vitest";
import { createUser, makeRequest, sessionCookieFor } from "../../helpers/auth";
import { db, dbProvider, textContains } from "~/platform/db.server";
import { loader as churchList } from "~/routes/kerken._index";
import { loader as dossierList } from "~/routes/dossiers._index";
import { makeChurch, makeDossier } from "../churches/helpers";

describe("case-insensitive search on either database", () => {
  it("finds a church whatever the case of the term, through textContains", async () => {
    const church = await makeChurch({ name: "Sint-Baafskathedraal Hoofdletters" });
    const found = await db.church.findMany({ where: { name: textContains("sint-BAAFSKATHEDRAAL hoofd") } });
    expect(found.map((c) => c.id)).toEqual([church.id]);
    // Without the helper the two databases disagree: the reason it exists.
    const plain = await db.church.findMany({ where: { name: { contains: "SINT-BAAFSKATHEDRAAL HOOFD" } } });
    expect(plain).toHaveLength(dbProvider() === "postgresql" ? 0 : 1);
  });

  it("the church register and the dossier list search case-insensitively", async () => {
    const staff = await createUser("STAFF");
    const cookie = await sessionCookieFor(staff.id);
    const church = await makeChurch({ name: "Onze-Lieve-Vrouwekerk Zoekproef" });
    const dossier = await makeDossier(church.id);
    const churches = (await churchList({ request: makeRequest("/kerken?q=ZOEKPROEF", { cookie }), params: {}, context: {} })) as {
      rows: { id: string }[];
    };
    expect(churches.rows.map((r) => r.id)).toContain(church.id);
    const dossiers = (await dossierList({ request: makeRequest("/dossiers?q=zoekPROEF", { cookie }), params: {}, context: {} })) as {
      rows: { id: string }[];
    };
    expect(dossiers.rows.map((r) => r.id)).toContain(dossier.id);
  });
});
