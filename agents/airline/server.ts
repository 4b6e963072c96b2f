import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { allAirports } from '../../lib/domain/airports';
import { newServer, PromptLanguage, promptMessage } from '../shared/server';
import { registerAirlineTools } from './tools';

const instructions = `AirlineAgent of Smart Flight Booking (智能机票预订): flights, airports, seats and fares. Read-only.
Use it to turn places into airports (list_airports), find flights on a date (search_flights), rank them for a preference
(recommend_flights), check one flight (get_flight, check_availability) and show seats (get_seat_map). Places may be
Chinese or English city names or IATA codes; dates are YYYY-MM-DD local to the departure airport; fares are CNY.
Bookings are made with the separate BookingAgent.

航空公司助手（AirlineAgent）：查询机场、航班、座位和票价，只读。用 list_airports 把地名转成机场，用 search_flights 按日期查航班，
用 recommend_flights 按偏好（最便宜、最快、上午出发、直飞等）推荐，用 get_flight / check_availability 查看单个航班，
用 get_seat_map 查看座位图。地名可用中文、英文或三字码；日期格式 YYYY-MM-DD（出发地当地日期）；票价单位为人民币。
预订请使用 BookingAgent。`;

const bookTrip = {
  zh: `请帮我订机票。
步骤：
1. 用 list_airports 确认出发地和目的地（城市名可对应多个机场）。
2. 用 search_flights 查询当天航班，或按我的偏好用 recommend_flights（cheapest / fastest / morning / direct_only 等）。
3. 列出 2–3 个选项：航班号、起降时间、是否经停、每人票价（人民币），请我选择。
4. 需要选座时用 get_seat_map。
5. 得到我的明确确认、乘客姓名（与证件一致）后，用 BookingAgent 的 create_booking 预订，并带上新的 idempotency_key。
6. 告诉我订单号（6 位）和总价。`,
  en: `Help me book a flight.
Steps:
1. Confirm origin and destination with list_airports (a city may have several airports).
2. Find flights with search_flights on the date, or rank them for my preference with recommend_flights (cheapest / fastest / morning / direct_only …).
3. Show me 2–3 options: flight number, departure and arrival times, stops, fare per passenger in CNY, and let me choose.
4. Use get_seat_map if I want to pick seats.
5. Only after I confirm, with passenger names as on the ID, book with the BookingAgent's create_booking tool and a fresh idempotency_key.
6. Tell me the 6-character booking reference and the total price.`,
};

/** AirlineAgent: a new MCP server with the flight tools, the airport list and the book_trip prompt. */
export function createAirlineServer(): McpServer {
  const server = newServer('airline-agent', 'AirlineAgent · 航班助手', instructions);
  registerAirlineTools(server);

  server.registerResource(
    'airports',
    'airports://list',
    { title: 'Airports served · 机场列表', description: 'Every airport served: IATA code, names and cities in Chinese and English, country, time zone, aliases.', mimeType: 'application/json' },
    async (uri) => ({ contents: [{ uri: uri.href, mimeType: 'application/json', text: JSON.stringify(allAirports) }] }),
  );

  server.registerPrompt(
    'book_trip',
    {
      title: 'Book a trip · 预订行程',
      description: 'Guides a model through finding, choosing and booking a flight with the AirlineAgent and BookingAgent tools.',
      argsSchema: PromptLanguage,
    },
    ({ language }) => promptMessage(bookTrip[language ?? 'zh']),
  );
  return server;
}
