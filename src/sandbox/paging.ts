// Pages of a collection (openapi.yaml, "Paging"): at most `limit` items, and
// no more bytes than `maxPageBytes` once the first item is in, so that no
// answer is larger than a page or one item. Items are serialized once, as
// they are added; the page's `data` is their text joined.
//
// A cursor is the position of the last item a page holds, as base64url JSON
// tagged with the listing it belongs to: opaque to clients, checked on the
// way back in, and cheap to resume from with a keyset query (no OFFSET).
import { contract } from './contract.ts';
import { ApiError } from './errors.ts';
import { JsonText } from './json-text.ts';
import { decodeBase64Url, encodeBase64Url } from '../portable/base64url.ts';
import { utf8Length } from '../portable/utf8.ts';

const { maxPageBytes } = contract().limits;

/** The kinds of listing a cursor can belong to; a cursor of one is refused by the others. */
export type Listing = 'folder-snippets' | 'tag-snippets' | 'folders' | 'tags' | 'history' | 'snippets';

export { maxPageBytes };

/** A position in a listing: strings and numbers only (sort keys and ids). */
export type Position = ReadonlyArray<string | number | null>;

export function encodeCursor(listing: Listing, position: Position): string {
  return encodeBase64Url(JSON.stringify([listing, ...position]));
}

function invalidCursor(): ApiError {
  return new ApiError('PARAMETER_INVALID', 'cursor is not a cursor of this listing', {
    details: [{ field: 'cursor', issue: 'is not a cursor of this listing: pass back metadata.nextCursor as it is' }],
  });
}

/**
 * The position a cursor holds, or undefined when there is none (the first
 * page). `shape` says what each element must be; anything else is refused
 * with 400, never trusted.
 */
export function decodeCursor(listing: Listing, cursor: string | undefined, shape: ReadonlyArray<'string' | 'number' | 'string?'>): Position | undefined {
  if (cursor === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(decodeBase64Url(cursor));
  } catch {
    throw invalidCursor();
  }
  if (!Array.isArray(parsed) || parsed.length !== shape.length + 1 || parsed[0] !== listing) throw invalidCursor();
  const position = parsed.slice(1) as Array<string | number | null>;
  position.forEach((value, i) => {
    const want = shape[i]!;
    const ok =
      want === 'number' ? Number.isSafeInteger(value) && (value as number) >= 0 : want === 'string' ? typeof value === 'string' : value === null || typeof value === 'string';
    if (!ok) throw invalidCursor();
  });
  return position;
}

/** The items of one page, serialized as they come. */
export class Page {
  private readonly texts: string[] = [];
  private bytes = 0;

  /**
   * `usedBytes`: what the answer holds already besides this page's items
   * (the folders of a folder list); `takeFirst`: whether the first item is
   * taken whatever its size, which a listing needs on its first page of
   * items so that every page makes progress.
   */
  constructor(
    private readonly limit: number,
    private readonly usedBytes = 0,
    private readonly takeFirst = true,
  ) {}

  get count(): number {
    return this.texts.length;
  }

  get full(): boolean {
    return this.texts.length >= this.limit;
  }

  /** How many more items the page may take. */
  get remaining(): number {
    return Math.max(0, this.limit - this.texts.length);
  }

  /** Bytes of the items taken so far. */
  get size(): number {
    return this.bytes;
  }

  /**
   * Of the next items, which weigh at least `sizes` bytes each, how many
   * the page may take: the rest certainly do not fit (limit or bytes).
   */
  mayTake(sizes: readonly number[]): number {
    let bytes = this.usedBytes + this.bytes;
    let taken = 0;
    for (const size of sizes) {
      const count = this.texts.length + taken;
      if (count >= this.limit) break;
      bytes += size;
      if (!(count === 0 && this.takeFirst) && bytes > maxPageBytes) break;
      taken++;
    }
    return taken;
  }

  /** Takes `item` if the page has room for it; false when it is left for the next page. */
  add(item: unknown): boolean {
    if (this.full) return false;
    const text = JSON.stringify(item);
    const size = utf8Length(text);
    const first = this.texts.length === 0 && this.takeFirst;
    if (!first && this.usedBytes + this.bytes + size > maxPageBytes) return false;
    this.texts.push(text);
    this.bytes += size;
    return true;
  }

  /** The items as a JSON array. */
  data(): JsonText {
    return new JsonText(`[${this.texts.join(',')}]`);
  }
}

/** Metadata of a page: whether another follows, and the cursor that asks for it. */
export function pageMetadata(listing: Listing, next: Position | undefined): { hasMore: boolean; nextCursor: string | null } {
  return next ? { hasMore: true, nextCursor: encodeCursor(listing, next) } : { hasMore: false, nextCursor: null };
}
