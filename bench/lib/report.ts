/** One JSON line per measurement, so runs can be grepped, diffed and collected. */
export function printResult(line: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

/** Progress and notes go to stderr so stdout stays machine-readable. */
export function note(message: string): void {
  console.error(`# ${message}`);
}
