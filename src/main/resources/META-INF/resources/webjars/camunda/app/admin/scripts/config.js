// Duban: the webapps in Chinese whatever the browser's language, English at the switch at the foot of
// the page (see ../../duban/language.js); dates as YYYY-MM-DD HH:mm.
import '../../duban/language.js';

export default {
  // the header reads "督办 Admin"
  app: {
    name: 'Admin',
    vendor: '督办'
  },
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  },
  dateFormat: {
    normal: 'YYYY-MM-DD HH:mm',
    long: 'YYYY-MM-DD HH:mm:ss'
  }
};
