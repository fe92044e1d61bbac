// Trends: #/trend?phrases=a|b&by=month|quarter|year&speaker=
import { api } from './api.js';
import { notAvailable } from './pending.js';
import { h, clear, errorBox } from './dom.js';

export async function trendView(root, params) {
  try {
    await api('trend', Object.fromEntries(params), { exclusive: true });
  } catch (err) {
    if (err.name === 'AbortError') return;
    if (err.status === 404) return notAvailable(root, 'Trends', '/api/trend', 'Charting phrases over time');
    clear(root).append(h('h1', {}, 'Trends'), errorBox(err));
  }
}
