// Duban: the webapps speak Chinese whatever the browser's language, unless the user picks English
// with the switch at the foot of the page; the choice is kept in this browser.
//
// Camunda's webapps take their language from the browser's first language (navigator.languages)
// when they start. Every app's config.js imports this module, and the apps load config.js before
// they start, so they see the user's choice instead.

/**
 * What every app's scripts/config.js says: Chinese by default with English selectable (below), dates
 * as YYYY-MM-DD HH:mm, and the product named 督办 in the header and the page's title ("督办 · 待办"):
 * the app's own name (Tasklist, Cockpit) means nothing to an office, which knows the system as 督办.
 */
export function webappConfig(app) {
  return {
    app: {name: language === 'en' ? ENGLISH_NAMES[app] : CHINESE_NAMES[app], vendor: '督办 ·'},
    locales: {availableLocales: ['zh', 'en'], fallbackLocale: 'zh'},
    dateFormat: {normal: 'YYYY-MM-DD HH:mm', long: 'YYYY-MM-DD HH:mm:ss'}
  };
}

/** What the apps are to the offices: where the work is, where it is overseen, administered, and the start page. */
const CHINESE_NAMES = {tasklist: '待办', cockpit: '监控', admin: '管理', welcome: '首页'};
const ENGLISH_NAMES = {tasklist: 'Tasklist', cockpit: 'Cockpit', admin: 'Admin', welcome: 'Welcome'};

const KEY = 'duban-language';

function chosen() {
  try {
    return window.localStorage.getItem(KEY) === 'en' ? 'en' : 'zh';
  } catch (e) {
    return 'zh';
  }
}

const language = chosen();

try {
  Object.defineProperty(window.navigator, 'languages', {configurable: true, get: () => [language]});
} catch (e) {
  // a browser that refuses: its own language decides, as in Camunda
}

// Camunda Forms write and read a date in the pattern of the browser's default date format (what
// Intl.DateTimeFormat() with no options writes): 12/15/2026 in an English browser, where a typed
// 2026-12-15 turns into another date, 2026/12/15 in a Chinese one. In Chinese the default is the way
// offices write a date, 2026-12-15, whatever the browser: the forms then show and read dates so.
if (language === 'zh') {
  Intl.DateTimeFormat = new Proxy(Intl.DateTimeFormat, {
    construct: (native, [locales, options], newTarget) => yearFirst(locales, options,
      (l, o) => Reflect.construct(native, [l, o], newTarget)),
    apply: (native, self, [locales, options]) => yearFirst(locales, options, (l, o) => Reflect.apply(native, self, [l, o]))
  });
}

/** What decides a format's fields; a time zone or a calendar alone leaves them to the locale's default. */
const FIELDS = ['weekday', 'era', 'year', 'month', 'day', 'dayPeriod', 'hour', 'minute', 'second',
  'fractionalSecondDigits', 'timeZoneName', 'dateStyle', 'timeStyle'];

function yearFirst(locales, options, create) {
  const byDefault = locales === undefined || locales === 'default' || (Array.isArray(locales) && locales.length === 0);
  if (!byDefault) {
    return create(locales, options);
  }
  if (options && FIELDS.some(field => options[field] !== undefined)) {
    return create('zh-CN', options);
  }
  // the default date: zh-CN's digits (2026/12/02), with the hyphens of 2026-12-02
  const format = create('zh-CN', {...(options || {}), year: 'numeric', month: '2-digit', day: '2-digit'});
  const parts = format.formatToParts.bind(format);
  const hyphenated = date => parts(date).map(part => (part.type === 'literal' ? {...part, value: '-'} : part));
  Object.defineProperty(format, 'formatToParts', {value: hyphenated});
  Object.defineProperty(format, 'format', {value: date => hyphenated(date).map(part => part.value).join('')});
  return format;
}

function addSwitch() {
  if (document.getElementById('duban-language-switch')) {
    return;
  }
  const link = document.createElement('a');
  link.id = 'duban-language-switch';
  link.href = '#';
  link.lang = language === 'en' ? 'zh' : 'en';
  link.textContent = language === 'en' ? '中文' : 'English';
  link.title = language === 'en' ? '切换为中文' : 'Switch to English';
  link.style.cssText = 'position:fixed;left:50%;bottom:4px;z-index:2000;font-size:12px;';
  link.addEventListener('click', event => {
    event.preventDefault();
    try {
      window.localStorage.setItem(KEY, language === 'en' ? 'zh' : 'en');
    } catch (e) {
      return;
    }
    window.location.reload();
  });
  document.body.appendChild(link);
}

// Camunda Forms (form-js) in Tasklist check a field in the browser and say so in English only:
// the messages it writes under a field are put into Chinese as they appear.
const FORM_MESSAGES = [
  [/^Field is required\.$/, () => '此项为必填项。'],
  [/^Field must have minimum length of (\d+)\.$/, n => `至少填写${n}个字。`],
  [/^Field must have maximum length of (\d+)\.$/, n => `最多填写${n}个字。`],
  [/^Field must have minimum value of (.+)\.$/, n => `不能小于${n}。`],
  [/^Field must have maximum value of (.+)\.$/, n => `不能大于${n}。`],
  [/^Field must match pattern .+\.$/, () => '格式不符合要求。'],
  [/^Field must be a valid email\.$/, () => '请填写有效的电子邮箱。'],
  [/^Field must be a valid\s+international phone number/, () => '请填写有效的电话号码（含国际区号）。'],
  [/^Date and time must both be entered\.$/, () => '日期和时间都要填写。'],
  [/^Date must match pattern yyyy-MM-dd$/, () => '日期格式应为 yyyy-MM-dd。']
];

function translateFormMessages(root) {
  root.querySelectorAll('.fjs-form-field-error, .fjs-form-field-error li, .fjs-form-field-error span')
    .forEach(node => {
      node.childNodes.forEach(text => {
        if (text.nodeType !== Node.TEXT_NODE) {
          return;
        }
        const english = text.nodeValue.trim();
        for (const [pattern, chinese] of FORM_MESSAGES) {
          const match = english.match(pattern);
          if (match) {
            text.nodeValue = chinese(match[1]);
            return;
          }
        }
      });
    });
}

// ... and its lists and calendar are English too: their few words are put into Chinese.
const PLACEHOLDERS = {'Search': '搜索', 'Select': '请选择', 'Search components': '搜索'};
const EMPTY_LISTS = {'No values': '无可选项', 'No results': '无匹配项'};
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
  'October', 'November', 'December'];
const WEEKDAYS = {Sun: '日', Mon: '一', Tue: '二', Wed: '三', Thu: '四', Fri: '五', Sat: '六'};

/**
 * Changes an element's own text in place: the views that drew it keep their text node and redraw
 * it as before, and the next pass puts it into Chinese again.
 */
function translateText(element, translate) {
  element.childNodes.forEach(node => {
    if (node.nodeType === Node.TEXT_NODE) {
      const chinese = translate(node.nodeValue.trim());
      if (chinese) {
        node.nodeValue = chinese;
      }
    }
  });
}

function translateFormWidgets(root) {
  root.querySelectorAll('.fjs-form input[placeholder], .fjs-form-field input[placeholder]').forEach(input => {
    if (PLACEHOLDERS[input.placeholder]) {
      input.placeholder = PLACEHOLDERS[input.placeholder];
    }
  });
  root.querySelectorAll('.fjs-form .fjs-dropdownlist-empty, .fjs-form .fjs-select-display, .fjs-form .fjs-taglist')
    .forEach(node => translateText(node, text => EMPTY_LISTS[text] || PLACEHOLDERS[text]));
  root.querySelectorAll('.flatpickr-weekday').forEach(day => translateText(day, text => WEEKDAYS[text]));
  root.querySelectorAll('.flatpickr-monthDropdown-month, .flatpickr-current-month .cur-month').forEach(month =>
    translateText(month, text => MONTHS.indexOf(text) >= 0 ? (MONTHS.indexOf(text) + 1) + '月' : null));
  // a notice or report linked from a form opens beside the task, which stays open
  root.querySelectorAll('.fjs-form a[href*="/api/"]').forEach(link => {
    if (link.target !== '_blank') {
      link.target = '_blank';
      link.rel = 'noopener';
    }
  });
}

function translateForms() {
  translateFormMessages(document.body);
  translateFormWidgets(document.body);
}

// The header's menu of the other apps names them as Camunda does (Cockpit, Admin), in English whatever
// the language: when it opens, they are named as the header names them.
function nameApps(event) {
  const menu = event.target instanceof Element ? event.target.closest('.app-switch') : null;
  if (!menu) {
    return;
  }
  menu.querySelectorAll('li').forEach(item => {
    const app = Object.keys(CHINESE_NAMES).find(name => item.classList.contains(name));
    const link = item.querySelector('a');
    if (app && link) {
      translateText(link, () => CHINESE_NAMES[app]);
    }
  });
}

function start() {
  addSwitch();
  if (language === 'zh') {
    document.addEventListener('click', nameApps, true);
    translateForms();
    // one pass per frame at most, and only when a form or a calendar is on the page
    let pending = false;
    new MutationObserver(() => {
      if (pending || !document.querySelector('.fjs-form, .flatpickr-calendar')) {
        return;
      }
      pending = true;
      window.requestAnimationFrame(() => {
        pending = false;
        translateForms();
      });
    }).observe(document.body, {childList: true, subtree: true, characterData: true});
  }
}

if (document.body) {
  start();
} else {
  document.addEventListener('DOMContentLoaded', start);
}
