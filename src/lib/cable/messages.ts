/**
 * Problems found in a cable, as data with a place, in the manner of vfile messages.
 * The parser never throws on bad input; it returns messages and lets the caller decide.
 */

export interface Message {
  /** Path of the cable file as given to the parser. */
  file: string;
  /** 1-based line in the file. */
  line: number;
  /** 1-based column in the line. */
  column: number;
  /** What is wrong and what to do about it. */
  reason: string;
  /** Stable rule id, e.g. `cable/missing-tags`. */
  ruleId: string;
  /** A fatal message means the file cannot become a page. */
  fatal: boolean;
}

export interface MessagePlace {
  line: number;
  column?: number;
}

/** Collects the messages of one file. */
export class MessageList {
  readonly file: string;
  readonly messages: Message[] = [];

  constructor(file: string) {
    this.file = file;
  }

  warn(ruleId: string, reason: string, place: MessagePlace): void {
    this.#push(ruleId, reason, place, false);
  }

  fail(ruleId: string, reason: string, place: MessagePlace): void {
    this.#push(ruleId, reason, place, true);
  }

  get hasFatal(): boolean {
    return this.messages.some((message) => message.fatal);
  }

  #push(ruleId: string, reason: string, place: MessagePlace, fatal: boolean): void {
    this.messages.push({
      file: this.file,
      line: place.line,
      column: place.column ?? 1,
      reason,
      ruleId,
      fatal,
    });
  }
}

/** `cables/X.txt:14:1  warning  TAGS line has no codes  cable/empty-tags` */
export function formatMessage(message: Message): string {
  const where = `${message.file}:${message.line}:${message.column}`;
  const severity = message.fatal ? 'error' : 'warning';
  return `${where}  ${severity}  ${message.reason}  ${message.ruleId}`;
}
