// The managers' live feeds (new sales, orders, stock alerts): events of some topics at one branch or all,
// preceded by a `sync` that tells the screen to (re)load its list, which these feeds do not send themselves.
import type { Db } from "@pos/db";
import type { TLiveFeedParsed } from "@pos/validators";
import type { SessionUser } from "../context.ts";
import { liveFeed } from "../events/feed.ts";
import type { BusEvent, EventBus, EventMap, Topic } from "../events/index.ts";
import { stillHasAccess } from "./staff-access.ts";

const MANAGERS = ["MANAGER", "ADMIN"] as const;

/** Topics whose events belong to one branch. */
type BranchTopic = { [K in Topic]: EventMap[K] extends { branchId: number } ? K : never }[Topic];

export function managerFeed<T extends BranchTopic, TEvent>(
  ctx: { db: Db; bus: EventBus; user: SessionUser },
  input: TLiveFeedParsed,
  signal: AbortSignal | undefined,
  feed: {
    topics: readonly T[];
    view: (event: BusEvent<T>) => TEvent | undefined;
    filter?: (event: BusEvent<T>) => boolean;
  },
) {
  const { branchId } = input;
  return liveFeed(ctx.bus, {
    topics: feed.topics,
    since: input.lastEventId,
    signal,
    filter: (event) =>
      (branchId === undefined || event.data.branchId === branchId) && (!feed.filter || feed.filter(event)),
    view: feed.view,
    snapshot: () => Promise.resolve(null),
    stillAllowed: () => stillHasAccess(ctx.db, ctx.user, MANAGERS),
  });
}
