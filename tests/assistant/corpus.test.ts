import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { daysFromToday, startHost, type TestHost } from '../support/host';
import { corpus, utterances, type Scenario } from './corpus';
import { bookingCount, confirm, existingBooking, newConversation, send, type Reply } from './talk';

let host: TestHost;
const outcomes: { name: string; passed: boolean; why?: string }[] = [];
const turnMs: number[] = [];

beforeAll(async () => {
  host = await startHost();
}, 60_000);

afterAll(async () => {
  const passed = outcomes.filter((o) => o.passed).length;
  const sorted = [...turnMs].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(0);
  console.log(`assistant corpus: ${passed}/${outcomes.length} scenarios, ${utterances(corpus).length} utterances, pass rate ${((100 * passed) / outcomes.length).toFixed(1)} %`);
  console.log(`offline turn time over HTTP + MCP: median ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms (${sorted.length} turns)`);
  for (const failure of outcomes.filter((o) => !o.passed)) console.log(`  FAILED ${failure.name}: ${failure.why}`);
  await host?.stop();
});

/** The 2nd of next month in Shanghai. */
function nextMonth(): string {
  const [y, m] = daysFromToday(0).split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 2)).toISOString().slice(0, 10);
}

async function play(scenario: Scenario): Promise<void> {
  const surname = scenario.language === 'zh' ? '李' : 'Li';
  const desk = scenario.desk ?? false;
  const date = scenario.existing === 'next month' ? nextMonth() : daysFromToday(3);
  const existing = scenario.existing ? await existingBooking(host, scenario.language === 'zh' ? '李雷' : 'Li Lei', date) : undefined;
  const before = await bookingCount(host);
  const id = await newConversation(host, desk);
  const replies: Reply[] = [];
  for (const step of scenario.steps) {
    const started = performance.now();
    const reply = step.text !== undefined ? await send(host, id, step.text.replace('{ref}', existing?.reference ?? ''), desk) : await confirm(host, id, step.confirm!, desk);
    turnMs.push(performance.now() - started);
    replies.push(reply);
    const label = step.text ?? `confirm ${step.confirm}`;
    expect(reply.status, `${label}: ${JSON.stringify(reply)}`).toBe(200);
    expect(reply.actions.map((a) => a.tool), `${label} → ${reply.reply}`).toEqual(step.tools);
    expect(reply.actions.filter((a) => a.isError).map((a) => JSON.stringify(a.result)), label).toEqual([]);
    if (step.awaiting !== undefined) expect(reply.awaiting, `${label} → ${reply.reply}`).toBe(step.awaiting);
    expect(reply.language, label).toBe(scenario.language);
    if (step.showsRef) expect(reply.reply, label).toContain(existing!.reference);
  }
  const after = scenario.after;
  if ('booked' in after) {
    const created = replies.flatMap((r) => r.actions).find((a) => a.tool === 'create_booking')!;
    const bookingId = (created.result as { booking: { id: number } }).booking.id;
    const booking = (await (await host.fetch(`/bookings/${bookingId}`, { staff: true })).json()) as { status: string; passengers: { name: string }[] };
    expect(booking.status).toBe('confirmed');
    expect(booking.passengers.map((p) => p.name)).toEqual([after.booked.passenger]);
    expect(await bookingCount(host)).toBe(before + 1);
    return;
  }
  expect(await bookingCount(host)).toBe(before);
  if (!existing) return;
  const response = await host.fetch(`/bookings/reference/${existing.reference}?last_name=${encodeURIComponent(surname)}`, { staff: true });
  const booking = (await response.json()) as { status: string; segments: { flight_id: number; date: string; cabin: string; seats: { seat: string }[] }[] };
  if ('cancelled' in after) expect(booking.status).toBe('cancelled');
  else expect(booking.status).toBe('confirmed');
  if ('seat' in after) expect(booking.segments[0]!.seats[0]!.seat).toBe(after.seat);
  if ('seatPosition' in after) {
    const { flight_id, date, cabin, seats } = booking.segments[0]!;
    const map = (await (await host.fetch(`/flights/${flight_id}/seats?date=${date}&cabin=${cabin}`)).json()) as { rows: { seats: { seat: string; position: string }[] }[] };
    const seat = map.rows.flatMap((row) => row.seats).find((s) => s.seat === seats[0]!.seat);
    expect(seats[0]!.seat).not.toBe(existing.seat_number);
    expect(seat?.position).toBe(after.seatPosition);
  }
  if ('movedDays' in after) expect(booking.segments[0]!.date).toBe(daysFromToday(after.movedDays));
  if ('unchanged' in after) expect(booking.segments[0]!.date).toBe(date);
}

describe('assistant scenario corpus (offline planner, local host, MCP)', () => {
  test('has at least 80 utterances, half of them Chinese', () => {
    const all = utterances(corpus);
    expect(all.length).toBeGreaterThanOrEqual(80);
    expect(Math.abs(all.filter((u) => u.language === 'zh').length * 2 - all.length)).toBeLessThanOrEqual(all.length * 0.1);
  });

  for (const scenario of corpus) {
    test(`${scenario.language}: ${scenario.name}`, async () => {
      try {
        await play(scenario);
        outcomes.push({ name: scenario.name, passed: true });
      } catch (error) {
        outcomes.push({ name: scenario.name, passed: false, why: (error as Error).message.split('\n')[0] });
        throw error;
      }
    }, 60_000);
  }
});
