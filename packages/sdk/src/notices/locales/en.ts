import type { NoticeTemplates } from '../types.js';

/**
 * English notice templates, mirroring the German ones (docs/notices.md says what each text says
 * and why). Short sentences, the important part first; the second layer is behind "Details".
 * Templates, not legal advice. Bump `version` with every text change.
 */
export const en: NoticeTemplates = {
  locale: 'en',
  version: '2',
  texts: {
    title: '{purpose} from {company} {via}',
    via: 'via {channel}',
    app: '{channel}',
    intro: '{company} sends you {purpose} {via}{frequency}.',
    ads: 'The messages contain advertising for {advertising}.',
    noAds: 'They contain no advertising.',
    advertisingDefault: 'products and offers of {company}',
    act: 'By sending the message',
    actStart: 'By tapping START',
    onSend: '{app} opens with the message "{message}". Only when you send it do we receive {identifier}.',
    onSendCopy:
      '{app} opens. Send the message "{message}" there; you can copy it here. Only then do we receive {identifier}.',
    onOpen:
      '{app} opens the chat with {company}. As soon as it opens, before you write anything, we receive {identifier}. Then send the message "{message}".',
    onOpenCopy:
      '{app} opens the chat with {company}. As soon as it opens, before you write anything, we receive {identifier}. Then send the message "{message}"; you can copy it here.',
    onStart:
      'Telegram opens the chat with our bot. Tap START there; nothing else is needed. Telegram then sends us your code {ref} and {identifier}.',
    onStartNoRef:
      'Telegram opens the chat with our bot. Tap START there; nothing else is needed. Telegram then sends us {identifier}.',
    consent: '{act}, you agree to receive {purpose} from {company} {via}, including the advertising.',
    consentNoAds: '{act}, you agree to receive {purpose} from {company} {via}.',
    provider:
      '{providerName} receives {providerData} as an independent controller, as with any use of {channel}. Data also goes {countries} (Details).',
    providerCompact: '{providerName} is an independent controller here, as with any use of {channel}.',
    countries: '{countries}',
    processorsHint: 'Service providers also work for us (Details).',
    transferRisk:
      'Signal processes your data in the USA and names no safeguard under Chapter V GDPR and no representative in the EU. The risk: US authorities can access data, and your rights are harder to enforce there. Signal encrypts content end to end.',
    stop: 'You can unsubscribe at any time: just send "{stop}" {via}; that is enough.',
    stopLink: 'Or tap "{unsubscribeLabel}" here.',
    unsubscribeLabel: 'Unsubscribe',
    privacy: '',
    privacyLinkLabel: 'Privacy policy',
    privacyVersion: ' (as of {privacyPolicyVersion})',
    checkbox:
      'Yes, I want to receive {purpose} from {company} {via}, including advertising for {advertising}.',
    checkboxNoAds: 'Yes, I want to receive {purpose} from {company} {via}.',
    checkboxTransfer: ' I consent to my data being transferred to the USA for this.',
    confirmLabel: 'Open {channel}',
    detailsLabel: 'Details',
    controllerHeading: 'Controller',
    controller: '{controller}',
    controllerMissing: '{company}. The address and contact details are in the privacy policy.',
    dpo: 'Data protection officer: {dpo}',
    purposeHeading: 'Purpose',
    purposeDetails: 'We upload no address book and read no contacts from your phone.',
    legalBasisHeading: 'Legal basis',
    legalBasis:
      'The legal basis is your consent (Art. 6(1)(a) GDPR); for advertising by messenger, SMS or email, § 7(2) no. 2 of the German Act against Unfair Competition (UWG) requires your prior express consent.',
    legalBasisTransfer: 'The transfer to the USA rests on your express consent (Art. 49(1)(a) GDPR).',
    dataHeading: 'Your data',
    data: 'We receive {identifier}, your messages to us and delivery data (time, delivery and read status). As proof we store the time, the code, the version of this notice, the page (without parameters) and your start message, no IP address. Until the proof reaches us, it stays in your browser for at most 7 days.',
    dataUnsent:
      'If you do not send the message, we use these details only to match it and delete them after {unconfirmedDays} days.',
    recipientsHeading: 'Recipients',
    recipient: '{providerName} ({seat}) receives {providerData} as an independent controller.',
    processor: '{name}, {country}: {role}, on our behalf (Art. 28 GDPR). {transfer}',
    transferHeading: 'Transfers outside the EU/EEA',
    dpf: 'For the USA, the European Commission’s adequacy decision on the EU-US Data Privacy Framework applies (Implementing Decision (EU) 2023/1795). The General Court of the EU dismissed the action for annulment against it on 3 September 2025 (T-553/23); an appeal to the Court of Justice is pending (C-703/25 P).',
    safeguards: 'You can obtain a copy of the safeguards through the contact details above.',
    providerPolicy: 'Privacy policy of {channel}',
    storageHeading: 'Storage period',
    storage:
      'We keep your contact details and messages until you unsubscribe. We keep the proof of your consent for {retentionYears} more years from the end of the year in which you unsubscribed, to be able to show that you had agreed (Art. 17(3)(e), Art. 6(1)(c) and (f) GDPR); then we delete it.',
    storageUnconfirmed:
      'If your start message does not arrive, we delete the details of this attempt after {unconfirmedDays} days.',
    withdrawalHeading: 'Withdrawal',
    withdrawal:
      'You can withdraw your consent at any time; what happened until then stays lawful. Sending "{stop}" {via} is enough, in any case.',
    rightsHeading: 'Your rights',
    rights:
      'You have the right of access, rectification, erasure, restriction of processing, data portability and objection, and you can complain to a data protection supervisory authority. Signing up is voluntary and possible from the age of {minAge}. We make no automated decisions.',
    withdrawTitle: 'Unsubscribe from {company} {via}',
    withdraw: 'Send "{withdrawMessage}" {via} to unsubscribe. {app} opens with this message.',
    withdrawCopy:
      'Send "{withdrawMessage}" {via} to unsubscribe. {app} opens; you can copy the message here.',
    withdrawAfter: 'After that, {company} sends you no more messages {via}.',
    withdrawConfirmLabel: 'Open {channel}',
    identifierAccount: '',
    ownProviderRole: '',
    extra: '',
  },
  channelTexts: {
    telegram: {
      identifierAccount: 'your name, your user name if set, and your phone number if your settings show it',
      withdrawCopy: 'Telegram opens the chat with our bot. Tap START there or send "{stop}" to unsubscribe.',
    },
    messenger: { act: 'By sending the message (in a new chat, already by tapping "Get Started")' },
    instagram: { act: 'By sending the message (in a new chat, already by tapping a suggested question)' },
    line: {
      onSend:
        '{app} opens with the message "{message}". Only when you send it or add our account as a friend do we receive {identifier}.',
    },
    sms: {
      recipient: '{providerName} receives {providerData} as an independent controller.',
      via: 'by SMS',
      app: 'Your SMS app',
      confirmLabel: 'Open SMS app',
      withdrawConfirmLabel: 'Open SMS app',
      provider:
        'Our SMS provider {ownProvider} ({ownProviderCountry}) processes your number and the messages on our behalf.',
      ownProviderRole: 'sending and receiving the SMS',
      extra:
        'The SMS costs you only what your plan charges for one SMS. We reply with a request to confirm; only then do you receive {purpose}.',
    },
    email: {
      recipient: '{providerName} receives {providerData} as an independent controller.',
      via: 'by email',
      app: 'Your email app',
      confirmLabel: 'Open email app',
      withdrawConfirmLabel: 'Open email app',
      provider:
        'Our email provider {ownProvider} ({ownProviderCountry}) processes your address and the messages on our behalf.',
      ownProviderRole: 'sending and receiving the emails',
      extra: 'We reply with a request to confirm; only then do you receive {purpose}.',
    },
  },
  dialog: {
    close: 'Close',
    cancel: 'Cancel',
    details: 'Details',
    yourMessage: 'Your message',
    sendThis: 'Send this exact message in {channel}. It may not be filled in for you.',
    copy: 'Copy message',
    copied: 'Copied',
    copyManually: 'Message selected. Copy it with Ctrl+C or by long-pressing.',
    open: 'Open {channel}',
    openHere: 'Open on this device',
    scan: 'Scan with your phone to open {channel}.',
    qrLabel: 'QR code to open {channel} on your phone',
    qrLoading: 'Loading QR code…',
    qrMessage: 'Your phone opens this message; send it to sign up:',
    qrStart: '{channel} opens the chat with our bot there. Tap START; nothing else is needed.',
    qrCode: 'Your code',
    withdrawTitle: 'Unsubscribe via {channel}',
    withdrawText:
      'To stop the messages, send “{message}” in {channel}. We stop writing to you as soon as it arrives.',
    withdrawConfirm: 'Stop via {channel}',
    opensInNewTab: '(opens in a new tab)',
  },
};
