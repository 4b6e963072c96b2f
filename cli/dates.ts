import { understand } from '../lib/ai/offline/understanding';
import { isValidDate } from '../lib/domain/time';

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A travel date from what a person types: 2026-12-01, 明天, 下周三, 12月1日, tomorrow, next Friday.
 * Relative dates are read in China time (the network's home zone). Undefined when it names no date.
 */
export function parseDate(input: string, now = new Date()): string | undefined {
  const text = input.trim();
  if (isoDate.test(text)) return isValidDate(text) ? text : undefined;
  return understand(text, { now }).date;
}
