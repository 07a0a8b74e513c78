// What a form says when the server refused it, by the AppError code (lib/errors.ts).
import type { Widen } from "../types";

export const en = {
  errors: {
    bad_request: "The request could not be read. Please reload the page and try again.",
    unauthorized: "Your session has ended. Sign in again; what you typed is still here.",
    forbidden: "You may not do this.",
    stage_closed: "This is closed at the term's current stage.",
    not_found: "It is no longer there; it may have been removed or merged.",
    conflict: "Something changed meanwhile. Reload the page and try again.",
    invalid: "Please check the highlighted fields.",
    rate_limited: "You have sent many of these in a short time. Wait a few minutes and try again; what you typed is still here.",
    overloaded: "The server is busy right now; nothing was saved. Wait a second and try again; what you typed is still here.",
    internal: "Something went wrong on our side. Please try again in a moment.",
    network: "The server could not be reached. Check your connection and try again.",
  },
  required: "required",
};

export const zh: Widen<typeof en> = {
  errors: {
    bad_request: "无法读取请求。请刷新页面后重试。",
    unauthorized: "您的登录已失效。请重新登录；您输入的内容仍在。",
    forbidden: "您无权执行此操作。",
    stage_closed: "术语当前阶段不开放此操作。",
    not_found: "内容已不存在，可能已被移除或合并。",
    conflict: "内容已发生变化。请刷新页面后重试。",
    invalid: "请检查标出的字段。",
    rate_limited: "您在短时间内提交次数过多。请等几分钟后再试；您输入的内容仍在。",
    overloaded: "服务器此刻繁忙，没有保存任何内容。请稍等一秒后再试；您输入的内容仍在。",
    internal: "我们这边出了问题，请稍后再试。",
    network: "无法连接服务器，请检查网络后重试。",
  },
  required: "必填",
};
