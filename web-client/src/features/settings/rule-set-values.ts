/** A rule-set document: one object per module section (`intake`, `dispatch`, …). */
export type RuleSetDocument = Record<string, Record<string, unknown>>;

/** A statutory period: `{ days, workingDays, source }` somewhere at the top of a section. */
export interface PeriodRow {
  section: string;
  step: string;
  days: number;
  workingDays: boolean;
  source: string | null;
}

/** A plain number at the top of a section (thresholds, windows). */
export interface NumberRow {
  section: string;
  key: string;
  value: number;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isPeriod = (value: unknown): value is { days: number; workingDays: boolean; source?: unknown } =>
  isObject(value) && typeof value.days === 'number' && typeof value.workingDays === 'boolean';

/** Reads the API's document, which is typed loosely; anything that is not an object of objects is refused. */
export function asRuleSetDocument(value: unknown): RuleSetDocument | null {
  if (!isObject(value)) return null;
  const sections = Object.values(value);
  return sections.every(isObject) ? (value as RuleSetDocument) : null;
}

export function periodsOf(document: RuleSetDocument): PeriodRow[] {
  return Object.entries(document).flatMap(([section, values]) =>
    Object.entries(values)
      .filter((entry): entry is [string, { days: number; workingDays: boolean; source?: unknown }] => isPeriod(entry[1]))
      .map(([step, period]) => ({
        section,
        step,
        days: period.days,
        workingDays: period.workingDays,
        source: typeof period.source === 'string' ? period.source : null,
      })),
  );
}

export function numbersOf(document: RuleSetDocument): NumberRow[] {
  return Object.entries(document).flatMap(([section, values]) =>
    Object.entries(values)
      .filter((entry): entry is [string, number] => typeof entry[1] === 'number')
      .map(([key, value]) => ({ section, key, value })),
  );
}

/** A copy of the document with one period changed; everything else (source, other keys) stays as it was. */
export function withPeriod(document: RuleSetDocument, section: string, step: string, change: { days?: number; workingDays?: boolean }): RuleSetDocument {
  const values = document[section] ?? {};
  const period = values[step];
  if (!isObject(period)) return document;
  return { ...document, [section]: { ...values, [step]: { ...period, ...change } } };
}

export function withNumber(document: RuleSetDocument, section: string, key: string, value: number): RuleSetDocument {
  const values = document[section] ?? {};
  return { ...document, [section]: { ...values, [key]: value } };
}

export type ParsedDocument = { ok: true; document: RuleSetDocument } | { ok: false; reason: 'syntax'; message: string } | { ok: false; reason: 'shape' };

export function parseDocument(text: string): ParsedDocument {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: 'syntax', message: error instanceof Error ? error.message : String(error) };
  }
  const document = asRuleSetDocument(value);
  return document ? { ok: true, document } : { ok: false, reason: 'shape' };
}

/** `document.intake.acceptanceDeadline.days` from the API becomes `intake.acceptanceDeadline.days`. */
export const problemPath = (field: string): string => field.replace(/^document\.?/, '');
