// Progress while a run goes on. On a terminal: one live line, rewritten at
// most ten times a second, with failures and inconclusive scenarios printed
// above it as they happen. Elsewhere (CI logs): a line per hand-written
// scenario and per generated one that did not pass, and a summary line every
// ten seconds, so that a long run never looks stuck.
import type { ScenarioResult } from '../run.ts';
import { progressLine } from './pretty.ts';

const LIVE_EVERY_MS = 100;
const PERIODIC_EVERY_MS = 10_000;

export interface Progress {
  onResult(result: ScenarioResult, index: number, total: number): void;
  onExchange(): void;
  stop(): void;
}

export function createProgress(stream: { write(text: string): unknown }, tty: boolean): Progress {
  const started = performance.now();
  let exchanges = 0;
  let failed = 0;
  let done = 0;
  let total = 0;
  let current = '';
  let lastDrawn = 0;
  const summary = () => `[${done}/${total}] ${exchanges} requests · ${failed} failed · ${((performance.now() - started) / 1000).toFixed(1)} s`;

  const draw = (force = false) => {
    const now = performance.now();
    if (!force && now - lastDrawn < LIVE_EVERY_MS) return;
    lastDrawn = now;
    stream.write(`\r\x1b[2K${summary()}${current ? ` · ${current}` : ''}`);
  };
  const periodic = tty ? undefined : setInterval(() => stream.write(`… ${summary()}\n`), PERIODIC_EVERY_MS);
  periodic?.unref();

  return {
    onResult(result, index, count) {
      done = index + 1;
      total = count;
      current = result.id;
      if (result.outcome === 'failed') failed++;
      const worthALine = result.outcome !== 'passed' || result.kind === 'fixed';
      if (tty) {
        if (result.outcome === 'failed' || result.outcome === 'inconclusive') stream.write(`\r\x1b[2K${progressLine(result, index, count)}\n`);
        draw(result.outcome !== 'passed');
      } else if (worthALine) stream.write(`${progressLine(result, index, count)}\n`);
    },
    onExchange() {
      exchanges++;
      if (tty) draw();
    },
    stop() {
      if (periodic) clearInterval(periodic);
      if (tty) stream.write('\r\x1b[2K');
    },
  };
}
