import { badge } from './app.js';

const FLAGS = {
  FOCUS_OVERDUE: ['Focus overdue', 'warn'], TWO_CONSECUTIVE_MISSED: ['Two sessions missed in a row', 'warn'],
  GOODBYE_LETTER_DUE: ['Goodbye letter due', 'warn'], RELIABLE_DETERIORATION: ['Reliable deterioration', 'bad'],
  RISK_HIGH: ['High risk', 'bad'], PHQ9_ITEM9_POSITIVE: ['Item 9 answered: assess risk', 'bad'],
  RISK_REVIEW_OVERDUE: ['Risk review overdue', 'bad'], URGENT_REFERRAL_NOT_ASSESSED: ['Urgent referral not assessed', 'bad'],
};
export const flagBadges = (flags) => (flags || []).map((f) => badge(...(FLAGS[f] || [f, 'info'])));
