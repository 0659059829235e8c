import { InvalidArgumentError } from 'commander';
import * as values from './parse-values.js';

// The value parsers for commander's options. parse-values throws plain errors, so that kmon status
// can start without commander; commander reports a parser's refusal as a usage mistake ("option
// '--timeout <duration>' argument 'x' is invalid. …") only when it is an InvalidArgumentError.

export function forCommander<T>(parse: (text: string) => T): (text: string) => T {
  return (text) => {
    try {
      return parse(text);
    } catch (e) {
      throw new InvalidArgumentError((e as Error).message);
    }
  };
}

export const parsePositiveInt = forCommander(values.parsePositiveInt);
export const parseWholeSeconds = forCommander(values.parseWholeSeconds);
