// Interface messages of the live updates of a term page (components/live/live-term.tsx).
import type { Widen } from "../types";

export const en = {
  live: "Live: this page updates as scholars grade, propose and comment.",
  reconnecting: "Reconnecting… the page will catch up when the connection is back.",
  updated: "Updated",
};

export const zh: Widen<typeof en> = {
  live: "实时：学者评分、提议和评论时，本页会自动更新。",
  reconnecting: "正在重新连接……连接恢复后本页会自动补上更新。",
  updated: "已更新",
};
