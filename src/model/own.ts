/**
 * A look-up by name in a plain object that cannot reach Object.prototype: `own(TABLE, "toString")`
 * is undefined, where `TABLE["toString"]` would be a function. Every table keyed by a name that
 * comes from a person or a data file is read through this (or is a Map).
 */
export function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
