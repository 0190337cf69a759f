/**
 * A heading starts with a capital letter, also when it starts with the site owner's `purpose`
 * ("news and offers from Firma via Signal" → "News and …"). A first word that already mixes cases
 * is a brand and stays as written ("eBay deals", "iPhone news").
 */
export function headingCase(heading: string, locale: string): string {
  const first = /^\p{L}[^\s]*/u.exec(heading)?.[0];
  if (!first || first !== first.toLocaleLowerCase(locale)) return heading;
  const [letter = ''] = heading;
  return letter.toLocaleUpperCase(locale) + heading.slice(letter.length);
}
