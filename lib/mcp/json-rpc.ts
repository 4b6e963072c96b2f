import { JSONRPCErrorResponseSchema, JSONRPCResultResponseSchema, RequestIdSchema } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';

/**
 * A JSON-RPC error response. JSON-RPC 2.0 requires `"id": null` when the request's id could not be
 * read (a parse error, an invalid request); the SDK's schema allows only a string or number there.
 */
export const JsonRpcError = JSONRPCErrorResponseSchema.extend({ id: RequestIdSchema.nullable().optional() }).meta({ id: 'JsonRpcError' });

/** What a POST to an MCP server answers: a result, or an error. */
export const JsonRpcResponse = z.union([JSONRPCResultResponseSchema, JsonRpcError]);
