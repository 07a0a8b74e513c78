// Interface messages of the lexicon downloads (TBX, CSV, JSON) on the lexicon and term pages.
import type { Widen } from "../types";

export const en = {
  title: "Download",
  lexicon: "Download the lexicon",
  term: "Download this term",
  tbx: "TBX-Basic (terminology tools)",
  csv: "CSV (spreadsheets)",
  csvExact: "CSV (exact data, for tools)",
  json: "JSON",
  api: "API description (OpenAPI)",
};

export const zh: Widen<typeof en> = {
  title: "下载",
  lexicon: "下载术语表",
  term: "下载本术语",
  tbx: "TBX-Basic（术语管理工具）",
  csv: "CSV（电子表格）",
  csvExact: "CSV（原始数据，供程序使用）",
  json: "JSON",
  api: "接口说明（OpenAPI）",
};
