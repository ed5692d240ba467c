import { startTransition, useCallback, useEffect, useState } from 'react';

/**
 * How many of `total` parts of a long page to draw: `first` as soon as the page is `ready`, then
 * the rest in transitions, `step` more each time (all of them at once by default). Drawing a case
 * page's dozen panels, or a board's fifty cards, in one go blocked a mid-range phone's main thread
 * for seconds; React renders a transition in slices and yields between them, and a step keeps
 * each commit short, so taps and typing on the first parts are answered while the rest fills in.
 * `drawAll` draws everything now (a jump to a part further down).
 */
export function useProgressiveCount(total: number, first: number, ready: boolean, step = total): [number, () => void] {
  const [count, setCount] = useState(Math.min(first, total));
  useEffect(() => {
    if (!ready || count >= total) return;
    // After the parts drawn so far are on screen, not in the same task.
    const timer = setTimeout(() => startTransition(() => setCount((n) => Math.min(total, n + Math.max(1, step)))), 0);
    return () => clearTimeout(timer);
  }, [count, total, ready, step]);
  const drawAll = useCallback(() => setCount(total), [total]);
  return [count, drawAll];
}
