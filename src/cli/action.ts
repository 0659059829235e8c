/** What an action asks main to do once parsing is over: faces return their exit status. */
export type Action = () => Promise<number>;
