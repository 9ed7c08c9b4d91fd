// TypeScript types of the whole contract, by openapi-typescript.
import openapiTS, { astToString } from 'openapi-typescript';
import type { JsonObject } from './spec.ts';

export async function generateTypes(doc: JsonObject, header: string): Promise<string> {
  // openapi-typescript mutates what it is given; hand it a copy.
  const ast = await openapiTS(structuredClone(doc) as never, { silent: true });
  return `${header}${astToString(ast)}`;
}
