/**
 * Polls `probe` until it returns something other than undefined, null or false, and returns that;
 * after `timeoutMs` it fails naming what it waited for. Tests synchronise with this, never with a
 * fixed sleep: a slow machine waits longer, a fast one not at all.
 */
export async function eventually<T>(what: string, probe: () => T | undefined | null | false | Promise<T | undefined | null | false>, { timeoutMs = 10_000, everyMs = 20 } = {}): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== null && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
