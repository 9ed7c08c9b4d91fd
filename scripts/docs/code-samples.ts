// Code samples for every operation, generated from the spec's examples
// (operation-examples.ts): a curl line and a call of the typed client. The
// reference shows them as Redoc's x-codeSamples; test/docs/operation-samples.test.ts
// type-checks every TypeScript one and runs every curl one against a sandbox.
import type { Json } from '../lib/spec.ts';
import type { OperationExample } from './operation-examples.ts';

export interface SampleTarget {
  /** The server the samples call (the spec's first server: the sandbox). */
  baseUrl: string;
  /** The demo fixtures' key. */
  apiKey: string;
}

/** The query string of the example, lists comma-separated (the spec's style form, explode false). */
function exampleQuery(op: OperationExample): string {
  const params = new URLSearchParams();
  for (const { name, value } of op.query) params.set(name, Array.isArray(value) ? value.join(',') : value);
  const text = params.toString().replace(/%2C/g, ',');
  return text === '' ? '' : `?${text}`;
}

/** A shell word in single quotes (a quote inside becomes '\''). */
const shellQuote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

export function curlSample(op: OperationExample, target: SampleTarget, extraHeaders: string[] = []): string {
  const lines = [`curl -X ${op.method} ${shellQuote(target.baseUrl + op.path + exampleQuery(op))}`];
  if (op.authenticated) lines.push(`-H ${shellQuote(`Authorization: Bearer ${target.apiKey}`)}`);
  for (const header of extraHeaders) lines.push(`-H ${shellQuote(header)}`);
  if (op.body !== undefined) lines.push(`-H 'Content-Type: application/json'`, `-d ${shellQuote(JSON.stringify(op.body))}`);
  return lines.join(' \\\n  ');
}

/** A TypeScript literal of a JSON value, indented by `indent` spaces after its first line. */
function literal(value: Json, indent: number): string {
  const text = JSON.stringify(value, null, 2).replace(/"([A-Za-z_$][A-Za-z0-9_$]*)":/g, '$1:');
  return text.split('\n').join(`\n${' '.repeat(indent)}`);
}

export function typescriptSample(op: OperationExample, target: SampleTarget): string {
  const init: string[] = [];
  if (op.query.length > 0) {
    const query = Object.fromEntries(op.query.map(({ name, value }) => [name, value])) as Json;
    init.push(`params: { query: ${literal(query, 2)} },`);
  }
  if (op.body !== undefined) init.push(`body: ${literal(op.body, 2)},`);
  const call = init.length === 0 ? `client.${op.method}('${op.path}')` : `client.${op.method}('${op.path}', {\n  ${init.join('\n  ')}\n})`;
  return `import { createSnippetsClient, RequestLimiter } from 'snippets-api-contract';

const client = createSnippetsClient({
  baseUrl: '${target.baseUrl}',
  apiKey: '${target.apiKey}', // the sandbox's demo key
  limiter: new RequestLimiter(), // stays under the per-key rate limit
});

const { data, error } = await ${call};
if (error) console.error(error.toString()); // a typed error: error.code is a code of the catalog
else console.log(data.data);
`;
}

/** Redoc's x-codeSamples of an operation: the curl line first, then the client. */
export function codeSamples(op: OperationExample, target: SampleTarget): Array<{ lang: string; label: string; source: string }> {
  return [
    { lang: 'curl', label: 'curl', source: curlSample(op, target) },
    { lang: 'TypeScript', label: 'TypeScript client', source: typescriptSample(op, target) },
  ];
}
