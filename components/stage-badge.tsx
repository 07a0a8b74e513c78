import type { Stage } from "@/lib/schemas/term";
import type { Messages } from "@/lib/i18n";

export function StageBadge({ stage, t }: { stage: Stage; t: Messages }) {
  return (
    <span className={`stage stage-${stage}`} title={t.stageHint[stage]}>
      {t.stage[stage]}
    </span>
  );
}
