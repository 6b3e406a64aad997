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

if (document.body) {
  addSwitch();
} else {
  document.addEventListener('DOMContentLoaded', addSwitch);
}
