/** Money is kept as integer fen (cents) in storage and arithmetic, and shown as yuan with 2 decimals. */
export const currency = 'CNY';

export function toCents(yuan: number): number {
  return Math.round(yuan * 100);
}

export function toYuan(cents: number): number {
  return cents / 100;
}
