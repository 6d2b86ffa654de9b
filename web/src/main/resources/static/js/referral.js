import { get, el, fill, onSubmit, showProblem, clearProblems, value, today, formatDate, words, announce } from './app.js';

const refer = document.getElementById('refer-form');
refer.elements.referredOn.value = today();

function choose(clientId, name) {
  refer.elements.clientId.value = clientId;
  fill('refer-client-name', 'Client: ', el('strong', { id: 'chosen-client' }, name));
  document.getElementById('refer-source').focus();
}

const find = document.getElementById('find-form');
find.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearProblems(find);
  // the NHS number goes to the API as a query parameter of a background call, never into the page's address
  const answer = await get(`/api/clients?nhsNumber=${encodeURIComponent(value(find, 'nhsNumber') || '')}`);
  if (!answer.ok) return showProblem(find, answer);
  const clients = answer.body.clients || [];
  fill('found', clients.length ? el('ul', {}, clients.map((c) => el('li', {}, `${c.givenName} ${c.familyName}, born ${formatDate(c.dateOfBirth)} (${words(c.status)}) `,
    el('button', { type: 'button', class: 'secondary', onclick: () => choose(c.clientId, `${c.givenName} ${c.familyName}`) }, 'Refer this client'))))
    : el('p', {}, 'No client has this NHS number: register them below.'));
  if (!clients.length) document.getElementById('reg-nhs').value = value(find, 'nhsNumber') || '';
});

onSubmit(document.getElementById('register-form'), (form) => ['/api/clients', {
  nhsNumber: value(form, 'nhsNumber'), givenName: value(form, 'givenName'), familyName: value(form, 'familyName'),
  dateOfBirth: value(form, 'dateOfBirth'), gender: value(form, 'gender'), ethnicCategory: value(form, 'ethnicCategory'),
  postcode: value(form, 'postcode'), phone: value(form, 'phone') }],
async (answer) => {
  const form = document.getElementById('register-form');
  announce('Client registered.');
  choose(answer.body.clientId, `${value(form, 'givenName')} ${value(form, 'familyName')}`);
});

onSubmit(refer, (form) => ['/api/episodes', { clientId: value(form, 'clientId'), referralSource: value(form, 'referralSource'),
  referredOn: value(form, 'referredOn'), presentingProblem: value(form, 'presentingProblem'), priority: value(form, 'priority') }],
(answer) => { window.location.assign(`/episodes/${answer.body.episodeId}/assessment`); });
document.body.dataset.ready = 'true';
