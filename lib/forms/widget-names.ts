/** The name under which the theme registers the username check (components/theme); the page model sets it as ui:widget. */
export const USERNAME_WIDGET = "username";
