// Fault injection through the `Prefer` request header, as Prism reads it:
// `Prefer: code=503`, `Prefer: delay=200`, or both (`code=503, delay=200`).

export const MAX_DELAY_MS = 10_000;

export interface Preferences {
  code?: number;
  delayMs?: number;
}

export function parsePrefer(header: string | string[] | undefined): Preferences {
  const preferences: Preferences = {};
  const text = Array.isArray(header) ? header.join(',') : header;
  if (!text) return preferences;
  for (const part of text.split(/[,;]/)) {
    const match = /^\s*(code|delay)\s*=\s*"?(\d{1,6})"?\s*$/i.exec(part);
    if (!match) continue;
    const value = Number(match[2]);
    if (match[1]!.toLowerCase() === 'code') preferences.code = value;
    else preferences.delayMs = Math.min(value, MAX_DELAY_MS);
  }
  return preferences;
}

/** Whether `Prefer: code=N` may ask for this status (a 429 or a 5xx), if the operation documents it. */
export const isInjectable = (status: number): boolean => status === 429 || (status >= 500 && status <= 599);

/** Statuses a client may ask for: a 429 or a 5xx that the operation documents. */
export function injectableStatus(code: number | undefined, documented: ReadonlySet<number>): number | undefined {
  if (code === undefined || !documented.has(code)) return undefined;
  return isInjectable(code) ? code : undefined;
}
