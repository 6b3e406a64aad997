// Duban: the webapps speak Chinese whatever the browser's language, unless the user picks English
// with the switch at the foot of the page; the choice is kept in this browser.
//
// Camunda's webapps take their language from the browser's first language (navigator.languages)
// when they start. Every app's config.js imports this module, and the apps load config.js before
// they start, so they see the user's choice instead.

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

function start() {
  addSwitch();
  if (language === 'zh') {
    translateFormMessages(document.body);
    new MutationObserver(() => translateFormMessages(document.body))
      .observe(document.body, {childList: true, subtree: true, characterData: true});
  }
}

if (document.body) {
  start();
} else {
  document.addEventListener('DOMContentLoaded', start);
}
