import { styleText } from 'node:util';

type Colour = Parameters<typeof styleText>[0];

/** Colours only for a terminal, and never with NO_COLOR set (https://no-color.org). */
export function coloursOn(stream: NodeJS.WriteStream = process.stdout): boolean {
  return Boolean(stream.isTTY) && !process.env.NO_COLOR;
}

export function paint(colour: Colour, text: string, stream: NodeJS.WriteStream = process.stdout): string {
  return coloursOn(stream) ? styleText(colour, text) : text;
}

const statusColours: Record<string, Colour> = { confirmed: 'green', pending: 'yellow', cancelled: 'red' };

export function status(text: string): string {
  const colour = statusColours[text];
  return colour ? paint(colour, text) : text;
}
