// Concordance: #/kwic?q=
import { api } from './api.js';
import { notAvailable } from './pending.js';
import { h, clear, errorBox } from './dom.js';

export async function kwicView(root, params) {
  try {
    await api('kwic', Object.fromEntries(params), { exclusive: true });
  } catch (err) {
    if (err.name === 'AbortError') return;
    if (err.status === 404) return notAvailable(root, 'Concordance', '/api/kwic', 'The concordance');
    clear(root).append(h('h1', {}, 'Concordance'), errorBox(err));
  }
}
