import type * as z from 'zod/mini';

export interface DecodedList<T> {
  readonly items: T[];
  /** Items that failed validation and were left out; the first reason is kept for the frame. */
  readonly skipped: number;
  readonly firstProblem: string | null;
}

export type Decoded<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: string };

/** Turns one raw list item into a record, or says what is wrong with it. */
export type ItemDecoder<T> = (raw: unknown) => Decoded<T>;

export function issueText(error: z.core.$ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || 'item'}: ${issue.message}` : 'invalid';
}

export function schemaDecoder<T>(schema: z.ZodMiniType<T>): ItemDecoder<T> {
  return (raw) => {
    const result = schema.safeParse(raw);
    return result.success ? { ok: true, value: result.data } : { ok: false, problem: issueText(result.error) };
  };
}

/** Collects validated items; one bad item is skipped and counted instead of losing the whole list. */
export class ListCollector<T> {
  readonly items: T[] = [];
  private skipped = 0;
  private firstProblem: string | null = null;

  constructor(private readonly decode: ItemDecoder<T>) {}

  add = (raw: unknown): void => {
    const result = this.decode(raw);
    if (result.ok) {
      this.items.push(result.value);
      return;
    }
    this.skipped++;
    this.firstProblem ??= result.problem;
  };

  result(): DecodedList<T> {
    return { items: this.items, skipped: this.skipped, firstProblem: this.firstProblem };
  }
}
