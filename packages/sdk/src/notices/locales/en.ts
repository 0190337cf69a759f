import type { NoticeTemplates } from '../types.js';

/**
 * English notice templates. Short sentences, the important part first; the second layer is
 * behind "Details". Templates, not legal advice. Bump `version` with every text change.
 */
export const en: NoticeTemplates = {
  locale: 'en',
  version: '1',
  texts: {
    title: '{purpose} from {company} {via}',
    titleNoPurpose: 'Messages from {company} {via}',
    topicDefault: 'messages',
    via: 'via {channel}',
    app: '{channel}',
    who: 'You will get {topic} from {company} {via}. By sending the message, you agree to receive messages from {company}.',
    whatHappens:
      '{app} opens with the message "{message}". Only when you send it do we receive {identifier}; then we can write to you.',
    whatHappensCopy:
      '{app} opens. Send the message "{message}" there yourself; you can copy it here. Only when you send it do we receive {identifier}; then we can write to you.',
    provider: 'The provider of {channel} also processes your data: {provider}. {transfer}',
    dpf: 'For the USA, the European Commission’s adequacy decision on the EU-US Data Privacy Framework applies: data protection at certified US companies counts as adequate. The EU General Court upheld the decision on 3 September 2025; an appeal is pending.',
    dpfHeading: 'Transfers to the USA',
    stop: 'Send "{withdrawMessage}" {via} at any time to stop, or unsubscribe here.',
    privacy: 'Everything else is in the privacy policy of {company}.',
    privacyLinkLabel: 'Privacy policy',
    controllerHeading: 'Controller',
    controller: '{controller}',
    controllerMissing: '{company}. The address and contact details are in the privacy policy.',
    legalBasisHeading: 'Legal basis',
    legalBasis:
      'Your consent (GDPR Art. 6(1)(a)). For advertising, the German Act against Unfair Competition (UWG § 7(2)) also requires your prior express consent.',
    dataHeading: 'Your data',
    contact: 'your contact details in {channel} (phone number or user name, and profile name)',
    data: 'We process {contact}, the content of your messages to us and delivery data (such as time and delivery status). We also keep the record of your consent: the time, the version of this notice and the page on which you agreed.',
    storageHeading: 'How long',
    storage:
      'Until you withdraw your consent. After that we keep the consent record as proof for as long as we may have to show that you agreed.',
    rightsHeading: 'Your rights',
    rights:
      'You have the right of access, rectification, erasure, restriction of processing, data portability and objection. You can complain to a data protection supervisory authority. Withdrawing ends the messages; what happened before stays lawful.',
    voluntaryHeading: 'Voluntary',
    voluntary:
      'Signing up is voluntary. We upload no address book and read no contacts from your phone. We write to you only after you have sent the message.',
    checkboxLabel: 'I have read this notice and want to receive {topic} from {company} {via}.',
    confirmLabel: 'Open {channel}',
    withdrawTitle: 'Unsubscribe from {company} {via}',
    withdraw: 'Send "{withdrawMessage}" {via} to unsubscribe. {app} opens with this message.',
    withdrawCopy:
      'Send "{withdrawMessage}" {via} to unsubscribe. {app} opens; you can copy the message here.',
    withdrawAfter: 'After that, {company} sends you no more messages {via}.',
    withdrawConfirmLabel: 'Open {channel}',
  },
  channelTexts: {
    sms: {
      app: 'Your messaging app',
      provider: 'Your data is also processed by {provider}. {transfer}',
      contact: '{identifier}',
    },
    email: {
      app: 'Your e-mail app',
      provider: 'Your data is also processed by {provider}. {transfer}',
      contact: '{identifier} and your name if your e-mail app sends it',
    },
  },
};
