// Stable public slugs: made from the title and the municipality while a case has never
// been published, frozen from its first publication on (shared links keep working). Pure.

const MAX_LENGTH = 80;

export function slugify(text: string): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug.slice(0, MAX_LENGTH).replace(/-+$/g, "") || "case";
}

/** "sint-annakerk-gent", unless the municipality is already part of the title. */
export function baseSlug(title: string, municipality: string): string {
  const titleSlug = slugify(title);
  const place = slugify(municipality);
  return `-${titleSlug}-`.includes(`-${place}-`) ? titleSlug : slugify(`${title} ${municipality}`);
}

/** The first of base, base-2, base-3, ... that `taken` does not hold. */
export function uniqueSlug(base: string, taken: (candidate: string) => boolean): string {
  if (!taken(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base.slice(0, MAX_LENGTH - String(n).length - 1)}-${n}`;
    if (!taken(candidate)) return candidate;
  }
}
