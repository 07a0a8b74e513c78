import { takeSseFrames, type SseFrame } from "@/lib/live";

/** Reads SSE frames from a stream until `count` frames (comments skipped) or the timeout. */
export async function readFrames(res: Response, count: number, timeoutMs = 5000): Promise<SseFrame[]> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  const frames: SseFrame[] = [];
  let buffer = "";
  const deadline = Date.now() + timeoutMs;
  while (frames.length < count && Date.now() < deadline) {
    const chunk = await Promise.race([
      reader.read(),
      new Promise<null>((r) => setTimeout(() => r(null), Math.max(1, deadline - Date.now()))),
    ]);
    if (!chunk || chunk.done) break;
    buffer += decoder.decode(chunk.value, { stream: true });
    const taken = takeSseFrames(buffer);
    buffer = taken.rest;
    frames.push(...taken.frames);
  }
  return frames;
}
