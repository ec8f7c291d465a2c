// What a custom rule reports, checked where it enters the engine: a team's rule is code we do not
// control, and one malformed report must become that rule's error, not stop the whole run.
import { isPlainObject, severityFromWord, type Fix, type Report } from '../service/types';
import { isRealPartialDate } from '../service/dates';

/** The report as the engine takes it (severity in the engine's words); throws an Error saying what is wrong. */
export function checkedReport(report: unknown): Report {
  if (!isPlainObject(report))
    throw new Error(`it reported ${describe(report)}; a report is an object { pointer, message }`);
  const { pointer, message, target, related, fix, suggestions, severity, due, fields } = report;
  if (!isPointer(pointer))
    throw new Error(
      `it reported the pointer ${describe(pointer)}; a pointer is a string: "" for the whole record, else "/" and the path`,
    );
  if (typeof message !== 'string')
    throw new Error(`it reported the message ${describe(message)} at "${pointer}"; a message is a string`);
  const checked: Report = { pointer, message };
  if (target !== undefined) {
    if (target !== 'key' && target !== 'value')
      throw new Error(`it reported the target ${describe(target)}; a target is "key" or "value"`);
    checked.target = target;
  }
  if (severity !== undefined) {
    const word = severityFromWord(severity);
    if (!word) throw new Error(`it reported the severity ${describe(severity)}; use "error", "warn", "info" or "hint"`);
    checked.severity = word;
  }
  if (related !== undefined)
    checked.related = checkedList(related, 'related', (item) => {
      if (!isPlainObject(item) || !isPointer(item.pointer) || typeof item.message !== 'string')
        throw new Error(`it reported a related place ${describe(item)}; each is { pointer, message }`);
      return { pointer: item.pointer, message: item.message };
    });
  if (due !== undefined) {
    if (typeof due !== 'string' || !isRealPartialDate(due))
      throw new Error(`it reported the due date ${describe(due)}; a due date is yyyy, yyyy-MM or yyyy-MM-dd`);
    checked.due = due;
  }
  if (fields !== undefined)
    checked.fields = checkedList(fields, 'fields', (field) => {
      if (!isPointer(field)) throw new Error(`it reported a field ${describe(field)}; each is a pointer`);
      return field;
    });
  if (fix !== undefined) checked.fix = checkedFix(fix);
  if (suggestions !== undefined) checked.suggestions = checkedList(suggestions, 'suggestions', checkedFix);
  return checked;
}

function checkedFix(fix: unknown): Fix {
  if (!isPlainObject(fix) || typeof fix.title !== 'string' || !Array.isArray(fix.changes))
    throw new Error(`it reported the fix ${describe(fix)}; a fix is { title, changes: [...] }`);
  for (const change of fix.changes) {
    const valid =
      isPlainObject(change) &&
      isPointer(change.pointer) &&
      (change.op === 'remove' ||
        (change.op === 'set' && 'value' in change) ||
        (change.op === 'rename' && typeof change.newKey === 'string'));
    if (!valid)
      throw new Error(
        `its fix "${fix.title}" has the change ${describe(change)}; a change is { op: "set", pointer, value }, { op: "remove", pointer } or { op: "rename", pointer, newKey }`,
      );
  }
  return fix as unknown as Fix;
}

function checkedList<T>(value: unknown, name: string, check: (item: unknown) => T): T[] {
  if (!Array.isArray(value)) throw new Error(`it reported ${name} ${describe(value)}; ${name} is a list`);
  return value.map(check);
}

function isPointer(value: unknown): value is string {
  return typeof value === 'string' && (value === '' || value.startsWith('/'));
}

/** A value as it appears in a message: JSON, cut short. */
function describe(value: unknown): string {
  const text = value === undefined ? 'undefined' : (JSON.stringify(value) ?? String(value));
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}
