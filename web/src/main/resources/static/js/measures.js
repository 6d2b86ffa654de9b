// PHQ-9 and GAD-7 item entry with live totals and severity bands (docs/design.md §3).
import { el } from './app.js';

export const PHQ9 = ['Little interest or pleasure in doing things', 'Feeling down, depressed or hopeless',
  'Trouble falling or staying asleep, or sleeping too much', 'Feeling tired or having little energy',
  'Poor appetite or overeating', 'Feeling bad about yourself, or that you are a failure or have let yourself or your family down',
  'Trouble concentrating on things', 'Moving or speaking so slowly that other people could have noticed, or the opposite',
  'Thoughts that you would be better off dead, or of hurting yourself in some way'];
export const GAD7 = ['Feeling nervous, anxious or on edge', 'Not being able to stop or control worrying',
  'Worrying too much about different things', 'Trouble relaxing', 'Being so restless that it is hard to sit still',
  'Becoming easily annoyed or irritable', 'Feeling afraid as if something awful might happen'];
const ANSWERS = ['0: not at all', '1: several days', '2: more than half the days', '3: nearly every day'];

export function band(instrument, total) {
  if (total === null) return '';
  if (total <= 4) return 'minimal';
  if (total <= 9) return 'mild';
  if (total <= 14) return 'moderate';
  if (instrument === 'PHQ9') return total <= 19 ? 'moderately severe' : 'severe';
  return 'severe';
}

/**
 * A fieldset of the instrument's items (name phq9 or gad7), each a select of 0–3, with its total and band updated as
 * items are chosen. optional: the measure may be left out entirely (attendance).
 */
export function measureFieldset(instrument, prefix, { optional = false } = {}) {
  const items = instrument === 'PHQ9' ? PHQ9 : GAD7;
  const name = instrument === 'PHQ9' ? 'phq9' : 'gad7';
  const title = instrument === 'PHQ9' ? 'PHQ-9 (depression)' : 'GAD-7 (anxiety)';
  const totalId = `${prefix}-${name}-total`;
  const selects = items.map((text, i) => el('select', { id: `${prefix}-${name}-${i}`, 'data-item': String(i) },
    el('option', { value: '' }, optional ? 'not asked' : 'choose'),
    ANSWERS.map((a, v) => el('option', { value: String(v) }, a))));
  const total = el('output', { id: totalId, class: 'total', 'aria-live': 'polite', for: selects.map((s) => s.id).join(' ') });
  const fieldset = el('fieldset', { 'data-field': name, 'data-error': `${prefix}-${name}-error` },
    el('legend', {}, title),
    el('p', { class: 'hint' }, 'Over the last 2 weeks, how often has the client been bothered by:'),
    el('div', { class: 'items' }, items.map((text, i) => el('div', {},
      el('label', { for: selects[i].id }, `${i + 1}. ${text}`), selects[i]))),
    el('p', {}, 'Total: ', total),
    el('span', { class: 'field-error', id: `${prefix}-${name}-error` }));
  const update = () => {
    const values = selects.map((s) => (s.value === '' ? null : Number(s.value)));
    const answered = values.filter((v) => v !== null);
    if (!answered.length) total.textContent = optional ? 'not given' : '–';
    else if (answered.length < values.length) total.textContent = `${answered.reduce((a, b) => a + b, 0)} so far (${answered.length} of ${values.length} items)`;
    else {
      const sum = answered.reduce((a, b) => a + b, 0);
      total.textContent = `${sum} of ${values.length * 3}: ${band(instrument, sum)}`;
    }
  };
  selects.forEach((s) => s.addEventListener('change', update));
  update();
  fieldset.items = () => {
    const values = selects.map((s) => (s.value === '' ? null : Number(s.value)));
    if (values.every((v) => v === null)) return optional ? null : values;
    return values;
  };
  return fieldset;
}
