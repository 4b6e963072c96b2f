import type { Migration } from '../store';

/**
 * Azure SQL schema, one entry per version: the T-SQL twin of ../sqlite/migrations.ts (same version
 * numbers, tables and column names). Money stays integer cents (INT), text people type is NVARCHAR,
 * codes are CHAR, instants DATETIME2(3) in UTC, flight dates DATE. Constraint and index names are
 * fixed because the store maps unique violations by name (see database.ts).
 */
export const migrations: Migration[] = [
  {
    version: 1,
    name: 'reference data and flights',
    statements: [
      `CREATE TABLE airports (
        code CHAR(3) NOT NULL PRIMARY KEY CHECK (LEN(code) = 3),
        name_zh NVARCHAR(100) NOT NULL, name_en NVARCHAR(100) NOT NULL,
        city_zh NVARCHAR(100) NOT NULL, city_en NVARCHAR(100) NOT NULL,
        country NVARCHAR(60) NOT NULL, tz VARCHAR(64) NOT NULL
      )`,
      `CREATE TABLE airlines (
        code CHAR(2) NOT NULL PRIMARY KEY CHECK (LEN(code) = 2),
        name_zh NVARCHAR(100) NOT NULL, name_en NVARCHAR(100) NOT NULL
      )`,
      `CREATE TABLE flights (
        id INT IDENTITY(1, 1) NOT NULL PRIMARY KEY,
        flight_number VARCHAR(8) NOT NULL,
        airline_code CHAR(2) NOT NULL REFERENCES airlines (code),
        departure_airport CHAR(3) NOT NULL REFERENCES airports (code),
        arrival_airport CHAR(3) NOT NULL REFERENCES airports (code),
        departure_time VARCHAR(8) NOT NULL,
        arrival_time VARCHAR(8) NOT NULL,
        arrival_day_offset INT NOT NULL DEFAULT 0 CHECK (arrival_day_offset BETWEEN 0 AND 2),
        duration_minutes INT NOT NULL CHECK (duration_minutes > 0),
        days_mask INT NOT NULL DEFAULT 127 CHECK (days_mask BETWEEN 1 AND 127),
        aircraft_type VARCHAR(40) NOT NULL,
        status VARCHAR(10) NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'cancelled')),
        economy_fare_cents INT NOT NULL CHECK (economy_fare_cents > 0),
        economy_capacity INT NOT NULL CHECK (economy_capacity >= 0),
        business_fare_cents INT NULL CHECK (business_fare_cents > 0),
        business_capacity INT NOT NULL DEFAULT 0 CHECK (business_capacity >= 0),
        first_fare_cents INT NULL CHECK (first_fare_cents > 0),
        first_capacity INT NOT NULL DEFAULT 0 CHECK (first_capacity >= 0),
        created_at DATETIME2(3) NOT NULL,
        updated_at DATETIME2(3) NOT NULL,
        CONSTRAINT uq_flights_flight_number UNIQUE (flight_number)
      )`,
      `CREATE INDEX ix_flights_route ON flights (departure_airport, arrival_airport, departure_time)`,
      `CREATE INDEX ix_flights_arrival ON flights (arrival_airport, departure_time)`,
      `CREATE TABLE inventory (
        flight_id INT NOT NULL REFERENCES flights (id),
        flight_date DATE NOT NULL,
        cabin VARCHAR(8) NOT NULL CHECK (cabin IN ('economy', 'business', 'first')),
        seats_sold INT NOT NULL DEFAULT 0 CHECK (seats_sold >= 0),
        CONSTRAINT pk_inventory PRIMARY KEY (flight_id, flight_date, cabin)
      )`,
    ],
  },
  {
    version: 2,
    name: 'bookings',
    statements: [
      `CREATE TABLE bookings (
        id INT IDENTITY(1, 1) NOT NULL PRIMARY KEY,
        reference VARCHAR(12) NOT NULL,
        title NVARCHAR(200) NOT NULL,
        status VARCHAR(10) NOT NULL CHECK (status IN ('pending', 'confirmed', 'cancelled')),
        contact_email NVARCHAR(254) NULL,
        contact_phone NVARCHAR(40) NULL,
        total_cents BIGINT NOT NULL CHECK (total_cents >= 0),
        hold_expires_at DATETIME2(3) NULL,
        cancelled_at DATETIME2(3) NULL,
        cancellation_reason NVARCHAR(500) NULL,
        fee_cents BIGINT NULL,
        refund_cents BIGINT NULL,
        version INT NOT NULL DEFAULT 1,
        created_by NVARCHAR(200) NOT NULL,
        created_at DATETIME2(3) NOT NULL,
        updated_at DATETIME2(3) NOT NULL,
        CONSTRAINT uq_bookings_reference UNIQUE (reference)
      )`,
      `CREATE INDEX ix_bookings_status ON bookings (status, hold_expires_at)`,
      `CREATE INDEX ix_bookings_created ON bookings (created_at)`,
      `CREATE TABLE passengers (
        id INT IDENTITY(1, 1) NOT NULL PRIMARY KEY,
        booking_id INT NOT NULL REFERENCES bookings (id),
        position INT NOT NULL,
        name NVARCHAR(200) NOT NULL,
        search_key NVARCHAR(1000) NOT NULL,
        type VARCHAR(8) NOT NULL CHECK (type IN ('adult', 'child', 'infant')),
        email NVARCHAR(254) NULL,
        phone NVARCHAR(40) NULL,
        CONSTRAINT uq_passengers_position UNIQUE (booking_id, position)
      )`,
      `CREATE TABLE segments (
        id INT IDENTITY(1, 1) NOT NULL PRIMARY KEY,
        booking_id INT NOT NULL REFERENCES bookings (id),
        position INT NOT NULL,
        flight_id INT NOT NULL REFERENCES flights (id),
        flight_date DATE NOT NULL,
        cabin VARCHAR(8) NOT NULL CHECK (cabin IN ('economy', 'business', 'first')),
        fare_cents INT NOT NULL CHECK (fare_cents >= 0),
        CONSTRAINT uq_segments_position UNIQUE (booking_id, position)
      )`,
      `CREATE INDEX ix_segments_flight ON segments (flight_id, flight_date)`,
      `CREATE TABLE seat_assignments (
        segment_id INT NOT NULL REFERENCES segments (id),
        passenger_id INT NOT NULL REFERENCES passengers (id),
        flight_id INT NOT NULL REFERENCES flights (id),
        flight_date DATE NOT NULL,
        seat VARCHAR(4) NOT NULL,
        CONSTRAINT pk_seat_assignments PRIMARY KEY (segment_id, passenger_id)
      )`,
      `CREATE UNIQUE INDEX ux_seat_assignments_seat ON seat_assignments (flight_id, flight_date, seat)`,
      `CREATE TABLE booking_history (
        id INT IDENTITY(1, 1) NOT NULL PRIMARY KEY,
        booking_id INT NOT NULL REFERENCES bookings (id),
        at DATETIME2(3) NOT NULL,
        actor NVARCHAR(200) NOT NULL,
        action VARCHAR(40) NOT NULL,
        before_json NVARCHAR(MAX) NULL,
        after_json NVARCHAR(MAX) NULL
      )`,
      `CREATE INDEX ix_history_booking ON booking_history (booking_id, id)`,
      // Keys compare byte for byte, as in SQLite: "abc" and "ABC" are two keys.
      `CREATE TABLE idempotency_keys (
        idem_key VARCHAR(400) COLLATE Latin1_General_BIN2 NOT NULL,
        request_hash VARCHAR(128) NOT NULL,
        status_code INT NOT NULL,
        booking_id INT NULL,
        created_at DATETIME2(3) NOT NULL,
        CONSTRAINT pk_idempotency_keys PRIMARY KEY (idem_key)
      )`,
    ],
  },
  {
    version: 3,
    name: 'holds per client',
    statements: [
      'ALTER TABLE bookings ADD client_key VARCHAR(32) NULL',
      'CREATE INDEX ix_bookings_client_holds ON bookings (client_key, status, hold_expires_at)',
    ],
  },
];

export const latestVersion = Math.max(...migrations.map((m) => m.version));

/** Two instances starting together serialise on this lock; it is released with the transaction. */
const migrationLock = "N'smart-flight-booking:migrations'";

/** Statements the migration runner sends around the migrations themselves. */
export const sql = {
  takeMigrationLock: `EXEC sp_getapplock @Resource = ${migrationLock}, @LockMode = 'Exclusive', @LockOwner = 'Transaction', @LockTimeout = 60000;
    SELECT APPLOCK_MODE('public', ${migrationLock}, 'Transaction') AS lock_mode`,
  ensureVersionTable: `IF OBJECT_ID(N'schema_migrations', N'U') IS NULL
    CREATE TABLE schema_migrations (version INT NOT NULL PRIMARY KEY, name NVARCHAR(200) NOT NULL, applied_at DATETIME2(3) NOT NULL)`,
  schemaVersion: `IF OBJECT_ID(N'schema_migrations', N'U') IS NULL SELECT 0 AS version
    ELSE SELECT COALESCE(MAX(version), 0) AS version FROM schema_migrations`,
  recordVersion: 'INSERT INTO schema_migrations (version, name, applied_at) VALUES (@version, @name, SYSUTCDATETIME())',
} as const;
