// The sandbox clock shared by the instances on one database (DESIGN.md,
// "Time"): its offset from real time is kept in sandbox_clock. A move on one
// instance (the admin API's clock) is stored, never backwards, and announced
// with NOTIFY; every instance LISTENs and follows. An instance that starts,
// or whose listening connection comes back after the database restarted,
// reads the stored offset first. Other instances follow within the time a
// notification takes (well under a millisecond on one machine), not at once.
import pg from 'pg';
import type { SharedClock } from '../clock.ts';
import type { PostgresConnectionOptions } from './connection.ts';

const CHANNEL = 'sandbox_clock';
/** How long to wait before listening again once the listening connection is lost. */
const RECONNECT_MS = 1000;

export interface ClockShare {
  /** Settles once the latest move of this instance's clock is stored and announced. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

export async function shareClock(pool: pg.Pool, options: PostgresConnectionOptions, clock: SharedClock, onError: (error: Error) => void): Promise<ClockShare> {
  let listener: pg.Client | undefined;
  let closed = false;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let latest: Promise<void> = Promise.resolve();

  const readStored = async (client: pg.ClientBase | pg.Pool) => {
    const { rows } = await client.query<{ offset_ms: string }>('SELECT offset_ms::text FROM sandbox_clock');
    if (rows[0]) clock.follow(Number(rows[0].offset_ms));
  };

  async function listen(): Promise<void> {
    const client = new pg.Client({ connectionString: options.url, connectionTimeoutMillis: options.connectionTimeoutMs ?? 5000 });
    client.on('notification', (message) => clock.follow(Number(message.payload)));
    const lost = (error?: Error) => {
      if (listener !== client) return;
      listener = undefined;
      if (error) onError(error);
      client.end().catch(() => {});
      if (!closed) retry = setTimeout(() => void listen().catch(lost), RECONNECT_MS);
    };
    client.on('error', lost);
    client.on('end', () => lost());
    listener = client;
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    // After LISTEN: a move made between the read and now is announced, not missed.
    await readStored(client);
  }

  await listen();
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
      clearTimeout(retry);
      clock.onMove = undefined;
      const client = listener;
      listener = undefined;
      await client?.end().catch(() => {});
    },
  };
}
