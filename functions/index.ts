// The function app's entry (package.json "main"): every module here registers its functions.
import './airports';
import './assistant';
import './bookings';
import './docs';
import './flights';
import './mcp';
import './orchestrations';
import './system';
import './web';
