// The published cases as the public sees them, held in memory: the map, the list, the case
// pages and the open-data downloads read from here instead of querying per request. The
// cache is keyed by a data version (count and latest change of publications, their churches
// and their documents), checked at most once a second, and dropped at once when this
// process publishes or edits a case.
import { db } from "~/platform/db.server";
import { compareCases } from "./filters";
import { type PublicCase, toPublicCase } from "./public-case";

const CHECK_INTERVAL_MS = 1_000;

export type PublishedCases = {
  /** Changes whenever anything in the public output may have changed. */
  version: string;
  cases: PublicCase[];
  bySlug: Map<string, PublicCase>;
  /** Latest change of any publication or its church (for Last-Modified). */
  lastModified: Date | null;
};

type Listener = (version: string) => void;

let current: PublishedCases | null = null;
let checkedAt = 0;
let pending: Promise<PublishedCases> | null = null;
// Bumped by invalidate, so a refresh that started before a change does not count as fresh.
let generation = 0;
const listeners = new Set<Listener>();

/** The fields toPublicCase reads, and nothing more. */
export const PUBLICATION_SELECT = {
  slug: true,
  title: true,
  summary: true,
  functionCategory: true,
  completionYear: true,
  designOffice: true,
  reportDocument: { select: { visibility: true, deletedAt: true } },
  photos: {
    select: { id: true, altText: true, position: true, document: { select: { visibility: true, deletedAt: true } } },
    orderBy: { position: "asc" },
  },
  dossier: {
    select: {
      church: {
        select: {
          lat: true,
          lng: true,
          protectionStatus: true,
          municipality: { select: { nisCode: true, name: true, province: true, lat: true, lng: true } },
        },
      },
    },
  },
} as const;

async function readVersion(): Promise<{ version: string; lastModified: Date | null }> {
  const [publications, churches, documents] = await Promise.all([
    db.casePublication.aggregate({ _count: { _all: true }, _max: { updatedAt: true } }),
    db.church.aggregate({ where: { dossiers: { some: { publication: { isNot: null } } } }, _max: { updatedAt: true } }),
    db.document.aggregate({
      where: { OR: [{ casePhotos: { some: {} } }, { caseReports: { some: {} } }] },
      _count: { _all: true },
      _max: { updatedAt: true },
    }),
  ]);
  const times = [publications._max.updatedAt, churches._max.updatedAt].filter((d): d is Date => d instanceof Date);
  const lastModified = times.length ? new Date(Math.max(...times.map((d) => d.getTime()))) : null;
  const version = [
    publications._count._all,
    publications._max.updatedAt?.getTime() ?? 0,
    churches._max.updatedAt?.getTime() ?? 0,
    documents._count._all,
    documents._max.updatedAt?.getTime() ?? 0,
  ].join("-");
  return { version, lastModified };
}

async function load(version: string, lastModified: Date | null): Promise<PublishedCases> {
  const rows = await db.casePublication.findMany({ where: { status: "PUBLISHED" }, select: PUBLICATION_SELECT });
  const cases = rows.map(toPublicCase).sort(compareCases);
  return { version, cases, bySlug: new Map(cases.map((c) => [c.slug, c])), lastModified };
}

async function refresh(): Promise<PublishedCases> {
  const started = generation;
  const { version, lastModified } = await readVersion();
  let result = current;
  if (!result || result.version !== version) {
    result = await load(version, lastModified);
    for (const listener of listeners) listener(version);
  }
  if (started === generation) {
    current = result;
    checkedAt = Date.now();
  }
  return result;
}

/** All published cases, in list order. */
export async function getPublishedCases(): Promise<PublishedCases> {
  if (current && Date.now() - checkedAt < CHECK_INTERVAL_MS) return current;
  // One refresh at a time; concurrent requests share it.
  if (!pending) {
    const promise = refresh().finally(() => {
      if (pending === promise) pending = null;
    });
    pending = promise;
  }
  return pending;
}

export async function getPublishedCase(slug: string): Promise<PublicCase | null> {
  const { bySlug } = await getPublishedCases();
  return bySlug.get(slug) ?? null;
}

/** Called after this process changed a publication: the next read reloads. */
export function invalidatePublishedCases() {
  generation++;
  current = null;
  checkedAt = 0;
  pending = null;
}

/** Lets derived caches (serialized downloads) drop entries of an older version. */
export function onVersionChange(listener: Listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
