// The "bare Fastify" baseline of bench/sandbox.ts: one route, the sandbox's
// GET /api/prompts/snippet path, answering every request with a fixed body
// (the sandbox's own answer, captured by the benchmark) and nothing else: no
// authentication, no database, no validation, no logging.
//
//   node --import tsx bench/lib/bare-fastify-server.ts BODY_FILE CONTENT_TYPE
//
// Prints `Bare Fastify listening on http://127.0.0.1:PORT` once ready.
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';

const [bodyFile, contentType = 'application/json; charset=utf-8'] = process.argv.slice(2);
if (!bodyFile) {
  console.error('usage: bare-fastify-server.ts BODY_FILE [CONTENT_TYPE]');
  process.exit(2);
}
const body = readFileSync(bodyFile, 'utf8');

const app = Fastify({ logger: false });
app.get('/api/prompts/snippet', (_request, reply) => {
  reply.header('content-type', contentType).send(body);
});

const address = await app.listen({ host: '127.0.0.1', port: 0 });
console.log(`Bare Fastify listening on ${address}`);

const stop = () => void app.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
