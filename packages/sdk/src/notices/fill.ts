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
