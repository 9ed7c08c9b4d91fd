// The sandbox clock shared by the instances on one database (DESIGN.md,
// "Time"): its offset from real time is kept in sandbox_clock. A move on one
// instance (the admin API's clock) is stored, never backwards, and announced
// with NOTIFY; every instance LISTENs and follows. An instance that starts,
// or whose listening connection comes back after the database restarted,
// reads the stored offset first. Other instances follow within the time a
// notification takes (well under a millisecond on one machine), not at once.
import type pg from 'pg';
import type { SharedClock } from '../clock.ts';
import type { ClockShare } from '../store/store.ts';
import type { Notifications } from './notifications.ts';

const CHANNEL = 'sandbox_clock';

export async function shareClock(pool: pg.Pool, notifications: Notifications, clock: SharedClock, onError: (error: Error) => void): Promise<ClockShare> {
  let latest: Promise<void> = Promise.resolve();
  let closed = false;

  // Moves announced by any instance are followed; on (re)connecting, the stored offset is read (a move may have been missed).
  await notifications.listen(
    CHANNEL,
    (payload) => {
      if (!closed) clock.follow(Number(payload));
    },
    async () => {
      const { rows } = await pool.query<{ offset_ms: string }>('SELECT offset_ms::text FROM sandbox_clock');
      if (rows[0] && !closed) clock.follow(Number(rows[0].offset_ms));
    },
  );
  clock.onMove = (offsetMs) => {
    // In order: each move stored after the one before (GREATEST keeps the furthest anyway).
    latest = latest.then(async () => {
      await pool.query(
        `WITH moved AS (UPDATE sandbox_clock SET offset_ms = GREATEST(offset_ms, $1) RETURNING offset_ms)
         SELECT pg_notify('${CHANNEL}', offset_ms::text) FROM moved`,
        [offsetMs],
      );
    });
    latest = latest.catch(onError);
  };
  return {
    settled: () => latest,
    async close() {
      closed = true;
      clock.onMove = undefined;
    },
  };
}
