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

type State = {
  current: PublishedCases | null;
  checkedAt: number;
  pending: Promise<PublishedCases> | null;
  /** Bumped by invalidate, so a refresh that started before a change does not count as fresh. */
  generation: number;
};

// On globalThis: the open-data fast path in server.ts loads this module outside the Remix
// build, and both copies must see the same cache (and the same invalidation).
const state: State = ((globalThis as { __hbPublishedCases?: State }).__hbPublishedCases ??= {
  current: null,
  checkedAt: 0,
  pending: null,
  generation: 0,
});

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

// Prisma loads relations with IN (...) lists; pages keep them under SQLite's parameter limit.
const PAGE = 400;

async function load(version: string, lastModified: Date | null): Promise<PublishedCases> {
  const cases = [];
  let cursor: string | undefined;
  for (;;) {
    const rows = await db.casePublication.findMany({
      where: { status: "PUBLISHED" },
      select: { ...PUBLICATION_SELECT, id: true },
      orderBy: { id: "asc" },
      take: PAGE,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    cases.push(...rows.map(toPublicCase));
    if (rows.length < PAGE) break;
    cursor = rows[rows.length - 1].id;
  }
  cases.sort(compareCases);
  return { version, cases, bySlug: new Map(cases.map((c) => [c.slug, c])), lastModified };
}

async function refresh(): Promise<PublishedCases> {
  const started = state.generation;
  const { version, lastModified } = await readVersion();
  let result = state.current;
  if (!result || result.version !== version) result = await load(version, lastModified);
  if (started === state.generation) {
    state.current = result;
    state.checkedAt = Date.now();
  }
  return result;
}

/** All published cases, in list order. */
export async function getPublishedCases(): Promise<PublishedCases> {
  if (state.current && Date.now() - state.checkedAt < CHECK_INTERVAL_MS) return state.current;
  // One refresh at a time; concurrent requests share it.
  if (!state.pending) {
    const promise = refresh().finally(() => {
      if (state.pending === promise) state.pending = null;
    });
    state.pending = promise;
  }
  return state.pending;
}

export async function getPublishedCase(slug: string): Promise<PublicCase | null> {
  const { bySlug } = await getPublishedCases();
  return bySlug.get(slug) ?? null;
}

/** Called after this process changed a publication: the next read reloads. */
export function invalidatePublishedCases() {
  state.generation++;
  state.current = null;
  state.checkedAt = 0;
  state.pending = null;
}
