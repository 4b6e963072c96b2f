import { services } from '../app/services';
import { withServices } from '../lib/http/route';

/** Declares a route whose handler gets the services (flights, bookings) as its second argument. */
export const serviceRoute = withServices(services);
