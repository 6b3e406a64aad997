// Duban: the webapps in Chinese whatever the browser's language, English at the switch at the foot of
// the page, dates as YYYY-MM-DD HH:mm, the product named 督办: the settings every app shares are in
// ../../duban/language.js; every time in Beijing time: ../../duban/beijing-time.js.
import {webappConfig} from '../../duban/language.js';
import '../../duban/beijing-time.js';

export default {
  ...webappConfig('tasklist'),
  shortcuts: {
    claimTask: {key: 'ctrl+alt+c', description: '认领当前选中的任务'},
    focusFilter: {key: 'ctrl+shift+f', description: '焦点移到第一个过滤器'},
    focusList: {key: 'ctrl+alt+l', description: '焦点移到任务列表的第一个任务'},
    focusForm: {key: 'ctrl+alt+f', description: '焦点移到任务表单的第一个输入项'},
    startProcess: {key: 'ctrl+alt+p', description: '打开“发起流程”对话框'}
  }
};
