// No difference passes silently: the real openapi.yaml, changed at random
// places in random ways, is either found different by the diff (at least
// one finding) or says the same thing once every `$ref` is expanded. The
// expansion is the release policy's (meaningOf), written apart from the
// diff's own normal form, so the two check each other.
import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { diffDocuments } from '../../src/contract/diff/diff.ts';
import { meaningOf } from '../../src/contract/diff/policy.ts';
import { child, resolvePointer } from '../../src/openapi/pointer.ts';
import { specPath } from '../helpers/spec.ts';

type Json = any;

const real = load(readFileSync(specPath, 'utf8')) as Record<string, Json>;
const RUNS = 300;
// DIFF_PROPERTY_SEED=<n> replays a run; otherwise each run explores new changes.
const SEED = Number(process.env.DIFF_PROPERTY_SEED ?? Math.floor(Math.random() * 2 ** 32));

/** mulberry32: small, seedable, good enough to pick places and values. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** Every place in the document (the root aside), parents before children. */
function placesOf(doc: Json): string[] {
  const places: string[] = [];
  const stack: [Json, string][] = [[doc, '']];
  // A parsed document is a tree: each node is met once.
  while (stack.length > 0) {
    const [node, at] = stack.pop()!;
    if (at !== '') places.push(at);
    if (Array.isArray(node)) node.forEach((item, i) => stack.push([item, child(at, i)]));
    else if (node !== null && typeof node === 'object') for (const [key, value] of Object.entries(node)) stack.push([value, child(at, key)]);
  }
  return places;
}

const ADDED_KEYWORDS: [string, Json][] = [
  ['description', 'Added by a mutation.'],
  ['maxLength', 7],
  ['minimum', 3],
  ['format', 'uuid'],
  ['pattern', '^[a-z]+$'],
  ['deprecated', true],
  ['nullable', true],
  ['readOnly', true],
  ['enum', ['only']],
  ['default', 'x'],
  ['style', 'form'],
  ['x-mutant', 1],
  ['required', ['mutant']],
];

/** One random change to `doc` at a random place; what it did, for the failure message. */
function mutate(doc: Json, places: string[], next: () => number): string {
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const at = pick(places);
  const parentAt = at.slice(0, at.lastIndexOf('/'));
  const parent = resolvePointer(doc, parentAt) as Json;
  const key = decodeURIComponent(at.slice(at.lastIndexOf('/') + 1)).replace(/~1/g, '/').replace(/~0/g, '~');
  const value = parent[key];
  const how = next();
  if (how < 0.25) {
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete parent[key];
    return `removed ${at}`;
  }
  if (how < 0.45 && value !== null && typeof value === 'object') {
    if (Array.isArray(value)) {
      value.push(value.length > 0 && typeof value[0] !== 'object' ? `${value[0]}-mutant` : structuredClone(value[0] ?? 'mutant'));
      return `appended to ${at}`;
    }
    const [keyword, added] = pick(ADDED_KEYWORDS);
    value[keyword] = structuredClone(added);
    return `set ${at}/${keyword} to ${JSON.stringify(added)}`;
  }
  let changed: Json;
  if (typeof value === 'string') changed = next() < 0.5 ? `${value}x` : value.slice(1);
  else if (typeof value === 'number') changed = next() < 0.5 ? value + 1 : value * 2 - 1;
  else if (typeof value === 'boolean') changed = !value;
  else changed = pick(['mutant', 0, true, null]);
  if (changed === value) changed = 'mutant';
  parent[key] = changed;
  return `${at}: ${JSON.stringify(value)?.slice(0, 40)} -> ${JSON.stringify(changed)}`;
}

/**
 * `nullable: true` beside a type list that already holds 'null' says nothing
 * more (a documented equivalence, docs/contract-evolution.md); the mutations
 * can add it, so the oracle drops it. Written here, apart from the diff.
 */
function withoutRedundantNullable(node: Json): Json {
  if (Array.isArray(node)) return node.map(withoutRedundantNullable);
  if (node === null || typeof node !== 'object') return node;
  const copy: Json = {};
  for (const [key, value] of Object.entries(node)) copy[key] = withoutRedundantNullable(value);
  if (copy.nullable === true && Array.isArray(copy.type) && copy.type.includes('null')) delete copy.nullable;
  return copy;
}

/** What a document says, with info.version aside (the label of a change, not a change). */
function said(doc: Json): string {
  const { version: _, ...info } = doc.info ?? {};
  return meaningOf(withoutRedundantNullable({ ...doc, info }));
}

describe('no difference passes silently', () => {
  it(`${RUNS} random changes to openapi.yaml: each is found, or changes nothing once $refs are expanded (seed ${SEED})`, () => {
    const next = random(SEED);
    const places = placesOf(real);
    const baseSaid = said(real);
    let silent = 0;
    for (let run = 0; run < RUNS; run++) {
      const head = structuredClone(real);
      const what = mutate(head, places, next);
      let findings;
      try {
        findings = diffDocuments(real, head);
      } catch (error) {
        throw new Error(`seed ${SEED}, run ${run}: ${what} crashed the diff (replay with DIFF_PROPERTY_SEED=${SEED})`, { cause: error });
      }
      if (findings.length > 0) continue;
      silent++;
      expect(said(head), `seed ${SEED}, run ${run}: ${what} found nothing, yet the document says something else (replay with DIFF_PROPERTY_SEED=${SEED})`).toBe(baseSaid);
    }
    // Most changes are real ones: a run that finds nothing for all of them is broken, not lucky.
    expect(silent, `seed ${SEED}`).toBeLessThan(RUNS / 2);
  }, 60_000);
});

describe('changes the random runs once found', () => {
  // Seed 81, run 77: a document-level security that is not a list crashed the diff.
  it('a document-level security replaced by a number is found, not a crash', () => {
    const head = structuredClone(real);
    head.security = 0;
    expect(diffDocuments(real, head).length).toBeGreaterThan(0);
  });
});
