// The spec's `x-limits` (rate limit, key block, body size, batch size ...) as
// a module, for code that must respect them without reading the spec.
import { isObject, type JsonObject } from './spec.ts';

export function generateLimits(doc: JsonObject, header: string): { js: string; dts: string } {
  const limits = doc['x-limits'];
  if (!isObject(limits)) throw new Error('the spec has no x-limits');
  for (const [name, value] of Object.entries(limits)) {
    if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) throw new Error(`x-limits.${name} must be a positive whole number`);
  }
  const js = `${header}/** The limits openapi.yaml describes (x-limits). */\nexport const limits = Object.freeze(${JSON.stringify(limits, null, 2)});\n`;
  const fields = Object.entries(limits).map(([name, value]) => `  readonly ${name}: ${String(value)};`).join('\n');
  const dts = `${header}/** The limits openapi.yaml describes (x-limits). */\nexport declare const limits: {\n${fields}\n};\n`;
  return { js, dts };
}
