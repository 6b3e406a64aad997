// R34: the charts of 督办看板, 督办台账 and the bulletin, drawn with Chart.js (chart.umd.min.js beside this
// file, MIT licence in chart.js-LICENSE.md; served with the plugin, nothing from a CDN).
// Data: CaseCharts of the API ({months, byLevel: [{level, label, colour, counts}], onTimeByUnit: [...]}).

// Loads Chart.js once. Cockpit may carry an AMD loader (define.amd): the UMD file would then register
// with it instead of setting window.Chart, so define is hidden while it loads.
let loading = null;
export function loadChart() {
  if (window.Chart) {
    return Promise.resolve(window.Chart);
  }
  if (!loading) {
    const define = window.define;
    window.define = undefined;
    loading = import('./chart.umd.min.js')
      .then(() => window.Chart)
      .finally(() => {
        window.define = define;
      });
  }
  return loading;
}

function total(values) {
  return values.reduce((sum, v) => sum + (v || 0), 0);
}

// Cases registered per month, stacked by the warning level they reached.
export function drawLevels(Chart, canvas, charts, title = '近12个月立项事项（按督办级别）') {
  const datasets = charts.byLevel.map(s => ({label: s.label, data: s.counts, backgroundColor: s.colour, stack: 'levels'}));
  const chart = new Chart(canvas, {
    type: 'bar',
    data: {labels: charts.months, datasets},
    options: {
      responsive: true, maintainAspectRatio: false, animation: false,
      plugins: {title: {display: true, text: title}, legend: {position: 'bottom'}},
      scales: {x: {stacked: true}, y: {stacked: true, beginAtZero: true, ticks: {precision: 0}}}
    }
  });
  canvas.dataset.drawn = String(total(datasets.map(d => total(d.data))));
  return chart;
}

// The share of closures on time per unit, in percent.
export function drawRates(Chart, canvas, units, rates, title = '各单位按期办结率') {
  const chart = new Chart(canvas, {
    type: 'bar',
    data: {labels: units, datasets: [{label: '按期办结率（%）', data: rates, maxBarThickness: 28,
      backgroundColor: rates.map(r => r >= 90 ? '#1b7f3b' : r >= 60 ? '#b8860b' : '#c00000')}]},
    options: {
      indexAxis: 'y', responsive: true, maintainAspectRatio: false, animation: false,
      plugins: {title: {display: true, text: title}, legend: {display: false}},
      scales: {x: {min: 0, max: 100, ticks: {callback: v => `${v}%`}}}
    }
  });
  canvas.dataset.drawn = String(rates.length);
  return chart;
}

// The on-time chart from CaseCharts.onTimeByUnit.
export function drawUnitRates(Chart, canvas, charts, title) {
  return drawRates(Chart, canvas, charts.onTimeByUnit.map(u => `${u.unitName}（${u.onTime}/${u.closed}）`),
    charts.onTimeByUnit.map(u => u.rate), title);
}
