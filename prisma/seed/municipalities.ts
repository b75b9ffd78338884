// Reference data: the 285 Flemish municipalities, upserted on their NIS code.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import type { PrismaClient } from "~/generated/prisma-sqlite/client";

const CSV = fileURLToPath(new URL("../data/municipalities-flanders.csv", import.meta.url));

const RowSchema = z.object({
  nis_code: z.string().regex(/^\d{5}$/),
  name: z.string().min(1),
  province: z.enum(["Antwerpen", "Limburg", "Oost-Vlaanderen", "Vlaams-Brabant", "West-Vlaanderen"]),
  lat: z.coerce.number().min(50.6).max(51.6),
  lng: z.coerce.number().min(2.5).max(6),
});

export function readMunicipalities() {
  const [header, ...lines] = readFileSync(CSV, "utf8").trim().split(/\r?\n/);
  const columns = header.split(",");
  return lines.map((line, i) => {
    const values = line.split(",");
    const parsed = RowSchema.safeParse(Object.fromEntries(columns.map((c, j) => [c, values[j]])));
    if (!parsed.success) throw new Error(`municipalities-flanders.csv line ${i + 2}: ${parsed.error.issues[0].message}`);
    return parsed.data;
  });
}

export async function upsertMunicipalities(db: PrismaClient) {
  const rows = readMunicipalities();
  await db.$transaction(
    rows.map((r) =>
      db.municipality.upsert({
        where: { nisCode: r.nis_code },
        create: { nisCode: r.nis_code, name: r.name, province: r.province, lat: r.lat, lng: r.lng },
        update: { name: r.name, province: r.province, lat: r.lat, lng: r.lng },
      }),
    ),
  );
  return rows.length;
}
