// R34: the bulletin's printable page (/api/bulletins/{id}/page): the print button and the two charts,
// whose data the page carries in data-chart attributes. A module script with the page's nonce; Chart.js
// is loaded before it by the page.
import {drawLevels, drawRates, loadChart} from './charts.js';

document.getElementById('print').addEventListener('click', () => window.print());

loadChart().then(Chart => {
  const levels = document.getElementById('levels-chart');
  drawLevels(Chart, levels, JSON.parse(levels.dataset.chart));
  const rates = document.getElementById('rates-chart');
  const data = JSON.parse(rates.dataset.chart);
  drawRates(Chart, rates, data.units, data.rates, '本期各单位按期办结率');
});
