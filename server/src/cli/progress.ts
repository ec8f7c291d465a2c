// The "Linting 120/10000 files" line on a terminal's standard error, rewritten in place.
const REDRAW_EVERY_MS = 100;

export interface Progress {
  update(done: number): void;
  finish(): void;
}

export const NO_PROGRESS: Progress = { update: () => undefined, finish: () => undefined };

export function progressLine(total: number, write: (text: string) => void, now: () => number = Date.now): Progress {
  let lastDrawn = -Infinity;
  let shown = false;
  return {
    update(done) {
      if (done < total && now() - lastDrawn < REDRAW_EVERY_MS) return;
      lastDrawn = now();
      shown = true;
      write(`\r\u001b[2KLinting ${done}/${total} files`);
    },
    finish() {
      if (shown) write('\r\u001b[2K');
    },
  };
}
