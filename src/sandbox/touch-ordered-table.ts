// A table of at most `capacity` entries by string key, kept in the order
// they were last written, oldest first. Lookup, writing (which makes an
// entry the newest), and finding or removing the oldest are all constant
// time: a Map for lookup, a doubly linked list for the order.
//
// Why not a Map alone, which iterates in insertion order: V8 leaves a hole
// for each deleted entry until the table is rebuilt, and `keys().next()`
// walks those holes, so using a Map's first entry as a queue's head costs
// time in proportion to the entries deleted before it (measured here: about
// 40 µs per call at 100 000 entries, against 2 µs for this list).

interface Node<V> {
  readonly key: string;
  value: V;
  older: Node<V> | undefined;
  newer: Node<V> | undefined;
}

export class TouchOrderedTable<V> {
  private readonly nodes = new Map<string, Node<V>>();
  private oldestNode: Node<V> | undefined;
  private newestNode: Node<V> | undefined;

  constructor(readonly capacity: number) {
    if (!(capacity >= 1)) throw new RangeError(`capacity must be at least 1, got ${capacity}`);
  }

  get size(): number {
    return this.nodes.size;
  }

  get(key: string): V | undefined {
    return this.nodes.get(key)?.value;
  }

  /** Writes `value` under `key` as the newest entry; when a new key finds the table full, the oldest entry is forgotten first. */
  set(key: string, value: V): void {
    const node = this.nodes.get(key);
    if (node) {
      node.value = value;
      this.unlink(node);
      this.append(node);
      return;
    }
    if (this.nodes.size >= this.capacity) this.deleteOldest();
    const fresh: Node<V> = { key, value, older: undefined, newer: undefined };
    this.nodes.set(key, fresh);
    this.append(fresh);
  }

  delete(key: string): void {
    const node = this.nodes.get(key);
    if (!node) return;
    this.unlink(node);
    this.nodes.delete(key);
  }

  /** The value written longest ago. */
  get oldest(): V | undefined {
    return this.oldestNode?.value;
  }

  deleteOldest(): void {
    if (this.oldestNode) this.delete(this.oldestNode.key);
  }

  private append(node: Node<V>): void {
    node.older = this.newestNode;
    node.newer = undefined;
    if (this.newestNode) this.newestNode.newer = node;
    else this.oldestNode = node;
    this.newestNode = node;
  }

  private unlink(node: Node<V>): void {
    if (node.older) node.older.newer = node.newer;
    else this.oldestNode = node.newer;
    if (node.newer) node.newer.older = node.older;
    else this.newestNode = node.older;
    node.older = node.newer = undefined;
  }
}
