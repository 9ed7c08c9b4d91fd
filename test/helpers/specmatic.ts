// Specmatic (its npm package carries the jar; it runs on Java 17): the tests
// it makes from openapi.yaml's examples, and one run of them against a server.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listOperations, type JsonObject } from '../../scripts/lib/spec.ts';
import { isCommaList } from '../../scripts/lib/specmatic-view.ts';
import { writeSpecmaticView } from '../../scripts/specmatic-view.ts';
import { repoRoot } from './spec.ts';

export const specmaticJar = join(repoRoot, 'node_modules', 'specmatic', 'specmatic.jar');

/** Whether a `java` runs here (CI machines have Java 17). */
export const hasJava = spawnSync('java', ['-version']).error === undefined;

export interface ExampleTest {
  operationId: string;
  method: string;
  path: string;
  /** The example's name: Specmatic pairs request and response examples, and parameters' examples, by it. */
  name: string;
}

const namesIn = (holder: JsonObject | undefined): string[] =>
  Object.keys((((holder?.content as JsonObject | undefined)?.['application/json'] as JsonObject | undefined)?.examples as JsonObject | undefined) ?? {});

/**
 * The tests Specmatic makes from the examples: one per request example of an
 * operation (its body's, else its first success response's) that has a
 * success response example of the same name.
 */
export function exampleTests(doc: JsonObject): ExampleTest[] {
  return listOperations(doc).flatMap((op) => {
    const success = Object.entries(op.responses).filter(([status]) => status.startsWith('2'));
    const answered = new Set(success.flatMap(([, response]) => namesIn(response)));
    const asked = op.requestBody ? namesIn(op.requestBody) : namesIn(success[0]?.[1]);
    return asked.filter((name) => answered.has(name)).map((name) => ({ operationId: op.operationId, method: op.method.toUpperCase(), path: op.path, name }));
  });
}

/** Operations with a comma-separated list in their query (`style: form, explode: false`). */
export function listQueryOperations(doc: JsonObject): string[] {
  return listOperations(doc)
    .filter((op) => op.parameters.some(isCommaList))
    .map((op) => op.operationId);
}

/** The filter that runs these tests, and no schema-driven one. */
export function filterFor(tests: ExampleTest[]): string {
  return tests.map((t) => `(OPERATION-ID='${t.operationId}' && EXAMPLE-NAME='${t.name}')`).join(' || ');
}

export interface Scenario {
  method: string;
  path: string;
  name: string;
  passed: boolean;
}

export interface SpecmaticRun {
  scenarios: Scenario[];
  /** Specmatic's own count: `Tests run: N, Successes: S, Failures: F`. */
  summary: { run: number; successes: number; failures: number };
  output: string;
  ms: number;
}

/**
 * Runs `specmatic test` in a temp directory (Specmatic writes its reports
 * under the working directory) holding specmatic.yaml and openapi.yaml, or
 * Specmatic's view of it (`view`), with the token in the environment variable
 * named as the security scheme.
 */
export async function runSpecmatic(options: { baseUrl: string; filter: string; auth: Record<string, string>; timeoutMs: number; view: boolean }): Promise<SpecmaticRun> {
  const dir = mkdtempSync(join(tmpdir(), 'specmatic-'));
  if (options.view) writeSpecmaticView(dir);
  else for (const file of ['specmatic.yaml', 'openapi.yaml']) copyFileSync(join(repoRoot, file), join(dir, file));
  const started = Date.now();
  try {
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn('java', ['-jar', specmaticJar, 'test', `--filter=${options.filter}`, `--testBaseURL=${options.baseUrl}`], {
        cwd: dir,
        env: { ...process.env, ...options.auth },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let text = '';
      child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
      const timer = setTimeout(() => {
        child.kill();
        reject(new Error(`specmatic did not finish within ${options.timeoutMs} ms:\n${text.slice(-3000)}`));
      }, options.timeoutMs);
      child.on('error', reject);
      // Specmatic exits non-zero when a test fails; the caller reads which.
      child.on('close', () => {
        clearTimeout(timer);
        resolve(text);
      });
    });
    const scenarios = [...output.matchAll(/^Scenario: (\w+) (\S+) -> \d+ with the request from the example '([^']+)'.* has (SUCCEEDED|FAILED)$/gm)].map(
      ([, method, path, name, result]) => ({ method: method!, path: path!, name: name!, passed: result === 'SUCCEEDED' }),
    );
    const counts = /^Tests run: (\d+), Successes: (\d+), Failures: (\d+)/m.exec(output);
    if (!counts) throw new Error(`specmatic gave no summary:\n${output.slice(-3000)}`);
    return { scenarios, summary: { run: Number(counts[1]), successes: Number(counts[2]), failures: Number(counts[3]) }, output, ms: Date.now() - started };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
