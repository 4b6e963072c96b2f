import { spawn } from 'node:child_process';
import { once } from 'node:events';

/** A bare Node http server returning a small JSON body, in its own process like the host: the ceiling. */
export async function startBareServer(): Promise<{ url: string; stop: () => void }> {
  const source = `
    const http = require('node:http');
    const body = JSON.stringify({ status: 'ok', flights: [{ flight_number: 'CA1001', price: 680 }] });
    const server = http.createServer((req, res) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end(body); });
    server.listen(0, '127.0.0.1', () => console.log('port ' + server.address().port));`;
  const child = spawn(process.execPath, ['-e', source], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [chunk] = (await once(child.stdout!, 'data')) as [Buffer];
  const port = /port (\d+)/.exec(chunk.toString())![1];
  return { url: `http://127.0.0.1:${port}/`, stop: () => child.kill() };
}
