// Views whose API this server may not have yet: they ask, and say so on a 404.
import { h, clear } from './dom.js';

export function notAvailable(root, title, endpoint, what) {
  clear(root).append(h('h1', {}, title),
    h('p', { class: 'notice' }, `${what} needs `, h('code', {}, endpoint),
      ', which this lectern server does not offer yet. Search, the briefing reader and the archive work.'));
}
