/**
 * The warmup trigger: Flex Consumption and Premium call it when they add an instance, before it takes
 * traffic; the local host calls it once it listens. It opens the store and runs one search (a route of
 * the first flight listed), so the first traveller's request finds the store open, the schedule cache
 * built and the search path compiled. Best effort: a failure here only means a colder first request.
 */
import { app } from '@azure/functions';
import { services } from '../app/services';
import { FlightListQuery, SearchQuery } from '../lib/domain/flights';

app.warmup('warmup', {
  handler: async (_trigger, context) => {
    try {
      const { flights } = await services();
      const [flight] = (await flights.list(FlightListQuery.parse({ limit: 1 }))).items;
      if (flight) await flights.search(flight.departure_airport, flight.arrival_airport, SearchQuery.parse({}));
    } catch (error) {
      context.warn('Warm-up search failed:', error instanceof Error ? error.message : String(error));
    }
  },
});
