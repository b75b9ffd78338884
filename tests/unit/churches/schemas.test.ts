import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { CallFormSchema, callStatus } from "~/features/calls/schemas";
import { lambert72ToWgs84 } from "~/features/churches/lambert72";
import {
  ChurchFormSchema,
  ChurchQuerySchema,
  churchQueryString,
  CONDITIONS,
  ConvertSchema,
  CURRENT_USES,
  POLICY_DESTINATIONS,
  PROTECTION_STATUSES,
  toChurchData,
} from "~/features/churches/schemas";
import { ChurchCondition, CurrentUse, PolicyDestination, ProtectionStatus } from "~/generated/prisma-sqlite/enums";

function form(values: Record<string, string>) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(values)) fd.set(k, v);
  return fd;
}

const base = { intent: "save", name: "Sint-Baafskathedraal", nisCode: "44021", protectionStatus: "NONE", currentUse: "WORSHIP", policyDestination: "UNDECIDED" };

describe("church enums", () => {
  it("match the data model's enums", () => {
    expect([...PROTECTION_STATUSES]).toEqual(Object.values(ProtectionStatus));
    expect([...CONDITIONS]).toEqual(Object.values(ChurchCondition));
    expect([...CURRENT_USES]).toEqual(Object.values(CurrentUse));
    expect([...POLICY_DESTINATIONS]).toEqual(Object.values(PolicyDestination));
  });
});

describe("ChurchFormSchema", () => {
  it("accepts the minimum and turns blanks into null", () => {
    const s = parseWithZod(form({ ...base, parish: "", street: "  " }), { schema: ChurchFormSchema });
    expect(s.status).toBe("success");
    if (s.status !== "success") return;
    const data = toChurchData(s.value);
    expect(data).toMatchObject({ name: "Sint-Baafskathedraal", parish: null, street: null, lat: null, lng: null, inventoryUri: null, condition: null });
  });

  it("accepts WGS84 with a decimal comma", () => {
    const s = parseWithZod(form({ ...base, lat: "51,0529", lng: "3,7266" }), { schema: ChurchFormSchema });
    expect(s.status).toBe("success");
    if (s.status === "success") expect(toChurchData(s.value)).toMatchObject({ lat: 51.0529, lng: 3.7266 });
  });

  it("converts Lambert 72, which takes precedence over typed WGS84", () => {
    const s = parseWithZod(form({ ...base, lat: "50,9", lng: "4,5", lambertX: "105000", lambertY: "194000" }), { schema: ChurchFormSchema });
    expect(s.status).toBe("success");
    if (s.status === "success") expect(toChurchData(s.value)).toMatchObject(lambert72ToWgs84({ x: 105000, y: 194000 }));
  });

  it("gives field errors for a location outside Flanders, half a pair, or text", () => {
    const errorsOf = (values: Record<string, string>) => parseWithZod(form({ ...base, ...values }), { schema: ChurchFormSchema }).reply().error;
    expect(errorsOf({ lat: "48,85", lng: "2,35" })).toEqual({ lat: ["churches.error.outsideFlanders"] });
    expect(errorsOf({ lat: "51,05" })).toEqual({ lng: ["churches.error.latLngPair"] });
    expect(errorsOf({ lambertX: "105000" })).toEqual({ lambertY: ["churches.error.lambertRequired"] });
    expect(errorsOf({ lambertX: "abc", lambertY: "194000" })).toEqual({ lambertX: ["churches.error.lambertNotANumber"] });
    expect(errorsOf({ lambertX: "250000", lambertY: "20000" })).toEqual({ lambertX: ["churches.error.outsideFlanders"] });
  });

  it("checks the inventory URI's form, and requires it for established and protected buildings", () => {
    const errorsOf = (values: Record<string, string>) => parseWithZod(form({ ...base, ...values }), { schema: ChurchFormSchema }).reply().error;
    expect(errorsOf({ inventoryUri: "https://inventaris.onroerenderfgoed.be/erfgoedobjecten/25393" })).toEqual({ inventoryUri: ["churches.error.inventoryUri"] });
    expect(errorsOf({ inventoryUri: "https://id.erfgoed.net/erfgoedobjecten/25393" })).toBeUndefined();
    expect(errorsOf({ protectionStatus: "PROTECTED" })).toEqual({ inventoryUri: ["churches.error.inventoryUriRequired"] });
  });

  it("requires a name and a municipality, and checks postal code, area and choices", () => {
    const s = parseWithZod(form({ intent: "save", postalCode: "900", floorAreaM2: "-3", condition: "EXCELLENT" }), { schema: ChurchFormSchema });
    expect(s.reply().error).toEqual({
      name: ["error.required"],
      nisCode: ["churches.error.municipalityRequired"],
      postalCode: ["churches.error.postalCode"],
      floorAreaM2: ["churches.error.floorArea"],
      condition: ["error.invalidChoice"],
    });
  });
});

describe("ConvertSchema", () => {
  it("checks only the Lambert pair", () => {
    expect(parseWithZod(form({ intent: "convert", lambertX: "105000", lambertY: "194000" }), { schema: ConvertSchema }).status).toBe("success");
    expect(parseWithZod(form({ intent: "convert", lambertX: "", lambertY: "194000" }), { schema: ConvertSchema }).reply().error).toEqual({
      lambertX: ["churches.error.lambertRequired"],
    });
  });
});

describe("ChurchQuerySchema", () => {
  it("falls back to defaults for junk and keeps valid filters", () => {
    expect(ChurchQuerySchema.parse({ sort: "evil", dir: "up", page: "-3", protection: "X", q: "" })).toEqual({
      sort: "name",
      dir: "asc",
      page: 1,
      q: undefined,
      province: undefined,
      nisCode: undefined,
      protection: undefined,
      use: undefined,
      destination: undefined,
    });
    expect(ChurchQuerySchema.parse({ protection: "PROTECTED", sort: "updated", dir: "desc", page: "2" })).toMatchObject({ protection: "PROTECTED", sort: "updated", dir: "desc", page: 2 });
  });
  it("writes a query string without defaults", () => {
    expect(churchQueryString({ q: "Gent", sort: "name", dir: "asc", page: 1, province: undefined })).toBe("?q=Gent");
    expect(churchQueryString({ sort: "updated", dir: "desc", page: 3 })).toBe("?sort=updated&dir=desc&page=3");
  });
});

describe("CallFormSchema", () => {
  it("requires the close date after the open date", () => {
    const s = parseWithZod(form({ number: "5", title: "Oproep 5", opensOn: "2027-02-01", closesOn: "2027-01-31" }), { schema: CallFormSchema });
    expect(s.reply().error).toEqual({ closesOn: ["calls.error.closeBeforeOpen"] });
    const same = parseWithZod(form({ number: "5", title: "Oproep 5", opensOn: "2027-02-01", closesOn: "2027-02-01" }), { schema: CallFormSchema });
    expect(same.reply().error).toEqual({ closesOn: ["calls.error.closeBeforeOpen"] });
  });
  it("checks number and title", () => {
    const s = parseWithZod(form({ number: "1,5", title: "", opensOn: "2027-01-01", closesOn: "2027-03-01" }), { schema: CallFormSchema });
    expect(s.reply().error).toEqual({ number: ["error.invalidNumber"], title: ["error.required"] });
  });
  it("knows whether a call is upcoming, open or closed (closing day included)", () => {
    const call = { opensOn: new Date(Date.UTC(2026, 0, 15)), closesOn: new Date(Date.UTC(2026, 3, 30)) };
    expect(callStatus(call, new Date(Date.UTC(2026, 0, 14, 23)))).toBe("upcoming");
    expect(callStatus(call, new Date(Date.UTC(2026, 3, 30, 22)))).toBe("open");
    expect(callStatus(call, new Date(Date.UTC(2026, 4, 1, 1)))).toBe("closed");
  });
});
