// Duban: the webapps in Chinese by default (English still selectable), dates as YYYY-MM-DD HH:mm.
export default {
  // the header reads "督办 Welcome"
  app: {
    name: 'Welcome',
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
