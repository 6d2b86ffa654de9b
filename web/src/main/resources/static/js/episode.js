import { get, post, el, fill, table, badge, words, shortId, formatDate, formatDateTime, clinicDate, clinicInstant, today,
  onSubmit, showProblem, clearProblems, value, announce, showReadModelStatus } from './app.js';
import { chart, colours } from './charts.js';
import { measureFieldset } from './measures.js';

const main = document.getElementById('main');
const id = main.dataset.episodeId;
const path = `/api/episodes/${id}`;
let episode = null;

const MODE = { IN_PERSON: 'in person', VIDEO: 'by video', PHONE: 'by phone' };
const STATE_KIND = { ATTENDED: 'ok', MISSED: 'bad', BOOKED: 'info', CANCELLED: 'warn' };

async function load() {
  const answer = await get(path);
  if (!answer.ok) {
    fill('summary', el('p', { class: 'form-error' }, answer.status === 404 ? 'This episode is not known (yet).' : 'The episode could not be read.'));
    return null;
  }
  episode = answer.body;
  render(episode);
  return episode;
}

/** After a command: read again until the read model shows it (it follows the log within moments). */
async function reloadAfter(before) {
  for (let i = 0; i < 20; i++) {
    await new Promise((r) => setTimeout(r, 200));
    const answer = await get(path);
    if (answer.ok && JSON.stringify(answer.body) !== before) {
      episode = answer.body;
      render(episode);
      return;
    }
  }
  await load();
}

function attendedOn(e) {
  const byDate = new Map();
  e.sessions.filter((s) => s.state === 'ATTENDED').forEach((s) => byDate.set(clinicDate(s.startsAt), s.number));
  return byDate;
}

function render(e) {
  fill('episode-title', shortId(e.episodeId));
  const attended = e.sessions.filter((s) => s.state === 'ATTENDED').length;
  fill('summary',
    el('dt', {}, 'Status'), el('dd', { id: 'episode-status' }, words(e.status)),
    el('dt', {}, 'Phase'), el('dd', { id: 'episode-phase' }, words(e.phase)),
    el('dt', {}, 'Sessions attended'), el('dd', { id: 'sessions-attended' }, `${attended} of ${e.courseLength}`),
    el('dt', {}, 'Focus'), el('dd', {}, e.focus ? 'Agreed' : 'Not agreed yet'),
    el('dt', {}, 'Goodbye letter'), el('dd', {}, e.goodbyeLetterSharedOn ? `Shared ${formatDate(e.goodbyeLetterSharedOn)}` : 'Not shared'),
    e.endedOn ? [el('dt', {}, 'Ended'), el('dd', {}, `${formatDate(e.endedOn)}: ${words(e.endReason)}`)] : null);
  const openRisk = e.riskIndications.filter((r) => r.open && !r.enteredInError);
  fill('flags',
    openRisk.length ? badge(`PHQ-9 item 9 answered above 0 on ${formatDate(openRisk[0].recordedOn)}: assess the risk`, 'bad') : null,
    attended >= 4 && !e.focus ? badge('Focus overdue', 'warn') : null,
    e.phase === 'ENDING' && !e.goodbyeLetterSharedOn ? badge('Goodbye letter due', 'warn') : null);
  renderSessions(e);
  renderChart(e);
  renderTimeline(e);
  renderForms(e);
}

function renderSessions(e) {
  const rows = e.sessions.slice().sort((a, b) => a.startsAt.localeCompare(b.startsAt)).map((s) => [
    `Session ${s.number}`, formatDateTime(s.startsAt), `${s.durationMinutes} min ${MODE[s.mode] || ''}`,
    badge(words(s.state), STATE_KIND[s.state]), s.note || '']);
  fill('sessions', table('Sessions of this episode', ['Session', 'When', 'How', 'Outcome', 'Note'], rows, 'No session booked yet.'));
}

function renderChart(e) {
  const measures = e.measures.filter((m) => !m.enteredInError);
  const dates = [...new Set(measures.map((m) => m.recordedOn))].sort();
  const sessions = attendedOn(e);
  const labels = dates.map((d, i) => (sessions.has(d) ? `Session ${sessions.get(d)}` : i === 0 ? 'Assessment' : formatDate(d)));
  const series = (instrument) => dates.map((d) => {
    const m = measures.filter((x) => x.instrument === instrument && x.recordedOn === d).pop();
    return m ? m.total : null;
  });
  const phq9 = series('PHQ9');
  const gad7 = series('GAD7');
  chart('scores-chart', {
    type: 'line',
    data: { labels, datasets: [
      { label: 'PHQ-9', data: phq9, borderColor: colours.phq9, backgroundColor: colours.phq9, spanGaps: true, pointRadius: 4 },
      { label: 'GAD-7', data: gad7, borderColor: colours.gad7, backgroundColor: colours.gad7, spanGaps: true, pointStyle: 'rectRot', pointRadius: 5 },
      { label: 'PHQ-9 caseness (10)', data: labels.map(() => 10), borderColor: colours.phq9, borderDash: [8, 6], borderWidth: 1.5, pointRadius: 0 },
      { label: 'GAD-7 caseness (8)', data: labels.map(() => 8), borderColor: colours.gad7, borderDash: [3, 4], borderWidth: 1.5, pointRadius: 0 },
    ] },
    options: { scales: { y: { min: 0, max: 27, title: { display: true, text: 'Total score' } } } },
  });
  fill('scores-table', table('Scores by session', ['When', 'Date', 'PHQ-9', 'GAD-7'],
    dates.map((d, i) => [labels[i], formatDate(d), phq9[i] ?? '–', gad7[i] ?? '–']), 'No scores yet.'));
}

function renderTimeline(e) {
  const items = [];
  const add = (date, text, sort = date) => items.push({ date, text, sort });
  const byDate = new Map();
  e.measures.forEach((m) => {
    const list = byDate.get(m.recordedOn) || [];
    list.push(`${m.instrument === 'PHQ9' ? 'PHQ-9' : 'GAD-7'} ${m.total} (${words(m.severity).toLowerCase()})${m.enteredInError ? ', later marked entered in error' : ''}`);
    byDate.set(m.recordedOn, list);
  });
  const first = [...byDate.keys()].sort()[0];
  const sessions = attendedOn(e);
  for (const [date, list] of byDate) {
    const where = sessions.has(date) ? `at session ${sessions.get(date)}` : date === first ? 'at assessment' : '';
    add(date, `Scores ${where}: ${list.join(', ')}.`, `${date}T23`);
  }
  e.sessions.forEach((s) => {
    const date = clinicDate(s.startsAt);
    const text = { ATTENDED: `Session ${s.number} attended (${MODE[s.mode]}).`, MISSED: `Session ${s.number} missed.`,
      BOOKED: `Session ${s.number} booked for ${formatDateTime(s.startsAt)}.`, CANCELLED: `A session (${formatDateTime(s.startsAt)}) was cancelled.` }[s.state];
    add(date, text, s.startsAt);
  });
  e.riskIndications.forEach((r) => add(r.recordedOn, `PHQ-9 item 9 answered ${r.item9}: ${r.enteredInError ? 'entered in error' : r.open ? 'the risk needs assessing' : 'risk assessed since'}.`));
  e.riskAssessments.forEach((r) => add(r.assessedOn, `Risk assessed: overall ${words(r.level).toLowerCase()}; review by ${formatDate(r.reviewBy)}.`));
  if (e.goodbyeLetterSharedOn) add(e.goodbyeLetterSharedOn, 'Goodbye letter shared with the client.');
  if (e.endedOn) add(e.endedOn, `Therapy ended: ${words(e.endReason).toLowerCase()}.`, `${e.endedOn}T24`);
  if (e.followUp) add(clinicDate(e.followUp.startsAt), `Follow-up ${words(e.followUp.state).toLowerCase()} for ${formatDateTime(e.followUp.startsAt)}.`);
  if (e.focus) items.push({ date: null, text: 'Focus agreed with the client.', sort: '9999' });
  items.sort((a, b) => String(a.sort).localeCompare(String(b.sort)));
  fill('timeline', items.map((i) => el('li', {}, i.date ? el('time', { datetime: i.date }, formatDate(i.date)) : null, i.text)));
}

let formsReady = false;
function renderForms(e) {
  const select = document.getElementById('attendance-session');
  if (select) {
    const booked = e.sessions.filter((s) => s.state === 'BOOKED').sort((a, b) => a.number - b.number);
    const chosen = select.value;
    fill(select, booked.length ? booked.map((s) => el('option', { value: String(s.number) }, `Session ${s.number}, ${formatDateTime(s.startsAt)}`))
      : el('option', { value: '' }, 'No session booked'));
    if (booked.some((s) => String(s.number) === chosen)) select.value = chosen;
  }
  if (e.focus && !formsReady) {
    const form = document.getElementById('focus-form');
    if (form) {
      form.elements.selfRepresentation.value = e.focus.selfRepresentation;
      form.elements.otherRepresentation.value = e.focus.otherRepresentation;
      form.elements.affect.value = e.focus.affect;
      form.elements.defensiveFunction.value = e.focus.defensiveFunction;
      document.getElementById('agree-focus').textContent = 'Revise the focus';
    }
  }
  if (!formsReady) {
    formsReady = true;
    ['booking-date', 'letter-date', 'ending-date'].forEach((f) => { const n = document.getElementById(f); if (n) n.value = today(); });
  }
}

function wire() {
  const after = (message) => async () => {
    const before = JSON.stringify(episode);
    announce(message);
    await reloadAfter(before);
  };
  const attendance = document.getElementById('attendance-form');
  if (attendance) {
    const phq9 = measureFieldset('PHQ9', 'attendance', { optional: true });
    const gad7 = measureFieldset('GAD7', 'attendance', { optional: true });
    fill('attendance-measures', phq9, gad7);
    onSubmit(attendance, (form) => [`${path}/sessions/${value(form, 'session')}/attendance`, { phq9: phq9.items(), gad7: gad7.items() }],
      async (answer) => {
        attendance.querySelectorAll('select[data-item]').forEach((s) => { s.value = ''; s.dispatchEvent(new Event('change')); });
        await after('Attendance recorded.')(answer);
      });
    document.getElementById('record-missed').addEventListener('click', async () => {
      clearProblems(attendance);
      const answer = await post(`${path}/sessions/${value(attendance, 'session')}/missed`, undefined, { idempotencyKey: crypto.randomUUID() });
      if (answer.ok) await after('Missed session recorded.')(answer);
      else showProblem(attendance, answer);
    });
  }
  const booking = document.getElementById('booking-form');
  onSubmit(booking, (form) => [`${path}/sessions`, { startsAt: clinicInstant(value(form, 'date'), value(form, 'time')),
    durationMinutes: Number(value(form, 'durationMinutes') || 50), mode: value(form, 'mode') }],
  (answer) => after(`Session ${answer.body.sessionNumber} booked.`)(answer));
  const focus = document.getElementById('focus-form');
  if (focus) {
    onSubmit(focus, (form) => [`${path}/focus`, { selfRepresentation: value(form, 'selfRepresentation'),
      otherRepresentation: value(form, 'otherRepresentation'), affect: value(form, 'affect'),
      defensiveFunction: value(form, 'defensiveFunction'), reason: value(form, 'reason') }], after('Focus agreed.'));
  }
  const letter = document.getElementById('letter-form');
  if (letter) onSubmit(letter, (form) => [`${path}/goodbye-letter`, { sharedOn: value(form, 'sharedOn') }], after('Goodbye letter recorded.'));
  const ending = document.getElementById('ending-form');
  if (ending) onSubmit(ending, (form) => [`${path}/ending`, { endedOn: value(form, 'endedOn'), reason: value(form, 'reason') }], after('Therapy ended.'));
  const extension = document.getElementById('extension-form');
  if (extension) {
    onSubmit(extension, (form) => [`${path}/extension`, { additionalSessions: Number(value(form, 'additionalSessions')),
      approvedBy: value(form, 'approvedBy'), reason: value(form, 'reason') }], after('Course extended.'));
  }
}

showReadModelStatus();
wire();
await load();
document.body.dataset.ready = 'true';
