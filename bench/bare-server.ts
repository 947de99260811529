// The peer of the decision service in bench/server.bench.ts: a bare fastify server that answers
// POST /v1/decisions with the very bytes `bianmin serve` sent for the same request body (read
// from the file named in argv[3]), on 127.0.0.1:argv[2]. No logging, no hooks: the framework floor.
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';

const port = Number(process.argv[2]);
const answers = new Map<string, string>(Object.entries(JSON.parse(readFileSync(process.argv[3]!, 'utf8')) as Record<string, string>));
const app = Fastify({ logger: false });
app.get('/readyz', async () => ({ ok: true }));
app.post('/v1/decisions', async (request, reply) => {
  const body = answers.get(JSON.stringify(request.body));
  if (body === undefined) return reply.code(404).send({ error: 'unknown body' });
  return reply.type('application/json; charset=utf-8').send(body);
});
await app.listen({ port, host: '127.0.0.1' });
