import { get, post, el, fill, table, badge, words, shortId, formatDateTime, formatTime, clinicDate, addDays, today,
  announce, showReadModelStatus } from './app.js';
import { refusal } from './refusals.js';

const therapistId = document.getElementById('main').dataset.therapistId;

async function sessions() {
  if (!therapistId) return [];
  const caseload = await get(`/api/caseloads/${therapistId}`);
  if (!caseload.ok) return [];
  const episodes = await Promise.all(caseload.body.entries.map((e) => get(`/api/episodes/${e.episodeId}`)));
  return episodes.filter((a) => a.ok).flatMap((a) => a.body.sessions.filter((s) => s.state === 'BOOKED')
    .map((s) => ({ ...s, episodeId: a.body.episodeId, phase: a.body.phase })));
}

async function record(session, outcome, row) {
  const answer = await post(`/api/episodes/${session.episodeId}/sessions/${session.number}/${outcome}`,
    outcome === 'attendance' ? {} : undefined, { idempotencyKey: crypto.randomUUID() });
  const cell = row.querySelector('.row-message');
  if (answer.ok) {
    cell.textContent = outcome === 'attendance' ? 'Recorded as attended.' : 'Recorded as missed.';
    row.querySelectorAll('button').forEach((b) => { b.disabled = true; });
    announce(`Session ${session.number} of ${shortId(session.episodeId)} recorded.`);
  } else {
    cell.textContent = refusal(answer.body?.type, answer.status).message || answer.body?.detail || 'Refused.';
    cell.className = 'row-message field-error';
  }
}

function rows(list) {
  return list.sort((a, b) => a.startsAt.localeCompare(b.startsAt)).map((s) => {
    const message = el('span', { class: 'row-message', role: 'status' });
    const started = new Date(s.startsAt) <= new Date();
    const actions = el('div', { class: 'actions' },
      el('button', { type: 'button', disabled: !started, 'aria-label': `Session ${s.number} of ${shortId(s.episodeId)} attended`,
        onclick: (e) => record(s, 'attendance', e.target.closest('tr')) }, 'Attended'),
      el('button', { type: 'button', class: 'secondary', disabled: !started, 'aria-label': `Session ${s.number} of ${shortId(s.episodeId)} missed`,
        onclick: (e) => record(s, 'missed', e.target.closest('tr')) }, 'Missed'),
      el('a', { class: 'button secondary', href: `/episodes/${s.episodeId}` }, 'Scores and notes'));
    return [formatDateTime(s.startsAt), el('a', { href: `/episodes/${s.episodeId}` }, `Episode ${shortId(s.episodeId)}`),
      `Session ${s.number}`, words(s.phase), el('div', {}, actions, message)];
  });
}

showReadModelStatus();
const booked = await sessions();
const now = today();
const monday = addDays(now, -((new Date(`${now}T12:00:00Z`).getUTCDay() + 6) % 7));
const sunday = addDays(monday, 6);
fill('today', table('Today', ['When', 'Client episode', 'Session', 'Phase', ''],
  rows(booked.filter((s) => clinicDate(s.startsAt) === now)), 'No session today.'));
fill('week', table('This week', ['When', 'Client episode', 'Session', 'Phase', ''],
  rows(booked.filter((s) => { const d = clinicDate(s.startsAt); return d !== now && d >= monday && d <= sunday; })), 'No other session this week.'));
if (!therapistId) fill('today', el('p', {}, 'Your user is not linked to a therapist: ask the clinic lead.'));
document.body.dataset.ready = 'true';
