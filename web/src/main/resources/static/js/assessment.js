import { get, fill, onSubmit, value, today, formatDate, words } from './app.js';
import { measureFieldset } from './measures.js';

const id = document.getElementById('main').dataset.episodeId;
const form = document.getElementById('assessment-form');
form.elements.assessedOn.value = today();
const phq9 = measureFieldset('PHQ9', 'assessment');
const gad7 = measureFieldset('GAD7', 'assessment');
fill('assessment-measures', phq9, gad7);

const episode = await get(`/api/episodes/${id}`);
if (episode.ok) {
  fill('referral-summary', `Episode ${id.slice(0, 8)}: ${words(episode.body.status).toLowerCase()}.`);
}

onSubmit(form, (f) => [`/api/episodes/${id}/assessment`, { assessedOn: value(f, 'assessedOn'),
  suitable: f.querySelector('input[name="suitable"]:checked').value === 'true', phq9: phq9.items(), gad7: gad7.items(),
  notes: value(f, 'notes') }],
(answer) => { window.location.assign(form.querySelector('#suitable-yes').checked ? `/episodes/${id}/allocation` : '/reception'); });
document.body.dataset.ready = 'true';
