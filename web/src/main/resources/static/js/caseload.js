import { get, el, fill, showReadModelStatus } from './app.js';
import { caseloadTable } from './caseload-table.js';

const therapistId = document.getElementById('main').dataset.therapistId;
showReadModelStatus();
const answer = therapistId ? await get(`/api/caseloads/${therapistId}`) : null;
if (answer?.ok) {
  fill('caseload', el('p', {}, `${answer.body.activeEpisodes} open of at most ${answer.body.maxCaseload}.`),
    caseloadTable('My open episodes', answer.body));
} else {
  fill('caseload', el('p', {}, 'Your caseload could not be read.'));
}
document.body.dataset.ready = 'true';
