// The sandbox core's own request and answer: what every shell (the Node
// server, the in-process fetch, MSW handlers) turns its requests into and its
// answers back from. Plain data, so that no shell pays for another's types
// (a Fetch Request built per request costs the Node server a measurable share).
import type { OperationInfo } from '../contract.ts';

export interface SandboxRequest {
  method: string;
  /** The path and query string as sent (`/api/prompts/snippet?id=…`). */
  url: string;
  /** The query string already parsed, where the shell has it (a name given twice: an array); parsed from `url` otherwise. */
  query?: Readonly<Record<string, string | string[] | undefined>>;
  /** Header values by lower-case name; a header sent several times, joined with ", ". */
  headers: Readonly<Record<string, string | string[] | undefined>>;
  /** How many Authorization headers came, where the shell can tell (Node can; a Fetch Request has joined them). */
  authorizationCount?: number;
  /** The request's id, when the shell gave it one already (its logs use it). */
  id?: string;
  /** Whether a body came at all (a body announced but empty counts as one); undefined when the shell cannot tell before reading. */
  hasBody?: boolean;
  /**
   * The body's text, at most `limit` bytes (PAYLOAD_TOO_LARGE beyond); ''
   * when there is none. A shell may give a function that decodes it instead:
   * the core calls it in its turn budget, with the parse.
   */
  text(limit: number): Promise<string | (() => string)>;
}

export interface SandboxAnswer {
  status: number;
  /** Lower-case names. */
  headers: Record<string, string>;
  /** JSON text, or null for an answer without a body (a preflight's 204). */
  body: string | null;
  /** For the request log: the operation it matched, the catalog code of an error, whether Prefer injected it. */
  operation?: OperationInfo;
  code?: string;
  injected?: boolean;
}

/** Where the core logs, pino's shape: an object of fields, then the message. */
export interface SandboxLog {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

export const silentLog: SandboxLog = { info() {}, warn() {}, error() {} };
