// The spec's `x-limits` (rate limit, key block, body size, batch size ...) as
// a module, for code that must respect them without reading the spec.
import { isObject, type JsonObject } from './spec.ts';

export function generateLimits(doc: JsonObject, header: string): { js: string; dts: string } {
  const limits = doc['x-limits'];
  if (!isObject(limits)) throw new Error('the spec has no x-limits');
  for (const [name, value] of Object.entries(limits)) {
    if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) throw new Error(`x-limits.${name} must be a positive whole number`);
  }
  // The rate limit's window is in its name: x-limits counts it per minute.
  if (!('rateLimitPerMinute' in limits)) throw new Error('x-limits has no rateLimitPerMinute, whose window rateWindowSeconds is');
  const windowDoc = '/** The window of x-limits\' rate limit, in seconds: `rateLimitPerMinute` counts the requests of a minute. */';
  const js = `${header}/** The limits openapi.yaml describes (x-limits). */\nexport const limits = Object.freeze(${JSON.stringify(limits, null, 2)});\n${windowDoc}\nexport const rateWindowSeconds = 60;\n`;
  const fields = Object.entries(limits).map(([name, value]) => `  readonly ${name}: ${String(value)};`).join('\n');
  const dts = `${header}/** The limits openapi.yaml describes (x-limits). */\nexport declare const limits: {\n${fields}\n};\n${windowDoc}\nexport declare const rateWindowSeconds: 60;\n`;
  return { js, dts };
}
