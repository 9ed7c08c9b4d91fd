// What the instances on one database tell each other (NOTIFY), heard on one
// listening connection per instance: the clock's moves (shared-clock.ts) and
// changes of the fixtures (postgres-store.ts). A listener also has a way to
// catch up (`resync`): it is called once the connection listens, and again
// each time it listens anew after it was lost (the database restarted), since
// whatever was announced meanwhile was missed.
import pg from 'pg';
import type { PostgresConnectionOptions } from './connection.ts';

/** How long to wait before listening again once the listening connection is lost. */
const RECONNECT_MS = 1000;

interface Channel {
  onMessage: (payload: string) => void;
  resync: () => Promise<void>;
}

export class Notifications {
  private readonly channels = new Map<string, Channel>();
  private client: pg.Client | undefined;
  private connecting: Promise<void> | undefined;
  private retry: ReturnType<typeof setTimeout> | undefined;
  private closed = false;

  constructor(
    private readonly options: PostgresConnectionOptions,
    private readonly onError: (error: Error) => void,
  ) {}

  /**
   * Calls `onMessage` with each payload sent on `channel` by any instance
   * (this one included); `resync` once listening, and after each reconnection.
   * Settles once listening (rejects if the database cannot be reached now).
   */
  async listen(channel: string, onMessage: (payload: string) => void, resync: () => Promise<void>): Promise<void> {
    if (!/^[a-z_]+$/.test(channel)) throw new Error(`not a channel name: ${channel}`);
    this.channels.set(channel, { onMessage, resync });
    if (this.client) {
      await this.client.query(`LISTEN ${channel}`);
      await resync();
      return;
    }
    await (this.connecting ??= this.connect().finally(() => (this.connecting = undefined)));
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retry);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => {});
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.options.url, connectionTimeoutMillis: this.options.connectionTimeoutMs ?? 5000 });
    client.on('notification', (message) => this.channels.get(message.channel)?.onMessage(message.payload ?? ''));
    // Lost (or never made): forgotten, and made again a moment later unless closed.
    const lost = (error?: Error) => {
      if (this.client !== client) return;
      this.client = undefined;
      if (error) this.onError(error);
      client.end().catch(() => {});
      if (!this.closed) this.retry = setTimeout(() => void this.connect().catch(() => {}), RECONNECT_MS);
    };
    client.on('error', lost);
    client.on('end', () => lost());
    this.client = client;
    try {
      await client.connect();
      for (const channel of this.channels.keys()) await client.query(`LISTEN ${channel}`);
      // After LISTEN: what is announced from now on is heard, what came before is read.
      for (const { resync } of this.channels.values()) await resync();
    } catch (error) {
      lost(error as Error);
      throw error;
    }
  }
}
