/** Small formatters the reply templates share. */

/** £1.65 */
export function formatMoney(amount: number): string {
  return `£${amount.toFixed(2)}`;
}

/** "a", "a and b", "a, b and c" */
export function joinList(items: readonly string[], last = 'and'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${last} ${items.at(-1)}`;
}

/** Catalogue titles are upper case; replies use sentence case. */
export function displayTitle(title: string): string {
  const lower = title.trim().toLowerCase().replace(/\s+/g, ' ');
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

/** 2011-09-30 17:22:00 → 30 September 2011 */
export function displayDate(shopTime: string): string {
  const date = new Date(`${shopTime.slice(0, 10)}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return shopTime;
  return date.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

const CATEGORY_LABELS: Record<string, string> = {
  'home-decor': 'home decor',
  'kitchen-dining': 'kitchen and dining',
  'candles-lighting': 'candles and lighting',
  'storage-furniture': 'storage and furniture',
  'cards-wrap': 'cards and gift wrap',
  'toys-games': 'toys and games',
  'jewellery-accessories': 'jewellery and accessories',
};

/** A catalogue category id as shoppers say it: "candles-lighting" → "candles and lighting". */
export function categoryLabel(id: string): string {
  return CATEGORY_LABELS[id] ?? id.replace(/-/g, ' ');
}

export interface FilterWords {
  minPrice?: number;
  maxPrice?: number;
  colours?: readonly string[];
  excludeColours?: readonly string[];
  categories?: readonly string[];
}

/** "in red, under £2.00, not blue" */
export function describeFilters(filters: FilterWords): string {
  const parts: string[] = [];
  if (filters.colours?.length)
    parts.push(`in ${joinList(filters.colours, 'or')}`);
  if (filters.categories?.length)
    parts.push(`from ${joinList(filters.categories.map(categoryLabel), 'or')}`);
  if (filters.minPrice !== undefined && filters.maxPrice !== undefined)
    parts.push(
      `between ${formatMoney(filters.minPrice)} and ${formatMoney(filters.maxPrice)}`,
    );
  else if (filters.maxPrice !== undefined)
    parts.push(`up to ${formatMoney(filters.maxPrice)}`);
  else if (filters.minPrice !== undefined)
    parts.push(`from ${formatMoney(filters.minPrice)}`);
  if (filters.excludeColours?.length)
    parts.push(`nothing ${joinList(filters.excludeColours, 'or')}`);
  return parts.join(', ');
}
