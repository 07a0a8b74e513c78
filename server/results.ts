import "server-only";

/** Placeholder until the tally lands (issue 4): no leader without ballots. */
export async function leaderOf(termId: string): Promise<{ leader: { id: string; text: string } | null; consensus: { id: string; text: string } | null }> {
  void termId;
  return { leader: null, consensus: null };
}
