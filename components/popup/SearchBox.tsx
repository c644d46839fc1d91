/** A search field named by its placeholder (the popup has no room for visible labels above fields). */
export function SearchBox(props: { label: string; value: string; testId?: string; onSearch(value: string): void }) {
  return (
    <input
      type="search"
      class="search"
      placeholder={props.label}
      aria-label={props.label}
      value={props.value}
      data-testid={props.testId}
      onInput={(event) => props.onSearch(event.currentTarget.value)}
    />
  );
}
