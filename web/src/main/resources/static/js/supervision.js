import { get, el, fill, table, words, shortId, formatDate, showReadModelStatus } from './app.js';
import { flagBadges } from './flags.js';
import { caseloadTable } from './caseload-table.js';

showReadModelStatus();
const [risk, loads] = await Promise.all([get('/api/risk'), get('/api/caseloads')]);
if (risk.ok) {
  fill('risk', table(`${risk.body.count} on the worklist`, ['Episode', 'Priority', 'Latest risk', 'Reasons', 'Since', 'Review by'],
    risk.body.entries.map((e) => [el('a', { href: `/episodes/${e.episodeId}` }, `Episode ${shortId(e.episodeId)}`), words(e.priority),
      e.riskLevel ? words(e.riskLevel) : 'Never assessed', el('div', {}, flagBadges(e.reasons)), formatDate(e.since),
      e.reviewBy ? formatDate(e.reviewBy) : '–']), 'Nobody needs attention now.'));
}
if (loads.ok) {
  const list = Array.isArray(loads.body) ? loads.body : [];
  const details = await Promise.all(list.map((t) => get(`/api/caseloads/${t.therapistId}`)));
  fill('caseloads', list.map((t, i) => el('details', {},
    el('summary', {}, `${t.name}: ${t.activeEpisodes} open of ${t.maxCaseload}`),
    details[i].ok ? caseloadTable(`Caseload of ${t.name}`, details[i].body) : el('p', {}, 'Could not be read.'))));
}
document.body.dataset.ready = 'true';
