// The server of bench/postgres-round-trips.ts: one Fastify route that sends
// ROUND_TRIPS trivial statements to PostgreSQL per request before answering
// a fixed body, one after the other (`sequential`, each its own round trip)
// or batched with the other requests of the moment (`batched`: one statement
// per event-loop turn and step, taking an array, as src/sandbox/postgres/batch.ts does).
//
//   node --import tsx bench/lib/round-trip-server.ts URL ROUND_TRIPS sequential|batched
//
// Prints `Round-trip server listening on http://127.0.0.1:PORT` once ready.
import Fastify from 'fastify';
import pg from 'pg';
import { Batcher } from '../../src/sandbox/postgres/batch.ts';

const [url, roundTrips = '0', how = 'sequential'] = process.argv.slice(2);
if (!url || !/^\d+$/.test(roundTrips) || !['sequential', 'batched'].includes(how)) {
  console.error('usage: round-trip-server.ts URL ROUND_TRIPS sequential|batched');
  process.exit(2);
}
const steps = Number(roundTrips);
const pool = new pg.Pool({ connectionString: url, max: 10 });
const one = { name: 'one', text: 'SELECT $1::int AS x' };
const many = { name: 'many', text: 'SELECT x FROM unnest($1::int[]) AS x' };
// One batcher per step, as a request's steps follow each other.
const batchers = Array.from({ length: steps }, () => new Batcher<number, number>(async (values) => (await pool.query<{ x: number }>({ ...many, values: [values] })).rows.map((row) => row.x), () => new Error('too many waiting')));
const body = JSON.stringify({ success: true, data: { text: 'x'.repeat(600) } });

const app = Fastify({ logger: false });
app.get('/round-trips', async (_request, reply) => {
  for (let step = 0; step < steps; step++) {
    if (how === 'batched') await batchers[step]!.submit(step);
    else await pool.query({ ...one, values: [step] });
  }
  return reply.header('content-type', 'application/json').send(body);
});
const address = await app.listen({ host: '127.0.0.1', port: 0 });
console.log(`Round-trip server listening on ${address}`);
const stop = () => void app.close().then(() => pool.end()).then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
