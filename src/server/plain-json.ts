/**
 * A route's serializer for large, nested answers: exactly JSON.stringify's output, as UTF-8 bytes
 * (json-bytes.ts), which is faster on these than a schema-compiled serializer (long Chinese
 * strings, oneOf branches) and than JSON.stringify itself (the frozen parts every decision shares
 * are written once). Nothing is dropped or reordered: what the handler returns is what is sent.
 * The route's response schema still documents the answer in the OpenAPI document; the tests check
 * answers against it.
 */
import { jsonBytes } from './json-bytes.ts';

/**
 * Fastify's types want a string from a serializer; it sends a Buffer as it is (the length is the
 * buffer's, the content type the route's JSON one). No onSend hook of this service reads payloads.
 */
const bytesAsPayload = jsonBytes as unknown as (data: unknown) => string;

export const plainJson = (): ((data: unknown) => string) => bytesAsPayload;
