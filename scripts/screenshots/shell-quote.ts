/** One word for sh, whatever it holds: single-quoted, with each ' closed, escaped and reopened. */
export const shellQuote = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;
