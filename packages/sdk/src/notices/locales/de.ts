import type { NoticeTemplates } from '../types.js';

/**
 * German notice templates, formal "Sie" throughout (the senders are businesses). Short sentences,
 * the important part first; the second layer is behind "Details". What each text says and why:
 * docs/notices.md. Templates, not legal advice. Bump `version` with every text change.
 */
export const de: NoticeTemplates = {
  locale: 'de',
  version: '2',
  texts: {
    title: '{purpose} von {company} {via}',
    via: 'über {channel}',
    app: '{channel}',
    intro: '{company} schickt Ihnen {purpose} {via}{frequency}.',
    ads: 'Die Nachrichten enthalten Werbung für {advertising}.',
    noAds: 'Sie enthalten keine Werbung.',
    advertisingDefault: 'Produkte und Angebote von {company}',
    act: 'Mit dem Senden der Nachricht',
    actStart: 'Mit dem Tippen auf START',
    onSend:
      '{app} öffnet sich mit der Nachricht „{message}“. Erst wenn Sie sie senden, erhalten wir {identifier}.',
    onSendCopy:
      '{app} öffnet sich. Senden Sie dort die Nachricht „{message}“; Sie können sie hier kopieren. Erst dann erhalten wir {identifier}.',
    onOpen:
      '{app} öffnet den Chat mit {company}. Schon dabei, bevor Sie etwas schreiben, erhalten wir {identifier}. Senden Sie dann die Nachricht „{message}“.',
    onOpenCopy:
      '{app} öffnet den Chat mit {company}. Schon dabei, bevor Sie etwas schreiben, erhalten wir {identifier}. Senden Sie dann die Nachricht „{message}“; Sie können sie hier kopieren.',
    onStart:
      'Telegram öffnet den Chat mit unserem Bot. Tippen Sie dort auf START; mehr ist nicht nötig. Telegram schickt uns dabei Ihren Code {ref} und {identifier}.',
    onStartNoRef:
      'Telegram öffnet den Chat mit unserem Bot. Tippen Sie dort auf START; mehr ist nicht nötig. Telegram schickt uns dabei {identifier}.',
    consent: '{act} willigen Sie ein, {purpose} von {company} {via} zu erhalten, einschließlich der Werbung.',
    consentNoAds: '{act} willigen Sie ein, {purpose} von {company} {via} zu erhalten.',
    provider:
      '{providerName} erhält dabei als eigenständiger Verantwortlicher {providerData}, wie bei jeder Nutzung von {channel}. Daten gehen auch {countries} (Details).',
    providerCompact:
      '{providerName} ist dabei eigenständiger Verantwortlicher, wie bei jeder Nutzung von {channel}.',
    countries: '{countries}',
    processorsHint: 'Außerdem arbeiten Dienstleister für uns (Details).',
    transferRisk:
      'Signal verarbeitet Ihre Daten in den USA und nennt dafür keine Garantie nach Kapitel V DSGVO und keinen Vertreter in der EU. Das Risiko: US-Behörden können auf Daten zugreifen, und Ihre Rechte sind dort schwerer durchzusetzen. Inhalte verschlüsselt Signal Ende-zu-Ende.',
    stop: 'Abmelden geht jederzeit: Senden Sie einfach „{stop}“ {via}; das genügt.',
    stopLink: 'Oder tippen Sie hier auf „{unsubscribeLabel}“.',
    unsubscribeLabel: 'Abmelden',
    privacy: '',
    privacyLinkLabel: 'Datenschutzerklärung',
    privacyVersion: ' (Stand: {privacyPolicyVersion})',
    checkbox:
      'Ja, ich möchte {purpose} von {company} {via} erhalten, einschließlich Werbung für {advertising}.',
    checkboxNoAds: 'Ja, ich möchte {purpose} von {company} {via} erhalten.',
    checkboxTransfer: ' Ich willige ein, dass meine Daten dafür in die USA übermittelt werden.',
    confirmLabel: '{channel} öffnen',
    detailsLabel: 'Details',
    controllerHeading: 'Verantwortlich',
    controller: '{controller}',
    controllerMissing: '{company}. Anschrift und Kontakt finden Sie in der Datenschutzerklärung.',
    dpo: 'Datenschutzbeauftragte(r): {dpo}',
    purposeHeading: 'Zweck',
    purposeDetails: 'Wir laden kein Adressbuch hoch und lesen keine Kontakte aus Ihrem Telefon.',
    legalBasisHeading: 'Rechtsgrundlage',
    legalBasis:
      'Rechtsgrundlage ist Ihre Einwilligung (Art. 6 Abs. 1 lit. a DSGVO); für Werbung per Messenger, SMS oder E-Mail verlangt § 7 Abs. 2 Nr. 2 UWG Ihre vorherige ausdrückliche Einwilligung.',
    legalBasisTransfer:
      'Die Übermittlung in die USA stützt sich auf Ihre ausdrückliche Einwilligung (Art. 49 Abs. 1 lit. a DSGVO).',
    dataHeading: 'Ihre Daten',
    data: 'Wir erhalten {identifier}, Ihre Nachrichten an uns und Zustelldaten (Zeitpunkt, Zustell- und Lesestatus). Als Nachweis speichern wir Zeitpunkt, Code, Fassung dieses Hinweises, Seite (ohne Parameter) und Ihre Start-Nachricht, keine IP-Adresse. Bis der Nachweis bei uns ankommt, liegt er höchstens 7 Tage in Ihrem Browser.',
    dataUnsent:
      'Senden Sie die Nachricht nicht, nutzen wir diese Angaben nur zur Zuordnung und löschen sie nach {unconfirmedDays} Tagen.',
    recipientsHeading: 'Empfänger',
    recipient: '{providerName} ({seat}) erhält als eigenständiger Verantwortlicher {providerData}.',
    processor: '{name}, {country}: {role}, in unserem Auftrag (Art. 28 DSGVO). {transfer}',
    transferHeading: 'Übermittlung außerhalb von EU/EWR',
    dpf: 'Für die USA gilt der Angemessenheitsbeschluss der EU-Kommission zum EU-US Data Privacy Framework (Durchführungsbeschluss (EU) 2023/1795). Das Gericht der EU hat die Nichtigkeitsklage dagegen am 3. September 2025 abgewiesen (T-553/23); ein Rechtsmittel beim Gerichtshof ist anhängig (C-703/25 P).',
    safeguards: 'Eine Kopie der Garantien erhalten Sie über die Kontaktdaten oben.',
    providerPolicy: 'Datenschutzrichtlinie von {channel}',
    storageHeading: 'Speicherdauer',
    storage:
      'Ihre Kontaktdaten und Nachrichten speichern wir, bis Sie sich abmelden. Den Nachweis Ihrer Einwilligung bewahren wir danach noch {retentionYears} Jahre ab dem Ende des Jahres Ihrer Abmeldung auf, um belegen zu können, dass Sie eingewilligt hatten (Art. 17 Abs. 3 lit. e, Art. 6 Abs. 1 lit. c und f DSGVO); dann löschen wir ihn.',
    storageUnconfirmed:
      'Kommt Ihre Start-Nachricht nicht an, löschen wir die Angaben zu diesem Vorgang nach {unconfirmedDays} Tagen.',
    withdrawalHeading: 'Widerruf',
    withdrawal:
      'Sie können Ihre Einwilligung jederzeit widerrufen; was bis dahin geschah, bleibt rechtmäßig. Dafür genügt „{stop}“ {via}, groß oder klein geschrieben.',
    rightsHeading: 'Ihre Rechte',
    rights:
      'Sie haben das Recht auf Auskunft, Berichtigung, Löschung, Einschränkung der Verarbeitung, Datenübertragbarkeit und Widerspruch und können sich bei einer Datenschutz-Aufsichtsbehörde beschweren. Die Anmeldung ist freiwillig und ab {minAge} Jahren möglich. Wir treffen keine automatisierten Entscheidungen.',
    withdrawTitle: 'Von {company} {via} abmelden',
    withdraw:
      'Senden Sie „{withdrawMessage}“ {via}, um sich abzumelden. {app} öffnet sich mit dieser Nachricht.',
    withdrawCopy:
      'Senden Sie „{withdrawMessage}“ {via}, um sich abzumelden. {app} öffnet sich; Sie können die Nachricht hier kopieren.',
    withdrawAfter: 'Danach erhalten Sie von {company} keine Nachrichten mehr {via}.',
    withdrawConfirmLabel: '{channel} öffnen',
    identifierAccount: '',
    ownProviderRole: '',
    extra: '',
  },
  channelTexts: {
    telegram: {
      identifierAccount:
        'Ihren Namen, Ihren Benutzernamen, falls eingestellt, und Ihre Telefonnummer, falls Ihre Einstellungen sie zeigen',
      withdrawCopy:
        'Telegram öffnet den Chat mit unserem Bot. Tippen Sie dort auf START oder senden Sie „{stop}“, um sich abzumelden.',
    },
    messenger: {
      act: 'Mit dem Senden der Nachricht (in einem neuen Chat schon mit „Los geht’s“)',
    },
    instagram: {
      act: 'Mit dem Senden der Nachricht (in einem neuen Chat schon mit dem Tippen auf eine vorgeschlagene Frage)',
    },
    line: {
      onSend:
        '{app} öffnet sich mit der Nachricht „{message}“. Erst wenn Sie sie senden oder unser Konto als Freund hinzufügen, erhalten wir {identifier}.',
    },
    sms: {
      recipient: '{providerName} erhält als eigenständiger Verantwortlicher {providerData}.',
      via: 'per SMS',
      app: 'Ihre SMS-App',
      confirmLabel: 'SMS-App öffnen',
      withdrawConfirmLabel: 'SMS-App öffnen',
      provider:
        'Unser SMS-Anbieter {ownProvider} ({ownProviderCountry}) verarbeitet Ihre Nummer und die Nachrichten in unserem Auftrag.',
      ownProviderRole: 'Versand und Empfang der SMS',
      extra:
        'Die SMS kostet Sie nur, was Ihr Tarif für eine SMS berechnet. Wir antworten mit einer Bitte um Bestätigung; erst danach erhalten Sie {purpose}.',
    },
    email: {
      recipient: '{providerName} erhält als eigenständiger Verantwortlicher {providerData}.',
      via: 'per E-Mail',
      app: 'Ihr E-Mail-Programm',
      confirmLabel: 'E-Mail-Programm öffnen',
      withdrawConfirmLabel: 'E-Mail-Programm öffnen',
      provider:
        'Unser E-Mail-Anbieter {ownProvider} ({ownProviderCountry}) verarbeitet Ihre Adresse und die Nachrichten in unserem Auftrag.',
      ownProviderRole: 'Versand und Empfang der E-Mails',
      extra: 'Wir antworten mit einer Bitte um Bestätigung; erst danach erhalten Sie {purpose}.',
    },
  },
  dialog: {
    close: 'Schließen',
    cancel: 'Abbrechen',
    details: 'Details',
    yourMessage: 'Ihre Nachricht',
    sendThis: 'Senden Sie genau diese Nachricht in {channel}. Sie wird dort eventuell nicht vorausgefüllt.',
    copy: 'Nachricht kopieren',
    copied: 'Kopiert',
    copyManually: 'Nachricht markiert. Kopieren Sie sie mit Strg+C oder durch langes Drücken.',
    open: '{channel} öffnen',
    openHere: 'Auf diesem Gerät öffnen',
    scan: 'Mit dem Handy scannen, um {channel} zu öffnen.',
    qrLabel: 'QR-Code, um {channel} auf Ihrem Handy zu öffnen',
    qrLoading: 'QR-Code wird geladen…',
    qrMessage: 'Auf dem Handy öffnet sich diese Nachricht; senden Sie sie, um sich anzumelden:',
    qrStart: '{channel} öffnet dort den Chat mit unserem Bot. Tippen Sie auf START; mehr ist nicht nötig.',
    qrCode: 'Ihr Code',
    withdrawTitle: 'Abmelden über {channel}',
    withdrawText:
      'Um keine Nachrichten mehr zu erhalten, senden Sie „{message}“ in {channel}. Sobald sie ankommt, schreiben wir Ihnen nicht mehr.',
    withdrawConfirm: 'Über {channel} abmelden',
    opensInNewTab: '(öffnet in neuem Tab)',
  },
};
