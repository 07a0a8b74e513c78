// Interface messages of the live updates of a term page (components/live/live-term.tsx).
import type { Widen } from "../types";

export const en = {
  live: "Live: this page updates as scholars grade, propose and comment.",
  reconnecting: "Reconnecting… the page will catch up when the connection is back.",
  updated: "Updated",
  plain: "Signed in without JavaScript? The plain page lets you grade, propose and discuss.",
  plainLink: "Open the plain page",
};

export const zh: Widen<typeof en> = {
  live: "实时：学者评分、提议和评论时，本页会自动更新。",
  reconnecting: "正在重新连接……连接恢复后本页会自动补上更新。",
  updated: "已更新",
  plain: "已登录但未启用 JavaScript？可在简易页面上评分、提议和讨论。",
  plainLink: "打开简易页面",
};
