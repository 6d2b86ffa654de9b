import { get, el, fill, table, showReadModelStatus, formatDate } from './app.js';
import { chart, colours } from './charts.js';

const percent = (rate) => (rate === null || rate === undefined ? null : Math.round(rate * 1000) / 10);
const shown = (rate) => (rate === null || rate === undefined ? '–' : `${percent(rate)}%`);
const monthName = (month) => new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' })
  .format(new Date(`${month}-01T00:00:00Z`));

function tile(label, figure, id) {
  return el('div', { class: 'tile', id }, el('span', { class: 'figure' }, figure), el('span', { class: 'label' }, label));
}

async function outcomes() {
  const answer = await get('/api/outcomes/monthly');
  if (!answer.ok) return fill('outcomes-table', el('p', { class: 'form-error' }, 'Outcomes could not be read.'));
  const rows = answer.body.months || answer.body.rows || answer.body;
  const months = Array.isArray(rows) ? rows : [];
  fill('outcomes-note', months[0]?.note || '');
  const labels = months.map((m) => monthName(m.month));
  chart('outcomes-chart', {
    type: 'line',
    data: { labels, datasets: [
      { label: 'Recovery', data: months.map((m) => percent(m.recoveryRate)), borderColor: colours.phq9, backgroundColor: colours.phq9, spanGaps: true },
      { label: 'Reliable improvement', data: months.map((m) => percent(m.reliableImprovementRate)), borderColor: colours.teal, backgroundColor: colours.teal, borderDash: [2, 2], spanGaps: true },
      { label: 'Reliable recovery', data: months.map((m) => percent(m.reliableRecoveryRate)), borderColor: colours.gad7, backgroundColor: colours.gad7, borderDash: [8, 3], spanGaps: true },
      { label: 'National recovery target (50%)', data: months.map(() => 50), borderColor: colours.target, borderWidth: 2, borderDash: [10, 6], pointRadius: 0 },
    ] },
    options: { scales: { y: { min: 0, max: 100, title: { display: true, text: '% of finished courses' } } } },
  });
  fill('outcomes-table', table('Outcomes by month', ['Month', 'Finished courses', 'Recovery', 'Reliable improvement', 'Reliable recovery'],
    months.map((m) => [monthName(m.month), String(m.finishedCourse), shown(m.recoveryRate), shown(m.reliableImprovementRate), shown(m.reliableRecoveryRate)])));
  return months;
}

async function waits() {
  const answer = await get('/api/waiting-list');
  if (!answer.ok) return null;
  const list = answer.body;
  const weeks = list.entries.map((e) => Math.floor(e.daysSinceReferral / 7));
  const last = Math.max(20, ...weeks);
  const counts = Array.from({ length: last + 1 }, (_, w) => weeks.filter((x) => x === w).length);
  const labels = counts.map((_, w) => String(w));
  chart('waits-chart', {
    type: 'bar',
    data: { labels, datasets: [{ label: 'Clients waiting', data: counts,
      backgroundColor: counts.map((_, w) => (w >= 18 ? colours.red : w >= 6 ? colours.amber : colours.phq9)) }] },
    options: { plugins: { legend: { display: false }, thresholds: { lines: [
      { index: 6, label: '6 weeks', colour: colours.amber, between: true },
      { index: 18, label: '18 weeks', colour: colours.red, between: true }] } },
    scales: { x: { title: { display: true, text: 'Weeks since referral' } },
      y: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: 'Clients' } } } },
  });
  fill('waits-table', table('Clients waiting by weeks since referral', ['Weeks since referral', 'Clients'],
    counts.map((c, w) => [String(w), String(c)]).filter((r) => r[1] !== '0')));
  return list;
}

async function caseloads() {
  const answer = await get('/api/caseloads');
  if (!answer.ok) return null;
  const loads = Array.isArray(answer.body) ? answer.body : answer.body.therapists || answer.body.caseloads || [];
  chart('caseload-chart', {
    type: 'bar',
    data: { labels: loads.map((t) => t.name), datasets: [
      { label: 'Open episodes', data: loads.map((t) => t.activeEpisodes), backgroundColor: colours.phq9 },
      { label: 'Maximum caseload', data: loads.map((t) => t.maxCaseload), backgroundColor: '#c9d1db' }] },
    options: { indexAxis: 'y', scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } },
  });
  fill('caseload-table', table('Caseload per therapist', ['Therapist', 'Open episodes', 'Maximum', 'Free places'],
    loads.map((t) => [t.name, String(t.activeEpisodes), String(t.maxCaseload), String(Math.max(0, t.maxCaseload - t.activeEpisodes))])));
  return loads;
}

showReadModelStatus();
const [months, list, loads] = await Promise.all([outcomes(), waits(), caseloads()]);
const recent = (months || []).filter((m) => m.recoveryRate !== null && m.recoveryRate !== undefined).slice(-1)[0];
fill('tiles',
  tile('On the waiting list', list ? String(list.count) : '–', 'tile-waiting'),
  tile('Waited over 6 weeks', list ? String(list.over6Weeks) : '–', 'tile-over6'),
  tile('Waited over 18 weeks', list ? String(list.over18Weeks) : '–', 'tile-over18'),
  tile('Median wait (days)', list && list.medianDaysSinceReferral !== null ? String(list.medianDaysSinceReferral) : '–', 'tile-median'),
  tile(recent ? `Recovery, ${formatDate(recent.from).replace(/^\d+ /, '')}` : 'Recovery, latest month', recent ? shown(recent.recoveryRate) : '–', 'tile-recovery'),
  tile('Open episodes', loads ? String(loads.reduce((a, t) => a + t.activeEpisodes, 0)) : '–', 'tile-open'));
document.body.dataset.ready = 'true';
