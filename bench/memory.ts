import fs from 'node:fs';

function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // stat: "pid (comm) state ppid …"; comm may hold spaces, so read after the last ')'.
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) children.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return children;
}

function rssOf(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
}

function isAzurite(pid: number): boolean {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('azurite');
  } catch {
    return false;
  }
}

/**
 * Resident memory of the local host, in MB (Linux /proc): its process and its worker processes, not
 * the Azurite child, which stands in for Azure Storage and is not part of the app.
 */
export function hostRssMb(pid: number): number {
  let bytes = 0;
  const queue = [pid];
  while (queue.length) {
    const next = queue.pop()!;
    if (isAzurite(next)) continue;
    bytes += rssOf(next);
    queue.push(...childrenOf(next));
  }
  return Math.round(bytes / 1024 / 1024);
}
