import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';

export type JsonSchema = Record<string, unknown>;

/** Points zod's `#/$defs/…` references at `#/components/schemas/…`. */
function rehome<T>(schema: T): T {
  return JSON.parse(JSON.stringify(schema).replaceAll('"#/$defs/', '"#/components/schemas/')) as T;
}

/** Dates travel as ISO 8601 text (zod coerces them); anything else without a JSON form is a mistake. */
const unrepresentable: z.core.UnrepresentableHandler = ({ zodSchema }) =>
  zodSchema._zod.def.type === 'date' ? { type: 'string', format: 'date-time' } : 'throw';

/**
 * Converts zod schemas to OpenAPI 3.1 (JSON Schema 2020-12) schemas. Schemas named with
 * `.meta({ id })` become `components/schemas/{id}` and are referenced wherever they appear.
 */
export class SchemaConverter {
  readonly components: Record<string, JsonSchema> = {};

  convert(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
    const { $schema: _dialect, $defs, ...root } = z.toJSONSchema(schema, { io, unrepresentable }) as JsonSchema & { $defs?: Record<string, JsonSchema> };
    for (const [id, definition] of Object.entries(rehome($defs ?? {}))) {
      const existing = this.components[id];
      if (existing && !isDeepStrictEqual(existing, definition)) {
        throw new Error(`Schema ${id} converts differently in two places (request and response?); give one of them its own id`);
      }
      this.components[id] = definition;
    }
    return rehome(root);
  }
}
