// Reads a Python literal (what repr() prints for dicts, lists, strings, numbers, True/False/None) without eval.

export class PythonLiteralError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '\\': '\\',
  "'": "'",
  '"': '"',
  n: '\n',
  t: '\t',
  r: '\r',
  b: '\b',
  f: '\f',
  v: '\v',
  a: '\x07',
  '0': '\0',
};

class PythonLiteralReader {
  private position = 0;

  constructor(
    private readonly text: string,
    private readonly firstLine: number,
  ) {}

  readDocument(): { value: unknown; end: number } {
    const value = this.readValue();
    return { value, end: this.position };
  }

  private lineAt(position: number): number {
    let line = this.firstLine;
    for (let index = 0; index < position && index < this.text.length; index++) {
      if (this.text[index] === '\n') line++;
    }
    return line;
  }

  private fail(message: string, position = this.position): never {
    throw new PythonLiteralError(message, this.lineAt(position));
  }

  private skipSpace(): void {
    while (this.position < this.text.length) {
      const char = this.text[this.position];
      if (char === '#') {
        while (this.position < this.text.length && this.text[this.position] !== '\n') this.position++;
      } else if (/\s/.test(char)) {
        this.position++;
      } else {
        return;
      }
    }
  }

  private readValue(): unknown {
    this.skipSpace();
    const char = this.text[this.position];
    if (char === undefined) this.fail('the literal ends early');
    if (char === '{') return this.readDict();
    if (char === '[') return this.readSequence(']');
    if (char === '(') return this.readSequence(')');
    if (char === "'" || char === '"' || /^[uU][\'"]/.test(this.text.slice(this.position, this.position + 2))) {
      return this.readStrings();
    }
    if (/[-+\d.]/.test(char)) return this.readNumber();
    const word = /^[A-Za-z_]\w*/.exec(this.text.slice(this.position))?.[0];
    if (word === 'True' || word === 'False' || word === 'None') {
      this.position += word.length;
      return word === 'True' ? true : word === 'False' ? false : null;
    }
    return this.fail(`unexpected ${word ? `name "${word}"` : `character "${char}"`} in a Python literal`);
  }

  private readDict(): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    this.position++;
    for (;;) {
      this.skipSpace();
      if (this.text[this.position] === '}') {
        this.position++;
        return result;
      }
      const keyStart = this.position;
      const key = this.readValue();
      if (typeof key !== 'string' && typeof key !== 'number')
        this.fail('a dict key must be a string or a number', keyStart);
      this.skipSpace();
      if (this.text[this.position] !== ':') this.fail('expected ":" after a dict key');
      this.position++;
      result[String(key)] = this.readValue();
      this.readSeparator('}');
    }
  }

  private readSequence(close: string): unknown[] {
    const result: unknown[] = [];
    this.position++;
    for (;;) {
      this.skipSpace();
      if (this.text[this.position] === close) {
        this.position++;
        return result;
      }
      result.push(this.readValue());
      this.readSeparator(close);
    }
  }

  /** After an item: a comma, or the closing bracket (left for the caller to consume). */
  private readSeparator(close: string): void {
    this.skipSpace();
    const char = this.text[this.position];
    if (char === ',') this.position++;
    else if (char !== close) this.fail(char === undefined ? `missing "${close}"` : `expected "," or "${close}"`);
  }

  /** One string literal, or several adjacent ones, which Python joins. */
  private readStrings(): string {
    let result = this.readString();
    for (;;) {
      const save = this.position;
      this.skipSpace();
      const char = this.text[this.position];
      if (char === "'" || char === '"') result += this.readString();
      else {
        this.position = save;
        return result;
      }
    }
  }

  private readString(): string {
    if (this.text[this.position] === 'u' || this.text[this.position] === 'U') this.position++;
    const start = this.position;
    const quote = this.text[this.position];
    if (this.text.startsWith(quote.repeat(3), this.position))
      return this.fail('triple-quoted strings are not supported');
    this.position++;
    let result = '';
    for (;;) {
      const char = this.text[this.position];
      if (char === undefined || char === '\n') return this.fail('a string is not closed', start);
      this.position++;
      if (char === quote) return result;
      result += char === '\\' ? this.readEscape() : char;
    }
  }

  private readEscape(): string {
    const char = this.text[this.position];
    if (char === undefined) return this.fail('a string ends with a backslash');
    this.position++;
    if (char === '\n') return '';
    if (char === 'x') return this.readCodePoint(2);
    if (char === 'u') return this.readCodePoint(4);
    if (char === 'U') return this.readCodePoint(8);
    if (/[0-7]/.test(char)) {
      const digits = char + (/^[0-7]{0,2}/.exec(this.text.slice(this.position))?.[0] ?? '');
      this.position += digits.length - 1;
      return String.fromCodePoint(parseInt(digits, 8));
    }
    if (char in SIMPLE_ESCAPES) return SIMPLE_ESCAPES[char];
    // Python keeps an unknown escape as written, backslash included.
    return '\\' + char;
  }

  private readCodePoint(length: number): string {
    const hex = this.text.slice(this.position, this.position + length);
    if (!new RegExp(`^[0-9a-fA-F]{${length}}$`).test(hex)) return this.fail(`"\\${hex}" is not a valid escape`);
    this.position += length;
    const codePoint = parseInt(hex, 16);
    if (codePoint > 0x10ffff) return this.fail(`"\\${hex}" is beyond Unicode`);
    return String.fromCodePoint(codePoint);
  }

  private readNumber(): number {
    const match = /^[-+]?(?:\d[\d_]*(?:\.[\d_]*)?|\.\d[\d_]*)(?:[eE][-+]?\d+)?/.exec(this.text.slice(this.position));
    if (!match) return this.fail('not a number');
    this.position += match[0].length;
    return Number(match[0].replace(/_/g, ''));
  }
}

/**
 * Parses the Python literal that starts at `text`; `firstLine` is the line number of its first
 * character in the whole source, for error messages. Returns the value and where it ended.
 */
export function parsePythonLiteral(text: string, firstLine = 1): { value: unknown; end: number } {
  return new PythonLiteralReader(text, firstLine).readDocument();
}
