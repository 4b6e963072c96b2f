import type { Cabin } from '../domain/aircraft';
import type { Airport } from '../domain/airports';
import type { Booking, BookingState, BookingStatus, HistoryEntry } from '../domain/bookings';
import type { Airline } from '../domain/data/airlines';
import type { Flight, FlightStatus, Schedule, SeatsSold } from '../domain/flights';

/**
 * The repository contract. SQLite (local) and Azure SQL (cloud) implement it; nothing above it
 * can tell which one runs. Every write is one transaction; every guarantee that matters under
 * concurrency (capacity, seat uniqueness, idempotency, versions) is enforced by the database.
 */
export interface Store {
  readonly kind: 'sqlite' | 'mssql';
  migrate(): Promise<{ applied: number[]; version: number }>;
  health(): Promise<{ version: number; latest: number }>;
  close(): Promise<void>;
  reference: ReferenceRepository;
  flights: FlightRepository;
  bookings: BookingRepository;
}

export interface Migration {
  version: number;
  name: string;
  statements: string[];
}

export interface ReferenceRepository {
  upsertAirports(airports: readonly Airport[]): Promise<void>;
  upsertAirlines(airlines: readonly Airline[]): Promise<void>;
  airlines(): Promise<Airline[]>;
}

export type FlightSortKey = 'price' | 'departure_time' | 'duration';

export interface FlightFilter {
  from?: string[];
  to?: string[];
  airlineCode?: string;
  status?: FlightStatus;
  /** ISO weekday the flight must operate on. */
  weekday?: number;
  departAfter?: string;
  departBefore?: string;
  /** Only flights selling this cabin; price bounds and price sort use its fare. */
  cabin?: Cabin;
  minFareCents?: number;
  maxFareCents?: number;
  sort?: FlightSortKey;
  skip?: number;
  limit?: number;
}

export interface FlightRepository {
  list(filter: FlightFilter): Promise<{ items: Flight[]; total: number }>;
  get(id: number): Promise<Flight | undefined>;
  getByNumber(flightNumber: string): Promise<Flight | undefined>;
  /** Throws DuplicateError when the flight number exists. */
  create(input: Schedule & { duration_minutes: number }, now: string): Promise<Flight>;
  /** Adds the flights whose number does not exist yet, all in one transaction; returns how many it added. */
  createMissing(inputs: readonly (Schedule & { duration_minutes: number })[], now: string): Promise<number>;
  update(id: number, input: Schedule & { duration_minutes: number }, now: string): Promise<Flight | undefined>;
  /** Refuses (returns 'has_bookings') when any booking references the flight. */
  delete(id: number): Promise<'deleted' | 'not_found' | 'has_bookings'>;
  /**
   * A value that differs whenever the flights table may have changed since it was last read — by this
   * store or by any other connection to the database (another worker or instance). Stores that cannot
   * tell leave it out, and nothing about flights is cached for them.
   */
  changeStamp?(): Promise<string>;
  /** Seats sold per cabin, keyed by `${flightId}|${date}`. */
  seatsSold(keys: { flightId: number; date: string }[]): Promise<Map<string, SeatsSold>>;
  count(): Promise<number>;
}

export interface IdempotencyClaim {
  key: string;
  requestHash: string;
  /** Status code to replay for this key (201 for a create, 200 otherwise). */
  statusCode: number;
}

export interface IdempotentReplay {
  requestHash: string;
  statusCode: number;
  bookingId: number | null;
}

export interface BookingFilter {
  status?: BookingStatus;
  fromDate?: string;
  toDate?: string;
  departureAirport?: string;
  arrivalAirport?: string;
  flightNumber?: string;
  /** Matches passengers' search keys (LIKE %term% on the normalised name forms). */
  nameTerms?: string[];
  skip?: number;
  limit?: number;
}

export interface NewBooking {
  reference: string;
  /** A hold by an anonymous client: refused (HoldLimitError) when that client already has `max` open holds. */
  holdLimit?: { clientKey: string; max: number };
  state: BookingState;
  createdBy: string;
  now: string;
  history: { actor: string; action: string; after: unknown };
}

export interface BookingChange {
  id: number;
  expectedVersion: number;
  before: BookingState;
  after: BookingState;
  now: string;
  history: { actor: string; action: string; before: unknown; after: unknown };
}

export type WriteResult = { kind: 'written'; booking: Booking } | { kind: 'replay'; replay: IdempotentReplay };

export interface BookingRepository {
  /**
   * Writes a booking with its inventory and seats. Throws SoldOutError, SeatTakenError or
   * DuplicateError (reference clash); returns the stored result when the idempotency key was used.
   */
  insert(booking: NewBooking, idempotency?: IdempotencyClaim): Promise<WriteResult>;
  /** Moves a booking from `before` to `after`: inventory and seat deltas, version check, history. */
  apply(change: BookingChange, idempotency?: IdempotencyClaim): Promise<WriteResult>;
  findIdempotency(key: string): Promise<IdempotentReplay | undefined>;
  get(id: number): Promise<Booking | undefined>;
  getByReference(reference: string): Promise<Booking | undefined>;
  list(filter: BookingFilter): Promise<{ items: Booking[]; total: number }>;
  history(id: number): Promise<HistoryEntry[]>;
  takenSeats(flightId: number, date: string): Promise<Set<string>>;
  /** Ids of pending bookings whose hold has expired at `now`. */
  expiredHolds(now: string, limit: number): Promise<number[]>;
  stats(): Promise<BookingStats>;
}

export interface BookingStats {
  total: number;
  confirmed: number;
  pending: number;
  cancelled: number;
  routes: { departure_airport: string; arrival_airport: string; bookings: number }[];
  loadFactors: { flight_number: string; flight_date: string; cabin: Cabin; seats_sold: number; capacity: number }[];
}

export class DuplicateError extends Error {
  override readonly name = 'DuplicateError';
}

export class SoldOutError extends Error {
  override readonly name = 'SoldOutError';
  constructor(
    readonly flightId: number,
    readonly date: string,
    readonly cabin: Cabin,
  ) {
    super(`Not enough seats left in ${cabin} on flight ${flightId} on ${date}`);
  }
}

export class HoldLimitError extends Error {
  override readonly name = 'HoldLimitError';
  constructor(
    readonly max: number,
    /** When the client's first open hold runs out, freeing a place. */
    readonly nextExpiry: string,
  ) {
    super(`This client already holds ${max} bookings`);
  }
}

export class SeatTakenError extends Error {
  override readonly name = 'SeatTakenError';
  constructor(
    readonly flightId: number,
    readonly date: string,
    readonly seat: string,
  ) {
    super(`Seat ${seat} is already taken on flight ${flightId} on ${date}`);
  }
}

/** The database could not be opened, reached or written (a lock, a full disk); callers may retry later. */
export class StoreUnavailableError extends Error {
  override readonly name: string = 'StoreUnavailableError';
  /** Seconds a client should wait before trying again (Retry-After). */
  readonly retryAfterSeconds: number;
  constructor(message: string, options: ErrorOptions & { retryAfterSeconds?: number } = {}) {
    super(message, options);
    this.retryAfterSeconds = options.retryAfterSeconds ?? 5;
  }
}

export class VersionConflictError extends Error {
  override readonly name = 'VersionConflictError';
}
