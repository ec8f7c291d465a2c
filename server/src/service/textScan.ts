// Scans over a whole record text that a JavaScript loop makes slow on large records (one stop per
// colon or line feed: tens of thousands in a 1.5 MB record), done sixteen characters at a time by
// a small WebAssembly module (wasm/textScan.wat). The last text scanned stays in its memory, so the
// scans of one validation copy it in once.
import { TEXT_SCAN_WASM } from './wasm/textScanBinary';

interface TextScanExports {
  memory: WebAssembly.Memory;
  countLineFeeds(from: number, to: number): number;
  lastLineFeed: WebAssembly.Global;
  bareCarriageReturn: WebAssembly.Global;
  indexKeys(length: number, out: number): number;
  mayHoldInvalidCharacters(length: number): number;
}

/** 1-based line and column of an offset, for messages about small files (configs, schemas, pages). */
export function lineAndColumnAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}

const PAGE_BYTES = 65536;
/** Spaces after the text (32 units): scans read whole blocks of sixteen units, and one unit more, past its end. */
const PADDING_BYTES = 64;

/**
 * A WebAssembly memory only grows: texts above this many characters get a scanner of their own,
 * dropped with them, so that one huge file does not keep its copy for the life of the server.
 */
const LARGE_TEXT = 4 * 1024 * 1024;

let compiledModule: WebAssembly.Module | undefined;

class TextScanner {
  private readonly exports: TextScanExports;
  private loaded: string | undefined;

  constructor() {
    compiledModule ??= new WebAssembly.Module(new Uint8Array(Buffer.from(TEXT_SCAN_WASM, 'base64')));
    this.exports = new WebAssembly.Instance(compiledModule, {}).exports as unknown as TextScanExports;
  }

  holds(text: string): boolean {
    return this.loaded === text;
  }

  lineFeeds(text: string, from: number, to: number): LineFeeds {
    this.load(text);
    const count = this.exports.countLineFeeds(from, to);
    return { count, last: this.exports.lastLineFeed.value as number, bareCarriageReturn: this.exports.bareCarriageReturn.value === 1 };
  }

  /** The number of key colons (colons after a quote, whitespace aside) and the offset of every 64th one. */
  keyColons(text: string): { count: number; checkpoints: number[] } {
    this.load(text);
    const out = this.checkpointArea(text);
    const count = this.exports.indexKeys(text.length, out);
    const checkpoints = Array.from(new Int32Array(this.exports.memory.buffer, out, Math.ceil(count / 64)));
    return { count, checkpoints };
  }

  mayHoldInvalidCharacters(text: string): boolean {
    this.load(text);
    return this.exports.mayHoldInvalidCharacters(text.length) === 1;
  }

  private checkpointArea(text: string): number {
    return (text.length * 2 + PADDING_BYTES + 3) & ~3;
  }

  private load(text: string): void {
    if (this.loaded === text) return;
    const needed = this.checkpointArea(text) + 4 * (Math.ceil(text.length / 64) + 1);
    const { memory } = this.exports;
    if (memory.buffer.byteLength < needed) memory.grow(Math.ceil((needed - memory.buffer.byteLength) / PAGE_BYTES));
    const bytes = Buffer.from(memory.buffer);
    bytes.write(text, 0, 'utf16le');
    bytes.fill(' ', text.length * 2, text.length * 2 + PADDING_BYTES, 'utf16le');
    this.loaded = text;
  }
}

let scanner: TextScanner | undefined;
let largeTextScanner: TextScanner | undefined;

function textScanner(text: string): TextScanner {
  if (text.length <= LARGE_TEXT) {
    largeTextScanner = undefined;
    scanner ??= new TextScanner();
    return scanner;
  }
  if (!largeTextScanner?.holds(text)) largeTextScanner = new TextScanner();
  return largeTextScanner;
}

/**
 * Line feeds in text[from, to), the offset of the last of them (-1 without any), and whether a
 * carriage return there is a line break of its own (no line feed after it), which they do not count.
 */
export interface LineFeeds {
  count: number;
  last: number;
  bareCarriageReturn: boolean;
}

export function lineFeedsBetween(text: string, from: number, to: number): LineFeeds {
  return to <= from ? { count: 0, last: -1, bareCarriageReturn: false } : textScanner(text).lineFeeds(text, from, Math.min(to, text.length));
}

/** Colons that follow a quote with only whitespace between (every key's, and rarely one in a string), with every 64th one's offset. */
export function keyColons(text: string): { count: number; checkpoints: number[] } {
  return textScanner(text).keyColons(text);
}

/**
 * False when no string in the text can hold a character the text-characters rule reports: none of
 * those characters is in the text, nor an escape (\u, \b, \f) that could stand for one.
 */
export function mayHoldInvalidCharacters(text: string): boolean {
  return textScanner(text).mayHoldInvalidCharacters(text);
}
