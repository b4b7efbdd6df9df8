/**
 * Docusaurus's (and Infima's) desktop breakpoint: a window wider than this gets the desktop
 * layout (sidebar and table of contents beside the page). Infima's CSS hardcodes the same value.
 */
export const DESKTOP_BREAKPOINT = 996;
