// The peer of the decision service in bench/server.bench.ts: a bare fastify server that answers
// POST /v1/decisions with the very bytes `bianmin serve` sent for the same request body (read
// from the file named in argv[3]), on 127.0.0.1:argv[2]. No logging, no hooks: the framework floor.
// With argv[4] `batched`, it also holds each answer to the end of its event-loop turn, as the
// service does (src/server/end-of-turn.ts): the floor of the same way of writing.
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';
import { endOfTurn } from '../src/server/end-of-turn.ts';

const port = Number(process.argv[2]);
const batched = process.argv[4] === 'batched';
const answers = new Map<string, string>(Object.entries(JSON.parse(readFileSync(process.argv[3]!, 'utf8')) as Record<string, string>));
const app = Fastify({ logger: false });
app.get('/readyz', async () => ({ ok: true }));
app.post('/v1/decisions', async (request, reply) => {
  const body = answers.get(JSON.stringify(request.body));
  if (body === undefined) return reply.code(404).send({ error: 'unknown body' });
  if (batched) await endOfTurn();
  return reply.type('application/json; charset=utf-8').send(body);
});
await app.listen({ port, host: '127.0.0.1' });
