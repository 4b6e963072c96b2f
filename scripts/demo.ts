/**
 * Plays the legacy system's three scenarios (智能预订流程, 复杂查询处理, 多Agent协作) against a running host and
 * prints the transcript with every MCP tool call. Scenario 2 finds bookings by name, so it runs on the
 * agent desk's keyed routes: it books 李雷 for the 2nd of next month there, then asks for last month's
 * and next month's bookings. Usage:
 *   npm run demo -- [--base-url http://localhost:7071/api] [--key <function key>]   (or env FLIGHTBOOK_KEY / FUNCTIONS_API_KEY)
 */
import { parseArgs } from 'node:util';
import type { TurnResult } from '../lib/ai/conversation';

const { values } = parseArgs({ options: { 'base-url': { type: 'string', default: 'http://localhost:7071/api' }, key: { type: 'string' } } });
const baseUrl = values['base-url'].replace(/\/+$/, '');
const key = values.key ?? process.env.FLIGHTBOOK_KEY ?? process.env.FUNCTIONS_API_KEY;

/** The 2nd of next month, as 12月2日. */
function nextMonthDay(): string {
  const [year, month] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()).split('-').map(Number) as [number, number];
  return `${(new Date(Date.UTC(year, month, 2)).getUTCMonth() + 1)}月2日`;
}

const scenarios: { title: string; desk?: boolean; messages: string[] }[] = [
  { title: '场景1: 智能预订流程', messages: ['我想预订明天早上从北京到上海的航班', '乘客张三', '确认'] },
  {
    title: '场景2: 复杂查询处理（柜台模式）',
    desk: true,
    messages: [`帮我预订${nextMonthDay()}从北京到上海的航班，乘客李雷`, '确认', '查找李先生上个月的所有预订，按日期排序', '查找李先生下个月的所有预订，按日期排序'],
  },
  { title: '场景3: 多Agent协作', messages: ['推荐一个后天上海到北京的航班', '第一个，乘客李明，靠窗', '确认', '请问MU5101后天几点起飞'] },
];

async function post<T>(path: string, desk: boolean, body?: unknown): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(desk && { 'x-functions-key': key! }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

async function main(): Promise<void> {
  for (const scenario of scenarios) {
    console.log(`\n=== ${scenario.title} ===`);
    const desk = scenario.desk ?? false;
    if (desk && !key) {
      console.log('(skipped: the agent desk needs the function key: pass --key or set FLIGHTBOOK_KEY / FUNCTIONS_API_KEY)');
      continue;
    }
    const base = desk ? '/assistant/desk' : '/assistant';
    const { id } = await post<{ id: string }>(`${base}/conversations`, desk);
    for (const text of scenario.messages) {
      const started = performance.now();
      const turn = await post<TurnResult>(`${base}/conversations/${id}/messages`, desk, { text });
      console.log(`\n👤 ${text}`);
      for (const action of turn.actions) {
        console.log(`   🔧 ${action.agent}.${action.tool}(${JSON.stringify(action.arguments)})${action.isError ? ' ✗ ' + JSON.stringify(action.result) : ' ✓'}`);
      }
      console.log(`🤖 ${turn.reply.replaceAll('\n', '\n   ')}`);
      console.log(`   [awaiting: ${turn.awaiting}, planner: ${turn.planner}, ${(performance.now() - started).toFixed(0)} ms]`);
    }
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
