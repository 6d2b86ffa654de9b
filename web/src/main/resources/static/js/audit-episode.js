import { get, el, fill, table, words, formatDateTime, formatDate, clinicInstant, today, showProblem, clearProblems, value } from './app.js';

const id = document.getElementById('main').dataset.episodeId;
fill('episode-title', id.slice(0, 8));
const plain = (type) => words(String(type).replace(/^.*\./, '').replace(/([a-z])([A-Z])/g, '$1_$2'));
const events = await get(`/api/audit/episodes/${id}/events`);
if (events.ok) {
  const list = Array.isArray(events.body) ? events.body : events.body.events || [];
  fill('events', table(`${list.length} events`, ['#', 'What', 'When', 'Who', 'Correlation id', 'Details'],
    list.map((e) => [String(e.sequenceNumber), plain(e.type), formatDateTime(e.timestamp), e.actor || '–', el('code', {}, e.correlationId || '–'),
      el('details', {}, el('summary', {}, 'Payload'), el('pre', { class: 'payload' }, JSON.stringify(e.payload, null, 2)))]), 'No events.'));
} else {
  fill('events', el('p', { class: 'form-error' }, events.status === 404 ? 'No episode has this id.' : 'The events could not be read.'));
}
const form = document.getElementById('asof-form');
form.elements.date.value = today();
form.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearProblems(form);
  const asOf = clinicInstant(value(form, 'date'), value(form, 'time'));
  const answer = await get(`/api/audit/episodes/${id}/state?asOf=${encodeURIComponent(asOf)}`);
  if (!answer.ok) return showProblem(form, answer);
  const s = answer.body;
  fill('state', el('dl', { class: 'facts' },
    el('dt', {}, 'Status'), el('dd', { id: 'state-status' }, words(s.status)),
    el('dt', {}, 'Phase'), el('dd', {}, words(s.phase)),
    el('dt', {}, 'Sessions'), el('dd', {}, s.sessions.map((x) => `${x.number}: ${words(x.state).toLowerCase()}`).join(', ') || 'none'),
    el('dt', {}, 'Focus'), el('dd', {}, s.focus ? 'agreed' : 'not agreed'),
    el('dt', {}, 'Scores'), el('dd', {}, s.measures.map((m) => `${m.instrument === 'PHQ9' ? 'PHQ-9' : 'GAD-7'} ${m.total} (${formatDate(m.recordedOn)})`).join('; ') || 'none')));
});
document.body.dataset.ready = 'true';
