import type { Migration } from '../store';

/** SQLite schema, one entry per version. The T-SQL twins in ../mssql/migrations.ts share the numbers. */
export const migrations: Migration[] = [
  {
    version: 1,
    name: 'reference data and flights',
    statements: [
      `CREATE TABLE airports (
        code TEXT PRIMARY KEY CHECK (length(code) = 3),
        name_zh TEXT NOT NULL, name_en TEXT NOT NULL,
        city_zh TEXT NOT NULL, city_en TEXT NOT NULL,
        country TEXT NOT NULL, tz TEXT NOT NULL
      )`,
      `CREATE TABLE airlines (
        code TEXT PRIMARY KEY CHECK (length(code) = 2),
        name_zh TEXT NOT NULL, name_en TEXT NOT NULL
      )`,
      `CREATE TABLE flights (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        flight_number TEXT NOT NULL UNIQUE,
        airline_code TEXT NOT NULL REFERENCES airlines(code),
        departure_airport TEXT NOT NULL REFERENCES airports(code),
        arrival_airport TEXT NOT NULL REFERENCES airports(code),
        departure_time TEXT NOT NULL,
        arrival_time TEXT NOT NULL,
        arrival_day_offset INTEGER NOT NULL DEFAULT 0 CHECK (arrival_day_offset BETWEEN 0 AND 2),
        duration_minutes INTEGER NOT NULL CHECK (duration_minutes > 0),
        days_mask INTEGER NOT NULL DEFAULT 127 CHECK (days_mask BETWEEN 1 AND 127),
        aircraft_type TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'cancelled')),
        economy_fare_cents INTEGER NOT NULL CHECK (economy_fare_cents > 0),
        economy_capacity INTEGER NOT NULL CHECK (economy_capacity >= 0),
        business_fare_cents INTEGER CHECK (business_fare_cents > 0),
        business_capacity INTEGER NOT NULL DEFAULT 0 CHECK (business_capacity >= 0),
        first_fare_cents INTEGER CHECK (first_fare_cents > 0),
        first_capacity INTEGER NOT NULL DEFAULT 0 CHECK (first_capacity >= 0),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      )`,
      `CREATE INDEX ix_flights_route ON flights (departure_airport, arrival_airport, departure_time)`,
      `CREATE INDEX ix_flights_arrival ON flights (arrival_airport, departure_time)`,
      `CREATE TABLE inventory (
        flight_id INTEGER NOT NULL REFERENCES flights(id),
        flight_date TEXT NOT NULL,
        cabin TEXT NOT NULL CHECK (cabin IN ('economy', 'business', 'first')),
        seats_sold INTEGER NOT NULL DEFAULT 0 CHECK (seats_sold >= 0),
        PRIMARY KEY (flight_id, flight_date, cabin)
      )`,
    ],
  },
  {
    version: 2,
    name: 'bookings',
    statements: [
      `CREATE TABLE bookings (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        reference TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'confirmed', 'cancelled')),
        contact_email TEXT,
        contact_phone TEXT,
        total_cents INTEGER NOT NULL CHECK (total_cents >= 0),
        hold_expires_at TEXT,
        cancelled_at TEXT,
        cancellation_reason TEXT,
        fee_cents INTEGER,
        refund_cents INTEGER,
        version INTEGER NOT NULL DEFAULT 1,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      )`,
      `CREATE INDEX ix_bookings_status ON bookings (status, hold_expires_at)`,
      `CREATE INDEX ix_bookings_created ON bookings (created_at)`,
      `CREATE TABLE passengers (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        booking_id INTEGER NOT NULL REFERENCES bookings(id),
        position INTEGER NOT NULL,
        name TEXT NOT NULL,
        search_key TEXT NOT NULL,
        type TEXT NOT NULL CHECK (type IN ('adult', 'child', 'infant')),
        email TEXT,
        phone TEXT,
        UNIQUE (booking_id, position)
      )`,
      `CREATE TABLE segments (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        booking_id INTEGER NOT NULL REFERENCES bookings(id),
        position INTEGER NOT NULL,
        flight_id INTEGER NOT NULL REFERENCES flights(id),
        flight_date TEXT NOT NULL,
        cabin TEXT NOT NULL CHECK (cabin IN ('economy', 'business', 'first')),
        fare_cents INTEGER NOT NULL CHECK (fare_cents >= 0),
        UNIQUE (booking_id, position)
      )`,
      `CREATE INDEX ix_segments_flight ON segments (flight_id, flight_date)`,
      `CREATE TABLE seat_assignments (
        segment_id INTEGER NOT NULL REFERENCES segments(id),
        passenger_id INTEGER NOT NULL REFERENCES passengers(id),
        flight_id INTEGER NOT NULL REFERENCES flights(id),
        flight_date TEXT NOT NULL,
        seat TEXT NOT NULL,
        PRIMARY KEY (segment_id, passenger_id),
        UNIQUE (flight_id, flight_date, seat)
      )`,
      `CREATE TABLE booking_history (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        booking_id INTEGER NOT NULL REFERENCES bookings(id),
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        before_json TEXT,
        after_json TEXT
      )`,
      `CREATE INDEX ix_history_booking ON booking_history (booking_id, id)`,
      `CREATE TABLE idempotency_keys (
        idem_key TEXT PRIMARY KEY,
        request_hash TEXT NOT NULL,
        status_code INTEGER NOT NULL,
        booking_id INTEGER,
        created_at TEXT NOT NULL
      )`,
    ],
  },
  {
    version: 3,
    name: 'holds per client',
    statements: [
      'ALTER TABLE bookings ADD COLUMN client_key TEXT',
      `CREATE INDEX ix_bookings_client_holds ON bookings (client_key, status, hold_expires_at)`,
    ],
  },
];
