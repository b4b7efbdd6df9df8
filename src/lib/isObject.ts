/**
 * The one plain-object test of the repository (not null, not an array), for code that reads
 * parsed YAML/JSON such as the spec: the spec model, the page renderer and the sandbox use it.
 * `T` lets a caller name the object type it expects (the test cannot check it).
 */
export function isObject<T extends object = Record<string, unknown>>(value: unknown): value is T {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
