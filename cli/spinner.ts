const frames = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/** Runs `work` with a spinner on stderr while it waits; nothing is drawn unless stderr is a terminal. */
export async function withSpinner<T>(label: string, work: () => Promise<T>, stream: NodeJS.WriteStream = process.stderr): Promise<T> {
  if (!stream.isTTY) return work();
  let frame = 0;
  const draw = () => stream.write(`\r${frames[frame++ % frames.length]} ${label}`);
  const timer = setInterval(draw, 80);
  draw();
  try {
    return await work();
  } finally {
    clearInterval(timer);
    stream.write('\r\x1b[2K');
  }
}
