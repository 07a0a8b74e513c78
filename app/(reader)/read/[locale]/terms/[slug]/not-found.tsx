import { BilingualNotFound } from "@/components/not-found-message";

/** Not-found among the cached pages: static, so it cannot know the reader's language; it says it in both. */
export default function NotFound() {
  return <BilingualNotFound />;
}
