/** One figure the bench reports, with the target it is judged against. */
export interface Figure {
  name: string;
  measured: string;
  target: string;
  /** Undefined when the figure has no pass/fail target or could not be measured. */
  met?: boolean;
}

export const figures: Figure[] = [];

export function report(figure: Figure): void {
  figures.push(figure);
}

export function median(values: number[]): number {
  return percentile(values, 50);
}

export function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function printFigures(): void {
  const width = Math.max(...figures.map((f) => f.name.length));
  console.log('\nFigures and targets');
  for (const figure of figures) {
    const verdict = figure.met === undefined ? '' : figure.met ? '  met' : '  NOT MET';
    console.log(`  ${figure.name.padEnd(width)}  ${figure.measured.padEnd(28)}  target ${figure.target}${verdict}`);
  }
}
