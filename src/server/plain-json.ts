/**
 * A route's serializer for large, nested answers: native JSON.stringify, which is faster than a
 * schema-compiled serializer on these (long Chinese strings, oneOf branches). The route's response
 * schema still documents the answer in the OpenAPI document; the tests check answers against it.
 */
export const plainJson = (): ((data: unknown) => string) => (data) => JSON.stringify(data);
