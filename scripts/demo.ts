/**
 * Plays the seed's three scenarios (智能预订流程, 复杂查询处理, 多Agent协作) against a running host and
 * prints the transcript with every MCP tool call. Usage: npm run demo -- [--base-url http://localhost:7071/api]
 */
import type { TurnResult } from '../lib/ai/conversation';

const flag = process.argv.indexOf('--base-url');
const baseUrl = (flag > 0 ? process.argv[flag + 1]! : 'http://localhost:7071/api').replace(/\/+$/, '');

const scenarios: { title: string; messages: string[] }[] = [
  { title: '场景1: 智能预订流程', messages: ['我想预订明天早上从北京到上海的航班', '乘客张三', '确认'] },
  { title: '场景2: 复杂查询处理', messages: ['查找李先生上个月的所有预订，按日期排序'] },
  { title: '场景3: 多Agent协作', messages: ['推荐一个后天上海到北京的航班', '第一个，乘客李明，靠窗', '确认', '请问MU5101后天几点起飞'] },
];

async function post<T>(path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

async function main(): Promise<void> {
  for (const scenario of scenarios) {
    console.log(`\n=== ${scenario.title} ===`);
    const { id } = await post<{ id: string }>('/assistant/conversations');
    for (const text of scenario.messages) {
      const started = performance.now();
      const turn = await post<TurnResult>(`/assistant/conversations/${id}/messages`, { text });
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
