// Duban: every date and time the webapps show is Beijing time (Asia/Shanghai), whatever the time zone
// of the browser, and the footer says so.
//
// The offices work in Beijing time: a deadline is a day of the Chinese calendar, the dashboard and the
// notices are written in it. Camunda's webapps show the engine's times in the browser's own zone and
// name that zone in the footer, so a browser set to UTC (a server room, a laptop abroad, a county that
// keeps Ürümqi time) saw a task due at 23:59 Beijing time as due at 15:59, under a footer saying UTC,
// beside a dashboard in Beijing time. Every app's scripts/config.js imports this module, before the app
// starts, so that the app's times and its footer follow Beijing time instead.
//
// China keeps UTC+8 all year (no daylight saving since 1991), so a fixed offset is exact for the dates
// the offices work with.

const ZONE = 'Asia/Shanghai';
const OFFSET_MINUTES = 8 * 60;

// Intl: a date formatter asked for no zone formats in Beijing time. The footer's zone is this
// formatter's (Intl.DateTimeFormat().resolvedOptions().timeZone), so it names Asia/Shanghai.
Intl.DateTimeFormat = new Proxy(Intl.DateTimeFormat, {
  construct: (native, [locales, options], newTarget) => Reflect.construct(native, [locales, inBeijing(options)], newTarget),
  apply: (native, self, [locales, options]) => Reflect.apply(native, self, [locales, inBeijing(options)])
});

function inBeijing(options) {
  if (options !== undefined && options !== null && options.timeZone !== undefined) {
    return options;
  }
  return {...(options || {}), timeZone: ZONE};
}

// moment.js, which the webapps format every engine time with (Tasklist's due dates, Cockpit's start
// and end times): a moment in the browser's local time is shown at UTC+8 instead, and a time written
// without an offset (typed into a date field) is read as Beijing time. This is what moment-timezone
// does for a default zone; the webapps bundle moment without it, so its hook is set here. The apps
// keep moment inside their bundle: it is found there by a line of its own source, and left alone
// (the browser's zone, as in Camunda) if a later version of the webapps bundles it otherwise.
const moment = bundledMoment();
if (moment && moment.updateOffset) {
  moment.updateOffset = (m, keepTime) => {
    if (m._dubanZoned) {
      return;
    }
    m._dubanZoned = true;
    // UTC moments and moments given an offset of their own keep it
    if (m._isUTC || !m.isValid()) {
      return;
    }
    const wallTime = m._a && m._tzm === undefined && m._f !== 'X' && m._f !== 'x';
    if (wallTime) {
      m._d = new Date(moment.utc(m._a).valueOf() - OFFSET_MINUTES * 60000);
    }
    m.utcOffset(OFFSET_MINUTES, keepTime);
  };
}

function bundledMoment() {
  const chunks = window.webpackChunkcamunda_bpm_webapp;
  if (!chunks) {
    return null;
  }
  let found = null;
  // a chunk of no modules whose start-up function receives the bundle's require
  chunks.push([['duban-beijing-time'], {}, require => {
    const id = Object.keys(require.m).find(key =>
      Function.prototype.toString.call(require.m[key]).includes('toIsoString() is deprecated'));
    if (id !== undefined) {
      const exported = require(id);
      found = typeof exported === 'function' && typeof exported.utc === 'function' ? exported : null;
    }
  }]);
  return found;
}
