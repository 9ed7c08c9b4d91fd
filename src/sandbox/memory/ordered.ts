// Orders and ordered structures of the in-memory store's indexes: text
// compared as SQLite compares TEXT (BINARY collation: UTF-8 bytes, i.e. code
// points), a sorted list for each owner's members (a folder's snippets, a
// team's groups ...), read a page at a time from a bound, and a priority
// queue of stored answers by age, for purging the oldest few without a scan.

/**
 * Compares text by code point, which is SQLite's order for TEXT (memcmp of
 * UTF-8). JavaScript's `<` compares UTF-16 code units, which differs only
 * between a surrogate (a code point above U+FFFF) and U+E000..U+FFFF.
 */
export function compareText(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800 && y >= 0xd800) return codePointRank(x) - codePointRank(y);
    return x - y;
  }
  return a.length - b.length;
}

/** Surrogates (D800..DFFF) after E000..FFFF, as the code points they encode are. */
function codePointRank(unit: number): number {
  return unit >= 0xe000 ? unit - 0x800 : unit + 0x2000;
}

/** A creation time and an id: the (created_at, id) order of pages. */
export interface Stamp {
  at: string;
  id: string;
}

export function compareStamps(a: Stamp, b: Stamp): number {
  return compareText(a.at, b.at) || compareText(a.id, b.id);
}

/**
 * Items kept sorted, in chunks (sorted runs of at most 2 × `chunkSize`
 * items, in order): finding a place is a binary search over the chunks then
 * within one; inserting or removing moves at most a chunk's items (and the
 * list of chunks, a chunk's worth of times fewer, when one splits or goes),
 * so a tag of 100,000 snippets takes a new one almost as cheaply as a tag of ten.
 * Reading from a bound costs what it reads.
 */
export class SortedList<T> {
  private readonly chunks: T[][] = [];
  private count = 0;

  constructor(
    private readonly compare: (a: T, b: T) => number,
    private readonly chunkSize = 256,
  ) {}

  get size(): number {
    return this.count;
  }

  last(): T | undefined {
    const chunk = this.chunks[this.chunks.length - 1];
    return chunk?.[chunk.length - 1];
  }

  /**
   * Where `before` stops holding (it must hold for a prefix of the list): the
   * chunk and index of the first item it does not hold for, or one past the
   * end (chunk = number of chunks).
   */
  private locate(before: (item: T) => boolean): { chunk: number; index: number } {
    let low = 0;
    let high = this.chunks.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const chunk = this.chunks[middle]!;
      if (before(chunk[chunk.length - 1]!)) low = middle + 1;
      else high = middle;
    }
    const chunk = this.chunks[low];
    if (!chunk) return { chunk: low, index: 0 };
    let start = 0;
    let end = chunk.length;
    while (start < end) {
      const middle = (start + end) >>> 1;
      if (before(chunk[middle]!)) start = middle + 1;
      else end = middle;
    }
    return { chunk: low, index: start };
  }

  insert(item: T): void {
    this.count++;
    if (this.chunks.length === 0) {
      this.chunks.push([item]);
      return;
    }
    let { chunk, index } = this.locate((x) => this.compare(x, item) < 0);
    if (chunk === this.chunks.length) {
      chunk--;
      index = this.chunks[chunk]!.length;
    }
    const items = this.chunks[chunk]!;
    items.splice(index, 0, item);
    if (items.length > 2 * this.chunkSize) this.chunks.splice(chunk + 1, 0, items.splice(this.chunkSize));
  }

  /** Removes the item that compares equal to `item`; whether there was one. */
  remove(item: T): boolean {
    const { chunk, index } = this.locate((x) => this.compare(x, item) < 0);
    const items = this.chunks[chunk];
    if (!items || index >= items.length || this.compare(items[index]!, item) !== 0) return false;
    items.splice(index, 1);
    this.count--;
    if (items.length === 0) {
      this.chunks.splice(chunk, 1);
    } else {
      // A small chunk joins the next one when they fit together: chunks stay about chunkSize.
      const next = this.chunks[chunk + 1];
      if (next && items.length + next.length <= this.chunkSize) {
        items.push(...next);
        this.chunks.splice(chunk + 1, 1);
      }
    }
    return true;
  }

  /** Up to `max` items that come strictly after `bound`, in order. */
  after(bound: T, max: number): T[] {
    const out: T[] = [];
    let { chunk, index } = this.locate((x) => this.compare(x, bound) <= 0);
    for (; chunk < this.chunks.length && out.length < max; chunk++, index = 0) {
      const items = this.chunks[chunk]!;
      for (; index < items.length && out.length < max; index++) out.push(items[index]!);
    }
    return out;
  }

  /** The items for which `before` holds (a prefix of the list), last first. */
  *backFrom(before: (item: T) => boolean): Generator<T> {
    let { chunk, index } = this.locate(before);
    for (;;) {
      if (index === 0) {
        if (chunk === 0) return;
        chunk--;
        index = this.chunks[chunk]!.length;
      }
      yield this.chunks[chunk]![--index]!;
    }
  }

  /** Every item, in order. */
  toArray(): T[] {
    return this.chunks.flat();
  }

  *[Symbol.iterator](): Iterator<T> {
    for (const chunk of this.chunks) yield* chunk;
  }
}

/** Owner -> its members in order (a folder's snippets, a team's folders ...); an owner without members has no entry. */
export class ListIndex<T> {
  private readonly lists = new Map<string, SortedList<T>>();

  constructor(private readonly compare: (a: T, b: T) => number) {}

  get(owner: string): SortedList<T> | undefined {
    return this.lists.get(owner);
  }

  add(owner: string, item: T): void {
    let list = this.lists.get(owner);
    if (!list) this.lists.set(owner, (list = new SortedList(this.compare)));
    list.insert(item);
  }

  remove(owner: string, item: T): void {
    const list = this.lists.get(owner);
    if (!list) return;
    list.remove(item);
    if (list.size === 0) this.lists.delete(owner);
  }
}

/** Owner -> the keys of its members, in no particular order (a group's children, a key's stored answers). */
export class SetIndex {
  private readonly sets = new Map<string, Set<string>>();

  get(owner: string): ReadonlySet<string> | undefined {
    return this.sets.get(owner);
  }

  add(owner: string, key: string): void {
    let set = this.sets.get(owner);
    if (!set) this.sets.set(owner, (set = new Set()));
    set.add(key);
  }

  remove(owner: string, key: string): void {
    const set = this.sets.get(owner);
    if (!set) return;
    set.delete(key);
    if (set.size === 0) this.sets.delete(owner);
  }
}

/** An entry of the age queue: a stored answer's key, its creation time and its insertion number (SQLite's rowid). */
export interface AgeEntry {
  key: string;
  at: string;
  rowid: number;
}

function olderFirst(a: AgeEntry, b: AgeEntry): number {
  return compareText(a.at, b.at) || a.rowid - b.rowid;
}

/**
 * Stored answers by age, oldest first, in (created_at, rowid) order as
 * SQLite's index on created_at gives them: a binary heap with each key's
 * position, so that insert, remove and the oldest cost O(log n).
 */
export class AgeQueue {
  private readonly heap: AgeEntry[] = [];
  private readonly positions = new Map<string, number>();

  get size(): number {
    return this.heap.length;
  }

  oldest(): AgeEntry | undefined {
    return this.heap[0];
  }

  insert(entry: AgeEntry): void {
    this.remove(entry.key);
    this.heap.push(entry);
    this.positions.set(entry.key, this.heap.length - 1);
    this.up(this.heap.length - 1);
  }

  remove(key: string): void {
    const index = this.positions.get(key);
    if (index === undefined) return;
    this.positions.delete(key);
    const last = this.heap.pop()!;
    if (index === this.heap.length) return;
    this.heap[index] = last;
    this.positions.set(last.key, index);
    this.down(this.up(index));
  }

  /** Moves the entry at `index` up while it is older than its parent; returns where it ends. */
  private up(index: number): number {
    const entry = this.heap[index]!;
    while (index > 0) {
      const parentIndex = (index - 1) >>> 1;
      const parent = this.heap[parentIndex]!;
      if (olderFirst(entry, parent) >= 0) break;
      this.place(parent, index);
      index = parentIndex;
    }
    this.place(entry, index);
    return index;
  }

  private down(index: number): void {
    const entry = this.heap[index]!;
    for (;;) {
      let child = 2 * index + 1;
      if (child >= this.heap.length) break;
      const right = child + 1;
      if (right < this.heap.length && olderFirst(this.heap[right]!, this.heap[child]!) < 0) child = right;
      const older = this.heap[child]!;
      if (olderFirst(older, entry) >= 0) break;
      this.place(older, index);
      index = child;
    }
    this.place(entry, index);
  }

  private place(entry: AgeEntry, index: number): void {
    this.heap[index] = entry;
    this.positions.set(entry.key, index);
  }
}
