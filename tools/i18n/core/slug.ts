/**
 * Heading slugs as Docusaurus computes them (github-slugger semantics):
 * lower-case, drop everything but letters, marks, numbers, `_`, space and `-`,
 * spaces become `-`, duplicates get `-1`, `-2`, ... suffixes.
 */
const REMOVE = /[^\p{L}\p{M}\p{Nd}\p{Nl}\p{Pc} -]/gu;

export function slugify(text: string, maintainCase = false): string {
  const s = maintainCase ? text : text.toLowerCase();
  return s.replace(REMOVE, '').replace(/ /g, '-');
}

export class Slugger {
  private occurrences = new Map<string, number>();

  slug(text: string, maintainCase = false): string {
    return this.reserve(slugify(text, maintainCase));
  }

  /** Register an already computed id (explicit `{#id}`), with de-duplication. */
  reserve(base: string): string {
    let slug = base;
    while (this.occurrences.has(slug)) {
      const n = (this.occurrences.get(base) ?? 0) + 1;
      this.occurrences.set(base, n);
      slug = `${base}-${n}`;
    }
    this.occurrences.set(slug, 0);
    return slug;
  }
}

const CLASSIC_ID = /\s*\{#((?:.(?!\{#|\}))*.)\}$/;

/** Split a heading text into its text and explicit `{#id}` (Docusaurus classic syntax). */
export function parseHeadingId(heading: string): { text: string; id?: string } {
  const m = CLASSIC_ID.exec(heading);
  if (m && m[1] !== undefined) return { text: heading.replace(m[0], ''), id: m[1].trim() };
  return { text: heading };
}
