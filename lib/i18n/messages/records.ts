import { SYNONYM_CLASS_HANZI } from "@/lib/records/synonym-classes";

// Term records as term committees write them (issue 14): synonym classes, usage regions,
// bilingual term fields. The class names are the committees' own (正名, 又称…) in both languages.
export const en = {
  synonymClass: "Synonym class",
  classes: {
    standard: "正名 standard term",
    alternative: "又称 alternative name",
    short: "简称 short form",
    full: "全称 full form",
    common: "俗称 common name",
    former: "曾称 former name",
  },
  noClass: "No class",
  region: "Usage region",
  regions: { CN: "Mainland China (大陆)", TW: "Taiwan (台湾)", HK: "Hong Kong (香港)", MO: "Macao (澳门)", SG: "Singapore (新加坡)" },
  everywhere: "Everywhere",
  regionalAdopted: "Adopted for a region",
  regionalHint: "择优选用, 求同存异: besides the adopted form, one form may be adopted for each region whose usage differs (only renderings with a usage region).",
  regional: "Regional variants",
  adoptedFor: "adopted for {region}",
  inSourceLanguage: "In the source language ({lang})",
  inTargetLanguage: "In the target language ({lang})",
  note: "Note",
  classHint: "The class each named rendering takes (CY/T 119-2015). Left as it is: adopted 正名, admitted 又称, deprecated without a class.",
};

export const zh: typeof en = {
  synonymClass: "名称类别",
  // The committees' own names (CY/T 119-2015), kept once beside the codes.
  classes: { ...SYNONYM_CLASS_HANZI },
  noClass: "无类别",
  region: "使用地区",
  regions: { CN: "大陆", TW: "台湾", HK: "香港", MO: "澳门", SG: "新加坡" },
  everywhere: "各地通用",
  regionalAdopted: "按地区选定",
  regionalHint: "择优选用，求同存异：在选定的正名之外，用法不同的地区可各选定一个译名（仅限注明使用地区的译名）。",
  regional: "地区译名",
  adoptedFor: "{region}选定",
  inSourceLanguage: "源语言（{lang}）",
  inTargetLanguage: "目标语言（{lang}）",
  note: "附注",
  classHint: "本决定列出的每个译名的名称类别（CY/T 119-2015）。不作选择时：选定的为正名，可用的为又称，不推荐的不标类别。",
};
