import type { ReplyTexts } from './types.js';

/** English replies and confirmation page. */
export const en: ReplyTexts = {
  purpose: 'messages',
  replies: {
    confirmation:
      'Thank you! From now on you will receive {purpose} from {company} via {channel}. To unsubscribe, send "Stop" at any time.',
    confirm_request:
      'Please confirm: do you want to receive {purpose} from {company} via {channel}? Then reply "Yes".',
    withdrawal: 'You are unsubscribed and will receive no more messages from {company} via {channel}.',
    access_ack: 'We have received your access request. {company} will answer within one month.',
    erasure_ack:
      'We have received your erasure request. You are unsubscribed; {company} will delete your data within one month.',
  },
  linkSentence: ' Or confirm with this link (valid for 7 days): {link}',
  confirmPage: {
    title: 'Confirm your subscription',
    question: 'Do you want to receive {purpose} from {company} by e-mail?',
    button: 'Yes, confirm',
    done: 'Subscription confirmed',
    already: 'Your subscription is already confirmed.',
    used: 'This link has already been used.',
    expired: 'This link has expired. Please subscribe again.',
    withdrawn: 'This link is no longer valid: the subscription was withdrawn.',
    unknown: 'We do not know this link. Please check that it is complete.',
  },
};
