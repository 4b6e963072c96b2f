import { z } from 'zod';
import { Cabin } from '../../domain/aircraft';
import { IdempotencyKey } from '../write-context';

/**
 * Schemas only the API description needs: bodies the handlers build without validating them.
 * Everything the handlers validate is imported from where it is declared.
 */

export const Problem = z
  .object({
    type: z.string().describe('URI naming the kind of problem, e.g. urn:flightbooking:not-found'),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    errors: z
      .array(z.object({ field: z.string().describe('Where the input failed: body.passengers[0].name, query.date, params.id'), message: z.string() }))
      .optional(),
  })
  .catchall(z.unknown())
  .meta({ id: 'Problem', description: 'RFC 9457 problem details' });

const Check = z.object({ status: z.enum(['pass', 'warn', 'fail']), detail: z.string() });

export const Health = z
  .object({
    status: z.enum(['healthy', 'degraded', 'unhealthy']),
    timestamp: z.string(),
    checks: z.object({ database: Check, migrations: Check, storage: Check, ai: Check }),
  })
  .meta({ id: 'Health' });

export const Stats = z
  .object({
    total_bookings: z.number().int(),
    total_flights: z.number().int(),
    confirmed_bookings: z.number().int(),
    pending_bookings: z.number().int(),
    cancelled_bookings: z.number().int(),
    routes: z.array(z.object({ departure_airport: z.string(), arrival_airport: z.string(), bookings: z.number().int() })),
    load_factors: z.array(
      z.object({ flight_number: z.string(), flight_date: z.string(), cabin: Cabin, seats_sold: z.number().int(), capacity: z.number().int(), load_factor: z.number() }),
    ),
    timestamp: z.string(),
  })
  .meta({ id: 'Stats' });

export const SeatMap = z
  .object({
    flight_id: z.number().int(),
    flight_number: z.string(),
    date: z.string(),
    cabin: Cabin,
    aircraft_type: z.string(),
    capacity: z.number().int(),
    seats_left: z.number().int(),
    seats_available: z.number().int().describe('Seats not yet assigned to a passenger'),
    rows: z.array(
      z.object({
        row: z.number().int(),
        seats: z.array(
          z.object({ seat: z.string(), row: z.number().int(), letter: z.string(), position: z.enum(['window', 'aisle', 'middle']), exit_row: z.boolean(), available: z.boolean() }),
        ),
      }),
    ),
  })
  .meta({ id: 'SeatMap' });

export const HistoryEntry = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actor: z.string().describe('staff, passenger, assistant or system'),
    action: z.string().describe('create, confirm, seat_change, cancel, hold_expired …'),
    before: z.unknown(),
    after: z.unknown(),
  })
  .meta({ id: 'HistoryEntry' });

/** Headers every booking write accepts. */
export const WriteHeaders = z.object({
  'idempotency-key': IdempotencyKey.optional(),
  'if-match': z.string().optional().describe('The booking’s ETag; a stale one gets 412'),
});

export const McpHeaders = z.object({
  'mcp-protocol-version': z.string().optional().describe('MCP protocol version negotiated at initialize, e.g. 2025-06-18'),
});

const Proposal = z
  .object({
    id: z.string(),
    tool: z.string().describe('The write that waits for a yes: create_booking, change_seat …'),
    summary: z.string(),
    price: z.number().optional().describe('What the traveller pays in all, CNY'),
    refund: z.number().optional().describe('What comes back on cancellation, CNY'),
    expiresAt: z.string(),
  })
  .catchall(z.unknown())
  .meta({ id: 'Proposal' });

const Awaiting = z.enum(['input', 'confirmation']).nullable().describe('What the assistant waits for');

const TokenUsage = z
  .object({ prompt_tokens: z.number().int(), completion_tokens: z.number().int() })
  .describe('Model tokens (as the chat completions reported them); 0 and 0 when the offline planner answered')
  .meta({ id: 'TokenUsage' });

export const TurnResult = z
  .object({
    reply: z.string(),
    awaiting: Awaiting,
    proposal: Proposal.optional(),
    options: z.array(z.object({ index: z.number().int(), flight_number: z.string() }).catchall(z.unknown())).optional().describe('Flights shown, numbered from 1'),
    actions: z.array(z.object({ agent: z.string(), tool: z.string(), arguments: z.record(z.string(), z.unknown()), isError: z.boolean(), result: z.unknown() })).describe('MCP tool calls made for this message'),
    language: z.enum(['zh', 'en']),
    planner: z.enum(['offline', 'azure-openai', 'openai']).describe('offline, Azure OpenAI, or an OpenAI-compatible endpoint (OPENAI_BASE_URL)'),
    usage: TokenUsage.describe('Model tokens this turn used'),
  })
  .meta({ id: 'TurnResult' });

/** Durable Functions' runtime statuses (the SDK's OrchestrationRuntimeStatus), which a conversation reports. */
const runtimeStatuses = ['Pending', 'Running', 'Completed', 'ContinuedAsNew', 'Failed', 'Canceled', 'Terminated', 'Suspended'] as const;

export const Conversation = z
  .object({
    id: z.string(),
    status: z.enum(runtimeStatuses),
    created_at: z.string(),
    updated_at: z.string(),
    language: z.enum(['zh', 'en']).optional(),
    turn: z.number().int(),
    awaiting: Awaiting,
    proposal: Proposal.nullable(),
    transcript: z.array(z.object({ role: z.enum(['user', 'assistant']), text: z.string(), at: z.string(), usage: TokenUsage.optional().describe("On the assistant's entries: the model tokens of its turn") })),
    usage: TokenUsage.describe('Model tokens used by the whole conversation (ASSISTANT_TOKENS_PER_CONVERSATION limits them)'),
  })
  .meta({ id: 'Conversation' });
