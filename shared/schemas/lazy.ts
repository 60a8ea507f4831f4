/**
 * A value built on first call and kept. esbuild runs every top-level statement of every module a
 * function bundles when the function starts, `z.object(…)` included: schemas that a handler reads
 * only on some requests (a rules file, an import row) are built behind `lazy` so that its cold
 * start does not pay for them (docs/cold-start.md).
 */
export function lazy<T>(build: () => T): () => T {
  let built: { readonly value: T } | undefined;
  return () => (built ??= { value: build() }).value;
}
