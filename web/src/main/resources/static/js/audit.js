import { get, el, fill, badge, formatDateTime } from './app.js';

const form = document.getElementById('episode-form');
form.addEventListener('submit', (event) => {
  event.preventDefault();
  const id = form.elements.episodeId.value.trim();
  if (!/^[0-9a-fA-F-]{36}$/.test(id)) {
    form.querySelector('.form-error').textContent = 'An episode id has 36 characters, such as 0e3a1f0a-7b7e-4a3c-8f1e-2d7c9b6a5e41.';
    return;
  }
  window.location.assign(`/audit/episodes/${id}`);
});
const verify = await get('/api/audit/verify');
if (verify.ok) {
  const v = verify.body;
  const intact = v.firstBrokenGlobalIndex === null && v.checkpointsIntact !== false;
  fill('verify', el('p', {}, badge(intact ? 'Intact' : 'Broken', intact ? 'ok' : 'bad'),
    ` ${v.verifiedEvents} events verified; ${v.checkpoints} signed checkpoints`,
    v.latestCheckpoint ? ` (latest ${formatDateTime(v.latestCheckpoint.createdAt)})` : '', `; ${v.uncheckpointedEvents} events since the latest.`),
  v.firstBrokenGlobalIndex !== null ? el('p', { class: 'form-error' }, `The chain breaks at global index ${v.firstBrokenGlobalIndex}.`) : null,
  (v.checkpointFailures || []).length ? el('ul', {}, v.checkpointFailures.map((f) => el('li', {}, typeof f === 'string' ? f : JSON.stringify(f)))) : null,
  v.note ? el('p', { class: 'hint' }, v.note) : null,
  el('p', { class: 'hint' }, `Head hash: ${v.headHash || '–'}`));
} else {
  fill('verify', el('p', { class: 'form-error' }, 'The log could not be verified just now.'));
}
document.body.dataset.ready = 'true';
