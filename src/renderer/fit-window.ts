/**
 * The glance takes the height its view needs (GLANCE.md: "height to content"), so three
 * cards do not sit above an empty half window. The page measures what it needs and asks main,
 * which clamps it to the glance's limits; past the maximum the page scrolls as before.
 */

/** Height in CSS px the page needs: its parts at their natural height, the view unstretched. */
export function neededHeight(root: HTMLElement, main: HTMLElement): number {
  let total = 0;
  for (const part of root.children) {
    if (!(part instanceof HTMLElement) || part === main) continue;
    // The skip link is positioned off-screen and takes no room.
    if (getComputedStyle(part).position === 'absolute') continue;
    total += part.getBoundingClientRect().height;
  }
  const style = getComputedStyle(main);
  const view = main.firstElementChild?.getBoundingClientRect().height ?? 0;
  return Math.ceil(total + view + parseFloat(style.paddingTop) + parseFloat(style.paddingBottom));
}

/** Asks for a new height whenever the view or the chrome around it changes size. */
export function fitToContent(root: HTMLElement, main: HTMLElement, ask: (height: number) => void): () => void {
  let asked = -1;
  const measure = () => {
    const height = neededHeight(root, main);
    if (height === asked) return;
    asked = height;
    ask(height);
  };
  const observer = new ResizeObserver(measure);
  return () => {
    // A new view: watch it and the chrome (a problem line or status line may appear).
    observer.disconnect();
    for (const part of root.children) observer.observe(part);
    if (main.firstElementChild) observer.observe(main.firstElementChild);
  };
}
