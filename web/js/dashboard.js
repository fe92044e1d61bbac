// The archive at a glance: #/dashboard, from /api/stats.
import { api } from './api.js';
import { h, clear, fmt, niceDate, query, errorBox } from './dom.js';
import { columnChart, monthRange } from './charts.js';

function bars(items, href, max = 12) {
  const top = items.slice(0, max);
  const peak = Math.max(1, ...top.map((i) => i.count));
  return h('ul', { class: 'bars' }, top.map((i) => h('li', {},
    h('a', { href: href(i.name), title: i.name }, i.name),
    h('span', { class: 'bar', style: `width:${(100 * i.count / peak).toFixed(1)}%`, 'aria-hidden': 'true' }),
    h('span', { class: 'count' }, fmt.format(i.count)))));
}

export async function dashboardView(root) {
  clear(root).append(h('p', { class: 'loading' }, 'Loading…'));
  let s;
  try {
    s = await api('stats', { top: 12 }, { exclusive: true });
  } catch (err) {
    if (err.name !== 'AbortError') clear(root).append(errorBox(err));
    return;
  }
  const months = Object.keys(s.months || {}).sort();
  const series = months.length ? monthRange(months[0], months[months.length - 1]).map((m) => ({
    label: m.endsWith('-01') || months.length < 14 ? m : m.slice(5), value: s.months[m] || 0,
    title: `${niceDate(m)}: ${s.months[m] || 0} briefing${s.months[m] === 1 ? '' : 's'}`,
  })) : [];
  const figure = (n, l) => h('div', { class: 'card figure' }, h('div', { class: 'n' }, n), h('div', { class: 'l' }, l));
  clear(root).append(
    h('h1', {}, 'The archive'),
    h('p', { class: 'lede' }, s.first_date ? `Briefings from ${niceDate(s.first_date)} to ${niceDate(s.last_date)}.` : 'The index is empty.'),
    h('div', { class: 'figures' },
      figure(fmt.format(s.briefings), 'briefings'),
      figure(fmt.format(s.turns), 'turns (questions, answers, statements)'),
      figure(fmt.format(s.tokens), 'words'),
      figure(fmt.format(s.spokespersons.length), 'spokespersons'),
      figure(Object.entries(s.languages).map(([k, v]) => `${k} ${fmt.format(v)}`).join(' · '), 'by language')),
    h('section', { class: 'card', 'aria-labelledby': 'per-month' },
      h('h2', { id: 'per-month' }, 'Briefings per month'),
      series.length ? columnChart(series, { label: 'Briefings per month' }) : h('p', { class: 'muted' }, 'No dated briefings.')),
    h('div', { class: 'grid', style: 'margin-top:1rem' },
      h('section', { class: 'card', 'aria-labelledby': 'top-outlets' },
        h('h2', { id: 'top-outlets' }, 'Outlets asking most'),
        h('p', { class: 'muted' }, `Questions asked; ${fmt.format(s.anonymous_questions)} more were anonymous.`),
        bars(s.outlets, (n) => '#/search' + query({ outlet: n, role: 'question', sort: 'date' }))),
      h('section', { class: 'card', 'aria-labelledby': 'speakers' },
        h('h2', { id: 'speakers' }, 'Spokespersons'),
        h('p', { class: 'muted' }, 'Briefings in which each one spoke.'),
        bars(s.spokespersons, (n) => '#/search' + query({ speaker: n, sort: 'date' }), 15))));
}
