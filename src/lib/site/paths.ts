/** Every HTML page the site builds, listed from the same indexes and page size the routes use. */
import { type CableGroup, getCables, getClassificationIndex, getOriginIndex, getTagIndex, getYearIndex } from './cables.ts';
import { countPages } from './pagination.ts';
import {
  cableUrl,
  classificationsUrl,
  classificationUrl,
  datesUrl,
  homeUrl,
  originsUrl,
  originUrl,
  searchUrl,
  tagsUrl,
  tagUrl,
  yearUrl,
} from './urls.ts';

/** Paths of every page: the home page, search and indexes, every page of every list, every cable. */
export async function listPagePaths(): Promise<string[]> {
  const lists: [Map<string, CableGroup>, (name: string, page: number) => string][] = [
    [await getTagIndex(), tagUrl],
    [await getOriginIndex(), originUrl],
    [await getYearIndex(), yearUrl],
    [await getClassificationIndex(), classificationUrl],
  ];
  const paths = [homeUrl(), searchUrl(), tagsUrl(), originsUrl(), datesUrl(), classificationsUrl()];
  for (const [index, urlOf] of lists) {
    for (const group of index.values()) {
      for (let page = 1; page <= countPages(group.cables.length); page++) paths.push(urlOf(group.name, page));
    }
  }
  for (const cable of await getCables()) paths.push(cableUrl(cable.id));
  return paths;
}
