// The web application's few shared pieces: calls to the service's own HTTP API with the session cookie and the CSRF
// token, dates in the clinic's zone, safe DOM building (text only, never HTML from data) and refusals shown beside
// the field they concern. docs/web.md.
import { refusal } from './refusals.js';

const meta = (name) => document.querySelector(`meta[name="${name}"]`)?.content;
export const zone = meta('clinic-zone') || 'Europe/London';

/** The status of the read models behind the answers a page has shown: CURRENT, REBUILDING or INCOMPLETE. */
export const readModels = { worst: 'CURRENT', listeners: [] };
const severity = { CURRENT: 0, INCOMPLETE: 1, REBUILDING: 2 };

/**
 * One call to the API. Resolves to {ok, status, body, headers}: body is the JSON answer or the problem document.
 * An answer 401 means the session has ended: back to the sign-in page.
 */
export async function api(method, path, body, { idempotencyKey } = {}) {
  const headers = { Accept: 'application/json', 'X-Requested-With': 'fetch' };
  if (method !== 'GET') {
    headers[meta('csrf-header') || 'X-CSRF-TOKEN'] = meta('csrf-token');
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
  }
  const started = performance.now();
  const response = await fetch(path, { method, headers, credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body) });
  if (response.status === 401) {
    window.location.assign('/sign-in?expired');
    return new Promise(() => {});
  }
  const status = response.headers.get('Read-Model-Status');
  if (status && severity[status] > severity[readModels.worst]) {
    readModels.worst = status;
  }
  if (status) readModels.listeners.forEach((l) => l(status, path));
  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { json = null; }
  timings.push({ method, path: path.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, '{id}'), ms: Math.round(performance.now() - started) });
  return { ok: response.ok, status: response.status, body: json, headers: response.headers };
}

/** How long each API call of this page took: read by the browser tests (docs/web.md "Page timings"). */
export const timings = [];
window.ditTimings = timings;

export const get = (path) => api('GET', path);
export const post = (path, body, options) => api('POST', path, body, options);

/** The answer's body, or throws with the problem: for reads a page cannot do without. */
export async function must(path) {
  const answer = await get(path);
  if (!answer.ok) throw Object.assign(new Error(answer.body?.detail || `answer ${answer.status}`), { answer });
  return answer.body;
}

// ---------------------------------------------------------------- dates: British formats, the clinic's zone

const dateFormat = new Intl.DateTimeFormat('en-GB', { timeZone: zone, day: 'numeric', month: 'short', year: 'numeric' });
const dayFormat = new Intl.DateTimeFormat('en-GB', { timeZone: zone, weekday: 'short', day: 'numeric', month: 'short' });
const timeFormat = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit' });
const partsFormat = new Intl.DateTimeFormat('en-GB', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit',
  hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });

/** A clinical date (2026-03-02) as "2 Mar 2026". */
export function formatDate(isoDate) {
  if (!isoDate) return '';
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' })
    .format(new Date(Date.UTC(y, m - 1, d)));
}

/** An instant as "Mon 2 Mar, 09:00" in the clinic's zone. */
export function formatDateTime(instant) {
  if (!instant) return '';
  const at = new Date(instant);
  return `${dayFormat.format(at)}, ${timeFormat.format(at)}`;
}
export const formatInstantDate = (instant) => (instant ? dateFormat.format(new Date(instant)) : '');
export const formatTime = (instant) => (instant ? timeFormat.format(new Date(instant)) : '');

function zoneParts(date) {
  const parts = Object.fromEntries(partsFormat.formatToParts(date).map((p) => [p.type, p.value]));
  return { year: +parts.year, month: +parts.month, day: +parts.day, hour: +parts.hour, minute: +parts.minute,
    second: +parts.second };
}

/** The clinic's date of an instant, as 2026-03-02. */
export function clinicDate(instant = new Date()) {
  const p = zoneParts(new Date(instant));
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}
export const today = () => clinicDate(new Date());

/** Days added to a clinical date. */
export function addDays(isoDate, days) {
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** A date and time on the clinic's wall clock (2026-03-02, 09:00) as an instant (ISO, UTC). */
export function clinicInstant(isoDate, hhmm) {
  const [y, m, d] = isoDate.split('-').map(Number);
  const [hh, mm] = hhmm.split(':').map(Number);
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  let guess = wall;
  for (let i = 0; i < 2; i++) {
    const p = zoneParts(new Date(guess));
    const offset = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - guess;
    guess = wall - offset;
  }
  return new Date(guess).toISOString();
}

// ---------------------------------------------------------------- DOM

/** An element with attributes and children (strings become text nodes: data is never parsed as HTML). */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') node.addEventListener(name.slice(2), value);
    else if (name === 'class') node.className = value;
    else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function fill(target, ...children) {
  const node = typeof target === 'string' ? document.getElementById(target) : target;
  node.replaceChildren(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
  return node;
}

export const badge = (text, kind = 'info') => el('span', { class: `badge ${kind}` }, text);

/** A table with a caption, column headings and rows of cells (strings or nodes). */
export function table(caption, headings, rows, emptyText = 'None.') {
  if (!rows.length) return el('p', {}, emptyText);
  return el('div', { class: 'table-wrap' }, el('table', {},
    el('caption', {}, caption),
    el('thead', {}, el('tr', {}, headings.map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, rows.map((cells) => el('tr', {}, cells.map((c) => el('td', {}, c)))))));
}

export function words(enumName) {
  if (!enumName) return '';
  const text = String(enumName).toLowerCase().replaceAll('_', ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export const shortId = (id) => (id ? String(id).slice(0, 8) : '');

/** Shows the worst read-model status of the page's answers in the element with id read-model-status. */
export function showReadModelStatus() {
  const node = document.getElementById('read-model-status');
  if (!node) return;
  const text = { CURRENT: 'Figures are up to date.',
    REBUILDING: 'Figures are being rebuilt from the record: they may be incomplete for a few minutes.',
    INCOMPLETE: 'Some events could not be applied to these figures: an administrator has been told.' };
  const render = () => fill(node, badge(readModels.worst === 'CURRENT' ? 'Up to date' : words(readModels.worst),
    readModels.worst === 'CURRENT' ? 'ok' : 'warn'), ' ', text[readModels.worst] || '');
  readModels.listeners.push(render);
  render();
}

// ---------------------------------------------------------------- forms and refusals

/** Removes every message a form shows. */
export function clearProblems(form) {
  form.querySelectorAll('.field-error').forEach((n) => { n.textContent = ''; });
  form.querySelectorAll('[aria-invalid]').forEach((n) => n.removeAttribute('aria-invalid'));
  const general = form.querySelector('.form-error');
  if (general) general.textContent = '';
}

function fieldFor(form, name) {
  const base = String(name).replace(/\[\d+\]$/, '').replace(/^.*\./, '');
  return form.querySelector(`[data-field="${name}"]`) || form.querySelector(`[data-field="${base}"]`)
    || form.querySelector(`[name="${name}"]`) || form.querySelector(`[name="${base}"]`);
}

function showAt(form, field, message) {
  const holder = field.closest('[data-field]') || field;
  const errorId = holder.getAttribute('data-error') || `${holder.id || holder.getAttribute('name')}-error`;
  let slot = form.querySelector(`#${CSS.escape(errorId)}`);
  if (!slot) {
    slot = el('span', { class: 'field-error', id: errorId });
    holder.after(slot);
  }
  slot.textContent = slot.textContent ? `${slot.textContent} ${message}` : message;
  const input = holder.matches('input, select, textarea') ? holder : holder.querySelector('input, select, textarea');
  if (input) {
    input.setAttribute('aria-invalid', 'true');
    const described = new Set((input.getAttribute('aria-describedby') || '').split(' ').filter(Boolean));
    described.add(errorId);
    input.setAttribute('aria-describedby', [...described].join(' '));
  }
  return input || holder;
}

/**
 * Shows a refusal of the service (problem+json) next to the field it concerns, in the clinic's words; a refusal that
 * concerns no field shows at the top of the form. Focus moves to the first message so a keyboard user hears it.
 */
export function showProblem(form, answer) {
  clearProblems(form);
  const problem = answer.body || {};
  const general = form.querySelector('.form-error');
  let first = null;
  if (Array.isArray(problem.invalidParams) && problem.invalidParams.length) {
    for (const param of problem.invalidParams) {
      const field = fieldFor(form, param.name);
      const message = `${labelOf(form, field, param.name)} ${param.reason}.`;
      if (field) first = first || showAt(form, field, message);
      else if (general) general.textContent += ` ${message}`;
    }
  } else {
    const known = refusal(problem.type, answer.status);
    const field = known.field ? fieldFor(form, known.field) : null;
    const message = known.message || problem.detail || problem.title || `The service refused this (${answer.status}).`;
    if (field) first = showAt(form, field, message);
    else if (general) general.textContent = message;
  }
  if (!first && general) {
    general.setAttribute('tabindex', '-1');
    general.focus();
  } else if (first) {
    first.focus();
  }
}

function labelOf(form, field, name) {
  const input = field && (field.matches('input, select, textarea') ? field : field.querySelector('input, select, textarea'));
  const label = input && input.id ? form.querySelector(`label[for="${input.id}"]`) : null;
  const legend = field?.closest('fieldset')?.querySelector('legend');
  const text = (label?.firstChild?.textContent || legend?.textContent || name).trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Sends a form's command when it is submitted: build(form) gives [path, body]; the answer goes to done(answer) when
 * accepted, or its refusal beside the fields. One Idempotency-Key per filled-in form, so a double click appends once.
 */
export function onSubmit(form, build, done) {
  let key = crypto.randomUUID();
  form.addEventListener('input', () => { key = crypto.randomUUID(); });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearProblems(form);
    const button = form.querySelector('button[type="submit"]');
    if (button) button.disabled = true;
    try {
      const [path, body] = build(form);
      const answer = await post(path, body, { idempotencyKey: key });
      if (answer.ok) {
        key = crypto.randomUUID();
        await done(answer);
      } else {
        showProblem(form, answer);
      }
    } catch (error) {
      const general = form.querySelector('.form-error');
      if (general) general.textContent = error.message;
    } finally {
      if (button) button.disabled = false;
    }
  });
}

export const value = (form, name) => {
  const field = form.elements[name];
  return field && field.value !== '' ? field.value : null;
};

/** Waits until check() is true, reading again, while a read model catches up with a command just accepted. */
export async function until(check, tries = 20) {
  for (let i = 0; i < tries; i++) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

/** Shows a page-level message in the element with id page-message. */
export function announce(text) {
  const node = document.getElementById('page-message');
  if (node) node.textContent = text;
}
