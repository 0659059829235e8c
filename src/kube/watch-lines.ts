// A watch body is newline-delimited JSON events; chunks end anywhere, so a partial line waits for
// the next chunk. Lines are handed over as text; the caller parses and validates them.
export class LineSplitter {
  private rest = '';
  private readonly decoder = new TextDecoder();

  constructor(private readonly onLine: (line: string) => void) {}

  push(chunk: Buffer): void {
    const text = this.rest + this.decoder.decode(chunk, { stream: true });
    const lines = text.split('\n');
    this.rest = lines.pop() ?? '';
    for (const line of lines) if (line.trim()) this.onLine(line);
  }

  /** At the end of the body: a last line with no newline after it. */
  end(): void {
    const last = this.rest + this.decoder.decode();
    this.rest = '';
    if (last.trim()) this.onLine(last);
  }
}
