import { useEffect, useState } from 'react';

/** The wall clock, ticking once a second for the header clock and data ages. */
export function useNow(tickMs = 1000): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), tickMs);
    return () => clearInterval(timer);
  }, [tickMs]);
  return now;
}
