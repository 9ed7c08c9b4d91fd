// A generated request before it is sent: its parts as values (query lists
// as arrays, not yet joined), what of it is optional (shrinking may drop
// it), and the one value the case is about (shrinking may make it smaller,
// within the range that keeps the case what it is). Ids of resources the
// request needs are placeholders until the scenario has created them.
import type { Request } from '../scenario.ts';
import type { Path } from './spec-model.ts';

/** A resource the request needs: created by the scenario's setup, then replaced by its id. */
export class Ref {
  constructor(
    readonly kind: string,
    /** The resource it belongs to (a variation's snippet). */
    readonly parent?: Ref,
  ) {}
}

/** The main key's team, known only when the scenario runs. */
export class TeamRef {}

/**
 * An Idempotency-Key: `text` followed by a value the server gave in this
 * run, so that a second run with the same seed against the same server
 * (keys live for hours) does not replay the first run's answers.
 */
export class IdempotencyKey {
  constructor(
    readonly text: string,
    /** The length the key must have in the end, when the case is about its length. */
    readonly length?: number,
  ) {}
}

/** How the body is sent when it is not plain JSON. */
export type RawBody =
  | { kind: 'truncated'; keep: number }
  | { kind: 'padded'; bytes: number }
  | { kind: 'empty' }
  | { kind: 'content-type'; contentType: string }
  | { kind: 'json'; value: unknown };

export interface Focus {
  at: Path;
  /** What shrinking may make smaller: a string's length in code points, an array's length, a truncated body. */
  size: 'string' | 'array' | 'truncated';
  /** The smallest size that keeps the case what it is. */
  min: number;
}

export interface Draft {
  operationId: string;
  parts: { query: Record<string, unknown>; header: Record<string, unknown>; body?: unknown };
  raw?: RawBody;
  key?: string | null;
  /** Parts that are optional: dropping one keeps the case what it is. */
  extras: Path[];
  focus?: Focus;
  /** Arrays that may lose items (from the end) down to `min`: batches around the focus. */
  arrays: Array<{ at: Path; min: number }>;
}

export function getAt(root: unknown, path: Path): unknown {
  let node = root as any;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = node[key];
  }
  return node;
}

/** Sets the value at `path`, making the objects and arrays on the way. */
export function setAt(root: any, path: Path, value: unknown): void {
  let node = root;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i]!;
    if (node[key] === null || typeof node[key] !== 'object') node[key] = typeof path[i + 1] === 'number' ? [] : {};
    node = node[key];
  }
  node[path.at(-1)!] = value;
}

export function deleteAt(root: any, path: Path): void {
  const parent = getAt(root, path.slice(0, -1)) as any;
  if (parent === null || typeof parent !== 'object') return;
  if (Array.isArray(parent)) parent.splice(Number(path.at(-1)), 1);
  else delete parent[path.at(-1)!];
}

export const startsWith = (path: Path, prefix: Path) => prefix.length <= path.length && prefix.every((key, i) => key === path[i]);

/** A deep copy of a draft whose placeholders are resolved (plain JSON values only). */
export function copyDraft(draft: Draft): Draft {
  return structuredClone(draft);
}

const serialize = (value: unknown): string => (Array.isArray(value) ? value.map(String).join(',') : String(value));

/** The request a resolved draft sends. */
export function toRequest(draft: Draft): Request {
  const query: Record<string, string> = {};
  for (const [name, value] of Object.entries(draft.parts.query)) if (value !== undefined) query[name] = serialize(value);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(draft.parts.header)) if (value !== undefined) headers[name] = String(value);
  const request: Request = { operationId: draft.operationId };
  if (Object.keys(query).length > 0) request.query = query;
  if (draft.key !== undefined) request.key = draft.key;
  const json = draft.parts.body;
  const raw = draft.raw;
  if (!raw) {
    if (json !== undefined) request.body = json;
  } else {
    const text = raw.kind === 'json' ? JSON.stringify(raw.value) : JSON.stringify(json ?? {});
    const contentType = raw.kind === 'content-type' ? raw.contentType : 'application/json';
    headers['content-type'] = contentType;
    if (raw.kind === 'truncated') request.rawBody = text.slice(0, Math.max(1, Math.min(raw.keep, text.length - 1)));
    else if (raw.kind === 'padded') request.rawBody = text + ' '.repeat(Math.max(0, raw.bytes - Buffer.byteLength(text)));
    else if (raw.kind === 'empty') request.rawBody = '';
    else request.rawBody = text;
  }
  if (Object.keys(headers).length > 0) request.headers = headers;
  return request;
}
