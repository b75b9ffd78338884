// Shared bits of the church and call integration tests.
import { db } from "~/platform/db.server";

export const URI = (n: number) => `https://id.erfgoed.net/erfgoedobjecten/${n}`;

export async function makeChurch(values: Partial<{ name: string; nisCode: string; inventoryUri: string | null; lat: number; lng: number; parish: string }> = {}) {
  return db.church.create({
    data: { name: values.name ?? "Sint-Martinuskerk", nisCode: values.nisCode ?? "44021", inventoryUri: values.inventoryUri ?? null, lat: values.lat, lng: values.lng, parish: values.parish },
  });
}

let seq = 0;
export async function makeDossier(churchId: string, callId: string | null = null) {
  seq += 1;
  return db.dossier.create({
    data: {
      reference: `HK-2030-${String(seq).padStart(3, "0")}`,
      year: 2030,
      seq,
      churchId,
      callId,
      applicantType: "CHURCH_COUNCIL",
      applicantName: "Kerkfabriek Sint-Martinus",
      startDate: new Date(Date.UTC(2030, 0, 1)),
    },
  });
}

/** A multipart POST as the browser sends the import form. */
export function multipartRequest(pathname: string, cookie: string, fields: Record<string, string | File>) {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.append(k, v);
  return new Request(`http://localhost${pathname}`, { method: "POST", headers: { Cookie: cookie, Accept: "text/html" }, body });
}
