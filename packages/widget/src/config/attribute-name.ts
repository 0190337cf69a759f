/**
 * The attribute a config path belongs to: `channels[1].phone` → `channels`,
 * `privacyPolicy` → `privacy-policy`. Error messages name what the site owner wrote.
 */
export function attributeName(path: string): string {
  const head = /^[A-Za-z]+/.exec(path)?.[0] ?? path;
  return head.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}
