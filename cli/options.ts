import { InvalidArgumentError, Option } from 'commander';
import { parseDate } from './dates';

/** Commander argument parsers: a bad value is a usage error (exit 2) with one line. */
export function dateArgument(value: string): string {
  const date = parseDate(value);
  if (!date) throw new InvalidArgumentError('not a date; use 2026-12-01, 明天, tomorrow, 下周三, 12月1日');
  return date;
}

export function countArgument(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a whole number of 1 or more');
  return n;
}

export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

export const cabinOption = () => new Option('-c, --cabin <cabin>', '舱位 cabin').choices(['economy', 'business', 'first']);
export const lastNameOption = () => new Option('-l, --last-name <name>', '乘客姓氏 passenger surname, for a PNR (张, Zhang)');
