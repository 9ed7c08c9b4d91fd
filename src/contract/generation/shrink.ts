// Shrinking a failing generated request to a small one that fails the same
// way: greedy, one smaller candidate at a time (drop an optional part, cut a
// batch, shorten the string or list the case is about toward the size that
// matters, plain letters for other characters), keeping a candidate when
// the first violation (same operation, same place) is still there, within a
// bounded number of probes. Candidates never leave the range that keeps the
// case what it is (a too-long title stays at least maxLength + 1).
import type { Violation } from '../exchange.ts';
import { copyDraft, deleteAt, getAt, setAt, startsWith, type Draft } from './draft.ts';
import { signature } from './session.ts';
import { codePointLength, isAscii, prefix, simplify } from './unicode.ts';

export const MAX_PROBES = 50;

/** Sizes to try between `min` and `current` (excluded), smallest first: a binary search's steps. */
function smallerSizes(current: number, min: number): number[] {
  const sizes = [min, Math.floor((min + current) / 2), current - 1].filter((n) => n >= min && n < current);
  return [...new Set(sizes)];
}

function* candidates(draft: Draft): Generator<Draft> {
  for (const extra of draft.extras) {
    const next = copyDraft(draft);
    deleteAt(next.parts, extra);
    next.extras = next.extras.filter((e) => !startsWith(e, extra));
    yield next;
  }
  for (const { at, min } of draft.arrays) {
    const list = getAt(draft.parts, at);
    if (!Array.isArray(list)) continue;
    for (const size of smallerSizes(list.length, min)) {
      const next = copyDraft(draft);
      setAt(next.parts, at, list.slice(0, size));
      yield next;
    }
  }
  const focus = draft.focus;
  if (!focus) return;
  if (focus.size === 'truncated' && draft.raw?.kind === 'truncated') {
    for (const keep of smallerSizes(draft.raw.keep, focus.min)) {
      const next = copyDraft(draft);
      next.raw = { kind: 'truncated', keep };
      yield next;
    }
    return;
  }
  const value = getAt(draft.parts, focus.at);
  if (focus.size === 'array' && Array.isArray(value)) {
    for (const size of smallerSizes(value.length, focus.min)) {
      const next = copyDraft(draft);
      setAt(next.parts, focus.at, value.slice(0, size));
      yield next;
    }
  }
  if (focus.size === 'string' && typeof value === 'string') {
    // Its start, then its end: what matters may sit anywhere in it.
    const length = codePointLength(value);
    for (const size of smallerSizes(length, focus.min)) {
      const next = copyDraft(draft);
      setAt(next.parts, focus.at, prefix(value, size));
      yield next;
    }
    for (const size of smallerSizes(length, focus.min)) {
      const next = copyDraft(draft);
      setAt(next.parts, focus.at, [...value].slice(length - size).join(''));
      yield next;
    }
    if (!isAscii(value)) {
      const next = copyDraft(draft);
      setAt(next.parts, focus.at, simplify(value));
      yield next;
    }
  }
}

/**
 * The smallest draft found that still shows `primary` when `probe` sends it.
 * `probe` sends a candidate and returns what it found.
 */
export async function shrink(draft: Draft, primary: Violation, probe: (candidate: Draft) => Promise<Violation[]>, maxProbes = MAX_PROBES): Promise<{ draft: Draft; probes: number }> {
  const wanted = signature(primary);
  let current = draft;
  let probes = 0;
  let progress = true;
  while (progress && probes < maxProbes) {
    progress = false;
    for (const candidate of candidates(current)) {
      if (probes >= maxProbes) break;
      probes++;
      const found = await probe(candidate);
      if (found.some((v) => signature(v) === wanted)) {
        current = candidate;
        progress = true;
        break;
      }
    }
  }
  return { draft: current, probes };
}
