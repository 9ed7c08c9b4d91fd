// Progress as the run goes: a live line on a terminal, lines in a CI log.
import { describe, expect, it } from 'vitest';
import { createProgress } from '../../src/contract/reporters/progress.ts';
import type { ScenarioResult } from '../../src/contract/run.ts';

const result = (id: string, outcome: ScenarioResult['outcome'], kind: ScenarioResult['kind'] = 'fixed'): ScenarioResult => ({
  id,
  title: id,
  category: 'test',
  kind,
  expected: '200',
  got: '200',
  outcome,
  ...(outcome === 'inconclusive' && { reason: 'no answer' }),
  violations: [],
  requests: 1,
  durationMs: 1,
});

function capture(tty: boolean) {
  let text = '';
  const progress = createProgress({ write: (chunk: string) => (text += chunk) }, tty);
  progress.onExchange();
  progress.onResult(result('happy.getTags', 'passed'), 0, 3);
  progress.onResult(result('generated.getTags.1', 'passed', 'generated'), 1, 3);
  progress.onResult(result('generated.getTags.2', 'inconclusive', 'generated'), 2, 3);
  progress.stop();
  return text;
}

describe('progress', () => {
  it('in a log: a line per hand-written scenario and per generated one that did not pass', () => {
    expect(capture(false).split('\n').filter(Boolean)).toEqual(['[1/3] ✓ happy.getTags', '[3/3] ? generated.getTags.2 (inconclusive: no answer)']);
  });

  it('on a terminal: one live line rewritten in place, with what did not pass kept above it', () => {
    const text = capture(true);
    expect(text).toContain('\r\x1b[2K[3/3] ? generated.getTags.2 (inconclusive: no answer)\n');
    expect(text).toMatch(/\r\x1b\[2K\[3\/3\] 1 requests · 0 failed · \d+\.\d s · generated\.getTags\.2/);
    expect(text).not.toContain('✓ happy.getTags\n');
    expect(text.endsWith('\r\x1b[2K')).toBe(true);
  });
});
