import { type ComponentType, lazy } from 'react';
import { Overview } from './pages/overview.js';

/**
 * The pages of the top navigation, in menu order: adding a page is adding one entry here (and its
 * `nav.<key>` label in the catalogs). Pages with charts are separate chunks, loaded when first opened.
 */
export interface NavPage {
  path: string;
  /** i18n key of the menu label */
  label: string;
  page: ComponentType;
  /** shows the period and filter bar above the page (the page reads the cut from the URL) */
  filters: boolean;
  /** the page draws series over time: the filter bar offers the bucket */
  buckets?: boolean;
  testId: string;
}

export const NAV: readonly NavPage[] = [
  { path: '/', label: 'app.overview', page: Overview, filters: true, buckets: true, testId: 'nav-overview' },
  {
    path: '/workspace',
    label: 'nav.workspace',
    page: lazy(() => import('./pages/workspace-page.js')),
    filters: false,
    testId: 'nav-workspace',
  },
  {
    path: '/agents',
    label: 'nav.agents',
    page: lazy(() => import('./pages/agents-page.js')),
    filters: true,
    testId: 'nav-agents',
  },
  {
    path: '/benchmarks',
    label: 'nav.benchmarks',
    page: lazy(() => import('./pages/benchmarks-page.js')),
    filters: true,
    testId: 'nav-benchmarks',
  },
  {
    path: '/staffing',
    label: 'nav.staffing',
    page: lazy(() => import('./pages/staffing-page.js')),
    filters: false,
    testId: 'nav-staffing',
  },
  {
    path: '/first-line',
    label: 'nav.firstLine',
    page: lazy(() => import('./pages/first-line-page.js')),
    filters: false,
    testId: 'nav-first-line',
  },
  {
    path: '/targets',
    label: 'nav.targets',
    page: lazy(() => import('./pages/targets-page.js')),
    filters: false,
    testId: 'nav-targets',
  },
];

/** The menu entry of a path, if it is one. */
export const navPage = (path: string): NavPage | undefined => NAV.find((p) => p.path === path);
