import { cabins } from '../domain/aircraft';
import { airportByCode } from '../domain/airports';
import { currency } from '../domain/money';
import { seatsLeft, type Flight, type FlightView, type SeatsSold } from '../domain/flights';
import { airlineOf } from './airlines';

export function withSeconds(time: string): string {
  return `${time}:00`;
}

/** The flight resource for one date: the schedule, seats left per cabin, and the legacy flat fields. */
export function flightView(flight: Flight, date: string, sold: SeatsSold = {}): FlightView {
  const airline = airlineOf(flight.airline_code);
  const cabinViews = Object.fromEntries(
    cabins.flatMap((cabin) => {
      const fares = flight.cabins[cabin];
      return fares ? [[cabin, { fare: fares.fare, capacity: fares.capacity, seats_left: seatsLeft(flight, cabin, sold) }]] : [];
    }),
  ) as FlightView['cabins'];
  return {
    id: flight.id,
    flight_number: flight.flight_number,
    airline: airline.name_zh,
    airline_code: airline.code,
    airline_name_en: airline.name_en,
    departure_airport: flight.departure_airport,
    arrival_airport: flight.arrival_airport,
    departure_city: airportByCode(flight.departure_airport)?.city_zh ?? flight.departure_airport,
    arrival_city: airportByCode(flight.arrival_airport)?.city_zh ?? flight.arrival_airport,
    departure_time: withSeconds(flight.departure_time),
    arrival_time: withSeconds(flight.arrival_time),
    arrival_day_offset: flight.arrival_day_offset,
    duration_minutes: flight.duration_minutes,
    days_of_operation: flight.days_of_operation,
    aircraft_type: flight.aircraft_type,
    status: flight.status,
    currency,
    date,
    cabins: cabinViews,
    price: flight.cabins.economy.fare,
    available_seats: seatsLeft(flight, 'economy', sold),
    created_at: flight.created_at,
    updated_at: flight.updated_at,
  };
}
