import type { ReplyTexts } from './types.js';

/** German replies and confirmation page, formal "Sie" as in the notices. */
export const de: ReplyTexts = {
  purpose: 'Nachrichten',
  replies: {
    confirmation:
      'Danke! Sie erhalten ab jetzt {purpose} von {company} über {channel}. Abmelden: jederzeit „Stop“ senden.',
    confirm_request:
      'Bitte bestätigen Sie: Möchten Sie {purpose} von {company} über {channel} erhalten? Dann antworten Sie mit „Ja“.',
    withdrawal: 'Sie sind abgemeldet und erhalten keine Nachrichten von {company} mehr über {channel}.',
    access_ack: 'Ihre Auskunftsanfrage ist eingegangen. {company} antwortet innerhalb eines Monats.',
    erasure_ack:
      'Ihre Löschanfrage ist eingegangen. Sie sind abgemeldet; {company} löscht Ihre Daten innerhalb eines Monats.',
  },
  linkSentence: ' Oder bestätigen Sie über diesen Link (7 Tage gültig): {link}',
  confirmPage: {
    title: 'Anmeldung bestätigen',
    question: 'Möchten Sie {purpose} von {company} per E-Mail erhalten?',
    button: 'Ja, Anmeldung bestätigen',
    done: 'Anmeldung bestätigt',
    already: 'Ihre Anmeldung ist schon bestätigt.',
    used: 'Dieser Link wurde schon benutzt.',
    expired: 'Dieser Link ist abgelaufen. Bitte melden Sie sich noch einmal an.',
    withdrawn: 'Dieser Link gilt nicht mehr: die Anmeldung wurde zurückgezogen.',
    unknown: 'Diesen Link kennen wir nicht. Bitte prüfen Sie, ob er vollständig ist.',
  },
};
