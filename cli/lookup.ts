import { BookingReference } from '../lib/domain/reference';
import type { Context } from './context';
import { UsageError } from './errors';
import type { BookingView } from './types';

/**
 * A booking by staff id (42, with the staff key) or by PNR and a passenger's surname (the passenger
 * endpoint); the surname is asked for when not given.
 */
export async function findBooking(ctx: Context, idOrReference: string, lastName?: string): Promise<BookingView> {
  if (/^\d+$/.test(idOrReference)) return ctx.api.json<BookingView>(`/bookings/${idOrReference}`, { staff: true, label: 'Loading booking…' });
  const reference = BookingReference.safeParse(idOrReference);
  if (!reference.success) throw new UsageError(`"${idOrReference}" is neither a booking id nor a 6-character booking reference (PNR)`);
  const surname = lastName ?? (await ctx.prompter.ask('乘客姓氏 Passenger last name: '))?.trim();
  if (!surname) throw new UsageError(`A booking reference needs the passenger's last name: --last-name 张`);
  return ctx.api.json<BookingView>(`/bookings/reference/${reference.data}`, { query: { last_name: surname }, label: 'Loading booking…' });
}
