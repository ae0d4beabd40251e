// An app's controls, found once inside its own root as it is built: before any data is in
// the document, so data cannot stand in for a control, and never by a document-wide id.

/** `run-why` → `runWhy`. */
type Camel<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<Camel<Tail>>}` : S;

export function controls<Id extends string>(root: ParentNode, ...ids: Id[]): { readonly [K in Id as Camel<K>]: HTMLElement } {
  const found: Record<string, HTMLElement> = {};
  for (const id of ids) {
    const element = root.querySelector<HTMLElement>(`#${id}`);
    if (!element) throw new Error(`The app has no #${id}.`);
    found[id.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())] = element;
  }
  return found as { readonly [K in Id as Camel<K>]: HTMLElement };
}
