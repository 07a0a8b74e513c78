"use server";
import { redirect } from "next/navigation";
import { unsubscribe } from "@/server/notices/unsubscribe";

/** The button of the unsubscribe page (a GET never changes anything: mail scanners follow links). */
export async function unsubscribeAction(form: FormData): Promise<void> {
  const token = String(form.get("token") ?? "");
  const ok = await unsubscribe(token);
  redirect(`/unsubscribe/${encodeURIComponent(token)}${ok ? "?done=1" : ""}`);
}
