import { get, post, el, fill, table, badge, words, formatDateTime, clinicInstant, addDays, today, onSubmit, showProblem,
  clearProblems, value, announce, showReadModelStatus } from './app.js';

const id = document.getElementById('main').dataset.episodeId;
const path = `/api/episodes/${id}`;
let episode = null;

async function load() {
  const answer = await get(path);
  if (!answer.ok) return;
  episode = answer.body;
  fill('episode-summary', `Episode ${id.slice(0, 8)}: ${words(episode.status).toLowerCase()}`,
    episode.therapistId ? `, with therapist ${names.get(episode.therapistId) || episode.therapistId.slice(0, 8)}.` : '.');
  const sessions = episode.sessions.slice().sort((a, b) => a.number - b.number);
  fill('booked', table('Booked and held sessions', ['Session', 'When', 'Outcome'],
    sessions.filter((s) => s.state !== 'CANCELLED').map((s) => [`Session ${s.number}`, formatDateTime(s.startsAt), badge(words(s.state))]),
    'No session booked yet.'));
  const rebook = document.getElementById('rebook-session');
  fill(rebook, sessions.filter((s) => s.state === 'BOOKED').map((s) => el('option', { value: String(s.number) },
    `Session ${s.number}, ${formatDateTime(s.startsAt)}`)));
}

async function reload(check) {
  for (let i = 0; i < 20; i++) {
    await load();
    if (!check || check(episode)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
}

const names = new Map();
async function therapists() {
  const answer = await get('/api/therapists');
  if (!answer.ok) return;
  const list = (Array.isArray(answer.body) ? answer.body : answer.body.therapists || []).filter((t) => t.active);
  list.forEach((t) => names.set(t.therapistId, t.name));
  list.sort((a, b) => (b.maxCaseload - b.activeEpisodes) - (a.maxCaseload - a.activeEpisodes));
  fill('allocation-therapist', list.map((t) => {
    const free = Math.max(0, t.maxCaseload - t.activeEpisodes);
    return el('option', { value: t.therapistId }, `${t.name}: ${free} free of ${t.maxCaseload}${t.accreditation === 'IN_TRAINING' ? ' (in training)' : ''}`);
  }));
}

showReadModelStatus();
document.getElementById('allocation-date').value = today();
document.getElementById('booking-date').value = addDays(today(), 7);
document.getElementById('rebook-date').value = addDays(today(), 7);
await therapists();
await load();

onSubmit(document.getElementById('allocation-form'), (f) => [`${path}/allocation`, { therapistId: value(f, 'therapistId'),
  allocatedOn: value(f, 'allocatedOn') }], async () => {
  announce('Therapist allocated.');
  await reload((e) => e.status === 'IN_THERAPY');
  await therapists();
});

const booking = document.getElementById('booking-form');
booking.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearProblems(booking);
  const weeks = Math.max(1, Number(value(booking, 'weeks') || 1));
  const numbers = [];
  for (let w = 0; w < weeks; w++) {
    const answer = await post(`${path}/sessions`, { startsAt: clinicInstant(addDays(value(booking, 'date'), 7 * w), value(booking, 'time')),
      durationMinutes: 50, mode: value(booking, 'mode') }, { idempotencyKey: crypto.randomUUID() });
    if (!answer.ok) { showProblem(booking, answer); break; }
    numbers.push(answer.body.sessionNumber);
  }
  if (numbers.length) {
    announce(`Booked session${numbers.length > 1 ? 's' : ''} ${numbers.join(', ')}.`);
    await reload((e) => numbers.every((n) => e.sessions.some((s) => s.number === n && s.state === 'BOOKED')));
  }
});

onSubmit(document.getElementById('rebook-form'), (f) => [`${path}/sessions/${value(f, 'session')}/reschedule`,
  { startsAt: clinicInstant(value(f, 'date'), value(f, 'time')) }], async () => {
  announce('Session rebooked.');
  const before = JSON.stringify(episode);
  await reload((e) => JSON.stringify(e) !== before);
});
document.body.dataset.ready = 'true';
