// Talking points: #/talking-points?filter=
import { api } from './api.js';
import { notAvailable } from './pending.js';
import { h, clear, errorBox } from './dom.js';

export async function talkingPointsView(root, params) {
  try {
    await api('talking-points', Object.fromEntries(params), { exclusive: true });
  } catch (err) {
    if (err.name === 'AbortError') return;
    if (err.status === 404) return notAvailable(root, 'Talking points', '/api/talking-points', 'Finding talking points');
    clear(root).append(h('h1', {}, 'Talking points'), errorBox(err));
  }
}
