/**
 * Fills `{name}` placeholders in one pass. Values are inserted verbatim and never scanned again,
 * so a company called "{message}" or "<script>" stays exactly that text. Unknown placeholders
 * stay as they are, which makes a typo in an override visible instead of silently blank.
 */
export function fillPlaceholders(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{([A-Za-z]+)\}/g, (whole, name: string) =>
    Object.hasOwn(values, name) ? (values[name] as string) : whole,
  );
}

/** The visitor's own values, which the archived notice keeps as placeholders. */
export interface VisitorValues {
  /** The start message, e.g. "Start News Firma K7Q2X9". */
  message: string;
  /** The reference code in it; '' without one. */
  ref: string;
}

/** The parts of a notice that the dialog shows. */
interface Shown {
  title: string;
  firstLayer: readonly { heading?: string; text: string; link?: { label: string; href: string } }[];
  secondLayer: readonly { heading?: string; text: string; link?: { label: string; href: string } }[];
  checkboxLabel: string;
  confirmLabel: string;
}

/**
 * The notice as the visitor sees it: `{message}` and `{ref}` filled in for display only. `text` and
 * `sha256` stay the archived template, so the visitor's data never reaches the archive
 * (docs/notices.md, "What is hashed and archived").
 */
export function fillNotice<T extends Shown>(notice: T, visitor: VisitorValues): T {
  const values = { message: visitor.message, ref: visitor.ref };
  const fill = (text: string) => fillPlaceholders(text, values);
  const blocks = (list: Shown['firstLayer']) => list.map((block) => ({ ...block, text: fill(block.text) }));
  return {
    ...notice,
    title: fill(notice.title),
    firstLayer: blocks(notice.firstLayer),
    secondLayer: blocks(notice.secondLayer),
    checkboxLabel: fill(notice.checkboxLabel),
    confirmLabel: fill(notice.confirmLabel),
  };
}
