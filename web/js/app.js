// lectern's page: a hash router over the views. Every view's state is in
// its URL (#/view/arg?params), so a link reproduces what is on screen.
import { h, clear } from './dom.js';
import { searchView } from './search.js';
import { briefingView } from './briefing.js';
import { dashboardView } from './dashboard.js';
import { trendView } from './trend.js';
import { kwicView } from './kwic.js';
import { talkingPointsView } from './talking_points.js';
import { collocatesView, keynessView } from './words.js';

const root = document.getElementById('view');

function parseHash() {
  const raw = location.hash.replace(/^#\/?/, '');
  const q = raw.indexOf('?');
  const path = (q < 0 ? raw : raw.slice(0, q)).split('/').map((s) => { try { return decodeURIComponent(s); } catch { return s; } });
  return { view: path[0] || 'search', arg: path.slice(1).join('/'), params: new URLSearchParams(q < 0 ? '' : raw.slice(q + 1)) };
}

async function route() {
  const { view, arg, params } = parseHash();
  document.title = 'lectern — press briefings';
  for (const a of document.querySelectorAll('.nav a')) {
    if (a.dataset.view === view || (view === 'briefing' && a.dataset.view === 'search')) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  root.dataset.view = view;
  // A chart's tooltip belongs to the view it was hovered in.
  for (const t of document.querySelectorAll('.tooltip')) t.hidden = true;
  try {
    switch (view) {
      case 'search': await searchView(root, params); break;
      case 'briefing': await briefingView(root, params, arg); break;
      case 'dashboard': await dashboardView(root, params); break;
      case 'trend': await trendView(root, params); break;
      case 'kwic': await kwicView(root, params); break;
      case 'talking-points': await talkingPointsView(root, params); break;
      case 'collocates': await collocatesView(root, params); break;
      case 'keyness': await keynessView(root, params); break;
      default:
        clear(root).append(h('h1', {}, 'No such view'), h('p', {}, h('a', { href: '#/search' }, 'Go to search')));
    }
  } catch (err) {
    if (err.name !== 'AbortError') clear(root).append(h('div', { class: 'error', role: 'alert' }, String(err.message || err)));
  }
  root.dataset.ready = view;  // for tests: the view has rendered
}

window.addEventListener('hashchange', () => {
  route();
  if (!location.hash.startsWith('#/briefing')) window.scrollTo(0, 0);
});
route();
