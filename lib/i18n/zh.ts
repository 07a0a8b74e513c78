import type { Messages } from "./en";

/** 简体中文界面文字。 */
export const zh: Messages = {
  app: { name: "共商", tagline: "共同商定译名", skip: "跳到正文" },
  nav: { lexicon: "术语表", method: "结果如何计算", signIn: "登录", signOut: "退出", profile: "个人资料", language: "语言" },
  stage: { draft: "草稿", consultation: "征求意见", provisional: "预公布", published: "公布" },
  stageHint: {
    draft: "主持人正在准备。",
    consultation: "开放提议、评分和评论。",
    provisional: "评分已截止；结果已公布，仍接受异议。",
    published: "已记录决定。",
  },
  lexicon: {
    title: "术语表",
    intro: "“合作安全2.0”术语表中的概念及其候选中文译名。两国代表团的学者为候选译名评分；只有当每个代表团都认为可以接受时，译名才达成共识。",
    term: "术语",
    stage: "阶段",
    renderings: "译名",
    ballots: "选票",
    leader: "领先",
    consensus: "共识",
    none: "—",
    empty: "暂无术语。",
  },
  term: {
    abbreviation: "缩写",
    definition: "定义",
    context: "语境",
    source: "出处",
    subjectField: "学科领域",
    languages: "语言",
    candidates: "候选译名",
    noCandidates: "尚无人提出译名。",
    pinyin: "拼音",
    gloss: "字面回译",
    rationale: "理由",
    proposedBy: "提出者",
    traditional: "繁体",
    ballots: "{count} 张选票",
    deadline: "征求意见截止于 {date}",
  },
  errors: {
    notFoundTitle: "未找到",
    notFound: "没有这个页面。该术语可能已改名。",
    backHome: "返回术语表",
    generic: "我们这边出了问题，请稍后再试。",
  },
};
