// Duban: the webapps in Chinese whatever the browser's language, English at the switch at the foot of
// the page, dates as YYYY-MM-DD HH:mm, the product named 督办: the settings every app shares are in
// ../../duban/language.js; every time in Beijing time: ../../duban/beijing-time.js.
import {webappConfig} from '../../duban/language.js';
import '../../duban/beijing-time.js';

export default webappConfig('cockpit');
