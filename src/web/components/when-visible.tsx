import { type ReactNode, useEffect, useRef, useState } from 'react';

/**
 * Renders its children once the place they go is about to scroll into view: what sits below the
 * fold of a phone (a chart and its library) is not downloaded until the user goes to it.
 */
export function WhenVisible({ children, reservedHeight }: { children: ReactNode; reservedHeight: number }) {
  const anchor = useRef<HTMLDivElement>(null);
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    const node = anchor.current;
    if (!node || visible) return;
    if (typeof IntersectionObserver === 'undefined') {
      setVisible(true);
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) setVisible(true);
      },
      { rootMargin: '200px 0px' },
    );
    observer.observe(node);
    return () => observer.disconnect();
  }, [visible]);
  return visible ? <>{children}</> : <div ref={anchor} style={{ minHeight: reservedHeight }} />;
}
