// Following local `$ref`s (`#/components/...`) in the generated spec, for the
// run-time parts that read it (the sandbox's routing table, the verifier's
// header rules). scripts/ has its own: nothing at run time imports scripts/.
type Json = any;

/** `node`, or what its `$ref` (and that one's) points at in `doc`. */
export function derefLocal(doc: Json, node: Json): Json {
  while (node && typeof node.$ref === 'string') {
    node = node.$ref
      .slice(2)
      .split('/')
      .reduce((at: Json, key: string) => at?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
  }
  return node;
}
