import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/eventually';
import { daysFromToday, startHost, tempDir, type TestHost } from '../support/host';
import { assertBuilt, cliPath, runCli, stackTrace } from './run-cli';
import type { BookingView } from '../../cli/types';

let host: TestHost;
let env: Record<string, string>;
let assistantAvailable: boolean;

beforeAll(async () => {
  assertBuilt();
  host = await startHost();
  env = { FLIGHTBOOK_URL: host.baseUrl, FLIGHTBOOK_KEY: host.key };
  assistantAvailable = (await host.fetch('/assistant/conversations', { method: 'POST', json: {} })).status === 201;
});
afterAll(async () => {
  await host?.stop();
});

const hasScript = spawnSync('script', ['--version']).status === 0;

describe('flightbook booking / airline sessions (piped stdin)', () => {
  it('searches, creates a booking step by step with confirmation, asks the assistant, and exits', async () => {
    const input = ['search PEK SHA 明天 --direct', 'create', '', '上海', '明天', '', 'CA1001', '张三', '11B', 'y', 'list', '帮我查找张三的所有预订', 'exit', ''].join('\n');
    const result = await runCli(['booking'], { env, input });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('🎫 智能预订管理助手');
    expect(result.stdout).toMatch(/│ \d+\s+│ CA1001\s+│ 中国国际航空/);
    expect(result.stdout).toMatch(/可选座位 Free seats: 靠窗 window/);
    expect(result.stdout).toMatch(/CA1001 PEK→SHA \S+ 08:30, economy: ¥680 × 1 = ¥680; 张三, seat 11B/);
    const pnr = /预订创建成功！预订号 PNR: (\w{6})/.exec(result.stdout)?.[1];
    expect(pnr).toBeDefined();
    const booking = (await (await host.fetch(`/bookings/reference/${pnr}?last_name=张`)).json()) as BookingView;
    expect(booking).toMatchObject({ status: 'confirmed', seat_number: '11B', departure_date: daysFromToday(1) });
    if (assistantAvailable) expect(result.stdout).toContain('🤖 AI助手:');
    else expect(result.stderr).toContain('error: the assistant is not available on this server');
    expect(result.stdout.trim().endsWith('再见 Bye')).toBe(true);
    expect(result.stderr).not.toMatch(stackTrace);
  });

  it('a sentence reaches the assistant; its proposal is confirmed at the prompt', async ({ skip }) => {
    if (!assistantAvailable) skip();
    const input = ['明天北京到上海的航班', '第一个，乘客李雷', 'y', 'exit', ''].join('\n');
    const result = await runCli(['airline'], { env, input });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('🤖 AI助手:');
    expect(result.stdout).toContain('确认/confirm? [y/N] y');
    const found = (await (await host.fetch(`/bookings/search/${encodeURIComponent('李雷')}`, { staff: true })).json()) as BookingView[];
    expect(found).toHaveLength(1);
  });

  it('re-asks on bad answers in create and keeps going after a failing command', async () => {
    const input = ['create', 'Atlantis', 'PEK', 'SHA', 'someday', '明天', 'cheap', 'economy', '99', '1', '', '张三', '', 'n', 'show K7Q2MX --last-name 张', 'exit'].join('\n');
    const result = await runCli(['airline'], { env, input });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('✗ Unknown airport or city "Atlantis"');
    expect(result.stdout).toContain('✗ Not a date');
    expect(result.stdout).toContain('✗ economy, business or first');
    expect(result.stdout).toContain('✗ Choose 1–');
    expect(result.stdout).toContain('✗ A name as on the ID');
    expect(result.stderr).toContain('error: 未预订 Not booked');
    expect(result.stderr).toContain('error: No booking K7Q2MX with a passenger named 张');
    expect(result.stderr).not.toMatch(stackTrace);
  });

  it('writes command history to $FLIGHTBOOK_HOME/history and ends on end of input', async () => {
    const home = tempDir('flightbook-history-');
    const result = await runCli(['airline'], { env: { ...env, FLIGHTBOOK_HOME: home }, input: 'stats\nhelp\n' });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('航班 Flights');
    expect(fs.readFileSync(path.join(home, 'history'), 'utf8')).toBe('stats\nhelp\n');
  });

  it.runIf(hasScript)('in a terminal: tab completion, coloured status, history recalled from the last session', async () => {
    const made = await host.fetch('/bookings', { method: 'POST', json: { passengers: [{ name: '韩梅梅' }], segments: [{ flight_number: 'CA1001', date: daysFromToday(1) }] } });
    expect(made.status).toBe(201);
    const home = tempDir('flightbook-tty-');
    fs.writeFileSync(path.join(home, 'history'), 'list\n');
    const { spawn } = await import('node:child_process');
    const child = spawn('script', ['-qec', `${process.execPath} ${cliPath} booking`, '/dev/null'], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, TERM: 'xterm', FLIGHTBOOK_HOME: home, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    /** Waits until `text` has been written to the terminal since output position `from`. */
    const until = (text: string, from = 0) => eventually(`the terminal to show ${JSON.stringify(text)}`, () => output.slice(from).includes(text), { timeoutMs: 15_000 });
    /** Types keys and waits for the terminal to echo `echo` (what readline writes back for them). */
    const type = async (keys: string, echo?: string) => {
      const from = output.length;
      child.stdin.write(keys);
      if (echo) await until(echo, from);
    };
    await until('请输入命令或询问');
    await type('\x1b[A', 'list'); // ↑ recalls "list" from the previous session
    await type('\r');
    await until('\x1b[32mconfirmed\x1b[39m');
    await type('sta', 'sta');
    await type('\t', 'ts'); // completes to "stats"
    await type('\r');
    await until('航班 Flights');
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    await type('exit\r');
    await until('再见 Bye');
    child.stdin.end(); // script(1) waits for the end of its own input before it exits
    const code = await exited;
    expect(code).toBe(0);
    expect(fs.readFileSync(path.join(home, 'history'), 'utf8')).toBe('list\nlist\nstats\n');
  }, 60_000);

  it.runIf(hasScript)('NO_COLOR switches colours off even in a terminal', () => {
    const run = (extra: Record<string, string>) =>
      spawnSync('script', ['-qec', `${process.execPath} ${cliPath} booking`, '/dev/null'], {
        input: 'list\nexit\n',
        env: { PATH: process.env.PATH, HOME: process.env.HOME, TERM: 'xterm', FLIGHTBOOK_HOME: tempDir('flightbook-nocolor-'), ...env, ...extra },
        encoding: 'utf8',
        timeout: 20_000,
      }).stdout;
    expect(run({})).toContain('\x1b[32mconfirmed');
    const plain = run({ NO_COLOR: '1' });
    expect(plain).toContain('confirmed');
    expect(plain).not.toMatch(/\x1b\[3\dm/);
  });
});
