// Following local `$ref`s (`#/components/...`) in the generated spec, for the
// run-time parts that read it (the sandbox's routing table, the verifier's
// header rules, the diff). scripts/ has its own: nothing at run time imports scripts/.
import { resolvePointer } from './pointer.ts';

type Json = any;

/** `node`, or what its `$ref` (and that one's) points at in `doc`. */
export function derefLocal(doc: Json, node: Json): Json {
  while (node && typeof node.$ref === 'string') node = resolvePointer(doc, node.$ref);
  return node;
}
