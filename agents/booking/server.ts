import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { policyMarkdown } from '../../lib/domain/refund-policy';
import { newServer, PromptLanguage, promptMessage } from '../shared/server';
import { registerBookingTools } from './tools';

const instructions = `BookingAgent of Smart Flight Booking (智能机票预订): creates and manages bookings. It writes.
A traveller's booking is named by its 6-character reference plus the surname of any passenger on it. Before any write,
show the user what will happen and get a clear yes: quote_cancellation before cancel_booking, change_flight with
dry_run: true before the real change. create_booking and cancel_booking need an idempotency_key: a fresh one per
intended write, the same one only to retry. Prices are CNY. The cancellation policy is the resource policy://cancellation.
Find flights first with the AirlineAgent.

订单助手（BookingAgent）：创建和管理订单，会写入数据。旅客的订单用 6 位订单号加任一乘客的姓氏识别。任何写操作前都要向用户说明并得到明确同意：
取消前先用 quote_cancellation 报价，改签前先用 change_flight 的 dry_run: true 试算差价。create_booking 和 cancel_booking
必须带 idempotency_key（每次新的写操作用新的键，重试时用同一个）。金额单位为人民币。退改政策见资源 policy://cancellation。
查航班请先用 AirlineAgent。`;

const manageBooking = {
  zh: `请帮我管理我的机票订单。
步骤：
1. 先问我订单号（6 位）和任一乘客的姓氏，用 get_booking 查出订单，简要说明航班、座位、状态和价格。
2. 按我的需要：
   - 换座：先用 AirlineAgent 的 get_seat_map 查看空座，再用 change_seat。
   - 改签：用 change_flight 并设 dry_run: true 试算差价，告诉我要补或退多少，我同意后再以 dry_run: false 执行。
   - 取消：先用 quote_cancellation 告诉我手续费和退款，我明确同意后用 cancel_booking（带新的 idempotency_key 和原因）。
   - 确认预留的订单：用 confirm_booking。
3. 每次修改后告诉我结果。找不到订单时，请我核对订单号和姓氏。`,
  en: `Help me manage my flight booking.
Steps:
1. Ask for the 6-character booking reference and the surname of a passenger; look it up with get_booking and sum up flights, seats, status and price.
2. Then, as I ask:
   - Seat change: show free seats with the AirlineAgent's get_seat_map, then change_seat.
   - Flight change: quote it with change_flight and dry_run: true, tell me the fare difference, and only after I agree run it with dry_run: false.
   - Cancellation: tell me the fee and refund from quote_cancellation; only after I say yes call cancel_booking with a fresh idempotency_key and my reason.
   - Confirming a held booking: confirm_booking.
3. Tell me the result of each change. If the booking is not found, ask me to check the reference and surname.`,
};

/** BookingAgent: a new MCP server with the booking tools, the cancellation policy and the manage_booking prompt. */
export function createBookingServer(): McpServer {
  const server = newServer('booking-agent', 'BookingAgent · 订单助手', instructions);
  registerBookingTools(server);

  server.registerResource(
    'cancellation-policy',
    'policy://cancellation',
    { title: 'Cancellation policy · 退改政策', description: 'Fees and refunds by time before departure and cabin, in English and Chinese.', mimeType: 'text/markdown' },
    async (uri) => ({ contents: [{ uri: uri.href, mimeType: 'text/markdown', text: policyMarkdown() }] }),
  );

  server.registerPrompt(
    'manage_booking',
    {
      title: 'Manage a booking · 管理订单',
      description: 'Guides a model through looking up, changing, cancelling or confirming a booking with the BookingAgent tools.',
      argsSchema: PromptLanguage,
    },
    ({ language }) => promptMessage(manageBooking[language ?? 'zh']),
  );
  return server;
}
