/** Where an office is: its address as the card shows it, and the map link built from its coordinates or address. */
import type { Agency, AgencyDirectory } from '../../../services/agencies/agency-directory.js';

/** The address as the card shows it: with the town in front unless it names the town already ("г. Фролово, …"). */
export function fullAddress(directory: AgencyDirectory, agency: Agency): string | undefined {
  if (!agency.address) return undefined;
  const place = directory.place(agency.place);
  const town = place?.parent ? directory.place(place.parent) : place;
  if (!town) return agency.address;
  const address = agency.address.toLowerCase().replace(/ё/g, 'е');
  const named = [town.name.toLowerCase().replace(/ё/g, 'е'), ...town.names].some((n) =>
    new RegExp(`(?<![а-яa-z])${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![а-яa-z])`).test(address),
  );
  return named ? agency.address : `${town.name}, ${agency.address}`;
}

export function mapUrl(directory: AgencyDirectory, agency: Agency): string | undefined {
  if (agency.coordinates)
    return `https://yandex.ru/maps/?pt=${agency.coordinates.lon},${agency.coordinates.lat}&z=17&l=map`;
  const address = fullAddress(directory, agency);
  return address ? `https://yandex.ru/maps/?text=${encodeURIComponent(address)}` : undefined;
}
