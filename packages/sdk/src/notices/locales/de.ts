import type { NoticeTemplates } from '../types.js';

/**
 * German notice templates, formal "Sie" throughout (the senders are businesses). Short sentences,
 * the important part first; the second layer is behind "Details". Templates, not legal advice.
 * Bump `version` with every text change.
 */
export const de: NoticeTemplates = {
  locale: 'de',
  version: '1',
  texts: {
    title: '{purpose} von {company} {via}',
    titleNoPurpose: 'Nachrichten von {company} {via}',
    topicDefault: 'Nachrichten',
    via: 'über {channel}',
    app: '{channel}',
    who: 'Sie erhalten {topic} von {company} {via}. Mit dem Senden der Nachricht willigen Sie ein, Nachrichten von {company} zu erhalten.',
    whatHappens:
      '{app} öffnet sich mit der Nachricht „{message}“. Erst wenn Sie sie senden, erhalten wir {identifier}; dann können wir Ihnen schreiben.',
    whatHappensCopy:
      '{app} öffnet sich. Senden Sie dort selbst die Nachricht „{message}“; Sie können sie hier kopieren. Erst wenn Sie sie senden, erhalten wir {identifier}; dann können wir Ihnen schreiben.',
    provider: 'Auch der Anbieter von {channel} verarbeitet Ihre Daten: {provider}. {transfer}',
    dpf: 'Für die USA gilt der Angemessenheitsbeschluss der EU-Kommission zum EU-US Data Privacy Framework: Bei zertifizierten US-Unternehmen gilt der Datenschutz als angemessen. Das EU-Gericht hat den Beschluss am 3. September 2025 bestätigt; ein Rechtsmittel ist anhängig.',
    dpfHeading: 'Übermittlung in die USA',
    stop: 'Abmelden geht jederzeit: Senden Sie „{withdrawMessage}“ {via} oder melden Sie sich hier ab.',
    privacy: 'Alles Weitere steht in der Datenschutzerklärung von {company}.',
    privacyLinkLabel: 'Datenschutzerklärung',
    controllerHeading: 'Verantwortlich',
    controller: '{controller}',
    controllerMissing: '{company}. Anschrift und Kontakt finden Sie in der Datenschutzerklärung.',
    legalBasisHeading: 'Rechtsgrundlage',
    legalBasis:
      'Ihre Einwilligung (Art. 6 Abs. 1 lit. a DSGVO). Für Werbung verlangt auch § 7 Abs. 2 UWG Ihre vorherige ausdrückliche Einwilligung.',
    dataHeading: 'Ihre Daten',
    contact: 'Ihre Kontaktdaten in {channel} (Telefonnummer oder Benutzername und Profilname)',
    data: 'Wir verarbeiten {contact}, den Inhalt Ihrer Nachrichten an uns und Zustelldaten (etwa Zeitpunkt und Zustellstatus). Außerdem bewahren wir den Nachweis Ihrer Einwilligung auf: Zeitpunkt, Version dieses Hinweises und die Seite, auf der Sie eingewilligt haben.',
    storageHeading: 'Wie lange',
    storage:
      'Bis Sie Ihre Einwilligung widerrufen. Den Nachweis der Einwilligung bewahren wir danach auf, solange wir sie belegen müssen.',
    rightsHeading: 'Ihre Rechte',
    rights:
      'Sie haben das Recht auf Auskunft, Berichtigung, Löschung, Einschränkung der Verarbeitung, Datenübertragbarkeit und Widerspruch. Sie können sich bei einer Datenschutz-Aufsichtsbehörde beschweren. Ein Widerruf beendet die Nachrichten; was vorher geschah, bleibt rechtmäßig.',
    voluntaryHeading: 'Freiwillig',
    voluntary:
      'Die Anmeldung ist freiwillig. Wir laden kein Adressbuch hoch und lesen keine Kontakte aus Ihrem Telefon. Wir schreiben Ihnen erst, wenn Sie die Nachricht gesendet haben.',
    checkboxLabel: 'Ich habe den Hinweis gelesen und möchte {topic} von {company} {via} erhalten.',
    confirmLabel: '{channel} öffnen',
    withdrawTitle: 'Von {company} {via} abmelden',
    withdraw:
      'Senden Sie „{withdrawMessage}“ {via}, um sich abzumelden. {app} öffnet sich mit dieser Nachricht.',
    withdrawCopy:
      'Senden Sie „{withdrawMessage}“ {via}, um sich abzumelden. {app} öffnet sich; Sie können die Nachricht hier kopieren.',
    withdrawAfter: 'Danach erhalten Sie von {company} keine Nachrichten mehr {via}.',
    withdrawConfirmLabel: '{channel} öffnen',
  },
  // The channel files phrase what the business receives in the informal "du"; these notices say
  // "Sie" throughout, in the accusative that "erhalten wir …" and "Wir verarbeiten …" need.
  channelTexts: {
    whatsapp: { identifier: 'Ihre Telefonnummer' },
    telegram: { identifier: 'Ihren Telegram-Namen und Benutzernamen' },
    messenger: { identifier: 'Ihren Facebook-Namen und Ihr Profil' },
    instagram: { identifier: 'Ihren Instagram-Benutzernamen' },
    viber: { identifier: 'Ihren Viber-Namen und Ihre Nutzer-ID' },
    threema: { identifier: 'Ihre Threema-ID' },
    signal: { identifier: 'Ihren Signal-Profilnamen und, wenn Sie sie teilen, Ihre Telefonnummer' },
    line: { identifier: 'Ihren LINE-Namen und Ihre Nutzer-ID' },
    sms: {
      identifier: 'Ihre Telefonnummer',
      providerName: 'Ihr Mobilfunkanbieter und der SMS-Anbieter des Unternehmens',
      via: 'per SMS',
      app: 'Ihre SMS-App',
      provider: 'Außerdem verarbeiten Ihre Daten: {provider}. {transfer}',
      contact: '{identifier}',
    },
    email: {
      identifier: 'Ihre E-Mail-Adresse',
      via: 'per E-Mail',
      app: 'Ihr E-Mail-Programm',
      provider: 'Außerdem verarbeiten Ihre Daten: {provider}. {transfer}',
      contact: '{identifier} und Ihren Namen, falls Ihr E-Mail-Programm ihn mitschickt',
    },
  },
};
