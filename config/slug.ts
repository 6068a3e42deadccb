/** `Declared ID (CRM)` → `declared-id-crm`: stable construct IDs and uniqueness checks for labels. */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
