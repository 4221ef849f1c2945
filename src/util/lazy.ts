/**
 * A value built on first use and kept. Module-level zod schemas are declared with it: zod builds a schema
 * object with dozens of methods, so building them all at import is a good part of a Lambda cold start, while
 * a request needs only the few it reads.
 */
export function lazy<T>(build: () => T): () => T {
  let built = false;
  let value: T;
  return () => {
    if (!built) {
      value = build();
      built = true;
    }
    return value;
  };
}
