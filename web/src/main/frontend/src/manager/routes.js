// The manager pages: { path, nav (label in the navigation, optional), title, render(params) }.
export const routes = [];
