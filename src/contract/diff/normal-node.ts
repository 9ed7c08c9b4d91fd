// The nodes of a document in normal form (normal-form.ts): a value, where it
// is written, and a digest of what it says.
import { canonicalJson } from '../../json/canonical.ts';

/** `raw`: where the node is written; `via`: the `$ref` that led there, if one did. */
export type NormalNode = ({ kind: 'leaf'; value: unknown } | { kind: 'object'; entries: Map<string, NormalNode> } | { kind: 'list'; items: NormalNode[]; unordered: boolean }) & {
  raw: string;
  via?: string;
  hash?: string;
};

/**
 * What a node says, as a short string: equal for equal content (key order
 * and the order of unordered lists aside). A container's is a 106-bit digest
 * of its children's, so comparing two expanded documents costs their size
 * once, not once per level.
 */
export function hashOf(node: NormalNode): string {
  if (node.hash !== undefined) return node.hash;
  if (node.kind === 'leaf') node.hash = canonicalJson(node.value);
  else if (node.kind === 'object') node.hash = digest(`{${[...node.entries.keys()].sort().map((k) => `${JSON.stringify(k)}:${hashOf(node.entries.get(k)!)}`).join(',')}}`);
  else {
    const items = node.items.map(hashOf);
    node.hash = digest(`[${(node.unordered ? items.sort() : items).join(',')}]`);
  }
  return node.hash;
}

/** cyrb53, twice with different seeds: fast, and two contents that differ collide with odds near 2^-106. */
function digest(text: string): string {
  const run = (seed: number) => {
    let h1 = 0xdeadbeef ^ seed;
    let h2 = 0x41c6ce57 ^ seed;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
  };
  return `#${run(1)}${run(2)}`;
}


export const leaf = (raw: string, value: unknown): NormalNode => ({ kind: 'leaf', raw, value });
export const object = (raw: string, entries = new Map<string, NormalNode>()): NormalNode & { kind: 'object' } => ({ kind: 'object', raw, entries });
